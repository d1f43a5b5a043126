package main

import (
	"flag"
	"fmt"
	"io"

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
	cases, _, err := readSuite(fs, args, expect.ReadActorCases)
	if err != nil {
		return err
	}
	rep := expect.ScoreActors(cases, func(c expect.ActorCase) extract.ActorCode {
		return extract.ResolveActor(c.Text, c.Context, c.Date)
	})
	rep.Write(stdout, *verbose)
	return nil
}
