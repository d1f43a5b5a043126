package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/extract/fold"
)

// entity is one real-world entity of the article, with every mention of it.
type entity struct {
	id, typ, name string
	iso3, iso2    string // countries
	country       string // ISO3 the entity belongs to
	countryFrom   string // where country came from when the text does not say: "dateline"
	title         string // a person's office
	sector        string
	org           string // id of the body a person speaks for
	orgKind       string
	parent        string
	gender        byte // 'f', 'm' or 0
	occupation    string
	aliases       []string
	mentions      []Span
	first         int      // offset of the first mention
	parts         []string // the words of name, split once
	partsOf       string   // the name parts was split from
}

// mention is one reference to an entity (or to a group of them) in a sentence.
type mention struct {
	Span
	ent    *entity
	group  []*entity // "our countries", "the two countries"
	tok    int       // index of the first token in the sentence
	toks   int       // number of tokens
	sector string    // GOV, MIL, ... when the mention names a part of a country
	form   byte      // 'n' name, 'd' demonym, 'c' capital metonym, 't' title only, 'p' pronoun, 's' surname, 'g' group
}

// actor returns the entity the mention stands for as an actor: a capital
// stands for its country.
func (m mention) country() string {
	if m.ent == nil {
		return ""
	}
	if m.ent.typ == TypeCountry {
		return m.ent.iso3
	}
	return m.ent.country
}

// doc is the state of one extraction.
type doc struct {
	g        *gazetteer
	bodies   []body
	text     string
	ents     map[string]*entity
	order    []*entity
	persons  []*entity // in order of last mention
	sents    []sentence
	ments    [][]mention
	syn      []*syntax     // the parse of each sentence, nil where none was given
	dateline string        // ISO3 of the dateline country
	listed   map[Span]bool // mentions that are items of a list of countries (lists.go)
	// publisher is the ISO3 code of the government that issues the
	// article (publisher.go), or "" for a news outlet
	publisher string
	signer    *entity // the person who speaks as "I" in a release
	artID     string  // the article's id, which scopes its groups
	people    *people
	day       int // the publication day as yyyymmdd, or openEnd when unknown
	// lookups remembered for the sentence being read
	lookToks []token
	looked   []looked
	asTitled string // the office an undated text gave the figure being read
	// lastThing is the country or body named last, which "it" may stand for
	lastThing *entity
	// quotes is the quotation state at the start of each sentence, once
	// inQuote has asked (voice.go)
	quotes []quoteState
}

type body struct {
	patterns [][]string // lower-case tokens of each variant
	name     string
	kind     string
	sector   string
}

func loadBodies() []body {
	var out []body
	for _, r := range rows("gazetteer/bodies.tsv") {
		b := body{name: col(r, 1), kind: col(r, 2), sector: col(r, 3)}
		for _, p := range list(col(r, 0)) {
			k, _ := phraseKey(p)
			b.patterns = append(b.patterns, strings.Fields(k))
		}
		out = append(out, b)
	}
	return out
}

// matchBody returns the body named by the tokens at toks[0:], longest first.
func (d *doc) matchBody(toks []token) (body, int) {
	best, bestN := body{}, 0
	if len(toks) == 0 {
		return best, 0
	}
	if !bodyStarts[toks[0].lower] {
		return best, 0
	}
	for _, b := range d.bodies {
		for _, p := range b.patterns {
			n := len(p)
			if n > len(toks) || n <= bestN || p[0] != toks[0].lower {
				continue
			}
			ok := true
			for k := 1; k < n; k++ {
				if p[k] != toks[k].lower {
					ok = false
					break
				}
			}
			if ok {
				best, bestN = b, n
			}
		}
	}
	return best, bestN
}

func joinLower(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lower)
	}
	return b.String()
}

// entityFor returns the article's entity for a gazetteer entry, creating it.
func (d *doc) entityFor(e entry) *entity {
	if iso := d.g.asOf(e.iso3, d.day); iso != e.iso3 {
		// "Moscow" in 1987: the Soviet Union's
		if e.kind == kindCountry || e.kind == kindDemonym {
			e = d.g.countries[iso]
		} else {
			e.iso3 = iso
		}
	}
	if x, ok := d.ents[e.id]; ok {
		return x
	}
	x := &entity{id: e.id, name: e.name, country: e.iso3, orgKind: e.orgKind, parent: e.parent}
	switch e.kind {
	case kindCountry, kindDemonym:
		c := d.g.countries[e.iso3]
		x.typ, x.iso3, x.iso2, x.country, x.name = TypeCountry, e.iso3, c.iso2, "", c.name
		x.id = "country:" + e.iso3
	case kindCapital, kindCity:
		x.typ = TypePlace
	case kindOrg:
		x.typ = TypeOrganization
	case kindRegion:
		x.typ = TypeRegion
	}
	return d.add(x)
}

func (d *doc) add(x *entity) *entity {
	if old, ok := d.ents[x.id]; ok {
		return old
	}
	d.ents[x.id] = x
	d.order = append(d.order, x)
	x.first = -1
	return x
}

func (d *doc) countryEntity(iso3 string) *entity {
	c, ok := d.g.countries[iso3]
	if !ok {
		return nil
	}
	return d.entityFor(c)
}

// headNouns name who speaks or acts for a body: "the head of X".
var headNouns = wordSet("head-nouns")

