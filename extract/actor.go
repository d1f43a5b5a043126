package extract

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ActorCode is the Phoenix/PETRARCH code of an actor: a country and a
// sector, the two halves of CAMEO actor codes such as RUSGOV or IRQMIL.
type ActorCode struct {
	// Country is an ISO 3166 alpha-3 code (historical SUN, YUG, CSK and DDR
	// included), IGO for an international organization or its officials,
	// NGO for a non-governmental one, or empty when unknown.
	Country string
	// Sector is a CAMEO actor sector: GOV, MIL, COP, JUD, LEG, SPY, DIP
	// (a project extension for diplomats), ELI (elites, former officials),
	// OPP, REB, UAF, PTY, CVL, BUS, MED, EDU, HLH, AGR, REF, CRM, LAB, REL,
	// HRI, NGO, IGO. It is empty for a country as a whole, for a place, and
	// when no word of the text gives one.
	Sector string
	// Name is what the text was recognised as: a person, an organization,
	// a country or an office, in its canonical form. It may be empty.
	Name string
	// Known reports whether a country or a sector was found.
	Known bool
}

// ResolveActor codes one actor phrase: a name ("Sergey Lavrov", "Lavrov"),
// a title ("President of Kazakhstan", "the Russian foreign minister",
// "Kazakh President Tokayev") or a description ("Iraqi soldiers", "Hamas
// militants", "the UN Security Council", "People's Republic of China").
//
// The country comes from, in this order: a person of the people table
// (gazetteer/people.tsv), in the office they held on date (a surname that
// names several people counts after a title when one of them held that
// office then: "President Bush" in 1990); the first country, demonym,
// capital, city, region or organization in the head of the phrase (before
// "of", "in", a comma, ...); one in its complements, except after "to",
// "against" and "with" ("Russia's ambassador to Poland" is Russian); and
// last, when the text names something or someone unknown, the first
// country of context.
//
// The sector comes from the person's office on date, or ELI once their
// terms are over (a former head of government is an elite, after the
// CAMEO/PETRARCH convention); otherwise from the head of the phrase: a
// title (titles.tsv), a country body ("army", "authorities": bodies.tsv),
// a group noun ("farmers", "mercenaries": agents.tsv), an organization by
// its kind and name (a party is PTY, an armed group REB, the Quds Force
// MIL), or a capital standing for its government (GOV). Generic heads
// ("official", "leader", "member") yield to a more specific word, and a
// head without a sector takes one from its complement ("a group of
// tourists"). "former", "ex-" and "retired" make an official an elite.
//
// date is the day the text speaks of: YYYY-MM-DD, YYYYMMDD, YYYY-MM,
// YYYY, "12 April 2022" or "October 1, 2021". Empty, "today" or anything
// unreadable means the present as the tables know it. ResolveActor is
// pure and safe for concurrent use.
func ResolveActor(text, context, date string) ActorCode {
	t := actorData()
	day := actorDay(date)
	a := t.read(exToFormer(text))
	if a.fig == nil && a.surname != "" {
		a.fig = t.people.titled(a.title, a.surname, day)
	}
	code := ActorCode{}

	if a.fig != nil {
		code.Name = a.fig.name
		tm, former, ok := a.fig.at(day)
		code.Country = tm.iso3
		switch {
		case ok && (former || a.former) && officeSectors[tm.sector]:
			code.Sector = "ELI"
		case ok:
			code.Sector = tm.sector
		default:
			// before their first office: what the text calls them
			code.Sector = a.sector()
		}
	} else {
		code.Country, code.Name = a.country()
		code.Sector = a.sector()
		if a.former && officeSectors[code.Sector] {
			code.Sector = "ELI"
		}
		if n := a.name(code.Country); n != "" {
			code.Name = n
		}
	}
	if code.Country == "" && (len(a.sigs) > 0 || a.unknownName) && context != "" {
		c := t.read(context)
		code.Country, _ = c.country()
	}
	code.Known = code.Country != "" || code.Sector != ""
	return code
}

