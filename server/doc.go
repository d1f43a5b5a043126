// Package server is dipgraph's HTTP API: a GraphQL endpoint over the
// knowledge graph, a GraphiQL page to explore it, a web page at / that
// searches, draws and charts it through that endpoint (page.go; its bundle
// in web/app is built from the repository's web/ by make web, never
// edited by hand), /healthz (the process serves) and /readyz (the checks
// of Config.Checks pass: the database and the parser answer). Every request gets an id (X-Request-Id), carried by
// every log line written for it, and one access-log line. GET
// /export/{format} writes a selection as a file (server/export). With
// Config.Metrics, GET /metrics serves Prometheus metrics (metrics.go):
// requests by route and status, GraphQL operations by name (bounded) and
// type, ingested articles, and what cmd adds (the store's sessions).
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
//
//   - errors.go is the single exit for errors: graph.ErrNotFound,
//     graph.ErrInvalid, graph.ErrConflict and graph.ErrUnavailable become
//     the extensions.code NOT_FOUND, BAD_USER_INPUT, CONFLICT and
//     UNAVAILABLE, running out of time TIMEOUT;
//     anything else is logged and the client sees only "internal error".
//     Panics are recovered, logged and reported the same way. Only our own
//     stable ids reach the client, never a database's.
//
//   - Every operation gets fresh dataloaders, so one request batches and
//     caches what it loads and no other request sees it, and the store
//     calls of a request follow the shape of the query, not its rows.
//
//   - Every request is bounded before it runs: the parser reads at most
//     TokenLimit tokens, selections nest at most DepthLimit deep
//     (limits.go), and the complexity limit counts a list's selection once
//     per item it may return, times the fan-out of lists without a size
//     (resolver.Complexity); pages hold at most graph.MaxPageSize items.
//     While it runs, Timeout (MutationTimeout for a mutation) bounds it,
//     and the store stops its transaction then too. Each refusal has its code:
//     GRAPHQL_PARSE_FAILED or TOKEN_LIMIT_EXCEEDED, DEPTH_LIMIT_EXCEEDED,
//     COMPLEXITY_LIMIT_EXCEEDED, TIMEOUT.
//
//   - Who may write (security.go): with Config.APIKeys, a mutation needs
//     "Authorization: Bearer KEY" (UNAUTHENTICATED otherwise; a wrong key
//     is a 401 on any request), and with KeyedReads so does every query.
//     Keys are kept as SHA-256 digests and compared in constant time.
//     A route that writes or exports unpublished data must check
//     authenticated(ctx) the same way: GET /export does (exportauth.go),
//     refusing without a key a selection that holds an article with no
//     publication date or one still to come (Config.Publication). CORS answers only Config.CORSOrigins;
//     every response carries the security headers, and GraphiQL's page
//     and the web page load only the server's own copies of their files
//     (graphiql.go, page.go). Bodies
//     are limited (413) and, with Config.RateLimit, each client's rate (429).
//
// It imports graph, extract and gqlgen; never graph/neo4jstore, the neo4j
// driver or cmd, so the driver cannot reach the API.
//
// Tests run the real handler over httptest against a hand-written fake
// store; the end-to-end test against Neo4j lives in cmd.
package server
