package corenlp_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract/corenlp"
	"github.com/dipgraph/dipgraph/extract/parse"
)

// TestParseOffsets: every token's byte span slices back to its form in
// the text, whatever the text holds before and within the sentence.
func TestParseOffsets(t *testing.T) {
	url := serverURL(t)
	c := corenlp.New(corenlp.Config{URLs: []string{url}, CacheSize: -1})
	tests := []struct {
		name  string
		text  string
		sents []string // the sentences to parse, found in text; nil: one a line
		want  [][]string
	}{
		{name: "curly quotes", text: "“We agreed,” Lavrov said.",
			want: [][]string{{"“", "We", "agreed", ",", "”", "Lavrov", "said", "."}}},
		{name: "accents", text: "José Ángel Gurría met Élysée officials in Besançon.",
			want: [][]string{{"José", "Ángel", "Gurría", "met", "Élysée", "officials", "in", "Besançon", "."}}},
		{name: "outside the BMP", text: "The minister 😀 visited Baku 🇦🇿 on Monday.",
			want: [][]string{{"The", "minister", "😀", "visited", "Baku", "🇦🇿", "on", "Monday", "."}}},
		{name: "line breaks and tabs inside a sentence", text: "The ministers\nmet\tin\r\nVienna.",
			sents: []string{"The ministers\nmet\tin\r\nVienna."},
			want:  [][]string{{"The", "ministers", "met", "in", "Vienna", "."}}},
		{name: "two sentences after a header", text: "BAKU, Nov. 16\n\n“Russia — our ally,” she said.\nHe left Moscow.",
			sents: []string{"“Russia — our ally,” she said.", "He left Moscow."},
			want:  [][]string{{"“", "Russia", "—", "our", "ally", ",", "”", "she", "said", "."}, {"He", "left", "Moscow", "."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := spansOf(tt.text)
			if tt.sents != nil {
				spans = nil
				for _, s := range tt.sents {
					i := strings.Index(tt.text, s)
					spans = append(spans, [2]int{i, i + len(s)})
				}
			}
			doc, err := c.Parse(context.Background(), tt.text, spans)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.text, err)
			}
			var got [][]string
			for i, s := range doc.Sentences {
				if s.Start != spans[i][0] || s.End != spans[i][1] {
					t.Errorf("sentence %d spans [%d,%d), want [%d,%d)", i, s.Start, s.End, spans[i][0], spans[i][1])
				}
				var words []string
				for _, tok := range s.Tokens {
					words = append(words, tt.text[tok.Start:tok.End])
				}
				got = append(got, words)
				checkDeps(t, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) token spans (-want +got):\n%s", tt.text, diff)
			}
			if want := "corenlp-4.5.10 tokenize,ssplit,pos,lemma,depparse"; doc.Parser != want {
				t.Errorf("Parser = %q, want %q", doc.Parser, want)
			}
		})
	}
}

// checkDeps checks that the dependencies of s stay within it and that it
// has a root.
func checkDeps(t *testing.T, s parse.Sentence) {
	t.Helper()
	roots := 0
	for _, d := range s.Deps {
		if d.Gov == -1 {
			roots++
		}
		if d.Gov < -1 || d.Gov >= len(s.Tokens) || d.Dep < 0 || d.Dep >= len(s.Tokens) {
			t.Errorf("dependency %+v out of a sentence of %d tokens", d, len(s.Tokens))
		}
	}
	if roots == 0 {
		t.Errorf("sentence at %d has no root", s.Start)
	}
}

// TestParseFields: tags, lower-case lemmas and typed dependencies.
func TestParseFields(t *testing.T) {
	c := corenlp.New(corenlp.Config{URLs: []string{serverURL(t)}, CacheSize: -1})
	text := "Lavrov met Mammadyarov in Baku."
	doc, err := c.Parse(context.Background(), text, [][2]int{{0, len(text)}})
	if err != nil {
		t.Fatal(err)
	}
	want := &parse.Document{Parser: c.Parser(), Sentences: []parse.Sentence{{Start: 0, End: len(text),
		Tokens: []parse.Token{
			{Text: "Lavrov", Start: 0, End: 6, POS: "NNP", Lemma: "lavrov"},
			{Text: "met", Start: 7, End: 10, POS: "VBD", Lemma: "meet"},
			{Text: "Mammadyarov", Start: 11, End: 22, POS: "NNP", Lemma: "mammadyarov"},
			{Text: "in", Start: 23, End: 25, POS: "IN", Lemma: "in"},
			{Text: "Baku", Start: 26, End: 30, POS: "NNP", Lemma: "baku"},
			{Text: ".", Start: 30, End: 31, POS: ".", Lemma: "."},
		},
		Deps: []parse.Dep{{Gov: -1, Dep: 1, Rel: "ROOT"}, {Gov: 1, Dep: 0, Rel: "nsubj"}, {Gov: 1, Dep: 2, Rel: "obj"},
			{Gov: 4, Dep: 3, Rel: "case"}, {Gov: 1, Dep: 4, Rel: "obl:in"}, {Gov: 1, Dep: 5, Rel: "punct"}},
	}}}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("Parse(%q) (-want +got):\n%s", text, diff)
	}
}

