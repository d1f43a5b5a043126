package extract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dipgraph/dipgraph/extract/fold"
)

// figure is one person of gazetteer/people.tsv with every office they held.
type figure struct {
	name  string
	terms []term // in the order of their start
}

// term is one office held for one span of time. Dates are yyyymmdd
// numbers; a year-only start is its first day and a year-only end its last.
type term struct {
	iso3   string // country of the office, IGO or NGO, or empty for a transnational armed group
	office string // empty for a Phoenix role
	sector string
	from   int
	to     int // 0: still in office
}

// openEnd stands for "today" and for a term with no end: the tables know
// nothing later than that.
const openEnd = 99991231

func (t term) end() int {
	if t.to == 0 {
		return openEnd
	}
	return t.to
}

// people indexes the figures by every name and alias, as phrase keys
// (lower-case tokens joined by spaces) and as their accent-folded forms.
type people struct {
	byKey     map[string]*figure
	bySurname map[string][]*figure // the last word of a name, folded: bush -> both presidents
	firsts    map[string]bool      // the first word of every key, for a quick test
	prefixes  map[string]bool      // every proper word prefix of every key
	maxTokens int
	// held lists, for every office, the countries whose figures held it
	// (IGO posts and armed groups aside): Prime Minister -> GBR, IND, ...
	held map[string]map[string]bool
}

var (
	peopleOnce sync.Once
	peopleIdx  *people
)

// loadPeople parses gazetteer/people.tsv, then the people of the Phoenix
// dictionaries (phoenix_people.tsv, whose roles have no office) once. A
// malformed row is skipped, never fatal; the gazetteer generator checks
// and makes the files.
//
// people.tsv: name aliases iso3 office sector from to
func loadPeople() *people {
	peopleOnce.Do(func() {
		p := &people{byKey: map[string]*figure{}, bySurname: map[string][]*figure{}, firsts: map[string]bool{}, prefixes: map[string]bool{}, held: map[string]map[string]bool{}}
		byName := map[string]*figure{}
		for _, r := range rows("gazetteer/people.tsv") {
			name := col(r, 0)
			from, ok := termDay(col(r, 5), false)
			if name == "" || !ok {
				continue
			}
			to, ok := termDay(col(r, 6), true)
			if !ok {
				continue
			}
			f := byName[name]
			if f == nil {
				f = &figure{name: name}
				byName[name] = f
				for _, s := range append([]string{name}, list(col(r, 1))...) {
					p.add(s, f)
				}
				if k, _ := phraseKey(name); k != "" {
					last := fold.Name(k[strings.LastIndexByte(k, ' ')+1:])
					p.bySurname[last] = append(p.bySurname[last], f)
				}
			}
			f.terms = append(f.terms, term{iso3: col(r, 2), office: col(r, 3), sector: col(r, 4), from: from, to: to})
			if iso3, office := col(r, 2), col(r, 3); iso3 != "" && iso3 != "IGO" {
				if p.held[office] == nil {
					p.held[office] = map[string]bool{}
				}
				p.held[office][iso3] = true
			}
		}
		// phoenix_people.tsv: name aliases iso3 sector code from to; the
		// people of people.tsv win, so a Phoenix name that is already a key
		// is passed over, and Phoenix surnames never join bySurname (they
		// would make "President Bush" or "the Smith government" ambiguous).
		phoenix := map[string]*figure{}
		for _, r := range rows("gazetteer/phoenix_people.tsv") {
			name := col(r, 0)
			from, ok := termDay(col(r, 5), false)
			if col(r, 5) == "" {
				from, ok = 0, true
			}
			to, ok2 := termDay(col(r, 6), true)
			if name == "" || !ok || !ok2 || byName[name] != nil && phoenix[name] == nil {
				continue
			}
			f := phoenix[name]
			if f == nil {
				f = &figure{name: name}
				phoenix[name] = f
				byName[name] = f
				for _, s := range append([]string{name}, list(col(r, 1))...) {
					p.add(s, f)
				}
			}
			f.terms = append(f.terms, term{iso3: col(r, 2), sector: col(r, 3), from: from, to: to})
		}
		for _, f := range byName {
			slices.SortStableFunc(f.terms, func(a, b term) int { return cmp.Compare(a.from, b.from) })
		}
		peopleIdx = p
	})
	return peopleIdx
}

func (p *people) add(s string, f *figure) {
	k, n := phraseKey(s)
	if k == "" {
		return
	}
	for _, key := range []string{k, fold.Name(k)} {
		first, _, _ := strings.Cut(key, " ")
		p.firsts[first] = true
		for i := len(first); i < len(key); i++ {
			if key[i] == ' ' {
				p.prefixes[key[:i]] = true
			}
		}
		if _, ok := p.byKey[key]; !ok {
			p.byKey[key] = f
		}
	}
	if n > p.maxTokens {
		p.maxTokens = n
	}
}

