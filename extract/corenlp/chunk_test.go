package corenlp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// longArticle returns n sentences, one a line.
func longArticle(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "On day %d, the foreign minister of Ruritania met his counterpart in “Zenda” for talks.\n", i+1)
	}
	return b.String()
}

// TestChunks: an article cut into many requests parses as in one.
func TestChunks(t *testing.T) {
	url := serverURL(t)
	text := longArticle(40)
	whole, err := corenlp.New(corenlp.Config{URLs: []string{url}, CacheSize: -1, ChunkSentences: 1000, ChunkBytes: 90000}).
		Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Sentences) != 40 {
		t.Fatalf("one chunk: %d sentences, want 40", len(whole.Sentences))
	}
	tests := []struct {
		name         string
		sentences    int
		bytes        int
		wantRequests int32
	}{
		{name: "by sentences", sentences: 7, bytes: 90000, wantRequests: 6},
		{name: "by bytes", sentences: 1000, bytes: 1000, wantRequests: 4},
		{name: "one a request", sentences: 1, bytes: 90000, wantRequests: 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProxy(t, url, nil)
			c := corenlp.New(corenlp.Config{URLs: []string{p.URL, p.URL}, CacheSize: -1, ChunkSentences: tt.sentences, ChunkBytes: tt.bytes})
			got, err := c.Parse(context.Background(), text, spansOf(text))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(whole, got); diff != "" {
				t.Errorf("chunked parse differs from one chunk (-one +chunked):\n%s", diff)
			}
			if n := p.posts.Load(); n != tt.wantRequests {
				t.Errorf("%d requests, want %d", n, tt.wantRequests)
			}
		})
	}
}

// TestOverlong: a sentence longer than the server takes gets no parse,
// and the others of the article do.
func TestOverlong(t *testing.T) {
	url := serverURL(t)
	long := strings.Repeat("word ", 20001) + "end."
	text := "Lavrov met Blinken.\n" + long + "\nThey spoke for an hour."
	tests := []struct {
		name       string
		chunkBytes int
	}{
		{name: "sent alone", chunkBytes: corenlp.DefaultChunkBytes},
		{name: "in a chunk the server refuses", chunkBytes: 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := corenlp.New(corenlp.Config{URLs: []string{url}, CacheSize: -1, ChunkBytes: tt.chunkBytes})
			doc, err := c.Parse(context.Background(), text, spansOf(text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, text[s.Start:s.End])
			}
			want := []string{"Lavrov met Blinken.", "They spoke for an hour."}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("parsed sentences (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTokenAcrossLines: the server's tokenizer reads "<MITH.\nT>" as one
// SGML token across two lines; each line is then parsed alone.
func TestTokenAcrossLines(t *testing.T) {
	p := newProxy(t, serverURL(t), nil)
	text := "Talks were held with Mitsubishi Heavy Industries Co Ltd <MITH.\nT> and Ishikawajima-Harima signed a deal."
	c := corenlp.New(corenlp.Config{URLs: []string{p.URL}, CacheSize: -1})
	doc, err := c.Parse(context.Background(), text, spansOf(text))
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	if len(doc.Sentences) != 2 {
		t.Fatalf("Parse(%q): %d sentences, want 2", text, len(doc.Sentences))
	}
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			if tok.Start < s.Start || tok.End > s.End {
				t.Errorf("token %q at [%d,%d) out of its sentence [%d,%d)", tok.Text, tok.Start, tok.End, s.Start, s.End)
			}
		}
	}
	if n := p.posts.Load(); n != 3 {
		t.Errorf("%d requests, want 3 (the chunk, then each line)", n)
	}
}
