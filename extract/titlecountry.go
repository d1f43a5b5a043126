package extract

import "strings"

// titleCountries gives an official of no known country the country that
// another mention of the same office in the article names by its
// demonym: "The Japanese ambassador to the U.S. suggested ... Ambassador
// Hiro Tanaka made the recommendation" makes Tanaka Japanese. The office
// must be named with one country only in the article; a title of one word
// that is common to every government ("minister", "president") counts as
// well, because the demonym and the title stand together in one phrase.
// It runs after the sentences are read, like datelineOfficials, and
// before it, since the text outranks the dateline.
func (x *extraction) titleCountries() {
	d := x.d
	var want []*entity
	titles := map[string]bool{}
	for _, e := range d.order {
		if e.typ != TypePerson || e.country != "" || e.title == "" || e.sector == "IGO" {
			continue
		}
		want = append(want, e)
		titles[strings.ToLower(e.title)] = true
	}
	if len(want) == 0 {
		return
	}
	found := map[string]map[string]bool{} // title -> countries that name it
	for si, ms := range d.ments {
		toks := d.sents[si].tokens
		for _, m := range ms {
			if m.form != 'd' || m.ent == nil || m.ent.typ != TypeCountry || m.ent.iso3 == "" {
				continue
			}
			for t := range titles {
				if titleAt(toks, m.tok+m.toks, t) {
					if found[t] == nil {
						found[t] = map[string]bool{}
					}
					found[t][m.ent.iso3] = true
				}
			}
		}
	}
	for _, e := range want {
		cs := found[strings.ToLower(e.title)]
		if len(cs) != 1 {
			continue
		}
		for c := range cs {
			e.country, e.countryFrom = c, "title"
		}
	}
}

// titleAt reports whether the words of title (lower case) start at token i.
func titleAt(toks []token, i int, title string) bool {
	for _, w := range strings.Fields(title) {
		for i < len(toks) && !toks[i].isWord() && toks[i].text == "-" {
			i++
		}
		if i >= len(toks) || toks[i].lower != w {
			return false
		}
		i++
	}
	return true
}
