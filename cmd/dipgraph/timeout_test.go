package main

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/server"
)

// TestTimeoutStopsCypher runs the API over the test Neo4j with a
// one-second mutation timeout and deletes an article whose lock another
// transaction holds: the client gets TIMEOUT at about a second, and the
// database runs no part of the delete afterwards.
func TestTimeoutStopsCypher(t *testing.T) {
	cfg := mustConfig(t)
	ctx := context.Background()
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	driver, err := neo4j.NewDriverWithContext(cfg.neo4jURI, neo4j.BasicAuth(cfg.neo4jUser, cfg.neo4jPassword, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	const id = "article:locked"
	db := neo4j.ExecuteQueryWithDatabase(cfg.neo4jDatabase)
	if _, err := neo4j.ExecuteQuery(ctx, driver, "CREATE (:Article {id: $id, title: 'locked'})", map[string]any{"id": id},
		neo4j.EagerResultTransformer, db); err != nil {
		t.Fatal(err)
	}
	sess := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.neo4jDatabase})
	defer sess.Close(ctx)
	lock, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	if res, err := lock.Run(ctx, "MATCH (a:Article {id: $id}) SET a.lockedBy = 'test'", map[string]any{"id": id}); err != nil {
		t.Fatal(err)
	} else if _, err := res.Consume(ctx); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(server.New(server.Config{Store: store, MutationTimeout: time.Second}))
	defer srv.Close()
	start := time.Now()
	r := postGraphQL(t, srv.URL+"/graphql", `mutation($id: ID!) { deleteArticle(input: {id: $id}) { articleId } }`,
		map[string]any{"id": id})
	elapsed := time.Since(start)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TIMEOUT" {
		t.Fatalf("deleteArticle of a locked article: %+v, want one TIMEOUT", r.Errors)
	}
	if elapsed > 3*time.Second {
		t.Errorf("TIMEOUT after %v, want about the 1s timeout", elapsed)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		res, err := neo4j.ExecuteQuery(ctx, driver, `SHOW TRANSACTIONS YIELD currentQuery, status
			WHERE NOT currentQuery STARTS WITH 'SHOW' AND (currentQuery CONTAINS 'DETACH DELETE' OR status STARTS WITH 'Blocked')
			RETURN count(*) AS n`, nil, neo4j.EagerResultTransformer, db)
		if err != nil {
			t.Fatal(err)
		}
		if n, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "n"); n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the delete still runs in Neo4j 3 s after the request timed out")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
