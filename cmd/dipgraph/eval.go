package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEval scores the extractor on a suite of coded sentences.
func cmdEval(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	extractor := parseFlag(fs, cfg)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph eval [-parse=false] events FILE   (a suite like shared/eval/events-dev.jsonl)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch fs.Arg(0) {
	case "actors":
		return cmdEvalActors(fs.Args()[1:], stdout, stderr)
	}
	if fs.NArg() != 2 || fs.Arg(0) != "events" {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(fs.Arg(1))
	if err != nil {
		return err
	}
	defer f.Close()
	cases, err := expect.ReadCases(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(1), err)
	}
	ex := extractor()
	var stop error // no parser, or cancelled: the scores would mean nothing
	rep := expect.ScoreSuite(cases, func(c expect.Case) ([]extract.Record, error) {
		if stop != nil {
			return nil, stop
		}
		res, err := ex.Extract(ctx, c.Input())
		if err != nil {
			if fatal(err) {
				stop = err
			}
			return nil, err
		}
		return extract.Records(res), nil
	})
	if stop != nil {
		return stop
	}
	rep.Write(stdout)
	return nil
}
