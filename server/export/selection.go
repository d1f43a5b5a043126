package export

import (
	"context"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// selection reads the selection of a filter from a Source a page at a time.
type selection struct {
	src    Source
	filter graph.EventFilter
}

// row is one event of a page with its participants and evidence, and the
// entities and articles of that page (not of the whole export) to look
// them up in.
type row struct {
	graph.Event
	entities map[string]graph.Entity
	articles map[string]graph.Article
}

// events calls fn with every event of the selection in date order (the
// undated last), a page at a time.
func (s selection) events(ctx context.Context, fn func(*row) error) error {
	after := ""
	for {
		p, err := s.src.SelectionEvents(ctx, s.filter, after, EventPageSize)
		if err != nil {
			return err
		}
		if len(p.Events) == 0 {
			return nil
		}
		ids := make([]string, len(p.Events))
		for i, ev := range p.Events {
			ids[i] = ev.ID
		}
		parts, err := s.src.Participants(ctx, ids)
		if err != nil {
			return err
		}
		evidence, err := s.src.EvidenceFor(ctx, ids)
		if err != nil {
			return err
		}
		var entityIDs, articleIDs []string
		for _, id := range ids {
			for _, pt := range parts[id] {
				entityIDs = append(entityIDs, pt.EntityID)
			}
			for _, e := range evidence[id] {
				articleIDs = append(articleIDs, e.ArticleID)
			}
		}
		entities, err := s.src.Entities(ctx, dedup(entityIDs))
		if err != nil {
			return err
		}
		articles, err := s.src.ArticlesByIDs(ctx, dedup(articleIDs))
		if err != nil {
			return err
		}
		for id, a := range articles {
			a.Text = "" // the evidence holds what the export quotes
			articles[id] = a
		}
		for _, ev := range p.Events {
			ev.Participants, ev.Evidence = parts[ev.ID], evidence[ev.ID]
			if err := fn(&row{Event: ev, entities: entities, articles: articles}); err != nil {
				return err
			}
		}
		if !p.HasNextPage {
			return nil
		}
		after = p.Cursors[len(p.Cursors)-1]
	}
}

// entities calls fn with each page of the selection's entities, in id order.
func (s selection) entities(ctx context.Context, fn func([]graph.Entity) error) error {
	after := ""
	for {
		es, err := s.src.SelectionEntities(ctx, s.filter, after, PageSize)
		if err != nil {
			return err
		}
		if len(es) > 0 {
			if err := fn(es); err != nil {
				return err
			}
			after = es[len(es)-1].ID
		}
		if len(es) < PageSize {
			return nil
		}
	}
}

// nodes calls fn with every node of the selection: its events, then its
// entities, then its articles.
func (s selection) nodes(ctx context.Context, fn func(node) error) error {
	if err := s.events(ctx, func(r *row) error { return fn(eventNode(r)) }); err != nil {
		return err
	}
	if err := s.entities(ctx, func(es []graph.Entity) error {
		for _, e := range es {
			if err := fn(entityNode(e)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return s.articles(ctx, func(as []graph.Article) error {
		for _, a := range as {
			if err := fn(articleNode(a)); err != nil {
				return err
			}
		}
		return nil
	})
}

// articles calls fn with each page of the selection's articles, in id
// order, without their text.
func (s selection) articles(ctx context.Context, fn func([]graph.Article) error) error {
	after := ""
	for {
		as, err := s.src.SelectionArticles(ctx, s.filter, after, PageSize)
		if err != nil {
			return err
		}
		if len(as) > 0 {
			if err := fn(as); err != nil {
				return err
			}
			after = as[len(as)-1].ID
		}
		if len(as) < PageSize {
			return nil
		}
	}
}

// edges calls fn with every edge of the selection: for each event its
// participants and its evidence, then the relations among its entities,
// then where its entities are named in its articles.
func (s selection) edges(ctx context.Context, fn func(edge) error) error {
	if err := s.events(ctx, func(r *row) error {
		for _, e := range eventEdges(r) {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := s.entities(ctx, func(es []graph.Entity) error {
		ids := make([]string, len(es))
		for i, e := range es {
			ids[i] = e.ID
		}
		rels, err := s.src.SelectionRelations(ctx, s.filter, ids)
		if err != nil {
			return err
		}
		for _, r := range rels {
			if err := fn(relationEdge(r)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return s.articles(ctx, func(as []graph.Article) error {
		ids := make([]string, len(as))
		for i, a := range as {
			ids[i] = a.ID
		}
		ms, err := s.src.SelectionMentions(ctx, s.filter, ids)
		if err != nil {
			return err
		}
		for i := 0; i < len(ms); {
			j := i + 1
			for j < len(ms) && ms[j].EntityID == ms[i].EntityID && ms[j].ArticleID == ms[i].ArticleID {
				j++
			}
			if err := fn(mentionEdge(ms[i:j])); err != nil {
				return err
			}
			i = j
		}
		return nil
	})
}

// dedup returns the distinct strings of xs, sorted.
func dedup(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
