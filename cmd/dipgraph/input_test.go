package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// read returns what readItems makes of the file name holding data: for
// each item, "WHERE ok" or "WHERE: ERROR".
func read(t *testing.T, name string, data []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := readItems(path, nil, func(it item) error {
		where := strings.TrimPrefix(it.where, filepath.Dir(path)+"/")
		if it.err != nil {
			got = append(got, where+": "+it.err.Error())
		} else {
			got = append(got, where+" ok")
		}
		return nil
	})
	if err != nil {
		t.Fatalf("readItems(%s) = %v; a bad article must not end the batch", name, err)
	}
	return got
}

const goodLine = `{"id":"a","title":"T","text":"Lavrov met Blinken in Geneva.","published":"2021-01-21"}`

// TestReadBadInput: each kind of bad input gets an error that names the
// file (and line) and says what is wrong, and the articles around it are
// read.
func TestReadBadInput(t *testing.T) {
	huge := strings.Repeat("Lavrov met Blinken in Geneva. ", 20<<20/30) // 20 MB
	big := huge[:6<<20]
	for _, tc := range []struct {
		name string
		data []byte
		want []string
	}{
		{"empty.txt", nil, []string{"empty.txt ok"}}, // extract says ErrEmpty
		{"binary.txt", []byte("PK\x03\x04\x00\x00binary"), []string{"binary.txt: binary data, not text (a NUL byte at offset 4)"}},
		{"latin1.txt", []byte("Moscou, le 3 f\xe9vrier"), []string{"latin1.txt: not UTF-8 text (an invalid byte at offset 14)"}},
		{"page.txt", []byte("\n<!DOCTYPE html>\n<html><body>Lavrov</body></html>"), []string{"page.txt: an HTML page, not the article's text (save the text, not the page)"}},
		{"huge.txt", []byte(huge), []string{"huge.txt: more than 4 MB: not read (the limit of an article)"}},
		{"batch.jsonl", []byte(strings.Join([]string{
			goodLine,
			`{"id":"b","text":"x",`,
			`{"id":"c","text":"Putin met Xi.","published":"32 November 2017"}`,
			`{"id":"d","text":"Putin met Xi.","published":"2017-11-31"}`,
			`{"id":"e","text":42}`,
			`["not","an","article"]`,
			"{\"id\":\"f\",\"text\":\"caf\xe9\"}",
			`{"id":"g","text":"<html><body>page</body></html>"}`,
			`{"id":"h","text":"` + big + `"}`,
			``,
			`{"id":"i","text":"   "}`,
			goodLine,
		}, "\n")), []string{
			"batch.jsonl:1 ok",
			"batch.jsonl:2: bad JSON at byte 21: unexpected end of JSON input",
			`batch.jsonl:3: field published: "32 November 2017" is not a date (want ISO 8601 or YYYYMMDD)`,
			`batch.jsonl:4: field published: "2017-11-31" is not a date (want ISO 8601 or YYYYMMDD)`,
			"batch.jsonl:5: field text: want a string, got a JSON number",
			"batch.jsonl:6: want a JSON object of an article, got a JSON array",
			"batch.jsonl:7: not UTF-8 (an invalid byte at offset 21 of the line)",
			"batch.jsonl:8: field text: an HTML page, not the article's text (save the text, not the page)",
			`batch.jsonl:9: field text: article "h" has more than 4 MB (the limit of an article)`,
			`batch.jsonl:11: article "i" has no text`,
			"batch.jsonl:12 ok",
		}},
		{"long.jsonl", []byte(goodLine + "\n" + `{"id":"x","text":"` + strings.Repeat("a", maxLineBytes) + `"}` + "\n" + goodLine),
			[]string{"long.jsonl:1 ok", "long.jsonl:2: line of more than 12 MB: not read", "long.jsonl:3 ok"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, read(t, tc.name, tc.data)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzReadStream feeds the article reader arbitrary bytes, as JSONL and
// as a raw file: it must not fail the batch or panic; every item names
// the stream and, in JSONL, a line, in increasing order; and an article
// it passes on has plain UTF-8 text within the size limit.
func FuzzReadStream(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/api/*.jsonl")
	files2, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, file := range append(files, files2...) {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 64<<10)])
	}
	f.Add([]byte(goodLine + "\n{\"text\":\n\n" + goodLine))
	f.Add([]byte("{\"text\":\"caf\xe9\",\"published\":20171116}\r\n{}"))
	f.Add([]byte("\ufeff{\"published\":\"2017-02-29\",\"text\":\"x\"}"))
	whereLine := regexp.MustCompile(`^fuzz:(\d+)$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, jsonl := range []bool{true, false} {
			last := 0
			err := readStream("fuzz", bytes.NewReader(data), jsonl, func(it item) error {
				if jsonl || bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("{")) {
					m := whereLine.FindStringSubmatch(it.where)
					if m == nil {
						t.Fatalf("JSONL item at %q names no line", it.where)
					}
					var n int
					fmt.Sscan(m[1], &n)
					if n <= last {
						t.Fatalf("line %d after line %d", n, last)
					}
					last = n
				} else if it.where != "fuzz" {
					t.Fatalf("raw item at %q, want fuzz", it.where)
				}
				if it.err == nil {
					if !utf8.ValidString(it.in.Text) || len(it.in.Text) > maxArticleBytes || checkText([]byte(it.in.Text)) != nil {
						t.Fatalf("%s: passed on text that is not plain UTF-8 within the limit: %q", it.where, it.in.Text)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatalf("readStream(jsonl=%v) = %v", jsonl, err)
			}
		}
	})
}
