package resolver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/node"
)

// loaders batch and cache, for one request, the fields that cost a query.
// Each batch function makes one call of one BatchReader method (the page
// loaders one call per distinct set of arguments, which a query's field
// gives all its items alike), so a request costs a number of queries that
// grows with the depth of its selection, not with the rows it returns.
type loaders struct {
	entities     *dataloadgen.Loader[string, graph.Entity]
	events       *dataloadgen.Loader[string, graph.Event]
	articles     *dataloadgen.Loader[string, graph.Article]
	participants *dataloadgen.Loader[string, []graph.Participant]
	evidence     *dataloadgen.Loader[string, []graph.Evidence]
	relations    *dataloadgen.Loader[string, []graph.Relation]
	reported     *dataloadgen.Loader[string, []graph.Event]
	mentioned    *dataloadgen.Loader[string, []graph.Entity]
	involving    *dataloadgen.Loader[string, graph.EventPage]
	mentioning   *dataloadgen.Loader[string, graph.ArticlePage]

	// args holds the arguments of the page loaders' keys: a key is the
	// JSON of its arguments, a NUL and the parent's id.
	args sync.Map // string -> pageArgs
}

// pageArgs are the arguments of a nested page: an entity's events or
// articles.
type pageArgs struct {
	Events   graph.EventFilter
	Articles graph.ArticleFilter
	Page     graph.PageRequest
}

func newLoaders(b BatchReader, d time.Duration) *loaders {
	l := &loaders{}
	wait := dataloadgen.WithWait(d)
	l.entities = dataloadgen.NewLoader(fetchOne("entity", b.Entities), wait)
	l.events = dataloadgen.NewLoader(fetchOne("event", b.EventsByIDs), wait)
	l.articles = dataloadgen.NewLoader(fetchOne("article", b.ArticlesByIDs), wait)
	l.participants = dataloadgen.NewLoader(fetchLists("participants", b.Participants), wait)
	l.evidence = dataloadgen.NewLoader(fetchLists("evidence", b.EvidenceFor), wait)
	l.relations = dataloadgen.NewLoader(fetchLists("relations", b.RelationsOf), wait)
	l.reported = dataloadgen.NewLoader(fetchLists("events reported", b.EventsReportedIn), wait)
	l.mentioned = dataloadgen.NewLoader(fetchLists("entities mentioned", b.EntitiesMentionedIn), wait)
	l.involving = dataloadgen.NewLoader(fetchPages(l, "events involving", func(ctx context.Context, ids []string, a pageArgs) (map[string]graph.EventPage, error) {
		return b.EventsInvolving(ctx, ids, a.Events, a.Page)
	}), wait)
	l.mentioning = dataloadgen.NewLoader(fetchPages(l, "articles mentioning", func(ctx context.Context, ids []string, a pageArgs) (map[string]graph.ArticlePage, error) {
		return b.ArticlesMentioning(ctx, ids, a.Articles, a.Page)
	}), wait)
	return l
}

type loadersKey struct{}

// WithLoaders returns a copy of ctx carrying a fresh set of dataloaders.
// The server calls it once per GraphQL operation, so that what one
// request loads is neither shared with nor stale for another.
func (r *Resolver) WithLoaders(ctx context.Context) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(r.store, r.wait))
}

// loaders returns the request's dataloaders, or a fresh set, without any
// batching across fields, when ctx carries none.
func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.store, r.wait)
}

// fetchOne returns a batch function that loads objects by id with one
// call of fetch. A missing object is not found.
func fetchOne[V any](what string, fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) ([]V, []error) {
	return func(ctx context.Context, ids []string) ([]V, []error) {
		m, err := fetch(ctx, ids)
		if err != nil {
			return nil, []error{fmt.Errorf("load %ss: %w", what, err)}
		}
		out := make([]V, len(ids))
		var errs []error
		for i, id := range ids {
			v, ok := m[id]
			if !ok {
				if errs == nil {
					errs = make([]error, len(ids))
				}
				errs[i] = fmt.Errorf("%s %s: %w", what, id, graph.ErrNotFound)
			}
			out[i] = v
		}
		return out, errs
	}
}

// fetchLists returns a batch function that loads the lists hanging off
// many objects with one call of fetch. An object with nothing stored has
// an empty list.
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

