package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEvalActors scores the actor resolver on a suite of coded actor phrases:
// dipgraph eval actors [-v] FILE.
func cmdEvalActors(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval actors", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "list every miss")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph eval actors [-v] FILE   (a suite like shared/eval/actors-dev.jsonl)")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	cases, err := expect.ReadActorCases(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	rep := expect.ScoreActors(cases, func(c expect.ActorCase) extract.ActorCode {
		return extract.ResolveActor(c.Text, c.Context, c.Date)
	})
	rep.Write(stdout, *verbose)
	return nil
}
