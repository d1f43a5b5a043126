package neo4jstore

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestWriteDeadlineStopsTransaction holds the lock of an article in
// another transaction and deletes the article with a one-second deadline:
// the delete must give up at the deadline, and the server must have
// stopped its transaction (none waits on the lock any more), so a request
// the API stopped waiting for stops using the database.
func TestWriteDeadlineStopsTransaction(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const id = "article:locked"
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, "CREATE (:Article {id: $id, title: 'locked'})", map[string]any{"id": id},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database)); err != nil {
		t.Fatal(err)
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database})
	defer sess.Close(ctx)
	lock, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	res, err := lock.Run(ctx, "MATCH (a:Article {id: $id}) SET a.lockedBy = 'test' RETURN a.id", map[string]any{"id": id})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	dctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err = s.DeleteArticle(dctx, id)
	elapsed := time.Since(start)
	if err == nil {
		t.Fatal("DeleteArticle of a locked article succeeded")
	}
	t.Logf("DeleteArticle gave up after %v: %v", elapsed.Round(time.Millisecond), err)
	if elapsed > 4*time.Second {
		t.Errorf("DeleteArticle waited %v for the lock, past its 1s deadline", elapsed)
	}

	// Only the locking transaction (and the one asking) may remain.
	waiting := func() []string {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, `SHOW TRANSACTIONS YIELD currentQuery, status
			WHERE NOT currentQuery STARTS WITH 'SHOW' AND (currentQuery CONTAINS 'DETACH DELETE' OR status STARTS WITH 'Blocked')
			RETURN currentQuery + ' (' + status + ')' AS q`, nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range res.Records {
			q, _, _ := neo4j.GetRecordValue[string](r, "q")
			out = append(out, q)
		}
		return out
	}
	deadline := time.Now().Add(3 * time.Second)
	for w := waiting(); len(w) > 0; w = waiting() {
		if time.Now().After(deadline) {
			t.Fatalf("3 s after the deadline the server still runs: %q", w)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, id); err != nil {
		t.Errorf("the article is gone after a delete that timed out: %v", err)
	}
}