// fetchPages returns a batch function that loads pages hanging off many
// entities: it groups the keys by their arguments and makes one call of
// fetch per group.
func fetchPages[P any](l *loaders, what string, fetch func(context.Context, []string, pageArgs) (map[string]P, error)) func(context.Context, []string) ([]P, []error) {
	return func(ctx context.Context, keys []string) ([]P, []error) {
		groups := map[string][]string{}
		var order []string
		for _, k := range keys {
			args, id, _ := strings.Cut(k, "\x00")
			if _, ok := groups[args]; !ok {
				order = append(order, args)
			}
			groups[args] = append(groups[args], id)
		}
		found := map[string]P{}
		for _, args := range order {
			a, ok := l.args.Load(args)
			if !ok {
				return nil, []error{fmt.Errorf("load %s: arguments not registered", what)}
			}
			m, err := fetch(ctx, groups[args], a.(pageArgs))
			if err != nil {
				return nil, []error{fmt.Errorf("load %s: %w", what, err)}
			}
			for id, p := range m {
				found[args+"\x00"+id] = p
			}
		}
		out := make([]P, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}
}

// pageKey registers args and returns the key of id's page under them.
func (l *loaders) pageKey(id string, args pageArgs) (string, error) {
	b, err := json.Marshal(args)
	if err != nil {
		return "", err
	}
	l.args.Store(string(b), args)
	return string(b) + "\x00" + id, nil
}

// entity loads one entity through the request's loader, as its API type.
func (r *Resolver) entity(ctx context.Context, id string) (node.Entity, error) {
	e, err := r.loaders(ctx).entities.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return entityNode(e)
}

// optionalEntity is entity for a reference that may point nowhere (an
// attribution to "narrative", a country not stored): nil, not an error.
func (r *Resolver) optionalEntity(ctx context.Context, id string) (node.Entity, error) {
	if id == "" || id == "narrative" {
		return nil, nil
	}
	n, err := r.entity(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	return n, err
}

// countryOf loads the country with an ISO3 code, or nil when there is no
// code or no such country.
func (r *Resolver) countryOf(ctx context.Context, iso3 string) (*node.Country, error) {
	if iso3 == "" {
		return nil, nil
	}
	n, err := r.optionalEntity(ctx, "country:"+iso3)
	if n == nil || err != nil {
		return nil, err
	}
	c, _ := n.(*node.Country)
	return c, nil
}

// optionalEvent loads an event that may not exist (the conflict an action
// is part of): nil, not an error.
func (r *Resolver) optionalEvent(ctx context.Context, id string) (node.Event, error) {
	if id == "" {
		return nil, nil
	}
	ev, err := r.loaders(ctx).events.Load(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return eventNode(ev)
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
		return eventNode(ev)
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

// nodeOfType loads the object with an id whose type is known (an entity
// or event type, or "Article") through the request's loaders.
func (r *Resolver) nodeOfType(ctx context.Context, id, typ string) (node.Node, error) {
	switch {
	case typ == "Article":
		a, err := r.loaders(ctx).articles.Load(ctx, id)
		if err != nil {
			return nil, err
		}
		return &a, nil
	case extract.IsEventType(typ):
		ev, err := r.loaders(ctx).events.Load(ctx, id)
		if err != nil {
			return nil, err
		}
		return eventNode(ev)
	}
	return r.entity(ctx, id)
}

// roleEntities loads the participants of ev in any of roles, in the order
// of its participants, each once.
func (r *Resolver) roleEntities(ctx context.Context, ev *graph.Event, roles ...string) ([]node.Entity, error) {
	ps, err := r.loaders(ctx).participants.Load(ctx, ev.ID)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, p := range ps {
		if contains(roles, p.Role) && !contains(ids, p.EntityID) {
			ids = append(ids, p.EntityID)
		}
	}
	es, err := r.loaders(ctx).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	return entityNodes(es)
}

// roleEntity loads the first participant of ev in any of roles, or nil.
func (r *Resolver) roleEntity(ctx context.Context, ev *graph.Event, roles ...string) (node.Entity, error) {
	es, err := r.roleEntities(ctx, ev, roles...)
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return es[0], nil
}

// relations loads the relations of an entity that go the way dir says and
// are of one of types (any type when none).
func (r *Resolver) relations(ctx context.Context, id string, dir int, types ...string) ([]graph.Relation, error) {
	rels, err := r.loaders(ctx).relations.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return relationsWhere(rels, id, dir, types...), nil
}

// entityEvents loads a page of the events an entity takes part in.
func (r *Resolver) entityEvents(ctx context.Context, id string, filter *graph.EventFilter, orderBy *string, first *int, after *string) (*gql.EventConnection, error) {
	f, err := eventFilter(filter)
	if err != nil {
		return nil, err
	}
	req, err := eventPageRequest(ctx, orderBy, first, after)
	if err != nil {
		return nil, err
	}
	l := r.loaders(ctx)
	key, err := l.pageKey(id, pageArgs{Events: f, Page: req})
	if err != nil {
		return nil, err
	}
	page, err := l.involving.Load(ctx, key)
	if err != nil {
		return nil, err
	}
	return eventConnection(page, req)
}

// entityArticles loads a page of the articles that mention an entity.
func (r *Resolver) entityArticles(ctx context.Context, id string, filter *graph.ArticleFilter, first *int, after *string) (*gql.ArticleConnection, error) {
	f, err := articleFilter(filter)
	if err != nil {
		return nil, err
	}
	req, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	l := r.loaders(ctx)
	key, err := l.pageKey(id, pageArgs{Articles: f, Page: req})
	if err != nil {
		return nil, err
	}
	page, err := l.mentioning.Load(ctx, key)
	if err != nil {
		return nil, err
	}
	return articleConnection(page, req), nil
}

// evidenceText returns the text of a passage: as loaded, or cut from its
// article (relation evidence is stored without it).
func (r *Resolver) evidenceText(ctx context.Context, ev *graph.Evidence) (string, error) {
	if ev.Text != "" || ev.End == ev.Start {
		return ev.Text, nil
	}
	a, err := r.loaders(ctx).articles.Load(ctx, ev.ArticleID)
	if err != nil {
		return "", err
	}
	return slice(a.Text, ev.Start, ev.End)
}
