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
//     (Reader, Analyst, BatchReader, Ingester, Curator), declared here at
//     the consumer.
//   - Fields that cost a query (an event's participants, evidence and
//     role fields, an entity's relations, events and articles, an
//     evidence's article, ...) load through per-request dataloaders
//     (loaders.go) whose batch functions make one BatchReader call each
//     (the page loaders one per distinct set of arguments), so a request
//     costs a number of queries that grows with the depth of its
//     selection, not with the rows it returns.
//   - The kinds of event are many and alike: their resolvers in
//     event_types.resolvers.go each call one helper of loaders.go or
//     convert.go, and complexity.go sets their lists' cost by field name.
//   - Errors are returned as they come, wrapping graph's sentinels where
//     they apply; server/errors.go alone decides what the client sees.
//     Problems with a mutation's input that the caller can fix are data:
//     the payload's userErrors.
//   - GraphQL enum values are extract's vocabularies in SCREAMING_SNAKE
//     case (MilitaryAction is MILITARY_ACTION), bound in gqlgen.yml to the
//     stored strings, so no resolver converts them.
//
// It imports graph, extract, gqlgen and server/gql, server/node and
// server/scalar; never graph/neo4jstore, the neo4j driver or cmd.
package resolver
