package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Database is the name of the test database: the one database of make
// test's Neo4j, and the only one Wipe empties.
const Database = "dipgraph-test"

// DefaultURI is where make test's Neo4j listens unless
// DIPGRAPH_TEST_NEO4J_URI says otherwise.
const DefaultURI = "bolt://127.0.0.1:7688"

// ErrNotTestDatabase is returned by Wipe for a database other than
// Database, and for a server that has no such database.
var ErrNotTestDatabase = errors.New("not the test database")

// Config names the test database and how to log in to its server.
type Config struct {
	URI, User, Password, Database string
}

// FromEnv returns the test instance's Config from getenv:
// DIPGRAPH_TEST_NEO4J_URI (DefaultURI), DIPGRAPH_TEST_NEO4J_USER (neo4j)
// and DIPGRAPH_TEST_NEO4J_PASSWORD (dipgraph-dev). The database is always
// Database. NEO4J_URI and the other variables of the user's instance are
// not read.
func FromEnv(getenv func(string) string) Config {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	return Config{
		URI:      env("DIPGRAPH_TEST_NEO4J_URI", DefaultURI),
		User:     env("DIPGRAPH_TEST_NEO4J_USER", "neo4j"),
		Password: env("DIPGRAPH_TEST_NEO4J_PASSWORD", "dipgraph-dev"),
		Database: Database,
	}
}

// Wipe deletes every node and relationship of database db, which must be
// Database: any other name is refused with ErrNotTestDatabase before
// anything is sent, and so is a server without a database of that name.
// Indexes and constraints stay.
func Wipe(ctx context.Context, driver neo4j.DriverWithContext, db string) error {
	if db != Database {
		return fmt.Errorf("neo4jtest: refusing to wipe database %q: %w %q", db, ErrNotTestDatabase, Database)
	}
	_, err := neo4j.ExecuteQuery(ctx, driver, "MATCH (n) DETACH DELETE n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	var n4e *neo4j.Neo4jError
	if errors.As(err, &n4e) && n4e.Code == "Neo.ClientError.Database.DatabaseNotFound" {
		return fmt.Errorf("neo4jtest: the server has no database %q, so it is %w of make test (make neo4j-test starts that one); nothing wiped", db, ErrNotTestDatabase)
	}
	if err != nil {
		return fmt.Errorf("neo4jtest: wipe %s: %w", db, err)
	}
	return nil
}

// Open returns the Config of the test instance with its database emptied.
// When no server answers at the URI the test is skipped, or fails if
// DIPGRAPH_REQUIRE_NEO4J=1 (make test and CI set it); a server that is not
// the test instance fails the test, with nothing wiped.
//
// Tests that use it must not run at the same time as other packages'
// tests: run them with go test -p 1.
func Open(tb testing.TB) Config {
	tb.Helper()
	c := FromEnv(os.Getenv)
	unreachable := func(err error) {
		tb.Helper()
		msg := fmt.Sprintf("no test Neo4j at %s (%v); start it with make neo4j-test or set DIPGRAPH_TEST_NEO4J_URI", c.URI, err)
		if os.Getenv("DIPGRAPH_REQUIRE_NEO4J") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg + "; set DIPGRAPH_REQUIRE_NEO4J=1 to fail instead")
	}
	// A quick dial first, so that a machine without a server skips at once.
	if err := dial(c.URI); err != nil {
		unreachable(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""))
	if err != nil {
		tb.Fatal(err)
	}
	defer driver.Close(context.Background())
	if err := driver.VerifyConnectivity(ctx); err != nil {
		unreachable(err)
	}
	if err := Wipe(ctx, driver, c.Database); err != nil {
		tb.Fatal(err)
	}
	return c
}

// dial checks that something listens where uri points.
func dial(uri string) error {
	u, err := url.Parse(uri)
	if err != nil {
		return err
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "7687")
	}
	conn, err := net.DialTimeout("tcp", host, 2*time.Second)
	if err != nil {
		return err
	}
	return conn.Close()
}
