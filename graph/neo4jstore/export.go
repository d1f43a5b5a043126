package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var (
	exportEntities     = mustQuery("export_entities")
	exportEvents       = mustQuery("export_events")
	exportArticles     = mustQuery("export_articles")
	exportParticipants = mustQuery("export_participants")
	exportRelations    = mustQuery("export_relations")
	exportEvidence     = mustQuery("export_evidence")
	exportMentions     = mustQuery("export_mentions")
	countLabels        = mustQuery("count_labels")
	countRelationships = mustQuery("count_relationships")
)

// ArticleType is the Node.Type of articles in an export.
const ArticleType = "Article"

// Edge types of an export besides participant roles and relation types.
const (
	EvidenceEdge  = "EVIDENCE"     // event -> article; Properties["spans"]
	MentionedEdge = "MENTIONED_IN" // entity -> article; Properties["spans"]
)

// Export returns the whole stored graph in node-link form, read in one
// transaction:
//
//   - entities (Type is the entity type, Name the name), events (Type the
//     event type, Name the label; dates as "YYYY-MM-DD"; Properties["reports"])
//     and articles (Type "Article", Name the title, with the text) as nodes;
//   - one edge per participant, event -> entity, with Type the role;
//   - one edge per relation, source -> target, with Type the relation type
//     and Properties role, date and evidence ("<article>[<start>:<end>]");
//   - one EVIDENCE edge per (event, article) and one MENTIONED_IN edge per
//     (entity, article), with Properties["spans"] the byte spans as
//     "<start>:<end>" in order.
//
// Empty and zero properties are left out, as in the store. Nodes are
// sorted by (Type, ID) and edges by (Source, Type, Target), so two exports
// of the same graph are equal.
func (s *Store) Export(ctx context.Context) (graph.NodeLink, error) {
	g, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.NodeLink, error) {
		var g graph.NodeLink
		entities, err := collect(ctx, tx, exportEntities, nil, entityRecord)
		if err != nil {
			return g, err
		}
		for _, e := range entities {
			g.Nodes = append(g.Nodes, entityNode(e))
		}
		events, err := collect(ctx, tx, exportEvents, nil, eventRecord)
		if err != nil {
			return g, err
		}
		for _, ev := range events {
			g.Nodes = append(g.Nodes, eventNode(ev))
		}
		articles, err := collect(ctx, tx, exportArticles, nil, articleRecord)
		if err != nil {
			return g, err
		}
		for _, a := range articles {
			g.Nodes = append(g.Nodes, articleNode(a))
		}
		for _, q := range []struct {
			query  string
			mapper func(*neo4j.Record) (graph.Edge, error)
		}{
			{exportParticipants, participantEdge},
			{exportRelations, relationEdge},
			{exportEvidence, spansEdge(EvidenceEdge)},
			{exportMentions, spansEdge(MentionedEdge)},
		} {
			edges, err := collect(ctx, tx, q.query, nil, q.mapper)
			if err != nil {
				return g, err
			}
			g.Edges = append(g.Edges, edges...)
		}
		return g, nil
	})
	if err != nil {
		return graph.NodeLink{}, s.fail("export", "", err)
	}
	sort.Slice(g.Nodes, func(i, j int) bool {
		a, b := g.Nodes[i], g.Nodes[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.ID < b.ID
	})
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Target < b.Target
	})
	return g, nil
}

func entityNode(e graph.Entity) graph.Node {
	return graph.Node{ID: e.ID, Type: e.Type, Name: e.Name, Properties: graph.Properties(
		"iso3", e.ISO3, "iso2", e.ISO2, "country", e.Country, "title", e.Title, "aliases", e.Aliases)}
}

