package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
)

func TestFindQuote(t *testing.T) {
	text := "The envoy arrived.\nShe met the\n  foreign minister on Monday."
	for _, c := range []struct {
		q    string
		want string
		ok   bool
	}{
		{"The envoy arrived", "The envoy arrived", true},
		{"met the foreign minister", "met the\n  foreign minister", true},
		{"met a foreign minister", "", false},
	} {
		sp, ok := findQuote(text, c.q)
		if ok != c.ok || ok && text[sp.Start:sp.End] != c.want {
			t.Errorf("findQuote(%q) = %v %v, want %q %v", c.q, sp, ok, c.want, c.ok)
		}
	}
}

func TestQuantile(t *testing.T) {
	vs := []float64{5, 1, 4, 2, 3}
	if m := quantile(vs, 0.5); m != 3 {
		t.Errorf("median = %v, want 3", m)
	}
	if m := quantile(vs, 0.9); m != 5 {
		t.Errorf("p90 = %v, want 5", m)
	}
	if vs[0] != 5 {
		t.Error("quantile sorted its argument")
	}
}

// TestTallyJudged checks that judgements are matched to the pronouns
// compared by article and offset, and that a stray one is refused.
func TestTallyJudged(t *testing.T) {
	n := &extract.Node{ID: "person:x"}
	listed := []pronounCase{
		{id: "a:1", start: 10, ext: n, inEvent: true},
		{id: "a:1", start: 40, ext: n},
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	os.WriteFile(good, []byte("# id\toffset\tverdict\na:1\t10\tboth\na:1\t40\tcorenlp\n"), 0o644)
	var b strings.Builder
	if err := tallyJudged(&b, good, listed); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"all                  2: extractor only 0, corenlp only 1, both 1", "in event sentences   1: extractor only 0, corenlp only 0, both 1"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("tally lacks %q:\n%s", want, b.String())
		}
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("a:1\t11\tboth\n"), 0o644)
	if err := tallyJudged(&b, bad, listed); err == nil {
		t.Error("a judgement of no pronoun compared was accepted")
	}
}
