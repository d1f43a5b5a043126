// Package neo4jtest points tests at the Neo4j that make test runs for them
// and at no other: the integration tests of graph/neo4jstore and cmd empty
// the database they get, so they must never get a user's.
//
// The test instance (make neo4j-test; its own home, data directory and
// Bolt port, 7688 by default) is the server whose one database is named
// Database, "dipgraph-test"; the instance of make run names its database
// neo4j. Tests find the instance through their own variables,
// DIPGRAPH_TEST_NEO4J_URI, DIPGRAPH_TEST_NEO4J_USER and
// DIPGRAPH_TEST_NEO4J_PASSWORD, never through NEO4J_URI and friends, which
// name the user's database; and Wipe deletes nodes of Database alone,
// refusing any other name, so a test pointed at a user's server finds no
// database to empty.
//
// It imports the Neo4j driver and nothing of dipgraph, so that the
// store's own tests can use it.
package neo4jtest
