package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// Source is what an export reads: pages of a selection, in a fixed order,
// each entity and article once. graph/neo4jstore.Store implements it.
type Source interface {
	// SelectionEvents returns up to size of the events matching f, in
	// date order (undated last) after the cursor after ("" for the
	// first), without participants and evidence.
	SelectionEvents(ctx context.Context, f graph.EventFilter, after string, size int) (graph.EventPage, error)
	Participants(ctx context.Context, eventIDs []string) (map[string][]graph.Participant, error)
	EvidenceFor(ctx context.Context, eventIDs []string) (map[string][]graph.Evidence, error)
	Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error)
	ArticlesByIDs(ctx context.Context, ids []string) (map[string]graph.Article, error)
	// SelectionEntities returns up to limit of the entities taking part in
	// the events matching f, in id order after the id after.
	SelectionEntities(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Entity, error)
	// SelectionArticles returns up to limit of the articles with evidence
	// for the events matching f, in id order after the id after, without
	// their text.
	SelectionArticles(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Article, error)
	// SelectionRelations returns the relations from the given entities to
	// entities taking part in the events matching f.
	SelectionRelations(ctx context.Context, f graph.EventFilter, sourceIDs []string) ([]graph.Relation, error)
	// SelectionMentions returns where the entities taking part in the
	// events matching f are named in the given articles, ordered by
	// article, entity and span.
	SelectionMentions(ctx context.Context, f graph.EventFilter, articleIDs []string) ([]graph.Mention, error)
}

// PageSize is how many entities or articles Write reads at a time, and
// EventPageSize how many events (with their participants, evidence,
// entities and articles).
const (
	PageSize      = 200
	EventPageSize = 500
)

// Format is one export format.
type Format struct {
	Name        string // as in --format and /export/{name}
	ContentType string
	Extension   string // of the download's file name
	Description string
	newWriter   func(w io.Writer, o Options) writer
}

// Formats lists the export formats.
func Formats() []Format {
	return []Format{
		{"graphml", "application/graphml+xml; charset=utf-8", "graphml", "GraphML with typed keys", newGraphML},
		{"gexf", "application/gexf+xml; charset=utf-8", "gexf", "GEXF 1.3, dynamic, colours by kind", newGEXF},
		{"cyjs", "application/json", "cyjs", "Cytoscape.js elements JSON", newCytoscape},
		{"json", "application/json", "json", "node-link JSON, as dipgraph extract prints", newNodeLink},
		{"timelinejs", "application/json", "timeline.json", "TimelineJS JSON", newTimelineJS},
		{"ics", "text/calendar; charset=utf-8", "ics", "iCalendar (RFC 5545)", newICS},
		{"csv", "text/csv; charset=utf-8; header=present", "csv", "one row per event, GDELT/POLECAT columns (RFC 4180)", newEventCSV},
		{"gephi-nodes", "text/csv; charset=utf-8; header=present", "nodes.csv", "Gephi node table", newGephiNodes},
		{"gephi-edges", "text/csv; charset=utf-8; header=present", "edges.csv", "Gephi edge table", newGephiEdges},
	}
}

// FormatNames returns the names of the formats, in the order of Formats.
func FormatNames() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}

// Lookup returns the format with the given name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(Formats(), func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return Formats()[i], true
}

// FileName is the name a download of the format is saved under.
func (f Format) FileName() string { return "dipgraph." + f.Extension }

// Options are the settings of one export.
type Options struct {
	// Now is the export's time: the DTSTAMP of an iCalendar. Zero means
	// the Unix epoch, which keeps tests deterministic; callers pass the
	// clock's time.
	Now time.Time
	// Title names the export in the formats that carry a title.
	Title string
}

// writer is one format's encoder, a graphWriter or an eventWriter. Write
// calls begin; then a graph writer's node for every node, edgesBegin, and
// edge for every edge (all nodes first: GEXF, Cytoscape.js and node-link
// JSON keep them apart), or an event writer's event for every event; then
// end, which flushes.
type writer interface {
	begin() error
	end() error
}

type graphWriter interface {
	writer
	node(n node) error
	// edgesBegin is called once between the nodes and the edges.
	edgesBegin() error
	edge(e edge) error
}

type eventWriter interface {
	writer
	event(e *row) error
}

// nodesOnly and edgesOnly mark the graph writers that want half the graph.
type nodesOnly interface{ nodesOnly() }
type edgesOnly interface{ edgesOnly() }

// Write writes the selection f of src to w in format. It returns an
// error wrapping graph.ErrInvalid for an unknown format or a filter the
// store refuses; an error of w ends the export.
func Write(ctx context.Context, w io.Writer, format string, src Source, f graph.EventFilter, o Options) error {
	ft, ok := Lookup(format)
	if !ok {
		return fmt.Errorf("unknown format %q (want one of %v): %w", format, FormatNames(), graph.ErrInvalid)
	}
	if o.Title == "" {
		o.Title = "dipgraph export"
	}
	if o.Now.IsZero() {
		o.Now = time.Unix(0, 0)
	}
	wr := ft.newWriter(w, o)
	if err := wr.begin(); err != nil {
		return err
	}
	sel := selection{src: src, filter: f}
	switch x := wr.(type) {
	case eventWriter:
		if err := sel.events(ctx, x.event); err != nil {
			return err
		}
	case graphWriter:
		_, noNodes := wr.(edgesOnly)
		_, noEdges := wr.(nodesOnly)
		if !noNodes {
			if err := sel.nodes(ctx, x.node); err != nil {
				return err
			}
		}
		if err := x.edgesBegin(); err != nil {
			return err
		}
		if !noEdges {
			if err := sel.edges(ctx, x.edge); err != nil {
				return err
			}
		}
	}
	return wr.end()
}
