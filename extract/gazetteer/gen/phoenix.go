package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/dipgraph/dipgraph/extract/fold"
)

// The Phoenix dictionaries of petrarch2, kept as published in
// gazetteer/petrarch2 (see SOURCE there), and the tables made from them.
const (
	petrarchDir      = "petrarch2"
	phxCountries     = "Phoenix.Countries.actors.txt"
	phxInternational = "Phoenix.International.actors.txt"
	phxMilNonState   = "Phoenix.MilNonState.actors.txt"
	phxAgents        = "Phoenix.agents.txt"

	phoenixPeopleFile = "phoenix_people.tsv"
	phoenixOrgsFile   = "phoenix_orgs.tsv"
	phoenixAgentsFile = "phoenix_agents.tsv"
)

var (
	phoenixPeopleCols = []string{"name", "aliases", "iso3", "sector", "code", "from", "to"}
	phoenixOrgCols    = []string{"name", "aliases", "kind", "iso3", "sector", "code"}
	phoenixAgentCols  = []string{"pattern", "sector", "code"}
)

// cameoSectors maps the CAMEO role codes that have no twin among the
// project's sectors: insurgents and separatists are rebels, the religions
// are REL, multinationals BUS, militarized groups REB. Role codes absent
// from this map and from agentSectors (DEV, ENV, MOD, RAD, ...) give no
// sector.
var cameoSectors = map[string]string{
	"INS": "REB", "SEP": "REB", "IMG": "REB", "MNC": "BUS", "NGM": "NGO",
	// religions
	"ADR": "REL", "ALE": "REL", "ATH": "REL", "BAH": "REL", "BUD": "REL", "CHR": "REL",
	"CON": "REL", "CPT": "REL", "CTH": "REL", "DOX": "REL", "DRZ": "REL", "HIN": "REL",
	"ITR": "REL", "JAI": "REL", "JEW": "REL", "MOS": "REL", "MUS": "REL", "PRO": "REL",
	"SFI": "REL", "SHI": "REL", "SHN": "REL", "SIK": "REL", "SUN": "REL", "TAO": "REL",
	"ZRO": "REL",
}

// honorificWords open names in the dictionaries ("MR_OBAMA", "DR_X") and
// are not part of the name; titles.tsv holds the offices. Names are
// compared by nameKey, which drops dots ("Dr." is "dr").
var honorificWords = set("mr", "mrs", "ms", "dr", "sir", "lord", "dame", "madam")

// nameJoiners stay lower case inside a name written in title case.
var nameJoiners = set("of", "the", "and", "for", "on", "in", "at", "to", "de", "la", "le", "les",
	"del", "des", "du", "da", "dos", "das", "al", "el", "bin", "ibn", "van", "von", "der", "den", "y")

// known is what the hand-kept tables already name, for the merge: ours
// wins, and a Phoenix name that also names a place, a body or an office
// of ours is dropped.
type known struct {
	iso3s     map[string]bool
	places    map[string]bool // lower-cased names of countries, demonyms, capitals, cities, regions
	orgs      map[string]bool // lower-cased names and aliases of organizations.tsv
	people    map[string]bool // lower-cased, folded names and aliases of people.tsv
	titles    map[string]bool // title patterns
	nouns     map[string]bool // title, body and agent patterns: ours win
	offices   map[string]bool // words of title and body patterns
	common    map[string]bool // English words the project's lexicons use (verbs, triggers, nouns)
	orgHeads  map[string]bool // words a body's name ends in
	countryOf map[string]bool // first words of country names and demonyms ("us", "american")
}

