package neo4jstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// This file holds the lists of entities and articles, and the batch
// loaders for what hangs off entities and articles.

var (
	entitiesPage       = mustQuery("entities_page")
	articlesPage       = mustQuery("articles_page")
	articlesMentioning = mustQuery("articles_mentioning")
	articlesByIDs      = mustQuery("articles_by_ids")
	relationsOf        = mustQuery("relations_of")
	eventsInArticles   = mustQuery("events_in_articles")
	entitiesInArticles = mustQuery("entities_in_articles")
)

// EntityList returns one page of the entities of type f.Type matching f,
// in (Name, ID) order, with TotalCount. It returns graph.ErrInvalid for an
// unknown type or a cursor it did not issue.
func (s *Store) EntityList(ctx context.Context, f graph.EntityFilter, page graph.PageRequest) (graph.EntityPage, error) {
	if _, ok := entityLabel(f.Type); !ok {
		return graph.EntityPage{}, fmt.Errorf("neo4jstore: entities: type %q: %w", f.Type, graph.ErrInvalid)
	}
	cur, err := graph.DecodeCursor(page.After)
	if err != nil {
		return graph.EntityPage{}, fmt.Errorf("neo4jstore: entities: %w", err)
	}
	countries := make([]string, len(f.Countries))
	for i, c := range f.Countries {
		countries[i] = strings.ToUpper(c)
	}
	params := map[string]any{
		"type": f.Type, "countries": countries, "organizations": nonNil(f.Organizations),
		"text": nil, "afterName": nil, "afterID": cur.ID, "limit": page.Size() + 1,
	}
	q, err := fulltextQuery(f.Text)
	if err != nil {
		return graph.EntityPage{}, fmt.Errorf("filter.%w", err)
	}
	if q != "" {
		params["text"] = q
	}
	if page.After != "" {
		params["afterName"] = cur.Key
	}
	type found struct {
		total    int
		entities []graph.Entity
	}
	got, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (found, error) {
		return single(ctx, tx, entitiesPage, params, func(r *neo4j.Record) (found, error) {
			total, _, err := neo4j.GetRecordValue[int64](r, "total")
			if err != nil {
				return found{}, err
			}
			nodes, _, err := neo4j.GetRecordValue[[]any](r, "page")
			out := found{total: int(total)}
			for _, n := range nodes {
				node, ok := n.(neo4j.Node)
				if !ok {
					return out, fmt.Errorf("entities_page: %T in page", n)
				}
				out.entities = append(out.entities, entityFromNode(node))
			}
			return out, err
		})
	})
	if err != nil {
		return graph.EntityPage{}, s.fail("entities", f.Type, err)
	}
	out := graph.EntityPage{Entities: got.entities, TotalCount: got.total}
	if size := page.Size(); len(out.Entities) > size {
		out.Entities, out.HasNextPage = out.Entities[:size], true
	}
	out.Cursors = make([]string, len(out.Entities))
	for i, e := range out.Entities {
		name := e.Name
		if name == "" {
			name = e.ID
		}
		out.Cursors[i] = graph.Cursor{Key: name, ID: e.ID}.Encode()
	}
	return out, nil
}

// Articles returns one page of the articles matching f, newest first
// (articles without a day of publication last), with TotalCount. It
// returns graph.ErrInvalid for a cursor it did not issue or a filter
// whose From is after its To.
func (s *Store) Articles(ctx context.Context, f graph.ArticleFilter, page graph.PageRequest) (graph.ArticlePage, error) {
	params, err := articleParams(f, page)
	if err != nil {
		return graph.ArticlePage{}, fmt.Errorf("neo4jstore: articles: %w", err)
	}
	got, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (articleRows, error) {
		return single(ctx, tx, articlesPage, params, articleRowsRecord)
	})
	if err != nil {
		return graph.ArticlePage{}, s.fail("articles", page.After, err)
	}
	return articlePage(got, page), nil
}

// ArticlesMentioning returns, for each of the given entities, one page of
// the articles that mention it and match f, in the order of Articles: the
// batch function of a dataloader, one query for all the entities.
func (s *Store) ArticlesMentioning(ctx context.Context, entityIDs []string, f graph.ArticleFilter, page graph.PageRequest) (map[string]graph.ArticlePage, error) {
	ids := unique(entityIDs)
	out := make(map[string]graph.ArticlePage, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	params, err := articleParams(f, page)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: articles mentioning: %w", err)
	}
	params["entities"] = ids
	type group struct {
		entity string
		rows   articleRows
	}
	groups, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]group, error) {
		return collect(ctx, tx, articlesMentioning, params, func(r *neo4j.Record) (group, error) {
			id, _, err := neo4j.GetRecordValue[string](r, "entity")
			if err != nil {
				return group{}, err
			}
			rows, err := articleRowsRecord(r)
			return group{id, rows}, err
		})
	})
	if err != nil {
		return nil, s.fail("articles mentioning", strings.Join(ids, ","), err)
	}
	for _, g := range groups {
		out[g.entity] = articlePage(g.rows, page)
	}
	return out, nil
}

