package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that serve's goroutines may write while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// served is a running serve command.
type served struct {
	base string      // http://addr
	log  *syncBuffer // its stderr: the log lines
	stop func() error
}

// startServe runs serve with cfg and args until the returned stop is
// called, which cancels it as a signal would and returns its error.
func startServe(t *testing.T, cfg config, args ...string) *served {
	t.Helper()
	cfg.addr = "127.0.0.1:0"
	cfg.parseCache = ""
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	s := &served{log: &syncBuffer{}}
	go func() {
		done <- cmdServe(ctx, cfg, append(parseArgs(t), args...), io.Discard, s.log, func(a string) { addrc <- a })
	}()
	select {
	case a := <-addrc:
		s.base = "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v\n%s", err, s.log)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	var once sync.Once
	var err error
	s.stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// get returns the status, body and X-Request-Id of GET path.
func (s *served) get(t *testing.T, path string, header ...string) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.base+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("X-Request-Id")
}

// waitReady polls /readyz until it answers 200, for up to a minute.
func (s *served) waitReady(t *testing.T) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		code, body, _ := s.get(t, "/readyz")
		if code == http.StatusOK {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz still %d after a minute: %q\nlog:\n%s", code, body, s.log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// tcpProxy forwards the connections it accepts on its address to target,
// and can cut them all, as a restarting server or a network fault would.
type tcpProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
}

func startProxy(t *testing.T, addr, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("proxy on %s: %v", addr, err)
	}
	p := &tcpProxy{ln: ln, target: target}
	t.Cleanup(p.close)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { io.Copy(u, c); u.Close() }()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
	return p
}

// cut closes every connection made so far.
func (p *tcpProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *tcpProxy) close() {
	p.ln.Close()
	p.cut()
}

// TestServeNeo4jLate starts serve while nothing listens at NEO4J_URI: it
// serves, /healthz is ok and /readyz says the database is not ready. When
// the database comes (a proxy to the test Neo4j opens on that address)
// serve connects by itself and /readyz turns ready. The proxy then cuts
// every connection, and the next query still succeeds: the driver
// retries a lost connection. Every log line of a request carries its id,
// and no password reaches the log.
func TestServeNeo4jLate(t *testing.T) {
	cfg := mustConfig(t)
	target := strings.TrimPrefix(cfg.neo4jURI, "bolt://")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	late := ln.Addr().String()
	ln.Close()
	cfg.neo4jURI = "bolt://" + late
	s := startServe(t, cfg)

	if code, body, _ := s.get(t, "/healthz"); code != http.StatusOK || body != "ok\n" {
		t.Errorf("/healthz with Neo4j down = %d %q, want 200 ok", code, body)
	}
	code, body, _ := s.get(t, "/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "neo4j: not ready") {
		t.Errorf("/readyz with Neo4j down = %d %q, want 503 naming neo4j", code, body)
	}
	if strings.Contains(body, late) {
		t.Errorf("/readyz tells the client the database's address: %q", body)
	}

	time.Sleep(4 * time.Second) // longer than a connection attempt: serve retries
	p := startProxy(t, late, target)
	body = s.waitReady(t)
	for _, want := range []string{"neo4j: ok", "serving: ok"} {
		if !strings.Contains(body, want) {
			t.Errorf("/readyz = %q, want a line %q", body, want)
		}
	}
	stats := func() {
		t.Helper()
		r := postGraphQL(t, s.base+"/graphql", `query Stats { stats { articles } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("stats: %+v", r.Errors)
		}
		if string(r.Data) != `{"stats":{"articles":0}}` {
			t.Errorf("stats = %s, want no articles", r.Data)
		}
	}
	stats()
	p.cut()
	stats()

	// Request ids: a client's plain token is kept, anything else replaced.
	_, _, id := s.get(t, "/healthz", "X-Request-Id", "trace-42")
	if id != "trace-42" {
		t.Errorf("X-Request-Id = %q, want the client's trace-42", id)
	}
	_, _, id = s.get(t, "/healthz", "X-Request-Id", "a b=c")
	if id == "" || id == "a b=c" {
		t.Errorf("X-Request-Id = %q, want a new id for an unsafe one", id)
	}

	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	logs := s.log.String()
	for _, want := range []string{"neo4j not reachable yet", "neo4j connected", "request_id=trace-42",
		"path=/readyz status=503", "operation=Stats", "shutting down", "msg=stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, cfg.neo4jPassword) {
		t.Errorf("log shows the Neo4j password:\n%s", logs)
	}
}

// TestServeShutdownFinishesBatch cancels serve (as SIGTERM does) while an
// ingestArticles batch is running: the batch completes, its response is
// sent, the articles are stored, and serve returns no error.
func TestServeShutdownFinishesBatch(t *testing.T) {
	cfg := mustConfig(t)
	s := startServe(t, cfg, "-log", "json")
	s.waitReady(t)
	paths, _ := filepath.Glob("../../testdata/articles/*.txt")
	var articles []map[string]any
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, map[string]any{"text": string(b)})
	}
	type result struct {
		r    gqlResponse
		done time.Time
	}
	resc := make(chan result, 1)
	go func() {
		r := postGraphQL(t, s.base+"/graphql", `mutation($in: IngestArticlesInput!) { ingestArticles(input: $in) {
			ingestedCount failedCount } }`, map[string]any{"in": map[string]any{"articles": articles}})
		resc <- result{r, time.Now()}
	}()
	time.Sleep(300 * time.Millisecond)
	stopped := time.Now()
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	res := <-resc
	if res.done.Before(stopped) {
		t.Fatalf("the batch ended before shutdown began; the test needs a longer one")
	}
	if len(res.r.Errors) > 0 {
		t.Fatalf("ingestArticles during shutdown: %+v", res.r.Errors)
	}
	if want := `{"ingestArticles":{"ingestedCount":` + itoa(len(articles)) + `,"failedCount":0}}`; string(res.r.Data) != want {
		t.Errorf("ingestArticles = %s, want %s", res.r.Data, want)
	}
	store, closeStore, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	st, err := store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(articles) {
		t.Errorf("%d articles stored after shutdown, want %d", st.Articles, len(articles))
	}
	// The log is JSON lines, each request's with its id.
	for _, line := range strings.Split(strings.TrimSpace(s.log.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", line)
			continue
		}
		if rec["msg"] == "request" && rec["request_id"] == nil {
			t.Errorf("request log line without request_id: %q", line)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
