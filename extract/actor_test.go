package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestResolveActor(t *testing.T) {
	for _, tc := range []struct {
		name, text, context, date string
		want                      ActorCode
	}{
		// demonyms, countries and titles
		{"demonym and title", "the Russian foreign minister", "", "", ActorCode{"RUS", "GOV", "Foreign Minister", true}},
		{"title of country", "President of Kazakhstan", "", "", ActorCode{"KAZ", "GOV", "President", true}},
		{"demonym, title and surname", "Kazakh President Tokayev", "", "", ActorCode{"KAZ", "GOV", "Kassym-Jomart Tokayev", true}},
		{"country alone", "People's Republic of China", "", "", ActorCode{"CHN", "", "China", true}},
		{"possessive country and body", "Russia's Baltic Fleet", "", "", ActorCode{"RUS", "MIL", "Russia", true}},
		{"counterpart after to", "Russia’s ambassador to Poland", "", "", ActorCode{"RUS", "DIP", "Ambassador", true}},
		{"plural title", "Iranian lawmakers", "", "", ActorCode{"IRN", "LEG", "Lawmaker", true}},
		{"abbreviated title", "Lt. Gen. John Smith", "", "", ActorCode{"", "MIL", "Lieutenant", true}},
		{"capital metonym", "Moscow", "", "", ActorCode{"RUS", "GOV", "Moscow", true}},
		{"capital in capitals", "TEHRAN", "", "", ActorCode{"IRN", "GOV", "Tehran", true}},
		{"city and police", "Shanghai police", "", "", ActorCode{"CHN", "COP", "Shanghai", true}},
		{"body after demonym", "Pakistani Army", "", "", ActorCode{"PAK", "MIL", "Pakistan", true}},
		// group nouns
		{"plural group noun", "Ukrainian farmers", "", "", ActorCode{"UKR", "AGR", "Ukraine", true}},
		{"mercenaries", "Syrian mercenaries", "", "", ActorCode{"SYR", "UAF", "Syria", true}},
		{"sector from complement", "a group of tourists", "", "", ActorCode{"", "CVL", "", true}},
		{"place as complement", "Muslim leaders in France", "", "", ActorCode{"FRA", "REL", "France", true}},
		// people and dates
		{"person in office", "Sergey Lavrov", "", "2015-06-01", ActorCode{"RUS", "GOV", "Sergey Lavrov", true}},
		{"transliteration", "Sergei Lavrov", "", "2015-06-01", ActorCode{"RUS", "GOV", "Sergey Lavrov", true}},
		{"surname alone", "Erdogan", "", "12 April 2022", ActorCode{"TUR", "GOV", "Recep Tayyip Erdoğan", true}},
		{"accents folded", "Juri Ratas", "", "1 January 2018", ActorCode{"EST", "GOV", "Jüri Ratas", true}},
		{"person during a term", "Tony Blair", "", "1 January 2003", ActorCode{"GBR", "GOV", "Tony Blair", true}},
		{"person after the last term", "Tony Blair", "", "2020-05-01", ActorCode{"GBR", "ELI", "Tony Blair", true}},
		{"person today", "Tony Blair", "", "Today", ActorCode{"GBR", "ELI", "Tony Blair", true}},
		{"person in a later office", "Jüri Ratas", "", "1 july 2021", ActorCode{"EST", "LEG", "Jüri Ratas", true}},
		{"person between terms", "Donald Trump", "", "2022-06-01", ActorCode{"USA", "ELI", "Donald Trump", true}},
		{"person back in office", "Trump", "", "2025-03-01", ActorCode{"USA", "GOV", "Donald Trump", true}},
		{"former IGO head is an elite of home", "Ban Ki-moon", "", "", ActorCode{"KOR", "ELI", "Ban Ki-moon", true}},
		{"IGO official in office", "UN Secretary-General Antonio Guterres", "", "2020-01-01", ActorCode{"IGO", "IGO", "António Guterres", true}},
		{"text says former", "former President Barack Obama", "", "2012-01-01", ActorCode{"USA", "ELI", "Barack Obama", true}},
		{"lower-case particle", "al-Sisi", "", "2020-01-01", ActorCode{"EGY", "GOV", "Abdel Fattah el-Sisi", true}},
		{"armed group leader", "Osama bin Laden", "", "2005-01-01", ActorCode{"", "REB", "Osama bin Laden", true}},
		{"shared surname after a title", "President Bush", "", "1990-06-01", ActorCode{"USA", "GOV", "George H. W. Bush", true}},
		{"same surname, later date", "President Bush", "", "2004-06-01", ActorCode{"USA", "GOV", "George W. Bush", true}},
		{"shared surname alone stays unknown", "Bush", "", "2004-06-01", ActorCode{}},
		{"shared surname, nobody in that office", "President Bush", "", "2012-06-01", ActorCode{"", "GOV", "President", true}},
		{"organization with a particle", "al-Qaeda", "", "", ActorCode{"", "REB", "al-Qaeda", true}},
		{"religious office outlives its holder", "John Paul II", "", "", ActorCode{"VAT", "REL", "John Paul II", true}},
		// organizations
		{"IGO", "the UN Security Council", "", "", ActorCode{"IGO", "", "UN Security Council", true}},
		{"IGO body with a sector", "the European Parliament", "", "", ActorCode{"IGO", "LEG", "European Parliament", true}},
		{"armed group", "Hamas militants", "", "", ActorCode{"PSE", "REB", "Hamas", true}},
		{"generic head defers", "a Hamas official", "", "", ActorCode{"PSE", "REB", "Hamas", true}},
		{"force of a state", "Quds Force", "", "", ActorCode{"IRN", "MIL", "Quds Force", true}},
		{"intelligence service", "FSB, Russia’s security service", "", "", ActorCode{"RUS", "SPY", "Federal Security Service", true}},
		{"party", "Indian National Congress", "", "", ActorCode{"IND", "PTY", "Indian National Congress", true}},
		{"former official", "a former CIA official", "", "", ActorCode{"USA", "ELI", "Central Intelligence Agency", true}},
		{"ex- prefix", "an ex-minister", "", "", ActorCode{"", "ELI", "Minister", true}},
		{"foreign organization name is generic", "Chile's Defense Department", "", "", ActorCode{"CHL", "GOV", "Chile", true}},
		// context and unknowns
		{"context for an unknown name", "The PAN", "Mexico", "", ActorCode{"MEX", "", "", true}},
		{"unknown name", "Joseph Monka", "", "", ActorCode{}},
		{"pronoun ignores context", "He", "Mexico", "", ActorCode{}},
		{"common noun", "coronavirus", "", "", ActorCode{}},
		{"empty", "", "Mexico", "", ActorCode{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ResolveActor(tc.text, tc.context, tc.date); got != tc.want {
				t.Errorf("ResolveActor(%q, %q, %q) = %+v, want %+v", tc.text, tc.context, tc.date, got, tc.want)
			}
		})
	}
}

