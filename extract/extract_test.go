package extract_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
	"github.com/dipgraph/dipgraph/extract/parse"
)

const testdataDir = "../testdata"

var update = flag.Bool("update", false, "rewrite the golden files in testdata/extract")

// articles returns the slugs of testdata/articles/*.txt.
func articles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testdataDir, "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s/articles: %v", testdataDir, err)
	}
	var slugs []string
	for _, f := range files {
		slugs = append(slugs, strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
	return slugs
}

func extractFile(t *testing.T, slug string) extract.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdataDir, "articles", slug+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := extract.Extract(extract.Input{Text: string(b), Parse: recordedParse(t, slug)})
	if err != nil {
		t.Fatalf("Extract(%s): %v", slug, err)
	}
	return res
}

// recordedParse reads the real CoreNLP parse of a fixture article
// (testdata/parses, rewritten by make parses), so the rules are tested as
// they run, without a server.
func recordedParse(t *testing.T, slug string) *parse.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdataDir, "parses", slug+".json"))
	if err != nil {
		t.Fatalf("no recorded parse of %s (run make parses): %v", slug, err)
	}
	var doc parse.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("recorded parse of %s: %v", slug, err)
	}
	return &doc
}

// normalize round-trips a result through JSON so that both sides of a
// comparison have the same dynamic types.
func normalize(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, slug := range articles(t) {
		t.Run(slug, func(t *testing.T) {
			got := extractFile(t, slug)
			path := filepath.Join(testdataDir, "extract", slug+".golden.json")
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			var want any
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, normalize(t, got)); diff != "" {
				t.Errorf("Extract(%s) mismatch (-want +got):\n%s", slug, diff)
			}
		})
	}
}

func TestExpectations(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdataDir, "expect", "*.json"))
	if len(files) == 0 {
		t.Fatal("no expectation files in testdata/expect")
	}
	for _, f := range files {
		slug := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(slug, func(t *testing.T) {
			exp, err := expect.Load(os.DirFS(filepath.Join(testdataDir, "expect")), slug+".json")
			if err != nil {
				t.Fatal(err)
			}
			rep := expect.Score(extractFile(t, slug), exp)
			for _, m := range rep.ArticleWrong {
				t.Errorf("article %s", m)
			}
			for _, m := range rep.MustMissing {
				t.Errorf("must fact missing: %s", m)
			}
			for _, m := range rep.MustNotPresent {
				t.Errorf("must-not fact present: %s", m)
			}
			t.Logf("should: %d/%d", rep.ShouldHit, rep.ShouldTotal)
			for _, m := range rep.ShouldMissing {
				t.Logf("should fact missing: %s", m)
			}
		})
	}
}

// TestEvidence checks that every span lies in the text and, for events,
// slices back to whole sentences of the body.
func TestEvidence(t *testing.T) {
	for _, slug := range articles(t) {
		t.Run(slug, func(t *testing.T) {
			res := extractFile(t, slug)
			checkSpans(t, res)
		})
	}
}

func checkSpans(t *testing.T, res extract.Result) {
	t.Helper()
	text := res.Article.Text
	check := func(what string, s extract.Span) {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Errorf("%s: span %v outside text of %d bytes", what, s, len(text))
			return
		}
		if s.Start < res.Article.Body.Start || s.End > res.Article.Body.End {
			t.Errorf("%s: span %v %q outside the body %v", what, s, text[s.Start:s.End], res.Article.Body)
		}
	}
	for _, n := range res.Nodes {
		for _, key := range []string{extract.PropMentions, extract.PropEvidence} {
			spans, _ := n.Properties[key].([]extract.Span)
			for _, s := range spans {
				check(n.ID+" "+key, s)
			}
		}
	}
	for _, e := range res.Edges {
		spans, _ := e.Properties[extract.PropEvidence].([]extract.Span)
		for _, s := range spans {
			check(e.Source+"-"+e.Type, s)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, slug := range articles(t) {
		a, _ := json.Marshal(extractFile(t, slug))
		b, _ := json.Marshal(extractFile(t, slug))
		if string(a) != string(b) {
			t.Errorf("%s: two runs differ", slug)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		in   extract.Input
	}{
		{"empty", extract.Input{}},
		{"blank", extract.Input{Text: " \n\t "}},
		{"not UTF-8", extract.Input{Text: "Russia \xff\xfe said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := extract.Extract(tt.in); err == nil {
				t.Errorf("Extract(%q) = nil error, want one", tt.in.Text)
			}
		})
	}
}
