package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// graphLine is one line of what extract prints: an article's node-link
// document, or the reason it cannot be read.
type graphLine struct {
	where string // file and line, for messages
	line  []byte
	err   error
}

// readGraphs reads the node-link documents of paths (files, plain or
// gzip, globs, - for stdin), one a line, and calls fn with each.
func readGraphs(paths []string, stdin io.Reader, fn func(graphLine) error) error {
	return expand(paths, func(p string) error {
		if p == "-" {
			return graphLines("stdin", stdin, fn)
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			defer gz.Close()
			r = gz
		}
		return graphLines(p, r, fn)
	})
}

func graphLines(name string, r io.Reader, fn func(graphLine) error) error {
	return eachLine(bufio.NewReaderSize(r, 1<<20), maxLineBytes, func(n int, line []byte, tooLong bool) error {
		line = bytes.TrimSpace(line)
		if len(line) == 0 && !tooLong {
			return nil
		}
		g := graphLine{where: fmt.Sprintf("%s:%d", name, n), line: bytes.Clone(line)} // eachLine reuses its buffer
		if tooLong {
			g.err = fmt.Errorf("line of more than %d MB: not read", maxLineBytes>>20)
		}
		return fn(g)
	})
}

// decodeGraph turns a line of extract's output into the batch ingest
// stores.
func decodeGraph(line []byte) (graph.Batch, error) {
	var res extract.Result
	if err := json.Unmarshal(line, &res); err != nil {
		return graph.Batch{}, fmt.Errorf("not a node-link document: %w", err)
	}
	if res.Article.ID == "" {
		return graph.Batch{}, fmt.Errorf("not a node-link document: no article id")
	}
	return graph.FromExtract(res)
}
