package extract

import "strings"

// placeGroups places the groups no demonym placed where the sentence
// happens, or for "the government" in the country the article is about.
func (d *doc) placeGroups(toks []token, out []mention) {
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
}

// commonGroup recognises a group named by a common noun, and whose it is:
// a demonym, a place before it or a country that leads it.
func (sc *mentionScan) commonGroup() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// A group named by a common noun: "rebels", "riot police",
	// "Ukrainian farmers".
	if n, name, sector := groupAt(toks, sc.i); n > 0 {
		if len(sc.out) > 0 && sc.out[len(sc.out)-1].tok+sc.out[len(sc.out)-1].toks == sc.i && sc.out[len(sc.out)-1].form != 'd' &&
			sc.out[len(sc.out)-1].ent != nil && sc.out[len(sc.out)-1].ent.typ == TypeOrganization {
			// "Taliban fighters", "Hamas militants": the body named acts
			last := &sc.out[len(sc.out)-1]
			last.End, last.toks = toks[sc.i+n-1].end, last.toks+n
			sc.i += n
			return true
		}
		m := mention{Span: Span{t.start, toks[sc.i+n-1].end}, tok: sc.i, toks: n, form: 'a', sector: sector}
		if sc.modCountry != nil && sc.modEnd == sc.i {
			// the demonym before says whose
			if len(sc.out) > 0 && sc.out[len(sc.out)-1].ent == sc.modCountry {
				m.Start, m.tok = sc.out[len(sc.out)-1].Start, sc.out[len(sc.out)-1].tok
				m.toks = sc.i + n - m.tok
				sc.out = sc.out[:len(sc.out)-1]
			}
			m.ent = d.groupEntity(name, sector, sc.modCountry.iso3)
		} else if last := len(sc.out) - 1; last >= 0 && sc.out[last].tok+sc.out[last].toks == sc.i && sc.out[last].ent != nil &&
			(sc.out[last].ent.typ == TypePlace || sc.out[last].ent.typ == TypeRegion) && sc.out[last].ent.country != "" {
			// "Paris dealers", "Gaza farmers": people of the place
			m.Start, m.tok, m.toks = sc.out[last].Start, sc.out[last].tok, sc.out[last].toks+n
			m.ent = d.groupEntity(name, sector, sc.out[last].ent.country)
			sc.out = sc.out[:last]
		} else if c := d.ledBy(toks, sc.i); c != nil {
			// "the Saudi-led coalition", "US-led forces"
			m.Start, m.tok, m.toks = toks[sc.i-1].start, sc.i-1, n+1
			m.ent = d.groupEntity(name, sector, c.iso3)
		}
		sc.out = append(sc.out, m)
		sc.i += n
		return true
	}
	return false
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