// TestParseCache: a second Parse of the same sentences, at other offsets
// too, sends nothing and gives the same parse.
func TestParseCache(t *testing.T) {
	p := newProxy(t, serverURL(t), nil)
	c := corenlp.New(corenlp.Config{URLs: []string{p.URL}})
	text := "Putin met Erdogan in Sochi.\nThe talks lasted three hours."
	first, err := c.Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatal(err)
	}
	sent := p.posts.Load()
	again, err := c.Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatal(err)
	}
	if n := p.posts.Load() - sent; n != 0 {
		t.Errorf("second Parse sent %d requests, want 0", n)
	}
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("cached parse differs (-first +again):\n%s", diff)
	}
	moved := "Headline\n" + text
	shifted, err := c.Parse(context.Background(), moved, spansOf(moved)[1:])
	if err != nil {
		t.Fatal(err)
	}
	if n := p.posts.Load() - sent; n != 0 {
		t.Errorf("Parse of the same sentences elsewhere sent %d requests, want 0", n)
	}
	for _, s := range shifted.Sentences {
		for _, tok := range s.Tokens {
			if got := moved[tok.Start:tok.End]; got != tok.Text {
				t.Errorf("cached token %q shifted to [%d,%d) = %q", tok.Text, tok.Start, tok.End, got)
			}
		}
	}
}

// TestDiskCache: a new Client on the same directory parses nothing.
func TestDiskCache(t *testing.T) {
	p := newProxy(t, serverURL(t), nil)
	dir := t.TempDir()
	text := "Macron received Scholz at the Élysée.\nThey spoke of Ukraine."
	first, err := corenlp.New(corenlp.Config{URLs: []string{p.URL}, CacheDir: dir}).Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatal(err)
	}
	sent := p.posts.Load()
	again, err := corenlp.New(corenlp.Config{URLs: []string{p.URL}, CacheDir: dir}).Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatal(err)
	}
	if n := p.posts.Load() - sent; n != 0 {
		t.Errorf("a new Client on the disk cache sent %d requests, want 0", n)
	}
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("parse from disk differs (-first +again):\n%s", diff)
	}
}

// TestParseRetries: transient failures are tried again and the parse
// succeeds.
func TestParseRetries(t *testing.T) {
	url := serverURL(t)
	tests := []struct {
		name string
		fail func(n int32, w http.ResponseWriter) bool
	}{
		{name: "503 twice", fail: func(n int32, w http.ResponseWriter) bool {
			if n <= 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
			}
			return n <= 2
		}},
		{name: "connection dropped twice", fail: func(n int32, w http.ResponseWriter) bool {
			if n <= 2 {
				hangUp(w)
			}
			return n <= 2
		}},
	}
	text := "Ukraine and Poland signed a border treaty."
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProxy(t, url, tt.fail)
			c := corenlp.New(corenlp.Config{URLs: []string{p.URL}, Backoff: 10 * time.Millisecond, CacheSize: -1})
			doc, err := c.Parse(context.Background(), text, spansOf(text))
			if err != nil {
				t.Fatalf("Parse after two failures: %v", err)
			}
			if len(doc.Sentences) != 1 || len(doc.Sentences[0].Tokens) != 8 {
				t.Errorf("Parse after two failures = %+v, want one sentence of 8 tokens", doc)
			}
			if n := p.posts.Load(); n < 3 {
				t.Errorf("proxy saw %d requests, want at least 3", n)
			}
		})
	}
}

// TestParseFailures: what a caller gets when the server cannot help.
func TestParseFailures(t *testing.T) {
	url := serverURL(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	always503 := newProxy(t, url, func(n int32, w http.ResponseWriter) bool {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return true
	})
	hang := newProxy(t, url, func(n int32, w http.ResponseWriter) bool {
		time.Sleep(500 * time.Millisecond)
		http.Error(w, "late", http.StatusServiceUnavailable)
		return true
	})
	text := "Ukraine and Poland signed a border treaty."
	tests := []struct {
		name     string
		urls     []string
		timeout  time.Duration // of the caller's context
		sentinel error
		contains []string
	}{
		{name: "nothing listening", urls: []string{closed}, sentinel: corenlp.ErrUnavailable,
			contains: []string{closed, "make corenlp"}},
		{name: "nothing listening at either server", urls: []string{closed, closed + "/"}, sentinel: corenlp.ErrUnavailable,
			contains: []string{closed, "make corenlp"}},
		{name: "503 every time", urls: []string{always503.URL},
			contains: []string{"chunk 1 of 1", "3 tries", "503 busy"}},
		{name: "context cancelled", urls: []string{hang.URL}, timeout: 200 * time.Millisecond, sentinel: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			c := corenlp.New(corenlp.Config{URLs: tt.urls, Backoff: 10 * time.Millisecond, CacheSize: -1})
			start := time.Now()
			_, err := c.Parse(ctx, text, spansOf(text))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("Parse: %v, want one wrapping %v", err, tt.sentinel)
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Parse: %q does not say %q", err, s)
				}
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("Parse took %v to fail", d)
			}
		})
	}
}
