package server_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestPage checks the web page at /: its policy allows the server's own
// files and API alone, and every file it names is served from the binary.
func TestPage(t *testing.T) {
	h := newHarness(t, newFake(0))
	get := func(path string) (*http.Response, string) {
		t.Helper()
		res, err := http.Get(h.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" +
		"; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	res, page := get("/")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %s %s", res.Status, res.Header.Get("Content-Type"))
	}
	if got := res.Header.Get("Content-Security-Policy"); got != csp || strings.Contains(got, "http") || strings.Contains(got, "unsafe") {
		t.Errorf("the page's policy is %q, want %q: the server's own files only, nothing unsafe", got, csp)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	var files int
	for _, ref := range refs {
		u := ref[1]
		switch {
		case strings.HasPrefix(u, "/app/"):
			files++
			if res, body := get(u); res.StatusCode != http.StatusOK || len(body) == 0 {
				t.Errorf("%s: %s, %d bytes", u, res.Status, len(body))
			}
		case strings.HasPrefix(u, "#") || u == "/graphiql":
		default:
			t.Errorf("the page names %q, not one of the server's files", u)
		}
	}
	if files != 2 {
		t.Errorf("the page loads %d files of %s, want 2 (app.js, style.css)", files, "/app/")
	}
	if res, _ := get("/app/nothing.js"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/app/nothing.js: %s, want 404", res.Status)
	}
	if res, _ := get("/favicon.ico"); res.StatusCode != http.StatusNoContent {
		t.Errorf("/favicon.ico: %s, want 204", res.Status)
	}
}
