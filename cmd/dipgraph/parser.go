package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/corenlp"
	"github.com/dipgraph/dipgraph/extract/parse"
	"github.com/dipgraph/dipgraph/server"
)

// parsingExtractor runs the extractor on an article after parsing the
// sentences extract.Sentences picks with CoreNLP. With no client it runs
// the rules alone (-parse=false).
type parsingExtractor struct {
	client *corenlp.Client
	// pick chooses the sentences to parse; nil is extract.Sentences, those
	// that may hold an event (the benchmark also tries them all)
	pick func(extract.Input) ([]extract.Span, error)
}

// The server's ingest mutations read articles through it.
var _ server.Extractor = parsingExtractor{}

// Extract parses the article's sentences, then extracts. Its errors are
// extract's (unusable text) or the parser's, wrapped with "parse".
func (p parsingExtractor) Extract(ctx context.Context, in extract.Input) (extract.Result, error) {
	if p.client != nil {
		pick := p.pick
		if pick == nil {
			pick = extract.Sentences
		}
		doc, err := parseArticle(ctx, p.client, in, pick)
		if err != nil {
			return extract.Result{}, err
		}
		in.Parse = doc
	}
	return extract.Extract(in)
}

// parseArticle parses the sentences of in that pick returns. Its errors
// are extract's (unusable text) or the parser's, wrapped with "parse".
func parseArticle(ctx context.Context, c *corenlp.Client, in extract.Input, pick func(extract.Input) ([]extract.Span, error)) (*parse.Document, error) {
	spans, err := pick(in)
	if err != nil {
		return nil, err
	}
	doc, err := c.Parse(ctx, in.Text, pairs(spans))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return doc, nil
}

// eachArticle reads every article of paths (as readInputs does) with read,
// on workers goroutines at once, and hands the results to write in input
// order. An unreadable article, or one read fails on, is reported on
// stderr and skipped; a fatal error (no parser, cancelled) or a failed
// write ends the run. It fails at the end when any article was skipped.
func eachArticle[T any](ctx context.Context, workers int, paths []string, stdin io.Reader, stderr io.Writer,
	read func(context.Context, extract.Input) (T, error), write func(T) error) error {
	bad := 0
	err := inOrder(ctx, workers, func(yield func(item) error) error {
		return readInputs(paths, stdin, yield)
	}, func(ctx context.Context, it item) (T, error) {
		if it.err != nil {
			var zero T
			return zero, it.err
		}
		return read(ctx, it.in)
	}, func(it item, v T, err error) error {
		if err != nil && fatal(err) {
			return err
		}
		if err != nil {
			bad++
			fmt.Fprintf(stderr, "%s: skipped: %v\n", it.where, err)
			return nil
		}
		return write(v)
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d article(s) skipped", bad)
	}
	return nil
}

// pairs turns extract's spans into the parser client's.
func pairs(spans []extract.Span) [][2]int {
	out := make([][2]int, len(spans))
	for i, s := range spans {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

// newParser returns the parser client of cfg: its servers, disk cache
// and the parses it keeps in memory (the client's default when
// cfg.parseMemory is 0).
func newParser(cfg config) *corenlp.Client {
	return corenlp.New(corenlp.Config{URLs: cfg.corenlpURLs, PerServer: cfg.corenlpThreads, CacheDir: cfg.parseCache, CacheSize: cfg.parseMemory})
}

// parseFlag adds -parse to fs; the function it returns gives the
// extractor the flag asks for.
func parseFlag(fs *flag.FlagSet, cfg config) func() parsingExtractor {
	on := fs.Bool("parse", true, "parse sentences with CoreNLP at DIPGRAPH_CORENLP_URL; -parse=false runs the rules only, for debugging")
	return func() parsingExtractor {
		if !*on {
			return parsingExtractor{}
		}
		return parsingExtractor{client: newParser(cfg)}
	}
}

// workersFlag adds -workers to fs; the function it returns gives how
// many articles to read at once with ex: the flag's value, or by default
// the parser's capacity (every thread of every server busy), or the
// machine's CPUs for the rules alone.
func workersFlag(fs *flag.FlagSet, cfg config) func(ex parsingExtractor) int {
	n := fs.Int("workers", 0, "articles read at once (default: the CoreNLP servers times CORENLP_THREADS; with -parse=false, the CPUs)")
	return func(ex parsingExtractor) int {
		if *n > 0 {
			return *n
		}
		if ex.client == nil {
			return runtime.GOMAXPROCS(0)
		}
		return cfg.parserCapacity()
	}
}

// fatal reports whether err ends a batch rather than one article: no
// parser server answers (every article would fail alike) or the run was
// cancelled.
func fatal(err error) bool {
	return errors.Is(err, corenlp.ErrUnavailable) || errors.Is(err, context.Canceled)
}
