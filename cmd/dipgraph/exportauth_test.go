package main

import (
	"net/http"
	"os"
	"strings"
	"testing"
)

// TestServeExportUnpublished runs serve with DIPGRAPH_API_KEYS against the
// test Neo4j, with the seed article (published 2017) and a release under
// embargo (published 2099): GET /export of a selection that holds only
// published articles needs no key; of one that holds the embargoed release
// it is refused with 401 UNAUTHENTICATED without a key, served with one.
func TestServeExportUnpublished(t *testing.T) {
	cfg := mustConfig(t)
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	const key = "export-key-31c9a0"
	cfg.apiKeys = []string{key}
	s := startServe(t, cfg)
	s.waitReady(t)
	const ingest = `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { article { id } userErrors { message } } }`
	for _, in := range []map[string]any{
		{"text": string(seed)},
		{"id": "embargoed-release", "published": "2099-01-02", "source": "MFA",
			"text": "Embargoed release\n\nBAKU - Azerbaijan and Georgia will sign a trade agreement in Baku on Monday, the ministry said."},
	} {
		_, _, r := s.call(t, ingest, map[string]any{"in": in}, "Authorization", "Bearer "+key)
		if len(r.Errors) > 0 || strings.Contains(string(r.Data), `"message"`) {
			t.Fatalf("ingest: %s %+v", r.Data, r.Errors)
		}
	}
	for _, tc := range []struct {
		name, path, auth string
		want             int
	}{
		{"published only, no key", "/export/csv?from=2017-11&to=2017-11", "", http.StatusOK},
		{"the seed's country, no key", "/export/json?country=RUS&to=2020", "", http.StatusOK},
		{"everything, no key", "/export/csv", "", http.StatusUnauthorized},
		{"everything, no key, another format", "/export/graphml", "", http.StatusUnauthorized},
		{"everything, with the key", "/export/csv", "Bearer " + key, http.StatusOK},
		{"everything, a wrong key", "/export/csv", "Bearer nope", http.StatusUnauthorized},
		{"unknown format, no key", "/export/pdf", "", http.StatusNotFound},
		{"unreadable filter, no key", "/export/csv?from=2017-13", "", http.StatusBadRequest},
	} {
		var code int
		var body string
		if tc.auth == "" {
			code, body, _ = s.get(t, tc.path)
		} else {
			code, body, _ = s.get(t, tc.path, "Authorization", tc.auth)
		}
		if code != tc.want {
			t.Errorf("%s: GET %s = %d, want %d\n%.300s", tc.name, tc.path, code, tc.want, body)
			continue
		}
		if code == http.StatusUnauthorized && tc.auth == "" && !strings.Contains(body, "UNAUTHENTICATED") {
			t.Errorf("%s: 401 without UNAUTHENTICATED: %.300s", tc.name, body)
		}
		if code == http.StatusOK && tc.path == "/export/csv" && !strings.Contains(body, "embargoed-release") {
			t.Errorf("%s: the keyed export lacks the embargoed release", tc.name)
		}
	}
}