// nameKey is how the extractor's tokenizer sees a name, near enough to
// compare: lower case, accents folded, hyphens as spaces, no dots.
func nameKey(s string) string {
	s = strings.ToLower(fold.Name(s))
	s = strings.NewReplacer("-", " ", ".", "", "’", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func loadKnown(dir string, countries []byte) (*known, error) {
	k := &known{iso3s: map[string]bool{}, places: map[string]bool{}, orgs: map[string]bool{},
		people: map[string]bool{}, titles: map[string]bool{}, nouns: map[string]bool{},
		offices: map[string]bool{}, common: map[string]bool{}, orgHeads: map[string]bool{},
		countryOf: map[string]bool{}}
	low := nameKey
	_, crows, err := parseTSV(countriesFile, countries, len(countryCols))
	if err != nil {
		return nil, err
	}
	for _, r := range crows {
		k.iso3s[r.f[0]] = true
		for _, col := range []int{2, 3, 4, 5, 6} {
			for _, s := range split(r.f[col]) {
				k.places[low(s)] = true
				if col <= 4 {
					w, _, _ := strings.Cut(low(s), " ")
					k.countryOf[w] = true
				}
			}
		}
	}
	read := func(file string, ncols int) ([]row, error) {
		_, rows, err := readTSV(filepath.Join(dir, file), ncols)
		return rows, err
	}
	words := func(p string) []string {
		return strings.FieldsFunc(low(p), func(r rune) bool { return r == ' ' || r == '-' || r == '|' })
	}
	rows, err := read(citiesFile, len(cityCols))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, s := range append([]string{r.f[0]}, split(r.f[2])...) {
			k.places[low(s)] = true
		}
	}
	if rows, err = read(regionsFile, len(regionCols)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, s := range append([]string{r.f[1]}, split(r.f[2])...) {
			k.places[low(s)] = true
		}
	}
	if rows, err = read(orgsFile, len(orgCols)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, s := range append([]string{r.f[1]}, split(r.f[2])...) {
			k.orgs[low(s)] = true
		}
		if w := words(r.f[1]); len(w) > 1 {
			k.orgHeads[w[len(w)-1]] = true
		}
	}
	if rows, err = read(peopleFile, len(peopleCols)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, s := range append([]string{r.f[0]}, split(r.f[1])...) {
			k.people[low(s)] = true
		}
	}
	if rows, err = read(titlesFile, len(titleCols)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		k.titles[low(r.f[0])] = true
		k.nouns[low(r.f[0])] = true
		for _, w := range words(r.f[0]) {
			k.offices[w] = true
		}
	}
	// bodies.tsv is kept by the extractor's authors: pattern normalized kind sector
	if rows, err = read("bodies.tsv", 4); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, p := range split(r.f[0]) {
			k.nouns[low(p)] = true
			for _, w := range words(p) {
				k.offices[w] = true
			}
		}
	}
	if rows, err = read(agentsFile, len(agentCols)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, p := range split(r.f[0]) {
			k.nouns[low(p)] = true
			if w := words(p); len(w) == 1 {
				k.orgHeads[w[0]] = true
			}
		}
	}
	for w := range k.offices {
		k.common[w] = true
	}
	for w := range k.nouns {
		for _, x := range words(w) {
			k.common[x] = true
		}
	}
	// the English words of the verb lexicon and the event triggers
	for _, f := range []string{"verbs.tsv", "triggers.tsv"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "#") {
				continue
			}
			p, _, _ := strings.Cut(l, "\t")
			for _, w := range words(p) {
				if w = strings.Trim(w, "+*."); len(w) > 1 {
					k.common[w] = true
				}
			}
		}
	}
	delete(k.offices, "of")
	delete(k.offices, "the")
	delete(k.offices, "and")
	delete(k.offices, "in")
	delete(k.offices, "to")
	return k, nil
}

// genFile is one generated table.
type genFile struct {
	name string
	data []byte
}

// phoenixStats counts what the conversion kept and left out.
type phoenixStats struct {
	problems                       []string // upstream lines PETRARCH would trip on
	people, peopleRows, orgs, agts int
	skipped                        map[string]int // reason -> actors or names left out
}

