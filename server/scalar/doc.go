// Package scalar holds the marshalers of the schema's custom scalars where
// gqlgen's own do not fit. gqlgen binds them through gqlgen.yml.
//
// Invariants: a value a client sends that does not parse is an error
// wrapping graph.ErrInvalid, which the server reports as BAD_USER_INPUT
// with the message; nothing here has state.
//
// It imports graph and gqlgen only: never server/gql, graph/neo4jstore,
// the neo4j driver or cmd.
package scalar
