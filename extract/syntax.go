package extract

import (
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// syntax is the parser's reading of one sentence, aligned with the rules'
// tokens and mentions: the stage that turns dependencies into the
// arguments of a trigger (who acts, on whom, with whom).
//
// Relations are the enhanced++ ones: a subject shared by coordinated verbs
// ("arrived in Paris and met the President") is a subject of each, a
// controlled subject ("agreed to withdraw") is nsubj:xsubj of the
// infinitive, conjuncts of an object are objects too ("visit A, B and C").
type syntax struct {
	s     *parse.Sentence
	ofTok []int // the rules' token index -> parse token, -1 when none
	toTok []int // parse token -> the rules' token index, -1 when none
	ment  []int // parse token -> index of the mention holding it, -1
	down  [][]parse.Dep
	up    [][]parse.Dep
	ms    []mention // the sentence's mentions, which ment indexes
}

// newSyntax aligns a parse with the tokens and mentions of a sentence by
// byte offsets. It returns nil when the parse has no tokens.
func newSyntax(p *parse.Sentence, toks []token, ms []mention) *syntax {
	if p == nil || len(p.Tokens) == 0 {
		return nil
	}
	sy := &syntax{s: p, ms: ms, ofTok: make([]int, len(toks)), toTok: make([]int, len(p.Tokens)),
		ment: make([]int, len(p.Tokens)), down: make([][]parse.Dep, len(p.Tokens)), up: make([][]parse.Dep, len(p.Tokens))}
	for i := range sy.ofTok {
		sy.ofTok[i] = -1
	}
	for i := range sy.toTok {
		sy.toTok[i], sy.ment[i] = -1, -1
	}
	j := 0
	for i, t := range toks {
		for j < len(p.Tokens) && p.Tokens[j].End <= t.start {
			j++
		}
		// the parse token that overlaps this token's first byte
		for k := j; k < len(p.Tokens) && p.Tokens[k].Start < t.end; k++ {
			if sy.ofTok[i] < 0 {
				sy.ofTok[i] = k
			}
			if sy.toTok[k] < 0 {
				sy.toTok[k] = i
			}
		}
	}
	for mi, m := range ms {
		for k, pt := range p.Tokens {
			if pt.Start >= m.Start && pt.End <= m.End && sy.ment[k] < 0 {
				sy.ment[k] = mi
			}
		}
	}
	for _, d := range p.Deps {
		if d.Dep < 0 || d.Dep >= len(p.Tokens) {
			continue
		}
		sy.up[d.Dep] = append(sy.up[d.Dep], d)
		if d.Gov >= 0 && d.Gov < len(p.Tokens) {
			sy.down[d.Gov] = append(sy.down[d.Gov], d)
		}
	}
	return sy
}

// tiePeople gives a person of no known country the country that a
// demonym or country name in his own noun phrase names: "Japanese finance
// official Toyoo Gyohten", "a Russian Defence Ministry spokesman, Igor
// Konashenkov" (within two steps of the name's head, not crossing into
// clauses).
func (sy *syntax) tiePeople() {
	if sy == nil {
		return
	}
	for k, m := range sy.ms {
		if m.ent == nil || m.ent.typ != TypePerson || m.ent.country != "" || m.ent.sector == "IGO" {
			continue
		}
		head := -1
		for p := range sy.s.Tokens {
			if sy.ment[p] == k {
				head = p // the last token of the name heads it
			}
		}
		if head < 0 {
			continue
		}
		near := sy.kids(head, func(r string) bool { return r == "compound" || r == "amod" || r == "appos" })
		for _, c := range append([]int(nil), near...) {
			near = append(near, sy.kids(c, func(r string) bool { return r == "compound" || r == "amod" })...)
		}
		for _, c := range near {
			if j := sy.ment[c]; j >= 0 && j != k && sy.ms[j].ent != nil && sy.ms[j].ent.typ == TypeCountry && sy.ms[j].form == 'd' {
				m.ent.country = sy.ms[j].ent.iso3
				break
			}
		}
	}
}

// at returns the parse token of the rules' token i, or -1.
func (sy *syntax) at(i int) int {
	if sy == nil || i < 0 || i >= len(sy.ofTok) {
		return -1
	}
	return sy.ofTok[i]
}

// rel reports whether r is the relation want or one of its subtypes:
// rel("obl:with", "obl") is true.
func rel(r, want string) bool {
	return r == want || strings.HasPrefix(r, want+":")
}

// kids returns the dependents of v whose relation passes keep, in text order.
func (sy *syntax) kids(v int, keep func(string) bool) []int {
	var out []int
	for _, d := range sy.down[v] {
		if keep(d.Rel) && !slices.Contains(out, d.Dep) {
			out = append(out, d.Dep)
		}
	}
	slices.Sort(out)
	return out
}

// govs returns the governors of v by a relation that passes keep.
func (sy *syntax) govs(v int, keep func(string) bool) []int {
	var out []int
	for _, d := range sy.up[v] {
		if d.Gov >= 0 && keep(d.Rel) && !slices.Contains(out, d.Gov) {
			out = append(out, d.Gov)
		}
	}
	return out
}

// underTopic reports whether the noun at parse token v is, within a few
// steps up through objects, obliques, nominal modifiers, conjuncts,
// appositions and clauses that complete a noun, what a word of
// discussion is about ("discuss [the war]", "address [the pandemic,
// economic cooperation and the war]", "talks on [the ceasefire]").
func (sy *syntax) underTopic(v int) bool {
	for n := 0; n < 5; n++ {
		gs := sy.govs(v, func(r string) bool {
			return rel(r, "obj") || r == "obl:on" || r == "obl:about" || rel(r, "nmod") || rel(r, "conj") || rel(r, "appos") || rel(r, "acl") || rel(r, "xcomp")
		})
		if len(gs) == 0 {
			return false
		}
		v = gs[0]
		if topicWords[strings.ToLower(sy.s.Tokens[v].Lemma)] {
			return true
		}
	}
	return false
}

// relOf returns the relation by which g governs d, or "".
func (sy *syntax) relOf(d, g int) string {
	for _, e := range sy.up[d] {
		if e.Gov == g {
			return e.Rel
		}
	}
	return ""
}

// passive reports whether the verb v is in the passive voice: it has a
// passive subject or a passive auxiliary.
func (sy *syntax) passive(v int) bool {
	for _, d := range sy.down[v] {
		if rel(d.Rel, "nsubj:pass") || d.Rel == "aux:pass" || rel(d.Rel, "csubj:pass") {
			return true
		}
	}
	return false
}

// isNoun reports whether the parse token v is a noun.
func (sy *syntax) isNoun(v int) bool { return strings.HasPrefix(sy.s.Tokens[v].POS, "NN") }

// lightVerbs take an event noun as their object and lend it their
// subject: "held talks", "paid a visit", "made a call", "launched an attack".
var lightVerbs = map[string]bool{"hold": true, "have": true, "pay": true, "make": true, "launch": true,
	"conduct": true, "carry": true, "begin": true, "start": true, "continue": true, "resume": true,
	"stage": true, "mount": true, "issue": true, "sign": true, "reach": true, "conclude": true,
	"open": true, "host": true, "attend": true, "join": true, "lead": true, "undertake": true, "give": true,
	"provide": true, "offer": true, "send": true, "deliver": true, "grant": true, "extend": true,
	"pledge": true, "deploy": true, "announce": true, "impose": true, "order": true, "intensify": true,
	"step": true, "escalate": true, "renew": true, "file": true, "lodge": true, "express": true}

// phraseHead climbs from a noun that modifies another ("peacekeeping" in
// "peacekeeping training", "arms" in "arms sales") to the noun heading
// the phrase, which is the one other words attach to.
func (sy *syntax) phraseHead(v int) int {
	for k := 0; k < 3; k++ {
		gs := sy.govs(v, func(r string) bool { return r == "compound" || r == "amod" })
		if len(gs) == 0 || !sy.isNoun(gs[0]) {
			return v
		}
		v = gs[0]
	}
	return v
}

// subjects returns the parse tokens that head the subject of the trigger
// at parse token v: the active subject of a verb (shared across
// coordination and control), the agent of a passive ("by X"), the
// possessor or "by" agent of an event noun ("X's visit", "criticism by
// X"), or the subject of the light verb that governs the noun.
func (sy *syntax) subjects(v int) []int {
	if sy.isNoun(v) {
		var out []int
		for _, w := range []int{v, sy.phraseHead(v)} {
			out = append(out, sy.kids(w, func(r string) bool { return r == "nmod:poss" || r == "nmod:by" || r == "nmod:agent" })...)
		}
		if len(out) == 0 {
			out = sy.pair(v)
		}
		if len(out) == 0 {
			out = sy.modifierAgents(v)
		}
		h := sy.phraseHead(v)
		// "X reaffirmed their support": a possessive pronoun is the
		// subject of the verb that takes the noun
		ownPron := len(out) > 0 && !slices.ContainsFunc(out, func(k int) bool { return sy.s.Tokens[k].POS != "PRP$" })
		for _, g := range sy.govs(h, func(r string) bool { return r == "obj" || rel(r, "nsubj:pass") }) {
			// "kidnapped advisers and exploded bombs": the noun a second
			// verb takes is done by that verb's subject
			conjVerb := len(out) == 0 && len(sy.govs(g, func(r string) bool { return rel(r, "conj") })) > 0
			if lightVerbs[sy.s.Tokens[g].Lemma] || (ownPron || conjVerb) && rel(sy.relOf(h, g), "obj") {
				out = append(out, sy.subjects(g)...)
			}
		}
		return sy.withConj(out)
	}
	if sy.passive(v) {
		return sy.withConj(sy.kids(v, func(r string) bool { return r == "obl:agent" || r == "obl:by" }))
	}
	out := sy.kids(v, func(r string) bool { return r == "nsubj" || r == "nsubj:xsubj" || r == "csubj" })
	if len(out) == 0 {
		// "efforts by Ruritanian agents to harass": the infinitive that
		// completes an event noun is done by the noun's agent
		for _, g := range sy.govs(v, func(r string) bool { return rel(r, "acl") }) {
			if sy.isNoun(g) && g < v {
				out = append(out, sy.kids(g, func(r string) bool { return r == "nmod:poss" || r == "nmod:by" || r == "nmod:agent" })...)
			}
		}
	}
	if len(out) == 0 {
		// "to harass, intimidate and abduct": a conjunct the parser left
		// without a subject shares the first one's
		for _, g := range sy.govs(v, func(r string) bool { return rel(r, "conj") }) {
			if g < v && !sy.isNoun(g) {
				out = append(out, sy.kids(g, func(r string) bool { return r == "nsubj" || r == "nsubj:xsubj" })...)
			}
		}
	}
	// "rejects efforts by Ruritanian agents to harass": a subject that is an
	// event noun stands for the noun's agent
	for k, s := range out {
		if sy.ment[s] < 0 && sy.isNoun(s) {
			if ag := sy.kids(s, func(r string) bool { return r == "nmod:poss" || r == "nmod:by" || r == "nmod:agent" }); len(ag) > 0 {
				out[k] = ag[0]
			}
		}
	}
	if len(out) == 0 {
		// an adverbial or adjectival clause's verb takes its governor's
		// subject only when the parser said so; a participle modifying a
		// noun ("the troops sent to Mali") is done by no one named
		return nil
	}
	return sy.withConj(out)
}

// pair returns the two sides of a hyphenated pair that modifies the noun
// v, "the Iran-Iraq war", "U.S.-Japan talks": both act in what the noun
// names. The parser hangs the first on the second ("Iran" a compound of
// "Iraq") and the second on the noun.
func (sy *syntax) pair(v int) []int {
	mod := func(r string) bool { return r == "compound" || r == "amod" }
	for _, b := range sy.kids(v, mod) {
		for _, a := range sy.kids(b, mod) {
			if a+1 < b && dash(sy.s.Tokens[a+1].Text) {
				return []int{a, b}
			}
		}
	}
	return nil
}

// modifierAgents returns the actors that modify the event noun v as its
// agent: "the U.S. attack", "Russian strikes", "the US-led invasion".
func (sy *syntax) modifierAgents(v int) []int {
	var out []int
	for _, k := range sy.kids(v, func(r string) bool { return r == "compound" || r == "amod" }) {
		if k > v {
			continue
		}
		if sy.ment[k] >= 0 {
			out = append(out, k)
			continue
		}
		if strings.HasPrefix(sy.s.Tokens[k].POS, "VBN") {
			// "US-led", "Iran-backed": the one who leads or backs it
			for _, a := range sy.kids(k, func(r string) bool { return rel(r, "obl") || r == "compound" || r == "nsubj" }) {
				if a < k && sy.ment[a] >= 0 {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// dash reports whether a token is a hyphen or a dash.
func dash(w string) bool { return w == "-" || w == "–" || w == "—" }

// patients returns the parse tokens heading what the passive verb v was
// done to: its passive subject.
func (sy *syntax) patients(v int) []int {
	return sy.withConj(sy.kids(v, func(r string) bool { return rel(r, "nsubj:pass") }))
}

// objectPreps name the obliques that hold the other side of an act.
var objectPreps = map[string]bool{"with": true, "to": true, "against": true, "on": true, "toward": true,
	"towards": true, "from": true, "for": true, "between": true, "among": true, "into": true, "at": true,
	"in": true, "of": true, "upon": true, "over": true, "about": true, "by": true}

// objects returns the parse tokens heading the other side of the trigger
// at parse token v, in order: the direct and indirect objects, then the
// obliques ("with X", "to X", "against X") of a verb, or the nominal
// modifiers of an event noun ("of X", "with X", "to X", "between A and
// B"); a noun that is the object of a light verb also takes that verb's
// obliques ("held talks with X"). Temporal obliques are left out.
func (sy *syntax) objects(v int) []int {
	keep := func(r string) bool {
		if r == "obj" || r == "iobj" {
			return true
		}
		for _, pre := range []string{"obl:", "nmod:"} {
			if strings.HasPrefix(r, pre) {
				p := strings.TrimPrefix(r, pre)
				return objectPreps[p] || strings.Contains(p, "_")
			}
		}
		return false
	}
	out := sy.kids(v, keep)
	if sy.isNoun(v) {
		h := sy.phraseHead(v)
		if h != v {
			for _, o := range sy.kids(h, keep) {
				if !slices.Contains(out, o) {
					out = append(out, o)
				}
			}
		}
		for _, g := range sy.govs(h, func(r string) bool { return r == "obj" }) {
			if lightVerbs[sy.s.Tokens[g].Lemma] {
				for _, o := range sy.kids(g, keep) {
					if o != v && !slices.Contains(out, o) {
						out = append(out, o)
					}
				}
			}
		}
	}
	// "demanded that X stop", "warned that X would": the other side is
	// the subject of the clause the act is about
	if !sy.isNoun(v) {
		for _, c := range sy.kids(v, func(r string) bool { return r == "ccomp" }) {
			for _, sb := range sy.kids(c, func(r string) bool { return r == "nsubj" || rel(r, "nsubj:pass") }) {
				if !slices.Contains(out, sb) {
					out = append(out, sb)
				}
			}
		}
	}
	// direct objects first, then the rest in text order
	var first, rest []int
	for _, o := range out {
		if sy.hasRel(v, o, "obj") || sy.hasRel(v, o, "iobj") {
			first = append(first, o)
		} else {
			rest = append(rest, o)
		}
	}
	return sy.withConj(append(first, rest...))
}

// prep returns the preposition that links o to v ("with" for obl:with),
// or "" for a core argument.
func (sy *syntax) prep(v, o int) string {
	for _, d := range sy.down[v] {
		if d.Dep == o {
			if i := strings.IndexByte(d.Rel, ':'); i > 0 && (strings.HasPrefix(d.Rel, "obl") || strings.HasPrefix(d.Rel, "nmod")) {
				return d.Rel[i+1:]
			}
		}
	}
	return ""
}

func (sy *syntax) hasRel(v, o int, r string) bool {
	for _, d := range sy.down[v] {
		if d.Dep == o && d.Rel == r {
			return true
		}
	}
	return false
}

// withConj adds the conjuncts of each head ("A, B and C"), keeping order.
func (sy *syntax) withConj(hs []int) []int {
	out := append([]int(nil), hs...)
	for k := 0; k < len(out); k++ {
		for _, c := range sy.kids(out[k], func(r string) bool { return rel(r, "conj") }) {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// nominalKeep are the relations inside a noun phrase that may hold the
// actor a head stands for: "Algerian leaders", "the Government of
// Romania", "President Biden", "U.S. embassy staff".
func nominalKeep(r string) bool {
	switch r {
	case "compound", "amod", "nmod:poss", "appos", "flat", "det:poss", "nmod:of", "nmod:from", "nummod", "dep":
		return true
	}
	return rel(r, "compound") || rel(r, "flat")
}

// mentionAt returns the index of the mention the argument headed by the
// parse token h stands for: the mention holding h, or else the nearest
// mention inside h's noun phrase (breadth first, not crossing into
// clauses). It returns -1 when the phrase names no mention.
func (sy *syntax) mentionAt(h int) int {
	k := sy.mentionIn(h)
	if k >= 0 && sy.placeless(k) {
		// "the people of Chile", "members of the Government of
		// Romania": a group of no country stands for the one it is of
		for _, o := range sy.kids(h, func(r string) bool { return r == "nmod:of" || r == "nmod:from" || r == "nmod:in" }) {
			if j := sy.mentionIn(o); j >= 0 && !sy.placeless(j) {
				return j
			}
		}
	}
	return k
}

// placeless reports whether mention k is a group or body of no known
// country, which a phrase may place ("the people of Chile").
func (sy *syntax) placeless(k int) bool {
	e := sy.ms[k].ent
	return e == nil || (e.typ == typeGroup || e.typ == TypeOrganization && e.orgKind != "igo") && e.country == "" && e.iso3 == ""
}

// mentionIn is mentionAt without the look past a group of no country.
func (sy *syntax) mentionIn(h int) int {
	if sy.ment[h] >= 0 {
		return sy.ment[h]
	}
	seen := map[int]bool{h: true}
	frontier := []int{h}
	for depth := 0; depth < 3 && len(frontier) > 0; depth++ {
		var next []int
		for _, v := range frontier {
			for _, c := range sy.kids(v, nominalKeep) {
				if seen[c] {
					continue
				}
				seen[c] = true
				if sy.ment[c] >= 0 {
					return sy.ment[c]
				}
				next = append(next, c)
			}
		}
		frontier = next
	}
	return -1
}

// mentions maps argument heads to the mentions they stand for, without
// repeats, in the order of the heads.
func (sy *syntax) mentions(hs []int, ms []mention) []mention {
	var out []mention
	seen := map[int]bool{}
	for _, h := range hs {
		if k := sy.mentionAt(h); k >= 0 && !seen[k] {
			seen[k] = true
			out = append(out, ms[k])
		}
	}
	return out
}
