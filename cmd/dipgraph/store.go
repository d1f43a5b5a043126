package main

import (
	"context"
	"fmt"

	"github.com/dipgraph/dipgraph/graph/neo4jstore"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/server"
	"github.com/dipgraph/dipgraph/server/export"
)

// The Neo4j store is what the server reads and writes, and what exports read.
var (
	_ server.Store  = (*neo4jstore.Store)(nil)
	_ export.Source = (*neo4jstore.Store)(nil)
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
