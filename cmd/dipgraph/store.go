package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/dipgraph/dipgraph/graph/neo4jstore"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/server"
	"github.com/dipgraph/dipgraph/server/export"
)

// The Neo4j store is what the server reads and writes, and what exports read.
var (
	_ server.Store       = (*neo4jstore.Store)(nil)
	_ export.Source      = (*neo4jstore.Store)(nil)
	_ server.Publication = (*neo4jstore.Store)(nil)
)

// openStore connects to Neo4j, applies the schema's constraints and
// returns the store and a function that closes the driver.
func openStore(ctx context.Context, cfg config) (*neo4jstore.Store, func(), error) {
	driver, err := neo4jstore.Connect(ctx, cfg.neo4jURI, cfg.neo4jUser, cfg.neo4jPassword)
	if err != nil {
		return nil, nil, fmt.Errorf("connect to Neo4j at %s (is it running? make neo4j): %w", cfg.neo4jURI, err)
	}
	closeFn := func() { driver.Close(context.Background()) }
	store := neo4jstore.New(driver, cfg.neo4jDatabase)
	if err := store.Migrate(ctx, schema.Constraints()); err != nil {
		closeFn()
		return nil, nil, fmt.Errorf("apply constraints: %w", err)
	}
	return store, closeFn, nil
}

// storeWhenUp returns a store on cfg's Neo4j at once, without waiting for
// the server, and its readiness check: serve starts while the database is
// down and connects when it comes. In the background the constraints are
// applied as soon as the server answers, retried with backoff (a quarter
// second, doubling up to 15 s) until ctx ends; wrong credentials stop the
// retries. Until then the check fails; afterwards it pings the database.
// The returned function waits for the background work and closes the
// driver.
func storeWhenUp(ctx context.Context, cfg config, log *slog.Logger) (*neo4jstore.Store, func(context.Context) error, func(), error) {
	driver, err := neo4jstore.Dial(cfg.neo4jURI, cfg.neo4jUser, cfg.neo4jPassword)
	if err != nil {
		return nil, nil, nil, err
	}
	store := neo4jstore.New(driver, cfg.neo4jDatabase)
	var state atomic.Pointer[error] // nil: not connected yet
	done := make(chan struct{})
	go func() {
		defer close(done)
		wait := 250 * time.Millisecond
		for {
			// A short ping first: the driver would retry a server that is
			// down for half a minute before Migrate gave up.
			pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			err := store.Ping(pctx)
			cancel()
			if err == nil {
				err = store.Migrate(ctx, schema.Constraints())
			}
			if err == nil {
				state.Store(new(error))
				log.Info("neo4j connected, constraints applied", "uri", cfg.neo4jURI, "database", cfg.neo4jDatabase)
				return
			}
			if ctx.Err() != nil {
				return
			}
			if neo4jstore.Refused(err) {
				err = fmt.Errorf("neo4j at %s refused user %q (check NEO4J_USER and NEO4J_PASSWORD): %w", cfg.neo4jURI, cfg.neo4jUser, err)
				state.Store(&err)
				log.Error("neo4j refused the credentials; not retrying", "uri", cfg.neo4jURI, "user", cfg.neo4jUser)
				return
			}
			log.Warn("neo4j not reachable yet, retrying", "uri", cfg.neo4jURI, "in", wait.String(), "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, 15*time.Second)
		}
	}()
	check := func(ctx context.Context) error {
		switch p := state.Load(); {
		case p == nil:
			return errors.New("neo4j: not connected yet")
		case *p != nil:
			return *p
		}
		return store.Ping(ctx)
	}
	closeFn := func() {
		<-done
		driver.Close(context.Background())
	}
	return store, check, closeFn, nil
}
