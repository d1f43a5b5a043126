// Package server is dipgraph's HTTP API: a GraphQL endpoint over the
// knowledge graph, a GraphiQL page to explore it, and a health check.
// New builds the whole handler from explicit dependencies; routes.go lists
// every route.
//
// The GraphQL schema lives in schema/*.graphqls; gqlgen (configured by
// gqlgen.yml at the module root) generates server/gql from it, which
// nobody edits. The resolvers in server/resolver stay thin and talk to
// storage only through the small interfaces declared there; cmd plugs in
// the Neo4j store. server/node and server/scalar hold the few hand-written
// types and marshalers gqlgen binds to.
//
// Invariants:
//   - errors.go is the single exit for errors: graph.ErrNotFound,
//     graph.ErrInvalid and graph.ErrConflict become the extensions.code
//     NOT_FOUND, BAD_USER_INPUT and CONFLICT; anything else is logged and
//     the client sees only "internal error". Panics are recovered, logged
//     and reported the same way.
//   - Every operation gets fresh dataloaders, so one request batches and
//     caches what it loads and no other request sees it.
//   - Query cost is bounded by a complexity limit in which a connection
//     costs its selection once per item it may return.
//
// It imports graph, extract and gqlgen; never graph/neo4jstore, the neo4j
// driver or cmd, so the driver cannot reach the API.
//
// Tests run the real handler over httptest against a hand-written fake
// store; the end-to-end test against Neo4j lives in cmd.
package server
