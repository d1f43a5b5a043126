package extract_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
)

// corpusDir is where the shared corpus lives: $DIPGRAPH_CORPUS, or
// ../../shared/corpus beside the checkout.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("DIPGRAPH_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "dev.jsonl")); err != nil {
		tb.Skipf("corpus not found at %s (set DIPGRAPH_CORPUS to the folder holding dev.jsonl)", dir)
	}
	return dir
}

type corpusItem struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

func readCorpus(tb testing.TB, path string, max int) []extract.Input {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []extract.Input
	for sc.Scan() && (max <= 0 || len(out) < max) {
		var it corpusItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, extract.Input{ID: it.ID, Title: it.Title, Text: it.Text, Published: it.Published, Source: it.Source})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestCorpus runs the extractor over the real articles of the dev corpus:
// no panic, every span inside the body, output deterministic.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	ins := readCorpus(t, filepath.Join(dir, "dev.jsonl"), 0)
	events, nodes := 0, 0
	for _, in := range ins {
		res, err := extract.Extract(in)
		if err != nil {
			t.Errorf("%s: %v", in.ID, err)
			continue
		}
		checkSpans(t, res)
		again, _ := extract.Extract(in)
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Errorf("%s: two runs differ", in.ID)
		}
		for _, n := range res.Nodes {
			nodes++
			if extract.IsEventType(n.Type) {
				events++
			}
		}
	}
	t.Logf("%d articles: %d nodes, %d events", len(ins), nodes, events)
}

func BenchmarkExtract(b *testing.B) {
	dir := corpusDir(b)
	ins := readCorpus(b, filepath.Join(dir, "dev.jsonl"), 0)
	size := 0
	for _, in := range ins {
		size += len(in.Text)
	}
	extract.Extract(ins[0]) // load the tables outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			if _, err := extract.Extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