// GeneratePhoenix converts the Phoenix dictionaries into the three tables.
// countries is the content of countries.tsv as generated.
func GeneratePhoenix(dir string, countries []byte) ([]genFile, *phoenixStats, error) {
	k, err := loadKnown(dir, countries)
	if err != nil {
		return nil, nil, err
	}
	st := &phoenixStats{skipped: map[string]int{}}
	var actors [][]pActor
	for _, f := range []string{phxCountries, phxInternational, phxMilNonState} {
		data, err := os.ReadFile(filepath.Join(dir, petrarchDir, f))
		if err != nil {
			return nil, nil, err
		}
		as, probs := parseActors(f, string(data))
		st.problems = append(st.problems, probs...)
		actors = append(actors, as)
	}
	var people, orgs []pActor
	for i, as := range actors {
		for _, a := range as {
			switch {
			case len(a.codes) == 0:
				st.skipped["actor with no code"]++
			case dated(a):
				people = append(people, a)
			case i == 0:
				st.skipped["undated entry of the country file (a country, place or national body)"]++
			default:
				orgs = append(orgs, a)
			}
		}
	}
	pf := phoenixPeople(k, people, st)
	of := phoenixOrgs(k, orgs, st)
	data, err := os.ReadFile(filepath.Join(dir, petrarchDir, phxAgents))
	if err != nil {
		return nil, nil, err
	}
	ags, probs := parseAgents(phxAgents, string(data))
	st.problems = append(st.problems, probs...)
	af := phoenixAgentTable(k, ags, st)
	return []genFile{pf, of, af}, st, nil
}

func dated(a pActor) bool {
	for _, c := range a.codes {
		if c.from != "" || c.to != "" {
			return true
		}
	}
	return false
}

// codeParts splits a CAMEO code into its country (an ISO3 of ours, IGO or
// NGO), its kind of body (igo, ngo, company, armed_group, or "" for a
// state's) and the first project sector among its role codes.
func (k *known) codeParts(code string) (iso3, kind, sector string) {
	var chunks []string
	for i := 0; i+3 <= len(code); i += 3 {
		chunks = append(chunks, code[i:i+3])
	}
	rest := chunks
	switch chunks[0] {
	case "IGO", "NGO":
		iso3, kind, sector, rest = chunks[0], strings.ToLower(chunks[0]), chunks[0], chunks[1:]
		if len(rest) > 0 && k.iso3s[rest[0]] && chunks[0] == "NGO" {
			iso3, rest = rest[0], rest[1:]
		}
		if chunks[0] == "IGO" {
			return iso3, kind, sector
		}
	case "MNC", "IMG":
		kind, sector, rest = "company", "BUS", chunks[1:]
		if chunks[0] == "IMG" {
			kind, sector = "armed_group", "REB"
		}
		if len(rest) > 0 && k.iso3s[rest[0]] {
			iso3, rest = rest[0], rest[1:]
		}
	default:
		if k.iso3s[chunks[0]] {
			iso3, rest = chunks[0], chunks[1:]
		} else if !agentSectors[chunks[0]] && cameoSectors[chunks[0]] == "" {
			rest = chunks[1:] // a region (MEA, WEU) or INT
		}
	}
	if sector == "" || sector == "NGO" {
		for _, c := range rest {
			if s := cameoSector(c); s != "" {
				sector = s
				break
			}
		}
	}
	return iso3, kind, sector
}

func cameoSector(c string) string {
	if agentSectors[c] {
		return c
	}
	return cameoSectors[c]
}

var reParenAcronym = regexp.MustCompile(`^(.+?) ?\(([A-Z0-9.&-]{2,10})\)$`)

