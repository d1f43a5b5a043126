package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/dipgraph/dipgraph/graph"
)

// ingester is what ingest needs of a store.
type ingester interface {
	Ingest(context.Context, graph.Batch) (graph.IngestSummary, error)
}

// cmdIngest extracts and stores each article in one transaction of its
// own; a bad article is reported and skipped, the others go on.
func cmdIngest(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quiet := fs.Bool("q", false, "print only the summary line")
	extractor := parseFlag(fs, cfg)
	workers := workersFlag(fs, cfg)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph ingest [-q] [-parse=false] [-workers N] FILE|DIR|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeStore()
	ex := extractor()
	st, err := ingestAll(ctx, store, ex, workers(ex), fs.Arg(0), stdin, stderr, func(it item, sum graph.IngestSummary) {
		if !*quiet {
			state := "unchanged"
			if sum.Changed {
				state = "stored"
			}
			fmt.Fprintf(stdout, "%s\t%s\t%d nodes\t%d edges\t%s\n", it.where, sum.ArticleID, sum.Nodes, sum.Edges, state)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ingested %d article(s): %d changed, %d unchanged, %d failed\n", st.ok, st.changed, st.ok-st.changed, st.failed)
	if st.failed > 0 {
		return fmt.Errorf("%d article(s) failed", st.failed)
	}
	return nil
}

type ingestStats struct{ ok, changed, failed int }

// ingestAll extracts the articles of path on workers goroutines at once
// and stores them one after another, in input order, each in a
// transaction of its own.
func ingestAll(ctx context.Context, store ingester, ex parsingExtractor, workers int, path string, stdin io.Reader, stderr io.Writer, each func(item, graph.IngestSummary)) (ingestStats, error) {
	var st ingestStats
	err := inOrder(ctx, workers, func(yield func(item) error) error {
		return readItems(path, stdin, yield)
	}, func(ctx context.Context, it item) (graph.Batch, error) {
		return batchOf(ctx, ex, it)
	}, func(it item, b graph.Batch, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var sum graph.IngestSummary
		if err == nil {
			sum, err = store.Ingest(ctx, b)
		}
		if err != nil && fatal(err) {
			return err
		}
		if err != nil {
			st.failed++
			fmt.Fprintf(stderr, "%s: %v\n", it.where, err)
			return nil
		}
		st.ok++
		if sum.Changed {
			st.changed++
		}
		each(it, sum)
		return nil
	})
	return st, err
}

// batchOf extracts the graph of one article.
func batchOf(ctx context.Context, ex parsingExtractor, it item) (graph.Batch, error) {
	if it.err != nil {
		return graph.Batch{}, it.err
	}
	res, err := ex.Extract(ctx, it.in)
	if err != nil {
		return graph.Batch{}, err
	}
	return graph.FromExtract(res)
}
