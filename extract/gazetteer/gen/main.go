// Command gen rewrites extract/gazetteer/countries.tsv from the country data
// embedded in github.com/pariz/gountries merged with the hand-kept
// countries_extra.tsv; rewrites phoenix_people.tsv, phoenix_orgs.tsv and
// phoenix_agents.tsv from the PETRARCH Phoenix dictionaries kept in
// gazetteer/petrarch2 (petrarch.go reads their syntax, phoenix.go merges
// them with the hand-kept tables); and checks every other gazetteer file
// (cities, organizations, regions, titles, people, agents) for layout and
// cross-references, and the event lexicons verbs.tsv and triggers.tsv
// (lexicon.go: no pattern twice, every code in the CAMEO codebook, every
// frame and event type one the extractor knows; lexicon_known.txt lists
// the problems that wait for a decision). extract runs it through go generate.
//
// Usage, from the module root:
//
//	go run ./extract/gazetteer/gen          # rewrite countries.tsv, check all
//	go run ./extract/gazetteer/gen -check   # check only; fail if countries.tsv is stale
//	go run ./extract/gazetteer/gen -fmt     # also sort the hand-kept files in place
//	go run ./extract/gazetteer/gen -v       # also report the Phoenix conversion
//
// The output depends only on the pinned module version and the files in the
// gazetteer directory: running it twice gives identical files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/extract/fold"
	"github.com/pariz/gountries"
)

// File names inside the gazetteer directory.
const (
	countriesFile = "countries.tsv"
	extraFile     = "countries_extra.tsv"
	citiesFile    = "cities.tsv"
	orgsFile      = "organizations.tsv"
	regionsFile   = "regions.tsv"
	titlesFile    = "titles.tsv"
	peopleFile    = "people.tsv"
	agentsFile    = "agents.tsv"
	publisherFile = "publishers.tsv"
)

// Column layouts. The hand-kept files carry the same layout in their header
// comment; the checker compares the number of fields only.
var (
	countryCols = []string{"iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases"}
	cityCols    = []string{"name", "iso3", "aliases"}
	orgCols     = []string{"id", "name", "aliases", "kind", "country", "parent"}
	regionCols  = []string{"id", "name", "aliases", "country", "kind"}
	titleCols   = []string{"pattern", "normalized", "sector"}
	peopleCols  = []string{"name", "aliases", "iso3", "office", "sector", "from", "to"}
	agentCols   = []string{"pattern", "sector"}
	pubCols     = []string{"key", "by", "iso3"}
)

var (
	orgKinds    = set("igo", "ngo", "armed_group", "gov", "party", "company", "media")
	regionKinds = set("geo", "disputed", "subnational", "water")
	sectors     = set("GOV", "MIL", "JUD", "LEG", "DIP", "ELI", "MED", "IGO", "NGO", "OPP", "REB", "SPY", "COP", "BUS", "REL", "LAB", "HRI", "CVL")
	// agentSectors adds the CAMEO sectors that name groups rather than offices.
	agentSectors = union(sectors, set("PTY", "EDU", "HLH", "AGR", "REF", "CRM", "UAF"))
)

// acronymAllow lists the only all-capital short forms (letters and dots,
// five characters at most) allowed as country aliases; every other one
// (ISO codes such as "TR", "AZ", "RU") is dropped.
var acronymAllow = set(
	"U.S.", "US", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DPRK", "ROK", "PRC",
	"USSR", "U.S.S.R.", "FYROM", "DRC", "KSA", "GDR", "FRG", "SFRY",
)

var (
	reISO3   = regexp.MustCompile(`^[A-Z]{3}$`)
	reISO2   = regexp.MustCompile(`^[A-Z]{2}$`)
	reSlug   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	reAcro   = regexp.MustCompile(`^[A-Z.]{1,6}$`)
	reSpaces = regexp.MustCompile(`\s{2,}`)
)

