package extract

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIssuer(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"source id of a ministry", Input{Source: "state_dept", Text: "The talks went well."}, "USA"},
		{"a news agency issues nothing, whatever its first line",
			Input{Source: "reuters", Text: "Office of the Spokesperson\n\nWe met today."}, ""},
		{"URL host", Input{URL: "https://www.state.gov/readout/", Text: "We met today."}, "USA"},
		{"URL subdomain", Input{URL: "https://kz.usembassy.gov/x", Text: "We met today."}, "USA"},
		{"agency host", Input{URL: "https://www.reuters.com/world/", Text: "The White House\n\nWe met."}, ""},
		{"header phrase in capitals", Input{Text: "OFFICE OF THE SPOKESPERSON\n\nWe met today."}, "USA"},
		{"header template", Input{Text: "Embassy of Japan\n\nWe met today."}, "JPN"},
		{"header template with a long name",
			Input{Text: "Ministry of Foreign Affairs of the Republic of Azerbaijan\n\nWe met today."}, "AZE"},
		{"template with no country", Input{Text: "Embassy of Atlantis\n\nWe met today."}, ""},
		{"a header line too far down",
			Input{Text: "One line.\n\nTwo lines.\n\nThree lines.\n\nEmbassy of Japan\n\nWe met."}, ""},
		{"nothing known", Input{Source: "blog", Text: "We met today."}, ""},
	}
	g := loadGazetteer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := issuer(tt.in, headLines(tt.in.Text), g); got != tt.want {
				t.Errorf("issuer(%+v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// voiced extracts one text with a source id and returns, for every
// mention, its text and what it stands for: a country's ISO3, or a
// person's name, country and office.
func voiced(t *testing.T, source, text string) []string {
	t.Helper()
	res, err := Extract(Input{Text: text, Source: source, Published: "2021-07-20"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range res.Nodes {
		spans, _ := n.Properties[PropMentions].([]Span)
		what := ""
		switch n.Type {
		case TypeCountry:
			what = n.Properties[PropISO3].(string)
		case TypePerson:
			c, _ := n.Properties[PropCountry].(string)
			title, _ := n.Properties[PropTitle].(string)
			what = n.Name + " (" + c + ", " + title + ")"
		default:
			continue
		}
		for _, s := range spans {
			out = append(out, text[s.Start:s.End]+" = "+what)
		}
	}
	sort.Strings(out)
	return out
}

func TestVoice(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string
	}{
		{"a release's we is its government", "state_dept",
			"We welcome the ceasefire in Ruritania.", []string{"We = USA"}},
		{"and its our", "state_dept",
			"Our government stands with our partners.", []string{"Our government = USA", "our = USA"}},
		{"a news agency's we is nobody's", "reuters",
			"We understand the talks went well.", nil},
		{"we inside a quotation is the speaker's", "state_dept",
			"The minister said: \"We will not yield.\"", nil},
		{"a quotation over two sentences", "state_dept",
			"\"We disagree. We will reply,\" the minister said.", nil},
		{"US in capitals is the country, us in lower case the voice", "state_dept",
			"The US asked them to join us.", []string{"US = USA", "us = USA"}},
		{"its government body named alone", "whitehouse",
			"The Administration welcomes the ceasefire.", []string{"The Administration = USA"}},
		{"a body that the phrase gives to another", "whitehouse",
			"We support the Government and people of Israel.", []string{"Israel = ISR", "We = USA"}},
		{"a month's name opens a given name", "state_dept",
			"Blinken spoke with Czech Foreign Minister Jan Lipavsky on Jan. 3.",
			[]string{"Blinken = Antony Blinken (USA, Secretary of State)", "Czech = CZE", "Foreign Minister Jan Lipavsky = Jan Lipavsky (CZE, Foreign Minister)"}},
		{"a news agency's government is nobody's", "reuters",
			"The Government welcomes the ceasefire.", nil},
		{"I is the signer of a release", "state_dept",
			"Ann Smith, Special Envoy\n\nI congratulate the people of Ruritania.",
			[]string{"Ann Smith = Ann Smith (USA, Special Envoy)", "I = Ann Smith (USA, Special Envoy)"}},
		{"I in a news story is nobody's", "reuters",
			"Ann Smith, Special Envoy\n\nI congratulate them.", []string{"Ann Smith = Ann Smith (, Special Envoy)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := voiced(t, tt.source, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions in %q from %s (-want +got):\n%s", tt.text, tt.source, diff)
			}
		})
	}
}

func TestOffices(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string
	}{
		{"an office alone is the issuing government", "state_dept",
			"The Deputy Secretary of State will travel to Ruritania.",
			[]string{"Deputy Secretary of State = USA"}},
		{"a news story's office alone is nobody's", "reuters",
			"The Deputy Secretary of State will travel to Ruritania.", nil},
		{"the office refers back to its holder", "state_dept",
			"Today Acting Assistant Secretary Ann Smith will travel. The Acting Assistant Secretary will then meet officials.",
			[]string{"Acting Assistant Secretary = Ann Smith (USA, Acting Assistant Secretary)",
				"Acting Assistant Secretary Ann Smith = Ann Smith (USA, Acting Assistant Secretary)"}},
		{"a vice president is no president", "whitehouse",
			"Vice President Ann Smith spoke today. The President welcomed the call.",
			[]string{"President = USA", "Vice President Ann Smith = Ann Smith (USA, Vice President)"}},
		{"a portfolio between the office and the name", "state_dept",
			"Assistant Secretary of State for Eastern Affairs Ann Smith will visit Japan.",
			[]string{"Assistant Secretary of State for Eastern Affairs Ann Smith = Ann Smith (USA, Assistant Secretary of State for Eastern Affairs)",
				"Japan = JPN"}},
		{"a portfolio naming a region, then a comma and an honorific", "state_dept",
			"Special Envoy for the Horn of Africa, Dr. Ann Smith, will travel.",
			[]string{"Special Envoy for the Horn of Africa, Dr. Ann Smith = Ann Smith (USA, Special Envoy for the Horn of Africa)"}},
		{"a titled person of no country in a release is its government's", "state_dept",
			"Special Envoy Ann Smith will travel.",
			[]string{"Special Envoy Ann Smith = Ann Smith (USA, Special Envoy)"}},
		{"the text ties the office to another country", "state_dept",
			"Japanese Foreign Minister Ann Smith will travel.",
			[]string{"Foreign Minister Ann Smith = Ann Smith (JPN, Foreign Minister)", "Japanese = JPN"}},
		{"an office the issuing government does not have", "state_dept",
			"Prime Minister Ann Smith will travel.",
			[]string{"Prime Minister Ann Smith = Ann Smith (, Prime Minister)"}},
		{"an international post is nobody's government", "state_dept",
			"Secretary-General Ann Smith will travel.",
			[]string{"Secretary-General Ann Smith = Ann Smith (, Secretary-General)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := voiced(t, tt.source, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions in %q from %s (-want +got):\n%s", tt.text, tt.source, diff)
			}
		})
	}
}

