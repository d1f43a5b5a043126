package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/dipgraph/dipgraph/graph/neo4jstore"
	"github.com/dipgraph/dipgraph/server"
)

// shutdownGrace is how long serve waits, once told to stop, for the
// requests in flight: longer than the longest (a mutation's timeout), so
// that a batch being ingested finishes.
const shutdownGrace = server.DefaultMutationTimeout + 10*time.Second

// serveParseMemory is how many sentence parses serve keeps in memory
// when DIPGRAPH_PARSE_MEMORY does not say and a disk cache holds them all.
const serveParseMemory = 2000

// cmdServe serves the GraphQL API until ctx is cancelled, then stops
// taking connections, lets the requests in flight finish and returns.
// It starts whether or not Neo4j is up (see storeWhenUp); /readyz says
// when the database and the parser answer. ready, when not nil, receives
// the address once the listener is open (for tests).
func cmdServe(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer, ready func(addr string)) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", cfg.addr, "listen address (env DIPGRAPH_ADDR)")
	logFormat := fs.String("log", cfg.logFormat, "log lines as text or json (env DIPGRAPH_LOG_FORMAT)")
	if cfg.parseMemory == 0 && cfg.parseCache != "" {
		// a server runs for weeks: a few parses in memory, the rest on
		// disk, so that its heap does not grow with every article ingested
		cfg.parseMemory = serveParseMemory
	}
	extractor := parseFlag(fs, cfg)
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger, err := newLogger(stderr, *logFormat)
	if err != nil {
		return err
	}
	if cfg.rateLimit < 0 {
		return errors.New("serve: DIPGRAPH_RATE_LIMIT: want requests a second per client, R or R/BURST (e.g. 20 or 20/40)")
	}
	// The background connection ends with this context, after the
	// server's last request.
	storeCtx, stopStore := context.WithCancel(context.WithoutCancel(ctx))
	store, storeReady, closeStore, err := storeWhenUp(storeCtx, cfg, logger)
	if err != nil {
		stopStore()
		return err
	}
	defer func() {
		stopStore()
		closeStore()
	}()
	ex := extractor()
	checks := []server.Check{
		{Name: "neo4j", Check: storeReady},
		{Name: "serving", Check: func(context.Context) error {
			if ctx.Err() != nil {
				return errors.New("shutting down")
			}
			return nil
		}},
	}
	if ex.client != nil {
		checks = append(checks, server.Check{Name: "parser", Check: ex.client.Ping})
	}
	metrics, err := storeMetrics(store, storeReady)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler: server.New(server.Config{Store: store, Extractor: ex, Logger: logger, Checks: checks,
			APIKeys: cfg.apiKeys, KeyedReads: cfg.keyedReads, CORSOrigins: cfg.corsOrigins,
			RateLimit: cfg.rateLimit, RateBurst: cfg.rateBurst, NoIntrospection: !cfg.introspection, Export: store, Publication: store,
			Metrics: metrics}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving GraphQL on http://%s/graphql and GraphiQL on http://%s/graphiql\n", ln.Addr(), ln.Addr())
	// The keys themselves are never logged, only how many there are.
	logger.Info("serving", "addr", ln.Addr().String(), "neo4j", cfg.neo4jURI, "database", cfg.neo4jDatabase, "parse", ex.client != nil,
		"api_keys", len(cfg.apiKeys), "keyed_reads", cfg.keyedReads && len(cfg.apiKeys) > 0, "cors_origins", len(cfg.corsOrigins),
		"rate_limit", cfg.rateLimit, "introspection", cfg.introspection)
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: no new connections, waiting for the requests in flight", "grace", shutdownGrace.String())
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// The metrics of the store that serve adds to the server's.
const (
	metricSessionsInUse  = "dipgraph_neo4j_sessions_in_use"
	metricSessionsOpened = "dipgraph_neo4j_sessions_opened_total"
	metricNeo4jReady     = "dipgraph_neo4j_ready"
)

// storeMetrics returns the server's metrics with the store's added: its
// sessions open now and opened so far, by access mode (the driver tells
// nothing of its connection pool; an open session holds one of its
// connections while its transaction runs), and whether Neo4j answers
// (ready, asked at each scrape with a short timeout).
func storeMetrics(store *neo4jstore.Store, ready func(context.Context) error) (*server.Metrics, error) {
	m := server.NewMetrics()
	for _, g := range []struct {
		mode         string
		open, opened func(neo4jstore.SessionStats) float64
	}{
		{"read", func(s neo4jstore.SessionStats) float64 { return float64(s.ReadOpen) },
			func(s neo4jstore.SessionStats) float64 { return float64(s.ReadOpened) }},
		{"write", func(s neo4jstore.SessionStats) float64 { return float64(s.WriteOpen) },
			func(s neo4jstore.SessionStats) float64 { return float64(s.WriteOpened) }},
	} {
		labels := map[string]string{"mode": g.mode}
		if err := m.GaugeFunc(metricSessionsInUse, "Neo4j sessions the store holds open now (each holds a pooled connection while its transaction runs), by access mode.",
			labels, func() float64 { return g.open(store.Sessions()) }); err != nil {
			return nil, err
		}
		if err := m.CounterFunc(metricSessionsOpened, "Neo4j sessions the store opened, by access mode.",
			labels, func() float64 { return g.opened(store.Sessions()) }); err != nil {
			return nil, err
		}
	}
	err := m.GaugeFunc(metricNeo4jReady, "1 when Neo4j answers (a trivial query within 2 s at the scrape) and the constraints are applied, else 0.",
		nil, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if ready(ctx) != nil {
				return 0
			}
			return 1
		})
	return m, err
}

// newLogger returns serve's structured logger on w: text (key=value) or
// json lines.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("serve: -log %q: want text or json", format)
}
