package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// The soak's settings, from the environment (make soak sets them):
//
//	DIPGRAPH_SOAK          how long the load runs (3m); unset: TestSoak is skipped
//	DIPGRAPH_CORPUS        the directory of dev.jsonl (../shared/corpus)
//	SOAK_BASE              articles of dev.jsonl ingested before the load (600:
//	                       enough for every question of the benchmark's mix)
//	SOAK_CONCURRENCY       analyst clients (4, as make bench-api)
//	SOAK_P99_MS            the benchmark's p99 the soak's must stay within (83,
//	                       README: make bench-api)
//	SOAK_OUT               a file to write the report to, besides the test log;
//	                       the server's log is kept beside it (SOAK_OUT.serve.log)
//	SOAK_PARSE             false: serve reads articles with the rules alone
//	                       (-parse=false), so no parse is cached in its memory
//
// Tolerances, checked after the load once the server is idle again: no
// failed request; goroutines at most soakGoroutineSlack more than before;
// the heap the last GC found live at most soakHeapGrowth times before plus
// soakHeapSlack.
const (
	soakGoroutineSlack = 10
	soakHeapGrowth     = 1.25
	soakHeapSlack      = 8 << 20
	soakIngestBatch    = 5
)

// TestSoak runs dipgraph serve as its own process against the test Neo4j,
// ingests SOAK_BASE articles of the dev corpus, then for DIPGRAPH_SOAK
// has SOAK_CONCURRENCY clients ask the API benchmark's questions
// (deploy/bench/mix-dipgraph.json) while another ingests the next articles
// through ingestArticles, five at a time. Loopback only. It reports the
// requests, errors, p50 and p99 against the benchmark's p99, and the
// server's goroutines, live heap and resident memory before and after
// (read from its /metrics), and fails on any error, on growth beyond the
// tolerances above, or on a p99 beyond SOAK_P99_MS.
func TestSoak(t *testing.T) {
	soak := os.Getenv("DIPGRAPH_SOAK")
	if soak == "" {
		t.Skip("DIPGRAPH_SOAK is not set: make soak runs the soak test")
	}
	duration, err := time.ParseDuration(soak)
	if err != nil || duration <= 0 {
		t.Fatalf("DIPGRAPH_SOAK=%q: want a duration such as 3m", soak)
	}
	base := soakEnvInt(t, "SOAK_BASE", 600)
	concurrency := soakEnvInt(t, "SOAK_CONCURRENCY", 4)
	p99Limit := time.Duration(soakEnvInt(t, "SOAK_P99_MS", 83)) * time.Millisecond
	corpus := os.Getenv("DIPGRAPH_CORPUS")
	if corpus == "" {
		corpus = "../../../shared/corpus"
	}
	articles := readCorpus(t, filepath.Join(corpus, "dev.jsonl"))
	if len(articles) <= base {
		t.Fatalf("%s has %d articles; the soak ingests %d first and more during the load", corpus, len(articles), base)
	}
	mix, err := readMix("../../deploy/bench/mix-dipgraph.json")
	if err != nil {
		t.Fatal(err)
	}

	cfg := mustConfig(t)
	var serveArgs []string
	if os.Getenv("SOAK_PARSE") == "false" {
		serveArgs = []string{"-parse=false"}
	}
	srv := startServeProcess(t, cfg, serveArgs...)
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{Proxy: nil,
		MaxIdleConnsPerHost: 2 * (concurrency + 1), IdleConnTimeout: 90 * time.Second}}
	ctx := context.Background()

	start := time.Now()
	for i := 0; i < base; i += soakIngestBatch {
		if err := ingestBatch(ctx, client, srv+"/graphql", articles[i:min(i+soakIngestBatch, base)]); err != nil {
			t.Fatalf("base ingest, articles %d..: %v", i, err)
		}
	}
	t.Logf("soak: %d base articles ingested in %s", base, time.Since(start).Round(time.Second))

	target := benchTarget{name: "dipgraph", url: srv + "/graphql", mix: mix}
	w := benchWorker{client: client, target: target}
	for _, q := range mix.Queries {
		for _, s := range w.ask(ctx, q) {
			if s.err != nil {
				t.Fatalf("%s before the load: %v", s.name, s.err)
			}
		}
	}
	// The warm-up: the mix alone, without the ingest, on the machine as it
	// is now; its figures are reported beside the soak's.
	bc := benchConfig{concurrency: concurrency, maxRequests: 1 << 40}
	warm, err := benchLoad(ctx, client, target, bc, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	before := settle(t, client, srv)

	// The load: the analysts' mix, and an ingest beside it.
	var (
		ingestDone       = make(chan struct{})
		ingested, failed atomic.Int64
		ingestErrs       []string
		mu               sync.Mutex
		peak             = map[string]float64{}
		loadCtx, stop    = context.WithCancel(ctx)
	)
	go func() {
		defer close(ingestDone)
		next := base
		for loadCtx.Err() == nil {
			batch := articles[next:min(next+soakIngestBatch, len(articles))]
			if err := ingestBatch(ctx, client, srv+"/graphql", batch); err != nil {
				failed.Add(int64(len(batch)))
				mu.Lock()
				ingestErrs = append(ingestErrs, err.Error())
				mu.Unlock()
			} else {
				ingested.Add(int64(len(batch)))
			}
			if next += soakIngestBatch; next >= len(articles) {
				next = base // round again: re-ingests, which change nothing
			}
		}
	}()
	go func() { // the server's figures every 10 s, for their peaks
		for loadCtx.Err() == nil {
			fams, err := scrapeURL(client, srv+"/metrics")
			if err == nil {
				mu.Lock()
				for _, name := range []string{"go_goroutines", "go_gc_heap_live_bytes", "process_resident_memory_bytes"} {
					if v, ok := sample(fams, name, nil); ok {
						peak[name] = max(peak[name], v)
					}
				}
				mu.Unlock()
			}
			select {
			case <-loadCtx.Done():
			case <-time.After(10 * time.Second):
			}
		}
	}()
	res, err := benchLoad(ctx, client, target, bc, duration)
	stop()
	<-ingestDone
	if err != nil {
		t.Fatal(err)
	}
	after := settle(t, client, srv)
	fams, err := scrapeURL(client, srv+"/metrics")
	if err != nil {
		t.Fatal(err)
	}

	// The report.
	var b strings.Builder
	all := res.summary("")
	fmt.Fprintf(&b, "soak: %s of load after %d base articles and a 20 s warm-up; %d analyst clients (the mix of make bench-api) and one ingest (ingestArticles, %d articles a request)\n",
		duration, base, concurrency, soakIngestBatch)
	fmt.Fprintf(&b, "queries: %d requests, %d errors, %.1f req/s, p50 %s ms, p99 %s ms (the benchmark's p99: %s ms)\n",
		all.requests, all.errors, all.rps, fmtMS(all.p50), fmtMS(all.p99), fmtMS(p99Limit))
	w0 := warm.summary("")
	fmt.Fprintf(&b, "the warm-up, the mix without the ingest, just before: %d requests, %d errors, %.1f req/s, p50 %s ms, p99 %s ms\n",
		w0.requests, w0.errors, w0.rps, fmtMS(w0.p50), fmtMS(w0.p99))
	for _, q := range mix.Queries {
		for p := 1; p <= max(q.Pages, 1); p++ {
			s := res.summary(q.pageName(p))
			fmt.Fprintf(&b, "  %-12s %6d requests %3d errors  p50 %7s ms  p99 %7s ms\n", q.pageName(p), s.requests, s.errors, fmtMS(s.p50), fmtMS(s.p99))
		}
	}
	server := func(result string) float64 {
		v, _ := sample(fams, "dipgraph_ingest_articles_total", map[string]string{"path": "graphql", "result": result})
		return v
	}
	fmt.Fprintf(&b, "ingest during the load: %d articles sent, %d failed; the server counts (whole run, base included) ingested %.0f, unchanged %.0f, skipped %.0f, failed %.0f\n",
		ingested.Load()+failed.Load(), failed.Load(), server("ingested"), server("unchanged"), server("skipped"), server("failed"))
	for _, f := range []struct {
		name, what string
		scale      float64
	}{
		{"go_goroutines", "goroutines", 1},
		{"go_gc_heap_live_bytes", "live heap MiB (at the last GC)", 1 << 20},
		{"process_resident_memory_bytes", "resident MiB", 1 << 20},
	} {
		fmt.Fprintf(&b, "%-31s before %8.1f  after %8.1f  peak during the load %8.1f\n",
			f.what, before[f.name]/f.scale, after[f.name]/f.scale, peak[f.name]/f.scale)
	}
	report := b.String()
	t.Log("\n" + report)
	if out := os.Getenv("SOAK_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}

	if all.errors > 0 || failed.Load() > 0 || server("failed") > 0 {
		t.Errorf("errors during the soak: %d queries, %d ingested articles (server: %.0f failed)", all.errors, failed.Load(), server("failed"))
		n := 0
		for _, s := range res.samples {
			if s.err != nil && n < 5 {
				t.Logf("%s: %v", s.name, s.err)
				n++
			}
		}
		for _, e := range ingestErrs[:min(len(ingestErrs), 3)] {
			t.Logf("ingest: %s", e)
		}
	}
	if g0, g1 := before["go_goroutines"], after["go_goroutines"]; g1 > g0+soakGoroutineSlack {
		t.Errorf("goroutines grew from %.0f to %.0f (tolerance +%d)", g0, g1, soakGoroutineSlack)
	}
	if h0, h1 := before["go_gc_heap_live_bytes"], after["go_gc_heap_live_bytes"]; h1 > h0*soakHeapGrowth+soakHeapSlack {
		t.Errorf("live heap grew from %.1f to %.1f MiB (tolerance %.2fx + %d MiB)", h0/(1<<20), h1/(1<<20), soakHeapGrowth, soakHeapSlack>>20)
	}
	if all.p99 > p99Limit {
		t.Errorf("p99 %s ms is beyond the benchmark's %s ms", fmtMS(all.p99), fmtMS(p99Limit))
	}
}

// envInt reads a positive integer from the environment, or def.
func soakEnvInt(t *testing.T, key string, def int) int {
	t.Helper()
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive integer", key, v)
	}
	return n
}

