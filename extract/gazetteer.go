package extract

import (
	"embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dipgraph/dipgraph/extract/fold"
)

//go:generate go run ./gazetteer/gen -dir gazetteer

//go:embed gazetteer/*.tsv
var gazetteerFS embed.FS

// entryKind says what a gazetteer phrase names.
type entryKind uint8

const (
	kindCountry entryKind = iota + 1 // a country's name or alias
	kindDemonym                      // "Russian", "Azerbaijani"
	kindCapital                      // a capital city, also a metonym for its government
	kindCity                         // another city
	kindOrg                          // an organization
	kindRegion                       // a region or disputed territory
	kindTitle                        // an office: "foreign minister"
)

// entry is one thing a phrase can name.
type entry struct {
	kind    entryKind
	id      string // entity id: country:AZE, place:baku, org:osce-minsk-group, region:caucasus
	name    string // canonical name
	iso3    string // country of the entity (for countries, their own code)
	iso2    string
	orgKind string // igo, ngo, gov, armed_group, media, ...
	parent  string // parent organization id
	title   string // normalised office for titles
	sector  string // actor sector of a title (GOV, MIL, DIP, ...), or of a Phoenix organization
	exact   bool   // the phrase must match with its own letter case (acronyms)
	form    string // the phrase as written, for exact matches
	caps    []bool // which words of the phrase are written with a capital
}

// gazetteer maps phrases, as joined lower-case tokens, to what they name.
type gazetteer struct {
	phrases   map[string][]entry
	firsts    map[string]bool // the first token of every phrase
	prefixes  map[string]bool // every proper token prefix of every phrase
	maxTokens int
	countries map[string]entry // iso3 -> country entry
	capitals  map[string]entry // iso3 -> capital entry
	orgs      map[string]entry // id -> organization entry
	// predecessors maps a country to the state it was part of until a day
	predecessors map[string]predecessor
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

// loadGazetteer parses the embedded tables once. The tables are part of the
// binary; a malformed row is skipped, never fatal.
func loadGazetteer() *gazetteer {
	gazOnce.Do(func() {
		g := &gazetteer{phrases: map[string][]entry{}, firsts: map[string]bool{}, prefixes: map[string]bool{}, countries: map[string]entry{},
			capitals: map[string]entry{}, orgs: map[string]entry{}}
		g.loadCountries("gazetteer/countries.tsv") // merged with countries_extra.tsv by the generator
		g.loadCities()
		g.loadOrgs()
		g.loadRegions()
		g.loadTitles()
		g.loadPhoenixOrgs() // last: every name of ours wins
		g.loadPredecessors()
		gaz = g
	})
	return gaz
}

// loadPredecessors reads predecessors.tsv: the state a country was part
// of until a day, as yyyymmdd.
func (g *gazetteer) loadPredecessors() {
	g.predecessors = map[string]predecessor{}
	for _, r := range rows("gazetteer/predecessors.tsv") {
		iso, pre, until := col(r, 0), col(r, 1), strings.ReplaceAll(col(r, 2), "-", "")
		day, err := strconv.Atoi(until)
		if _, ok := g.countries[pre]; !ok || err != nil || len(until) != 8 {
			continue
		}
		g.predecessors[iso] = predecessor{iso3: pre, until: day}
	}
}

// predecessor is the state a country was part of, until a day (yyyymmdd).
type predecessor struct {
	iso3  string
	until int
}

// asOf gives the state a country's name stands for on day (yyyymmdd): its
// predecessor's on or before the predecessor's last day.
func (g *gazetteer) asOf(iso3 string, day int) string {
	if p, ok := g.predecessors[iso3]; ok && day <= p.until {
		return p.iso3
	}
	return iso3
}

func rows(name string) [][]string {
	b, err := gazetteerFS.ReadFile(name)
	if err != nil {
		return nil
	}
	var out [][]string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.Split(l, "\t"))
	}
	return out
}

func col(r []string, i int) string {
	if i < len(r) {
		return strings.TrimSpace(r[i])
	}
	return ""
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// phraseKey joins the lower-case tokens of a phrase, as the matcher sees them.
func phraseKey(p string) (string, int) {
	toks := tokenize(p, 0)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.lower
	}
	return strings.Join(parts, " "), len(toks)
}

