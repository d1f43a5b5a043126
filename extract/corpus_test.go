package extract_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/parse"
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

// BenchmarkExtract runs the rules alone on every article of dev.jsonl,
// with no parse. Each of the b.N iterations is one pass over the corpus;
// it reports the median pass as median-MB/s (make bench: -benchtime 5x).
func BenchmarkExtract(b *testing.B) {
	dir := corpusDir(b)
	benchRules(b, readCorpus(b, filepath.Join(dir, "dev.jsonl"), 0))
}

// BenchmarkExtractParsed runs the rules alone on recorded parses: the
// articles of dev.jsonl that $DIPGRAPH_PARSES, a file of what dipgraph
// parse prints (make bench records the first 200 articles' once), holds
// a parse of. It reports as BenchmarkExtract does.
func BenchmarkExtractParsed(b *testing.B) {
	dir := corpusDir(b)
	path := os.Getenv("DIPGRAPH_PARSES")
	if path == "" {
		b.Skip("no recorded parses: set DIPGRAPH_PARSES to what dipgraph parse prints for dev.jsonl (make bench does)")
	}
	docs := readParses(b, path)
	var ins []extract.Input
	for _, in := range readCorpus(b, filepath.Join(dir, "dev.jsonl"), 0) {
		if doc, ok := docs[extract.ArticleID(in)]; ok {
			in.Parse = doc
			ins = append(ins, in)
		}
	}
	if len(ins) == 0 {
		b.Fatalf("%s holds no parse of a dev.jsonl article", path)
	}
	benchRules(b, ins)
}

// readParses reads a file of dipgraph parse's lines, by article id.
func readParses(tb testing.TB, path string) map[string]*parse.Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	out := map[string]*parse.Document{}
	for sc.Scan() {
		var line struct {
			ID string `json:"id"`
			parse.Document
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out[line.ID] = &line.Document
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// benchRules extracts ins once an iteration and reports the median
// iteration's rate as median-MB/s, beside the mean rate Go prints.
func benchRules(b *testing.B, ins []extract.Input) {
	size := 0
	for _, in := range ins {
		size += len(in.Text)
	}
	extract.Extract(ins[0]) // load the tables outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var rates []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		for _, in := range ins {
			if _, err := extract.Extract(in); err != nil {
				b.Fatal(err)
			}
		}
		rates = append(rates, float64(size)/1e6/time.Since(start).Seconds())
	}
	slices.Sort(rates)
	b.ReportMetric(rates[len(rates)/2], "median-MB/s")
	b.ReportMetric(float64(len(ins)), "articles")
}
