package neo4jstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// DefaultDatabase is the database a Store uses when New is given none.
const DefaultDatabase = "neo4j"

// Store reads and writes the dipgraph model in one Neo4j database. It is
// safe for concurrent use; every method is one transaction.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	sessions [2]sessionCount // by access mode: read, write
}

// sessionCount counts the sessions of one access mode the store opened:
// all of them, and those open now.
type sessionCount struct {
	opened atomic.Uint64
	open   atomic.Int64
}

// SessionStats is what a store knows of its use of the driver's pool
// (the driver itself tells nothing of it): the sessions open now, each
// holding a connection while its transaction runs, and those opened
// since the store was made, by access mode.
type SessionStats struct {
	ReadOpen, WriteOpen     int64
	ReadOpened, WriteOpened uint64
}

// Sessions returns the store's session counts. It is cheap and safe for
// concurrent use, for a metrics scrape.
func (s *Store) Sessions() SessionStats {
	return SessionStats{
		ReadOpen: s.sessions[0].open.Load(), WriteOpen: s.sessions[1].open.Load(),
		ReadOpened: s.sessions[0].opened.Load(), WriteOpened: s.sessions[1].opened.Load(),
	}
}

// session opens a session of mode on the store's database and counts it;
// the returned function closes it.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) (neo4j.SessionWithContext, func()) {
	c := &s.sessions[0]
	if mode == neo4j.AccessModeWrite {
		c = &s.sessions[1]
	}
	c.opened.Add(1)
	c.open.Add(1)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: mode})
	return session, func() {
		session.Close(ctx)
		c.open.Add(-1)
	}
}

// New returns a store on the named database of driver. The driver belongs
// to the caller, who closes it. An empty database means DefaultDatabase:
// the store always names its database, so no session falls back to the
// user's home database.
func New(driver neo4j.DriverWithContext, database string) *Store {
	if database == "" {
		database = DefaultDatabase
	}
	return &Store{driver: driver, database: database}
}

// refused reports whether err means the server will not let us in, so
// waiting longer cannot help.
func refused(err error) bool {
	var auth *neo4j.InvalidAuthenticationError
	var neoErr *neo4j.Neo4jError
	return errors.As(err, &auth) ||
		(errors.As(err, &neoErr) && strings.HasPrefix(neoErr.Code, "Neo.ClientError.Security."))
}

// connectTimeout is how long Connect waits for a server that is still
// starting.
const connectTimeout = 60 * time.Second

// Connect creates a driver for uri (bolt://, neo4j://, ...) and waits until
// the server answers, retrying for up to a minute because the database may
// still be starting. Wrong credentials fail at once. The caller closes the
// returned driver.
func Connect(ctx context.Context, uri, user, password string) (neo4j.DriverWithContext, error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""))
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: connect %s: %w", uri, err)
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	wait := 250 * time.Millisecond
retry:
	for {
		err = driver.VerifyConnectivity(ctx)
		if err == nil {
			return driver, nil
		}
		if refused(err) {
			break
		}
		select {
		case <-ctx.Done():
			break retry
		case <-time.After(wait):
			wait = min(2*wait, 4*time.Second)
		}
	}
	_ = driver.Close(context.WithoutCancel(ctx))
	return nil, fmt.Errorf("neo4jstore: connect %s: %w", uri, err)
}

// Migrate applies every *.cypher file at the root of files in name order:
// the constraint and index files of schema.Constraints. Each file holds
// one statement written with IF NOT EXISTS, so Migrate may run at every
// start; lines starting with // are comments. Migrate then waits until
// every index is online.
func (s *Store) Migrate(ctx context.Context, files fs.FS) error {
	names, err := fs.Glob(files, "*.cypher")
	if err != nil {
		return fmt.Errorf("neo4jstore: migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			return fmt.Errorf("neo4jstore: migrate %s: %w", name, err)
		}
		stmt := statement(string(b))
		if stmt == "" {
			continue
		}
		_, err = write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
			_, err := run(ctx, tx, stmt, nil)
			return struct{}{}, err
		})
		if err != nil {
			return s.fail("migrate", name, err)
		}
	}
	_, err = write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		_, err := run(ctx, tx, awaitIndexes, map[string]any{"seconds": 300})
		return struct{}{}, err
	})
	if err != nil {
		return s.fail("migrate", "await indexes", err)
	}
	return nil
}

