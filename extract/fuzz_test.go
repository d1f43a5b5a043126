package extract_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/extract"
)

// FuzzExtract feeds the whole extractor arbitrary text: it must never
// panic, and every span must stay inside the text.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdataDir, "articles", "*.txt"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "2017-11-16")
	}
	f.Add("Lavrov met Blinken in Geneva on Monday.", "20210101")
	f.Add("“", "")
	f.Add("MOSCOW, July 1 (Xinhua) -- The two leaders marked the 10th anniversary.", "")
	f.Add("By X - Y:\n\nTags:", "")
	f.Fuzz(func(t *testing.T, text, published string) {
		res, err := extract.Extract(extract.Input{Text: text, Published: published})
		if err != nil {
			if utf8.ValidString(text) && len(text) > 0 && err != extract.ErrEmpty {
				t.Fatalf("Extract(%q) = %v", text, err)
			}
			return
		}
		for _, n := range res.Nodes {
			for _, key := range []string{extract.PropMentions, extract.PropEvidence} {
				spans, _ := n.Properties[key].([]extract.Span)
				for _, s := range spans {
					if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
						t.Fatalf("%s %s: span %v outside text of %d bytes", n.ID, key, s, len(text))
					}
				}
			}
		}
	})
}
