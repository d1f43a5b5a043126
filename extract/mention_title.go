package extract

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

// titled recognises a title: with a name after it, the person who holds
// it; with "of" a country, that country's office or its holder; else a
// bare office of the issuing government.
func (sc *mentionScan) titled() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// Titles, then a name: "Foreign Minister Sergey Lavrov", "FM Lavrov".
	if es, n := d.lookAt(toks, sc.i); n > 0 && es[0].kind == kindTitle {
		// a title only counts with a capital ("Foreign Minister X") or before a name
		k, titleEnd := sc.i+n, sc.i+n
		// "Special Envoy for the Sahel Ann Smith": the portfolio is part
		// of the office, and a name of two words or more follows it
		if pk := d.portfolioAfter(toks, k); pk > k && d.nameAt(toks, skipHonorifics(toks, pk)) >= 2 {
			k, titleEnd = pk, pk
			if toks[pk-1].text == "," {
				titleEnd--
			}
		}
		// "Prime Minister Dr Ann Smith": an honorific is no part of the name
		k = skipHonorifics(toks, k)
		nn := d.nameAt(toks, k)
		if nn == 1 && (len(triggers.candidates(toks[k].lower)) > 0 || portfolioWords[toks[k].lower] || thingHead(toks[k].text)) {
			nn = 0 // "General Agreement on Tariffs", "the General Staff": no name
		}
		if _, fn := d.people.match(toks[k:]); fn > nn {
			nn = fn // a known name that holds a word like "May"
		}
		if nn > 0 && (toks[sc.i].isCap() || nn > 1) {
			// capitalised words between a country and the title belong
			// to the office: "Indian External Affairs Minister X"
			start, title := sc.i, es[0].title
			if sc.modCountry != nil && sc.modEnd < sc.i && capsBetween(toks, sc.modEnd, sc.i) {
				start, sc.modEnd = sc.modEnd, sc.i
			} else if j := officeStart(toks, sc.out, sc.i); j < sc.i {
				start = j // "External Affairs Minister Jaishankar"
			}
			if start < sc.i || titleEnd > sc.i+n {
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
					p.country = c // "King Olaf of Ruritania"
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
			if sc.modCountry != nil && sc.modEnd == sc.i {
				if p.country == "" {
					p.country = sc.modCountry.iso3
				}
				// "Azerbaijani" in "Azerbaijani Foreign Minister X" modifies X
				if len(sc.out) > 0 && sc.out[len(sc.out)-1].ent == sc.modCountry {
					sc.out[len(sc.out)-1].form = 'm'
				}
			}
			if sc.modOrg != nil && sc.modEnd == sc.i && p.org == "" {
				p.org = sc.modOrg.id
				if p.country == "" {
					p.country = sc.modOrg.country
				}
			}
			if p.country == "" {
				p.country = d.officeCountry(es[0]) // the issuing government's envoy
			}
			if p.gender == 0 {
				p.gender = guessGender(spanText(d.text, t.start, toks[sc.i+n-1].end), name)
			}
			// the mention spans the title and the name: "FM Sergey Lavrov"
			sc.out = append(sc.out, mention{Span: Span{toks[start].start, toks[k+nn-1].end}, ent: p, tok: start, toks: k + nn - start, form: 'n'})
			d.touch(p)
			sc.i = k + nn
			sc.modCountry, sc.modOrg = nil, nil
			return true
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
						sc.out = append(sc.out, mention{Span: Span{t.start, toks[end+nn-1].end}, ent: p, tok: sc.i, toks: end + nn - sc.i, form: 'n'})
						d.touch(p)
						sc.i = end + nn
						return true
					}
					sc.out = append(sc.out, mention{Span: Span{t.start, toks[end-1].end}, ent: c, tok: sc.i, toks: end - sc.i, form: 'n', sector: es[0].sector})
					d.lastThing = c
					sc.i = end
					return true
				}
			}
		}
		// "the Deputy Secretary", "The Acting Assistant Secretary"
		if m, ok := d.bareOffice(toks, sc.i, n, es[0]); ok {
			sc.out = append(sc.out, m)
			if m.ent.typ == TypePerson {
				d.touch(m.ent)
			}
			sc.i += n
			return true
		}
		sc.i += n
		return true
	}
	return false
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
