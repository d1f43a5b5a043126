package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// item is one article read from the input, or the reason it could not be read.
type item struct {
	where string // file and line, for messages
	in    extract.Input
	err   error
}

// jsonArticle is a JSONL record: {"id","title","text","published","source","url"}.
// published may be a string (ISO 8601 or YYYYMMDD) or a number (YYYYMMDD).
type jsonArticle struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
	Source    string          `json:"source"`
	URL       *string         `json:"url"`
}

// readItems reads FILE, DIR or - (stdin) and calls fn for each article.
// A file is JSONL when its name ends in .jsonl or .jsonl.gz or its first
// character is '{'; otherwise it is one raw article. A directory is read
// file by file in name order (*.txt, *.jsonl, *.jsonl.gz).
func readItems(path string, stdin io.Reader, fn func(item) error) error {
	if path == "-" {
		return readStream("stdin", stdin, false, fn)
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return readFile(path, fn)
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".jsonl.gz")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := readFile(f, fn); err != nil {
			return err
		}
	}
	return nil
}

func readFile(path string, fn func(item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	return readStream(path, r, strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".jsonl.gz"), fn)
}

func readStream(name string, r io.Reader, jsonl bool, fn func(item) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	if !jsonl {
		head, _ := br.Peek(64)
		jsonl = bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{"))
	}
	if !jsonl {
		b, err := io.ReadAll(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return fn(item{where: name, in: extract.Input{Text: string(b)}})
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		in, err := decodeArticle(line)
		if err := fn(item{where: where, in: in, err: err}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func decodeArticle(line []byte) (extract.Input, error) {
	var a jsonArticle
	if err := json.Unmarshal(line, &a); err != nil {
		return extract.Input{}, fmt.Errorf("bad JSON: %w", err)
	}
	in := extract.Input{ID: a.ID, Title: a.Title, Text: a.Text, Source: a.Source}
	if a.URL != nil {
		in.URL = *a.URL
	}
	pub := a.Published
	if len(pub) == 0 || string(pub) == "null" {
		pub = a.Date
	}
	if len(pub) > 0 && string(pub) != "null" {
		var s string
		if err := json.Unmarshal(pub, &s); err != nil {
			s = strings.TrimSpace(string(pub)) // a number: 20080101
		}
		in.Published = s
	}
	if strings.TrimSpace(in.Text) == "" {
		return in, fmt.Errorf("article %q has no text", a.ID)
	}
	return in, nil
}
