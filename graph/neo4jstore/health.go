package neo4jstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// Dial creates a driver for uri without contacting the server, for a
// process that must start while the database is still down (serve): the
// driver connects on first use and its transaction functions retry
// transient errors, a lost connection among them, with exponential
// backoff for up to 30 seconds (the driver's MaxTransactionRetryTime).
// Connect is Dial and a wait for the server. The caller closes the
// returned driver.
func Dial(uri, user, password string) (neo4j.DriverWithContext, error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""))
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: connect %s: %w", uri, err)
	}
	return driver, nil
}

// Refused reports whether err means the server will not let us in (wrong
// credentials), so that retrying cannot help.
func Refused(err error) bool { return refused(err) }

// Ping runs a trivial query on the store's database: nil when it answers,
// an error wrapping graph.ErrUnavailable when the server cannot be
// reached, or the server's refusal.
func (s *Store) Ping(ctx context.Context) error {
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "RETURN 1", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return s.fail("ping", s.database, err)
	}
	return nil
}

// unreachable reports whether err means no server could be reached: a
// connectivity error, or the driver giving up its retries on one; not
// the caller's deadline or cancellation, which the driver reports as a
// connectivity error too.
func unreachable(err error) bool {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if lostConnection(e) {
				return true
			}
		}
	}
	return lostConnection(err) || errors.Is(err, graph.ErrUnavailable)
}

func lostConnection(err error) bool {
	var conn *neo4j.ConnectivityError
	if !errors.As(err, &conn) {
		return false
	}
	inner := conn.Inner
	return !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) &&
		!errors.Is(inner, context.DeadlineExceeded) && !errors.Is(inner, context.Canceled)
}