func isAcronym(p string) bool {
	upper := 0
	for i, r := range p {
		if i > 0 && unicode.IsUpper(r) {
			upper++
		}
	}
	return upper > 0 && !strings.Contains(p, " ")
}

func (g *gazetteer) add(phrase string, e entry) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	k, n := phraseKey(phrase)
	if k == "" {
		return
	}
	e.exact = e.kind != kindTitle && isAcronym(phrase)
	e.form = phrase
	for _, w := range tokenize(phrase, 0) {
		e.caps = append(e.caps, w.isCap())
	}
	for _, old := range g.phrases[k] {
		if old.kind == e.kind && old.id == e.id && old.exact == e.exact && (!e.exact || old.form == e.form) {
			return
		}
	}
	g.phrases[k] = append(g.phrases[k], e)
	first, _, _ := strings.Cut(k, " ")
	g.firsts[first] = true
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			g.prefixes[k[:i]] = true
		}
	}
	if n > g.maxTokens {
		g.maxTokens = n
	}
}

// countries.tsv: iso3 iso2 name aliases demonyms capital capital_aliases
func (g *gazetteer) loadCountries(file string) {
	for _, r := range rows(file) {
		iso3, iso2, name := col(r, 0), col(r, 1), col(r, 2)
		if len(iso3) != 3 || name == "" {
			continue
		}
		c, ok := g.countries[iso3]
		if !ok {
			c = entry{kind: kindCountry, id: "country:" + iso3, name: name, iso3: iso3, iso2: iso2}
			g.countries[iso3] = c
		}
		g.add(name, c)
		for _, a := range list(col(r, 3)) {
			g.add(a, c)
		}
		for _, d := range list(col(r, 4)) {
			g.add(d, entry{kind: kindDemonym, id: c.id, name: c.name, iso3: iso3, iso2: c.iso2})
		}
		if capName := col(r, 5); capName != "" {
			cp, ok := g.capitals[iso3]
			if !ok {
				cp = entry{kind: kindCapital, id: "place:" + slug(capName), name: capName, iso3: iso3}
				g.capitals[iso3] = cp
			}
			g.add(capName, cp)
			for _, a := range list(col(r, 6)) {
				g.add(a, cp)
			}
		}
	}
}

// cities.tsv: name iso3 aliases
func (g *gazetteer) loadCities() {
	for _, r := range rows("gazetteer/cities.tsv") {
		name, iso3 := col(r, 0), col(r, 1)
		if name == "" {
			continue
		}
		e := entry{kind: kindCity, id: "place:" + slug(name), name: name, iso3: iso3}
		g.add(name, e)
		for _, a := range list(col(r, 2)) {
			g.add(a, e)
		}
	}
}

// organizations.tsv: id name aliases kind country parent
func (g *gazetteer) loadOrgs() {
	for _, r := range rows("gazetteer/organizations.tsv") {
		id, name := col(r, 0), col(r, 1)
		if id == "" || name == "" {
			continue
		}
		e := entry{kind: kindOrg, id: "org:" + id, name: name, orgKind: col(r, 3), iso3: col(r, 4)}
		if p := col(r, 5); p != "" {
			e.parent = "org:" + p
		}
		g.orgs[e.id] = e
		g.add(name, e)
		for _, a := range list(col(r, 2)) {
			g.add(a, e)
		}
	}
}

// phoenix_orgs.tsv: name aliases kind iso3 sector code. A body joins only
// when no table of ours holds any of its names; one that shares a name
// with ours, or its id with one of ours, is ours already.
func (g *gazetteer) loadPhoenixOrgs() {
	for _, r := range rows("gazetteer/phoenix_orgs.tsv") {
		name := col(r, 0)
		names := append([]string{name}, list(col(r, 1))...)
		id := "org:" + slug(name)
		if _, ours := g.orgs[id]; name == "" || ours {
			continue
		}
		e := entry{kind: kindOrg, id: id, name: name, orgKind: col(r, 2), iso3: col(r, 3), sector: col(r, 4)}
		if slices.ContainsFunc(names, func(s string) bool {
			k, _ := phraseKey(s)
			return k == "" || len(g.phrases[k]) > 0
		}) {
			continue
		}
		g.orgs[e.id] = e
		for _, s := range names {
			g.add(s, e)
		}
	}
}

