package corenlp

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeMerge: when the server gives two sentences for what was sent
// as one line, they become one sentence, offsets and indices intact.
func TestDecodeMerge(t *testing.T) {
	url, _, _ := strings.Cut(os.Getenv("DIPGRAPH_CORENLP_URL"), ",")
	if url == "" {
		url = DefaultURL
	}
	c := New(Config{URLs: []string{url}, CacheSize: -1})
	body := []byte("Lavrov left.\nHe flew home.")
	res, err := c.send(context.Background(), c.servers[0], c.query, body)
	if err != nil {
		if os.Getenv("DIPGRAPH_REQUIRE_CORENLP") == "1" {
			t.Fatalf("CoreNLP is required but does not answer at %s: %v", url, err)
		}
		t.Skipf("no CoreNLP server at %s (start one with make corenlp): %v", url, err)
	}
	got, err := decode(res, body, []string{string(body)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] == nil {
		t.Fatalf("decode gave %v, want one sentence", got)
	}
	var words []string
	for _, tok := range got[0].Tokens {
		words = append(words, string(body[tok.Start:tok.End]))
	}
	if diff := cmp.Diff([]string{"Lavrov", "left", ".", "He", "flew", "home", "."}, words); diff != "" {
		t.Errorf("merged tokens (-want +got):\n%s", diff)
	}
	roots := 0
	for _, d := range got[0].Deps {
		if d.Gov == -1 {
			roots++
			if w := words[d.Dep]; w != "left" && w != "flew" {
				t.Errorf("root %q, want left or flew", w)
			}
		}
	}
	if roots != 2 {
		t.Errorf("%d roots, want 2", roots)
	}
}
