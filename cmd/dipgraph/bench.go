package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

const benchUsage = `usage: dipgraph bench -url URL[,URL...] -mix FILE[,FILE...] [flags]

Runs a fixed mix of GraphQL queries against one or more endpoints, one
target after the other and alternating their order between runs, and
reports per target and per query requests/s, p50 and p99 latency and
errors, then each target's throughput relative to the first. -mix files
pair with -url by position; one mix serves every target. Only loopback
addresses are accepted. See deploy/bench/README.md.

flags:
`

// benchMix is a mix file: named GraphQL requests that together ask the
// analysts' questions of one API.
type benchMix struct {
	// Name names the target in the report; default the URL.
	Name    string         `json:"name"`
	Comment benchLines     `json:"comment,omitempty"`
	Queries []benchRequest `json:"queries"`
}

// benchRequest is one question of a mix. A request with Pages > 1 is run
// as that many requests in a row, each passing the end cursor of the
// previous page (found at the dotted path Cursor in the response's data)
// as the variable After.
type benchRequest struct {
	Name      string         `json:"name"`
	Comment   benchLines     `json:"comment,omitempty"`
	Query     benchLines     `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
	Pages     int            `json:"pages,omitempty"`
	Cursor    string         `json:"cursor,omitempty"`
	After     string         `json:"after,omitempty"`
}

// benchLines is text written in JSON either as a string or as an array of
// lines, so that queries stay readable in the mix files.
type benchLines string

func (l *benchLines) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = benchLines(s)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err != nil {
		return errors.New("want a string or an array of strings")
	}
	*l = benchLines(strings.Join(lines, "\n"))
	return nil
}

// pageName is the name a page of a request is reported under.
func (q benchRequest) pageName(page int) string {
	if q.Pages <= 1 {
		return q.Name
	}
	return fmt.Sprintf("%s p%d", q.Name, page)
}

func readMix(path string) (benchMix, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return benchMix{}, err
	}
	var m benchMix
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return benchMix{}, fmt.Errorf("mix %s: %w", path, err)
	}
	if len(m.Queries) == 0 {
		return benchMix{}, fmt.Errorf("mix %s: no queries", path)
	}
	for i, q := range m.Queries {
		switch {
		case q.Name == "" || q.Query == "":
			return benchMix{}, fmt.Errorf("mix %s: query %d needs a name and a query", path, i)
		case q.Pages > 1 && (q.Cursor == "" || q.After == ""):
			return benchMix{}, fmt.Errorf("mix %s: %s: pages need cursor and after", path, q.Name)
		}
	}
	return m, nil
}

// benchTarget is an endpoint and the mix that asks it the questions.
type benchTarget struct {
	name, url string
	mix       benchMix
}

// loopbackOnly refuses any endpoint that is not on this machine.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%s: want an http URL", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s: bench only targets loopback addresses (127.0.0.0/8, ::1, localhost)", raw)
}

// listFlag is a repeatable flag that also splits on commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

type benchConfig struct {
	duration, warmup, timeout time.Duration
	concurrency, runs         int
	maxRequests               int64
}

// cmdBench runs the benchmark and prints its report.
func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, benchUsage); fs.PrintDefaults() }
	var urls, mixes listFlag
	fs.Var(&urls, "url", "GraphQL endpoint; repeat or separate with commas for several targets")
	fs.Var(&mixes, "mix", "mix file (JSON) per -url, by position; one file serves all targets")
	var c benchConfig
	fs.DurationVar(&c.duration, "duration", 20*time.Second, "measured time per target and run")
	fs.DurationVar(&c.warmup, "warmup", 5*time.Second, "unmeasured load before each measurement")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "per-request timeout")
	fs.IntVar(&c.concurrency, "concurrency", 4, "concurrent clients, 1 to 64")
	fs.IntVar(&c.runs, "runs", 3, "runs per target; the report gives medians over runs")
	fs.Int64Var(&c.maxRequests, "max-requests", 100000, "stop a measurement after this many requests")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case len(urls) == 0 || len(mixes) == 0:
		fs.Usage()
		return errUsage
	case len(mixes) != 1 && len(mixes) != len(urls):
		return fmt.Errorf("bench: %d -url but %d -mix: give one mix, or one per url", len(urls), len(mixes))
	case c.concurrency < 1 || c.concurrency > 64:
		return fmt.Errorf("bench: -concurrency %d: want 1 to 64", c.concurrency)
	case c.runs < 1 || c.duration <= 0 || c.duration > time.Hour || c.warmup < 0 || c.maxRequests < 1:
		return errors.New("bench: want -runs >= 1, 0 < -duration <= 1h, -warmup >= 0, -max-requests >= 1")
	}
	var targets []benchTarget
	for i, u := range urls {
		if err := loopbackOnly(u); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		path := mixes[0]
		if len(mixes) > 1 {
			path = mixes[i]
		}
		m, err := readMix(path)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		name := m.Name
		if name == "" {
			name = u
		}
		targets = append(targets, benchTarget{name: name, url: u, mix: m})
	}

	client := &http.Client{
		Timeout: c.timeout,
		Transport: &http.Transport{
			Proxy:               nil, // loopback: never through a proxy
			MaxIdleConns:        2 * c.concurrency * len(targets),
			MaxIdleConnsPerHost: 2 * c.concurrency,
			IdleConnTimeout:     90 * time.Second,
		},
	}
	defer client.CloseIdleConnections()

	// Every question must be answered once, without errors, before any load.
	for _, t := range targets {
		w := benchWorker{client: client, target: t}
		for _, q := range t.mix.Queries {
			for _, s := range w.ask(ctx, q) {
				if s.err != nil {
					return fmt.Errorf("bench: %s: %s: %w", t.name, s.name, s.err)
				}
			}
		}
	}

	fmt.Fprintf(stdout, "bench: %d target(s), %d run(s) of %s after %s warm-up, concurrency %d\n",
		len(targets), c.runs, c.duration, c.warmup, c.concurrency)
	results := make([][]runResult, len(targets))
	for run := 0; run < c.runs; run++ {
		order := make([]int, len(targets))
		for i := range order {
			order[i] = i
			if run%2 == 1 {
				order[i] = len(targets) - 1 - i
			}
		}
		for _, ti := range order {
			t := targets[ti]
			if c.warmup > 0 {
				if _, err := benchLoad(ctx, client, t, c, c.warmup); err != nil {
					return err
				}
			}
			r, err := benchLoad(ctx, client, t, c, c.duration)
			if err != nil {
				return err
			}
			all := r.summary("")
			fmt.Fprintf(stdout, "run %d %-16s %8.1f req/s  p50 %8s  p99 %8s  errors %d\n",
				run+1, t.name, all.rps, fmtMS(all.p50), fmtMS(all.p99), all.errors)
			results[ti] = append(results[ti], r)
		}
	}
	fmt.Fprintln(stdout)
	return writeBenchReport(stdout, targets, results)
}

// benchSample is one request's outcome.
type benchSample struct {
	name    string
	latency time.Duration
	bytes   int
	err     error
}

// runResult is one measurement of one target.
type runResult struct {
	elapsed time.Duration
	samples []benchSample
}

// benchLoad runs the target's mix with c.concurrency clients for d (or
// until c.maxRequests requests or ctx ends). Each client goes round the mix
// in order, starting at its own offset, and starts no request after d.
func benchLoad(ctx context.Context, client *http.Client, t benchTarget, c benchConfig, d time.Duration) (runResult, error) {
	var (
		mu       sync.Mutex
		samples  []benchSample
		requests atomic.Int64
		wg       sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	stop := func() bool {
		return ctx.Err() != nil || time.Now().After(deadline) || requests.Load() >= c.maxRequests
	}
	for i := 0; i < c.concurrency; i++ {
		wg.Add(1)
		go func(offset int) {
			defer wg.Done()
			w := benchWorker{client: client, target: t, stop: stop, count: &requests}
			var mine []benchSample
			for n := offset; !stop(); n++ {
				q := t.mix.Queries[n%len(t.mix.Queries)]
				mine = append(mine, w.ask(ctx, q)...)
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return runResult{}, err
	}
	return runResult{elapsed: time.Since(start), samples: samples}, nil
}

// benchWorker sends one client's requests.
type benchWorker struct {
	client *http.Client
	target benchTarget
	stop   func() bool   // nil: never stop between pages
	count  *atomic.Int64 // nil: not counted
}

// ask sends q, page after page, and returns one sample per request sent.
func (w benchWorker) ask(ctx context.Context, q benchRequest) []benchSample {
	pages := max(q.Pages, 1)
	vars := make(map[string]any, len(q.Variables)+1)
	for k, v := range q.Variables {
		vars[k] = v
	}
	var out []benchSample
	for page := 1; page <= pages; page++ {
		if w.stop != nil && page > 1 && w.stop() {
			break
		}
		if w.count != nil {
			w.count.Add(1)
		}
		data, s := w.post(ctx, string(q.Query), vars)
		s.name = q.pageName(page)
		out = append(out, s)
		if s.err != nil || page == pages {
			break
		}
		cursor, err := lookupPath(data, q.Cursor)
		if err != nil {
			out[len(out)-1].err = err
			break
		}
		if cursor == nil {
			out[len(out)-1].err = fmt.Errorf("page %d has no cursor at %s: fewer than %d pages", page, q.Cursor, pages)
			break
		}
		vars[q.After] = cursor
	}
	return out
}

// post sends one GraphQL request and returns the response's data. A
// response counts as an error when its status is not 200, when it has
// GraphQL errors, or when its data is null.
func (w benchWorker) post(ctx context.Context, query string, vars map[string]any) (any, benchSample) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, benchSample{err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.target.url, bytes.NewReader(body))
	if err != nil {
		return nil, benchSample{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	start := time.Now()
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, benchSample{latency: time.Since(start), err: err}
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	s := benchSample{latency: time.Since(start), bytes: len(b), err: err}
	if err != nil {
		return nil, s
	}
	var r struct {
		Data   any `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	switch err := json.Unmarshal(b, &r); {
	case resp.StatusCode != http.StatusOK:
		s.err = fmt.Errorf("HTTP %s: %.200s", resp.Status, b)
	case err != nil:
		s.err = fmt.Errorf("decode response: %w", err)
	case len(r.Errors) > 0:
		s.err = fmt.Errorf("GraphQL error: %s", r.Errors[0].Message)
	case r.Data == nil:
		s.err = errors.New("no data")
	}
	return r.Data, s
}

