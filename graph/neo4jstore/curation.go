package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

var (
	articleDeleteEvents    = mustQuery("article_delete_events")
	articleDeleteRelations = mustQuery("article_delete_relations")
	articleDelete          = mustQuery("article_delete")
	eventsPartOfClear      = mustQuery("events_part_of_clear")
	entityMergeInto        = mustQuery("entity_merge_into")
	entitySplit            = mustQuery("entity_split")
	curationRecord         = mustQuery("curation_record")
	curationRetarget       = mustQuery("curation_retarget")
	articleRestoreRead     = mustQuery("article_restore_read")
	articleRestoreEvents   = mustQuery("article_restore_events")
	articleRestoreLinks    = mustQuery("article_restore_links")
	articleAliasesRead     = mustQuery("article_aliases_read")
	articleAliasesDrop     = mustQuery("article_aliases_drop")
)

// articleExists and articlesExisting are short lookups used once each.
const (
	articleExists    = "MATCH (a:Article {id: $id}) RETURN a.id AS id, a.claims AS claims"
	articlesExisting = "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id"
)

// DeleteArticle removes the article and the facts only it supports, in
// one write transaction: events no other article reports (and part-of
// links to them), participations and relations no other article
// reports, the article's mentions, and then the entities it touched that
// are left without any mention, participation or relation. Events and
// relations other articles report stay and lose this article's evidence,
// and what only it gave them is taken back (from the claims each article
// keeps, provenance.go): an event's date and confidence become the best
// its remaining reports give (a finer date it alone gave goes), a
// participant link's groups and sectors those its remaining reports name,
// and an entity loses the aliases no other article gives it. Where a
// remaining report was stored before claims were kept, or an analyst
// merged or split the entity, what it holds is left as it is. An event's
// label, modality and other values, and an entity's name and title, the
// first report gave and keep.
//
// DeleteArticle returns graph.ErrNotFound when there is no such article.
func (s *Store) DeleteArticle(ctx context.Context, id string) (graph.DeleteSummary, error) {
	sum, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.DeleteSummary, error) {
		sum := graph.DeleteSummary{ArticleID: id}
		own, err := single(ctx, tx, articleExists, map[string]any{"id": id}, func(r *neo4j.Record) ([]string, error) {
			v, _ := r.Get("claims")
			return listOf(v), nil
		})
		if err != nil {
			return sum, err
		}
		params := map[string]any{"id": id}
		ev, err := single(ctx, tx, articleDeleteEvents, params, func(r *neo4j.Record) ([][]string, error) {
			return stringColumns(r, "deleted", "kept", "entities")
		})
		if err != nil {
			return sum, fmt.Errorf("events: %w", err)
		}
		sum.DeletedEvents, sum.KeptEvents = sorted(ev[0]), sorted(ev[1])
		touched := ev[2]
		if len(sum.DeletedEvents) > 0 {
			if _, err := run(ctx, tx, eventsPartOfClear, map[string]any{"ids": sum.DeletedEvents}); err != nil {
				return sum, fmt.Errorf("part-of links: %w", err)
			}
		}
		if sum.RestoredEvents, err = restoreEvents(ctx, tx, sum.KeptEvents); err != nil {
			return sum, err
		}
		if sum.RestoredEntities, err = dropAliases(ctx, tx, id, own); err != nil {
			return sum, err
		}
		type rels struct {
			deleted int
			ends    []string
		}
		rs, err := single(ctx, tx, articleDeleteRelations, map[string]any{"id": id, "entities": unique(touched)},
			func(r *neo4j.Record) (rels, error) {
				n, _, err := neo4j.GetRecordValue[int64](r, "deleted")
				if err != nil {
					return rels{}, err
				}
				ends, err := stringColumns(r, "ends")
				if err != nil {
					return rels{}, err
				}
				return rels{int(n), ends[0]}, nil
			})
		if err != nil {
			return sum, fmt.Errorf("relations: %w", err)
		}
		sum.DeletedRelations = rs.deleted
		gone, err := single(ctx, tx, articleDelete, map[string]any{"id": id, "entities": unique(append(touched, rs.ends...))},
			func(r *neo4j.Record) ([][]string, error) { return stringColumns(r, "deleted") })
		if err != nil {
			return sum, fmt.Errorf("article and entities: %w", err)
		}
		sum.DeletedEntities = sorted(gone[0])
		return sum, nil
	})
	if err != nil {
		return graph.DeleteSummary{}, s.fail("delete article", id, err)
	}
	return sum, nil
}

