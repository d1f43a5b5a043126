package verbs

import (
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// Result is what the dictionary says of one verb of a sentence. (Go
// cannot name a type and a function alike, so the function is Match and
// its result Result.)
type Result struct {
	// Code is the CAMEO code of the act, "" when the dictionary codes it
	// as no event ("[---]").
	Code string
	// Passive is the code upstream gives the act read the other way round
	// (the 043 of "[042:043]", the 173 of "[:173]": the subject undergoes
	// the act), or "".
	Passive string
	// Family is the verb family of CAMEO.2.0 ("send", "blame").
	Family string
	// Pattern is the normalised pattern that decided the code, "" when the
	// bare verb's code was taken.
	Pattern string
	// Source and Target are the tokens that fill the pattern's "$" and
	// "+" slots, with the tokens coordinated with them; empty when the
	// pattern names no such slot.
	Source, Target []int
	// Words are the tokens the match used: the verb, a phrasal verb's
	// particle and the words of the pattern, in sentence order.
	Words []int
}

// Match codes the token at index verb of s. It looks the verb up by lemma
// (and by listed form), preferring a phrasal verb whose particle or other
// words the verb governs ("call off"), then tries its family's patterns,
// most specific first, against the verb's dependents. If none matches,
// the verb's own code is returned. The boolean is false when the verb is
// not in the dictionary; Code may still be "" when it is.
func Match(s *parse.Sentence, verb int) (Result, bool) {
	return NewReader(s).Match(verb)
}

// Reader codes the verbs of one sentence, reading its words and
// dependencies once for all of them. Make one with NewReader.
type Reader struct {
	s    *parse.Sentence
	read bool     // low, lem and kids are filled
	low  []string // lower-case text
	lem  []string // lower-case lemma
	kids [][]edge // the dependents of each token, in the order of s.Deps
	// room for one matcher at a time, cleared for each verb
	side    []side
	via     []string
	used    []bool
	present map[string]bool
}

// NewReader returns a Reader of s; it reads nothing before Match needs it.
func NewReader(s *parse.Sentence) *Reader { return &Reader{s: s} }

// Match codes the token at index verb of the Reader's sentence, as the
// function Match does.
func (rd *Reader) Match(verb int) (Result, bool) {
	s := rd.s
	if s == nil || verb < 0 || verb >= len(s.Tokens) {
		return Result{}, false
	}
	t := load()
	// most words are not in the dictionary: ask before reading the clause
	if tk := s.Tokens[verb]; len(t.verbs[tk.Lemma]) == 0 && len(t.verbs[strings.ToLower(tk.Text)]) == 0 {
		return Result{}, false
	}
	m := rd.matcher(verb)
	e, extra, ok := m.lookup(t)
	if !ok {
		return Result{}, false
	}
	for _, x := range extra {
		m.used[x] = true
	}
	out := Result{Family: e.family, Words: append([]int{verb}, extra...)}
	out.Code, out.Passive = e.active, e.passive
	for _, i := range m.candidates(t.families[e.family]) {
		r := t.families[e.family].rules[i]
		if !applies(e, r) || !m.try(r.c) {
			continue
		}
		out.Code, out.Passive = r.active, r.passive
		out.Pattern = r.text
		out.Source, out.Target = m.fills('$'), m.fills('+')
		out.Words = append(out.Words, m.bound...)
		break
	}
	sort.Ints(out.Words)
	return out, true
}

// candidates returns, in order, the rules of the family whose first
// needed word the clause holds, and those that need none.
func (m *matcher) candidates(f *family) []int32 {
	if f == nil {
		return nil
	}
	out := append([]int32{}, f.always...)
	for w := range m.present {
		out = append(out, f.byWord[w]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// applies reports whether a family's pattern may recode the verb. A verb
// the dictionary codes itself (ACCUSE [112] under BLAME) does not take a
// pattern written for a sibling that moves it to another CAMEO root
// (CONVICT's "(of &crime) [173]"): PETRARCH2 would, and codes "accused X
// of crimes" as an arrest.
func applies(e entry, r rule) bool {
	if !e.own || len(r.origin) == 0 {
		return true
	}
	for _, o := range r.origin {
		if o == e.words[0] {
			return true
		}
	}
	a, b := e.active, r.active
	return len(a) >= 2 && len(b) >= 2 && a[:2] == b[:2]
}

// side says which part of the verb's clause a token belongs to.
type side uint8

const (
	none    side = iota
	subject      // the logical subject's phrase, the verb's auxiliaries and fronted adverbs
	rest         // objects, obliques, complements, particles and their dependents
)

// edge is a dependency seen from its governor.
type edge struct {
	to  int
	rel string
}

// matcher holds one verb of one sentence while its patterns are tried.
type matcher struct {
	s       *parse.Sentence
	verb    int
	low     []string // lower-case text
	lem     []string // lower-case lemma
	kids    [][]edge
	side    []side
	via     []string // the relation by which the clause walk reached each token
	used    []bool
	passive bool
	subj    []int // logical subjects
	args    []int // logical objects, then obliques
	bound   []int // tokens bound by the pattern being tried
	slots   []slotFill
	at      []int           // the token each item of the pattern being tried is bound to
	present map[string]bool // the words of the clause, with plurals made singular
}

// slotFill is one "$" or "+" filled by a token.
type slotFill struct {
	sym byte
	tok int
}

// matcher returns a matcher of the token verb, sharing the sentence's
// words and dependencies, read on the first call.
func (rd *Reader) matcher(verb int) *matcher {
	s := rd.s
	n := len(s.Tokens)
	if !rd.read {
		rd.read = true
		rd.low, rd.lem = make([]string, n), make([]string, n)
		for i, tk := range s.Tokens {
			rd.low[i] = strings.ToLower(tk.Text)
			rd.lem[i] = tk.Lemma // lower case, as parse.Token promises
		}
		// one array for every token's dependents, in the order of s.Deps
		count := make([]int, n)
		total := 0
		for _, d := range s.Deps {
			if d.Gov >= 0 && d.Gov < n && d.Dep >= 0 && d.Dep < n {
				count[d.Gov]++
				total++
			}
		}
		all := make([]edge, 0, total)
		rd.kids = make([][]edge, n)
		for g, c := range count {
			rd.kids[g] = all[len(all) : len(all) : len(all)+c]
			all = all[:len(all)+c]
		}
		for _, d := range s.Deps {
			if d.Gov >= 0 && d.Gov < n && d.Dep >= 0 && d.Dep < n {
				rd.kids[d.Gov] = append(rd.kids[d.Gov], edge{d.Dep, d.Rel})
			}
		}
	}
	if rd.side == nil {
		rd.side, rd.via, rd.used, rd.present = make([]side, n), make([]string, n), make([]bool, n), map[string]bool{}
	} else { // the verb before is done with
		clear(rd.side)
		clear(rd.via)
		clear(rd.used)
		clear(rd.present)
	}
	m := &matcher{s: s, verb: verb, low: rd.low, lem: rd.lem,
		kids: rd.kids, side: rd.side, via: rd.via, used: rd.used}
	for _, e := range m.kids[verb] {
		if e.rel == "nsubj:pass" || e.rel == "aux:pass" {
			m.passive = true
		}
	}
	m.used[verb] = true
	m.sides()
	m.present = rd.present
	for i, sd := range m.side {
		if sd == none {
			continue
		}
		for _, w := range [2]string{m.low[i], m.lem[i]} {
			m.present[w] = true
			switch {
			case strings.HasSuffix(w, "ies"):
				m.present[w[:len(w)-3]+"y"] = true
			case strings.HasSuffix(w, "es"):
				m.present[w[:len(w)-2]] = true
				m.present[w[:len(w)-1]] = true
			case strings.HasSuffix(w, "s"):
				m.present[w[:len(w)-1]] = true
			}
		}
	}
	return m
}

// sides sorts the verb's clause into the subject's side and the rest.
func (m *matcher) sides() {
	v := m.verb
	for _, e := range m.kids[v] {
		switch {
		case !m.passive && (e.rel == "nsubj" || e.rel == "nsubj:xsubj" || e.rel == "csubj"),
			m.passive && e.rel == "obl:agent":
			m.subj = append(m.subj, e.to)
			m.walk(e.to, e.rel, subject, 2)
		case e.rel == "aux" || e.rel == "aux:pass" || (e.rel == "advmod" && e.to < v):
			m.mark(e.to, e.rel, subject)
		}
	}
	for _, e := range m.kids[v] {
		switch e.rel {
		case "iobj", "obj", "nsubj:pass":
			if e.rel != "nsubj:pass" || m.passive {
				m.args = append(m.args, e.to)
			}
		}
	}
	for _, e := range m.kids[v] {
		if strings.HasPrefix(e.rel, "obl") && e.rel != "obl:agent" {
			m.args = append(m.args, e.to)
		}
	}
	for _, e := range m.kids[v] {
		switch {
		case e.rel == "nsubj:pass" && m.passive:
		case skipRel(e.rel), strings.HasPrefix(e.rel, "nsubj"), strings.HasPrefix(e.rel, "csubj"),
			e.rel == "obl:agent", e.rel == "aux", e.rel == "aux:pass", e.rel == "cop":
			continue
		}
		m.walk(e.to, e.rel, rest, 3)
	}
}

// walk puts t, reached by rel, and its dependents, down to depth more
// levels, on side sd.
func (m *matcher) walk(t int, rel string, sd side, depth int) {
	if t == m.verb || m.side[t] != none {
		return
	}
	m.mark(t, rel, sd)
	if depth == 0 {
		return
	}
	for _, e := range m.kids[t] {
		if skipRel(e.rel) || e.rel == "ccomp" || strings.HasPrefix(e.rel, "nsubj") || strings.HasPrefix(e.rel, "csubj") {
			continue
		}
		m.walk(e.to, e.rel, sd, depth-1)
	}
}

func (m *matcher) mark(t int, rel string, sd side) {
	if t != m.verb && m.side[t] == none {
		m.side[t] = sd
		m.via[t] = rel
	}
}

// modifier reports relations that attach a word inside a noun phrase or
// a function word: a pattern's bare word or phrase head never binds such
// a token ("* war" does not match the "war" of "war crimes"); phrases
// and groups reach them from their head.
func modifier(rel string) bool {
	switch rel {
	case "compound", "amod", "nummod", "det", "case", "mark", "nmod:poss", "flat", "fixed", "cop":
		return true
	}
	return false
}

// skipRel reports relations that leave the verb's clause or carry no
// word a pattern names.
func skipRel(rel string) bool {
	switch rel {
	case "punct", "cc", "cc:preconj", "parataxis", "det", "det:predet", "acl:relcl", "ref", "discourse",
		"dep", "appos", "list", "reparandum", "orphan", "goeswith", "vocative", "advcl":
		return true
	}
	return strings.HasPrefix(rel, "conj") || strings.HasPrefix(rel, "advcl:") || strings.HasPrefix(rel, "parataxis")
}

// lookup finds the verb's dictionary entry: a phrasal verb whose other
// words the verb governs first, then the one-word verb, by lemma and then
// by surface form. extra holds the tokens of the phrasal verb's other
// words.
func (m *matcher) lookup(t *tables) (entry, []int, bool) {
	keys := []string{m.lem[m.verb], m.low[m.verb]}
	for _, k := range keys {
		for _, e := range t.verbs[k] {
			if len(e.words) == 1 {
				break
			}
			if extra, ok := m.phrasal(e.words[1:]); ok {
				return e, extra, true
			}
		}
	}
	for _, k := range keys {
		for _, e := range t.verbs[k] {
			if len(e.words) == 1 {
				return e, nil, true
			}
		}
	}
	return entry{}, nil, false
}

// phrasal finds, for each word, a distinct dependent of the verb that
// spells it: a particle (compound:prt), an adverb, an object or
// complement, or the case word of an oblique ("ask for aid").
func (m *matcher) phrasal(words []string) ([]int, bool) {
	var got []int
	taken := func(t int) bool {
		for _, g := range got {
			if g == t {
				return true
			}
		}
		return false
	}
	for _, w := range words {
		found := -1
		for _, e := range m.kids[m.verb] {
			switch {
			case e.rel == "compound:prt" || e.rel == "advmod" || e.rel == "obj" || e.rel == "xcomp" || e.rel == "iobj":
				if !taken(e.to) && m.is(w, e.to) {
					found = e.to
				}
			case strings.HasPrefix(e.rel, "obl"):
				for _, c := range m.kids[e.to] {
					if c.rel == "case" && !taken(c.to) && m.is(w, c.to) {
						found = c.to
					}
				}
			}
			if found >= 0 {
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		got = append(got, found)
	}
	return got, true
}

// is reports whether token t spells the pattern word w: its text or
// lemma, or a plural of w; "a/b" offers alternatives.
func (m *matcher) is(w string, t int) bool {
	for {
		alt, more, found := strings.Cut(w, "/")
		if alt != "" && (m.low[t] == alt || m.lem[t] == alt || plural(alt, m.low[t])) {
			return true
		}
		if !found {
			return false
		}
		w = more
	}
}

// plural reports whether tok is w with a plural ending, as PETRARCH2
// makes them (ally -> allies, bus -> buses, troop -> troops).
func plural(w, tok string) bool {
	switch {
	case len(tok) != len(w)+1 && len(tok) != len(w)+2:
		return false
	case strings.HasSuffix(w, "y") && len(tok) == len(w)+2 && strings.HasSuffix(tok, "ies") && strings.HasPrefix(tok, w[:len(w)-1]):
		return true
	case len(tok) == len(w)+1:
		return tok[len(w)] == 's' && strings.HasPrefix(tok, w)
	}
	return strings.HasSuffix(tok, "es") && strings.HasPrefix(tok, w)
}
