package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// This file holds the analysts' views: dyads, partners, neighbourhoods,
// paths and counts.

var (
	dyadQuery      = mustQuery("dyad")
	partnersQuery  = mustQuery("partners")
	subgraphStep   = mustQuery("subgraph_step")
	relationsAmong = mustQuery("relations_among")
	pathsQuery     = mustQuery("paths")
	statsQuery     = mustQuery("stats")
)

// Dyad returns what happened between q.A and q.B: the events both take
// part in that match q.Filter, counted in all and per period of
// q.Interval (by the day they begin; undated events count in all only). It returns graph.ErrNotFound when
// either end is not stored and graph.ErrInvalid for an unknown interval or
// a bad filter.
func (s *Store) Dyad(ctx context.Context, q graph.DyadQuery) (graph.Dyad, error) {
	key := q.A + " " + q.B
	if !slices.Contains([]string{graph.IntervalMonth, graph.IntervalQuarter, graph.IntervalYear}, q.Interval) {
		return graph.Dyad{}, fmt.Errorf("neo4jstore: dyad %s: interval %q: %w", key, q.Interval, graph.ErrInvalid)
	}
	// Both ends, and whatever else must take part, anchor the query.
	f := q.Filter
	anchors := unique(append([]string{q.A, q.B}, f.Involving...))
	f.Involving = nil
	params, err := filterParams(f)
	if err != nil {
		return graph.Dyad{}, fmt.Errorf("neo4jstore: dyad %s: %w", key, err)
	}
	params["anchors"], params["interval"] = anchors, q.Interval
	type row struct {
		period, typ         string
		quad, events, coded int
		goldstein           float64
	}
	rows, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]row, error) {
		if err := mustExist(ctx, tx, q.A, q.B); err != nil {
			return nil, err
		}
		return collect(ctx, tx, dyadQuery, params, func(r *neo4j.Record) (row, error) {
			m := r.AsMap()
			x := row{goldstein: float(m, "goldstein")}
			x.period, _ = m["period"].(string)
			x.typ, _ = m["type"].(string)
			x.quad, x.events, x.coded = integer(m, "quadClass"), integer(m, "events"), integer(m, "coded")
			return x, nil
		})
	})
	if err != nil {
		return graph.Dyad{}, s.fail("dyad", key, err)
	}
	out := graph.Dyad{Query: q, A: q.A, B: q.B}
	var total tally
	periods := map[string]*tally{}
	var keys []string
	for _, x := range rows {
		if x.period == "" {
			// Undated events count in the total, in no period.
			total.add(x.typ, x.quad, x.events, x.coded, x.goldstein)
			continue
		}
		p, ok := periods[x.period]
		if !ok {
			p = &tally{}
			periods[x.period] = p
			keys = append(keys, x.period)
		}
		for _, t := range []*tally{&total, p} {
			t.add(x.typ, x.quad, x.events, x.coded, x.goldstein)
		}
	}
	out.Total = total.result()
	sort.Strings(keys)
	for _, k := range keys {
		start, end, err := periodRange(k)
		if err != nil {
			return graph.Dyad{}, fmt.Errorf("neo4jstore: dyad %s: %w", key, err)
		}
		out.Periods = append(out.Periods, graph.Period{Key: k, Start: start, End: end, Tally: periods[k].result()})
	}
	return out, nil
}

// mustExist returns graph.ErrNotFound unless every id is a stored entity.
func mustExist(ctx context.Context, tx neo4j.ManagedTransaction, ids ...string) error {
	found, err := collect(ctx, tx, entitiesByIDs, map[string]any{"ids": unique(ids)}, entityRecord)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !slices.ContainsFunc(found, func(e graph.Entity) bool { return e.ID == id }) {
			return fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
		}
	}
	return nil
}

// tally adds up rows of counted events into a graph.Tally.
type tally struct {
	events, coded int
	goldstein     float64
	types         map[string]int
	quads         map[int]int
}

func (t *tally) add(typ string, quad, events, coded int, goldstein float64) {
	if t.types == nil {
		t.types, t.quads = map[string]int{}, map[int]int{}
	}
	t.events += events
	t.coded += coded
	t.goldstein += goldstein
	t.types[typ] += events
	if quad > 0 {
		t.quads[quad] += events
	}
}