// MergeEntities merges the entity drop into keep, in one write
// transaction: every participation, mention and relation of drop moves
// to keep, events attributed to drop are attributed to keep, drop's name
// and aliases become aliases of keep, keep's empty properties are filled
// from drop, and drop is deleted. The decision is recorded, so that an
// article that yields drop later is filed under keep (see doc.go,
// Identity); earlier decisions that led to drop now lead to keep.
//
// MergeEntities returns graph.ErrInvalid when keep or drop is empty or
// they are the same, graph.ErrNotFound when either does not exist and
// graph.ErrConflict when their types differ.
func (s *Store) MergeEntities(ctx context.Context, keep, drop string) (graph.Entity, error) {
	key := keep + " <- " + drop
	if keep == "" || drop == "" || keep == drop {
		return graph.Entity{}, fmt.Errorf("neo4jstore: merge entities %s: keep and drop must be two ids: %w", key, graph.ErrInvalid)
	}
	e, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Entity, error) {
		both, err := collect(ctx, tx, entitiesByIDs, map[string]any{"ids": []string{keep, drop}}, entityRecord)
		if err != nil {
			return graph.Entity{}, err
		}
		byID := map[string]graph.Entity{}
		for _, e := range both {
			byID[e.ID] = e
		}
		for _, id := range []string{keep, drop} {
			if _, ok := byID[id]; !ok {
				return graph.Entity{}, fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
			}
		}
		if k, d := byID[keep].Type, byID[drop].Type; k != d {
			return graph.Entity{}, fmt.Errorf("%s is a %s, %s a %s: %w", keep, k, drop, d, graph.ErrConflict)
		}
		params := map[string]any{"keep": keep, "drop": drop}
		merged, err := single(ctx, tx, entityMergeInto, params, entityRecord)
		if err != nil {
			return graph.Entity{}, err
		}
		if _, err := run(ctx, tx, curationRetarget, params); err != nil {
			return graph.Entity{}, fmt.Errorf("retarget decisions: %w", err)
		}
		rows := []any{map[string]any{"id": "merge:" + drop, "kind": graph.CurationMerge,
			"from": drop, "to": keep, "article": nil}}
		if _, err := run(ctx, tx, curationRecord, map[string]any{"rows": rows}); err != nil {
			return graph.Entity{}, fmt.Errorf("record: %w", err)
		}
		return merged, nil
	})
	if err != nil {
		return graph.Entity{}, s.fail("merge entities", key, err)
	}
	return e, nil
}