func TestThingsAreNotPeople(t *testing.T) {
	for _, text := range []string{
		"The Joint Statement said the two sides will cooperate.",
		"The Strategic Dialogue will take place in Tokyo.",
		"The Special Presidential Representative will travel to Tokyo.",
		"She will visit Camp Ridge Airbase in Japan.",
		"The Main Directorate of the General Staff will answer.",
		"They signed a Memorandum of Understanding Concerning Civil Nuclear Cooperation, which helps.",
		"The Treaty on Open Skies Civil Aviation will help.",
	} {
		for _, m := range voiced(t, "state_dept", text) {
			if m[len(m)-1] == ')' {
				t.Errorf("%q: a person read from a thing's name: %s", text, m)
			}
		}
	}
}

// A release's own words are its issuer's: what they say another must or
// should do is asked of it.
func TestVoiceDemand(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string
	}{
		{"a release demands in its own words", "state_dept",
			"The Ethiopian and Eritrean forces must allow humanitarian access.",
			[]string{"United States(USA)>Eritrea(ERI):100", "United States(USA)>Ethiopia(ETH):100"}},
		{"a release appeals in its own words", "state_dept",
			"Eritrean forces should withdraw from the region.",
			[]string{"United States(USA)>Eritrea(ERI):020"}},
		{"what its own side must do is a resolve", "state_dept",
			"The United States must continue its support.",
			nil},
		{"quoted words are another's", "state_dept",
			"\"Eritrean forces must withdraw,\" a farmer told reporters.",
			nil},
		{"a news story's words are no one's", "reuters",
			"Eritrean forces must withdraw from the region.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: tt.source, Text: tt.text, Published: "2021-05-26"})
			if err != nil {
				t.Fatal(err)
			}
			got := recordLines(res)
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// A release's "today's action" is its government's own act.
func TestOwnAction(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string
	}{
		{"today's action is the issuer's", "state_dept",
			"Today’s action imposes visa restrictions on PRC officials.",
			[]string{"United States(USA)>China(CHN):172"}},
		{"today's action by another is not", "state_dept",
			"Today’s action by the Council imposes visa restrictions on PRC officials.",
			[]string{"()>China(CHN):172"}},
		{"a news story's action is no one's", "reuters",
			"Today’s action imposes visa restrictions on PRC officials.",
			[]string{"()>China(CHN):172"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: tt.source, Text: tt.text, Published: "2022-03-21"})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, recordLines(res)); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
