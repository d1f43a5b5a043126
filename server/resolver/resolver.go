package resolver

//go:generate go tool gqlgen generate

import (
	"context"

	"github.com/dipgraph/dipgraph/graph"
)

// Reader looks up single objects and pages of events. Single lookups
// return an error wrapping graph.ErrNotFound when nothing has the key;
// Events returns one wrapping graph.ErrInvalid for a bad cursor.
type Reader interface {
	Events(ctx context.Context, f graph.EventFilter, p graph.PageRequest) (graph.EventPage, error)
	Event(ctx context.Context, id string) (graph.Event, error)
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Country(ctx context.Context, iso3 string) (graph.Entity, error)
	Article(ctx context.Context, id string) (graph.Article, error)
}

// BatchReader loads what hangs off many objects at once; the dataloaders'
// batch functions call it, one method per loader and one call per batch.
// Keys with nothing stored are absent from the returned maps; that is no
// error.
type BatchReader interface {
	Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error)
	Participants(ctx context.Context, eventIDs []string) (map[string][]graph.Participant, error)
	EvidenceFor(ctx context.Context, eventIDs []string) (map[string][]graph.Evidence, error)
}

// Ingester writes one article's batch in one transaction. Writing the same
// batch again changes nothing and reports IngestSummary.Changed false. It
// returns an error wrapping graph.ErrConflict when the batch clashes with
// what is stored.
type Ingester interface {
	Ingest(ctx context.Context, b graph.Batch) (graph.IngestSummary, error)
}

// Store is everything the resolvers need from storage.
// graph/neo4jstore.Store implements it; cmd asserts that.
type Store interface {
	Reader
	BatchReader
	Ingester
}

// Resolver is the root resolver: it holds the dependencies every field
// resolver shares. Make one with New; it is safe for concurrent use.
type Resolver struct {
	store Store
}

// New returns a root resolver reading from and writing to store.
func New(store Store) *Resolver {
	return &Resolver{store: store}
}
