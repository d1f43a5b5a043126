package extract

import "strings"

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

// headNouns name who speaks or acts for a body: "the head of X".
var headNouns = wordSet("head-nouns")

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

// headOf recognises who speaks or acts for a body or a country: "the
// head of", "members of".
func (sc *mentionScan) headOf() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// "the head of the UN agency", "members of the New People's Army",
	// "a delegation of Japan": who speaks or acts for a body or country
	if headNouns[t.lower] && sc.i+2 < len(toks) && toks[sc.i+1].lower == "of" {
		j := sc.i + 2
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
			if sc.i > 0 && toks[sc.i-1].text == "," && len(sc.out) > 0 && sc.out[len(sc.out)-1].tok+sc.out[len(sc.out)-1].toks == sc.i-1 {
				if p := sc.out[len(sc.out)-1].ent; p != nil && p.typ == TypePerson {
					if p.org == "" && e.typ == TypeOrganization {
						p.org = e.id
					}
					if p.country == "" {
						p.country = firstOf(e.iso3, e.country)
					}
				}
			}
			sc.out = append(sc.out, mention{Span: Span{t.start, toks[j+n-1].end}, ent: e, tok: sc.i, toks: j + n - sc.i, form: 'n'})
			d.lastThing = e
			sc.i = j + n
			return true
		}
	}
	return false
}

// possessiveBody recognises the body of the country a possessive pronoun
// stands for.
func (sc *mentionScan) possessiveBody() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// "his government", "their army": the body of the country of whom
	// the pronoun stands for
	if possessives[t.lower] && t.lower != "my" && t.lower != "your" && t.lower != "our" && sc.i+1 < len(toks) {
		if b, n := d.matchBody(toks[sc.i+1:]); n > 0 && (b.kind == "gov" || b.kind == "mil" || b.kind == "org") {
			if c := d.possessor(t.lower); c != nil {
				sc.out = append(sc.out, d.bodyMention(b, c, toks, sc.i, sc.i+1+n))
				sc.i += 1 + n
				return true
			}
		}
	}
	return false
}

// bodyOfCountry recognises a body "of" a country named after it.
func (sc *mentionScan) bodyOfCountry() bool {
	d, toks := sc.d, sc.toks
	// "the Government of Austria", "the Foreign Ministry of Turkey"
	if b, n := d.matchBody(toks[sc.i:]); n > 0 && b.kind != "civ" && b.kind != "reb" && b.kind != "opp" && sc.i+n+1 < len(toks) && toks[sc.i+n].lower == "of" {
		j := sc.i + n + 1
		if toks[j].lower == "the" && j+1 < len(toks) {
			j++
		}
		if cs, cn := d.lookAt(toks, j); cn > 0 && cs[0].kind == kindCountry {
			c := d.entityFor(cs[0])
			sc.out = append(sc.out, d.bodyMention(b, c, toks, sc.i, j+cn))
			d.lastThing = c
			sc.i = j + cn
			return true
		}
	}
	return false
}

// countrysBody recognises a body or force of the country (or body) named
// just before it.
func (sc *mentionScan) countrysBody() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// Government bodies and forces of a country named before: "Russian Foreign Ministry".
	if sc.modCountry != nil && sc.modEnd == sc.i {
		if b, n := d.matchBody(toks[sc.i:]); n > 0 {
			sp := Span{t.start, toks[sc.i+n-1].end}
			if b.kind == "org" {
				o := d.add(&entity{id: "org:" + strings.ToLower(sc.modCountry.iso3) + "-" + slug(b.name), typ: TypeOrganization,
					name: b.name + " of " + sc.modCountry.name, country: sc.modCountry.iso3, orgKind: "gov", sector: b.sector})
				// the country mention becomes part of the body's name
				tok := sc.i
				if len(sc.out) > 0 && sc.out[len(sc.out)-1].ent == sc.modCountry {
					sp.Start, tok = sc.out[len(sc.out)-1].Start, sc.out[len(sc.out)-1].tok
					sc.out = sc.out[:len(sc.out)-1]
				}
				sc.out = append(sc.out, mention{Span: sp, ent: o, tok: tok, toks: sc.i + n - tok, form: 'n'})
				sc.modOrg = o
			} else if len(sc.out) > 0 && sc.out[len(sc.out)-1].ent == sc.modCountry {
				last := &sc.out[len(sc.out)-1]
				last.sector = b.sector
				last.End = sp.End
				last.toks += n
			}
			sc.i += n
			sc.modEnd = sc.i
			if sc.i < len(toks) && (toks[sc.i].lower == "'s" || toks[sc.i].lower == "’s") {
				sc.i++
				sc.modEnd = sc.i
			}
			return true
		}
	}
	return false
}

