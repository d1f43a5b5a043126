package server

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The names of the metrics served at /metrics (Prometheus text format).
// Labels are bounded: routes are the mux's patterns, operation names are
// capped (see operationLabel), the rest are closed sets.
const (
	// MetricHTTPRequests counts requests by route (the matched pattern,
	// "unmatched" for none), method and status code.
	MetricHTTPRequests = "dipgraph_http_requests_total"
	// MetricHTTPDuration is the time to serve a request, by route.
	MetricHTTPDuration = "dipgraph_http_request_duration_seconds"
	// MetricOperations counts GraphQL operations by operation name, type
	// (query, mutation) and outcome ("ok", or "error" when the response
	// carries errors).
	MetricOperations = "dipgraph_graphql_operations_total"
	// MetricOperationDuration is the time to run a GraphQL operation, by
	// operation name and type.
	MetricOperationDuration = "dipgraph_graphql_operation_duration_seconds"
	// MetricIngestArticles counts articles given to an ingest, by path
	// ("graphql" for the mutations) and result (IngestIngested,
	// IngestUnchanged, IngestSkipped, IngestFailed).
	MetricIngestArticles = "dipgraph_ingest_articles_total"
)

// The results an ingest counts an article under.
const (
	// IngestIngested is an article stored with something new.
	IngestIngested = "ingested"
	// IngestUnchanged is an article whose every fact was stored already.
	IngestUnchanged = "unchanged"
	// IngestSkipped is an article refused for its input (empty, not
	// UTF-8, no id, ...), which the caller can fix.
	IngestSkipped = "skipped"
	// IngestFailed is an article the store or the parser failed on.
	IngestFailed = "failed"
)

// The labels of operations that have no name of their own.
const (
	// opAnonymous stands for every operation without a name.
	opAnonymous = "anonymous"
	// opOther stands for the names beyond maxOperationNames, and for
	// names too long to be a label.
	opOther = "other"
)

// maxOperationNames bounds how many operation names get a label of their
// own; clients choose the names, so the first ones seen keep theirs and
// later ones count as opOther. maxOperationNameLen bounds a name's length.
const (
	maxOperationNames   = 200
	maxOperationNameLen = 64
)

// Metrics is the Prometheus registry of a server and the collectors the
// server updates: requests, latencies, GraphQL operations and ingested
// articles, with the Go runtime's and the process's own. Others (the
// store's sessions) are added with GaugeFunc and CounterFunc. Make one
// with NewMetrics and give it to Config.Metrics; it is safe for
// concurrent use.
type Metrics struct {
	reg         *prometheus.Registry
	http        *prometheus.CounterVec
	httpSeconds *prometheus.HistogramVec
	ops         *prometheus.CounterVec
	opSeconds   *prometheus.HistogramVec
	ingest      *prometheus.CounterVec

	mu    sync.Mutex
	names map[string]bool // operation names with a label of their own
}

// latencyBuckets are the histograms' upper bounds in seconds: from a
// cached lookup (a millisecond) to a mutation's timeout.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 25, 50}

// NewMetrics returns a registry holding the server's collectors and the
// Go runtime and process collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		http: prometheus.NewCounterVec(prometheus.CounterOpts{Name: MetricHTTPRequests,
			Help: "HTTP requests served, by route pattern, method and status code."}, []string{"route", "method", "code"}),
		httpSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: MetricHTTPDuration,
			Help: "Time to serve an HTTP request, by route pattern.", Buckets: latencyBuckets}, []string{"route"}),
		ops: prometheus.NewCounterVec(prometheus.CounterOpts{Name: MetricOperations,
			Help: "GraphQL operations run, by operation name (anonymous for none, other beyond the first names seen), type and outcome (ok, error)."},
			[]string{"operation", "type", "outcome"}),
		opSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: MetricOperationDuration,
			Help: "Time to run a GraphQL operation, by operation name and type.", Buckets: latencyBuckets}, []string{"operation", "type"}),
		ingest: prometheus.NewCounterVec(prometheus.CounterOpts{Name: MetricIngestArticles,
			Help: "Articles given to an ingest, by path (graphql: the mutations) and result (ingested, unchanged, skipped, failed)."},
			[]string{"path", "result"}),
		names: map[string]bool{},
	}
	m.reg.MustRegister(m.http, m.httpSeconds, m.ops, m.opSeconds, m.ingest,
		// The default set, plus the heap the last GC found live
		// (go_gc_heap_live_bytes): the figure to watch for growth.
		collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(
			collectors.GoRuntimeMetricsRule{Matcher: regexp.MustCompile(`^/gc/heap/live:bytes$`)})),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// GaugeFunc adds a gauge whose value f gives at every scrape, with fixed