// match finds the longest name or alias at the start of toks. The first
// token must be capitalised or a particle ("al-Sisi", "bin Laden", "de
// Klerk"); spellings with and without accents match.
func (p *people) match(toks []token) (*figure, int) {
	if len(toks) == 0 || !toks[0].isCap() && !nameParticle(toks[0].lower) {
		return nil, 0
	}
	// a key without accents folds to itself: one lookup is enough
	if w := toks[0].lower; !p.firsts[w] {
		if f := fold.Name(w); f == w || !p.firsts[f] {
			return nil, 0
		}
	}
	max := p.maxTokens
	if max > len(toks) {
		max = len(toks)
	}
	var b strings.Builder
	keys := make([]string, 0, max)
	for i := 0; i < max; i++ {
		if i > 0 {
			if toks[i].start-toks[i-1].end > 1 || !toks[i].isWord() && toks[i].text != "." {
				break
			}
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].lower)
		keys = append(keys, b.String())
		if k := keys[len(keys)-1]; !p.prefixes[k] {
			if f := fold.Name(k); f == k || !p.prefixes[f] {
				break // no longer name starts so
			}
		}
	}
	for n := len(keys); n > 0; n-- {
		k := keys[n-1]
		if f := p.byKey[k]; f != nil {
			return f, n
		}
		if fk := fold.Name(k); fk != k {
			if f := p.byKey[fk]; f != nil {
				return f, n
			}
		}
	}
	return nil, 0
}

// titled finds the one person with this surname who held the office
// title on day d: "President Bush" in 1990 is George H. W. Bush, in 2004
// George W. Bush. It returns nil when nobody or more than one did.
func (p *people) titled(title, surname string, d int) *figure {
	var found *figure
	for _, f := range p.bySurname[fold.Name(surname)] {
		for _, t := range f.terms {
			if t.office == title && t.from <= d && d <= t.end() {
				if found != nil && found != f {
					return nil
				}
				found = f
			}
		}
	}
	return found
}

// nameParticles start names in lower case: "al-Assad", "bin Salman", "de
// Klerk", "von der Leyen", "zu Guttenberg".
var nameParticles = wordSet("name-particles")

func nameParticle(w string) bool {
	if head, _, ok := strings.Cut(w, "-"); ok {
		return nameParticles[head]
	}
	return nameParticles[w]
}

// at says what the figure was on day d (yyyymmdd, or openEnd for today):
// the office held then (the latest begun if several), or after an office
// ended, the latest office before d with former set. Before any office it
// returns the first one with ok false.
func (f *figure) at(d int) (t term, former, ok bool) {
	var best, last *term
	for i := range f.terms {
		x := &f.terms[i]
		switch {
		case x.from <= d && d <= x.end():
			if best == nil || x.from >= best.from {
				best = x
			}
		case x.end() < d:
			if last == nil || x.end() > last.end() || x.end() == last.end() && x.iso3 != "IGO" {
				last = x
			}
		}
	}
	switch {
	case best != nil:
		return *best, false, true
	case last != nil:
		t = *last
		if t.iso3 == "IGO" || t.iso3 == "" {
			// a former official of an organization is an elite of the
			// country of their last national office, if any
			for i := len(f.terms) - 1; i >= 0; i-- {
				if x := f.terms[i]; x.end() < d && x.iso3 != "IGO" && x.iso3 != "" {
					t.iso3 = x.iso3
					break
				}
			}
		}
		return t, true, true
	case len(f.terms) > 0:
		return f.terms[0], false, false
	}
	return term{}, false, false
}

// termDay reads a term date of people.tsv: YYYY or YYYY-MM-DD, as yyyymmdd.
// A bare year is its first day, or its last when end is set. An empty end
// is 0 (still in office).
func termDay(s string, end bool) (int, bool) {
	switch {
	case s == "" && end:
		return 0, true
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		if end {
			return y*10000 + 1231, true
		}
		return y*10000 + 101, true
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		n, err := strconv.Atoi(s[:4] + s[5:7] + s[8:])
		return n, err == nil
	}
	return 0, false
}

// foreignOffice reports whether an office is one that country iso3 does
// not have: several other countries' figures held it and none of iso3's
// ("Prime Minister" for the United States). An office the table knows
// too little of may be anyone's.
func (p *people) foreignOffice(office, iso3 string) bool {
	h := p.held[office]
	return len(h) >= 3 && !h[iso3]
}
