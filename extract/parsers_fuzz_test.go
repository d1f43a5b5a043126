package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets of the article's parsers: the header and dateline
// (parseArticle, headerTime), the publication time (parsePublished) and
// the date resolver (findDates). make fuzz runs each for a while; what a
// fuzzer finds stays in testdata/fuzz/<target> as a regression case.

// fuzzArticles seeds f with the fixture articles, each with extra.
func fuzzArticles(f *testing.F, extra ...any) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if len(files) == 0 {
		f.Fatal("no seed articles in ../testdata/articles")
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(append([]any{string(b)}, extra...)...)
	}
}

// FuzzHeader: the header of any text parses without panic into spans
// that lie inside the text, in order, on rune boundaries, and a
// publication time that parsePublished reads back.
func FuzzHeader(f *testing.F) {
	fuzzArticles(f, "")
	f.Add("Politics 16 November 2017 11:54 (UTC +04:00)\n\nBAKU, Azerbaijan, Nov. 16\n\nBy Jane Doe - Trend:\n\nText.", "")
	f.Add("MOSCOW, July 1 (Xinhua) -- The two leaders met.", "Title")
	f.Add("Politics 32 November 2017 25:61 (UTC +99:99)\nx", "")
	f.Add("Tags:\n\n\n", "")
	f.Fuzz(func(t *testing.T, text, title string) {
		h := parseArticle(text, Input{Title: title})
		prev := 0
		for _, p := range h.paragraphs {
			if p.Start < prev || p.End < p.Start || p.End > len(text) {
				t.Fatalf("paragraph %v out of order or outside %d bytes (previous ends at %d)", p, len(text), prev)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(text[p.Start:p.End])) {
				t.Fatalf("paragraph %v cuts a rune", p)
			}
			prev = p.End
		}
		if h.body.Start < 0 || h.body.End > len(text) || h.body.End < h.body.Start {
			t.Fatalf("body %v outside %d bytes", h.body, len(text))
		}
		if h.published != "" {
			if _, _, ok := parsePublished(h.published); !ok {
				t.Fatalf("header time %q does not parse back", h.published)
			}
		}
	})
}

// FuzzPublished: a publication time parses or not, never panics, and a
// parsed one is a real calendar date that formats back to its input's
// date.
func FuzzPublished(f *testing.F) {
	for _, s := range []string{"2017-11-16", "20171116", "2017-11-16T11:54:00+04:00", "2017-11-32", "20171131",
		"2017-02-29", "0000-00-00", " 2017-11-16 ", "2017-11-16 11:54:00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, _, ok := parsePublished(s)
		if !ok {
			return
		}
		d := strings.TrimSpace(s)
		if len(d) >= 10 && d[4] == '-' && tm.Format("2006-01-02") != d[:10] {
			t.Fatalf("parsePublished(%q) = %v: not the date it was given", s, tm)
		}
	})
}

// FuzzDates: the date resolver finds dates in any sentence without
// panic; each lies inside the sentence, is a real calendar date at its
// precision (no "November 31" rolled over into December), and a range
// ends no earlier than it begins.
func FuzzDates(f *testing.F) {
	fuzzArticles(f, int64(1510790400))
	for _, s := range []string{"on Nov. 20", "November 20-21, 2017", "32 November", "November 30-31",
		"February 29", "since 1988", "the 25th anniversary", "next month", "on Monday", "2017-13-45",
		"late December", "31 June 2019", "Feb. 29-30, 2016"} {
		f.Add(s, int64(1510790400))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		ref := time.Unix(unix%(200*365*86400), 0).UTC()
		for _, future := range []bool{false, true} {
			for _, d := range findDates(s, 0, ref, true, future) {
				if d.Start < 0 || d.End > len(s) || d.End < d.Start {
					t.Fatalf("%q: span %v outside %d bytes", s, d.Span, len(s))
				}
				start := checkDate(t, s, d.date, d.precision)
				if d.end != "" {
					if end := checkDate(t, s, d.end, d.precision); end.Before(start) {
						t.Fatalf("%q: range %s..%s ends before it begins", s, d.date, d.end)
					}
					// A range of days names one month ("November 20-21").
					if d.precision == PrecisionDay && d.end[:7] != d.date[:7] {
						t.Fatalf("%q: range %s..%s leaves its month", s, d.date, d.end)
					}
				}
			}
		}
	})
}

// checkDate fails unless v is a date of precision p that formats back to
// itself, and returns it.
func checkDate(t *testing.T, s, v, p string) time.Time {
	t.Helper()
	layout := map[string]string{PrecisionDay: "2006-01-02", PrecisionMonth: "2006-01", PrecisionYear: "2006"}[p]
	if layout == "" {
		layout = "2006-01-02"
		if len(v) == 7 {
			layout = "2006-01"
		} else if len(v) == 4 {
			layout = "2006"
		}
	}
	tm, err := time.Parse(layout, v)
	if err != nil || tm.Format(layout) != v {
		t.Fatalf("%q: date %q (%s) is not a calendar date: %v", s, v, p, err)
	}
	return tm
}