// officeSectors are the sectors of offices, which "former" turns into ELI.
var officeSectors = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true,
	"SPY": true, "DIP": true, "IGO": true, "OPP": true, "REB": true}

// orgKeywordSectors are the sectors an organization may take from a word
// of its name ("Israel Defense Forces": MIL, "Federal Security Service":
// SPY); other words of names ("World Bank") say nothing of the sector.
var orgKeywordSectors = map[string]bool{"MIL": true, "SPY": true, "COP": true, "JUD": true,
	"LEG": true, "HLH": true, "EDU": true, "REF": true, "HRI": true}

// genericNouns are heads that name a role in whatever body the phrase
// names: "a Hamas official" is REB, "Muslim leaders" REL. They keep their
// own sector (official: GOV) only when nothing more specific is said.
var genericNouns = wordSet("generic-nouns")

// titleAbbrevs are the abbreviated titles of news copy, read only with
// their capital and period ("Sen. X", "Lt. Gen. Y"): title and sector.
var titleAbbrevs = map[string][2]string{
	"sen": {"Senator", "LEG"}, "rep": {"Representative", "LEG"}, "gov": {"Governor", "GOV"},
	"pres": {"President", "GOV"}, "amb": {"Ambassador", "DIP"}, "gen": {"General", "MIL"},
	"lt": {"Lieutenant", "MIL"}, "col": {"Colonel", "MIL"}, "maj": {"Major", "MIL"},
	"capt": {"Captain", "MIL"}, "sgt": {"Sergeant", "MIL"}, "adm": {"Admiral", "MIL"},
	"brig": {"Brigadier", "MIL"},
}

// relational words open a complement of the head: "president of X",
// "police in X", "ambassador to X".
var relational = wordSet("relational")

// foreignTo are the relational words after which a country is the
// counterpart, not the actor's own: "ambassador to Poland".
var foreignTo = wordSet("foreign-to")

// formerWords make an official an elite.
var formerWords = wordSet("former-words")

// noun is a sector word of bodies.tsv or agents.tsv.
type noun struct {
	sector  string
	generic bool
}

// actorTables are the tables ResolveActor reads, built once.
type actorTables struct {
	g         *gazetteer
	people    *people
	nouns     map[string]noun   // phrase key -> sector (bodies.tsv, then agents.tsv)
	starts    map[string]bool   // first words of the nouns, in the singular
	nounMax   int               // longest noun phrase, in tokens
	orgSector map[string]string // organization id -> sector
	phxNouns  map[string]noun   // phrase key -> sector (phoenix_agents.tsv), for actor coding
	phxMax    int
}

var (
	actorOnce sync.Once
	actorTabs *actorTables
)

func actorData() *actorTables {
	actorOnce.Do(func() {
		t := &actorTables{g: loadGazetteer(), people: loadPeople(), nouns: map[string]noun{}, starts: map[string]bool{},
			orgSector: map[string]string{}, phxNouns: map[string]noun{}}
		// bodies.tsv: pattern normalized kind sector
		for _, r := range rows("gazetteer/bodies.tsv") {
			for _, p := range list(col(r, 0)) {
				t.addNoun(p, col(r, 3))
			}
		}
		// agents.tsv: pattern sector
		for _, r := range rows("gazetteer/agents.tsv") {
			for _, p := range list(col(r, 0)) {
				t.addNoun(p, col(r, 1))
			}
		}
		// phoenix_agents.tsv: pattern sector code. They code actors only
		// (codedNounAt): as group nouns in articles they cost more events
		// than they found.
		for _, r := range rows("gazetteer/phoenix_agents.tsv") {
			k, n := phraseKey(col(r, 0))
			if _, ours := t.nouns[k]; k == "" || ours || col(r, 1) == "" {
				continue
			}
			if _, dup := t.phxNouns[k]; !dup {
				t.phxNouns[k] = noun{sector: col(r, 1)}
			}
			t.phxMax = max(t.phxMax, n)
		}
		aliases := map[string][]string{} // organization id -> phrase keys of its other names
		for k, es := range t.g.phrases {
			for _, e := range es {
				if e.kind == kindOrg && k != strings.ToLower(e.name) {
					aliases[e.id] = append(aliases[e.id], k)
				}
			}
		}
		for id, e := range t.g.orgs {
			if e.sector != "" && e.sector != "IGO" && e.sector != "NGO" {
				t.orgSector[id] = e.sector // a Phoenix body's code says it
				continue
			}
			slices.Sort(aliases[id])
			t.orgSector[id] = t.sectorOfOrg(e, aliases[id])
		}
		actorTabs = t
	})
	return actorTabs
}