func TestActorDay(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"2022-06-01", 20220601},
		{"20080314", 20080314},
		{"2022-06", 20220601},
		{"2021", 20210701},
		{"12 April 2022", 20220412},
		{"1 july 2021", 20210701},
		{"October 1, 2021", 20211001},
		{"Sept. 3, 2019", 20190903},
		{"Today", openEnd},
		{"today", openEnd},
		{"", openEnd},
		{"next week", openEnd},
		{"2022-13-01", openEnd},
	} {
		if got := actorDay(tc.in); got != tc.want {
			t.Errorf("actorDay(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestSingulars(t *testing.T) {
	for in, want := range map[string][]string{
		"soldiers":          {"soldiers", "soldier"},
		"militias":          {"militias", "militia"},
		"companies":         {"companies", "company"},
		"businessmen":       {"businessmen", "businessman"},
		"foreign ministers": {"foreign ministers", "foreign minister"},
		"bosses":            {"bosses", "boss"},
		"press":             {"press"},
		"men":               {"men"},
	} {
		if got := singulars(in); !slices.Equal(got, want) {
			t.Errorf("singulars(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFigureAt(t *testing.T) {
	p := loadPeople()
	putin := p.byKey["vladimir putin"]
	if putin == nil {
		t.Fatal("Vladimir Putin not in people.tsv")
	}
	for _, tc := range []struct {
		day          int
		office, iso3 string
		former, ok   bool
	}{
		{19990101, "Director of the FSB", "RUS", false, true},
		{19990601, "Director of the FSB", "RUS", true, true}, // between offices: a former official
		{20050101, "President", "RUS", false, true},
		{20100101, "Prime Minister", "RUS", false, true},
		{openEnd, "President", "RUS", false, true},
		{19900101, "Director of the FSB", "RUS", false, false}, // before any office
	} {
		got, former, ok := putin.at(tc.day)
		if got.office != tc.office || got.iso3 != tc.iso3 || former != tc.former || ok != tc.ok {
			t.Errorf("Putin at %d = %s %s former=%v ok=%v, want %s %s former=%v ok=%v",
				tc.day, got.iso3, got.office, former, ok, tc.iso3, tc.office, tc.former, tc.ok)
		}
	}
}

// TestPeopleTable checks every row of gazetteer/people.tsv as the loader
// reads it (the generator's checks are stricter), and that every name and
// alias finds its own person.
func TestPeopleTable(t *testing.T) {
	g := loadGazetteer()
	sectors := map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "DIP": true, "SPY": true,
		"OPP": true, "REB": true, "REL": true, "IGO": true, "ELI": true, "COP": true}
	rs := rows("gazetteer/people.tsv")
	if len(rs) < 1000 {
		t.Errorf("people.tsv has %d rows, want the 1,800 or so typed", len(rs))
	}
	p := loadPeople()
	for _, r := range rs {
		line := strings.Join(r, "\t")
		if len(r) != 7 {
			t.Errorf("%q: %d fields, want 7", line, len(r))
			continue
		}
		from, ok1 := termDay(r[5], false)
		to, ok2 := termDay(r[6], true)
		if !ok1 || r[5] == "" || !ok2 {
			t.Errorf("%q: bad term dates", line)
		} else if to != 0 && to < from {
			t.Errorf("%q: ends before it starts", line)
		}
		if iso3 := r[2]; iso3 != "IGO" && !(iso3 == "" && r[4] == "REB") {
			if _, ok := g.countries[iso3]; !ok {
				t.Errorf("%q: unknown country %q", line, iso3)
			}
		}
		if !sectors[r[4]] {
			t.Errorf("%q: sector %q", line, r[4])
		}
		for _, s := range append([]string{r[0]}, list(r[1])...) {
			toks := tokenize(s, 0)
			f, n := p.match(toks)
			if f == nil || f.name != r[0] || n != len(toks) {
				got := "nobody"
				if f != nil {
					got = f.name
				}
				t.Errorf("%q (of %s) finds %s over %d of %d tokens", s, r[0], got, n, len(toks))
			}
		}
	}
}

// FuzzResolveActor checks that any phrase, context and date resolve
// without a panic, and that Known says whether anything was found.
func FuzzResolveActor(f *testing.F) {
	for _, s := range []string{"Kazakh President Tokayev", "Russia’s ambassador to Poland", "ex-", "Lt.",
		"al-", "the", "People's Republic of China", "Sen. X", "a group of", "ÉÇ", ",", "'s"} {
		f.Add(s, "Mexico", "2021-13-40")
	}
	f.Fuzz(func(t *testing.T, text, context, date string) {
		got := ResolveActor(text, context, date)
		if got.Known != (got.Country != "" || got.Sector != "") {
			t.Errorf("ResolveActor(%q, %q, %q) = %+v: Known disagrees", text, context, date, got)
		}
	})
}
