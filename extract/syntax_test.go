package extract

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/extract/parse"
	"github.com/google/go-cmp/cmp"
)

// parsedSentences reads recorded CoreNLP parses of invented sentences
// (testdata/parses/sentences.json, keyed by test name), so the frames on
// the parse are tested without a server.
func parsedSentences(t *testing.T) map[string]struct {
	Text  string          `json:"text"`
	Parse *parse.Document `json:"parse"`
} {
	t.Helper()
	b, err := os.ReadFile("testdata/parses/sentences.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]struct {
		Text  string          `json:"text"`
		Parse *parse.Document `json:"parse"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// recordLines writes the records of a result as source(country)>target(country):code
// (dyads, in group_test.go, codes a sentence and marks inferred countries).
func recordLines(res Result) []string {
	var out []string
	for _, r := range Records(res) {
		out = append(out, r.Source.Name+"("+r.Source.Country+")>"+r.Target.Name+"("+r.Target.Country+"):"+r.CAMEO)
	}
	return out
}

func TestParsedRoles(t *testing.T) {
	sents := parsedSentences(t)
	tests := []struct {
		name string
		want []string
	}{
		{"coordinated subject", []string{"Emmanuel Macron(FRA)>John Kerry(USA):040", "John Kerry(USA)>Emmanuel Macron(FRA):040", "John Kerry(USA)>France(FRA):042"}},
		{"possessive agent of an event noun", []string{"()>Russia(RUS):111", "Russia(RUS)>Ukraine(UKR):192"}},
		{"passive with a by agent", []string{"Iran(IRN)>Iraq(IRQ):190"}},
		{"visit to each of a list", []string{"China(CHN)>Ghana(GHA):036", "Ghana(GHA)>China(CHN):036", "China(CHN)>Senegal(SEN):036",
			"Senegal(SEN)>China(CHN):036", "China(CHN)>Kenya(KEN):036", "Kenya(KEN)>China(CHN):036"}},
		{"clause subject of a demand", []string{"Germany(DEU)>Syria(SYR):1053"}},
		{"light verb lends its subject", []string{"Japan(JPN)>South Korea(KOR):040", "South Korea(KOR)>Japan(JPN):040"}},
		{"object inside the noun phrase", []string{"Yemen(YEM)>United States(USA):120"}},
		{"what an appeal asks for is not done", []string{"France(FRA)>Chad(TCD):020"}},
		{"conjoined objects", []string{"Egypt(EGY)>Israel(ISR):111", "Egypt(EGY)>Jordan(JOR):111"}},
		{"dictionary verb between two named sides", []string{"Turkey(TUR)>Greece(GRC):111"}},
		{"noun in a compound takes the verb's subject", []string{"Norway(NOR)>Mali(MLI):074"}},
		{"hyphenated pair of countries", []string{"Iran(IRN)>Iraq(IRQ):190", "Iraq(IRQ)>Iran(IRN):190"}},
		{"war waged by one state on another", []string{"Russia(RUS)>Ukraine(UKR):190"}},
		{"a noun qualifying another is no act", nil},
		{"a noun spelled like a listed verb", []string{"United States(USA)>Ukraine(UKR):060"}}, // no phone call
		{"a noun with the act's participants", []string{"Iran(IRN)>France(FRA):0841"}},
		{"a noun that qualifies an actor", nil},
		{"an event noun's agent does what completes it", []string{"China(CHN)>():181", "United States(USA)>China(CHN):120", "China(CHN)>():130"}},
		{"the purpose of a meeting is that meeting", []string{"Rwanda(RWA)>Antony Blinken(USA):036", "Antony Blinken(USA)>Rwanda(RWA):036"}},
		{"a country modifying an event noun is its agent", []string{"Iran(IRN)>United States(USA):111", "United States(USA)>Iran(IRN):190"}},
		{"a stance toward no one", nil},
		{"a stance toward someone", []string{"United States(USA)>Japan(JPN):030"}},
		{"leaving for a country is visiting it", []string{"Tony Blair(GBR)>Turkey(TUR):042"}},
		{"a demonym in a person's own phrase", []string{"Toyoo Gyohten(JPN)>United Kingdom(GBR):111"}},
		{"a stance is no passive", []string{"United States(USA)>Ethiopia(ETH):030"}},
		{"hyphenated pair holds the talks", []string{"Japan(JPN)>United States(USA):040", "United States(USA)>Japan(JPN):040"}},
		{"a dictionary verb ends at a purpose of its own", []string{"United States(USA)>Russia(RUS):111", "Russia(RUS)>():190"}},
		{"here in a wire story is its dateline", []string{"Ann Smith(JPN)>Cuba(CUB):042"}},
		{"a noun a second verb takes is an act", []string{"Germany(DEU)>():111", "Germany(DEU)>Ukraine(UKR):051"}},
		{"a noun a second verb takes is done by its subject", []string{"Afghanistan(AFG)>Russia(RUS):181", "Afghanistan(AFG)>Kabul(AFG):195"}},
		{"a topic that names its own agent is an act", []string{"Ghana(GHA)>():040", "Russia(RUS)>Ukraine(UKR):192"}},
		{"a topic of discussion is no act", []string{"Rwanda(RWA)>Antony Blinken(USA):036", "Antony Blinken(USA)>Rwanda(RWA):036"}},
		{"a country leading an act is its agent", []string{"United Kingdom(GBR)>Iraq(IRQ):150", "United States(USA)>Iraq(IRQ):192"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := sents[tt.name]
			if !ok {
				t.Fatalf("no recorded parse named %q", tt.name)
			}
			res, err := Extract(Input{ID: "t", Text: s.Text, Published: "2018-06-01", Parse: s.Parse})
			if err != nil {
				t.Fatal(err)
			}
			got := recordLines(res)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", s.Text, diff)
			}
		})
	}
}