func (t *actorTables) addNoun(p, sector string) {
	k, n := phraseKey(strings.ToLower(p))
	if k == "" || sector == "" {
		return
	}
	first := k
	if j := strings.IndexByte(k, ' '); j >= 0 {
		first = k[:j]
	}
	t.starts[first] = true
	if _, ok := t.nouns[k]; ok {
		return
	}
	t.nouns[k] = noun{sector: sector, generic: genericNouns[k]}
	if n > t.nounMax {
		t.nounMax = n
	}
}

// nounStart reports whether a lower-case word may begin a sector noun,
// read in the singular as nounAt reads it; it allocates nothing.
func (t *actorTables) nounStart(w string) bool {
	if t.starts[w] {
		return true
	}
	if len(w) < 4 {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return t.starts[w[:len(w)-3]+"y"]
	case strings.HasSuffix(w, "men"):
		return t.starts[w[:len(w)-3]+"man"]
	case strings.HasSuffix(w, "es") && t.starts[w[:len(w)-2]]:
		return true
	case strings.HasSuffix(w, "s"):
		return t.starts[w[:len(w)-1]]
	}
	return false
}

// sectorOfOrg gives an organization its sector: by kind, and for state,
// international and non-governmental bodies by the first telling word of
// its names.
func (t *actorTables) sectorOfOrg(e entry, aliases []string) string {
	switch e.orgKind {
	case "party":
		return "PTY"
	case "company":
		return "BUS"
	case "media":
		return "MED"
	case "armed_group":
		return "REB"
	}
	names := append([]string{e.name}, aliases...)
	for _, nm := range names {
		toks := tokenize(nm, 0)
		for i := range toks {
			if nn, n := t.nounAt(toks[i:]); n > 0 && orgKeywordSectors[nn.sector] {
				return nn.sector
			}
		}
	}
	if e.orgKind == "gov" {
		return "GOV"
	}
	return ""
}

// nounAt finds the longest sector word at the start of toks, reading a
// regular plural as its singular ("soldiers", "militias", "businessmen").
func (t *actorTables) nounAt(toks []token) (noun, int) {
	for n := min(t.nounMax, len(toks)); n > 0; n-- {
		k, ok := joinTokens(toks[:n])
		if !ok {
			continue
		}
		for _, key := range singulars(k) {
			if nn, ok := t.nouns[key]; ok {
				return nn, n
			}
		}
	}
	return noun{}, 0
}

// codedNounAt is nounAt that also reads the Phoenix agents, the longest
// match winning: "border patrol agents", "landowners".
func (t *actorTables) codedNounAt(toks []token) (noun, int) {
	nn, n := t.nounAt(toks)
	for m := min(t.phxMax, len(toks)); m > n; m-- {
		k, ok := joinTokens(toks[:m])
		if !ok {
			continue
		}
		for _, key := range singulars(k) {
			if x, ok := t.phxNouns[key]; ok {
				return x, m
			}
		}
	}
	return nn, n
}