func eventNode(ev graph.Event) graph.Node {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(dayLayout)
	}
	return graph.Node{ID: ev.ID, Type: ev.Type, Name: ev.Label, Properties: graph.Properties(
		"date", ev.Date, "end", ev.End, "from", day(ev.From), "to", day(ev.To),
		"precision", ev.Precision, "modality", ev.Modality, "subtype", ev.Subtype,
		"cameo", ev.CAMEO, "cameoRoot", ev.CAMEORoot, "quadClass", ev.QuadClass,
		"goldstein", ev.Goldstein, "confidence", ev.Confidence, "attribution", ev.Attribution,
		"ordinal", ev.Ordinal, "count", ev.Count, "topic", ev.Topic, "origin", ev.Origin,
		"partOf", ev.PartOf, "reports", ev.Reports)}
}

func articleNode(a graph.Article) graph.Node {
	return graph.Node{ID: a.ID, Type: ArticleType, Name: a.Title, Properties: graph.Properties(
		"published", a.Published, "source", a.Source, "section", a.Section, "author", a.Author,
		"dateline", a.Dateline, "url", a.URL, "text", a.Text)}
}

func participantEdge(r *neo4j.Record) (graph.Edge, error) {
	var e graph.Edge
	var err error
	if e.Source, _, err = neo4j.GetRecordValue[string](r, "source"); err != nil {
		return e, err
	}
	if e.Type, _, err = neo4j.GetRecordValue[string](r, "role"); err != nil {
		return e, err
	}
	if e.Target, _, err = neo4j.GetRecordValue[string](r, "target"); err != nil {
		return e, err
	}
	e.Properties = map[string]any{}
	for _, k := range []string{"groups", "sectors"} {
		xs, err := stringList(r, k)
		if err != nil {
			return e, err
		}
		if len(xs) > 0 {
			e.Properties[k] = xs
		}
	}
	return e, nil
}

func relationEdge(r *neo4j.Record) (graph.Edge, error) {
	var e graph.Edge
	var err error
	if e.Source, _, err = neo4j.GetRecordValue[string](r, "source"); err != nil {
		return e, err
	}
	if e.Type, _, err = neo4j.GetRecordValue[string](r, "type"); err != nil {
		return e, err
	}
	if e.Target, _, err = neo4j.GetRecordValue[string](r, "target"); err != nil {
		return e, err
	}
	role, _, err := neo4j.GetRecordValue[string](r, "role")
	if err != nil {
		return e, err
	}
	date, _, err := neo4j.GetRecordValue[string](r, "date")
	if err != nil {
		return e, err
	}
	evidence, _, err := neo4j.GetRecordValue[[]any](r, "evidence")
	if err != nil {
		return e, err
	}
	spans := stringsOf(evidence)
	sort.Slice(spans, func(i, j int) bool {
		a, _ := parseSpan(spans[i])
		b, _ := parseSpan(spans[j])
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	e.Properties = graph.Properties("role", role, "date", date, "evidence", spans)
	return e, nil
}

// spansEdge maps a row of export_evidence or export_mentions to one edge
// of type typ.
func spansEdge(typ string) func(*neo4j.Record) (graph.Edge, error) {
	return func(r *neo4j.Record) (graph.Edge, error) {
		e := graph.Edge{Type: typ}
		var err error
		if e.Source, _, err = neo4j.GetRecordValue[string](r, "source"); err != nil {
			return e, err
		}
		if e.Target, _, err = neo4j.GetRecordValue[string](r, "target"); err != nil {
			return e, err
		}
		starts, _, err := neo4j.GetRecordValue[[]any](r, "starts")
		if err != nil {
			return e, err
		}
		ends, _, err := neo4j.GetRecordValue[[]any](r, "ends")
		if err != nil {
			return e, err
		}
		s, t := ints(starts), ints(ends)
		spans := make([]string, len(s))
		for i := range s {
			spans[i] = strconv.Itoa(s[i]) + ":" + strconv.Itoa(t[i])
		}
		e.Properties = map[string]any{"spans": spans}
		return e, nil
	}
}

// Counts returns how many nodes carry each label ("Entity", "Country",
// "Event", "Visit", "Article", ...), how many relationships there are of
// each type (as "relationships:PARTICIPANT", ...) and in all
// ("relationships"). It is meant for tests and statistics.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (map[string]int, error) {
		out := map[string]int{"relationships": 0}
		type count struct {
			key string
			n   int
		}
		counter := func(col string) func(*neo4j.Record) (count, error) {
			return func(r *neo4j.Record) (count, error) {
				k, _, err := neo4j.GetRecordValue[string](r, col)
				if err != nil {
					return count{}, err
				}
				n, _, err := neo4j.GetRecordValue[int64](r, "n")
				return count{k, int(n)}, err
			}
		}
		labels, err := collect(ctx, tx, countLabels, nil, counter("label"))
		if err != nil {
			return nil, err
		}
		for _, c := range labels {
			out[c.key] = c.n
		}
		rels, err := collect(ctx, tx, countRelationships, nil, counter("type"))
		if err != nil {
			return nil, err
		}
		for _, c := range rels {
			out["relationships:"+c.key] = c.n
			out["relationships"] += c.n
		}
		return out, nil
	})
	if err != nil {
		return nil, s.fail("counts", "", err)
	}
	return out, nil
}

