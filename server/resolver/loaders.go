package resolver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/node"
)

// loaderWait is how long a loader collects keys before it fetches them.
// The fields of a list's items resolve concurrently, so their keys arrive
// within far less.
const loaderWait = 5 * time.Millisecond

// loaders batch and cache, for one request, the fields that cost a query.
// Each batch function makes one call of one BatchReader method.
type loaders struct {
	entities     *dataloadgen.Loader[string, graph.Entity]
	participants *dataloadgen.Loader[string, []graph.Participant]
	evidence     *dataloadgen.Loader[string, []graph.Evidence]
}

func newLoaders(b BatchReader) *loaders {
	return &loaders{
		entities:     dataloadgen.NewLoader(fetchEntities(b), dataloadgen.WithWait(loaderWait)),
		participants: dataloadgen.NewLoader(fetchLists("participants", b.Participants), dataloadgen.WithWait(loaderWait)),
		evidence:     dataloadgen.NewLoader(fetchLists("evidence", b.EvidenceFor), dataloadgen.WithWait(loaderWait)),
	}
}

type loadersKey struct{}

// WithLoaders returns a copy of ctx carrying a fresh set of dataloaders.
// The server calls it once per GraphQL operation, so that what one
// request loads is neither shared with nor stale for another.
func (r *Resolver) WithLoaders(ctx context.Context) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(r.store))
}

// loaders returns the request's dataloaders, or a fresh set, without any
// batching across fields, when ctx carries none.
func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.store)
}

// fetchEntities returns a batch function that loads entities by id with
// one call of BatchReader.Entities. A missing entity is not found.
func fetchEntities(b BatchReader) func(context.Context, []string) ([]graph.Entity, []error) {
	return func(ctx context.Context, ids []string) ([]graph.Entity, []error) {
		m, err := b.Entities(ctx, ids)
		if err != nil {
			return nil, []error{fmt.Errorf("load entities: %w", err)}
		}
		out := make([]graph.Entity, len(ids))
		var errs []error
		for i, id := range ids {
			e, ok := m[id]
			if !ok {
				if errs == nil {
					errs = make([]error, len(ids))
				}
				errs[i] = fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
			}
			out[i] = e
		}
		return out, errs
	}
}

// fetchLists returns a batch function that loads the lists hanging off
// many events with one call of fetch. An event with nothing stored has an
// empty list.
func fetchLists[V any](what string, fetch func(context.Context, []string) (map[string][]V, error)) func(context.Context, []string) ([][]V, []error) {
	return func(ctx context.Context, ids []string) ([][]V, []error) {
		m, err := fetch(ctx, ids)
		if err != nil {
			return nil, []error{fmt.Errorf("load %s: %w", what, err)}
		}
		out := make([][]V, len(ids))
		for i, id := range ids {
			out[i] = m[id]
			if out[i] == nil {
				out[i] = []V{}
			}
		}
		return out, nil
	}
}

// entity loads one entity through the request's loader, as its API type.
func (r *Resolver) entity(ctx context.Context, id string) (node.Entity, error) {
	e, err := r.loaders(ctx).entities.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return entityNode(e)
}

// node finds the object with a global id: an entity, an event or an
// article, asked for in that order until one is found.
func (r *Resolver) node(ctx context.Context, id string) (node.Node, error) {
	e, err := r.store.Entity(ctx, id)
	if err == nil {
		return entityNode(e)
	}
	if !errors.Is(err, graph.ErrNotFound) {
		return nil, err
	}
	ev, err := r.store.Event(ctx, id)
	if err == nil {
		return &ev, nil
	}
	if !errors.Is(err, graph.ErrNotFound) {
		return nil, err
	}
	a, err := r.store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	return &a, nil
}
