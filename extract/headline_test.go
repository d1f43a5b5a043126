package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHeadlineTargets(t *testing.T) {
	s := parsedSentences(t)["an act whose sentence names no target"]
	stance := parsedSentences(t)["a stance toward no one"]
	tests := []struct {
		name, title string
		want        []string
	}{
		{"the headline's other country", "United States Imposes Costs on Russia", []string{"United States(USA)>Russia(RUS):163"}},
		{"two other countries: no one", "United States Imposes Costs on Russia and Belarus", []string{"United States(USA)>():163"}},
		{"a headline about others", "Russia and Belarus Hold Exercises", []string{"United States(USA)>():163"}},
		{"no headline", "", []string{"United States(USA)>():163"}},
	}
	// a stance named by a noun is an act only toward someone
	for _, tt := range []struct {
		name, title string
		want        []string
	}{
		{"a stance the headline aims", "United States and Japan Renew Partnership", []string{"United States(USA)>Japan(JPN):030"}},
		{"a stance aimed at no one", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: "whitehouse", Title: tt.title, Text: stance.Text, Published: "2022-02-22", Parse: stance.Parse})
			if err != nil {
				t.Fatal(err)
			}
			got := recordLines(res)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: "whitehouse", Title: tt.title, Text: s.Text, Published: "2022-02-22", Parse: s.Parse})
			if err != nil {
				t.Fatal(err)
			}
			got := recordLines(res)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecordActors(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []string
	}{
		{"an official of an international body in office", "Kofi Annan criticized Iraq.", "1997-04-02", []string{"Kofi Annan(IGO)>Iraq(IRQ):111"}},
		{"the same man out of office", "Kofi Annan criticized Iraq.", "2015-04-02", []string{"Kofi Annan()>Iraq(IRQ):111"}},
		{"a capital before its state split off", "Moscow criticized Japan.", "1987-03-02", []string{"Moscow(SUN)>Japan(JPN):111"}},
		{"the same capital after", "Moscow criticized Japan.", "1992-03-02", []string{"Moscow(RUS)>Japan(JPN):111"}},
		{"a state's demonym before", "Czech officials criticized Japan.", "1990-03-02", []string{"Czechoslovakia(CSK)>Japan(JPN):111"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Text: tt.text, Published: tt.published})
			if err != nil {
				t.Fatal(err)
			}
			got := recordLines(res)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecordsOwnCountry(t *testing.T) {
	node := func(id, typ, name, country string) Node {
		p := map[string]any{}
		if typ == TypeCountry {
			p[PropISO3] = country
		} else {
			p[PropCountry] = country
		}
		return Node{ID: id, Type: typ, Name: name, Properties: p}
	}
	meeting := func(code string) Result {
		return Result{
			Nodes: []Node{
				{ID: "event:m", Type: TypeMeeting, Properties: map[string]any{PropCAMEO: code, PropModality: ModalityAsserted}},
				node("country:PHL", TypeCountry, "Philippines", "PHL"),
				node("person:marcos", TypePerson, "Marcos", "PHL"),
				node("person:blinken", TypePerson, "Blinken", "USA"),
			},
			Edges: []Edge{{Source: "event:m", Type: "participant", Target: "person:blinken"},
				{Source: "event:m", Type: "participant", Target: "country:PHL"},
				{Source: "event:m", Type: "participant", Target: "person:marcos"}},
		}
	}
	tests := []struct {
		name string
		in   Result
		want []string
	}{
		{"a country does not meet its own official", meeting("040"), []string{
			"Blinken(USA)>Philippines(PHL):040", "Blinken(USA)>Marcos(PHL):040",
			"Philippines(PHL)>Blinken(USA):040", "Marcos(PHL)>Blinken(USA):040"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := recordLines(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDatelineOfficials(t *testing.T) {
	tests := []struct {
		name, source, text string
		want               []string // person (country, from)
	}{
		{"a wire story's official is of its dateline", "reuters",
			"LONDON, March 2 - Corporate Affairs Minister Ann Smith will travel to Ruritania.", []string{"Ann Smith (GBR, dateline)"}},
		{"an ambassador is seldom of the dateline's country", "reuters",
			"LONDON, March 2 - Ambassador Ann Smith will travel to Ruritania.", []string{"Ann Smith (, )"}},
		{"the text's own country wins", "reuters",
			"LONDON, March 2 - Japanese Foreign Minister Ann Smith will travel to Ruritania.", []string{"Ann Smith (JPN, )"}},
		{"no dateline, no country", "reuters",
			"Corporate Affairs Minister Ann Smith will travel to Ruritania.", []string{"Ann Smith (, )"}},
		{"another mention of the office names its country", "reuters",
			"The Japanese ambassador to France made a proposal. Ambassador Ann Smith will travel to Ruritania.", []string{"Ann Smith (JPN, title)"}},
		{"the office outranks the dateline", "reuters",
			"LONDON, March 2 - The Japanese ambassador made a proposal. Ambassador Ann Smith will travel to Ruritania.", []string{"Ann Smith (JPN, title)"}},
		{"an office named with two countries says nothing", "reuters",
			"The Japanese ambassador and the French ambassador met. Ambassador Ann Smith will travel to Ruritania.", []string{"Ann Smith (, )"}},
		{"another office names no country", "reuters",
			"The Japanese finance minister made a proposal. Ambassador Ann Smith will travel to Ruritania.", []string{"Ann Smith (, )"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Source: tt.source, Text: tt.text, Published: "1987-03-02"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range res.Nodes {
				if n.Type == TypePerson {
					c, _ := n.Properties[PropCountry].(string)
					from, _ := n.Properties[PropCountryFrom].(string)
					got = append(got, n.Name+" ("+c+", "+from+")")
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("people of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
