package neo4jstore

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var (
	entityByID    = mustQuery("entity_by_id")
	countryByISO3 = mustQuery("country_by_iso3")
	entitiesByIDs = mustQuery("entities_by_ids")
)

// Entity returns the entity with the given id, or graph.ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	e, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Entity, error) {
		return single(ctx, tx, entityByID, map[string]any{"id": id}, entityRecord)
	})
	if err != nil {
		return graph.Entity{}, s.fail("entity", id, err)
	}
	return e, nil
}

// Country returns the country with the ISO 3166-1 alpha-3 code iso3 (in
// any case), or graph.ErrNotFound.
func (s *Store) Country(ctx context.Context, iso3 string) (graph.Entity, error) {
	e, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Entity, error) {
		return single(ctx, tx, countryByISO3, map[string]any{"iso3": strings.ToUpper(iso3)}, entityRecord)
	})
	if err != nil {
		return graph.Entity{}, s.fail("country", iso3, err)
	}
	return e, nil
}

// Entities returns the entities with the given ids, keyed by id, in one
// query: the batch function of a dataloader. Ids that are not stored are
// absent from the map; that is not an error.
func (s *Store) Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	return byIDs(ctx, s, "entities", entitiesByIDs, ids, entityRecord, func(e graph.Entity) string { return e.ID })
}

// byIDs runs query, the batch query of a dataloader that gives one row
// per id found, on ids and keys what rec maps by id.
func byIDs[T any](ctx context.Context, s *Store, op, query string, ids []string, rec func(*neo4j.Record) (T, error), id func(T) string) (map[string]T, error) {
	groups, err := grouped(ctx, s, op, query, ids, func(r *neo4j.Record) (string, T, error) {
		v, err := rec(r)
		return id(v), v, err
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]T, len(groups))
	for k, vs := range groups {
		out[k] = vs[len(vs)-1]
	}
	return out, nil
}

// grouped runs query, the batch query of a dataloader, on ids without
// repeats (as $ids, in one read transaction) and groups the rows rec maps
// by the key rec gives each, in the query's order: the scaffolding every
// loader keyed by id shares. Ids without rows are absent from the map.
func grouped[T any](ctx context.Context, s *Store, op, query string, ids []string, rec func(*neo4j.Record) (string, T, error)) (map[string][]T, error) {
	ids = unique(ids)
	out := make(map[string][]T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	type row struct {
		key string
		v   T
	}
	rows, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]row, error) {
		return collect(ctx, tx, query, map[string]any{"ids": ids}, func(r *neo4j.Record) (row, error) {
			k, v, err := rec(r)
			return row{k, v}, err
		})
	})
	if err != nil {
		return nil, s.fail(op, strings.Join(ids, ","), err)
	}
	for _, x := range rows {
		out[x.key] = append(out[x.key], x.v)
	}
	return out, nil
}

func entityRecord(r *neo4j.Record) (graph.Entity, error) {
	n, _, err := neo4j.GetRecordValue[neo4j.Node](r, r.Keys[0])
	if err != nil {
		return graph.Entity{}, err
	}
	return entityFromNode(n), nil
}

// entityFromNode maps an :Entity node. The node's element id is dropped:
// our id property is the identity.
func entityFromNode(n neo4j.Node) graph.Entity {
	p := n.Props
	return graph.Entity{
		ID:      str(p, "id"),
		Type:    str(p, "type"),
		Name:    str(p, "name"),
		ISO3:    str(p, "iso3"),
		ISO2:    str(p, "iso2"),
		Country: str(p, "country"),
		Title:   str(p, "title"),
		Aliases: strList(p, "aliases"),
	}
}

// The property readers below return the zero value for a property that is
// absent or of another type: the store writes every property itself, and
// leaves out the empty ones.

func str(p map[string]any, k string) string {
	s, _ := p[k].(string)
	return s
}

func integer(p map[string]any, k string) int {
	n, _ := p[k].(int64)
	return int(n)
}

func float(p map[string]any, k string) float64 {
	switch x := p[k].(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func strList(p map[string]any, k string) []string {
	l, _ := p[k].([]any)
	return stringsOf(l)
}

// stringsOf converts a list of STRING values; an empty list is nil.
func stringsOf(l []any) []string {
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func date(p map[string]any, k string) time.Time {
	d, ok := p[k].(neo4j.Date)
	if !ok {
		return time.Time{}
	}
	return d.Time()
}

// ints converts a list of INTEGER values.
func ints(l []any) []int {
	out := make([]int, len(l))
	for i, v := range l {
		n, _ := v.(int64)
		out[i] = int(n)
	}
	return out
}

// unique returns ids sorted and without duplicates or empty strings, so a
// batch query looks each up once.
func unique(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	n := 0
	for i, id := range out {
		if i == 0 || id != out[n-1] {
			out[n] = id
			n++
		}
	}
	return out[:n]
}