func (t *tally) result() graph.Tally {
	out := graph.Tally{Events: t.events, Coded: t.coded, ByType: []graph.Count{}, QuadClasses: []graph.QuadClassCount{}}
	if t.coded > 0 {
		out.Goldstein = t.goldstein / float64(t.coded)
	}
	for typ, n := range t.types {
		out.ByType = append(out.ByType, graph.Count{Key: typ, Count: n})
	}
	sort.Slice(out.ByType, func(i, j int) bool {
		a, b := out.ByType[i], out.ByType[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Key < b.Key
	})
	for q := 1; q <= 4; q++ {
		if n := t.quads[q]; n > 0 {
			out.QuadClasses = append(out.QuadClasses, graph.QuadClassCount{QuadClass: q, Count: n})
		}
	}
	return out
}

// periodRange returns the first and last day of a period key: 2017,
// 2017-Q4 or 2017-11.
func periodRange(k string) (start, end time.Time, err error) {
	if y, q, ok := strings.Cut(k, "-Q"); ok {
		year, err1 := strconv.Atoi(y)
		n, err2 := strconv.Atoi(q)
		if err1 != nil || err2 != nil || n < 1 || n > 4 {
			return start, end, fmt.Errorf("period %q", k)
		}
		start = time.Date(year, time.Month(3*n-2), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, -1), nil
	}
	return graph.DateRange(k, "")
}

// Partners ranks the entities that took part in events matching q.Filter
// together with q.Entity, at most q.First (capped at graph.MaxPageSize).
// q.Entity's own side (its people, bodies, officials or places) is not
// its partner. It returns graph.ErrNotFound when q.Entity is not stored
// and graph.ErrInvalid for an unknown order or a bad filter.
func (s *Store) Partners(ctx context.Context, q graph.PartnerQuery) ([]graph.Partner, error) {
	order := q.Order
	if order == "" {
		order = graph.PartnersByCount
	}
	if !slices.Contains([]string{graph.PartnersByCount, graph.PartnersByCooperation, graph.PartnersByConflict, graph.PartnersByRecent}, order) {
		return nil, fmt.Errorf("neo4jstore: partners %s: order %q: %w", q.Entity, order, graph.ErrInvalid)
	}
	f := q.Filter
	anchors := unique(append([]string{q.Entity}, f.Involving...))
	f.Involving = nil
	params, err := filterParams(f)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: partners %s: %w", q.Entity, err)
	}
	params["entity"], params["anchors"] = q.Entity, anchors
	params["byCountry"], params["partnerTypes"] = q.ByCountry, nonNil(q.Types)
	params["order"], params["limit"] = order, graph.PageRequest{First: q.First}.Size()
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Partner, error) {
		if err := mustExist(ctx, tx, q.Entity); err != nil {
			return nil, err
		}
		return collect(ctx, tx, partnersQuery, params, func(r *neo4j.Record) (graph.Partner, error) {
			m := r.AsMap()
			var p graph.Partner
			p.EntityID, _ = m["id"].(string)
			p.First, p.Last = date(m, "first"), date(m, "last")
			types, _ := m["types"].([]any)
			quads, _ := m["quadClasses"].([]any)
			var t tally
			for i, typ := range stringsOf(types) {
				q := 0
				if i < len(quads) {
					n, _ := quads[i].(int64)
					q = int(n)
				}
				t.add(typ, q, 1, 0, 0)
			}
			t.coded, t.goldstein = integer(m, "coded"), float(m, "goldstein")
			p.Tally = t.result()
			return p, nil
		})
	})
	if err != nil {
		return nil, s.fail("partners", q.Entity, err)
	}
	return out, nil
}

// Subgraph returns the neighbourhood of q.Center: the events it takes part
// in directly that match q.Filter and their participants, then the events
// of those participants, q.Depth steps out (1 to graph.MaxSubgraphDepth), with
// the relations among the entities reached. It keeps at most q.Limit
// events (1 to graph.MaxSubgraphEvents), the latest first at each step, and says
// Truncated when it left some out. It reads in one transaction of
// q.Depth + 2 statements. It returns graph.ErrNotFound when the center is
// not a stored entity and graph.ErrInvalid for a depth or limit out of
// range or a bad filter.
func (s *Store) Subgraph(ctx context.Context, q graph.SubgraphQuery) (graph.Subgraph, error) {
	if q.Depth < 1 || q.Depth > graph.MaxSubgraphDepth || q.Limit < 1 || q.Limit > graph.MaxSubgraphEvents {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: subgraph %s: depth %d, limit %d: %w", q.Center, q.Depth, q.Limit, graph.ErrInvalid)
	}
	params, err := filterParams(q.Filter)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: subgraph %s: %w", q.Center, err)
	}
	g, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Subgraph, error) {
		var g graph.Subgraph
		center, err := single(ctx, tx, entityByID, map[string]any{"id": q.Center}, entityRecord)
		if err != nil {
			return g, err
		}
		seenEntities := map[string]bool{center.ID: true}
		g.Nodes = append(g.Nodes, graph.Node{ID: center.ID, Type: center.Type, Name: center.Name})
		seenEvents := []string{}
		frontier := []string{center.ID}
		for step := 0; step < q.Depth && len(frontier) > 0; step++ {
			remaining := q.Limit - len(seenEvents)
			if remaining <= 0 {
				break
			}
			p := map[string]any{"frontier": frontier, "seen": seenEvents, "limit": remaining + 1}
			for k, v := range params {
				p[k] = v
			}
			type stepRow struct {
				ev    graph.Event
				parts []map[string]any
			}
			rows, err := collect(ctx, tx, subgraphStep, p, func(r *neo4j.Record) (stepRow, error) {
				n, _, err := neo4j.GetRecordValue[neo4j.Node](r, "ev")
				if err != nil {
					return stepRow{}, err
				}
				parts, _, err := neo4j.GetRecordValue[[]any](r, "participants")
				x := stepRow{ev: eventFromNode(n)}
				for _, pt := range parts {
					m, _ := pt.(map[string]any)
					x.parts = append(x.parts, m)
				}
				return x, err
			})
			if err != nil {
				return g, err
			}
			if len(rows) > remaining {
				rows, g.Truncated = rows[:remaining], true
			}
			frontier = nil
			for _, x := range rows {
				ev := x.ev
				seenEvents = append(seenEvents, ev.ID)
				g.Nodes = append(g.Nodes, graph.Node{ID: ev.ID, Type: ev.Type, Name: ev.Label,
					Properties: map[string]any{"date": ev.Date}})
				for _, m := range x.parts {
					id, _ := m["id"].(string)
					role, _ := m["role"].(string)
					g.Edges = append(g.Edges, graph.Edge{Source: ev.ID, Target: id, Type: role})
					if !seenEntities[id] {
						seenEntities[id] = true
						typ, _ := m["type"].(string)
						name, _ := m["name"].(string)
						g.Nodes = append(g.Nodes, graph.Node{ID: id, Type: typ, Name: name})
						frontier = append(frontier, id)
					}
				}
			}
		}
		ids := sortedKeys(seenEntities)
		rels, err := collect(ctx, tx, relationsAmong, map[string]any{"ids": ids}, func(r *neo4j.Record) (graph.Edge, error) {
			m := r.AsMap()
			var e graph.Edge
			e.Source, _ = m["source"].(string)
			e.Type, _ = m["type"].(string)
			e.Target, _ = m["target"].(string)
			if role, _ := m["role"].(string); role != "" {
				e.Properties = map[string]any{"role": role}
			}
			return e, nil
		})
		g.Edges = append(g.Edges, rels...)
		return g, err
	})
	if err != nil {
		return graph.Subgraph{}, s.fail("subgraph", q.Center, err)
	}
	return g, nil
}