// articleParams returns the parameters of the article page queries.
func articleParams(f graph.ArticleFilter, page graph.PageRequest) (map[string]any, error) {
	cur, err := graph.DecodeCursor(page.After)
	if err != nil {
		return nil, err
	}
	sources := make([]string, len(f.Sources))
	for i, src := range f.Sources {
		sources[i] = strings.ToLower(src)
	}
	p := map[string]any{
		"sources": sources, "mentions": nonNil(f.Mentions), "text": nil, "from": nil, "to": nil,
		"afterKey": nil, "afterID": cur.ID, "limit": page.Size() + 1,
	}
	if err := textAndDates(p, f.Text, f.From, f.To); err != nil {
		return nil, err
	}
	if page.After != "" {
		key, err := strconv.ParseFloat(cur.Key, 64)
		if err != nil || cur.Order != "" {
			return nil, fmt.Errorf("cursor %q: not one of this list: %w", page.After, graph.ErrInvalid)
		}
		p["afterKey"] = key
	}
	return p, nil
}

// articleRows is what the article page queries return: the total and
// the page's articles with their keys.
type articleRows struct {
	total    int
	articles []graph.Article
	keys     []float64
}

func articleRowsRecord(r *neo4j.Record) (articleRows, error) {
	var out articleRows
	total, _, err := neo4j.GetRecordValue[int64](r, "total")
	if err != nil {
		return out, err
	}
	out.total = int(total)
	rows, _, err := neo4j.GetRecordValue[[]any](r, "page")
	if err != nil {
		return out, err
	}
	for _, row := range rows {
		m, _ := row.(map[string]any)
		n, ok := m["a"].(neo4j.Node)
		if !ok {
			return out, fmt.Errorf("article page row without an article")
		}
		key, _ := m["key"].(float64)
		out.articles = append(out.articles, articleFromNode(n))
		out.keys = append(out.keys, key)
	}
	return out, nil
}

func articlePage(rows articleRows, page graph.PageRequest) graph.ArticlePage {
	out := graph.ArticlePage{Articles: rows.articles, TotalCount: rows.total}
	if size := page.Size(); len(out.Articles) > size {
		out.Articles, out.HasNextPage = out.Articles[:size], true
	}
	out.Cursors = make([]string, len(out.Articles))
	for i, a := range out.Articles {
		out.Cursors[i] = graph.Cursor{Key: formatKey(rows.keys[i]), ID: a.ID}.Encode()
	}
	return out
}

// ArticlesByIDs returns the articles with the given ids and their text,
// keyed by id, in one query: the batch function of a dataloader. Ids that
// are not stored are absent from the map.
func (s *Store) ArticlesByIDs(ctx context.Context, ids []string) (map[string]graph.Article, error) {
	return byIDs(ctx, s, "articles", articlesByIDs, ids, articleRecord, func(a graph.Article) string { return a.ID })
}

// RelationsOf returns the relations of the given entities, both the ones
// they are the Source of and the ones they are the Target of, keyed by
// entity id and ordered by (Type, Source, Target), in one query: the
// batch function of a dataloader. Evidence holds the spans without their
// text. Entities without relations are absent from the map.
func (s *Store) RelationsOf(ctx context.Context, entityIDs []string) (map[string][]graph.Relation, error) {
	return grouped(ctx, s, "relations", relationsOf, entityIDs, func(r *neo4j.Record) (string, graph.Relation, error) {
		m := r.AsMap()
		entity, _ := m["entity"].(string)
		x := relationOf(m)
		if entity == "" || x.Source == "" || x.Target == "" {
			return "", x, fmt.Errorf("relations_of: row without ids: %v", m)
		}
		return entity, x, nil
	})
}

// EventsReportedIn returns the events the given articles report, keyed by
// article id and ordered by (From, ID), with Reports but without
// Participants and Evidence, in one query: the batch function of a
// dataloader. Articles without events are absent from the map.
func (s *Store) EventsReportedIn(ctx context.Context, articleIDs []string) (map[string][]graph.Event, error) {
	return grouped(ctx, s, "events reported in", eventsInArticles, articleIDs, keyedBy("article", eventRecord))
}

// EntitiesMentionedIn returns the entities the given articles mention,
// keyed by article id, the most often mentioned first (then by id), in
// one query: the batch function of a dataloader. Articles without
// mentions are absent from the map.
func (s *Store) EntitiesMentionedIn(ctx context.Context, articleIDs []string) (map[string][]graph.Entity, error) {
	return grouped(ctx, s, "entities mentioned in", entitiesInArticles, articleIDs, keyedBy("article", func(r *neo4j.Record) (graph.Entity, error) {
		n, _, err := neo4j.GetRecordValue[neo4j.Node](r, "n")
		return entityFromNode(n), err
	}))
}

// keyedBy maps a row with rec, keyed by its column key: the mapper of a
// grouped loader whose rows name their group in one column.
func keyedBy[T any](key string, rec func(*neo4j.Record) (T, error)) func(*neo4j.Record) (string, T, error) {
	return func(r *neo4j.Record) (string, T, error) {
		k, _, err := neo4j.GetRecordValue[string](r, key)
		if err != nil {
			var zero T
			return "", zero, err
		}
		v, err := rec(r)
		return k, v, err
	}
}

// relationOf reads a relation row: source, type, target, role, date and
// the evidence spans.
func relationOf(m map[string]any) graph.Relation {
	var x graph.Relation
	x.Source, _ = m["source"].(string)
	x.Type, _ = m["type"].(string)
	x.Target, _ = m["target"].(string)
	x.Role, _ = m["role"].(string)
	x.Date, _ = m["date"].(string)
	spans, _ := m["evidence"].([]any)
	for _, sp := range stringsOf(spans) {
		if ev, ok := parseSpan(sp); ok {
			x.Evidence = append(x.Evidence, ev)
		}
	}
	return x
}