// SplitEntity gives what the articles articleIDs say of the entity id to
// a new entity newID of the same type named newName, in one write
// transaction: id's mentions in those articles, and the participations
// and relations they report (those other articles report too stay with
// id as well). The decision is recorded per article, so that
// re-ingesting one of them files its id under newID (see doc.go,
// Identity). The new entity gets id's name as an alias; its other
// properties come from the articles when they are ingested again.
//
// SplitEntity returns graph.ErrInvalid when an argument is empty or
// newID is id, graph.ErrNotFound when id or one of the articles does not
// exist and graph.ErrConflict when newID does.
func (s *Store) SplitEntity(ctx context.Context, id, newID, newName string, articleIDs []string) (graph.Entity, error) {
	key := id + " -> " + newID
	articles := unique(articleIDs)
	if id == "" || newID == "" || newName == "" || id == newID || len(articles) == 0 {
		return graph.Entity{}, fmt.Errorf("neo4jstore: split entity %s: need an id, another new id, a name and articles: %w", key, graph.ErrInvalid)
	}
	e, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Entity, error) {
		found, err := collect(ctx, tx, entitiesByIDs, map[string]any{"ids": []string{id, newID}}, entityRecord)
		if err != nil {
			return graph.Entity{}, err
		}
		var old *graph.Entity
		for i, e := range found {
			switch e.ID {
			case newID:
				return graph.Entity{}, fmt.Errorf("entity %s exists: %w", newID, graph.ErrConflict)
			case id:
				old = &found[i]
			}
		}
		if old == nil {
			return graph.Entity{}, fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
		}
		label, ok := entityLabel(old.Type)
		if !ok {
			return graph.Entity{}, fmt.Errorf("entity %s of type %q: %w", id, old.Type, graph.ErrInvalid)
		}
		have, err := collect(ctx, tx, articlesExisting, map[string]any{"ids": articles}, idColumn)
		if err != nil {
			return graph.Entity{}, err
		}
		if len(have) != len(articles) {
			missing := difference(articles, have)
			return graph.Entity{}, fmt.Errorf("articles %v: %w", missing, graph.ErrNotFound)
		}
		var nameKey any
		if old.Type == extract.TypePerson {
			if k := graph.NameKey(newName); k != "" {
				nameKey = k
			}
		}
		created, err := single(ctx, tx, entitySplit, map[string]any{
			"id": id, "newID": newID, "newName": newName, "nameKey": nameKey, "articles": articles,
		}, entityRecord)
		if err != nil {
			return graph.Entity{}, err
		}
		if _, err := run(ctx, tx, withLabel(entityLabelQuery, label), map[string]any{"ids": []string{newID}}); err != nil {
			return graph.Entity{}, fmt.Errorf("label %s: %w", label, err)
		}
		rows := make([]any, 0, len(articles))
		for _, a := range articles {
			rows = append(rows, map[string]any{"id": "split:" + id + ":" + a, "kind": graph.CurationSplit,
				"from": id, "to": newID, "article": a})
		}
		if _, err := run(ctx, tx, curationRecord, map[string]any{"rows": rows}); err != nil {
			return graph.Entity{}, fmt.Errorf("record: %w", err)
		}
		return created, nil
	})
	if err != nil {
		var neoErr *neo4j.Neo4jError
		if errors.As(err, &neoErr) && neoErr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
			// newID was created by someone else between the check and the write.
			return graph.Entity{}, fmt.Errorf("neo4jstore: split entity %s: %w", key, graph.ErrConflict)
		}
		return graph.Entity{}, s.fail("split entity", key, err)
	}
	return e, nil
}

// idColumn maps the id column of a row.
func idColumn(r *neo4j.Record) (string, error) {
	id, _, err := neo4j.GetRecordValue[string](r, "id")
	return id, err
}

// stringColumns reads list-of-string columns of one row.
func stringColumns(r *neo4j.Record, keys ...string) ([][]string, error) {
	out := make([][]string, len(keys))
	for i, k := range keys {
		l, err := stringList(r, k)
		if err != nil {
			return nil, err
		}
		out[i] = l
	}
	return out, nil
}

// sorted returns ids sorted, without duplicates; nil for none.
func sorted(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	return unique(ids)
}