// Paths returns the shortest ways from one entity to another through
// events both ends of a step take part in and relations between entities,
// each at most maxHops steps long (an event or a relation is a step; 1 to
// graph.MaxPathHops), at most limit of them (1 to graph.MaxPaths). No path within
// maxHops is an empty list. It returns graph.ErrNotFound when an end is
// not a stored entity and graph.ErrInvalid for arguments out of range.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, limit int) ([]graph.Path, error) {
	key := from + " " + to
	if maxHops < 1 || maxHops > graph.MaxPathHops || limit < 1 || limit > graph.MaxPaths || from == to {
		return nil, fmt.Errorf("neo4jstore: paths %s: %d hops, %d paths: %w", key, maxHops, limit, graph.ErrInvalid)
	}
	paths, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Path, error) {
		if err := mustExist(ctx, tx, from, to); err != nil {
			return nil, err
		}
		return collect(ctx, tx, pathsQuery, map[string]any{"from": from, "to": to, "maxLength": 2 * maxHops, "limit": limit},
			func(r *neo4j.Record) (graph.Path, error) {
				var p graph.Path
				nodes, _, err := neo4j.GetRecordValue[[]any](r, "nodes")
				if err != nil {
					return p, err
				}
				edges, _, err := neo4j.GetRecordValue[[]any](r, "edges")
				for _, n := range nodes {
					m, _ := n.(map[string]any)
					p.Nodes = append(p.Nodes, graph.Node{ID: str(m, "id"), Type: str(m, "type"), Name: str(m, "name")})
				}
				for _, e := range edges {
					m, _ := e.(map[string]any)
					p.Edges = append(p.Edges, graph.Edge{Source: str(m, "source"), Target: str(m, "target"), Type: str(m, "type")})
				}
				return p, err
			})
	})
	if err != nil {
		return nil, s.fail("paths", key, err)
	}
	return paths, nil
}

// Stats counts the articles, the entities and events by type, the events
// by the year they begin and the relations by type, in one query.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Stats, error) {
		var st graph.Stats
		_, err := collect(ctx, tx, statsQuery, nil, func(r *neo4j.Record) (struct{}, error) {
			m := r.AsMap()
			c := graph.Count{Key: str(m, "key"), Count: integer(m, "n")}
			switch str(m, "kind") {
			case "article":
				st.Articles = c.Count
			case "entity":
				st.Entities = append(st.Entities, c)
			case "event":
				st.Events = append(st.Events, c)
			case "year":
				if c.Key != "" { // undated events begin in no year
					st.EventYears = append(st.EventYears, c)
				}
			case "relation":
				st.Relations = append(st.Relations, c)
			}
			return struct{}{}, nil
		})
		return st, err
	})
	if err != nil {
		return graph.Stats{}, s.fail("stats", "", err)
	}
	// Years sort as numbers (a year before 1000 has fewer digits).
	sort.SliceStable(st.EventYears, func(i, j int) bool {
		a, _ := strconv.Atoi(st.EventYears[i].Key)
		b, _ := strconv.Atoi(st.EventYears[j].Key)
		return a < b
	})
	return st, nil
}