// nameLike reports whether a lone capitalised word could be a surname:
// not a pronoun, determiner or quantifier ("Another", "Both"), and not a
// word of an English noun ending ("Inflation", "Progress", "Accounting").
func nameLike(w string) bool {
	if strings.ContainsAny(w, "'’") || notNames[w] {
		return false
	}
	for _, suf := range []string{"tion", "sion", "ness", "ment", "ity", "ing", "ance", "ence", "ism",
		"ship", "ous", "ive", "ful", "less", "able", "ible", "ure", "ery", "ogy", "ics", "ress", "way", "ly"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// notNames are lower-case words that, capitalised alone, are no surname:
// pronouns, determiners and quantifiers ("Another", "Both"); nameLike reads it.
var notNames = wordSet("not-names")

// loneNameSlot reports whether a word after a lone capitalised word makes
// it the subject of an act: an auxiliary, a speech verb or a past form.
func loneNameSlot(w string) bool {
	switch w {
	case "has", "had", "have", "was", "is", "will", "would", "said", "says", "told", "also":
		return true
	}
	return strings.HasSuffix(w, "ed") && len(triggers.candidates(w)) > 0 || irregularForms[w] && len(triggers.candidates(w)) > 0
}

// personalOffices are what a person acts through: "Holcomb's office".
var personalOffices = wordSet("personal-offices")

// honorifics may stand between an office and a name.
var honorifics = wordSet("honorifics")

// stopCaps are capitalised words that never start or belong to a person's name.
var stopCaps = wordSet("stop-caps")

// givenName reports whether a month's name opens a person's name, as
// "Jan Lipavsky" and "April Ryan" do: a capitalised word that is no month,
// date or function word follows it directly.
func givenName(toks []token, j int) bool {
	if monthOf(toks[j].text) == 0 || j+1 >= len(toks) {
		return false
	}
	n := toks[j+1]
	return n.isWord() && n.isCap() && !n.isNumber() && !stopCaps[n.lower] && monthOf(n.text) == 0 && n.start-toks[j].end == 1
}

// nameAt reads a person's name starting at toks[i]: one to three capitalised
// words that name nothing in the gazetteer. It returns the token count.
func (d *doc) nameAt(toks []token, i int) int {
	n := 0
	for j := i; j < len(toks) && n < 4; j++ {
		t := toks[j]
		if !t.isWord() || !t.isCap() || stopCaps[t.lower] && !(j == i && givenName(toks, j)) || t.isNumber() || hyphenAdjective(t.text) {
			break
		}
		if j > i && t.start-toks[j-1].end > 1 {
			break
		}
		// an initial: "Antony J. Blinken"
		if len(t.text) == 1 && j+2 < len(toks) && toks[j+1].text == "." && toks[j+2].isCap() && toks[j+2].isWord() {
			n += 2
			j++
			continue
		}
		if es, _ := d.lookAt(toks, j); len(es) > 0 && es[0].kind != kindTitle {
			// "Lavrov" is no place; but a gazetteer word ends a name
			break
		}
		n++
	}
	return n
}

// skipHonorifics returns the token after the honorifics at toks[k]:
// "Dr.", "Mr", "Sheikh".
func skipHonorifics(toks []token, k int) int {
	for k+1 < len(toks) && honorifics[toks[k].lower] {
		k++
		if toks[k].text == "." && k+1 < len(toks) {
			k++
		}
	}
	return k
}

// portfolioWords end the portfolio of an office written before a name:
// "Under Secretary for Political Affairs Victoria Nuland".
var portfolioWords = wordSet("portfolio-words")

// portfolioEnd returns the token after the last portfolio word among the
// first nn-2 words of a name read at i, or i when there is none: at least
// two words stay for the name.
func portfolioEnd(toks []token, i, nn int) int {
	end := i
	for k := i; k < i+nn-2; k++ {
		if portfolioWords[toks[k].lower] {
			end = k + 1
		}
	}
	return end
}

// countryPair reads a word of hyphen-joined countries or demonyms that
// the gazetteer does not know whole ("Iran-Iraq", "Israeli-Palestinian")
// as one mention of each country, on its own part of the word.
func (d *doc) countryPair(toks []token, i int) []mention {
	t := toks[i]
	if !t.isCap() || !strings.Contains(t.text, "-") || hyphenAdjective(t.text) {
		return nil
	}
	if _, n := d.lookAt(toks, i); n > 0 {
		return nil // "Nagorno-Karabakh", "Guinea-Bissau"
	}
	var out []mention
	at := t.start
	for _, part := range strings.Split(t.text, "-") {
		es, n := d.g.lookup([]token{{text: part, lower: strings.ToLower(part)}})
		if n != 1 || len(es) == 0 || es[0].kind != kindCountry && es[0].kind != kindDemonym {
			return nil
		}
		form := byte('n')
		if es[0].kind == kindDemonym {
			form = 'd'
		}
		out = append(out, mention{Span: Span{at, at + len(part)}, ent: d.entityFor(es[0]), tok: i, toks: 1, form: form})
		at += len(part) + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// hyphenAdjective reports whether a capitalised word is a compound
// adjective, no part of a name: "Russian-made", "Saudi-led", "Iran-backed".
func hyphenAdjective(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k < 0 || k+1 >= len(w) {
		return false
	}
	r := w[k+1]
	return r >= 'a' && r <= 'z'
}

func (d *doc) personEntity(name string) *entity {
	id := "person:" + slug(name)
	x := d.add(&entity{id: id, typ: TypePerson, name: name})
	return x
}

// knownPerson finds an article person named by toks[i:]: the full name or
// the surname alone.
func (d *doc) knownPerson(toks []token, i int) (*entity, int) {
	for _, p := range d.order {
		if p.typ != TypePerson {
			continue
		}
		if p.parts == nil || p.partsOf != p.name {
			p.parts, p.partsOf = strings.Fields(p.name), p.name
		}
		parts := p.parts
		if len(parts) == 0 {
			continue
		}
		if i+len(parts) <= len(toks) {
			ok := true
			for k, w := range parts {
				if toks[i+k].text != w {
					ok = false
					break
				}
			}
			if ok {
				return p, len(parts)
			}
		}
		if len(parts) > 1 && toks[i].text == parts[len(parts)-1] {
			return p, 1
		}
		// family name first: "Hu" for Hu Jintao, "Kim" for Kim Jong Un
		if len(parts) > 1 && familyNameFirst[p.country] && toks[i].text == parts[0] {
			return p, 1
		}
	}
	return nil, 0
}

// femaleTitles are parts of titles that say a woman holds them
// ("spokeswoman", "chairwoman"); guessGender reads them.
var femaleTitles = wordSet("female-titles")

// guessGender guesses from the title and the name. Unknown is 0.
func guessGender(title, name string) byte {
	for w := range femaleTitles {
		if strings.Contains(strings.ToLower(title), w) {
			return 'f'
		}
	}
	parts := strings.Fields(name)
	if len(parts) == 0 {
		return 0
	}
	last := strings.ToLower(parts[len(parts)-1])
	for _, suf := range []string{"ova", "eva", "yeva", "ina", "aya", "ska", "cka", "ovna", "evna"} {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return 'f'
		}
	}
	if len(parts) > 1 {
		first := strings.ToLower(parts[0])
		if strings.HasSuffix(first, "a") && !maleA[first] {
			return 'f'
		}
		if femaleNames[first] {
			return 'f'
		}
	}
	return 'm'
}

// maleA are first names ending in "a" that are men's ("Nikita", "Luca"):
// guessGender takes other such first names for women's.
var maleA = wordSet("male-a")

// femaleNames are women's first names that do not end in "a"
// ("Hillary", "Condoleezza"); guessGender reads them.
var femaleNames = wordSet("female-names")

// pronoun kinds
func pronounGender(lower string) byte {
	switch lower {
	case "he", "him", "his":
		return 'm'
	case "she", "her", "hers":
		return 'f'
	}
	return 0
}

// touch records that a person was mentioned last, for pronoun resolution.
func (d *doc) touch(p *entity) {
	for i, q := range d.persons {
		if q == p {
			d.persons = append(d.persons[:i], d.persons[i+1:]...)
			break
		}
	}
	d.persons = append(d.persons, p)
}

// ledBy reads "Saudi-led", "US-led" before toks[i]: the country that
// leads the group.
func (d *doc) ledBy(toks []token, i int) *entity {
	if i == 0 {
		return nil
	}
	w := toks[i-1].text
	if !strings.HasSuffix(strings.ToLower(w), "-led") {
		return nil
	}
	lead := tokenize(w[:len(w)-4], 0)
	if es, n := d.g.lookup(lead); n == len(lead) && n > 0 {
		for _, e := range es {
			if e.kind == kindCountry || e.kind == kindDemonym {
				return d.countryEntity(e.iso3)
			}
		}
	}
	return nil
}

// possessor finds the country a possessive pronoun stands for: "his"
// and "her" the country of the last person spoken of, "its" and "their"
// the last country or body named.
func (d *doc) possessor(w string) *entity {
	if w == "his" || w == "her" {
		if p := d.recentPerson(func(e *entity) bool { return e.country != "" }); p != nil {
			return d.countryEntity(p.country)
		}
	}
	if e := d.lastThing; e != nil {
		if e.typ == TypeCountry {
			return e
		}
		if e.country != "" {
			return d.countryEntity(e.country)
		}
	}
	return nil
}

// bodyMention is the mention of a country's body over toks[from:to]: an
// organization of its own for a ministry, else the country acting through
// a sector ("the Government of Austria" is Austria, GOV).
func (d *doc) bodyMention(b body, c *entity, toks []token, from, to int) mention {
	sp := Span{toks[from].start, toks[to-1].end}
	if b.kind == "org" {
		o := d.add(&entity{id: "org:" + strings.ToLower(c.iso3) + "-" + slug(b.name), typ: TypeOrganization,
			name: b.name + " of " + c.name, country: c.iso3, orgKind: "gov", sector: b.sector})
		return mention{Span: sp, ent: o, tok: from, toks: to - from, form: 'n'}
	}
	return mention{Span: sp, ent: c, tok: from, toks: to - from, form: 'n', sector: b.sector}
}

func (d *doc) recentPerson(match func(*entity) bool) *entity {
	for i := len(d.persons) - 1; i >= 0; i-- {
		if match(d.persons[i]) {
			return d.persons[i]
		}
	}
	return nil
}

// genericOfficials are nouns that refer back to a person already named:
// "the Russian official", "the diplomat", "the minister".
var genericOfficials = wordPairs("generic-officials")

// findMentions reads the entity mentions of sentence si.
func (d *doc) findMentions(si int) []mention {
	s := &d.sents[si]
	toks := s.tokens
	// the sentence before's memo is done with: its room serves again
	if cap(d.looked) >= len(toks) {
		d.looked = d.looked[:len(toks)]
		clear(d.looked)
	} else {
		d.looked = make([]looked, len(toks), max(len(toks), 64))
	}
	d.lookToks = toks
	var out []mention
	var modCountry *entity // a country named just before: "Russian", "Azerbaijan's"
	modEnd := -1
	var modOrg *entity
	for i := 0; i < len(toks); {
		t := toks[i]
		// Pronouns.
		if g := pronounGender(t.lower); g != 0 && (t.lower == "he" || t.lower == "she") {
			if p := d.recentPerson(func(e *entity) bool { return e.gender == g || e.gender == 0 }); p != nil {
				out = append(out, mention{Span: Span{t.start, t.end}, ent: p, tok: i, toks: 1, form: 'p'})
			}
			i++
			continue
		}
		// "it" for the country or body spoken of: "Israel announced it would free"
		if t.lower == "it" && d.lastThing != nil && i+1 < len(toks) && itActs(toks[i+1].lower) {
			out = append(out, mention{Span: Span{t.start, t.end}, ent: d.lastThing, tok: i, toks: 1, form: 'p'})
			i++
			continue
		}
		// "the Iran-Iraq war", "Israeli-Palestinian talks": a pair of
		// countries joined into one word names both
		if ps := d.countryPair(toks, i); len(ps) > 0 {
			out = append(out, ps...)
			i++
			continue
		}
		// "our countries", "both countries", "the two countries", "our two countries"
		if n := groupCountries(toks, i); n > 0 {
			out = append(out, mention{Span: Span{t.start, toks[i+n-1].end}, tok: i, toks: n, form: 'g'})
			i += n
			continue
		}
		// "we", "our government": the issuing government's voice
		if m, n := d.signerAt(si, toks, i); n > 0 {
			out = append(out, m)
			d.touch(m.ent)
			i += n
			continue
		}
		if m, n := d.voiceAt(si, toks, i); n > 0 {
			out = append(out, m)
			i += n
			continue
		}
		// A person already met: full name or surname.
		if t.isCap() {
			if p, n := d.knownPerson(toks, i); p != nil {
				// a title before it may add to what we know
				out = append(out, mention{Span: Span{t.start, toks[i+n-1].end}, ent: p, tok: i, toks: n, form: 's'})
				d.touch(p)
				i += n
				continue
			}
		}
		// "the Russian official", "the spokeswoman", "the minister"
		if t.lower == "the" && i+1 < len(toks) {
			j := i + 1
			var cty *entity
			if es, n := d.lookAt(toks, j); n == 1 && len(es) > 0 && es[0].kind == kindDemonym {
				cty = d.entityFor(es[0])
				j++
			}
			if j < len(toks) {
				key, n := toks[j].lower, 1
				if j+1 < len(toks) {
					if two := key + " " + toks[j+1].lower; genericOfficials[two] != "" || two == "top diplomat" {
						key, n = two, 2
					}
				}
				if title, ok := genericOfficials[key]; ok && !(j+n < len(toks) && toks[j+n].isCap() && !stopCaps[toks[j+n].lower]) {
					p := d.recentPerson(func(e *entity) bool {
						if cty != nil && e.country != cty.iso3 {
							return false
						}
						if underling(e.title) && !underling(title) {
							return false // "the President" is no vice president
						}
						return title == "" || strings.Contains(e.title, title) || (title == "Minister" && strings.Contains(e.title, "Minister"))
					})
					if p != nil {
						out = append(out, mention{Span: Span{t.start, toks[j+n-1].end}, ent: p, tok: i, toks: j + n - i, form: 't'})
						d.touch(p)
						i = j + n
						continue
					}
				}
			}
		}
		// "the head of the UN agency", "members of the New People's Army",
		// "a delegation of Japan": who speaks or acts for a body or country
		if headNouns[t.lower] && i+2 < len(toks) && toks[i+1].lower == "of" {
			j := i + 2
			if toks[j].lower == "the" && j+1 < len(toks) {
				j++
			}
			var e *entity
			n := 0
			if es, k := d.lookAt(toks, j); k > 0 && (es[0].kind == kindCountry || es[0].kind == kindOrg) {
				e, n = d.entityFor(pick(es, d)), k
			} else if k, kind := orgNameAt(toks, j); k > 0 {
				e, n = d.unknownOrg(toks, j, k, kind), k
			}
			if e != nil {
				// "Ali Aliyev, chairman of the Civic Solidarity Party": the
				// person speaks for the body
				if i > 0 && toks[i-1].text == "," && len(out) > 0 && out[len(out)-1].tok+out[len(out)-1].toks == i-1 {
					if p := out[len(out)-1].ent; p != nil && p.typ == TypePerson {
						if p.org == "" && e.typ == TypeOrganization {
							p.org = e.id
						}
						if p.country == "" {
							p.country = firstOf(e.iso3, e.country)
						}
					}
				}
				out = append(out, mention{Span: Span{t.start, toks[j+n-1].end}, ent: e, tok: i, toks: j + n - i, form: 'n'})
				d.lastThing = e
				i = j + n
				continue
			}
		}
		// "his government", "their army": the body of the country of whom
		// the pronoun stands for
		if possessives[t.lower] && t.lower != "my" && t.lower != "your" && t.lower != "our" && i+1 < len(toks) {
			if b, n := d.matchBody(toks[i+1:]); n > 0 && (b.kind == "gov" || b.kind == "mil" || b.kind == "org") {
				if c := d.possessor(t.lower); c != nil {
					out = append(out, d.bodyMention(b, c, toks, i, i+1+n))
					i += 1 + n
					continue
				}
			}
		}
		// "the Government of Austria", "the Foreign Ministry of Turkey"
		if b, n := d.matchBody(toks[i:]); n > 0 && b.kind != "civ" && b.kind != "reb" && b.kind != "opp" && i+n+1 < len(toks) && toks[i+n].lower == "of" {
			j := i + n + 1
			if toks[j].lower == "the" && j+1 < len(toks) {
				j++
			}
			if cs, cn := d.lookAt(toks, j); cn > 0 && cs[0].kind == kindCountry {
				c := d.entityFor(cs[0])
				out = append(out, d.bodyMention(b, c, toks, i, j+cn))
				d.lastThing = c
				i = j + cn
				continue
			}
		}
		// Government bodies and forces of a country named before: "Russian Foreign Ministry".
		if modCountry != nil && modEnd == i {
			if b, n := d.matchBody(toks[i:]); n > 0 {
				sp := Span{t.start, toks[i+n-1].end}
				if b.kind == "org" {
					o := d.add(&entity{id: "org:" + strings.ToLower(modCountry.iso3) + "-" + slug(b.name), typ: TypeOrganization,
						name: b.name + " of " + modCountry.name, country: modCountry.iso3, orgKind: "gov", sector: b.sector})
					// the country mention becomes part of the body's name
					tok := i
					if len(out) > 0 && out[len(out)-1].ent == modCountry {
						sp.Start, tok = out[len(out)-1].Start, out[len(out)-1].tok
						out = out[:len(out)-1]
					}
					out = append(out, mention{Span: sp, ent: o, tok: tok, toks: i + n - tok, form: 'n'})
					modOrg = o
				} else if len(out) > 0 && out[len(out)-1].ent == modCountry {
					last := &out[len(out)-1]
					last.sector = b.sector
					last.End = sp.End
					last.toks += n
				}
				i += n
				modEnd = i
				if i < len(toks) && (toks[i].lower == "'s" || toks[i].lower == "’s") {
					i++
					modEnd = i
				}
				continue
			}
		}
		// Titles, then a name: "Foreign Minister Sergey Lavrov", "FM Lavrov".
		if es, n := d.lookAt(toks, i); n > 0 && es[0].kind == kindTitle {
			// a title only counts with a capital ("Foreign Minister X") or before a name
			k, titleEnd := i+n, i+n
			// "Special Envoy for the Sahel Ann Smith": the portfolio is part
			// of the office, and a name of two words or more follows it
			if pk := d.portfolioAfter(toks, k); pk > k && d.nameAt(toks, skipHonorifics(toks, pk)) >= 2 {
				k, titleEnd = pk, pk
				if toks[pk-1].text == "," {
					titleEnd--
				}
			}
			// "Prime Minister Dr Abiy Ahmed": an honorific is no part of the name
			k = skipHonorifics(toks, k)
			nn := d.nameAt(toks, k)
			if nn == 1 && (len(triggers.candidates(toks[k].lower)) > 0 || portfolioWords[toks[k].lower] || thingHead(toks[k].text)) {
				nn = 0 // "General Agreement on Tariffs", "the General Staff": no name
			}
			if _, fn := d.people.match(toks[k:]); fn > nn {
				nn = fn // a known name that holds a word like "May"
			}
			if nn > 0 && (toks[i].isCap() || nn > 1) {
				// capitalised words between a country and the title belong
				// to the office: "Indian External Affairs Minister X"
				start, title := i, es[0].title
				if modCountry != nil && modEnd < i && capsBetween(toks, modEnd, i) {
					start, modEnd = modEnd, i
				} else if j := officeStart(toks, out, i); j < i {
					start = j // "External Affairs Minister Jaishankar"
				}
				if start < i || titleEnd > i+n {
					title = spanText(d.text, toks[start].start, toks[titleEnd-1].end)
				}
				name := spanText(d.text, toks[k].start, toks[k+nn-1].end)
				var p *entity
				if kp, kn := d.knownPerson(toks, k); kp != nil && kn == nn {
					p = kp // "Secretary Blinken" after "Antony J. Blinken"
				} else if f := d.figureAt(toks, k, nn, es[0].title); f != nil {
					d.asTitled = es[0].title
					p = d.figurePerson(f) // "FM Sergei Lavrov" is Sergey Lavrov; "President Bush" in 1990
					if nn > 1 && name != p.name {
						p.aliases = appendUnique(p.aliases, name) // as the text writes it
					}
				} else {
					p = d.personEntity(name)
					if c := d.ofCountry(toks, k+nn); c != "" && p.country == "" {
						p.country = c // "King Hassan of Morocco"
					}
					if p.country == "" && nn == 1 {
						// "President Bush": one of several who held the
						// office, all of one country
						p.country = d.leaderCountryAs(toks[k].lower, es[0].title)
					}
				}
				if p.title == "" {
					p.title = title
					p.sector = es[0].sector
				}
				if modCountry != nil && modEnd == i {
					if p.country == "" {
						p.country = modCountry.iso3
					}
					// "Azerbaijani" in "Azerbaijani Foreign Minister X" modifies X
					if len(out) > 0 && out[len(out)-1].ent == modCountry {
						out[len(out)-1].form = 'm'
					}
				}
				if modOrg != nil && modEnd == i && p.org == "" {
					p.org = modOrg.id
					if p.country == "" {
						p.country = modOrg.country
					}
				}
				if p.country == "" {
					p.country = d.officeCountry(es[0]) // the issuing government's envoy
				}
				if p.gender == 0 {
					p.gender = guessGender(spanText(d.text, t.start, toks[i+n-1].end), name)
				}
				// the mention spans the title and the name: "FM Sergey Lavrov"
				out = append(out, mention{Span: Span{toks[start].start, toks[k+nn-1].end}, ent: p, tok: start, toks: k + nn - start, form: 'n'})
				d.touch(p)
				i = k + nn
				modCountry, modOrg = nil, nil
				continue
			}
			// "the President of Ukraine", "Minister of Foreign Affairs of
			// Jordan Ayman Safadi": the office of a country, or its holder
			if k+1 < len(toks) && toks[k].lower == "of" {
				j := k + 1
				if toks[j].lower == "the" && j+1 < len(toks) {
					j++
				}
				if cs, cn := d.lookAt(toks, j); cn > 0 && (cs[0].kind == kindCountry || cs[0].kind == kindCapital) {
					c := d.entityFor(cs[0])
					end := j + cn
					if c.typ == TypeCountry {
						if nn := d.nameAt(toks, end); nn >= 2 {
							p := d.personEntity(spanText(d.text, toks[end].start, toks[end+nn-1].end))
							if p.title == "" {
								p.title, p.sector = es[0].title, es[0].sector
							}
							if p.country == "" {
								p.country = c.iso3
							}
							out = append(out, mention{Span: Span{t.start, toks[end+nn-1].end}, ent: p, tok: i, toks: end + nn - i, form: 'n'})
							d.touch(p)
							i = end + nn
							continue
						}
						out = append(out, mention{Span: Span{t.start, toks[end-1].end}, ent: c, tok: i, toks: end - i, form: 'n', sector: es[0].sector})
						d.lastThing = c
						i = end
						continue
					}
				}
			}
			// "the Deputy Secretary", "The Acting Assistant Secretary"
			if m, ok := d.bareOffice(toks, i, n, es[0]); ok {
				out = append(out, m)
				if m.ent.typ == TypePerson {
					d.touch(m.ent)
				}
				i += n
				continue
			}
			i += n
			continue
		}
		// A known figure by name alone: "Putin said", "Sergei Lavrov".
		if t.isCap() || nameParticle(t.lower) {
			if f, fn := d.people.match(toks[i:]); f != nil {
				p := d.figurePerson(f)
				out = append(out, mention{Span: Span{t.start, toks[i+fn-1].end}, ent: p, tok: i, toks: fn, form: 'n'})
				d.touch(p)
				i += fn
				continue
			}
		}
		// An unknown place or leader with a body: "the Johor government", "the
		// Bush administration", "Kachin rebels".
		if t.isCap() && !stopCaps[t.lower] && (i == 0 || !toks[i-1].isCap() || toks[i-1].lower == "the") {
			if o, n := d.unknownBody(toks, i); o != nil {
				out = append(out, mention{Span: Span{t.start, toks[i+n-1].end}, ent: o, tok: i, toks: n, form: 'n'})
				i += n
				continue
			}
		}
		// A body the gazetteer does not know, by the word its name ends
		// in: "the Ogaden National Liberation Front (ONLF)".
		if t.isCap() && !orgStops[t.lower] && (i == 0 || !toks[i-1].isCap() || toks[i-1].lower == "the") {
			if n, kind := orgNameAt(toks, i); n > 0 {
				if es, k := d.lookAt(toks, i); k == 0 || (len(es) > 0 && (es[0].kind == kindDemonym || es[0].kind == kindCountry || es[0].kind == kindRegion) && k < n-1 && !d.bodyAfter(toks, i+k)) {
					o := d.unknownOrg(toks, i, n, kind)
					m := mention{Span: Span{t.start, toks[i+n-1].end}, ent: o, tok: i, toks: n, form: 'n'}
					i += n
					// its acronym after it: "(ONLF)"
					if i+2 < len(toks) && toks[i].text == "(" && isAcronymToken(toks[i+1].text) && toks[i+2].text == ")" {
						o.aliases = appendUnique(o.aliases, toks[i+1].text)
						m.End, m.toks = toks[i+2].end, m.toks+3
						i += 3
					}
					out = append(out, m)
					d.lastThing = o
					continue
				}
			}
		}
		// A name of two or more words that the gazetteer does not know, used
		// as a speaker or an agent: "Jeffrey Kupfer said", "Mike Pompeo met".
		if t.isCap() && (i == 0 || !toks[i-1].isCap() || toks[i-1].lower == "the") {
			if nn := d.nameAt(toks, i); nn >= 2 && i+nn < len(toks) && !thingHead(toks[i+nn-1].text) && d.agentSlot(toks, i+nn) {
				if k := portfolioEnd(toks, i, nn); k > i {
					// "Special Envoy for Climate John Kerry", "Assistant
					// Secretary for Democracy, Human Rights, and Labor Lisa
					// Peterson": the office's portfolio ends before the name
					nn -= k - i
					i, t = k, toks[k]
					if f, fn := d.people.match(toks[i:]); f != nil && fn == nn {
						p := d.figurePerson(f)
						out = append(out, mention{Span: Span{t.start, toks[i+fn-1].end}, ent: p, tok: i, toks: fn, form: 'n'})
						d.touch(p)
						i += fn
						continue
					}
				}
				name := spanText(d.text, t.start, toks[i+nn-1].end)
				var p *entity
				if f := d.figureAt(toks, i, nn, ""); f != nil {
					p = d.figurePerson(f) // "Antony J. Blinken" is Antony Blinken
					p.aliases = appendUnique(p.aliases, name)
				} else {
					p = d.personEntity(name)
				}
				if p.gender == 0 {
					p.gender = guessGender("", name)
				}
				d.apposition(p, toks, i+nn)
				out = append(out, mention{Span: Span{t.start, toks[i+nn-1].end}, ent: p, tok: i, toks: nn, form: 'n'})
				d.touch(p)
				i += nn
				continue
			}
		}
		// A name before "'s office": "Holcomb's office declined to comment";
		// the person acts through the office
		if t.isCap() && (i == 0 || !toks[i-1].isCap()) {
			if nn := d.nameAt(toks, i); nn >= 1 && i+nn+1 < len(toks) && (toks[i+nn].lower == "'s" || toks[i+nn].lower == "’s") && personalOffices[toks[i+nn+1].lower] {
				if es, k := d.lookAt(toks, i); k == 0 || len(es) == 0 {
					p := d.personEntity(spanText(d.text, t.start, toks[i+nn-1].end))
					out = append(out, mention{Span: Span{t.start, toks[i+nn+1].end}, ent: p, tok: i, toks: nn + 2, form: 'n'})
					d.touch(p)
					i += nn + 2
					continue
				}
			}
		}
		// A lone surname the tables do not know, opening a clause and
		// acting: "Papandreou agreed to resign", "Syms has pushed for".
		if i == 0 && t.isCap() && t.isWord() && len(t.text) >= 3 && !isAcronymToken(t.text) && i+1 < len(toks) &&
			!stopCaps[t.lower] && !orgStops[t.lower] && monthOf(t.text) == 0 && !hyphenAdjective(t.text) &&
			!toks[i+1].isCap() && loneNameSlot(toks[i+1].lower) {
			if es, k := d.lookAt(toks, i); k == 0 || len(es) == 0 {
				if n, _, _ := groupAt(toks, i); n == 0 && len(triggers.candidates(t.lower)) == 0 && !verbish(t.lower) && nameLike(t.lower) {
					p := d.personEntity(t.text)
					out = append(out, mention{Span: Span{t.start, t.end}, ent: p, tok: i, toks: 1, form: 'n'})
					d.touch(p)
					i++
					continue
				}
			}
		}
		// An acronym the gazetteer does not know, acting: "DPKO is exploring".
		if isAcronymToken(t.text) && !stopCaps[t.lower] && i+1 < len(toks) && d.agentSlot(toks, i+1) {
			if es, n := d.lookAt(toks, i); n == 0 || len(es) == 0 {
				o := d.add(&entity{id: "org:" + slug(t.text), typ: TypeOrganization, name: t.text, orgKind: "unknown"})
				out = append(out, mention{Span: Span{t.start, t.end}, ent: o, tok: i, toks: 1, form: 'n'})
				i++
				continue
			}
		}
		// Gazetteer names.
		if es, n := d.lookAt(toks, i); n > 0 {
			e := pick(es, d)
			m := mention{Span: Span{t.start, toks[i+n-1].end}, tok: i, toks: n, form: 'n'}
			switch e.kind {
			case kindDemonym:
				m.form = 'd'
				m.ent = d.entityFor(e)
			case kindCapital:
				m.form = 'c'
				m.ent = d.entityFor(e)
			default:
				m.ent = d.entityFor(e)
			}
			// "Darfur rebels", "Gaza militants": a place acting through its people
			if (m.ent.typ == TypeRegion || m.ent.typ == TypePlace) && i+n < len(toks) {
				if b, bn := d.matchBody(toks[i+n:]); bn > 0 && b.kind != "org" {
					m.form, m.sector = 'a', b.sector
					m.End = toks[i+n+bn-1].end
					m.toks += bn
					n += bn
				}
			}
			out = append(out, m)
			i += n
			if m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization {
				d.lastThing = m.ent
			}
			if m.ent.typ == TypeCountry {
				modCountry, modEnd, modOrg = m.ent, i, nil
				if i < len(toks) && (toks[i].lower == "'s" || toks[i].lower == "’s") {
					i++
					modEnd = i
				}
			} else if m.ent.typ == TypeOrganization {
				modOrg, modEnd, modCountry = m.ent, i, nil
				if m.ent.country != "" {
					modCountry = d.countryEntity(m.ent.country)
				}
				if i < len(toks) && (toks[i].lower == "'s" || toks[i].lower == "’s") {
					i++
					modEnd = i
				}
			}
			continue
		}
		// A group named by a common noun: "rebels", "riot police",
		// "Ukrainian farmers".
		if n, name, sector := groupAt(toks, i); n > 0 {
			if len(out) > 0 && out[len(out)-1].tok+out[len(out)-1].toks == i && out[len(out)-1].form != 'd' &&
				out[len(out)-1].ent != nil && out[len(out)-1].ent.typ == TypeOrganization {
				// "Taliban fighters", "Hamas militants": the body named acts
				last := &out[len(out)-1]
				last.End, last.toks = toks[i+n-1].end, last.toks+n
				i += n
				continue
			}
			m := mention{Span: Span{t.start, toks[i+n-1].end}, tok: i, toks: n, form: 'a', sector: sector}
			if modCountry != nil && modEnd == i {
				// the demonym before says whose
				if len(out) > 0 && out[len(out)-1].ent == modCountry {
					m.Start, m.tok = out[len(out)-1].Start, out[len(out)-1].tok
					m.toks = i + n - m.tok
					out = out[:len(out)-1]
				}
				m.ent = d.groupEntity(name, sector, modCountry.iso3)
			} else if last := len(out) - 1; last >= 0 && out[last].tok+out[last].toks == i && out[last].ent != nil &&
				(out[last].ent.typ == TypePlace || out[last].ent.typ == TypeRegion) && out[last].ent.country != "" {
				// "Paris dealers", "Gaza farmers": people of the place
				m.Start, m.tok, m.toks = out[last].Start, out[last].tok, out[last].toks+n
				m.ent = d.groupEntity(name, sector, out[last].ent.country)
				out = out[:last]
			} else if c := d.ledBy(toks, i); c != nil {
				// "the Saudi-led coalition", "US-led forces"
				m.Start, m.tok, m.toks = toks[i-1].start, i-1, n+1
				m.ent = d.groupEntity(name, sector, c.iso3)
			}
			out = append(out, m)
			i += n
			continue
		}
		i++
	}
	// groups no demonym placed belong where the sentence happens
	for k := range out {
		if m := &out[k]; m.form == 'a' && m.ent == nil {
			var b strings.Builder
			for j := m.tok; j < m.tok+m.toks; j++ {
				if j > m.tok {
					b.WriteByte(' ')
				}
				b.WriteString(toks[j].lower)
			}
			name := b.String()
			country := d.groupCountry(toks, out)
			if country == "" && definiteBefore(toks, m.tok) && thisCountrysBody[name] {
				// "the government", "the army": of the country the article
				// is about
				country = d.salientCountry()
				for j := 0; j < len(out) && country == ""; j++ {
					if out[j].ent != nil && out[j].ent.typ == TypeCountry && out[j].form != 'm' {
						country = out[j].ent.iso3 // the first sentence: "Sweden's party gave power to the government"
					}
				}
			}
			m.ent = d.groupEntity(name, m.sector, country)
		}
	}
	return out
}

// definiteBefore reports whether "the" or "this" stands before token k,
// perhaps with an adjective of office between: "the federal government".
func definiteBefore(toks []token, k int) bool {
	if k > 1 && officeAdjectives[toks[k-1].lower] {
		k--
	}
	return k > 0 && (toks[k-1].lower == "the" || toks[k-1].lower == "this")
}

// officeAdjectives may stand between "the" and a body of the government
// the article is about: "the federal government" (definiteBefore).
var officeAdjectives = wordSet("office-adjectives")

// thisCountrysBody are the bodies that "the" ties to the country an
// article is about.
var thisCountrysBody = wordSet("this-countrys-body")

// salientCountry is the country named most often so far in the article,
// the one named last on a tie; nil when none was.
func (d *doc) salientCountry() string {
	best, bestN, bestLast := "", 0, -1
	for _, e := range d.order {
		n := len(e.mentions)
		if e.typ != TypeCountry || n == 0 {
			continue
		}
		if last := e.mentions[n-1].Start; n > bestN || n == bestN && last > bestLast {
			best, bestN, bestLast = e.iso3, n, last
		}
	}
	return best
}

// pick chooses among the entries a phrase may name: a country before a
// demonym before a capital before anything else.
func pick(es []entry, d *doc) entry {
	best := es[0]
	rank := func(k entryKind) int {
		switch k {
		case kindCountry:
			return 0
		case kindDemonym:
			return 1
		case kindOrg:
			return 2
		case kindCapital:
			return 3
		case kindRegion:
			return 4
		}
		return 5
	}
	for _, e := range es[1:] {
		if rank(e.kind) < rank(best.kind) {
			best = e
		}
	}
	return best
}

func groupCountries(toks []token, i int) int {
	w := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].lower
		}
		return ""
	}
	switch {
	case (w(0) == "our" || w(0) == "both") && (w(1) == "countries" || w(1) == "nations" || w(1) == "states"):
		return 2
	case (w(0) == "our" || w(0) == "the") && (w(1) == "two" || w(1) == "both") && (w(2) == "countries" || w(2) == "nations" || w(2) == "states" || w(2) == "sides" || leaderNouns[w(2)]):
		return 3
	case w(0) == "both" && leaderNouns[w(1)]:
		return 2
	}
	return 0
}

