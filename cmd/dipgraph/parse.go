package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
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
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph parse [-all] [-indent] FILE|DIR|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
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
	bad := 0
	err := readItems(fs.Arg(0), stdin, func(it item) error {
		err := it.err
		var doc *parse.Document
		if err == nil {
			var spans []extract.Span
			if spans, err = sentences(it.in); err == nil {
				doc, err = client.Parse(ctx, it.in.Text, pairs(spans))
			}
		}
		if err != nil && fatal(err) {
			return err
		}
		if err != nil {
			bad++
			fmt.Fprintf(stderr, "%s: skipped: %v\n", it.where, err)
			return nil
		}
		return enc.Encode(parsed{ID: extract.ArticleID(it.in), Document: doc})
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d article(s) skipped", bad)
	}
	return nil
}