// labels (nil for none). f must be cheap and safe for concurrent use. It
// returns an error when the name and labels are registered already.
func (m *Metrics) GaugeFunc(name, help string, labels map[string]string, f func() float64) error {
	return m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help, ConstLabels: labels}, f))
}

// CounterFunc adds a counter whose value f gives at every scrape; f must
// never decrease. Otherwise as GaugeFunc.
func (m *Metrics) CounterFunc(name, help string, labels map[string]string, f func() float64) error {
	return m.reg.Register(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help, ConstLabels: labels}, f))
}

// IngestCounter counts what became of each article an ingest was given.
// An ingest declares the interface it needs; this is the one Metrics
// gives (see Metrics.Ingest).
type IngestCounter interface {
	// Article counts one article under result: IngestIngested,
	// IngestUnchanged, IngestSkipped or IngestFailed.
	Article(result string)
}

// Ingest returns the counter of the ingest path named path ("graphql" for
// the mutations; a command that ingests in the server's process names
// its own). A nil Metrics returns a counter that counts nothing.
func (m *Metrics) Ingest(path string) IngestCounter {
	if m == nil {
		return noCount{}
	}
	return ingestCounter{m.ingest, path}
}

type ingestCounter struct {
	vec  *prometheus.CounterVec
	path string
}

func (c ingestCounter) Article(result string) {
	switch result {
	case IngestIngested, IngestUnchanged, IngestSkipped, IngestFailed:
	default:
		result = IngestFailed // a closed set: no caller widens it
	}
	c.vec.WithLabelValues(c.path, result).Inc()
}

type noCount struct{}

func (noCount) Article(string) {}

// observeHTTP counts a served request.
func (m *Metrics) observeHTTP(route, method string, status int, d time.Duration) {
	if m == nil {
		return
	}
	if route == "" {
		route = "unmatched"
	}
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodHead, http.MethodOptions:
	default:
		method = "other"
	}
	m.http.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.httpSeconds.WithLabelValues(route).Observe(d.Seconds())
}

// operationLabel returns the label of a GraphQL operation's name: the
// name itself for the first maxOperationNames names seen, opAnonymous for
// none and opOther for the rest, so that clients cannot grow the series
// without bound.
func (m *Metrics) operationLabel(name string) string {
	if name == "" {
		return opAnonymous
	}
	if len(name) > maxOperationNameLen {
		return opOther
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return opOther
	}
	m.names[name] = true
	return name
}

// observeOperation is the part of the GraphQL handler's operation
// middleware that times the operation of ctx and counts it once its
// response is made.
func (m *Metrics) observeOperation(ctx context.Context, respond graphql.ResponseHandler) graphql.ResponseHandler {
	if m == nil || !graphql.HasOperationContext(ctx) {
		return respond
	}
	oc := graphql.GetOperationContext(ctx)
	name, typ := "", "none"
	if op := oc.Operation; op != nil {
		name, typ = op.Name, string(op.Operation)
	}
	label := m.operationLabel(name)
	start := oc.Stats.OperationStart
	if start.IsZero() {
		start = time.Now()
	}
	return func(ctx context.Context) *graphql.Response {
		resp := respond(ctx)
		outcome := "ok"
		if resp != nil && len(resp.Errors) > 0 {
			outcome = "error"
		}
		m.ops.WithLabelValues(label, typ, outcome).Inc()
		m.opSeconds.WithLabelValues(label, typ).Observe(time.Since(start).Seconds())
		return resp
	}
}
