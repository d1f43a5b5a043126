// Command gen converts PETRARCH2's CAMEO verb dictionary
// (extract/gazetteer/petrarch2/CAMEO.2.0.txt) into the tables package
// verbs embeds: cameo_verbs.tsv (verb, family, code, forms),
// cameo_patterns.tsv (family, code, normalised pattern), cameo_synsets.tsv
// (the noun synsets) and cameo_report.txt (the figures and every line not
// carried as written, with the reason).
//
// Usage, from extract/verbs (go generate runs it there):
//
//	go run ./gen          # rewrite the tables
//	go run ./gen -check   # fail if a table is stale
//
// Every code is checked against codebook.txt (the CAMEO 1.1b3 codebook);
// a row whose code is not in it is left out and listed in the report.
// The output depends only on the input files: two runs give identical
// bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	in := fs.String("in", "../gazetteer/petrarch2/CAMEO.2.0.txt", "the PETRARCH2 verb dictionary")
	codes := fs.String("codebook", "gen/codebook.txt", "the CAMEO codes, one a line")
	out := fs.String("out", ".", "directory of the generated tables")
	check := fs.Bool("check", false, "fail if the generated files differ from the ones on disk")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	cb, err := os.ReadFile(*codes)
	if err != nil {
		return err
	}
	files := generate(string(src), readCodebook(string(cb)))
	var stale []string
	for _, name := range sortedKeys(files) {
		path := filepath.Join(*out, name)
		if *check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, files[name]) {
				stale = append(stale, path)
			}
			continue
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("stale, run go generate ./extract/verbs: %s", strings.Join(stale, ", "))
	}
	return nil
}

// readCodebook reads one code a line, "#" comments aside.
func readCodebook(s string) map[string]bool {
	cb := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			cb[l] = true
		}
	}
	return cb
}