// placeBody recognises a body of a place or leader the tables do not know.
func (sc *mentionScan) placeBody() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// An unknown place or leader with a body: "the Sabah government", "the
	// Bush administration", "Kachin rebels".
	if t.isCap() && !stopCaps[t.lower] && (sc.i == 0 || !toks[sc.i-1].isCap() || toks[sc.i-1].lower == "the") {
		if o, n := d.unknownBody(toks, sc.i); o != nil {
			sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+n-1].end}, ent: o, tok: sc.i, toks: n, form: 'n'})
			sc.i += n
			return true
		}
	}
	return false
}

// orgByEnding recognises a body the gazetteer does not know by the word
// its name ends in, and its acronym after it.
func (sc *mentionScan) orgByEnding() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A body the gazetteer does not know, by the word its name ends
	// in: "the Ogaden National Liberation Front (ONLF)".
	if t.isCap() && !orgStops[t.lower] && (sc.i == 0 || !toks[sc.i-1].isCap() || toks[sc.i-1].lower == "the") {
		if n, kind := orgNameAt(toks, sc.i); n > 0 {
			if es, k := d.lookAt(toks, sc.i); k == 0 || (len(es) > 0 && (es[0].kind == kindDemonym || es[0].kind == kindCountry || es[0].kind == kindRegion) && k < n-1 && !d.bodyAfter(toks, sc.i+k)) {
				o := d.unknownOrg(toks, sc.i, n, kind)
				m := mention{Span: Span{t.start, toks[sc.i+n-1].end}, ent: o, tok: sc.i, toks: n, form: 'n'}
				sc.i += n
				// its acronym after it: "(ONLF)"
				if sc.i+2 < len(toks) && toks[sc.i].text == "(" && isAcronymToken(toks[sc.i+1].text) && toks[sc.i+2].text == ")" {
					o.aliases = appendUnique(o.aliases, toks[sc.i+1].text)
					m.End, m.toks = toks[sc.i+2].end, m.toks+3
					sc.i += 3
				}
				sc.out = append(sc.out, m)
				d.lastThing = o
				return true
			}
		}
	}
	return false
}

// acronym recognises an acronym the gazetteer does not know, acting.
func (sc *mentionScan) acronym() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// An acronym the gazetteer does not know, acting: "UNDP is exploring".
	if isAcronymToken(t.text) && !stopCaps[t.lower] && sc.i+1 < len(toks) && d.agentSlot(toks, sc.i+1) {
		if es, n := d.lookAt(toks, sc.i); n == 0 || len(es) == 0 {
			o := d.add(&entity{id: "org:" + slug(t.text), typ: TypeOrganization, name: t.text, orgKind: "unknown"})
			sc.out = append(sc.out, mention{Span: Span{t.start, t.end}, ent: o, tok: sc.i, toks: 1, form: 'n'})
			sc.i++
			return true
		}
	}
	return false
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

// leaderNouns name people in "the two leaders", "both presidents".
var leaderNouns = wordSet("leader-nouns")

// unknownBody reads one or two capitalised words that the gazetteer does
// not know followed by a body noun ("Sabah government", "Bush
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
