package extract

import "strings"

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

// findMentions reads the entity mentions of sentence si: at each token
// the first recogniser that takes it (see recognise), then the groups no
// demonym placed.
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
	sc := &mentionScan{d: d, si: si, toks: toks, modEnd: -1}
	for sc.i < len(toks) {
		if !sc.recognise() {
			sc.i++
		}
	}
	d.placeGroups(toks, sc.out)
	return sc.out
}

// mentionScan is findMentions' walk over the tokens of one sentence: the
// token i it stands at, the mentions found so far, and the country or
// body named just before ("Russian", "Azerbaijan's") whose office, body or
// group may follow at token modEnd. A recogniser that takes the tokens at
// i appends its mention, moves i past them and reports true.
type mentionScan struct {
	d          *doc
	si         int
	toks       []token
	i          int
	out        []mention
	modCountry *entity // a country named just before: "Russian", "Azerbaijan's"
	modEnd     int
	modOrg     *entity
}

// recognise tries the recognisers at the scan's token, in order, and
// reports whether one took it.
func (sc *mentionScan) recognise() bool {
	return sc.pronoun() ||
		sc.itPronoun() ||
		sc.joinedPair() ||
		sc.countryGroup() ||
		sc.signer() ||
		sc.voice() ||
		sc.personMet() ||
		sc.theOfficial() ||
		sc.headOf() ||
		sc.possessiveBody() ||
		sc.bodyOfCountry() ||
		sc.countrysBody() ||
		sc.titled() ||
		sc.figure() ||
		sc.placeBody() ||
		sc.orgByEnding() ||
		sc.newName() ||
		sc.personsOffice() ||
		sc.loneSurname() ||
		sc.acronym() ||
		sc.gazetteerName() ||
		sc.commonGroup()
}

// gazetteerName recognises a name of the gazetteer (country, demonym,
// capital, place, region, body) and remembers a country or body named, to
// which what follows may belong.
func (sc *mentionScan) gazetteerName() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// Gazetteer names.
	if es, n := d.lookAt(toks, sc.i); n > 0 {
		e := pick(es, d)
		m := mention{Span: Span{t.start, toks[sc.i+n-1].end}, tok: sc.i, toks: n, form: 'n'}
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
		if (m.ent.typ == TypeRegion || m.ent.typ == TypePlace) && sc.i+n < len(toks) {
			if b, bn := d.matchBody(toks[sc.i+n:]); bn > 0 && b.kind != "org" {
				m.form, m.sector = 'a', b.sector
				m.End = toks[sc.i+n+bn-1].end
				m.toks += bn
				n += bn
			}
		}
		sc.out = append(sc.out, m)
		sc.i += n
		if m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization {
			d.lastThing = m.ent
		}
		if m.ent.typ == TypeCountry {
			sc.modCountry, sc.modEnd, sc.modOrg = m.ent, sc.i, nil
			if sc.i < len(toks) && (toks[sc.i].lower == "'s" || toks[sc.i].lower == "’s") {
				sc.i++
				sc.modEnd = sc.i
			}
		} else if m.ent.typ == TypeOrganization {
			sc.modOrg, sc.modEnd, sc.modCountry = m.ent, sc.i, nil
			if m.ent.country != "" {
				sc.modCountry = d.countryEntity(m.ent.country)
			}
			if sc.i < len(toks) && (toks[sc.i].lower == "'s" || toks[sc.i].lower == "’s") {
				sc.i++
				sc.modEnd = sc.i
			}
		}
		return true
	}
	return false
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

func spanText(text string, a, b int) string { return text[a:b] }

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
