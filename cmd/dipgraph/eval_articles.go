package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEvalArticles scores the extractor on whole annotated articles and
// prints what `score.py articles` prints for them:
// dipgraph eval articles [--json] FILE.
func cmdEvalArticles(extractArticle func(extract.Input) (extract.Result, error), args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval articles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the figures as one JSON object, as score.py --json does")
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(files[0])
	if err != nil {
		return err
	}
	defer f.Close()
	cases, err := expect.ReadArticleCases(f)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	// what `dipgraph extract` and `extract -format events` print for the
	// file score.py writes: each article read as a JSONL line, in order
	var graphs []extract.Result
	var records []extract.Record
	for i, a := range cases {
		in, err := decodeArticle(a.InputJSON())
		var res extract.Result
		if err == nil {
			res, err = extractArticle(in)
		}
		if err != nil {
			return fmt.Errorf("%s: article %d (%s): %w", files[0], i+1, a.ID, err)
		}
		graphs = append(graphs, res)
		records = append(records, extract.Records(res)...)
	}
	scores := expect.ScoreArticles(cases, graphs, records)
	if *asJSON {
		return writeJSON(stdout, scores)
	}
	scores.Write(stdout)
	return nil
}
