package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/parse"
)

// parsed is one line of dipgraph parse: an article's id and its parse.
type parsed struct {
	ID string `json:"id"`
	*parse.Document
}

// cmdParse prints the CoreNLP parse of the sentences of each article that
// the extractor would read (every body sentence with -all), one JSON
// document per article. make parses records testdata/parses with it.
func cmdParse(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	all := fs.Bool("all", false, "parse every body sentence, not only those extract.Sentences picks")
	indent := fs.Bool("indent", false, "indent the JSON (one document over several lines)")
	if err := parsePaths(fs, args, stderr, "usage: dipgraph parse [-all] [-indent] FILE|DIR|GLOB|- ..."); err != nil {
		return err
	}
	client := newParser(cfg)
	sentences := extract.Sentences
	if *all {
		sentences = extract.BodySentences
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *indent {
		enc.SetIndent("", "  ")
	}
	return eachArticle(ctx, cfg.parserCapacity(), fs.Args(), stdin, stderr, func(ctx context.Context, in extract.Input) (parsed, error) {
		doc, err := parseArticle(ctx, client, in, sentences)
		return parsed{ID: extract.ArticleID(in), Document: doc}, err
	}, func(p parsed) error { return enc.Encode(p) })
}
