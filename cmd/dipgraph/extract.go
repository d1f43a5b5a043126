package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/dipgraph/dipgraph/extract"
)

// cmdExtract prints one JSON document per article, without any database.
func cmdExtract(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	extractor := parseFlag(fs, cfg)
	workers := workersFlag(fs, cfg)
	format := fs.String("format", "graph", "output: graph (one node-link document per article) or events (one CAMEO record per coded dyad)")
	if err := parsePaths(fs, args, stderr, "usage: dipgraph extract [-format graph|events] [-parse=false] [-workers N] FILE|DIR|GLOB|- ..."); err != nil {
		return err
	}
	if *format != "graph" && *format != "events" {
		return fmt.Errorf("unknown format %q (want graph or events)", *format)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	ex := extractor()
	return eachArticle(ctx, workers(ex), fs.Args(), stdin, stderr, func(ctx context.Context, in extract.Input) (extract.Result, error) {
		return ex.Extract(ctx, in)
	}, func(res extract.Result) error {
		if *format == "events" {
			for _, rec := range extract.Records(res) {
				if err := enc.Encode(rec); err != nil {
					return err
				}
			}
			return nil
		}
		return enc.Encode(res)
	})
}
