// Package node holds the few hand-written Go types that gqlgen binds the
// schema's abstract types to, where the graph package has no fitting type.
//
// gqlgen decides which GraphQL object a value of an interface type is by
// its Go type. Events and articles have their own graph types, but every
// kind of entity is one graph.Entity; so each kind gets a named type here
// that embeds graph.Entity (Country, Person, Organization, Place, Region),
// and the GraphQL interfaces Node and Entity bind to the Go interfaces
// of node.go. Node has no methods, as graph's types have none; for the
// same reason the GraphQL Entity interface does not declare that it
// implements Node (gqlgen would then need a Go type that is both), though
// every entity type does. When the schema grows an Event interface with one type per kind
// of event, those types belong here too, each embedding graph.Event.
//
// Invariants: the types carry no behaviour beyond marking which interface
// they satisfy; conversions live in server/resolver.
//
// It imports only graph: never gqlgen, server/gql (which imports it),
// graph/neo4jstore, the neo4j driver or cmd.
package node