// regions.tsv: id name aliases country kind
func (g *gazetteer) loadRegions() {
	for _, r := range rows("gazetteer/regions.tsv") {
		id, name := col(r, 0), col(r, 1)
		if id == "" || name == "" {
			continue
		}
		e := entry{kind: kindRegion, id: "region:" + id, name: name, iso3: col(r, 3), orgKind: col(r, 4)}
		g.add(name, e)
		for _, a := range list(col(r, 2)) {
			g.add(a, e)
		}
	}
}

// titles.tsv: pattern normalized sector
func (g *gazetteer) loadTitles() {
	for _, r := range rows("gazetteer/titles.tsv") {
		for _, p := range list(col(r, 0)) {
			g.add(strings.ToLower(p), entry{kind: kindTitle, title: col(r, 1), sector: col(r, 2)})
		}
	}
}

// lookup returns what the tokens starting at toks[0] may name, trying the
// longest phrase first. It returns the number of tokens matched.
func (g *gazetteer) lookup(toks []token) ([]entry, int) {
	if len(toks) == 0 || !g.firsts[toks[0].lower] {
		return nil, 0
	}
	max := g.maxTokens
	if max > len(toks) {
		max = len(toks)
	}
	// The phrases of 1..n tokens are prefixes of one buffer: ends[k] is
	// the length of the phrase of k+1 tokens. Map lookups by
	// string(key[:e]) do not allocate.
	var buf [128]byte
	var endBuf [16]int
	key, ends := buf[:0], endBuf[:0]
	for i := 0; i < max; i++ {
		if i > 0 {
			if toks[i].start-toks[i-1].end > 1 || !toks[i].isWord() && toks[i].text != "'s" && toks[i].text != "’s" && toks[i].text != "&" && toks[i].text != "," && toks[i].text != "'" && toks[i].text != "’" {
				break
			}
			key = append(key, ' ')
		}
		key = append(key, toks[i].lower...)
		ends = append(ends, len(key))
		if !g.prefixes[string(key)] {
			break // no longer phrase starts so
		}
	}
	for n := len(ends); n > 0; n-- {
		es, ok := g.phrases[string(key[:ends[n-1]])]
		if !ok {
			continue
		}
		var out []entry
		for _, e := range es {
			if e.exact && !sameCase(toks[:n], e.form) {
				continue
			}
			if e.kind != kindTitle && n > 1 && !capsAgree(toks[:n], e.caps) {
				continue // "Russia today" is not the channel Russia Today
			}
			if e.kind != kindTitle && !toks[0].isCap() && !(toks[0].lower == "the" && n > 1) && !nameParticle(toks[0].lower) {
				continue
			}
			out = append(out, e)
		}
		if len(out) > 0 {
			return out, n
		}
	}
	return nil, 0
}

func sameCase(toks []token, phrase string) bool {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	k := b.String()
	// compare without the spaces the tokenizer may have added
	return strings.ReplaceAll(k, " ", "") == strings.ReplaceAll(phrase, " ", "")
}

// slug makes an id part from a name: lower case, letters and digits joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.Name(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "O'Brien" -> obrien, "U.S." -> us
		default:
			dash = true
		}
	}
	return b.String()
}

// capsAgree reports whether every word written with a capital in a
// multiword name is capitalised in the text too (the first word excepted,
// which a sentence may capitalise or a "the" may precede). caps was read
// from the name when the gazetteer was loaded, not at every match.
func capsAgree(toks []token, caps []bool) bool {
	if len(caps) != len(toks) {
		return true // tokenised differently: do not judge
	}
	for k := 1; k < len(caps); k++ {
		if caps[k] && !toks[k].isCap() {
			return false
		}
	}
	return true
}
