package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// nonStates are the codes people.tsv accepts besides ISO 3166 countries: a
// post in an international organization.
var nonStates = set("IGO")

// checkPeople checks people.tsv: one row per (person, office, term), sorted
// by name then line; the rows of a person agree on the aliases; a country
// code, an office, a sector and a valid term; no name or alias naming two
// people or a country; no two overlapping terms of one person in one
// office. Names that are also cities, organizations or capitals are
// reported as warnings.
func checkPeople(dir string, iso3s map[string]bool, other map[string]string, fail func(error), warn func(string, ...any)) {
	_, rows, err := readTSV(filepath.Join(dir, peopleFile), len(peopleCols))
	if err != nil {
		fail(err)
		return
	}
	checkSortedLines(rows, fail)
	aliasesOf := map[string]string{} // name -> aliases column
	personOf := map[string]string{}  // lower-cased name or alias -> name
	terms := map[string][]termSpan{} // name + iso3 + office -> terms
	for _, r := range rows {
		name, aliases, iso3, office, sector, from, to := r.f[0], r.f[1], r.f[2], r.f[3], r.f[4], r.f[5], r.f[6]
		if name == "" || strings.Contains(name, "|") {
			fail(r.errf("bad name %q", name))
			continue
		}
		prev, seen := aliasesOf[name]
		if seen && prev != aliases {
			fail(r.errf("%s: aliases %q differ from an earlier row's %q", name, aliases, prev))
		}
		aliasesOf[name] = aliases
		for _, s := range append([]string{name}, split(aliases)...) {
			if seen {
				break // checked on the person's first row
			}
			k := strings.ToLower(s)
			if p, ok := personOf[k]; ok && p != name {
				fail(r.errf("%q names both %s and %s", s, p, name))
			}
			personOf[k] = name
			if what, ok := other[k]; ok {
				if strings.HasPrefix(what, "country") {
					fail(r.errf("%q is also %s", s, what))
				} else {
					warn("person %s: %q is also %s", name, s, what)
				}
			}
		}
		switch {
		case iso3 == "":
			if sector != "REB" {
				fail(r.errf("%s: no country, which only a transnational armed group's leader (REB) may have", name))
			}
		case !iso3s[iso3] && !nonStates[iso3]:
			fail(r.errf("%s: unknown country %q", name, iso3))
		}
		if office == "" || strings.Contains(office, "|") {
			fail(r.errf("%s: bad office %q", name, office))
		}
		if !sectors[sector] {
			fail(r.errf("%s: bad sector %q", name, sector))
		}
		a, e1 := termDate(from, false)
		b, e2 := termDate(to, true)
		if e1 != nil || from == "" {
			fail(r.errf("%s: bad from %q (want YYYY or YYYY-MM-DD)", name, from))
			continue
		}
		if e2 != nil {
			fail(r.errf("%s: bad to %q (want YYYY, YYYY-MM-DD or empty)", name, to))
			continue
		}
		if to != "" && b.Before(a) {
			fail(r.errf("%s: term ends (%s) before it starts (%s)", name, to, from))
			continue
		}
		key := name + "\t" + iso3 + "\t" + office
		for _, t := range terms[key] {
			if t.overlaps(a, b, to == "") {
				fail(r.errf("%s: %s term %s-%s overlaps %s-%s", name, office, from, to, t.fromText, t.toText))
			}
		}
		terms[key] = append(terms[key], termSpan{a, b, to == "", from, to})
	}
}

// termSpan is one term of one office, for the overlap check.
type termSpan struct {
	from, to         time.Time
	open             bool
	fromText, toText string
}

// overlaps reports whether two terms share more than a day: a term may end
// on the day the next one starts. Year-only dates cover their whole year,
// so two terms inside one year given by years alone overlap.
func (t termSpan) overlaps(from, to time.Time, open bool) bool {
	aEnd, bEnd := t.to, to
	if t.open {
		aEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if open {
		bEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return from.Before(aEnd) && t.from.Before(bEnd)
}

// termDate parses YYYY or YYYY-MM-DD; a bare year is its first day, or its
// last when end is set. An empty string is the zero time.
func termDate(s string, end bool) (time.Time, error) {
	switch len(s) {
	case 0:
		return time.Time{}, nil
	case 4:
		t, err := time.Parse("2006", s)
		if err == nil && end {
			t = t.AddDate(1, 0, -1)
		}
		return t, err
	case 10:
		return time.Parse("2006-01-02", s)
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}

// checkAgents checks agents.tsv: lower-case patterns, each once in the file
// and not a title pattern too; a sector.
func checkAgents(dir string, titlePatterns map[string]bool, fail func(error)) {
	_, rows, err := readTSV(filepath.Join(dir, agentsFile), len(agentCols))
	if err != nil {
		fail(err)
		return
	}
	checkSorted(rows, fail)
	seen := map[string]bool{}
	for _, r := range rows {
		for _, p := range split(r.f[0]) {
			if p != strings.ToLower(p) {
				fail(r.errf("pattern %q is not lower case", p))
			}
			if seen[p] {
				fail(r.errf("pattern %q twice", p))
			}
			seen[p] = true
			if titlePatterns[p] {
				fail(r.errf("pattern %q is also a title (titles.tsv)", p))
			}
		}
		if !agentSectors[r.f[1]] {
			fail(r.errf("bad sector %q", r.f[1]))
		}
	}
}

// checkSortedLines requires rows ordered by first column, then whole line,
// allowing a first column to repeat but not a whole line.
func checkSortedLines(rows []row, fail func(error)) {
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		la, lb := strings.Join(a.f, "\t"), strings.Join(b.f, "\t")
		switch {
		case a.f[0] > b.f[0] || a.f[0] == b.f[0] && la > lb:
			fail(b.errf("not sorted: %q after %q (run gen -fmt)", b.f[0], a.f[0]))
		case la == lb:
			fail(b.errf("line repeated"))
		}
	}
}

func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			m[k] = true
		}
	}
	return m
}
