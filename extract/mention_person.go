package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/extract/fold"
)

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

// genericOfficials are nouns that refer back to a person already named:
// "the Russian official", "the diplomat", "the minister".
var genericOfficials = wordPairs("generic-officials")

// personMet recognises a person already met, by full name or surname.
func (sc *mentionScan) personMet() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A person already met: full name or surname.
	if t.isCap() {
		if p, n := d.knownPerson(toks, sc.i); p != nil {
			// a title before it may add to what we know
			sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+n-1].end}, ent: p, tok: sc.i, toks: n, form: 's'})
			d.touch(p)
			sc.i += n
			return true
		}
	}
	return false
}

// theOfficial recognises a person already named, referred back to by a
// generic noun of office.
func (sc *mentionScan) theOfficial() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// "the Russian official", "the spokeswoman", "the minister"
	if t.lower == "the" && sc.i+1 < len(toks) {
		j := sc.i + 1
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
					sc.out = append(sc.out, mention{Span: Span{t.start, toks[j+n-1].end}, ent: p, tok: sc.i, toks: j + n - sc.i, form: 't'})
					d.touch(p)
					sc.i = j + n
					return true
				}
			}
		}
	}
	return false
}

// figure recognises a known figure by name alone.
func (sc *mentionScan) figure() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A known figure by name alone: "Putin said", "Sergei Lavrov".
	if t.isCap() || nameParticle(t.lower) {
		if f, fn := d.people.match(toks[sc.i:]); f != nil {
			p := d.figurePerson(f)
			sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+fn-1].end}, ent: p, tok: sc.i, toks: fn, form: 'n'})
			d.touch(p)
			sc.i += fn
			return true
		}
	}
	return false
}

// newName recognises a name of two or more words the gazetteer does not
// know, used as a speaker or an agent.
func (sc *mentionScan) newName() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A name of two or more words that the gazetteer does not know, used
	// as a speaker or an agent: "Jane Doerr said", "Mike Pompeo met".
	if t.isCap() && (sc.i == 0 || !toks[sc.i-1].isCap() || toks[sc.i-1].lower == "the") && !thingTitleAt(toks, sc.i) {
		if nn := d.nameAt(toks, sc.i); nn >= 2 && sc.i+nn < len(toks) && !thingHead(toks[sc.i+nn-1].text) && d.agentSlot(toks, sc.i+nn) {
			if k := portfolioEnd(toks, sc.i, nn); k > sc.i {
				// "Special Envoy for Climate John Kerry", "Assistant
				// Secretary for Democracy, Human Rights, and Labor Lisa
				// Peterson": the office's portfolio ends before the name
				nn -= k - sc.i
				sc.i, t = k, toks[k]
				if f, fn := d.people.match(toks[sc.i:]); f != nil && fn == nn {
					p := d.figurePerson(f)
					sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+fn-1].end}, ent: p, tok: sc.i, toks: fn, form: 'n'})
					d.touch(p)
					sc.i += fn
					return true
				}
			}
			name := spanText(d.text, t.start, toks[sc.i+nn-1].end)
			var p *entity
			if f := d.figureAt(toks, sc.i, nn, ""); f != nil {
				p = d.figurePerson(f) // "Antony J. Blinken" is Antony Blinken
				p.aliases = appendUnique(p.aliases, name)
			} else {
				p = d.personEntity(name)
			}
			if p.gender == 0 {
				p.gender = guessGender("", name)
			}
			d.apposition(p, toks, sc.i+nn)
			sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+nn-1].end}, ent: p, tok: sc.i, toks: nn, form: 'n'})
			d.touch(p)
			sc.i += nn
			return true
		}
	}
	return false
}

// personsOffice recognises a name before "'s office": the person acts
// through the office.
func (sc *mentionScan) personsOffice() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A name before "'s office": "Smith's office declined to comment";
	// the person acts through the office
	if t.isCap() && (sc.i == 0 || !toks[sc.i-1].isCap()) {
		if nn := d.nameAt(toks, sc.i); nn >= 1 && sc.i+nn+1 < len(toks) && (toks[sc.i+nn].lower == "'s" || toks[sc.i+nn].lower == "’s") && personalOffices[toks[sc.i+nn+1].lower] {
			if es, k := d.lookAt(toks, sc.i); k == 0 || len(es) == 0 {
				p := d.personEntity(spanText(d.text, t.start, toks[sc.i+nn-1].end))
				sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+nn+1].end}, ent: p, tok: sc.i, toks: nn + 2, form: 'n'})
				d.touch(p)
				sc.i += nn + 2
				return true
			}
		}
	}
	return false
}

// loneSurname recognises a lone surname the tables do not know, opening
// a clause and acting.
func (sc *mentionScan) loneSurname() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A lone surname the tables do not know, opening a clause and
	// acting: "Jones agreed to resign", "Smith has pushed for".
	if sc.i == 0 && t.isCap() && t.isWord() && len(t.text) >= 3 && !isAcronymToken(t.text) && sc.i+1 < len(toks) &&
		!stopCaps[t.lower] && !orgStops[t.lower] && monthOf(t.text) == 0 && !hyphenAdjective(t.text) &&
		!toks[sc.i+1].isCap() && loneNameSlot(toks[sc.i+1].lower) {
		if es, k := d.lookAt(toks, sc.i); k == 0 || len(es) == 0 {
			if n, _, _ := groupAt(toks, sc.i); n == 0 && len(triggers.candidates(t.lower)) == 0 && !verbish(t.lower) && nameLike(t.lower) {
				p := d.personEntity(t.text)
				sc.out = append(sc.out, mention{Span: Span{t.start, t.end}, ent: p, tok: sc.i, toks: 1, form: 'n'})
				d.touch(p)
				sc.i++
				return true
			}
		}
	}
	return false
}

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

// familyNameFirst lists the countries whose names put the family name
// first, so that the first part alone refers to the person.
var familyNameFirst = map[string]bool{"CHN": true, "TWN": true, "KOR": true, "PRK": true, "VNM": true, "HKG": true, "MNG": true}

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
