package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEvalArticles scores the extractor on whole annotated articles and
// prints what `score.py articles` prints for them:
// dipgraph eval articles [--json] FILE.
func cmdEvalArticles(x evalExtractor, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval articles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the figures as one JSON object, as score.py --json does")
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	cases, file, err := readSuite(fs, args, expect.ReadArticleCases)
	if err != nil {
		return err
	}
	// what `dipgraph extract` and `extract -format events` print for the
	// file score.py writes: each article read as a JSONL line, in order
	ins := make([]extract.Input, len(cases))
	for i, a := range cases {
		in, err := decodeArticle(a.InputJSON())
		if err != nil {
			return fmt.Errorf("%s: article %d (%s): %w", file, i+1, a.ID, err)
		}
		ins[i] = in
	}
	var graphs []extract.Result
	var records []extract.Record
	err = x.all(ins, func(i int, res extract.Result, err error) error {
		if err != nil {
			return fmt.Errorf("%s: article %d (%s): %w", file, i+1, cases[i].ID, err)
		}
		graphs = append(graphs, res)
		records = append(records, extract.Records(res)...)
		return nil
	})
	if err != nil {
		return err
	}
	scores := expect.ScoreArticles(cases, graphs, records)
	if *asJSON {
		return writeJSON(stdout, scores)
	}
	scores.Write(stdout)
	return nil
}
