package corenlp_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// benchArticles is how many articles of the dev corpus the benchmark reads.
const benchArticles = 200

// readCorpus returns the first n articles of dev.jsonl in $DIPGRAPH_CORPUS
// (default ../../../shared/corpus), read where it is.
func readCorpus(b *testing.B, n int) []extract.Input {
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
		var in extract.Input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			b.Fatal(err)
		}
		out = append(out, in)
	}
	return out
}

// BenchmarkCorpus parses the first 200 articles of the dev corpus end to
// end, one article after another as dipgraph ingest reads them, with no
// cache: (a) every body sentence, (b) only those extract.Sentences picks.
// It reports articles/s of both (sentence splitting and parsing), their
// ratio and the sentences and bytes sent. Run it with -benchtime 1x (make
// bench-parse).
func BenchmarkCorpus(b *testing.B) {
	url := serverURL(b)
	ins := readCorpus(b, benchArticles)
	c := corenlp.New(corenlp.Config{URLs: []string{url}, CacheSize: -1})
	// one parses an article's sentences as picked by sentences.
	one := func(sentences func(extract.Input) ([]extract.Span, error), in extract.Input) (d time.Duration, n, size int) {
		start := time.Now()
		spans, err := sentences(in)
		if err != nil {
			return 0, 0, 0 // unusable text: the extractor would refuse it too
		}
		ps := make([][2]int, len(spans))
		for i, s := range spans {
			ps[i] = [2]int{s.Start, s.End}
			size += s.End - s.Start
		}
		doc, err := c.Parse(context.Background(), in.Text, ps)
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(start), len(doc.Sentences), size
	}
	for _, in := range ins[:20] { // warm the server's JIT
		one(extract.BodySentences, in)
	}
	b.ResetTimer()
	for range b.N {
		// The two ways alternate article by article, so that the server
		// warming up or a load on the machine weighs on both alike, and
		// take turns going first: the server parses words it has just
		// seen faster (about 1.5x), which would favour the second.
		var allTime, worthTime time.Duration
		var allN, worthN, allSize, worthSize int
		for i, in := range ins {
			if i%2 == 1 {
				d, n, size := one(extract.Sentences, in)
				worthTime, worthN, worthSize = worthTime+d, worthN+n, worthSize+size
			}
			d, n, size := one(extract.BodySentences, in)
			allTime, allN, allSize = allTime+d, allN+n, allSize+size
			if i%2 == 0 {
				d, n, size := one(extract.Sentences, in)
				worthTime, worthN, worthSize = worthTime+d, worthN+n, worthSize+size
			}
		}
		all := float64(len(ins)) / allTime.Seconds()
		worth := float64(len(ins)) / worthTime.Seconds()
		b.ReportMetric(all, "all-articles/s")
		b.ReportMetric(worth, "picked-articles/s")
		b.ReportMetric(worth/all, "speedup")
		b.ReportMetric(float64(allN), "all-sentences")
		b.ReportMetric(float64(worthN), "picked-sentences")
		b.ReportMetric(float64(allSize)/1e3, "all-kB")
		b.ReportMetric(float64(worthSize)/1e3, "picked-kB")
	}
}
