package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// call posts a GraphQL request with the given headers and returns the
// response's status, headers and body.
func (s *served) call(t *testing.T, query string, vars map[string]any, header ...string) (int, http.Header, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("POST /graphql: %d %q is not a GraphQL response", resp.StatusCode, b)
	}
	return resp.StatusCode, resp.Header, r
}

const ingestSeed = `mutation($text: String!) { ingestArticle(input: {text: $text}) { article { id } } }`

// TestServeAPIKeys runs serve with DIPGRAPH_API_KEYS against the test
// Neo4j: a mutation without a key, or with a wrong one, is refused with
// UNAUTHENTICATED and writes nothing; with a key it runs; reads stay open
// unless DIPGRAPH_KEYED_READS=1; no key reaches the log.
func TestServeAPIKeys(t *testing.T) {
	cfg := mustConfig(t)
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"analyst-key-0d9c1f7e", "ingest-key-5b2a77c4"}
	env := map[string]string{"DIPGRAPH_API_KEYS": " " + keys[0] + ", " + keys[1] + " "}
	kcfg := configFromEnv(func(k string) string { return env[k] })
	cfg.apiKeys = kcfg.apiKeys
	s := startServe(t, cfg)
	s.waitReady(t)
	vars := map[string]any{"text": string(seed)}
	articles := func() string {
		t.Helper()
		_, _, r := s.call(t, `{ stats { articles } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("stats (reads are open): %+v", r.Errors)
		}
		return string(r.Data)
	}

	for _, tc := range []struct {
		name, auth string
		status     int
	}{
		{"no key", "", http.StatusOK},
		{"wrong key", "Bearer not-a-key", http.StatusUnauthorized},
		{"a key's prefix", "Bearer " + keys[0][:8], http.StatusUnauthorized},
		{"no bearer", keys[0], http.StatusUnauthorized},
	} {
		status, h, r := s.call(t, ingestSeed, vars, "Authorization", tc.auth)
		if status != tc.status || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("%s: %d %+v, want %d and one UNAUTHENTICATED error", tc.name, status, r.Errors, tc.status)
		}
		if status == http.StatusUnauthorized && h.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tc.name)
		}
	}
	if got := articles(); got != `{"stats":{"articles":0}}` {
		t.Fatalf("after refused mutations: %s, want no article", got)
	}
	_, _, r := s.call(t, ingestSeed, vars, "Authorization", "Bearer "+keys[1])
	if len(r.Errors) > 0 {
		t.Fatalf("ingest with a key: %+v", r.Errors)
	}
	if got := articles(); got != `{"stats":{"articles":1}}` {
		t.Errorf("after the keyed mutation: %s, want one article", got)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	cfg.keyedReads = true
	s = startServe(t, cfg)
	if code, _, _ := s.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz with keyed reads = %d, want 200 without a key", code)
	}
	status, _, r := s.call(t, `{ stats { articles } }`, nil)
	if status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("keyed reads, a query without a key: %d %+v, want 401 UNAUTHENTICATED", status, r.Errors)
	}
	_, _, r = s.call(t, `{ stats { articles } }`, nil, "Authorization", "Bearer "+keys[0])
	if len(r.Errors) > 0 || string(r.Data) != `{"stats":{"articles":1}}` {
		t.Errorf("keyed reads, with a key: %s %+v", r.Data, r.Errors)
	}
	s.stop()
	for _, k := range keys {
		if strings.Contains(s.log.String(), k[:8]) {
			t.Errorf("the log shows a key:\n%s", s.log)
		}
	}
}

// TestServeHTTPHardening checks, over the real server: CORS only for the
// allowed origins; the security headers, with a GraphiQL page whose policy
// admits only its own scripts, served by the server with the digests gqlgen
// pins; the body limit; the rate limit per client; introspection off.
func TestServeHTTPHardening(t *testing.T) {
	cfg := mustConfig(t)
	cfg.corsOrigins = []string{"https://analyst.example"}
	cfg.rateLimit, cfg.rateBurst = 0.1, 6 // a token every 10 s: no refill while the test runs
	s := startServe(t, cfg)
	s.waitReady(t)

	preflight := func(origin string) (int, http.Header) {
		req, _ := http.NewRequest(http.MethodOptions, s.base+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header
	}
	if code, h := preflight("https://analyst.example"); code != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != "https://analyst.example" {
		t.Errorf("preflight from an allowed origin: %d %v", code, h)
	}
	if code, h := preflight("https://evil.example"); code != http.StatusForbidden || h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin: %d %v, want 403 without Allow-Origin", code, h)
	}
	_, h, _ := s.call(t, `{ stats { articles } }`, nil, "Origin", "https://evil.example")
	if h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("a query from another origin got Access-Control-Allow-Origin %q", h.Get("Access-Control-Allow-Origin"))
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
		"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"} {
		if h.Get(k) != want {
			t.Errorf("/graphql %s = %q, want %q", k, h.Get(k), want)
		}
	}

	// The GraphiQL page: its own scripts only, each as pinned.
	resp, err := http.Get(s.base + "/graphiql")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' 'sha256-") || strings.Contains(csp, "http") || strings.Contains(string(page), "cdn.") {
		t.Errorf("GraphiQL's policy %q admits more than the server's own scripts, or the page names a CDN", csp)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"\s+integrity="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	if len(refs) != 4 {
		t.Errorf("GraphiQL page loads %d files with integrity, want 4", len(refs))
	}
	for _, ref := range refs {
		ref[2] = html.UnescapeString(ref[2])
		resp, err := http.Get(s.base + ref[1])
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := sha256.Sum256(b)
		if resp.StatusCode != http.StatusOK || "sha256-"+base64.StdEncoding.EncodeToString(d[:]) != ref[2] {
			t.Errorf("%s: %d, digest does not match %s", ref[1], resp.StatusCode, ref[2])
		}
	}

	// The body limit, before anything reads it (and before the rate limit
	// counts the request).
	big := bytes.Repeat([]byte(" "), 9<<20)
	resp, err = http.Post(s.base+"/graphql", "application/json", bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 9 MB body: %d, want 413", resp.StatusCode)
	}

	// The rate limit: a burst of 6, then one request every 10 s; the requests
	// above used 5; /healthz is never limited.
	limited := 0
	for range 8 {
		status, h, r := s.call(t, `{ stats { articles } }`, nil)
		if status == http.StatusTooManyRequests {
			limited++
			if h.Get("Retry-After") == "" || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "RATE_LIMITED" {
				t.Errorf("429 without Retry-After or RATE_LIMITED: %v %+v", h, r.Errors)
			}
		}
	}
	if limited < 5 {
		t.Errorf("%d of 8 quick requests refused, want at least 5 beyond the burst", limited)
	}
	if code, _, _ := s.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz under the rate limit: %d", code)
	}
	s.stop()

	// Introspection: on by default (GraphiQL needs it), off on request.
	const introspect = `{ __schema { queryType { name } } }`
	cfg.corsOrigins, cfg.rateLimit = nil, 0
	s = startServe(t, cfg)
	if _, _, r := s.call(t, introspect, nil); len(r.Errors) > 0 {
		t.Errorf("introspection by default: %+v", r.Errors)
	}
	s.stop()
	cfg.introspection = false
	s = startServe(t, cfg)
	if _, _, r := s.call(t, introspect, nil); len(r.Errors) == 0 {
		t.Errorf("introspection off, __schema answered: %s", r.Data)
	}
	if _, _, r := s.call(t, `{ stats { articles } }`, nil); len(r.Errors) > 0 {
		t.Errorf("introspection off, a query: %+v", r.Errors)
	}
}
