package corenlp_test

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// serverURL returns the URL of the real CoreNLP server the tests use:
// the first of $DIPGRAPH_CORENLP_URL, else corenlp.DefaultURL. Without a
// server the test is skipped, unless DIPGRAPH_REQUIRE_CORENLP=1.
func serverURL(tb testing.TB) string {
	tb.Helper()
	u, _, _ := strings.Cut(os.Getenv("DIPGRAPH_CORENLP_URL"), ",")
	if u == "" {
		u = corenlp.DefaultURL
	}
	hc := &http.Client{Timeout: 3 * time.Second}
	resp, err := hc.Get(strings.TrimRight(u, "/") + "/ping")
	if err == nil {
		resp.Body.Close()
		return u
	}
	if os.Getenv("DIPGRAPH_REQUIRE_CORENLP") == "1" {
		tb.Fatalf("CoreNLP is required but does not answer at %s: %v", u, err)
	}
	tb.Skipf("no CoreNLP server at %s (start one with make corenlp): %v", u, err)
	return ""
}

// proxy is a loopback reverse proxy in front of the real server that
// counts the parse requests and may fail some of them.
type proxy struct {
	*httptest.Server
	posts atomic.Int32
}

// newProxy starts a proxy to target. fail, when not nil, is asked about
// the nth parse request (from 1) and may answer it itself, returning
// true, instead of forwarding it.
func newProxy(tb testing.TB, target string, fail func(n int32, w http.ResponseWriter) bool) *proxy {
	tb.Helper()
	u, err := url.Parse(target)
	if err != nil {
		tb.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	p := &proxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			n := p.posts.Add(1)
			if fail != nil && fail(n, w) {
				return
			}
		}
		rp.ServeHTTP(w, r)
	}))
	tb.Cleanup(p.Close)
	return p
}

// hangUp closes the connection without an answer.
func hangUp(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

// spansOf returns the span of each line of text.
func spansOf(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		}
	}
	return out
}