// titleAt finds a plural title the gazetteer's own lookup misses:
// "lawmakers", "foreign ministers".
func (t *actorTables) titleAt(toks []token) (entry, int) {
	for n := min(t.g.maxTokens, len(toks)); n > 0; n-- {
		k, ok := joinTokens(toks[:n])
		if !ok {
			continue
		}
		for _, key := range singulars(k)[1:] {
			for _, e := range t.g.phrases[key] {
				if e.kind == kindTitle {
					return e, n
				}
			}
		}
	}
	return entry{}, 0
}

// joinTokens joins the lower-case tokens as phrase keys are joined; false
// when the tokens are not one phrase (a gap, a stray punctuation mark).
func joinTokens(toks []token) (string, bool) {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			if tk.start-toks[i-1].end > 1 || !tk.isWord() && tk.text != "'s" && tk.text != "’s" && tk.text != "&" {
				return "", false
			}
			b.WriteByte(' ')
		}
		b.WriteString(tk.lower)
	}
	return b.String(), true
}

// singulars returns k and the forms its last word may have in the
// singular: soldiers -> soldier, militias -> militia, companies ->
// company, businessmen -> businessman, bosses -> boss.
func singulars(k string) []string {
	out := []string{k}
	head, last := "", k
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		head, last = k[:i+1], k[i+1:]
	}
	if len(last) < 4 {
		return out
	}
	switch {
	case strings.HasSuffix(last, "ies"):
		out = append(out, head+last[:len(last)-3]+"y")
	case strings.HasSuffix(last, "men"):
		out = append(out, head+last[:len(last)-3]+"man")
	case strings.HasSuffix(last, "sses") || strings.HasSuffix(last, "ches") || strings.HasSuffix(last, "shes"):
		out = append(out, head+last[:len(last)-2])
	case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss"):
		out = append(out, head+last[:len(last)-1])
	}
	return out
}

// sigKind says what a recognised piece of an actor phrase is.
type sigKind uint8

const (
	sigCountry sigKind = iota + 1 // a country or demonym
	sigCapital                    // a capital: its country, and its government as a metonym
	sigPlace                      // a city or region: its country only
	sigOrg                        // an organization
	sigWord                       // a title or sector word
)

// signal is one recognised piece of an actor phrase.
type signal struct {
	kind    sigKind
	country string // ISO3, IGO or NGO
	sector  string
	generic bool
	name    string
	part    int    // 0: the head of the phrase; n: its n-th complement
	prep    string // the word that opened the complement
}

// actorRead is what the tables recognised in one phrase.
type actorRead struct {
	sigs        []signal
	fig         *figure // the first person of the people table
	former      bool
	unknownName bool // a capitalised word the tables do not know
	// title and surname are an office and the last unknown capitalised
	// word after it ("President Bush"), for people whose surname alone
	// names more than one person.
	title, surname string
}

// read scans a phrase left to right, taking at each token the longest
// thing the tables know: a person, a gazetteer name, a title, a sector word.
func (t *actorTables) read(text string) actorRead {
	var a actorRead
	toks := tokenize(text, 0)
	part, prep := 0, ""
	words := 0      // words read so far
	lastTitle := "" // the title just read, while unknown names follow it
	for i := 0; i < len(toks); {
		tk := toks[i]
		if relational[tk.lower] && words > 0 {
			part++
			prep = tk.lower
			lastTitle = ""
			i++
			continue
		}
		if formerWords[tk.lower] {
			a.former = true
			i++
			words++
			continue
		}
		best, n := t.at(toks[i:], &a)
		if n == 0 {
			if tk.isWord() {
				words++
				if tk.isCap() && !tk.isNumber() && !unnamed[tk.lower] {
					a.unknownName = true
					if lastTitle != "" {
						a.title, a.surname = lastTitle, tk.lower
					}
				}
			}
			i++
			continue
		}
		lastTitle = ""
		if best != nil {
			best.part, best.prep = part, prep
			a.sigs = append(a.sigs, *best)
			if best.kind == sigWord && best.name != "" {
				lastTitle = best.name
			}
		}
		words += n
		i += n
	}
	return a
}