var awaitIndexes = mustQuery("await_indexes")

// statement returns the Cypher of a migration file: without comment lines,
// surrounding space and a trailing semicolon.
func statement(src string) string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(strings.TrimSpace(b.String()), ";")
}

// fail translates a driver error into the model's errors: a constraint
// violation becomes graph.ErrConflict, a server that cannot be reached
// (after the driver's retries) graph.ErrUnavailable; anything else is
// wrapped with the operation and the key. Errors that already carry a graph sentinel are
// only given the prefix.
func (s *Store) fail(op, key string, err error) error {
	if key != "" {
		op += " " + key
	}
	var neoErr *neo4j.Neo4jError
	if errors.As(err, &neoErr) && neoErr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
		return fmt.Errorf("neo4jstore: %s: %w: %s", op, graph.ErrConflict, neoErr.Msg)
	}
	if unreachable(err) {
		return fmt.Errorf("neo4jstore: %s: %w: %v", op, graph.ErrUnavailable, err)
	}
	return fmt.Errorf("neo4jstore: %s: %w", op, err)
}

// read runs work in a read transaction on the store's database, routed to
// a reader in a cluster. The driver retries work on transient errors, so
// work must have no effects outside the transaction. When ctx has a
// deadline, the server is told to give up on the transaction then too, so
// a query the caller stopped waiting for stops using the database.
func read[T any](ctx context.Context, s *Store, work func(context.Context, neo4j.ManagedTransaction) (T, error)) (T, error) {
	session, done := s.session(ctx, neo4j.AccessModeRead)
	defer done()
	return neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (T, error) { return work(ctx, tx) }, txTimeout(ctx)...)
}

// txTimeout returns the transaction configuration that ends a transaction
// at ctx's deadline, if it has one.
func txTimeout(ctx context.Context) []func(*neo4j.TransactionConfig) {
	dl, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	// Neo4j counts whole milliseconds, and 0 would mean no timeout.
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(max(time.Until(dl), time.Millisecond))}
}

// write runs work in a write transaction on the store's database; like
// read, work may run more than once, and the server is told ctx's
// deadline, so a write waiting on a lock stops there too.
func write[T any](ctx context.Context, s *Store, work func(context.Context, neo4j.ManagedTransaction) (T, error)) (T, error) {
	session, done := s.session(ctx, neo4j.AccessModeWrite)
	defer done()
	return neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (T, error) { return work(ctx, tx) }, txTimeout(ctx)...)
}

// result is what one statement gave: its records and whether it changed
// the database.
type result struct {
	records []*neo4j.Record
	updated bool
}

// run runs one statement in tx and collects all it returns.
func run(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) (result, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return result{}, err
	}
	records, err := res.Collect(ctx)
	if err != nil {
		return result{}, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return result{}, err
	}
	return result{records: records, updated: sum.Counters().ContainsUpdates()}, nil
}

// single runs a statement that returns at most one row and maps it.
// No row is graph.ErrNotFound.
func single[T any](ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any, mapper func(*neo4j.Record) (T, error)) (T, error) {
	var zero T
	res, err := run(ctx, tx, query, params)
	if err != nil {
		return zero, err
	}
	switch len(res.records) {
	case 0:
		return zero, graph.ErrNotFound
	case 1:
		return mapper(res.records[0])
	}
	return zero, fmt.Errorf("%d rows where one was expected", len(res.records))
}

// collect runs a statement and maps each row.
func collect[T any](ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any, mapper func(*neo4j.Record) (T, error)) ([]T, error) {
	res, err := run(ctx, tx, query, params)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(res.records))
	for _, r := range res.records {
		v, err := mapper(r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// cypherFiles holds one query per file; see mustQuery.
//
//go:embed cypher/*.cypher
var cypherFiles embed.FS

// loaded records every query name mustQuery was asked for, so a test can
// check that no embedded file is left unused. It is written only during
// package initialization.
var loaded = map[string]bool{}

// mustQuery returns the text of cypher/<name>.cypher. It runs at package
// initialization and panics when the file is missing, so a misspelled name
// cannot reach run time.
func mustQuery(name string) string {
	b, err := cypherFiles.ReadFile(path.Join("cypher", name+".cypher"))
	if err != nil {
		panic(fmt.Sprintf("neo4jstore: query %q: %v", name, err))
	}
	loaded[name] = true
	return string(b)
}
