package extract

import (
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The publication time of the seed article.
var seedTime = time.Date(2017, 11, 16, 11, 54, 0, 0, time.FixedZone("", 4*3600))

func TestDates(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		future bool
		want   []dateRef
	}{
		{"abbreviated month", "at a briefing Nov. 16.", false, []dateRef{{date: "2017-11-16", precision: PrecisionDay}}},
		{"day range", "a visit to Yerevan on November 20-21.", true, []dateRef{{date: "2017-11-20", end: "2017-11-21", precision: PrecisionDay}}},
		{"day month year", "on 3 March 1994 they met", false, []dateRef{{date: "1994-03-03", precision: PrecisionDay}}},
		{"month year", "in December 1991 the union ended", false, []dateRef{{date: "1991-12", precision: PrecisionMonth}}},
		{"in a year", "began in 1988 when", false, []dateRef{{date: "1988", precision: PrecisionYear, since: true}}},
		{"since a year", "relations since 1992", false, []dateRef{{date: "1992", precision: PrecisionYear, since: true}}},
		{"year before a noun", "The 1994 ceasefire agreement", false, []dateRef{{date: "1994", precision: PrecisionYear}}},
		{"count is no year", "some 1500 troops", false, nil},
		{"this year", "This year we mark", false, []dateRef{{date: "2017", precision: PrecisionYear, relative: true}}},
		{"next month", "talks next month", true, []dateRef{{date: "2017-12", precision: PrecisionMonth, relative: true}}},
		{"last week", "met last week", false, []dateRef{{date: "2017-11-06", end: "2017-11-12", precision: PrecisionDay, relative: true}}},
		{"on Monday, looking back", "met on Monday", false, []dateRef{{date: "2017-11-13", precision: PrecisionDay, relative: true}}},
		{"on Monday, looking ahead", "will meet on Monday", true, []dateRef{{date: "2017-11-20", precision: PrecisionDay, relative: true}}},
		{"a bare weekday, wire style", "arrived in Baghdad Monday", false, []dateRef{{date: "2017-11-13", precision: PrecisionDay, relative: true}}},
		{"yesterday", "said yesterday", false, []dateRef{{date: "2017-11-15", precision: PrecisionDay, relative: true}}},
		{"month without year near new year", "on Jan. 3", true, []dateRef{{date: "2018-01-03", precision: PrecisionDay}}},
		{"ISO date", "on 2017-11-20 they", false, []dateRef{{date: "2017-11-20", precision: PrecisionDay}}},
		{"impossible day", "on February 30", false, nil},
		{"range with the month twice", "will travel from May 5 – May 9, 2022.", true, []dateRef{{date: "2022-05-05", end: "2022-05-09", precision: PrecisionDay}}},
		{"range across months", "a tour from June 30 to July 2", true, []dateRef{{date: "2017-06-30", end: "2017-07-02", precision: PrecisionDay}}},
		{"range across a new year", "in office from December 30 through January 2, 2019", false, []dateRef{{date: "2018-12-30", end: "2019-01-02", precision: PrecisionDay}}},
		{"range after between", "between March 3 and March 7, 1994", false, []dateRef{{date: "1994-03-03", end: "1994-03-07", precision: PrecisionDay}}},
		{"two days joined by and are two days", "on March 3 and March 7, 1994", false, []dateRef{{date: "2018-03-03", precision: PrecisionDay}, {date: "1994-03-07", precision: PrecisionDay}}},
		{"a backward pair is no range", "on May 9 to May 5", false, []dateRef{{date: "2018-05-09", precision: PrecisionDay}, {date: "2018-05-05", precision: PrecisionDay}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findDates(tt.text, 0, seedTime, true, tt.future)
			for i := range got {
				got[i].Span = Span{}
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(dateRef{})); diff != "" {
				t.Errorf("findDates(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestLooksAhead(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"He will arrive Thursday.", true},
		{"He was expected to arrive in Baghdad Thursday.", true},
		{"The treaty is due to be signed Monday.", true},
		{"He arrived Thursday.", false},
		{"The willow was cut.", false},
	}
	for _, tt := range tests {
		if got := looksAhead(tt.text); got != tt.want {
			t.Errorf("looksAhead(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name string
		text string
		want header
	}{
		{
			name: "scraped agency item",
			text: "...\n\nRussia backs talks\n\nPolitics Materials 16 November 2017 11:54 (UTC +04:00)\nBaku, Azerbaijan, Nov. 16\n\nBy Leman Zeynalova - Trend:\n\nRussia backs the talks between the two neighbours, the ministry said in a statement.\n\nTags:\nLatest\n",
			want: header{title: "Russia backs talks", section: "Politics", author: "Leman Zeynalova", agency: "Trend",
				dateline: "Baku, Azerbaijan", published: "2017-11-16T11:54:00+04:00"},
		},
		{
			name: "wire dateline in the body",
			text: "LONDON, March 2 - The council talks continued late into Sunday night, delegates said.",
			want: header{dateline: "London"},
		},
		{
			name: "wire dateline with agency",
			text: "BEIJING, Nov. 3 (Xinhua) -- China and Russia signed an agreement on Monday.",
			want: header{dateline: "Beijing", agency: "Xinhua"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseArticle(tt.text, Input{Text: tt.text})
			got.body, got.paragraphs = Span{}, nil
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(header{})); diff != "" {
				t.Errorf("parseArticle(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestNoise(t *testing.T) {
	for _, line := range []string{"...", "…", "Tags:", "Latest", "Read more", "* * *", ""} {
		if !isNoise(line) {
			t.Errorf("isNoise(%q) = false, want true", line)
		}
	}
	for _, line := range []string{"Russia says Azerbaijan important strategic partner", "Latest talks failed."} {
		if isNoise(line) {
			t.Errorf("isNoise(%q) = true, want false", line)
		}
	}
}

// mentionsOf extracts one text and returns, for each entity named, the
// texts that refer to it.
func mentionsOf(t *testing.T, text string) map[string][]string {
	t.Helper()
	res, err := Extract(Input{Text: text, Published: "2017-11-16"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range res.Nodes {
		spans, _ := n.Properties[PropMentions].([]Span)
		for _, s := range spans {
			out[n.Name] = append(out[n.Name], text[s.Start:s.End])
		}
	}
	return out
}

func TestCoreference(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		entity string
		want   []string
	}{
		{"title and name, then surname and pronoun",
			"Russian Foreign Minister Sergey Lavrov arrived in Baku. Lavrov met the president. He said the talks went well.",
			"Sergey Lavrov", []string{"Foreign Minister Sergey Lavrov", "Lavrov", "He"}},
		{"abbreviated title",
			"FM Sergey Lavrov will visit Yerevan.", "Sergey Lavrov", []string{"FM Sergey Lavrov"}},
		{"she is the spokeswoman, he the minister",
			"Spokeswoman Maria Zakharova said Foreign Minister Sergey Lavrov will travel. She added that he will meet officials.",
			"Maria Zakharova", []string{"Spokeswoman Maria Zakharova", "She"}},
		{"the official of a country",
			"Russian Foreign Ministry Spokeswoman Maria Zakharova spoke on Monday. The talks will go on, said the Russian official.",
			"Maria Zakharova", []string{"Spokeswoman Maria Zakharova", "the Russian official"}},
		{"name used as agent with apposition",
			"Jeffrey Kupfer, a U.S. official, said the talks went well.", "Jeffrey Kupfer", []string{"Jeffrey Kupfer"}},
		{"a given name with a lower-case syllable",
			"Prime Minister Lho Shin-yong said the talks went well.", "Lho Shin-yong", []string{"Prime Minister Lho Shin-yong"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentionsOf(t, tt.text)[tt.entity]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions of %s in %q (-want +got):\n%s", tt.entity, tt.text, diff)
			}
		})
	}
}

func TestDemonymsAndCapitals(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string // mention text -> entity name
	}{
		{"demonym", "Azerbaijani officials met Russian diplomats.", map[string]string{"Azerbaijani officials": "Azerbaijan", "Russian diplomats": "Russia"}},
		{"capital as city, known figure by surname", "Lavrov will travel to Yerevan.", map[string]string{"Lavrov": "Sergey Lavrov", "Yerevan": "Yerevan"}},
		{"acronym country", "The U.S. and the UK agreed.", map[string]string{"U.S.": "United States", "UK": "United Kingdom"}},
		{"pronoun us is no country", "Let us meet them.", map[string]string{}},
		{"body of a country", "Russia's Foreign Ministry said so.", map[string]string{"Russia's Foreign Ministry": "Foreign Ministry of Russia"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for name, texts := range mentionsOf(t, tt.text) {
				for _, m := range texts {
					got[m] = name
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions in %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestModality(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Foreign Minister Sergey Lavrov will visit Azerbaijan on Nov. 20.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov is expected to visit Azerbaijan.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov visited Azerbaijan on Nov. 10.", ModalityAsserted},
		{"Foreign Minister Sergey Lavrov did not visit Azerbaijan.", ModalityNegated},
		{"Foreign Minister Sergey Lavrov may visit Azerbaijan.", ModalityHypothetical},
		{"Foreign Minister Sergey Lavrov is due to visit Azerbaijan.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov is about to visit Azerbaijan.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov, due to a storm, visited Azerbaijan late.", ModalityAsserted},
		{"Foreign Minister Sergey Lavrov visited Azerbaijan in 1999.", ModalityHistorical},
		{"Will Foreign Minister Sergey Lavrov visit Azerbaijan?", ModalityHypothetical},
		{"Is Foreign Minister Sergey Lavrov not visiting Azerbaijan?", ModalityHypothetical},
		{"Foreign Minister Sergey Lavrov sees the need to visit Azerbaijan.", ModalityHypothetical},
		{"Foreign Minister Sergey Lavrov has the opportunity to visit Azerbaijan.", ModalityHypothetical},
		{"Foreign Minister Sergey Lavrov looks forward to visiting Azerbaijan.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov will meet his counterpart and other officials in Moscow to visit Azerbaijan.", ModalityPlanned},
		{"Foreign Minister Sergey Lavrov flew to Baku on Friday to visit Azerbaijan.", ModalityAsserted},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			res, err := Extract(Input{Text: tt.text, Published: "2017-11-16"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range res.Nodes {
				if n.Type == TypeVisit {
					got = append(got, n.Properties[PropModality].(string))
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("visit modality in %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestMonthAlone(t *testing.T) {
	tests := []struct {
		text   string
		future bool
		want   string
	}{
		{"who visited Baku in November", false, "2017-11"},
		{"the talks held in December", false, "2016-12"},
		{"will meet in December", true, "2017-12"},
		{"will meet in March", true, "2018-03"},
		{"in November 20 talks", false, ""}, // a day, not a month: read by the day forms
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ""
			for _, d := range findDates(tt.text, 0, seedTime, true, tt.future) {
				if d.precision == PrecisionMonth {
					got = d.date
				}
			}
			if got != tt.want {
				t.Errorf("findDates(%q) month = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestStopPhrases(t *testing.T) {
	tests := []dyadCase{
		{"occupied land is a place, not an act", "Israel built settlements in occupied territories.", nil},
		{"the verb still codes", "Israel occupied the territories in 1967.", []string{"Israel(ISR)>():192"}},
		{"in charge of is an office", "The official in charge of the talks met Iran.", nil},
		{"to charge still accuses", "Russia charged Ukraine with provocation.", []string{"Russia(RUS)>Ukraine(UKR):112"}},
		{"a press release frees no one", "Russia issued a press release on Monday.", nil},
		{"a statement released is a statement", "Russia released a statement on Iran.", []string{"Russia(RUS)>Iran(IRN):010"}},
		{"mobilizing voters is no show of force", "Russia mobilized voters against Ukraine.", nil},
		{"mobilizing troops is", "Russia mobilized troops against Ukraine.", []string{"Russia(RUS)>Ukraine(UKR):154"}},
		{"a pressure group coerces no one", "Russia funded pressure groups in Ukraine.", nil},
		{"recognizing that is no recognition", "The United States recognizes that Ukraine has suffered.", nil},
		{"recognizing a virtue is no recognition", "France recognized the bravery of the Ukrainian people.", nil},
		{"recognizing a state is", "Russia recognized Georgia.", []string{"Russia(RUS)>Georgia(GEO):054"}},
		{"seizing an opportunity takes nothing", "Russia seized the opportunity to talk to Ukraine.", nil},
		{"seizing a ship still does", "Russia seized a Ukrainian ship.", []string{"Russia(RUS)>Ukraine(UKR):171"}},
		{"demonstrating a resolve is no protest", "France demonstrated its resolve.", nil},
		{"a welcome to a city praises no one", "Welcome to Washington, President Macron.", nil},
		{"a question asked is no appeal", "Lavrov was asked whether Russia had an answer.", nil},
		{"a law signed is no agreement", "President Biden signed the act into law.", nil},
		{"a commitment to cooperate is an intent to cooperate", "Japan is committed to closer ties with Australia.", []string{"Japan(JPN)>Australia(AUS):030"}},
	}
	runDyads(t, tests)
}

func TestReceivedFrom(t *testing.T) {
	tests := []dyadCase{
		{"weapons received are the giver's act", "Iraq received weapons from Iran.", []string{"Iran(IRN)>Iraq(IRQ):072"}},
		{"support won", "Kenya won support from China for its bid.", []string{"China(CHN)>Kenya(KEN):051"}},
		{"an invitation received", "Ukraine received an invitation from NATO.", []string{"NATO(IGO)>Ukraine(UKR):036"}},
		{"a loan got", "Egypt got a loan from Saudi Arabia.", []string{"Saudi Arabia(SAU)>Egypt(EGY):071"}},
		{"a person received is still a visit hosted", "Putin received the Iranian foreign minister in Moscow.",
			[]string{"Vladimir Putin(RUS)>Iran(IRN):043"}},
	}
	runDyads(t, tests)
}

func TestOpeningParticiple(t *testing.T) {
	tests := []dyadCase{
		{"an opening participle describes the subject", "Imprisoned Russian opposition leader Alexei Navalny has started a hunger strike.",
			[]string{"Alexei Navalny(RUS)>Russia(RUS):142"}},
	}
	runDyads(t, tests)
}

func TestNegatedYield(t *testing.T) {
	tests := []dyadCase{
		{"not ending a strike refuses to ease dissent", "Nigerian teachers said they will not end the strike.",
			[]string{"teachers(NGA)>Nigeria(NGA):1242"}},
		{"not lifting sanctions refuses to ease them", "Egypt did not lift the sanctions on Libya.", []string{"Egypt(EGY)>Libya(LBY):1244"}},
		{"the end of a strike is no act", "At the end of the strike, Iran met Iraq.",
			[]string{"Iran(IRN)>Iraq(IRQ):040", "Iraq(IRQ)>Iran(IRN):040"}},
	}
	runDyads(t, tests)
}

func TestAppositionSubject(t *testing.T) {
	tests := []dyadCase{
		{"the subject is the actor before the apposition, not a country inside it",
			"Pakistan, a key U.S. ally in the war against terrorism, has refused to meet Iraq.",
			[]string{"Pakistan(PAK)>Iraq(IRQ):125"}},
		{"a but inside an apposition opens no clause",
			"Estonia, a small but strong country in Northern Europe, has launched cyber attacks against Russia.",
			[]string{"Estonia(EST)>Russia(RUS):176"}},
		{"a list with a serial comma is no apposition", "Germany, the United States, and France condemned Iran.",
			[]string{"Germany(DEU)>Iran(IRN):111", "France(FRA)>Iran(IRN):111", "United States(USA)>Iran(IRN):111"}},
	}
	runDyads(t, tests)
}

func TestIntentObject(t *testing.T) {
	tests := []dyadCase{
		{"the noun after an intent's own verb is its object, not a second act",
			"Egypt said it is prepared to lift the ban on Libya.", []string{"Egypt(EGY)>Libya(LBY):0351"}},
		{"an intent's complement verb is still the act", "Egypt agreed to lift the ban on Libya.",
			[]string{"Egypt(EGY)>Libya(LBY):035"}},
	}
	runDyads(t, tests)
}

func TestDiscussedTopic(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"what is discussed is no side", "Lavrov discussed Ukraine's request for weapons.", []string{"Sergey Lavrov(RUS)>():040"}},
		{"the side discussed with", "Lavrov discussed Iran with Blinken.", []string{"Antony Blinken(USA)>Sergey Lavrov(RUS):040", "Sergey Lavrov(RUS)>Antony Blinken(USA):040"}},
		{"the side before the topic", "Lavrov discussed with Blinken the war in Syria.", []string{"Antony Blinken(USA)>Sergey Lavrov(RUS):040", "Sergey Lavrov(RUS)>Antony Blinken(USA):040"}},
		{"a partner of the topic is no side", "Lavrov discussed the partnership with Iran.", []string{"Sergey Lavrov(RUS)>():040"}},
		{"sides that discuss", "France and Germany discussed Russia's invasion of Ukraine.", []string{"Germany(DEU)>France(FRA):040", "France(FRA)>Germany(DEU):040"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dyads(t, tt.text)
			sort.Strings(got)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestSameVisit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // visits to South Africa: date/end
	}{
		{"a tour, then one stop's days", "Secretary Blinken will travel to Cambodia and South Africa on August 2-12. Secretary Blinken will travel to South Africa on August 7-9.",
			[]string{"2022-08-07/2022-08-09"}},
		{"one stop's days, then the tour", "Secretary Blinken will travel to South Africa on August 7-9. Secretary Blinken will travel to Cambodia and South Africa on August 2-12.",
			[]string{"2022-08-07/2022-08-09"}},
		{"two visits on other days", "Secretary Blinken will travel to South Africa on August 2-3. Secretary Blinken will travel to South Africa on August 7-9.",
			[]string{"2022-08-02/2022-08-03", "2022-08-07/2022-08-09"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: "state_dept", Text: tt.text, Published: "2022-07-29"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range res.Edges {
				if e.Type != "host" || e.Target != "country:ZAF" {
					continue
				}
				for _, n := range res.Nodes {
					if n.ID == e.Source {
						got = append(got, n.Properties[PropDate].(string)+"/"+n.Properties[PropEnd].(string))
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("visits to South Africa (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCountryNodes(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string
	}{
		{"a list of countries named in passing", "reuters",
			"Poland will join NATO. Also applying are Romania, Slovenia, Latvia and Estonia.", []string{"POL"}},
		{"a list item that is named again", "reuters",
			"Poland will join NATO. Also applying are Romania, Slovenia and Latvia. Romania welcomed the move.", []string{"POL", "ROU"}},
		{"two countries are no list", "reuters",
			"Poland and Hungary will join NATO.", []string{"HUN", "POL"}},
		{"the country an official acts for", "whitehouse",
			"Secretary Blinken met Foreign Minister Wang Yi of China.", []string{"CHN", "USA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: tt.source, Text: tt.text, Published: "2022-07-29"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range res.Nodes {
				if n.Type == TypeCountry {
					got = append(got, n.Properties[PropISO3].(string))
				}
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("countries of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
