package extract

import "strings"

// typeGroup is the internal type of an actor named by a common noun
// ("gunmen", "riot police", "Ukrainian farmers"). A group is no node of
// the graph: an event links to the group's country with the groups and
// their sectors on the edge, ICEWS style ("Unidentified Gunmen
// (Nigeria)"), and keeps groups of no known country as a property of its
// own (PropUnattributed).
const typeGroup = "Group"

// singularGroups are singular nouns that name a group acting as one.
var singularGroups = wordSet("singular-groups")

// notGroups are sector words that, as common nouns, rarely name who acts.
var notGroups = wordSet("not-groups")

// compoundHeads follow a group noun that only modifies them: "police
// station", "army base", "government positions".
var compoundHeads = wordSet("compound-heads")

// bodyStarts are the first words of the bodies of bodies.tsv, filled
// when they load.
var bodyStarts = map[string]bool{}

// pluralOffices are offices that, in the plural, name a group that acts:
// "French and Chilean negotiators return to Vienna". Other offices in the
// plural ("dissidents", "ministers") name people too loosely.
var pluralOffices = wordSet("plural-offices")

// possessives before a group make it the owner's: "its troops".
var possessives = wordSet("possessives")

// groupAt reads a group noun at toks[i]: the number of tokens, the noun
// phrase and its sector, or 0.
func groupAt(toks []token, i int) (int, string, string) {
	t := toks[i]
	if !t.isWord() || t.isCap() && i > 0 && toks[i-1].isWord() {
		return 0, "", ""
	}
	if i > 0 && possessives[toks[i-1].lower] {
		return 0, "", "" // "withdraw its troops": the owner's means, not an actor
	}
	tabs := actorData()
	if pluralOffices[t.lower] {
		// "negotiators", "lawmakers": an office held by several, acting
		if e, k := tabs.titleAt(toks[i : i+1]); k == 1 {
			return 1, t.lower, e.sector
		}
	}
	if !tabs.nounStart(t.lower) {
		return 0, "", ""
	}
	nn, n := tabs.nounAt(toks[i:])
	if n == 0 {
		return 0, "", ""
	}
	// "government troops", "army soldiers": the last noun is the head
	for i+n < len(toks) && !toks[i+n].isCap() {
		n2, k := tabs.nounAt(toks[i+n:])
		if k == 0 || notGroups[toks[i+n+k-1].lower] {
			break
		}
		nn, n = n2, n+k
	}
	last := toks[i+n-1].lower
	if notGroups[last] || !(singularGroups[last] || strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") ||
		strings.HasSuffix(last, "men") || strings.HasSuffix(last, "people")) {
		return 0, "", ""
	}
	if i+n < len(toks) {
		next := toks[i+n]
		if compoundHeads[next.lower] || next.text == "-" || next.lower == "'s" || next.lower == "’s" {
			return 0, "", ""
		}
		// "government export credit agencies", "army officers": a singular
		// noun before a word that is no verb and no function word modifies it
		if singularGroups[last] && next.isWord() && !next.isCap() && !verbish(next.lower) {
			return 0, "", ""
		}
	}
	var b strings.Builder
	for k := i; k < i+n; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].lower)
	}
	return n, b.String(), nn.sector
}

// groupCountry finds the country a group of the sentence belongs to when
// no demonym says it: the first place the sentence locates something in.
// The dateline is no guide: a wire from Brussels tells of sailors of
// Ukraine.
func (d *doc) groupCountry(toks []token, ms []mention) string {
	for _, m := range ms {
		if m.ent == nil || m.form == 'a' && m.ent.typ == typeGroup {
			continue
		}
		switch m.ent.typ {
		case TypeCountry:
			if locative(toks, m) {
				return m.ent.iso3
			}
		case TypePlace, TypeRegion:
			if m.ent.country != "" && (locative(toks, m) || m.form == 'a') {
				return m.ent.country
			}
		}
	}
	return ""
}