func spanText(text string, a, b int) string { return text[a:b] }

// agentSlot reports whether the tokens at k follow a name the way they
// follow an actor: a speech verb, an event verb, or an apposition
// ("Jeffrey Kupfer, a U.S. official").
func (d *doc) agentSlot(toks []token, k int) bool {
	w := toks[k].lower
	if placePrepositions[w] {
		return false
	}
	if w == "," && k+1 < len(toks) {
		n := toks[k+1].lower
		return n == "the" || n == "a" || n == "an" || n == "who" || d.g.firsts[n] || triggers.startsEvent(n)
	}
	if speechVerbs[w] || w == "has" || w == "have" || w == "had" || w == "will" || w == "would" || w == "is" || w == "was" {
		return true
	}
	return triggers.startsEvent(w)
}

// apposition reads "Name, Russia's foreign minister," or "Name, the Iranian
// envoy," after a name and gives the person a country and an office.
func (d *doc) apposition(p *entity, toks []token, k int) {
	if k >= len(toks) || toks[k].text != "," {
		return
	}
	k++
	if k < len(toks) && (toks[k].lower == "the" || toks[k].lower == "a" || toks[k].lower == "an") {
		k++
	}
	for steps := 0; k < len(toks) && steps < 4; steps++ {
		es, n := d.lookAt(toks, k)
		if n == 0 {
			k++ // "a senior U.S. official": skip an adjective
			continue
		}
		switch es[0].kind {
		case kindCountry, kindDemonym:
			if p.country == "" {
				p.country = es[0].iso3
			}
			k += n
			if k < len(toks) && (toks[k].lower == "'s") {
				k++
			}
			continue
		case kindTitle:
			if p.title == "" {
				p.title, p.sector = es[0].title, es[0].sector
			}
			if p.country == "" {
				p.country = d.officeCountry(es[0]) // "Ann Smith, Special Envoy," in a release
			}
		}
		return
	}
}

