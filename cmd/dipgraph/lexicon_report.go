package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/dipgraph/dipgraph/extract"
)

// cmdLexiconReport runs the extractor over a corpus and prints how often
// each row of the event lexicons (extract/gazetteer/triggers.tsv and
// verbs.tsv) made an event, then the rows that made none.
func cmdLexiconReport(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lexicon-report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	extractor := parseFlag(fs, cfg)
	workers := workersFlag(fs, cfg)
	if err := parsePaths(fs, args, stderr, "usage: dipgraph lexicon-report [-parse=false] [-workers N] FILE|DIR|GLOB|- ..."); err != nil {
		return err
	}
	rows := extract.LexiconRows()
	counts := make([]int, len(rows))
	articles, events := 0, 0
	unexplained := map[string]int{} // trigger words and code -> events
	ex := extractor()
	err := eachArticle(ctx, workers(ex), fs.Args(), stdin, stderr, func(ctx context.Context, in extract.Input) ([]extract.LexiconFire, error) {
		res, err := ex.Extract(ctx, in)
		if err != nil {
			return nil, err
		}
		return extract.LexiconFires(res), nil
	}, func(fired []extract.LexiconFire) error {
		articles++
		for _, f := range fired {
			events++
			if f.Row < 0 {
				unexplained[f.Trigger+"\t"+f.Code]++
				continue
			}
			counts[f.Row]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeLexiconReport(stdout, rows, counts, articles, events, unexplained)
}

// writeLexiconReport prints a count per row in file order, then the rows
// that never fired (stop phrases apart: they make no event by design),
// then the trigger words of the events no row explains (the parse-coded
// CAMEO dictionary of extract/verbs, speech verbs, rules in code), most
// frequent first.
func writeLexiconReport(w io.Writer, rows []extract.LexiconRow, counts []int, articles, events int, unexplained map[string]int) error {
	other := 0
	for _, n := range unexplained {
		other += n
	}
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0)
	fmt.Fprintf(tw, "# %d articles, %d events; %d events no row explains\n", articles, events, other)
	fmt.Fprintln(tw, "# events\trow\tpattern\tcode\tframe")
	var never []int
	stops := 0
	for i, r := range rows {
		fmt.Fprintf(tw, "%d\t%s:%d\t%s\t%s\t%s\n", counts[i], r.File, r.Line, r.Pattern, r.Code, r.Frame)
		switch {
		case r.Code == "-":
			stops++
		case counts[i] == 0:
			never = append(never, i)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n# never fired: %d of %d rows (%d stop phrases not counted: they make no event)\n", len(never), len(rows)-stops, stops)
	for _, i := range never {
		r := rows[i]
		fmt.Fprintf(w, "%s:%d\t%s\t%s\t%s\n", r.File, r.Line, r.Pattern, r.Code, r.Frame)
	}
	keys := make([]string, 0, len(unexplained))
	for k := range unexplained {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(unexplained[b], unexplained[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	fmt.Fprintf(w, "\n# events no row explains, by trigger words and code: %d events, %d kinds\n", other, len(keys))
	for _, k := range keys {
		fmt.Fprintf(w, "%d\t%s\n", unexplained[k], k)
	}
	return nil
}
