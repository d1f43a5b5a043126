package extract

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The date of what someone said: the speech act's, for a verbal act or an
// intent inside it, never for a material act it reports.
func TestSpeechDate(t *testing.T) {
	tests := []struct {
		name, parse string   // parse: a recorded parse in testdata/parses/sentences.json
		want        []string // cameo date precision of each record, sorted
	}{
		{"a threat made in words is made when they are said", "speech date: threat", []string{"130 1987-10-17 day"}},
		{"a demand made in words is made when they are said", "speech date: appeal", []string{"100 1987-10-17 day"}},
		{"a material act reported keeps no date of the report", "speech date: material act", []string{"193 1987-10-19 derived"}},
		{"the words between the verb and 'that' are the speech act's", "speech date: words before that", []string{"100 1987-10-17 day"}},
	}
	parsed := parsedSentences(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := parsed[tt.parse]
			if !ok {
				t.Fatalf("no recorded parse %q", tt.parse)
			}
			res, err := Extract(Input{ID: "t", Text: s.Text, Published: "1987-10-19", Source: "reuters", Parse: s.Parse})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range Records(res) {
				got = append(got, r.CAMEO+" "+r.Date+" "+r.Precision)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", s.Text, diff)
			}
		})
	}
}
