package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Validate checks every gazetteer file; countries is the content of
// countries.tsv as generated. Errors are returned together; warnings are
// facts worth knowing that are not wrong in themselves (two territories
// sharing a capital's name).
func Validate(dir string, countries []byte) (warnings []string, err error) {
	var errs []error
	fail := func(e error) { errs = append(errs, e) }
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }

	// countries.tsv
	_, crows, e := parseTSV(filepath.Join(dir, countriesFile), countries, len(countryCols))
	if e != nil {
		return nil, e
	}
	checkSorted(crows, fail)
	iso3s := map[string]bool{}
	iso2s := map[string]string{}
	countryName := map[string]string{} // lower-cased name/alias/demonym -> iso3
	capitalOf := map[string]string{}   // lower-cased capital spelling -> iso3
	for _, r := range crows {
		iso3, iso2 := r.f[0], r.f[1]
		if !reISO3.MatchString(iso3) || !reISO2.MatchString(iso2) {
			fail(r.errf("bad codes %q %q", iso3, iso2))
		}
		if iso3s[iso3] {
			fail(r.errf("iso3 %s twice", iso3))
		}
		iso3s[iso3] = true
		if other, ok := iso2s[iso2]; ok {
			fail(r.errf("iso2 %s also used by %s", iso2, other))
		}
		iso2s[iso2] = iso3
		if r.f[2] == "" {
			fail(r.errf("no name"))
		}
		for _, s := range append(append([]string{r.f[2]}, split(r.f[3])...), split(r.f[4])...) {
			k := strings.ToLower(s)
			if other, ok := countryName[k]; ok && other != iso3 {
				fail(r.errf("%q names both %s and %s", s, other, iso3))
			}
			countryName[k] = iso3
		}
		if r.f[5] == "" && r.f[6] != "" {
			fail(r.errf("capital aliases without a capital"))
		}
		for _, s := range append([]string{r.f[5]}, split(r.f[6])...) {
			if s == "" {
				continue
			}
			k := strings.ToLower(s)
			if other, ok := capitalOf[k]; ok && other != iso3 {
				warn("capital %q is shared by %s and %s", s, other, iso3)
			}
			capitalOf[k] = iso3
		}
	}

	// cities.tsv
	_, rows, e := readTSV(filepath.Join(dir, citiesFile), len(cityCols))
	if e != nil {
		fail(e)
	}
	checkSorted(rows, fail)
	cityName := map[string]string{}
	for _, r := range rows {
		if !iso3s[r.f[1]] {
			fail(r.errf("unknown iso3 %q", r.f[1]))
		}
		for _, s := range append([]string{r.f[0]}, split(r.f[2])...) {
			k := strings.ToLower(s)
			if other, ok := cityName[k]; ok {
				fail(r.errf("%q also names city %s (letter case aside)", s, other))
			}
			cityName[k] = r.f[0]
			if c, ok := countryName[k]; ok {
				fail(r.errf("%q is also a name of country %s", s, c))
			}
			if c, ok := capitalOf[k]; ok {
				fail(r.errf("%q is the capital of %s (capitals live in countries.tsv)", s, c))
			}
		}
	}

	// organizations.tsv
	_, rows, e = readTSV(filepath.Join(dir, orgsFile), len(orgCols))
	if e != nil {
		fail(e)
	}
	checkSorted(rows, fail)
	parent := map[string]string{}
	orgName := map[string]string{}
	for _, r := range rows {
		id := r.f[0]
		if !reSlug.MatchString(id) {
			fail(r.errf("bad id %q", id))
		}
		if _, dup := parent[id]; dup {
			fail(r.errf("id %s twice", id))
		}
		parent[id] = r.f[5]
		if r.f[1] == "" {
			fail(r.errf("no name"))
		}
		if !orgKinds[r.f[3]] {
			fail(r.errf("bad kind %q", r.f[3]))
		}
		if r.f[4] != "" && !iso3s[r.f[4]] {
			fail(r.errf("unknown country %q", r.f[4]))
		}
		if r.f[3] == "gov" && r.f[4] == "" {
			fail(r.errf("a gov body needs a country"))
		}
		for _, s := range append([]string{r.f[1]}, split(r.f[2])...) {
			if other, ok := orgName[s]; ok && other != id {
				fail(r.errf("%q also names organization %s", s, other))
			}
			orgName[s] = id
			if c, ok := countryName[strings.ToLower(s)]; ok {
				warn("organization %s: %q is also a name of country %s", id, s, c)
			}
		}
	}
	for _, r := range rows {
		p := r.f[5]
		if p == "" {
			continue
		}
		if _, ok := parent[p]; !ok {
			fail(r.errf("unknown parent %q", p))
			continue
		}
		seen := map[string]bool{r.f[0]: true}
		for q := p; q != ""; q = parent[q] {
			if seen[q] {
				fail(r.errf("parent cycle through %s", q))
				break
			}
			seen[q] = true
		}
	}

	// regions.tsv
	_, rows, e = readTSV(filepath.Join(dir, regionsFile), len(regionCols))
	if e != nil {
		fail(e)
	}
	checkSorted(rows, fail)
	regionName := map[string]string{}
	ids := map[string]bool{}
	for _, r := range rows {
		id := r.f[0]
		if !reSlug.MatchString(id) || ids[id] {
			fail(r.errf("bad or repeated id %q", id))
		}
		ids[id] = true
		if r.f[1] == "" {
			fail(r.errf("no name"))
		}
		if r.f[3] != "" && !iso3s[r.f[3]] {
			fail(r.errf("unknown country %q", r.f[3]))
		}
		if !regionKinds[r.f[4]] {
			fail(r.errf("bad kind %q", r.f[4]))
		}
		for _, s := range append([]string{r.f[1]}, split(r.f[2])...) {
			k := strings.ToLower(s)
			if other, ok := regionName[k]; ok {
				fail(r.errf("%q also names region %s (letter case aside)", s, other))
			}
			regionName[k] = id
			if c, ok := countryName[k]; ok {
				fail(r.errf("%q is also a name of country %s", s, c))
			}
			if c, ok := cityName[k]; ok {
				warn("region %s: %q is also a city (%s)", id, s, c)
			}
		}
	}

	// titles.tsv
	_, rows, e = readTSV(filepath.Join(dir, titlesFile), len(titleCols))
	if e != nil {
		fail(e)
	}
	checkSorted(rows, fail)
	patterns := map[string]bool{}
	for _, r := range rows {
		p := r.f[0]
		if p == "" || p != strings.ToLower(p) || strings.Contains(p, "|") {
			fail(r.errf("pattern %q must be one lower-case phrase", p))
		}
		if patterns[p] {
			fail(r.errf("pattern %q twice", p))
		}
		patterns[p] = true
		if r.f[1] == "" || strings.Contains(r.f[1], "|") {
			fail(r.errf("bad normalized title %q", r.f[1]))
		}
		if !sectors[r.f[2]] {
			fail(r.errf("bad sector %q", r.f[2]))
		}
	}

	// people.tsv and agents.tsv
	named := map[string]string{} // lower-cased phrase -> what else it names
	for k, v := range cityName {
		named[k] = "city " + v
	}
	for k, v := range orgName {
		named[strings.ToLower(k)] = "organization " + v
	}
	for k, v := range capitalOf {
		named[k] = "the capital of " + v
	}
	for k, v := range countryName {
		named[k] = "country " + v
	}
	checkPeople(dir, iso3s, named, fail, warn)
	checkAgents(dir, patterns, fail)
	checkPublishers(dir, iso3s, fail)
	checkLexicons(dir, fail, warn)
	checkWords(dir, fail)

	sort.Strings(warnings)
	return warnings, errors.Join(errs...)
}

// checkSorted requires rows ordered by first column, then whole line, with
// no first column repeated.
func checkSorted(rows []row, fail func(error)) {
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if a.f[0] > b.f[0] {
			fail(b.errf("not sorted: %q after %q (run gen -fmt)", b.f[0], a.f[0]))
		}
		if a.f[0] == b.f[0] {
			fail(b.errf("first column %q repeated", b.f[0]))
		}
	}
}
