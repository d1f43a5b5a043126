package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestStatPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		d := make([]time.Duration, len(v))
		for i, x := range v {
			d[i] = time.Duration(x) * time.Millisecond
		}
		return d
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one p50", ms(7), 50, 7 * time.Millisecond},
		{"one p99", ms(7), 99, 7 * time.Millisecond},
		{"two p50 is the lower", ms(1, 2), 50, 1 * time.Millisecond},
		{"two p99 is the upper", ms(1, 2), 99, 2 * time.Millisecond},
		{"odd p50 is the middle", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"even p50 nearest rank", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"1..100 p50", ms(hundred...), 50, 50 * time.Millisecond},
		{"1..100 p99", ms(hundred...), 99, 99 * time.Millisecond},
		{"1..100 p100", ms(hundred...), 100, 100 * time.Millisecond},
		{"1..100 p0.1 is the first", ms(hundred...), 0.1, 1 * time.Millisecond},
		{"p99 of 10 is the max", ms(1, 1, 1, 1, 1, 1, 1, 1, 1, 50), 99, 50 * time.Millisecond},
		{"p50 ignores one outlier", ms(1, 1, 1, 1, 1, 1, 1, 1, 1, 50), 50, 1 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestStatMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{3}, 3},
		{"odd, unsorted", []float64{9, 1, 5}, 5},
		{"even is the mean of the middle two", []float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestStatSummary(t *testing.T) {
	r := runResult{elapsed: 2 * time.Second, samples: []benchSample{
		{name: "a", latency: 10 * time.Millisecond, bytes: 100},
		{name: "a", latency: 30 * time.Millisecond, bytes: 300},
		{name: "a", latency: 20 * time.Millisecond, bytes: 200},
		{name: "b", latency: 5 * time.Millisecond, bytes: 50},
		{name: "b", latency: time.Second, err: fmt.Errorf("boom")},
	}}
	tests := []struct {
		name string
		want benchStats
	}{
		{"a", benchStats{requests: 3, rps: 1.5, p50: 20 * time.Millisecond, p99: 30 * time.Millisecond, bytes: 200}},
		{"b", benchStats{requests: 2, errors: 1, rps: 0.5, p50: 5 * time.Millisecond, p99: 5 * time.Millisecond, bytes: 50}},
		{"", benchStats{requests: 5, errors: 1, rps: 2, p50: 10 * time.Millisecond, p99: 30 * time.Millisecond, bytes: 162}},
	}
	for _, tt := range tests {
		t.Run("query "+tt.name, func(t *testing.T) {
			got := r.summary(tt.name)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(benchStats{})); diff != "" {
				t.Errorf("summary(%q) (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestBenchLoopbackOnly(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080/graphql", true},
		{"http://127.0.0.2:4000/", true},
		{"http://localhost:4000/", true},
		{"http://[::1]:4000/", true},
		{"http://10.0.0.1:8080/graphql", false},
		{"http://192.168.1.2/", false},
		{"http://example.com/graphql", false},
		{"bolt://127.0.0.1:7687", false},
	}
	for _, tt := range tests {
		if err := loopbackOnly(tt.url); (err == nil) != tt.ok {
			t.Errorf("loopbackOnly(%q) = %v, want ok %v", tt.url, err, tt.ok)
		}
	}
}

// TestBenchMixFiles checks that the shipped mixes parse and ask the same
// questions, in the same order, with the same paging.
func TestBenchMixFiles(t *testing.T) {
	ours, err := readMix(filepath.Join("..", "..", "deploy", "bench", "mix-dipgraph.json"))
	if err != nil {
		t.Fatal(err)
	}
	shape := func(m benchMix) []string {
		var s []string
		for _, q := range m.Queries {
			s = append(s, fmt.Sprintf("%s pages=%d", q.Name, max(q.Pages, 1)))
		}
		return s
	}
	for _, name := range []string{"mix-neo4jgraphql.json", "mix-neo4jgraphql-flat.json"} {
		theirs, err := readMix(filepath.Join("..", "..", "deploy", "bench", name))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(shape(ours), shape(theirs)); diff != "" {
			t.Errorf("%s asks other questions than mix-dipgraph.json (-dipgraph +%s):\n%s", name, name, diff)
		}
	}
}

// fakeGraphQL answers every request with a page whose cursor counts the
// pages, so paging can be checked; it records the `after` values seen.
type fakeGraphQL struct {
	mu     sync.Mutex
	afters []string
	fail   bool
}

func (f *fakeGraphQL) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	after, _ := req.Variables["after"].(string)
	f.mu.Lock()
	f.afters = append(f.afters, after)
	f.mu.Unlock()
	if f.fail {
		fmt.Fprint(w, `{"errors":[{"message":"nope"}],"data":null}`)
		return
	}
	fmt.Fprintf(w, `{"data":{"events":{"pageInfo":{"endCursor":"c%s"}}}}`, after)
}

func writeMix(t *testing.T, m string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "mix.json")
	if err := os.WriteFile(path, []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const fakeMix = `{
  "name": "fake",
  "queries": [
    {"name": "one", "query": ["query {", "  x", "}"]},
    {"name": "events", "query": "query($after: String) { events }", "pages": 3,
     "cursor": "events.pageInfo.endCursor", "after": "after"}
  ]
}`

func TestBenchRunsAgainstFake(t *testing.T) {
	a, b := &fakeGraphQL{}, &fakeGraphQL{}
	sa, sb := httptest.NewServer(a), httptest.NewServer(b)
	defer sa.Close()
	defer sb.Close()
	mix := writeMix(t, fakeMix)
	var out, errb bytes.Buffer
	args := []string{"-url", sa.URL + "," + sb.URL, "-mix", mix, "-duration", "150ms", "-warmup", "0",
		"-runs", "2", "-concurrency", "2"}
	if err := cmdBench(context.Background(), args, &out, &errb); err != nil {
		t.Fatalf("bench: %v\n%s", err, errb.String())
	}
	report := out.String()
	for _, want := range []string{"fake", "events p1", "events p3", "ALL", "fake / fake: throughput"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	// Pages follow cursors: p1 has no after, p2 the cursor of p1 ("c"),
	// p3 that of p2 ("cc"); nothing else is ever sent.
	a.mu.Lock()
	defer a.mu.Unlock()
	seen := map[string]bool{}
	for _, s := range a.afters {
		seen[s] = true
	}
	if diff := cmp.Diff(map[string]bool{"": true, "c": true, "cc": true}, seen); diff != "" {
		t.Errorf("after values (-want +got):\n%s", diff)
	}
}

func TestBenchFailsOnGraphQLErrors(t *testing.T) {
	f := &fakeGraphQL{fail: true}
	s := httptest.NewServer(f)
	defer s.Close()
	var out, errb bytes.Buffer
	err := cmdBench(context.Background(), []string{"-url", s.URL, "-mix", writeMix(t, fakeMix), "-duration", "50ms"}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("bench against a failing server: err = %v, want the GraphQL error", err)
	}
}

func TestBenchRefusesRemote(t *testing.T) {
	var out, errb bytes.Buffer
	err := cmdBench(context.Background(), []string{"-url", "http://10.1.2.3/graphql", "-mix", writeMix(t, fakeMix)}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("bench against 10.1.2.3: err = %v, want a loopback refusal", err)
	}
}
