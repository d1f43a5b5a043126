package main

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/corenlp"
	"github.com/dipgraph/dipgraph/extract/parse"
)

// speedArticles is how many articles of the dev corpus BenchmarkEndToEnd
// reads (its first ones), speedRounds how many times it reads them each
// way.
const (
	speedArticles = 200
	speedRounds   = 3
)

// BenchmarkEndToEnd measures dipgraph extract as it runs: the articles of
// the dev corpus parsed by the CoreNLP servers of DIPGRAPH_CORENLP_URL
// with a cold cache (a new client, no disk cache), then extracted, on as
// many workers as the parser annotates at once (CORENLP_THREADS times the
// servers), as cmdExtract does. Each round reads the articles twice:
// parsing only the sentences extract.Sentences picks, and parsing every
// body sentence (the baseline); the two take turns going first. It
// reports the median round of each (articles/s, and for the picked
// sentences the article text read a second, e2e-MB/s), their ratio, the
// kB of sentences each way sends, and the rules alone on the parses made
// in the last round (the median of 5 passes, rules-MB/s). Run it with
// -benchtime 1x (make bench).
func BenchmarkEndToEnd(b *testing.B) {
	cfg := configFromEnv(os.Getenv)
	cfg.parseCache = "" // cold: nothing read from disk
	hc := &http.Client{Timeout: 3 * time.Second}
	resp, err := hc.Get(strings.TrimRight(cfg.corenlpURLs[0], "/") + "/ping")
	if err != nil {
		b.Skipf("no CoreNLP at %s (make corenlp): %v", cfg.corenlpURLs[0], err)
	}
	resp.Body.Close()
	ins := speedCorpus(b, speedArticles)
	size := 0
	for _, in := range ins {
		size += len(in.Text)
	}
	workers := cfg.parserCapacity()
	ctx := context.Background()
	// pass extracts every article once with a cold parser client, and
	// returns articles/s and the parses it made.
	pass := func(pick func(extract.Input) ([]extract.Span, error)) (float64, map[int]*parse.Document) {
		client := corenlp.New(corenlp.Config{URLs: cfg.corenlpURLs, PerServer: cfg.corenlpThreads, CacheSize: -1})
		var mu sync.Mutex
		docs := map[int]*parse.Document{}
		type job struct {
			i  int
			in extract.Input
		}
		jobs := make([]job, len(ins))
		for i, in := range ins {
			jobs[i] = job{i, in}
		}
		start := time.Now()
		err := inOrder(ctx, workers, each(jobs), func(ctx context.Context, j job) (extract.Result, error) {
			doc, err := parseArticle(ctx, client, j.in, pick)
			if err != nil {
				return extract.Result{}, err
			}
			mu.Lock()
			docs[j.i] = doc
			mu.Unlock()
			in := j.in
			in.Parse = doc
			return extract.Extract(in)
		}, func(_ job, _ extract.Result, err error) error {
			if err != nil && fatal(err) {
				return err
			}
			return nil // an unusable article is skipped, as extract does
		})
		if err != nil {
			b.Fatal(err)
		}
		return float64(len(ins)) / time.Since(start).Seconds(), docs
	}
	// warm the server's JIT and load the tables
	warm := parsingExtractor{client: corenlp.New(corenlp.Config{URLs: cfg.corenlpURLs, CacheSize: -1}), pick: extract.BodySentences}
	for _, in := range ins[:10] {
		warm.Extract(ctx, in)
	}
	b.ResetTimer()
	for range b.N {
		var picked, all []float64
		var docs, allDocs map[int]*parse.Document
		for r := range speedRounds {
			if r%2 == 1 {
				rate, d := pass(extract.BodySentences)
				all, allDocs = append(all, rate), d
			}
			rate, d := pass(extract.Sentences)
			picked, docs = append(picked, rate), d
			if r%2 == 0 {
				rate, d := pass(extract.BodySentences)
				all, allDocs = append(all, rate), d
			}
		}
		p, a := median(picked), median(all)
		b.ReportMetric(p, "articles/s")
		b.ReportMetric(p*float64(size)/float64(len(ins))/1e6, "e2e-MB/s")
		b.ReportMetric(a, "every-sentence-articles/s")
		b.ReportMetric(p/a, "ratio")
		b.ReportMetric(float64(workers), "workers")
		b.ReportMetric(sentKB(docs), "parsed-kB")
		b.ReportMetric(sentKB(allDocs), "every-sentence-kB")
		b.ReportMetric(rulesRate(b, ins, docs), "rules-MB/s")
	}
}

// rulesRate returns the median of 5 passes of the rules alone over ins
// with the parses of docs (by index), in MB/s.
func rulesRate(b *testing.B, ins []extract.Input, docs map[int]*parse.Document) float64 {
	parsed := make([]extract.Input, 0, len(ins))
	size := 0
	for i, in := range ins {
		if docs[i] != nil {
			in.Parse = docs[i]
			parsed = append(parsed, in)
			size += len(in.Text)
		}
	}
	var rates []float64
	for range 5 {
		start := time.Now()
		for _, in := range parsed {
			extract.Extract(in)
		}
		rates = append(rates, float64(size)/1e6/time.Since(start).Seconds())
	}
	return median(rates)
}

// sentKB returns how many kB of sentences docs hold.
func sentKB(docs map[int]*parse.Document) float64 {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			n += s.End - s.Start
		}
	}
	return float64(n) / 1e3
}

// speedCorpus returns the first n articles of dev.jsonl in
// $DIPGRAPH_CORPUS (default ../../../shared/corpus), read as dipgraph
// extract reads them.
func speedCorpus(b *testing.B, n int) []extract.Input {
	b.Helper()
	dir := os.Getenv("DIPGRAPH_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	f, err := os.Open(filepath.Join(dir, "dev.jsonl"))
	if err != nil {
		b.Skipf("corpus not found at %s (set DIPGRAPH_CORPUS to the folder holding dev.jsonl): %v", dir, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []extract.Input
	for sc.Scan() && len(out) < n {
		in, err := decodeArticle(sc.Bytes())
		if err != nil {
			continue // skipped, as extract skips it
		}
		out = append(out, in)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}