// lookupPath follows a dotted path of object keys through decoded JSON.
func lookupPath(v any, path string) (any, error) {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("no object at %q of %s", k, path)
		}
		v = m[k]
	}
	return v, nil
}

// writeBenchReport prints, per target, the medians over runs for all
// requests and for each query, and each target's throughput and p99
// relative to the first target.
func writeBenchReport(w io.Writer, targets []benchTarget, results [][]runResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\tquery\treq/s\tp50 ms\tp99 ms\trequests\terrors\tbytes/resp\t")
	overall := make([]benchStats, len(targets))
	for ti, t := range targets {
		names := []string{""}
		for _, q := range t.mix.Queries {
			for p := 1; p <= max(q.Pages, 1); p++ {
				names = append(names, q.pageName(p))
			}
		}
		for _, name := range names {
			var runs []benchStats
			for _, r := range results[ti] {
				runs = append(runs, r.summary(name))
			}
			m := medianStats(runs)
			label := name
			if name == "" {
				label, overall[ti] = "ALL", m
			}
			fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%s\t%d\t%d\t%d\t\n",
				t.name, label, m.rps, fmtMS(m.p50), fmtMS(m.p99), m.requests, m.errors, m.bytes)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for ti := 1; ti < len(targets); ti++ {
		a, b := overall[0], overall[ti]
		fmt.Fprintf(w, "\n%s / %s: throughput %.2fx, p50 %.2fx, p99 %.2fx (latency ratios < 1 mean %s is faster)\n",
			targets[0].name, targets[ti].name, ratio(a.rps, b.rps),
			ratio(float64(a.p50), float64(b.p50)), ratio(float64(a.p99), float64(b.p99)), targets[0].name)
	}
	return nil
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func fmtMS(d time.Duration) string {
	return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))
}
