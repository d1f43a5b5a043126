// Package schema holds dipgraph's contract files and exposes them as file
// systems: the GraphQL SDL (*.graphqls, split by feature) that gqlgen reads
// and the server serves, and the Cypher constraints and indexes
// (constraints/NNNN_*.cypher) that cmd hands to the store's Migrate at
// start-up.
//
// Invariants: every constraint file holds one statement written with
// IF NOT EXISTS, so applying them all again is a no-op; files apply in name
// order.
//
// It imports nothing of dipgraph's and nothing outside the standard library.
package schema