// difference returns the ids of want that are not in have.
func difference(want, have []string) []string {
	in := map[string]bool{}
	for _, h := range have {
		in[h] = true
	}
	var out []string
	for _, w := range want {
		if !in[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// stringList reads one list-of-string column; nil when the list is empty.
func stringList(r *neo4j.Record, key string) ([]string, error) {
	l, _, err := neo4j.GetRecordValue[[]any](r, key)
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", key, err)
	}
	if len(l) == 0 {
		return nil, nil
	}
	return stringsOf(l), nil
}

// restoreEvents sets the dates, confidences, groups and sectors of the
// kept events to what their remaining reports claim, and returns the ids
// of those it changed (sorted).
func restoreEvents(ctx context.Context, tx neo4j.ManagedTransaction, kept []string) ([]string, error) {
	if len(kept) == 0 {
		return nil, nil
	}
	type link struct {
		role, entity string
		articles     []string
	}
	type event struct {
		id      string
		reports reports
		links   []link
	}
	evs, err := collect(ctx, tx, articleRestoreRead, map[string]any{"events": kept}, func(r *neo4j.Record) (event, error) {
		id, _, err := neo4j.GetRecordValue[string](r, "id")
		if err != nil {
			return event{}, err
		}
		rep, _ := r.Get("reports")
		ev := event{id: id, reports: readReports(rep)}
		ls, _ := r.Get("links")
		for _, x := range ls.([]any) {
			m := x.(map[string]any)
			role, _ := m["role"].(string)
			entity, _ := m["entity"].(string)
			ev.links = append(ev.links, link{role, entity, listOf(m["articles"])})
		}
		return ev, nil
	})
	if err != nil {
		return nil, fmt.Errorf("restore events: %w", err)
	}
	var dates, links []any
	for _, ev := range evs {
		if best, ok := ev.reports.bestDate(ev.id); ok {
			props, unset := map[string]any{}, []string{}
			for _, kv := range []struct {
				k     string
				v     any
				empty bool
			}{
				{"date", best.Date, best.Date == ""},
				{"end", best.End, best.End == ""},
				{"precision", best.Precision, best.Precision == ""},
				{"from", neo4j.DateOf(best.From), best.From.IsZero()},
				{"to", neo4j.DateOf(best.To), best.To.IsZero()},
				{"confidence", best.Confidence, best.Confidence == 0},
			} {
				if kv.empty {
					unset = append(unset, kv.k)
				} else {
					props[kv.k] = kv.v
				}
			}
			dates = append(dates, map[string]any{"id": ev.id, "props": props, "unset": unset})
		}
		for _, l := range ev.links {
			groups, ok1 := ev.reports.values(l.articles, claimGroup, ev.id, l.role, l.entity)
			sectors, ok2 := ev.reports.values(l.articles, claimSector, ev.id, l.role, l.entity)
			if ok1 && ok2 {
				links = append(links, map[string]any{"event": ev.id, "role": l.role, "entity": l.entity,
					"groups": nonNil(groups), "sectors": nonNil(sectors)})
			}
		}
	}
	var changed []string
	for _, w := range []struct {
		query string
		rows  []any
	}{{articleRestoreEvents, dates}, {articleRestoreLinks, links}} {
		if len(w.rows) == 0 {
			continue
		}
		ids, err := single(ctx, tx, w.query, map[string]any{"rows": w.rows}, func(r *neo4j.Record) ([][]string, error) {
			return stringColumns(r, "changed")
		})
		if err != nil {
			return nil, fmt.Errorf("restore events: %w", err)
		}
		changed = append(changed, ids[0]...)
	}
	return sorted(unique(changed)), nil
}

// dropAliases takes off the entities the deleted article named (its
// claims own) the aliases that no other article speaking of them gives,
// and returns the ids of the entities that lost some (sorted).
func dropAliases(ctx context.Context, tx neo4j.ManagedTransaction, article string, own []string) ([]string, error) {
	gave := map[string]map[string]bool{} // entity -> names
	for _, c := range own {
		f := strings.Split(c, "\t")
		if len(f) == 3 && f[0] == claimAlias {
			if gave[f[1]] == nil {
				gave[f[1]] = map[string]bool{}
			}
			gave[f[1]][f[2]] = true
		}
	}
	if len(gave) == 0 {
		return nil, nil
	}
	type entity struct {
		id      string
		aliases []string
		curated bool
		reports reports
	}
	es, err := collect(ctx, tx, articleAliasesRead, map[string]any{"id": article, "entities": sortedKeys(gave)},
		func(r *neo4j.Record) (entity, error) {
			id, _, err := neo4j.GetRecordValue[string](r, "id")
			if err != nil {
				return entity{}, err
			}
			curated, _, err := neo4j.GetRecordValue[bool](r, "curated")
			if err != nil {
				return entity{}, err
			}
			a, _ := r.Get("aliases")
			rep, _ := r.Get("reports")
			return entity{id, listOf(a), curated, readReports(rep)}, nil
		})
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	var rows []any
	for _, e := range es {
		others, known := e.reports.names(e.id)
		if e.curated || !known {
			continue
		}
		var drop []string
		for _, a := range e.aliases {
			if gave[e.id][a] && !others[a] {
				drop = append(drop, a)
			}
		}
		if len(drop) > 0 {
			rows = append(rows, map[string]any{"id": e.id, "drop": drop})
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids, err := single(ctx, tx, articleAliasesDrop, map[string]any{"rows": rows}, func(r *neo4j.Record) ([][]string, error) {
		return stringColumns(r, "changed")
	})
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	return sorted(ids[0]), nil
}
