package extract

import "slices"

// The arguments of a trigger read off the parse: the bridge between the
// frames (frame_*.go), which say what each argument means for an act, and
// the syntax stage (syntax.go), which says which words are the arguments.
// Each method reports ok=false when the sentence has no parse or the parse
// names no argument of a known kind; the frame then falls back to reading
// the tokens in order.

// trigHeads returns the parse tokens of the trigger at the rules' tokens
// [i, i+n), in order.
func (sy *syntax) trigHeads(i, n int) []int {
	var out []int
	for k := i; k < i+n; k++ {
		if p := sy.at(k); p >= 0 && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// argSubjects returns the mentions that act in the trigger at [i, i+n).
func (x *extraction) argSubjects(si, i, n int) ([]mention, bool) {
	sy := x.d.syn[si]
	if sy == nil {
		return nil, false
	}
	hs := sy.trigHeads(i, n)
	if len(hs) == 0 {
		return nil, false
	}
	ms := x.d.ments[si]
	for _, h := range hs {
		var subj []int
		for _, s := range sy.subjects(h) {
			if !slices.Contains(hs, s) || s != hs[0] && sy.ment[s] >= 0 {
				subj = append(subj, s)
			}
		}
		if len(subj) > 0 {
			// people run together in one noun phrase by the parser
			// ("Secretary Blinken and Minister Jaishankar agreed" read
			// as compounds of one name) are each a subject
			for _, s := range append([]int(nil), subj...) {
				for _, c := range sy.kids(s, func(r string) bool { return r == "compound" }) {
					if k := sy.ment[c]; k >= 0 && ms[k].ent != nil && ms[k].ent.typ == TypePerson && k != sy.ment[s] {
						subj = append(subj, c)
					}
				}
			}
			if out := actorMentions(sy.mentions(subj, ms)); len(out) > 0 {
				return out, true
			}
		}
	}
	return nil, false // no side of a known kind: the frame reads the words in order
}

// argObjects returns the mentions on the other side of the trigger at
// [i, i+n), in the order the frame should try them, and for each the
// preposition that links it ("" for a direct object).
func (x *extraction) argObjects(si, i, n int) ([]mention, []string, bool) {
	sy := x.d.syn[si]
	if sy == nil {
		return nil, nil, false
	}
	hs := sy.trigHeads(i, n)
	if len(hs) == 0 {
		return nil, nil, false
	}
	ms := x.d.ments[si]
	var out []mention
	var preps []string
	seen := map[int]bool{}
	for _, h := range hs {
		for _, o := range sy.objects(h) {
			if o == h || o == hs[0] {
				continue // a trigger word itself; its modifiers may still name the side ("rejected a Chilean request")
			}
			k := sy.mentionAt(o)
			if k < 0 || seen[k] || ms[k].ent == nil {
				continue
			}
			seen[k] = true
			out = append(out, ms[k])
			preps = append(preps, sy.prepOf(h, o))
		}
	}
	return out, preps, true
}

// argPatients returns the mentions that a passive trigger was done to,
// and whether the trigger is passive at all.
func (x *extraction) argPatients(si, i, n int) ([]mention, bool) {
	sy := x.d.syn[si]
	if sy == nil {
		return nil, false
	}
	for _, h := range sy.trigHeads(i, n) {
		if sy.passive(h) {
			return actorMentions(sy.mentions(sy.patients(h), x.d.ments[si])), true
		}
	}
	return nil, false
}

// parsedPassive reports whether the parse reads the trigger as passive;
// ok is false without a parse.
func (x *extraction) parsedPassive(si, i, n int) (passive, ok bool) {
	sy := x.d.syn[si]
	if sy == nil {
		return false, false
	}
	hs := sy.trigHeads(i, n)
	if len(hs) == 0 {
		return false, false
	}
	for _, h := range hs {
		if sy.passive(h) {
			return true, true
		}
	}
	return false, true
}

// prepOf returns the preposition linking o to h, following conjuncts:
// in "met with A and B" B is linked "with" too.
func (sy *syntax) prepOf(h, o int) string {
	if p := sy.prep(h, o); p != "" || sy.hasRel(h, o, "obj") || sy.hasRel(h, o, "iobj") {
		return p
	}
	for _, g := range sy.govs(o, func(r string) bool { return rel(r, "conj") }) {
		if p := sy.prep(h, g); p != "" {
			return p
		}
	}
	return ""
}

// actorMentions keeps the mentions that can act: people, countries,
// groups, organizations, capitals standing for their country, and the
// groups a pronoun or "the two countries" stands for.
func actorMentions(ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		if isActor(m) || m.form == 'g' || m.form == 'p' && m.ent != nil {
			out = append(out, m)
		}
	}
	return out
}

// visitPreps link a destination to a visit: "visit X", "travel to X", "leave for X",
// "arrive in X", "a tour of X", "be at X".
var visitPreps = map[string]bool{"": true, "to": true, "in": true, "at": true, "of": true, "for": true}

// visitArgs returns the visitor and the countries or places visited by the
// trigger at [i, i+n): from the parse where there is one, else the first
// actor before and the first country or place after.
func (x *extraction) visitArgs(si, i, n, from, to int) (*mention, []mention) {
	toks, ms := x.d.sents[si].tokens, x.d.ments[si]
	if subjs, ok := x.argSubjects(si, i, n); ok {
		objs, preps, _ := x.argObjects(si, i, n)
		var hosts []mention
		for k, m := range objs {
			if m.ent != nil && (m.ent.typ == TypeCountry || m.ent.typ == TypePlace) && visitPreps[preps[k]] {
				hosts = append(hosts, m)
			}
		}
		return &subjs[0], hosts
	}
	subj := subjectBefore(toks, ms, from, i)
	for _, m := range actorsAfter(toks, ms, i+n-1, to) {
		if m.ent.typ == TypeCountry || m.ent.typ == TypePlace {
			return subj, []mention{m}
		}
	}
	return subj, nil
}

// meetPreps link the other side of a meeting: "met X", "met with X",
// "talks between A and B", "a call to X".
var meetPreps = map[string]bool{"": true, "with": true, "between": true, "among": true, "to": true}

// meetArgs returns the subjects and the other sides of a meeting, talks or
// a call at [i, i+n) from the parse; parsed is false without one. What
// is discussed is the topic: after "discuss" only "with" names a side.
func (x *extraction) meetArgs(si, i, n int, discuss bool) (subjs, others []mention, parsed bool) {
	subjs, ok := x.argSubjects(si, i, n)
	if !ok {
		return nil, nil, false
	}
	objs, preps, _ := x.argObjects(si, i, n)
	if len(objs) == 0 && len(subjs) < 2 {
		return nil, nil, false // the other side by the order of the words
	}
	for k, m := range objs {
		p := preps[k]
		if discuss && p != "with" || !meetPreps[p] || sameActor(subjs, m.ent) {
			continue
		}
		if isActor(m) || m.form == 'p' && m.ent != nil {
			others = append(others, m)
		}
	}
	return subjs, others, true
}

// ownAgent reports whether the event noun at the rules' token i has an
// agent of its own in the parse: "condemned Russia's invasion of
// Ukraine" reports the invasion as well as the condemnation.
func (x *extraction) ownAgent(si, i int) bool {
	sy := x.d.syn[si]
	p := sy.at(i)
	if p < 0 || !sy.isNoun(p) {
		return false
	}
	own := sy.kids(p, func(r string) bool { return r == "nmod:poss" || r == "nmod:by" || r == "nmod:agent" })
	own = append(append(own, sy.pair(p)...), sy.modifierAgents(p)...) // "the US-led invasion"
	for _, a := range own {
		if k := sy.mentionAt(a); k >= 0 && isActor(x.d.ments[si][k]) {
			return true
		}
	}
	return x.d.ledBy(x.d.sents[si].tokens, i) != nil // "the US-led invasion"
}

// coordinated reports whether two mentions head conjuncts of one phrase
// ("Israel and Jordan"): then an act on the first is an act on both.
func (x *extraction) coordinated(si int, a, b mention) bool {
	sy := x.d.syn[si]
	if sy == nil {
		return false
	}
	root := func(m mention) int {
		p := -1
		for k, t := range sy.s.Tokens {
			if t.Start >= m.Start && t.End <= m.End {
				p = k // the last token of the mention heads an English noun phrase
			}
		}
		for n := 0; p >= 0 && n < 8; n++ {
			gs := sy.govs(p, func(r string) bool { return rel(r, "conj") })
			if len(gs) == 0 {
				gs = sy.govs(p, func(r string) bool { return r == "compound" || r == "amod" || r == "flat" })
				if len(gs) == 0 {
					break
				}
			}
			p = gs[0]
		}
		return p
	}
	ra, rb := root(a), root(b)
	return ra >= 0 && ra == rb
}