// displayNames turns one upstream phrase into the names to keep: the phrase
// in title case, and an acronym given in parentheses after it.
func displayNames(up string) (out []string) {
	if m := reParenAcronym.FindStringSubmatch(up); m != nil {
		up = strings.TrimSpace(m[1])
		defer func() { out = append(out, m[2]) }()
	}
	for _, r := range up {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" .'&-", r) {
			return out
		}
	}
	up = strings.TrimPrefix(up, "THE ") // "THE_UNITED_NATIONS_" is the United Nations
	if !strings.ContainsRune(up, ' ') && isAcronymWord(up) {
		return append(out, up)
	}
	ws := strings.Fields(up)
	for i, w := range ws {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && nameJoiners[lw]:
			ws[i] = lw
		case isInitials(w):
		default:
			ws[i] = titleWord(lw)
		}
	}
	return append(out, strings.Join(ws, " "))
}

// isAcronymWord: a single token of up to six letters (dots aside), such as
// IAEA, ICJ, MONUC, UNICEF, U.N.
func isAcronymWord(s string) bool {
	n, letters := 0, 0
	for _, r := range s {
		switch {
		case r == '.' || r == '&':
		case unicode.IsUpper(r):
			n++
			letters++
		case unicode.IsDigit(r):
			n++
		default:
			return false
		}
	}
	return letters >= 2 && n <= 6
}

// isInitials: "W.", "U.S.", "H.W."
func isInitials(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, p := range strings.Split(w, ".") {
		if len(p) > 1 {
			return false
		}
	}
	return true
}

// titleWord capitalises each part of a word after a hyphen or an
// apostrophe: o'connor -> O'Connor, ki-moon -> Ki-Moon, al-sabah ->
// al-Sabah, mccone -> McCone.
func titleWord(w string) string {
	for _, pre := range []string{"al-", "el-"} {
		if strings.HasPrefix(w, pre) && len(w) > len(pre) {
			return pre + titleWord(w[len(pre):])
		}
	}
	if strings.HasPrefix(w, "mc") && len(w) > 3 {
		return "Mc" + titleWord(w[2:])
	}
	rs := []rune(w)
	up := true
	for i, r := range rs {
		if up {
			rs[i] = unicode.ToUpper(r)
		}
		up = r == '-' || r == '\'' && i == 1
	}
	return string(rs)
}

// usable reports why a name may not be matched in text, or "" when it may:
// a person's name needs two words, none of them an office, and no
// honorific or country first; any name must not be all common English
// words, nor name a place or body of ours.
func (k *known) usable(name string, person bool) string {
	l := nameKey(name)
	ws := strings.Fields(l)
	switch {
	case k.places[l]:
		return "names a place"
	case k.orgs[l] && person:
		return "names an organization"
	case k.titles[l] || k.nouns[l]:
		return "is an office or a common noun"
	}
	if len(ws) == 1 {
		if person || !isAcronymWord(name) {
			return "one word, not an acronym"
		}
		if k.common[l] {
			return "acronym that is an English word"
		}
		return ""
	}
	if person {
		if honorificWords[ws[0]] || k.countryOf[ws[0]] || k.offices[ws[0]] || ws[0] == "the" {
			return "title, honorific or country before the name"
		}
		for _, w := range ws {
			if k.offices[w] {
				return "holds an office word"
			}
		}
	}
	allCommon := true
	for _, w := range ws {
		if !k.common[w] && !nameJoiners[w] {
			allCommon = false
		}
	}
	if allCommon {
		return "all common words"
	}
	return ""
}

// entry is an actor ready to write: its names and its rows.
type outEntry struct {
	name    string
	aliases []string
	keys    []string
	src     []pActor
}

// names collects an actor group's usable names, in order, once each.
func (k *known) names(as []pActor, person bool, st *phoenixStats) (names, keys []string) {
	seen := map[string]bool{}
	for _, a := range as {
		for _, up := range a.names {
			for _, n := range displayNames(up) {
				key := nameKey(n)
				if seen[key] {
					continue
				}
				seen[key] = true
				if why := k.usable(n, person); why != "" {
					st.skipped["name: "+why]++
					continue
				}
				names = append(names, n)
				keys = append(keys, key)
			}
		}
	}
	return names, keys
}

