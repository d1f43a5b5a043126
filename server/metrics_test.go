package server_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/dipgraph/dipgraph/server"
)

// TestOperationLabelsBounded sends more distinctly named operations than
// get a label of their own: the first keep their names, the rest count as
// "other", unnamed ones as "anonymous", so clients cannot grow the series
// without bound.
func TestOperationLabelsBounded(t *testing.T) {
	m := server.NewMetrics()
	h := newHarnessConfig(t, newFake(1), server.Config{Metrics: m})
	const names = 210 // more than the 200 that get their own label
	for i := range names {
		if r, _ := h.post(t, fmt.Sprintf("query Q%03d { stats { articles } }", i), nil); len(r.Errors) > 0 {
			t.Fatalf("Q%03d: %+v", i, r.Errors)
		}
	}
	h.post(t, "{ stats { articles } }", nil)
	h.post(t, "query "+strings.Repeat("L", 65)+" { stats { articles } }", nil)

	res, err := http.Get(h.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	f := fams["dipgraph_graphql_operations_total"]
	if f == nil {
		t.Fatal("no dipgraph_graphql_operations_total")
	}
	counts := map[string]float64{}
	for _, s := range f.GetMetric() {
		for _, l := range s.GetLabel() {
			if l.GetName() == "operation" {
				counts[l.GetValue()] += s.GetCounter().GetValue()
			}
		}
	}
	if len(counts) != 202 {
		t.Errorf("%d operation labels, want 200 names, anonymous and other", len(counts))
	}
	for name, want := range map[string]float64{"Q000": 1, "Q199": 1, "Q200": 0, "other": 11, "anonymous": 1} {
		if counts[name] != want {
			t.Errorf("operation %q counted %v times, want %v", name, counts[name], want)
		}
	}
}