// isAcronymToken reports whether a word is written in capitals, two to six
// letters long: NATO, DPKO, FARC.
func isAcronymToken(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// capsBetween reports whether toks[a:b] are one to three capitalised words.
func capsBetween(toks []token, a, b int) bool {
	if b-a < 1 || b-a > 3 {
		return false
	}
	for _, t := range toks[a:b] {
		if !(t.isCap() || rankWords[t.lower]) || !t.isWord() {
			return false
		}
	}
	return true
}

// rankWords qualify an office in lower case: "Nigerian junior foreign
// minister", "the country's chief negotiator".
var rankWords = wordSet("rank-words")

// familyNameFirst lists the countries whose names put the family name
// first, so that the first part alone refers to the person.
var familyNameFirst = map[string]bool{"CHN": true, "TWN": true, "KOR": true, "PRK": true, "VNM": true, "HKG": true, "MNG": true}

// officeStart walks back from a title at i over up to three capitalised
// words that are part of the office ("External Affairs Minister", "Deputy
// Foreign Minister") and belong to no other mention.
func officeStart(toks []token, out []mention, i int) int {
	last := 0
	if len(out) > 0 {
		last = out[len(out)-1].tok + out[len(out)-1].toks
	}
	j := i
	for j > last && i-j < 3 {
		t := toks[j-1]
		if !t.isCap() || !t.isWord() || stopCaps[t.lower] && t.lower != "foreign" && t.lower != "state" {
			break
		}
		if j-1 == 0 {
			break // a capital at the start of a sentence says nothing
		}
		j--
	}
	return j
}

// leaderNouns name people in "the two leaders", "both presidents".
var leaderNouns = wordSet("leader-nouns")

// itActs reports whether the word after "it" makes it an actor rather than
// an expletive ("it would free", not "it is planned").
func itActs(w string) bool {
	switch w {
	case "will", "would", "could", "can", "has", "had", "said", "says", "wants", "plans", "intends", "must", "should":
		return true
	case "is", "was", "were", "are", "be":
		return false
	}
	return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// figureAt finds the known figure named by toks[k:k+n] after a title: the
// full name or an alias, or a surname that only one holder of the title
// had on the publication day.
func (d *doc) figureAt(toks []token, k, n int, title string) *figure {
	if f, fn := d.people.match(toks[k:]); f != nil && fn == n {
		return f
	}
	// "Antony J. Blinken" is Antony Blinken: a middle initial is no part
	// of the name the table knows
	if n > 2 {
		var words []string
		for _, t := range toks[k : k+n] {
			if t.text != "." && !(len(t.text) == 1 && t.isCap()) {
				words = append(words, t.text)
			}
		}
		if short := tokenize(strings.Join(words, " "), 0); len(short) >= 2 && len(words) < n {
			if f, fn := d.people.match(short); f != nil && fn == len(short) {
				return f
			}
		}
	}
	if n != 1 || title == "" {
		return nil
	}
	if f := d.people.titled(title, toks[k].text, d.day); f != nil || d.day != openEnd {
		return f
	}
	// no date to go by: the one person of that surname who ever held the title
	var found *figure
	for _, f := range d.people.bySurname[fold.Name(toks[k].lower)] {
		for _, t := range f.terms {
			if t.office == title {
				if found != nil && found != f {
					return nil
				}
				found = f
			}
		}
	}
	if found != nil {
		d.asTitled = title
	}
	return found
}

// figurePerson returns the article's person for a known figure, named as
// the table names them, with the office held on the publication day. After
// the last term the person is an elite (ELI) of the country.
func (d *doc) figurePerson(f *figure) *entity {
	p := d.personEntity(f.name)
	t, former, ok := f.at(d.day)
	if !ok && len(f.terms) == 0 {
		return p
	}
	if d.day == openEnd && d.asTitled != "" {
		// an undated text that calls them by an office: that office, and
		// never "former" on no evidence
		former = false
		for _, x := range f.terms {
			if x.office == d.asTitled {
				t = x
			}
		}
	}
	d.asTitled = ""
	if p.country == "" && t.iso3 != "" && t.iso3 != "IGO" {
		p.country = t.iso3
	}
	if p.title == "" {
		p.title = t.office
		if former && t.office != "" {
			p.title = "former " + t.office
		}
	}
	if p.sector == "" {
		p.sector = t.sector
		if former {
			p.sector = "ELI"
		}
	}
	if p.gender == 0 {
		p.gender = guessGender("", f.name)
	}
	return p
}

// unknownBody reads one or two capitalised words that the gazetteer does
// not know followed by a body noun ("Johor government", "Bush
// administration") as an organization. A leader's surname gives it the
// leader's country.
func (d *doc) unknownBody(toks []token, i int) (*entity, int) {
	if hyphenAdjective(toks[i].text) {
		return nil, 0 // "US-led forces": a group led by a country (ledBy)
	}
	for w := 1; w <= 2 && i+w < len(toks); w++ {
		if es, _ := d.lookAt(toks, i); len(es) > 0 {
			return nil, 0
		}
		if !toks[i+w-1].isCap() || !toks[i+w-1].isWord() || stopCaps[toks[i+w-1].lower] {
			return nil, 0
		}
		b, bn := d.matchBody(toks[i+w:])
		if bn == 0 {
			continue
		}
		if b.kind == "civ" || b.kind == "opp" {
			return nil, 0 // "Egyptian people": handled with the demonym; "X people" says little
		}
		name := spanText(d.text, toks[i].start, toks[i+w+bn-1].end)
		o := d.add(&entity{id: "org:" + slug(name), typ: TypeOrganization, name: name, orgKind: b.kind, sector: b.sector})
		if o.country == "" && w == 1 {
			o.country = d.leaderCountry(toks[i].lower)
		}
		return o, w + bn
	}
	return nil, 0
}

// ofCountry reads "of <country>" at toks[k] and returns the country.
func (d *doc) ofCountry(toks []token, k int) string {
	if k+1 >= len(toks) || toks[k].lower != "of" {
		return ""
	}
	if toks[k+1].lower == "the" {
		k++
	}
	if es, n := d.lookAt(toks, k+1); n > 0 && es[0].kind == kindCountry {
		return es[0].iso3
	}
	return ""
}

// leaderCountry returns the one country that every known figure with this
// surname served, or "".
func (d *doc) leaderCountry(surname string) string { return d.leaderCountryAs(surname, "") }

// leaderCountryAs is leaderCountry over the terms in one office, or all
// offices when office is "": "King Hassan" is no Tanzanian president.
func (d *doc) leaderCountryAs(surname, office string) string {
	c := ""
	for _, f := range d.people.bySurname[fold.Name(surname)] {
		for _, t := range f.terms {
			if t.iso3 == "" || t.iso3 == "IGO" || office != "" && t.office != office {
				continue
			}
			if c != "" && c != t.iso3 {
				return ""
			}
			c = t.iso3
		}
	}
	return c
}

// looked is a remembered gazetteer lookup at one token of a sentence.
type looked struct {
	done bool
	es   []entry
	n    int
}

// lookAt is g.lookup(toks[i:]) remembered for the sentence being read:
// the mention reader asks the same question at a token several times.
func (d *doc) lookAt(toks []token, i int) ([]entry, int) {
	if len(toks) == 0 || i >= len(toks) || len(d.lookToks) != len(toks) || &d.lookToks[0] != &toks[0] {
		if i >= len(toks) {
			return nil, 0
		}
		return d.g.lookup(toks[i:])
	}
	if l := d.looked[i]; l.done {
		return l.es, l.n
	}
	es, n := d.g.lookup(toks[i:])
	d.looked[i] = looked{true, es, n}
	return es, n
}
