package neo4jtest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
)

func TestFromEnvIgnoresUserVariables(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_DATABASE": "neo4j", "NEO4J_PASSWORD": "users"}
	got := neo4jtest.FromEnv(func(k string) string { return env[k] })
	want := neo4jtest.Config{URI: neo4jtest.DefaultURI, User: "neo4j", Password: "dipgraph-dev", Database: "dipgraph-test"}
	if got != want {
		t.Errorf("FromEnv with only the user's variables set = %+v, want %+v", got, want)
	}
	env["DIPGRAPH_TEST_NEO4J_URI"] = "bolt://127.0.0.1:7694"
	if got := neo4jtest.FromEnv(func(k string) string { return env[k] }); got.URI != "bolt://127.0.0.1:7694" || got.Database != neo4jtest.Database {
		t.Errorf("FromEnv with DIPGRAPH_TEST_NEO4J_URI = %+v", got)
	}
}

// TestWipeRefusesOtherDatabases puts a node in the test database and asks
// Wipe to empty the user's database name and the system database: both
// are refused and the node stays; the test database itself is emptied.
func TestWipeRefusesOtherDatabases(t *testing.T) {
	c := neo4jtest.Open(t)
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	count := func() int64 {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, driver, "MATCH (n) RETURN count(n) AS n", nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
		if err != nil {
			t.Fatal(err)
		}
		n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := neo4j.ExecuteQuery(ctx, driver, "CREATE (:Keep {id: 'keep'})", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database)); err != nil {
		t.Fatal(err)
	}
	for _, db := range []string{"neo4j", "system", "", "Dipgraph-Test"} {
		err := neo4jtest.Wipe(ctx, driver, db)
		if !errors.Is(err, neo4jtest.ErrNotTestDatabase) {
			t.Errorf("Wipe(%q) = %v, want ErrNotTestDatabase", db, err)
		}
	}
	if n := count(); n != 1 {
		t.Fatalf("after refused wipes the test database holds %d nodes, want the 1 created", n)
	}
	if err := neo4jtest.Wipe(ctx, driver, neo4jtest.Database); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Errorf("after Wipe(%q) %d nodes remain", neo4jtest.Database, n)
	}
}
