package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

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

// readInputs reads each of paths as readItems does, in order; a path
// with a glob pattern (*, ? or [) stands for the files it matches, in
// name order, and matching none is an error.
func readInputs(paths []string, stdin io.Reader, fn func(item) error) error {
	return expand(paths, func(p string) error { return readItems(p, stdin, fn) })
}

// expand calls fn with each path of paths, a glob pattern replaced by
// the files it matches.
func expand(paths []string, fn func(string) error) error {
	for _, p := range paths {
		if p == "-" || !strings.ContainsAny(p, "*?[") {
			if err := fn(p); err != nil {
				return err
			}
			continue
		}
		if _, err := os.Stat(p); err == nil {
			if err := fn(p); err != nil { // a file named with a pattern's characters
				return err
			}
			continue
		}
		matches, err := filepath.Glob(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if len(matches) == 0 {
			return fmt.Errorf("%s: no file matches", p)
		}
		for _, m := range matches {
			if err := fn(m); err != nil {
				return err
			}
		}
	}
	return nil
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

// The largest article read: real news is well under a megabyte; a page
// many times larger is a scraping accident that would tie up the parser.
// A JSONL line may be larger by its escapes.
const (
	maxArticleBytes = 4 << 20
	maxLineBytes    = 3 * maxArticleBytes
)

func readStream(name string, r io.Reader, jsonl bool, fn func(item) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	if !jsonl {
		head, _ := br.Peek(64)
		jsonl = bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{"))
	}
	if !jsonl {
		b, err := io.ReadAll(io.LimitReader(br, maxArticleBytes+1))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		it := item{where: name, in: extract.Input{Text: string(b)}}
		if len(b) > maxArticleBytes {
			it.err = fmt.Errorf("more than %d MB: not read (the limit of an article)", maxArticleBytes>>20)
		} else {
			it.err = checkText(b)
		}
		return fn(it)
	}
	return eachLine(br, maxLineBytes, func(n int, line []byte, tooLong bool) error {
		line = bytes.TrimSpace(line)
		if len(line) == 0 && !tooLong {
			return nil
		}
		it := item{where: fmt.Sprintf("%s:%d", name, n)}
		if tooLong {
			it.err = fmt.Errorf("line of more than %d MB: not read", maxLineBytes>>20)
		} else {
			it.in, it.err = decodeArticle(line)
		}
		return fn(it)
	})
}

// eachLine calls fn with each line of br and its number from 1, without
// the newline; a line longer than max is not kept: fn gets it empty with
// tooLong, and the next line is read as usual.
func eachLine(br *bufio.Reader, max int, fn func(n int, line []byte, tooLong bool) error) error {
	var buf []byte
	n, tooLong := 0, false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(buf) > 0 || tooLong || err == nil {
			n++
			if ferr := fn(n, bytes.TrimSuffix(buf, []byte("\n")), tooLong); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		buf, tooLong = buf[:0], false
	}
}

// checkText says why b is no article text: binary data, not UTF-8, or an
// HTML page; nil when it is plain text.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("binary data, not text (a NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("not UTF-8 text (an invalid byte at offset %d)", invalidUTF8(b))
	}
	head := bytes.ToLower(bytes.TrimLeft(b[:min(len(b), 512)], " \t\r\n\ufeff"))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return errors.New("an HTML page, not the article's text (save the text, not the page)")
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte of b that is not
// UTF-8.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// decodeArticle reads one JSONL line. Its errors name what is wrong: the
// byte of bad JSON, the field of a wrong type, a date that is none, text
// that is not text.
func decodeArticle(line []byte) (extract.Input, error) {
	if !utf8.Valid(line) {
		return extract.Input{}, fmt.Errorf("not UTF-8 (an invalid byte at offset %d of the line)", invalidUTF8(line))
	}
	var a jsonArticle
	if err := json.Unmarshal(line, &a); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return extract.Input{}, fmt.Errorf("bad JSON at byte %d: %v", syn.Offset, err)
		case errors.As(err, &typ) && typ.Field != "":
			return extract.Input{}, fmt.Errorf("field %s: want a %s, got a JSON %s", typ.Field, typ.Type, typ.Value)
		case errors.As(err, &typ):
			return extract.Input{}, fmt.Errorf("want a JSON object of an article, got a JSON %s", typ.Value)
		}
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
		if !extract.ValidPublished(s) {
			return in, fmt.Errorf("field published: %q is not a date (want ISO 8601 or YYYYMMDD)", s)
		}
	}
	if strings.TrimSpace(in.Text) == "" {
		return in, fmt.Errorf("article %q has no text", a.ID)
	}
	if len(in.Text) > maxArticleBytes {
		return in, fmt.Errorf("field text: article %q has more than %d MB (the limit of an article)", a.ID, maxArticleBytes>>20)
	}
	if err := checkText([]byte(in.Text)); err != nil {
		return in, fmt.Errorf("field text: %w", err)
	}
	return in, nil
}

// parsePaths sets fs's usage line, parses args and asks for at least one
// input (FILE, DIR, GLOB or -): the shape of the commands that read
// articles.
func parsePaths(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) error {
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	return nil
}