// group merges the actors whose first phrase is the same (PETRARCH adds
// their codes together), then drops every name that two remaining entries
// share, since it names neither for sure.
func (k *known) group(as []pActor, person bool, st *phoenixStats) []*outEntry {
	byFirst := map[string]*outEntry{}
	var order []*outEntry
	for _, a := range as {
		key := a.names[0]
		e := byFirst[key]
		if e == nil {
			e = &outEntry{}
			byFirst[key] = e
			order = append(order, e)
		}
		e.src = append(e.src, a)
	}
	owners := map[string]int{}
	for _, e := range order {
		names, keys := k.names(e.src, person, st)
		e.keys = keys
		if len(names) > 0 {
			e.name, e.aliases = names[0], names[1:]
		}
		for _, key := range keys {
			owners[key]++
		}
	}
	var out []*outEntry
	for _, e := range order {
		var names, keys []string
		for i, key := range e.keys {
			if owners[key] > 1 {
				st.skipped["name: shared by two entries"]++
				continue
			}
			names = append(names, append([]string{e.name}, e.aliases...)[i])
			keys = append(keys, key)
		}
		if len(names) == 0 {
			st.skipped["entry: no usable name"]++
			continue
		}
		e.name, e.aliases, e.keys = names[0], names[1:], keys
		out = append(out, e)
	}
	return out
}

func phoenixPeople(k *known, as []pActor, st *phoenixStats) genFile {
	var lines []string
	for _, e := range k.group(as, true, st) {
		ours := false
		for _, key := range e.keys {
			ours = ours || k.people[key]
		}
		if ours {
			st.skipped["person: in people.tsv (ours wins)"]++
			continue
		}
		n := 0
		for _, a := range e.src {
			for _, c := range a.codes {
				iso3, _, sector := k.codeParts(c.code)
				if c.from == "" && c.to == "" && sector == "ELI" {
					continue // the resolver makes a person an elite outside their offices
				}
				lines = append(lines, strings.Join([]string{e.name, join(e.aliases), iso3, sector, c.code, c.from, c.to}, "\t"))
				n++
			}
		}
		if n > 0 {
			st.people++
		}
	}
	lines = sortedUnique(lines)
	st.peopleRows = len(lines)
	return genFile{phoenixPeopleFile, tsvFile(lines,
		"# GENERATED by `go run ./extract/gazetteer/gen` from petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt (openeventdata/petrarch2, MIT; see petrarch2/SOURCE). DO NOT EDIT.",
		"# People with dated roles, one row per role: iso3 (ISO3, IGO or NGO) and sector from the CAMEO code, from and to inclusive (YYYY-MM-DD; empty: unbounded). Names of one word, with an office or honorific, naming a place, two people or a person of people.tsv are left out; undated ELI roles too.",
		"# "+strings.Join(phoenixPeopleCols, "\t"))}
}