// readCorpus reads the JSONL articles of path as ingest inputs.
func readCorpus(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the soak reads the dev corpus (DIPGRAPH_CORPUS): %v", err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct{ ID, Title, Text, Published, Source, URL string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: line %d: %v", path, len(out)+1, err)
		}
		in := map[string]any{"id": a.ID, "title": a.Title, "text": a.Text, "published": a.Published, "source": a.Source}
		if a.URL != "" {
			in["url"] = a.URL
		}
		out = append(out, in)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// ingestBatch posts one ingestArticles mutation; any error, or any
// article that failed or was refused, is an error.
func ingestBatch(ctx context.Context, client *http.Client, url string, batch []map[string]any) error {
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation SoakIngest($a: [IngestArticleInput!]!) { ingestArticles(input: {articles: $a}) { ingestedCount failedCount results { userErrors { message } } } }`,
		"variables": map[string]any{"a": batch},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r struct {
		Data struct {
			IngestArticles struct {
				IngestedCount, FailedCount int
				Results                    []struct{ UserErrors []struct{ Message string } }
			}
		}
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &r); err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, raw)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("%s", r.Errors[0].Message)
	}
	if p := r.Data.IngestArticles; p.FailedCount > 0 || p.IngestedCount != len(batch) {
		return fmt.Errorf("%d of %d ingested, %d failed: %s", p.IngestedCount, len(batch), p.FailedCount, raw)
	}
	return nil
}

// startServeProcess builds dipgraph and runs dipgraph serve against the
// Neo4j of cfg on a loopback port of its own, as its own process, so that
// its goroutines and memory are the server's alone. It returns the base
// URL once /readyz answers; the process is stopped at cleanup.
func startServeProcess(t *testing.T, cfg config, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "dipgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if len(args) == 0 {
		args = parseArgs(t)
	}
	cmd := exec.Command(bin, append([]string{"serve"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.neo4jURI, "NEO4J_USER="+cfg.neo4jUser,
		"NEO4J_PASSWORD="+cfg.neo4jPassword, "NEO4J_DATABASE="+cfg.neo4jDatabase,
		"DIPGRAPH_ADDR=127.0.0.1:0", "DIPGRAPH_API_KEYS=", "DIPGRAPH_KEYED_READS=", "DIPGRAPH_RATE_LIMIT=")
	logPath := filepath.Join(dir, "serve.log")
	if out := os.Getenv("SOAK_OUT"); out != "" {
		logPath = out + ".serve.log"
	}
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(90 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		logf.Close()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	go io.Copy(io.Discard, stdout)
	_, rest, ok := strings.Cut(line, "http://")
	addr, _, _ := strings.Cut(rest, "/")
	if err != nil || !ok || addr == "" {
		t.Fatalf("serve said %q (%v)", line, err)
	}
	base := "http://" + addr
	if err := loopbackOnly(base); err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Timeout: 5 * time.Second}
	defer hc.CloseIdleConnections()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := hc.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve at %s not ready after 2 minutes", base)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// scrapeURL reads a /metrics page with the Prometheus text parser.
func scrapeURL(client *http.Client, url string) (map[string]*dto.MetricFamily, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	return p.TextToMetricFamilies(resp.Body)
}

// settle lets the server go idle (the clients' idle connections closed)
// until it has run a garbage collection while idle, which the Go runtime
// forces at least every two minutes, so that the live heap it reports is
// what it keeps, not what requests in flight held; then it returns the
// server's goroutines, live heap and resident memory.
func settle(t *testing.T, client *http.Client, base string) map[string]float64 {
	t.Helper()
	client.CloseIdleConnections()
	hc := &http.Client{Timeout: 10 * time.Second}
	defer hc.CloseIdleConnections()
	gcs := func() float64 {
		fams, err := scrapeURL(hc, base+"/metrics")
		if err != nil {
			t.Fatal(err)
		}
		n, ok := sample(fams, "go_gc_duration_seconds", nil)
		if !ok {
			t.Fatal("/metrics has no go_gc_duration_seconds")
		}
		return n
	}
	time.Sleep(2 * time.Second) // the requests' last work done
	for n0, deadline := gcs(), time.Now().Add(150*time.Second); gcs() == n0; {
		if time.Now().After(deadline) {
			t.Fatal("the server ran no garbage collection in 150 s of idleness")
		}
		time.Sleep(2 * time.Second)
	}
	fams, err := scrapeURL(hc, base+"/metrics")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, name := range []string{"go_goroutines", "go_gc_heap_live_bytes", "process_resident_memory_bytes"} {
		v, ok := sample(fams, name, nil)
		if !ok {
			t.Fatalf("/metrics has no %s", name)
		}
		out[name] = v
	}
	return out
}