func main() {
	dir := flag.String("dir", "", "gazetteer directory (default: found from the working directory)")
	check := flag.Bool("check", false, "write nothing; fail if a generated file is not what the generator makes")
	fmtHand := flag.Bool("fmt", false, "also sort the hand-kept files in place")
	verbose := flag.Bool("v", false, "report what the Phoenix conversion kept and left out, and the upstream lines PETRARCH would trip on")
	flag.Parse()
	if *dir == "" {
		d, err := findDir()
		if err != nil {
			fatal(err)
		}
		*dir = d
	}
	if *fmtHand && !*check {
		for _, f := range []string{extraFile, citiesFile, orgsFile, regionsFile, titlesFile, peopleFile, agentsFile, publisherFile} {
			if err := sortFile(filepath.Join(*dir, f)); err != nil {
				fatal(err)
			}
		}
	}
	out, err := Generate(*dir)
	if err != nil {
		fatal(err)
	}
	phx, st, err := GeneratePhoenix(*dir, out)
	if err != nil {
		fatal(err)
	}
	if *verbose {
		fmt.Fprint(os.Stderr, st)
		for _, p := range st.problems {
			fmt.Fprintln(os.Stderr, "upstream:", p)
		}
	}
	for _, f := range append([]genFile{{countriesFile, out}}, phx...) {
		path := filepath.Join(*dir, f.name)
		if *check {
			old, err := os.ReadFile(path)
			if err != nil {
				fatal(err)
			}
			if !bytes.Equal(old, f.data) {
				fatal(fmt.Errorf("%s is stale: run go run ./extract/gazetteer/gen", path))
			}
		} else if err := writeIfChanged(path, f.data); err != nil {
			fatal(err)
		}
	}
	warnings, err := Validate(*dir, out)
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func findDir() (string, error) {
	for _, d := range []string{filepath.Join("extract", "gazetteer"), ".", ".."} {
		if _, err := os.Stat(filepath.Join(d, extraFile)); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("cannot find %s; run from the module root or pass -dir", extraFile)
}

func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// country is one row of countries.tsv while it is being built.
type country struct {
	iso3, iso2, name string
	aliases          []string
	demonyms         []string
	capital          string
	capitalAliases   []string
}

// Generate returns the bytes of countries.tsv.
func Generate(dir string) ([]byte, error) {
	byISO3 := map[string]*country{}
	for _, c := range gountries.New().FindAllCountries() {
		iso3 := strings.ToUpper(strings.TrimSpace(c.Alpha3))
		r := &country{
			iso3:    iso3,
			iso2:    strings.ToUpper(strings.TrimSpace(c.Alpha2)),
			name:    clean(c.Name.Common),
			capital: clean(c.Geo.Capital),
		}
		if off := clean(c.Name.Official); off != "" {
			r.aliases = append(r.aliases, off)
		}
		if prev, dup := byISO3[iso3]; dup {
			return nil, fmt.Errorf("gountries: duplicate alpha-3 %s (%s, %s)", iso3, prev.name, r.name)
		}
		byISO3[iso3] = r
	}

	_, extra, err := readTSV(filepath.Join(dir, extraFile), len(countryCols))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, row := range extra {
		iso3 := row.f[0]
		if !reISO3.MatchString(iso3) {
			return nil, row.errf("bad iso3 %q", iso3)
		}
		if seen[iso3] {
			return nil, row.errf("iso3 %s appears twice", iso3)
		}
		seen[iso3] = true
		r, ok := byISO3[iso3]
		if !ok {
			if row.f[1] == "" || row.f[2] == "" {
				return nil, row.errf("new entity %s needs iso2 and name", iso3)
			}
			r = &country{iso3: iso3}
			byISO3[iso3] = r
		}
		if err := merge(r, row.f); err != nil {
			return nil, row.errf("%v", err)
		}
	}

	codes := make([]string, 0, len(byISO3))
	for k := range byISO3 {
		codes = append(codes, k)
	}
	sort.Strings(codes)

	var b bytes.Buffer
	b.WriteString("# GENERATED by `go run ./extract/gazetteer/gen` from github.com/pariz/gountries (country data derived from mledoze/countries, ODbL 1.0) merged with countries_extra.tsv. DO NOT EDIT: edit countries_extra.tsv and regenerate.\n")
	b.WriteString("# " + strings.Join(countryCols, "\t") + "\n")
	for _, k := range codes {
		r := byISO3[k]
		applyFix(r)
		finish(r)
		if !reISO2.MatchString(r.iso2) {
			return nil, fmt.Errorf("%s: bad iso2 %q", r.iso3, r.iso2)
		}
		fields := []string{r.iso3, r.iso2, r.name, join(r.aliases), join(r.demonyms), r.capital, join(r.capitalAliases)}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return b.Bytes(), nil
}

// merge applies one countries_extra.tsv row to r. A non-empty name or
// capital replaces the derived one, which is kept as an alias; list items
// are appended. The file holds only facts (extract may load it in addition
// to countries.tsv), so removals live in dependencyFixes below.
func merge(r *country, f []string) error {
	for _, col := range f[2:] {
		for _, it := range split(col) {
			if strings.HasPrefix(it, "-") {
				return fmt.Errorf("%q: removals belong in dependencyFixes in gen/main.go", it)
			}
		}
	}
	if f[1] != "" {
		if r.iso2 != "" && r.iso2 != f[1] {
			return fmt.Errorf("iso2 %s differs from the dependency's %s", f[1], r.iso2)
		}
		r.iso2 = f[1]
	}
	if f[2] != "" && f[2] != r.name {
		if r.name != "" {
			r.aliases = append([]string{r.name}, r.aliases...)
		}
		r.name = f[2]
	}
	r.aliases = applyList(r.aliases, f[3])
	r.demonyms = applyList(r.demonyms, f[4])
	switch {
	case f[5] != "" && f[5] != r.capital:
		if r.capital != "" {
			r.capitalAliases = append([]string{r.capital}, r.capitalAliases...)
		}
		r.capital = f[5]
	}
	r.capitalAliases = applyList(r.capitalAliases, f[6])
	return nil
}

func applyList(list []string, spec string) []string {
	return append(list, split(spec)...)
}

// fix removes what the dependency gets wrong, or what is too ambiguous in
// news text to keep.
type fix struct {
	aliases        []string // official names to drop
	capitalAliases []string // former capitals kept by merge that are other cities
	noCapital      bool     // drop the capital
}

// ambiguousCapital drops the capital of a dependent territory whose name is
// mostly something else in news text (a person's name, a common phrase, a
// bigger city elsewhere): "Douglas", "Stanley", "Hamilton", "The Valley".
var ambiguousCapital = fix{noCapital: true}

var dependencyFixes = map[string]fix{
	"AIA": ambiguousCapital,                                                      // The Valley
	"BDI": {capitalAliases: []string{"Bujumbura"}},                               // capital moved to Gitega in 2019; Bujumbura is in cities.tsv
	"BMU": ambiguousCapital,                                                      // Hamilton
	"CCK": ambiguousCapital,                                                      // West Island
	"FLK": ambiguousCapital,                                                      // Stanley
	"GUF": {aliases: []string{"Guiana"}},                                         // ambiguous with Guyana and the Guianas region
	"HKG": {noCapital: true},                                                     // "City of Victoria" is no capital in news use
	"IMN": ambiguousCapital,                                                      // Douglas
	"KIR": {aliases: []string{"Independent and Sovereign Republic of Kiribati"}}, // not the official name
	"KNA": {aliases: []string{"Federation of Saint Christopher and Nevisa"}},     // typo in the data
	"MSR": ambiguousCapital,                                                      // Plymouth
	"NFK": ambiguousCapital,                                                      // Kingston, also Jamaica's capital
	"PCN": ambiguousCapital,                                                      // Adamstown
	"SHN": ambiguousCapital,                                                      // Jamestown
	"SJM": {aliases: []string{"Svalbard og Jan Mayen"}},                          // Norwegian, not English
	"SWZ": {capitalAliases: []string{"Lobamba"}},                                 // legislative capital, another town; Mbabane is the capital news uses
	"VGB": {aliases: []string{"Virgin Islands"}},                                 // ambiguous with the US Virgin Islands
}

func applyFix(r *country) {
	fx, ok := dependencyFixes[r.iso3]
	if !ok {
		return
	}
	drop := func(list, bad []string) []string {
		return slices.DeleteFunc(list, func(s string) bool { return slices.Contains(bad, s) })
	}
	r.aliases = drop(r.aliases, fx.aliases)
	r.capitalAliases = drop(r.capitalAliases, fx.capitalAliases)
	if fx.noCapital {
		r.capital, r.capitalAliases = "", nil
	}
}

// finish adds ASCII-folded spellings, drops unusable aliases and
// duplicates, and keeps the name and capital out of their alias lists.
func finish(r *country) {
	r.aliases = tidy(r.aliases, r.name, true)
	r.demonyms = tidy(r.demonyms, "", false)
	r.capitalAliases = tidy(r.capitalAliases, r.capital, false)
}

func tidy(list []string, primary string, isAlias bool) []string {
	var out []string
	have := map[string]bool{primary: true}
	add := func(s string) {
		s = clean(s)
		if s == "" || have[s] {
			return
		}
		if isAlias && !usableAlias(s) {
			return
		}
		have[s] = true
		out = append(out, s)
	}
	if f := fold.Name(primary); f != primary {
		add(f)
	}
	for _, s := range list {
		add(s)
		add(fold.Name(s))
	}
	return out
}

// usableAlias rejects codes and parenthesised forms: an alias must be a
// name news text uses as is.
func usableAlias(s string) bool {
	if strings.ContainsAny(s, "()|\t") {
		return false
	}
	if reAcro.MatchString(s) && !acronymAllow[s] {
		return false
	}
	return utf8.RuneCountInString(s) > 2 || acronymAllow[s]
}

func clean(s string) string {
	s = strings.TrimSpace(s)
	return reSpaces.ReplaceAllString(s, " ")
}

func join(list []string) string { return strings.Join(list, "|") }

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func set(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}
