// Package node holds the few hand-written Go types that gqlgen binds the
// schema's abstract types to, where the graph package has no fitting type.
//
// gqlgen decides which GraphQL object a value of an interface type is by
// its Go type. Articles have their own graph type, but every kind of
// entity is one graph.Entity and every kind of event one graph.Event; so
// each kind gets a named type here that embeds the graph type (Country,
// Person, ... in node.go; Visit, Meeting, ... in event.go), and the
// GraphQL interfaces Node, Entity and Event bind to the Go interfaces of
// this package. Node has no methods, as graph's types have none; for the
// same reason the GraphQL Entity and Event interfaces do not declare that
// they implement Node (gqlgen would then need a Go type that is both),
// though every entity and event type does.
//
// Invariants: the types carry no behaviour beyond marking which interface
// they satisfy; conversions live in server/resolver.
//
// It imports only graph: never gqlgen, server/gql (which imports it),
// graph/neo4jstore, the neo4j driver or cmd.
package node
