package main

import (
	"net/http"
	"os"
	"sort"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape reads GET /metrics with the Prometheus client's own text parser.
func (s *served) scrape(t *testing.T, header ...string) map[string]*dto.MetricFamily {
	t.Helper()
	code, body, _ := s.get(t, "/metrics", header...)
	if code != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", code, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("/metrics is not in the Prometheus text format: %v\n%s", err, body)
	}
	return fams
}

// sample returns the value of the series of family name whose labels
// include want (a counter's or gauge's value, a histogram's or summary's
// count), and
// whether there is one.
func sample(fams map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
	f, ok := fams[name]
	if !ok {
		return 0, false
	}
next:
	for _, m := range f.GetMetric() {
		have := map[string]string{}
		for _, l := range m.GetLabel() {
			have[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if have[k] != v {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		case m.Histogram != nil:
			return float64(m.GetHistogram().GetSampleCount()), true
		case m.Summary != nil:
			return float64(m.GetSummary().GetSampleCount()), true
		case m.Untyped != nil:
			return m.GetUntyped().GetValue(), true
		}
	}
	return 0, false
}

// labelSets lists the label sets of family name, for failure messages.
func labelSets(fams map[string]*dto.MetricFamily, name string) string {
	var out []string
	for _, m := range fams[name].GetMetric() {
		var ls []string
		for _, l := range m.GetLabel() {
			ls = append(ls, l.GetName()+"="+l.GetValue())
		}
		out = append(out, "{"+strings.Join(ls, ",")+"}")
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestServeMetrics runs serve against the test Neo4j, asks named and
// anonymous queries, ingests an article, the same again and an empty one,
// requests a path that does not exist, and reads /metrics with the
// Prometheus text parser: every metric must be there with the labels and
// counts those requests make. With keyed reads /metrics needs the key.
func TestServeMetrics(t *testing.T) {
	cfg := mustConfig(t)
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, cfg)
	s.waitReady(t)

	const ingest = `mutation IngestSeed($text: String!) { ingestArticle(input: {text: $text}) { article { id } userErrors { message } } }`
	for _, text := range []string{string(seed), string(seed), "   "} {
		if _, _, r := s.call(t, ingest, map[string]any{"text": text}); len(r.Errors) > 0 {
			t.Fatalf("ingest: %+v", r.Errors)
		}
	}
	for range 3 {
		if _, _, r := s.call(t, `query Stats { stats { articles } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("Stats: %+v", r.Errors)
		}
	}
	if _, _, r := s.call(t, `{ stats { articles } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("anonymous query: %+v", r.Errors)
	}
	if _, _, r := s.call(t, `query Missing { entity(id: "country:XXX") { id } }`, nil); len(r.Errors) == 0 {
		t.Fatal("entity country:XXX: want NOT_FOUND")
	}
	if code, _, _ := s.get(t, "/no/such/page"); code != http.StatusNotFound {
		t.Fatalf("GET /no/such/page = %d, want 404", code)
	}
	fams := s.scrape(t)

	for _, c := range []struct {
		name   string
		labels map[string]string
		want   float64 // exact; -1: present and at least 1
	}{
		{"dipgraph_graphql_operations_total", map[string]string{"operation": "Stats", "type": "query", "outcome": "ok"}, 3},
		{"dipgraph_graphql_operations_total", map[string]string{"operation": "anonymous", "type": "query", "outcome": "ok"}, 1},
		{"dipgraph_graphql_operations_total", map[string]string{"operation": "Missing", "type": "query", "outcome": "error"}, 1},
		{"dipgraph_graphql_operations_total", map[string]string{"operation": "IngestSeed", "type": "mutation", "outcome": "ok"}, 3},
		{"dipgraph_graphql_operation_duration_seconds", map[string]string{"operation": "Stats", "type": "query"}, 3},
		{"dipgraph_graphql_operation_duration_seconds", map[string]string{"operation": "IngestSeed", "type": "mutation"}, 3},
		{"dipgraph_ingest_articles_total", map[string]string{"path": "graphql", "result": "ingested"}, 1},
		{"dipgraph_ingest_articles_total", map[string]string{"path": "graphql", "result": "unchanged"}, 1},
		{"dipgraph_ingest_articles_total", map[string]string{"path": "graphql", "result": "skipped"}, 1},
		{"dipgraph_http_requests_total", map[string]string{"route": "POST /graphql", "method": "POST", "code": "200"}, 8},
		{"dipgraph_http_requests_total", map[string]string{"route": "unmatched", "method": "GET", "code": "404"}, 1},
		{"dipgraph_http_requests_total", map[string]string{"route": "GET /readyz", "method": "GET", "code": "200"}, -1},
		{"dipgraph_http_request_duration_seconds", map[string]string{"route": "POST /graphql"}, 8},
		{"dipgraph_neo4j_sessions_opened_total", map[string]string{"mode": "write"}, -1},
		{"dipgraph_neo4j_sessions_opened_total", map[string]string{"mode": "read"}, -1},
		{"dipgraph_neo4j_sessions_in_use", map[string]string{"mode": "read"}, 0},
		{"dipgraph_neo4j_sessions_in_use", map[string]string{"mode": "write"}, 0},
		{"dipgraph_neo4j_ready", nil, 1},
		{"go_goroutines", nil, -1},
		{"go_gc_heap_live_bytes", nil, -1},
		{"process_resident_memory_bytes", nil, -1},
	} {
		got, ok := sample(fams, c.name, c.labels)
		switch {
		case !ok:
			t.Errorf("/metrics has no %s%v; it has %s", c.name, c.labels, labelSets(fams, c.name))
		case c.want < 0 && got < 1:
			t.Errorf("%s%v = %v, want at least 1", c.name, c.labels, got)
		case c.want >= 0 && got != c.want:
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	// With keyed reads the scrape needs a key, like the API.
	cfg.apiKeys, cfg.keyedReads = []string{"scrape-key-7e1d"}, true
	s = startServe(t, cfg)
	if code, _, _ := s.get(t, "/metrics"); code != http.StatusUnauthorized {
		t.Errorf("GET /metrics with keyed reads and no key = %d, want 401", code)
	}
	if _, ok := sample(s.scrape(t, "Authorization", "Bearer scrape-key-7e1d"), "go_goroutines", nil); !ok {
		t.Error("GET /metrics with the key: no go_goroutines")
	}
}
