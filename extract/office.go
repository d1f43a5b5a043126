package extract

import "strings"

// Offices without a holder's name, and the country of an office that
// names none. "The Deputy Secretary will travel" is the person who holds
// that office: someone the article already named in it, or else, in a
// release its government issues, that government acting through the
// office. "Special Envoy Ann Smith" in such a release is that government's
// envoy unless the text ties her to another country.

// officeCountry is the country of an office that the text ties to none:
// the issuing government's, unless the office is one it does not have
// ("Prime Minister" in a United States release) or an international post.
func (d *doc) officeCountry(e entry) string {
	if d.publisher == "" || e.sector == "IGO" || d.people.foreignOffice(e.title, d.publisher) {
		return ""
	}
	return d.publisher
}

// acting words may stand before an office without changing it.
var actingWords = wordSet("acting-words")

// officeCore is an office in lower case without the words that qualify a
// spell in it: "Acting Assistant Secretary" -> "assistant secretary".
func officeCore(title string) string {
	w := strings.Fields(strings.ToLower(title))
	for len(w) > 0 && actingWords[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// holds reports whether a person's office is the office named: the same,
// or a longer form of it ("Assistant Secretary of State for Near Eastern
// Affairs" holds "Assistant Secretary"; a "Vice President" does not hold
// "President").
func holds(p *entity, office string) bool {
	have, want := officeCore(p.title), officeCore(office)
	if want == "" || !strings.HasPrefix(have, want) {
		return false
	}
	return len(have) == len(want) || have[len(want)] == ' ' || have[len(want)] == ','
}

// bareOffice reads an office named without a holder at toks[i:i+n]
// ("the Deputy Secretary of State", "The Acting Assistant Secretary", "the
// First Lady"): the last person named in that office, or the issuing
// government acting through it. The office must be capitalised and
// follow "the", perhaps with acting words between.
func (d *doc) bareOffice(toks []token, i, n int, e entry) (mention, bool) {
	j := i
	for j > 0 && actingWords[toks[j-1].lower] && toks[j-1].isCap() {
		j--
	}
	if j == 0 || toks[j-1].lower != "the" || !toks[i].isCap() {
		return mention{}, false
	}
	sp := Span{toks[j].start, toks[i+n-1].end}
	if p := d.recentPerson(func(p *entity) bool {
		return holds(p, e.title) || holds(p, spanText(d.text, toks[i].start, toks[i+n-1].end))
	}); p != nil {
		return mention{Span: sp, ent: p, tok: j, toks: i + n - j, form: 't'}, true
	}
	if c := d.officeCountry(e); c != "" {
		if x := d.countryEntity(c); x != nil {
			return mention{Span: sp, ent: x, tok: j, toks: i + n - j, form: 'n', sector: e.sector}, true
		}
	}
	return mention{}, false
}

// portfolioAfter reads the portfolio of an office written before its
// holder's name, from the "for" at toks[k]: "for Near Eastern Affairs Ann
// Smith", "for the Horn of Africa Ann Smith", "for Food Security, Dr. Ann
// Smith". The portfolio ends at its last portfolio word or place. It
// returns where the name starts, or k when there is no portfolio.
func (d *doc) portfolioAfter(toks []token, k int) int {
	if k+1 >= len(toks) || toks[k].lower != "for" {
		return k
	}
	end := -1
	for j := k + 1; j < len(toks) && j < k+14; {
		t := toks[j]
		if t.isWord() && t.isCap() {
			if es, n := d.lookAt(toks, j); n > 0 && es[0].kind != kindTitle {
				j += n // "the Horn of Africa", "Afghanistan"
				end = j
				continue
			}
			if portfolioWords[t.lower] {
				end = j + 1
			}
			j++
			continue
		}
		if (t.lower == "and" || t.lower == "of" || t.lower == "the" || t.text == "," || t.text == "&") && j+1 < len(toks) && (toks[j+1].isCap() || toks[j+1].lower == "the") {
			j++
			continue
		}
		break
	}
	if end < 0 {
		return k
	}
	if end < len(toks) && toks[end].text == "," {
		end++
	}
	return end
}

// underling reports whether an office is the second to another of that
// name: a Vice President, a Deputy or Assistant Secretary, an Under
// Secretary.
func underling(office string) bool {
	w, _, _ := strings.Cut(officeCore(office), " ")
	switch w {
	case "vice", "deputy", "assistant", "under", "undersecretary":
		return true
	}
	return false
}
