package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEval scores the extractor on a suite of coded sentences.
func cmdEval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph eval events FILE   (a suite like shared/eval/events-dev.jsonl)")
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
	rep := expect.ScoreSuite(cases, func(c expect.Case) ([]extract.Record, error) {
		res, err := extract.Extract(c.Input())
		if err != nil {
			return nil, err
		}
		return extract.Records(res), nil
	})
	rep.Write(stdout)
	return nil
}
