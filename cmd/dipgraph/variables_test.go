package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeHostileVariables posts variables nested far deeper than any
// input type, a list of 200,001 countries and full-text queries of
// megabytes or many words: each gets a clear error or a bounded answer in
// bounded time, and the server goes on.
func TestServeHostileVariables(t *testing.T) {
	cfg := mustConfig(t)
	s := startServe(t, cfg)
	s.waitReady(t)
	post := func(body string) (int, string, time.Duration) {
		t.Helper()
		start := time.Now()
		resp, err := http.Post(s.base+"/graphql", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), time.Since(start)
	}
	nested := strings.Repeat(`{"a":`, 50000) + "1" + strings.Repeat("}", 50000)
	code, body, d := post(`{"query":"query($f: EventFilter) { events(filter: $f) { totalCount } }","variables":{"f":` + nested + `}}`)
	t.Logf("variables nested 50,000 deep: %d %.200s (%v)", code, body, d.Round(time.Millisecond))
	if code == http.StatusOK && !strings.Contains(body, `"errors"`) {
		t.Errorf("nested variables accepted: %.300s", body)
	}
	list := "[" + strings.Repeat(`"AZE",`, 200000) + `"RUS"]`
	code, body, d = post(`{"query":"query($c: [String!]) { events(filter: {countries: $c}) { totalCount } }","variables":{"c":` + list + `}}`)
	t.Logf("a list of 200,001 countries (%d MB): %d %.200s (%v)", len(list)>>20, code, body, d.Round(time.Millisecond))
	if !strings.Contains(body, `"BAD_USER_INPUT"`) || !strings.Contains(body, "filter.countries: 200001 values, at most 100") || d > 5*time.Second {
		t.Errorf("a list of 200,001 countries: %.300s after %v, want BAD_USER_INPUT at once", body, d)
	}
	big, _ := json.Marshal(strings.Repeat("lavrov minsk group ", 7<<20/19))
	code, body, d = post(`{"query":"query($t: String!) { search(text: $t) { name } }","variables":{"t":` + string(big) + `}}`)
	t.Logf("a search text of 7 MB: %d %.200s (%v)", code, body, d.Round(time.Millisecond))
	if !strings.Contains(body, `"BAD_USER_INPUT"`) || !strings.Contains(body, "at most 1000") || d > 5*time.Second {
		t.Errorf("a 7 MB search: %.300s after %v, want BAD_USER_INPUT at once", body, d)
	}
	code, body, d = post(`{"query":"query($t: String!) { events(filter: {text: $t}) { totalCount } }","variables":{"t":` +
		`"` + strings.Repeat("minsk ", 40) + `"}}`)
	if !strings.Contains(body, `"BAD_USER_INPUT"`) || !strings.Contains(body, "filter.text of 40 words: at most 32") {
		t.Errorf("a filter text of 40 words: %d %.300s, want BAD_USER_INPUT", code, body)
	}
	var r gqlResponse
	_, body, _ = post(`{"query":"{ stats { articles } }"}`)
	if err := json.NewDecoder(bytes.NewReader([]byte(body))).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Errorf("after the hostile requests, a plain query: %s", body)
	}
}
