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

	"github.com/dipgraph/dipgraph/server"
)

// shutdownGrace is how long serve waits, once told to stop, for the
// requests in flight: longer than the longest (a mutation's timeout), so
// that a batch being ingested finishes.
const shutdownGrace = server.DefaultMutationTimeout + 10*time.Second

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
	srv := &http.Server{
		Handler: server.New(server.Config{Store: store, Extractor: ex, Logger: logger, Checks: checks,
			APIKeys: cfg.apiKeys, KeyedReads: cfg.keyedReads, CORSOrigins: cfg.corsOrigins,
			RateLimit: cfg.rateLimit, RateBurst: cfg.rateBurst, NoIntrospection: !cfg.introspection, Export: store}),
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
