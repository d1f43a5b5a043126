package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

const evalUsage = `usage:
  dipgraph eval [-parse=false] [-workers N] articles [--json] FILE   whole annotated articles, as score.py articles (shared/eval/articles-dev.jsonl)
  dipgraph eval events [--json] FILE     CAMEO-coded sentences (shared/eval/events-dev.jsonl)
  dipgraph eval actors [-v] FILE         actor resolution (shared/eval/actors-dev.jsonl)
  dipgraph eval coref [-algorithms statistical,dcoref] [-rounds N] [-v] [-judged TSV] FILE
                                         CoreNLP coreference against the extractor's pronouns: cost and chains (articles-dev.jsonl)
`

// cmdEval scores the extractor on an evaluation suite. It reads articles
// as dipgraph extract does (parsed by CoreNLP, or -parse=false for the
// rules alone), so that eval scores what extract prints.
func cmdEval(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	extractor := parseFlag(fs, cfg)
	workers := workersFlag(fs, cfg)
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	if err := fs.Parse(args); err != nil {
		return err
	}
	ex := extractor()
	x := evalExtractor{ctx: ctx, workers: workers(ex), extract: ex.Extract}
	switch fs.Arg(0) {
	case "articles":
		return cmdEvalArticles(x, fs.Args()[1:], stdout, stderr)
	case "events":
		return cmdEvalEvents(x, fs.Args()[1:], stdout, stderr)
	case "actors":
		return cmdEvalActors(fs.Args()[1:], stdout, stderr)
	case "coref":
		return cmdEvalCoref(ctx, cfg, x, fs.Args()[1:], stdout, stderr)
	}
	fs.Usage()
	return errUsage
}

// evalExtractor extracts the articles of a suite, several at once.
type evalExtractor struct {
	ctx     context.Context
	workers int
	extract func(context.Context, extract.Input) (extract.Result, error)
}

// all extracts each of ins on x.workers goroutines and hands the results
// to done in the order of ins; an error of done ends the run.
func (x evalExtractor) all(ins []extract.Input, done func(int, extract.Result, error) error) error {
	type indexed struct {
		i  int
		in extract.Input
	}
	feed := make([]indexed, len(ins))
	for i, in := range ins {
		feed[i] = indexed{i, in}
	}
	return inOrder(x.ctx, x.workers, each(feed), func(ctx context.Context, v indexed) (extract.Result, error) {
		return x.extract(ctx, v.in)
	}, func(v indexed, res extract.Result, err error) error {
		return done(v.i, res, err)
	})
}

// cmdEvalEvents scores the extractor on CAMEO-coded sentences: the
// development report, then the figures of score.py events (every record
// counts); with --json, only the latter, as score.py --json prints them.
func cmdEvalEvents(x evalExtractor, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the figures of score.py events as one JSON object")
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	cases, _, err := readSuite(fs, args, expect.ReadCases)
	if err != nil {
		return err
	}
	type outcome struct {
		recs []extract.Record
		err  error
	}
	seen := map[extract.Input]outcome{}
	var ins []extract.Input
	for _, c := range cases {
		in := c.Input()
		if _, ok := seen[in]; !ok {
			seen[in] = outcome{}
			ins = append(ins, in)
		}
	}
	var all []extract.Record
	err = x.all(ins, func(i int, res extract.Result, err error) error {
		if err != nil && fatal(err) {
			return err // no parser, or cancelled: the scores would mean nothing
		}
		var recs []extract.Record
		if err == nil {
			recs = extract.Records(res)
		}
		seen[ins[i]] = outcome{recs, err}
		all = append(all, recs...)
		return nil
	})
	if err != nil {
		return err
	}
	if *asJSON {
		for _, c := range cases {
			if err := seen[c.Input()].err; err != nil {
				return fmt.Errorf("case %s: %w", c.ID, err)
			}
		}
		return writeJSON(stdout, expect.ScoreEvents(cases, all))
	}
	rep := expect.ScoreSuite(cases, func(c expect.Case) ([]extract.Record, error) {
		o := seen[c.Input()]
		return o.recs, o.err
	})
	rep.Write(stdout)
	fmt.Fprintln(stdout, "\nheld-out conventions (score.py events: every record counts, all cases):")
	expect.ScoreEvents(cases, all).Write(stdout)
	return nil
}

// readSuite parses fs over args, flags before or after the one FILE, and
// reads FILE with read; errors name the file.
func readSuite[T any](fs *flag.FlagSet, args []string, read func(io.Reader) ([]T, error)) ([]T, string, error) {
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, "", err
	}
	if len(files) != 1 {
		fs.Usage()
		return nil, "", errUsage
	}
	f, err := os.Open(files[0])
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	cases, err := read(f)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", files[0], err)
	}
	return cases, files[0], nil
}

// parseInterspersed parses the flags wherever they stand among the
// arguments ("FILE --json" as well as "--json FILE") and returns the others.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// writeJSON prints v as one line of JSON.
func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode figures: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