var (
	exportSelectionEntities  = mustQuery("export_selection_entities")
	exportSelectionArticles  = mustQuery("export_selection_articles")
	exportSelectionRelations = mustQuery("export_selection_relations")
	exportSelectionMentions  = mustQuery("export_selection_mentions")
	exportSelectionUnpub     = mustQuery("export_selection_unpublished")
)

// UnpublishedArticles returns how many articles of the selection of f
// (those reporting its events; every article for an empty f) are not
// published at now: they have no publication date, or one after now (a
// release under embargo). An article dated by day only counts as
// published from that day (in now's zone). It returns graph.ErrInvalid
// for a filter whose From is after its To.
func (s *Store) UnpublishedArticles(ctx context.Context, f graph.EventFilter, now time.Time) (int, error) {
	p, err := filterParams(f)
	if err != nil {
		return 0, fmt.Errorf("neo4jstore: unpublished articles: %w", err)
	}
	p["all"] = emptyFilter(f)
	// A zone of name "Local" is no zone Neo4j knows; UTC is.
	p["now"], p["today"] = now.UTC(), now.Format(time.DateOnly)
	n, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int64, error) {
		return single(ctx, tx, exportSelectionUnpub, p, func(r *neo4j.Record) (int64, error) {
			n, _, err := neo4j.GetRecordValue[int64](r, "unpublished")
			return n, err
		})
	})
	if err != nil {
		return 0, s.fail("unpublished articles", "", err)
	}
	return int(n), nil
}

// SelectionEntities returns up to limit of the entities that take part in
// the events matching f (as participants themselves), in id order after
// the id after ("" for the first page): an export reads its entity nodes
// a page at a time, so memory does not grow with the selection. An empty
// f selects every entity, taking part in an event or not. It returns
// graph.ErrInvalid for a filter whose From is after its To.
func (s *Store) SelectionEntities(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Entity, error) {
	p, err := selectionParams(f, after, limit)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: selection entities: %w", err)
	}
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Entity, error) {
		return collect(ctx, tx, exportSelectionEntities, p, entityRecord)
	})
	if err != nil {
		return nil, s.fail("selection entities", after, err)
	}
	return out, nil
}

// SelectionArticles returns up to limit of the articles with evidence for
// the events matching f, without their Text, in id order after the id
// after ("" for the first page). An empty f selects every article. It
// returns graph.ErrInvalid for a filter whose From is after its To.
func (s *Store) SelectionArticles(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Article, error) {
	p, err := selectionParams(f, after, limit)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: selection articles: %w", err)
	}
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Article, error) {
		return collect(ctx, tx, exportSelectionArticles, p, func(r *neo4j.Record) (graph.Article, error) {
			m, _, err := neo4j.GetRecordValue[map[string]any](r, "a")
			return articleFromNode(neo4j.Node{Props: m}), err
		})
	})
	if err != nil {
		return nil, s.fail("selection articles", after, err)
	}
	return out, nil
}