// groupEntity is the entity of a group of this article.
func (d *doc) groupEntity(name, sector, country string) *entity {
	id := "group:" + slug(d.artID) + ":" + slug(name) + ":" + strings.ToLower(country)
	return d.add(&entity{id: id, typ: typeGroup, name: name, sector: sector, country: country})
}

// orgHeads end the names of bodies: "Ogaden National Liberation Front",
// "Islamic Relief", "New People's Army". The value is the body's kind.
var orgHeads = wordPairs("org-heads")

// nameJoiners may stand inside a body's name between capitalised words.
var nameJoiners = wordSet("name-joiners")

// orgStops never stand in a body's name.
var orgStops = wordSet("org-stops")

// orgNameAt reads the name of a body the gazetteer does not know at
// toks[i]: capitalised words, with joiners inside, ending at a word of
// orgHeads. It returns the number of tokens and the body's kind, or 0.
func orgNameAt(toks []token, i int) (int, string) {
	best, kind := 0, ""
	caps := 0
	headOf := "" // the kind of a head word followed by "of" or "for"
	for j := i; j < len(toks) && j < i+9; j++ {
		t := toks[j]
		if j > i && t.start-toks[j-1].end > 1 {
			break
		}
		if nameJoiners[t.lower] && j > i && j+1 < len(toks) && toks[j+1].isCap() {
			continue
		}
		if !t.isWord() || !t.isCap() || t.isNumber() || orgStops[t.lower] || monthOf(t.text) != 0 {
			break
		}
		caps++
		if k, ok := orgHeads[t.lower]; ok && caps >= 2 {
			best, kind = j-i+1, k
		}
		// "Department of Education", "Office of Inspector General": a
		// head and what it is of
		if headOf != "" && caps >= 2 {
			best, kind = j-i+1, headOf
		}
		if k, ok := orgHeads[t.lower]; ok && j+1 < len(toks) && (toks[j+1].lower == "of" || toks[j+1].lower == "for") && headOf == "" {
			headOf = k
		}
	}
	if best > 0 && shouting(toks[i:i+best]) {
		return 0, "" // "OFFICE OF THE SPOKESPERSON": a header, not a name in the text
	}
	return best, kind
}

// shouting reports whether every word of the tokens is in capitals.
func shouting(toks []token) bool {
	for _, t := range toks {
		if t.isWord() && strings.ToUpper(t.text) != t.text {
			return false
		}
	}
	return true
}

// unknownOrg makes the entity of a body named at toks[i:i+n]: its country
// is the one a demonym or country in its name gives ("Free Syrian Army").
func (d *doc) unknownOrg(toks []token, i, n int, kind string) *entity {
	name := spanText(d.text, toks[i].start, toks[i+n-1].end)
	country := ""
	for j := i; j < i+n && country == ""; j++ {
		if es, k := d.g.lookup(toks[j:min(i+n, j+3)]); k > 0 {
			for _, e := range es {
				if e.kind == kindCountry || e.kind == kindDemonym || e.kind == kindRegion || e.kind == kindCapital || e.kind == kindCity {
					country = e.iso3
					break
				}
			}
		}
	}
	return d.add(&entity{id: "org:" + slug(name), typ: TypeOrganization, name: name, orgKind: kind, country: country})
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// bodyAfter reports whether a body of bodies.tsv starts at toks[k], after
// a possessive: "Russia's Foreign Ministry" is the ministry of Russia.
func (d *doc) bodyAfter(toks []token, k int) bool {
	if k < len(toks) && (toks[k].lower == "'s" || toks[k].lower == "’s") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	_, n := d.matchBody(toks[k:])
	return n > 0
}

// functionWords may follow a group noun that acts or is acted on.
var functionWords = wordSet("function-words")

// verbish reports whether a lower-case word may be a verb or a function
// word after a group noun: "police fired", "the government said", "the
// army is".
func verbish(w string) bool {
	if functionWords[w] || irregularForms[w] || speechVerbs[w] {
		return true
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ing") {
		return true
	}
	return len(triggers.candidates(w)) > 0
}
