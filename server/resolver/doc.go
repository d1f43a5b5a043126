// Package resolver implements the GraphQL schema of schema/*.graphqls: the
// root Resolver (resolver.go, hand-written, with the go:generate line), the
// field resolvers gqlgen lays out one file per schema file
// (*.resolvers.go), and their helpers.
//
// Invariants:
//   - Resolvers in *.resolvers.go stay thin: they decode the arguments,
//     call one dependency and convert the result. Conversions (enums,
//     optional values, pages, arguments) live in convert.go; batching in
//     loaders.go; the query cost model in complexity.go.
//   - Storage is reached only through the small interfaces of resolver.go
//     (Reader, BatchReader, Ingester), declared here at the consumer.
//   - Fields that cost a query (Event.participants, Event.evidence,
//     Participant.entity) load through per-request dataloaders whose batch
//     functions make one BatchReader call each, so a page of events costs a
//     fixed number of queries, not one per event.
//   - Errors are returned as they come, wrapping graph's sentinels where
//     they apply; server/errors.go alone decides what the client sees.
//     Problems with a mutation's input that the caller can fix are data:
//     the payload's userErrors.
//   - GraphQL enum values are extract's vocabularies in SCREAMING_SNAKE
//     case (MilitaryAction is MILITARY_ACTION); convert.go maps them.
//
// It imports graph, extract, gqlgen and server/gql, server/node and
// server/scalar; never graph/neo4jstore, the neo4j driver or cmd.
package resolver