// unnamed are capitalised words that name nobody: pronouns, which only
// the article around them resolves, and words that start a phrase.
var unnamed = wordSet("unnamed")

// at reads the longest known thing at toks[0]. A person goes into a, not
// into the signals; it returns the signal (nil for a person) and its length.
func (t *actorTables) at(toks []token, a *actorRead) (*signal, int) {
	type cand struct {
		sig *signal
		fig *figure
		n   int
	}
	var cs []cand
	if f, n := t.people.match(toks); n > 0 {
		cs = append(cs, cand{fig: f, n: n})
	}
	if es, n := t.lookup(toks); n > 0 {
		if s := t.fromEntries(es); s != nil {
			cs = append(cs, cand{sig: s, n: n})
		}
	}
	if e, n := t.titleAt(toks); n > 0 {
		cs = append(cs, cand{sig: &signal{kind: sigWord, sector: e.sector, name: e.title, generic: genericNouns[e.title]}, n: n})
	}
	if ab, ok := titleAbbrevs[toks[0].lower]; ok && toks[0].isCap() && len(toks) > 1 && toks[1].text == "." && toks[1].start == toks[0].end {
		cs = append(cs, cand{sig: &signal{kind: sigWord, sector: ab[1], name: ab[0]}, n: 2})
	}
	if nn, n := t.codedNounAt(toks); n > 0 {
		cs = append(cs, cand{sig: &signal{kind: sigWord, sector: nn.sector, generic: nn.generic}, n: n})
	}
	if len(cs) == 0 {
		return nil, 0
	}
	// the longest wins; on a tie, the earlier source (person, gazetteer, title, noun)
	best := cs[0]
	for _, c := range cs[1:] {
		if c.n > best.n {
			best = c
		}
	}
	if best.fig != nil {
		if a.fig == nil {
			a.fig = best.fig
		}
		return nil, best.n
	}
	return best.sig, best.n
}

// lookup is the gazetteer's lookup, which also takes a name that starts
// with a lower-case particle ("al-Qaeda", "al-Shabaab").
func (t *actorTables) lookup(toks []token) ([]entry, int) {
	if es, n := t.g.lookup(toks); n > 0 {
		return es, n
	}
	if len(toks) == 0 || toks[0].isCap() || !nameParticle(toks[0].lower) {
		return nil, 0
	}
	// the gazetteer keeps one letter case per phrase and wants a capital
	// first: read the phrase in any case
	for n := min(t.g.maxTokens, len(toks)); n > 0; n-- {
		k, ok := joinTokens(toks[:n])
		if !ok {
			continue
		}
		var out []entry
		for _, e := range t.g.phrases[k] {
			if e.kind != kindTitle {
				out = append(out, e)
			}
		}
		if len(out) > 0 {
			return out, n
		}
	}
	return nil, 0
}

// fromEntries turns what a gazetteer phrase names into a signal: a country
// before a demonym before an organization before a capital before a place.
func (t *actorTables) fromEntries(es []entry) *signal {
	rank := map[entryKind]int{kindCountry: 0, kindDemonym: 1, kindOrg: 2, kindCapital: 3, kindCity: 4, kindRegion: 5, kindTitle: 6}
	e := es[0]
	for _, x := range es[1:] {
		if rank[x.kind] < rank[e.kind] {
			e = x
		}
	}
	switch e.kind {
	case kindCountry, kindDemonym:
		return &signal{kind: sigCountry, country: e.iso3, name: t.g.countries[e.iso3].name}
	case kindCapital:
		return &signal{kind: sigCapital, country: e.iso3, sector: "GOV", name: e.name}
	case kindCity, kindRegion:
		return &signal{kind: sigPlace, country: e.iso3, name: e.name}
	case kindOrg:
		s := &signal{kind: sigOrg, country: e.iso3, sector: t.orgSector[e.id], name: e.name}
		switch {
		case e.orgKind == "igo":
			s.country = "IGO"
		case e.orgKind == "ngo" && s.country == "":
			s.country = "NGO"
		}
		return s
	case kindTitle:
		return &signal{kind: sigWord, sector: e.sector, name: e.title, generic: genericNouns[strings.ToLower(e.title)]}
	}
	return nil
}

