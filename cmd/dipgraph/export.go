package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/server/export"
)

// cmdExport writes one selection of the stored graph in one format, to
// stdout or -o FILE, reading it a page at a time (server/export). A file
// is removed when the export fails.
func cmdExport(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: "+strings.Join(export.FormatNames(), ", "))
	outFile := fs.String("o", "", "write to `FILE` instead of stdout")
	q := url.Values{}
	for _, p := range export.FilterParams() {
		if !p.List {
			fs.Func(p.Name, p.Usage, func(v string) error { q.Set(p.Name, v); return nil })
			continue
		}
		fs.Func(p.Name, p.Usage+" (repeat or separate by commas)", func(v string) error {
			q.Add(p.Name, v)
			return nil
		})
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph export [-format F] [filter flags] [-o FILE]")
		fmt.Fprintln(stderr, "formats:")
		for _, f := range export.Formats() {
			fmt.Fprintf(stderr, "  %-12s %s\n", f.Name, f.Description)
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	if _, ok := export.Lookup(*format); !ok {
		return fmt.Errorf("unknown format %q (want one of %s)", *format, strings.Join(export.FormatNames(), ", "))
	}
	filter, err := export.ParseFilter(q)
	if err != nil {
		return err
	}
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeStore()
	w := stdout
	if *outFile != "" {
		f, err := os.Create(*outFile)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	err = export.Write(ctx, w, *format, store, filter, export.Options{Now: time.Now()})
	if *outFile != "" {
		if cerr := w.(*os.File).Close(); err == nil && !errors.Is(cerr, os.ErrClosed) {
			err = cerr
		}
		if err != nil {
			os.Remove(*outFile) // a cut export looks whole in most formats
		}
	}
	return err
}
