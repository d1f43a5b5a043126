package resolver

//go:generate go tool gqlgen generate

import (
	"context"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// Reader looks up single objects and pages of lists. Single lookups return
// an error wrapping graph.ErrNotFound when nothing has the key; the lists
// return one wrapping graph.ErrInvalid for a bad cursor or filter.
type Reader interface {
	Events(ctx context.Context, f graph.EventFilter, p graph.PageRequest) (graph.EventPage, error)
	Event(ctx context.Context, id string) (graph.Event, error)
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Country(ctx context.Context, iso3 string) (graph.Entity, error)
	Article(ctx context.Context, id string) (graph.Article, error)
	EntityList(ctx context.Context, f graph.EntityFilter, p graph.PageRequest) (graph.EntityPage, error)
	Articles(ctx context.Context, f graph.ArticleFilter, p graph.PageRequest) (graph.ArticlePage, error)
}

// Analyst answers the analysts' views. Each returns an error wrapping
// graph.ErrNotFound when an entity it is asked about is not stored, and
// one wrapping graph.ErrInvalid for arguments out of range.
type Analyst interface {
	Dyad(ctx context.Context, q graph.DyadQuery) (graph.Dyad, error)
	Partners(ctx context.Context, q graph.PartnerQuery) ([]graph.Partner, error)
	Subgraph(ctx context.Context, q graph.SubgraphQuery) (graph.Subgraph, error)
	Paths(ctx context.Context, from, to string, maxHops, limit int) ([]graph.Path, error)
	Search(ctx context.Context, text string, first int) ([]graph.SearchHit, error)
	Stats(ctx context.Context) (graph.Stats, error)
}

// BatchReader loads what hangs off many objects at once; the dataloaders'
// batch functions call it, one method per loader and one call per batch.
// Keys with nothing stored are absent from the returned maps; that is no
// error.
type BatchReader interface {
	Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error)
	EventsByIDs(ctx context.Context, ids []string) (map[string]graph.Event, error)
	ArticlesByIDs(ctx context.Context, ids []string) (map[string]graph.Article, error)
	Participants(ctx context.Context, eventIDs []string) (map[string][]graph.Participant, error)
	EvidenceFor(ctx context.Context, eventIDs []string) (map[string][]graph.Evidence, error)
	RelationsOf(ctx context.Context, entityIDs []string) (map[string][]graph.Relation, error)
	EventsReportedIn(ctx context.Context, articleIDs []string) (map[string][]graph.Event, error)
	EntitiesMentionedIn(ctx context.Context, articleIDs []string) (map[string][]graph.Entity, error)
	EventsInvolving(ctx context.Context, entityIDs []string, f graph.EventFilter, p graph.PageRequest) (map[string]graph.EventPage, error)
	ArticlesMentioning(ctx context.Context, entityIDs []string, f graph.ArticleFilter, p graph.PageRequest) (map[string]graph.ArticlePage, error)
}

// Ingester writes one article's batch in one transaction. Writing the same
// batch again changes nothing and reports IngestSummary.Changed false. It
// returns an error wrapping graph.ErrConflict when the batch clashes with
// what is stored.
type Ingester interface {
	Ingest(ctx context.Context, b graph.Batch) (graph.IngestSummary, error)
}

// Curator applies an analyst's corrections, each in one transaction and
// recorded so that re-ingesting does not undo it. The methods return
// errors wrapping graph.ErrNotFound for an id not stored, graph.ErrInvalid
// for unusable arguments and graph.ErrConflict for a clash (entities of
// different kinds, a new id that is taken).
type Curator interface {
	DeleteArticle(ctx context.Context, id string) (graph.DeleteSummary, error)
	MergeEntities(ctx context.Context, keep, drop string) (graph.Entity, error)
	SplitEntity(ctx context.Context, id, newID, newName string, articleIDs []string) (graph.Entity, error)
}

// Store is everything the resolvers need from storage.
// graph/neo4jstore.Store implements it; cmd asserts that.
type Store interface {
	Reader
	Analyst
	BatchReader
	Ingester
	Curator
}

// Extractor reads one article into its entities and events. It returns
// an error wrapping extract.ErrEmpty or extract.ErrInvalidUTF8 for text
// the caller can fix; any other error is the extractor's own (its parser
// failed). cmd passes one that parses the article's sentences first.
type Extractor interface {
	Extract(ctx context.Context, in extract.Input) (extract.Result, error)
}

// noCount is the IngestCounter that counts nothing.
type noCount struct{}

func (noCount) Article(string) {}

// rulesOnly is the Extractor used when none is given: the rules without
// a parser.
type rulesOnly struct{}

func (rulesOnly) Extract(_ context.Context, in extract.Input) (extract.Result, error) {
	return extract.Extract(in)
}

// Resolver is the root resolver: it holds the dependencies every field
// resolver shares. Make one with New; it is safe for concurrent use.
type Resolver struct {
	store     Store
	extractor Extractor
	wait      time.Duration // how long a dataloader collects keys
	counter   IngestCounter
}

// DefaultLoaderWait is how long a dataloader collects keys before it
// fetches them, when New is given no wait. The fields of a list's items
// resolve concurrently, so their keys usually arrive within far less; a
// longer wait batches more surely on a busy machine, at the cost of that
// much latency per level of a query.
const DefaultLoaderWait = 5 * time.Millisecond

// New returns a root resolver reading from and writing to store, reading
// ingested articles with ex (the rules alone when nil), whose dataloaders
// wait loaderWait (DefaultLoaderWait when zero) for keys.
func New(store Store, ex Extractor, loaderWait time.Duration) *Resolver {
	if loaderWait <= 0 {
		loaderWait = DefaultLoaderWait
	}
	if ex == nil {
		ex = rulesOnly{}
	}
	return &Resolver{store: store, extractor: ex, wait: loaderWait, counter: noCount{}}
}

// IngestCounter counts what became of each article the ingest mutations
// were given: "ingested", "unchanged", "skipped" (input the caller can
// fix) or "failed" (the store or the parser failed).
// server.Metrics.Ingest gives one.
type IngestCounter interface {
	Article(result string)
}

// CountIngest makes the ingest mutations count their articles with c; by
// default they count nothing. Call it before serving.
func (r *Resolver) CountIngest(c IngestCounter) { r.counter = c }