// country is the first country the phrase names as its own: in the head,
// else in a complement that does not name a counterpart.
func (a actorRead) country() (iso3, name string) {
	for _, pass := range []bool{true, false} {
		for _, s := range a.sigs {
			if s.country == "" || (s.part == 0) != pass || !pass && foreignTo[s.prep] {
				continue
			}
			return s.country, s.name
		}
	}
	return "", ""
}

// sector is the sector of the head of the phrase: its last specific word,
// else its last generic one, else a capital standing for its government;
// a head with none takes its complements'.
func (a actorRead) sector() string {
	pick := func(head bool) string {
		var specific, generic, weak string
		for _, s := range a.sigs {
			if (s.part == 0) != head || s.sector == "" {
				continue
			}
			switch {
			case s.kind == sigCapital:
				weak = s.sector
			case s.generic:
				generic = s.sector
			default:
				specific = s.sector
			}
		}
		switch {
		case specific != "":
			return specific
		case generic != "":
			return generic
		}
		return weak
	}
	if s := pick(true); s != "" {
		return s
	}
	return pick(false)
}

// name is the canonical name of the first organization of the actor's
// country, else of the first title or country the phrase names. An
// organization of another country was a generic name ("Chile's Defense
// Department" is not the Pentagon).
func (a actorRead) name(country string) string {
	for _, k := range []sigKind{sigOrg, sigWord, sigCountry, sigCapital, sigPlace} {
		for _, s := range a.sigs {
			if s.kind == sigOrg && s.country != country {
				continue
			}
			if s.kind == k && s.name != "" {
				return s.name
			}
		}
	}
	return ""
}

// exToFormer rewrites "ex-president" as "former president".
func exToFormer(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if (i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '"') && i+3 <= len(s) &&
			strings.EqualFold(s[i:i+3], "ex-") {
			b.WriteString("former ")
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// actorDay reads the date of an actor as yyyymmdd; empty, "today" and
// anything unreadable are openEnd, the present as the tables know it. A
// year alone is its middle, a month its first day.
func actorDay(s string) int {
	s = strings.TrimSpace(s)
	if len(s) == 8 && isDigits(s) {
		n, _ := strconv.Atoi(s)
		return n
	}
	if len(s) >= 7 && s[4] == '-' && isDigits(s[:4]) {
		parts := strings.Split(s, "-")
		y, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		d := 1
		if len(parts) > 2 {
			d, _ = strconv.Atoi(parts[2])
		}
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return y*10000 + m*100 + d
		}
		return openEnd
	}
	year, month, day := 0, 0, 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '/' }) {
		switch {
		case len(f) == 4 && isDigits(f):
			year, _ = strconv.Atoi(f)
		case len(f) <= 2 && isDigits(f):
			day, _ = strconv.Atoi(f)
		case isMonthName(f):
			month = int(monthOf(f))
		}
	}
	switch {
	case year == 0:
		return openEnd
	case month == 0:
		return year*10000 + 701
	case day < 1 || day > 31:
		day = 1
	}
	return year*10000 + month*100 + day
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isMonthName accepts a month's full English name or its short form
// ("Sept", "Apr"), in any letter case.
func isMonthName(s string) bool {
	l := strings.ToLower(s)
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if l == full || len(l) >= 3 && strings.HasPrefix(full, l) {
			return true
		}
	}
	return false
}
