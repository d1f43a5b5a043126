package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
)

// TestRecordedParses: each parse in testdata/parses (make parses) is of
// the sentences extract.Sentences picks today, and its tokens slice back
// into the article's text.
func TestRecordedParses(t *testing.T) {
	files, err := filepath.Glob("../../testdata/parses/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no recorded parses in testdata/parses (make parses): %v", err)
	}
	for _, f := range files {
		slug := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(slug, func(t *testing.T) {
			text, err := os.ReadFile("../../testdata/articles/" + slug + ".txt")
			if err != nil {
				t.Fatalf("recorded parse of no article: %v", err)
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var p parsed
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			spans, err := extract.Sentences(extract.Input{Text: string(text)})
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]int
			for _, s := range p.Sentences {
				got = append(got, [2]int{s.Start, s.End})
				for _, tok := range s.Tokens {
					if tok.Start < s.Start || tok.End > s.End || tok.Start >= tok.End {
						t.Errorf("token %q at [%d,%d) out of its sentence [%d,%d)", tok.Text, tok.Start, tok.End, s.Start, s.End)
					}
				}
			}
			if diff := cmp.Diff(pairs(spans), got); diff != "" {
				t.Errorf("recorded sentences are not those extract.Sentences picks; run make parses (-want +got):\n%s", diff)
			}
		})
	}
}
