package extract

import (
	"slices"
	"strings"
)

// The headline as context: a release titled "United States Imposes Costs
// on Russia" is about Russia even where a sentence of it says only "the
// Administration is implementing the first tranche of sanctions". An act
// aimed at someone whose sentence names no one it is aimed at takes the
// headline's other country, and says so (PropTargetFrom).

// headlineCountries returns the countries the headline names, by name or
// demonym, in order and without repeats.
func (d *doc) headlineCountries(title string) []string {
	toks := tokenize(title, 0)
	var out []string
	for i := 0; i < len(toks); {
		es, n := d.g.lookup(toks[i:])
		if n == 0 {
			i++
			continue
		}
		if e := pick(es, d); (e.kind == kindCountry || e.kind == kindDemonym) && e.iso3 != "" && !slices.Contains(out, e.iso3) {
			out = append(out, e.iso3)
		}
		i += n
	}
	return out
}

// aimedRoots are the CAMEO roots of acts that are aimed at someone: an
// appeal, an intent, cooperation, aid, a demand, disapproval, a
// rejection, a threat, reduced relations, sanctions, coercion. Statements,
// consultations (which have their own sides), yielding, investigating,
// protests and force are left to what the sentence says.
var aimedRoots = map[string]bool{"02": true, "03": true, "05": true, "06": true, "07": true,
	"10": true, "11": true, "12": true, "13": true, "16": true, "17": true}

// headlineTargets gives an act with a source of known country and no
// other side the headline's one other country.
func (x *extraction) headlineTargets() {
	if len(x.headline) < 2 {
		return
	}
	for _, ev := range x.events {
		if ev.cameo == "" || !aimedRoots[cameoRoot(ev.cameo)] || ev.hasRole("target", "party", "participant", "visitor", "host", "appointee") {
			continue
		}
		src := ""
		for _, p := range ev.parts {
			if p.role == "actor" || p.role == "speaker" || p.role == "body" || p.role == "source" {
				if src = p.ent.iso3; src == "" {
					src = p.ent.country
				}
				break
			}
		}
		if src == "" || !slices.Contains(x.headline, src) {
			continue // the headline is about someone else's dealings
		}
		var other []string
		for _, c := range x.headline {
			if c != src {
				other = append(other, c)
			}
		}
		if len(other) != 1 {
			continue
		}
		if c := x.d.countryEntity(other[0]); c != nil {
			ev.addPart("target", c)
			ev.targetFrom = "headline"
		}
	}
}

// foreignPosts are words of offices held abroad or in an international
// body (gazetteer/words/foreign-posts.txt).
var foreignPosts = wordLines("foreign-posts")

// datelineOfficials gives an official of no known country in a news story
// the country of its dateline ("LONDON - Corporate Affairs Minister Michael
// Howard said"): a wire story's officials are, unless the text says
// otherwise, those of where it is filed. A release's officials are its
// issuer's (office.go); offices held abroad are left alone.
func (x *extraction) datelineOfficials() {
	d := x.d
	if d.publisher != "" || d.dateline == "" {
		return
	}
	for _, e := range d.order {
		if e.typ != TypePerson || e.country != "" || e.title == "" || e.sector == "IGO" {
			continue
		}
		t := " " + strings.ToLower(e.title) + " "
		if slices.ContainsFunc(foreignPosts, func(w string) bool { return strings.Contains(t, " "+w+" ") }) {
			continue
		}
		e.country, e.countryFrom = d.dateline, "dateline"
	}
}
