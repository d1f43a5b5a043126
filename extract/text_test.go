package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "They met. They spoke.", []string{"They met.", "They spoke."}},
		{"a title abbreviation before a name", "Sen. John Smith spoke. He left.", []string{"Sen. John Smith spoke.", "He left."}},
		{"a month abbreviation before a day", "They met on Nov. 16 in Paris.", []string{"They met on Nov. 16 in Paris."}},
		{"an initial", "J. Smith spoke.", []string{"J. Smith spoke."}},
		{"a name that ends like an abbreviation", "He met Prime Minister Hun Sen. He left for Paris.", []string{"He met Prime Minister Hun Sen.", "He left for Paris."}},
		{"a company before a determiner", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text, []Span{{0, len(tt.text)}}) {
				got = append(got, s.text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("splitSentences(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