// SelectionRelations returns the relations from the given entities to the
// entities that take part in the events matching f, ordered by (Source,
// Type, Target), with Evidence spans without their text. Called with the
// pages of SelectionEntities, it gives every relation between two
// entities of the selection once (every relation of the given entities
// when f is empty). It returns graph.ErrInvalid for a filter whose From
// is after its To.
func (s *Store) SelectionRelations(ctx context.Context, f graph.EventFilter, sourceIDs []string) ([]graph.Relation, error) {
	ids := unique(sourceIDs)
	if len(ids) == 0 {
		return nil, nil
	}
	p, err := filterParams(f)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: selection relations: %w", err)
	}
	p["ids"], p["all"] = ids, emptyFilter(f)
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Relation, error) {
		return collect(ctx, tx, exportSelectionRelations, p, func(r *neo4j.Record) (graph.Relation, error) {
			m := r.AsMap()
			x := relationOf(m)
			if x.Source == "" || x.Target == "" || x.Type == "" {
				return x, fmt.Errorf("export_selection_relations: row without ids: %v", m)
			}
			return x, nil
		})
	})
	if err != nil {
		return nil, s.fail("selection relations", strings.Join(ids, ","), err)
	}
	return out, nil
}

// SelectionMentions returns where the entities of the selection f (those
// SelectionEntities returns) are named in the given articles, ordered by
// (ArticleID, EntityID, Start, End). Called with the pages of
// SelectionArticles, it gives every mention between an entity and an
// article of the selection once, a page bounded by its articles' length.
// It returns graph.ErrInvalid for a filter whose From is after its To.
func (s *Store) SelectionMentions(ctx context.Context, f graph.EventFilter, articleIDs []string) ([]graph.Mention, error) {
	ids := unique(articleIDs)
	if len(ids) == 0 {
		return nil, nil
	}
	p, err := filterParams(f)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: selection mentions: %w", err)
	}
	p["ids"], p["all"] = ids, emptyFilter(f)
	out, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Mention, error) {
		return collect(ctx, tx, exportSelectionMentions, p, func(r *neo4j.Record) (graph.Mention, error) {
			var m graph.Mention
			var err error
			if m.EntityID, _, err = neo4j.GetRecordValue[string](r, "entity"); err != nil {
				return m, err
			}
			if m.ArticleID, _, err = neo4j.GetRecordValue[string](r, "article"); err != nil {
				return m, err
			}
			start, _, err := neo4j.GetRecordValue[int64](r, "start")
			if err != nil {
				return m, err
			}
			end, _, err := neo4j.GetRecordValue[int64](r, "end")
			m.Start, m.End = int(start), int(end)
			return m, err
		})
	})
	if err != nil {
		return nil, s.fail("selection mentions", strings.Join(ids, ","), err)
	}
	return out, nil
}

// selectionParams returns the parameters of a selection page: the
// filter's, the id after which the page starts and its size.
func selectionParams(f graph.EventFilter, after string, limit int) (map[string]any, error) {
	p, err := filterParams(f)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, fmt.Errorf("page of %d: %w", limit, graph.ErrInvalid)
	}
	p["afterID"], p["limit"] = after, limit
	p["all"] = emptyFilter(f)
	return p, nil
}

// emptyFilter reports whether f selects every event: then a selection is
// the whole graph, with the entities and articles of no event too.
func emptyFilter(f graph.EventFilter) bool {
	return len(f.Types)+len(f.CAMEORoots)+len(f.CAMEOCodes)+len(f.QuadClasses)+len(f.Modalities)+
		len(f.Countries)+len(f.Actors)+len(f.Organizations)+len(f.Places)+len(f.Involving)+len(f.Sources) == 0 &&
		f.Text == "" && f.From == nil && f.To == nil && f.Dated == nil
}