func phoenixOrgs(k *known, as []pActor, st *phoenixStats) genFile {
	var lines []string
	for _, e := range k.group(as, false, st) {
		ours := false
		var names []string
		for i, key := range e.keys {
			ours = ours || k.orgs[key]
			ws := strings.Fields(key)
			// a body's name: an acronym, or ending in a word that ends the
			// names of bodies; the dictionaries also list a group's leaders
			// as its aliases, and those are people
			if n := append([]string{e.name}, e.aliases...)[i]; len(ws) == 1 && isAcronymWord(n) || k.orgHeads[ws[len(ws)-1]] {
				names = append(names, n)
			} else {
				st.skipped["organization name: no acronym and no word of a body's name (a person?)"]++
			}
		}
		switch {
		case ours:
			st.skipped["organization: in organizations.tsv (ours wins)"]++
			continue
		case len(names) == 0:
			st.skipped["organization: no name of a body"]++
			continue
		}
		e.name, e.aliases = names[0], names[1:]
		a := e.src[0]
		c := a.codes[0]
		iso3, kind, sector := k.codeParts(c.code)
		if kind == "" {
			switch {
			case sector == "REB" || sector == "UAF" || sector == "CRM" || a.file == phxMilNonState && sector == "":
				kind = "armed_group"
			case sector == "PTY" || sector == "OPP":
				kind = "party"
			case sector == "MED":
				kind = "media"
			case sector == "BUS":
				kind = "company"
			case iso3 != "" && officeSectors[sector]:
				kind = "gov"
			default:
				kind = "ngo"
			}
		}
		if iso3 == "IGO" || iso3 == "NGO" {
			iso3 = ""
		}
		lines = append(lines, strings.Join([]string{e.name, join(e.aliases), kind, iso3, sector, c.code}, "\t"))
		st.orgs++
	}
	lines = sortedUnique(lines)
	return genFile{phoenixOrgsFile, tsvFile(lines,
		"# GENERATED by `go run ./extract/gazetteer/gen` from petrarch2/Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (openeventdata/petrarch2, MIT; see petrarch2/SOURCE). DO NOT EDIT.",
		"# Bodies with undated codes: kind (igo ngo armed_group gov party company media), iso3 and sector from the first CAMEO code. Only names of two or more words ending in a word that ends a body's name, or acronyms; never a name of organizations.tsv, a place, an office or common words.",
		"# "+strings.Join(phoenixOrgCols, "\t"))}
}

// officeSectors are the sectors of state bodies.
var officeSectors = set("GOV", "MIL", "COP", "JUD", "LEG", "SPY", "DIP")

func phoenixAgentTable(k *known, as []pAgent, st *phoenixStats) genFile {
	last := map[string]pAgent{} // PETRARCH keeps the last code of a pattern
	for _, a := range as {
		last[a.pattern] = a
	}
	var lines []string
	for p, a := range last {
		_, _, sector := k.codeParts(a.code)
		switch {
		case sector == "":
			st.skipped["agent: no project sector"]++
		case k.nouns[nameKey(p)]:
			st.skipped["agent: a title, body or agent of ours (ours wins)"]++
		case strings.Contains(p, " ") && (k.nouns[strings.Fields(p)[0]] || nameJoiners[strings.Fields(p)[len(strings.Fields(p))-1]]):
			// "ambassador to": our title reads the head; a dangling "to"
			// or "of" would swallow the counterpart
			st.skipped["agent: starts with a title or noun of ours, or ends in a function word"]++
		case strings.ContainsAny(p, "|\t"):
			st.skipped["agent: malformed"]++
		default:
			lines = append(lines, strings.Join([]string{p, sector, a.code}, "\t"))
		}
	}
	lines = sortedUnique(lines)
	st.agts = len(lines)
	return genFile{phoenixAgentsFile, tsvFile(lines,
		"# GENERATED by `go run ./extract/gazetteer/gen` from petrarch2/Phoenix.agents.txt (openeventdata/petrarch2, MIT; see petrarch2/SOURCE). DO NOT EDIT.",
		"# pattern: lower case, singular or an irregular plural (the reader forms regular plurals); sector: the project's sector of the CAMEO role code; code: the upstream code without '~'. Patterns that are titles, bodies or agents of ours are left out.",
		"# "+strings.Join(phoenixAgentCols, "\t"))}
}

func sortedUnique(lines []string) []string {
	sortLines(lines)
	out := lines[:0]
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			out = append(out, l)
		}
	}
	return out
}

func tsvFile(lines []string, header ...string) []byte {
	var b bytes.Buffer
	for _, l := range append(header, lines...) {
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}

func (st *phoenixStats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "phoenix: %d people (%d rows), %d organizations, %d agents; %d upstream problems\n", st.people, st.peopleRows, st.orgs, st.agts, len(st.problems))
	var reasons []string
	for r := range st.skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(&b, "  left out, %s: %d\n", r, st.skipped[r])
	}
	return b.String()
}
