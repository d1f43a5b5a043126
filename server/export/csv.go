package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// newCSV returns an RFC 4180 writer: CRLF line ends, fields quoted when
// they hold a comma, a quote or a line end.
func newCSV(w io.Writer) *csv.Writer {
	c := csv.NewWriter(w)
	c.UseCRLF = true
	return c
}

// eventCSV writes one row per event with the columns analysts know from
// GDELT and POLECAT (see eventColumns). The source and target are the
// sides of the event's dyad (a visitor visits a host, a speaker speaks to
// a target; see sides), each as ids, names and ISO3 codes joined by "; "
// when there are several. Undated events have empty dates.
type eventCSV struct{ c *csv.Writer }

func newEventCSV(w io.Writer, _ Options) writer { return &eventCSV{newCSV(w)} }

// eventColumns is the header of the event CSV.
var eventColumns = []string{
	"event_id", "date", "end_date", "precision", "event_type", "label",
	"source_id", "source_name", "source_iso3", "target_id", "target_name", "target_iso3",
	"cameo", "cameo_root", "quad_class", "goldstein", "modality", "attribution", "confidence", "reports",
	"evidence", "article_id", "url", "spans",
}

func (e *eventCSV) begin() error { return e.c.Write(eventColumns) }

// iso3 is the country of an entity: a country's own code, else the
// country it belongs to.
func iso3(e graph.Entity) string {
	if e.Type == extract.TypeCountry {
		return e.ISO3
	}
	return e.Country
}

func (e *eventCSV) event(r *row) error {
	ev, p := r.Event, provenanceOf(r)
	side := func(ps []graph.Participant) (ids, names, codes string) {
		var a, b, c []string
		for _, pt := range ps {
			ent := r.entities[pt.EntityID]
			a, b, c = append(a, pt.EntityID), append(b, ent.Name), append(c, iso3(ent))
		}
		return strings.Join(a, "; "), strings.Join(b, "; "), strings.Join(c, "; ")
	}
	src, dst := sides(ev)
	sid, sname, siso := side(src)
	tid, tname, tiso := side(dst)
	quad, gold := "", ""
	if ev.CAMEO != "" {
		quad, gold = strconv.Itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64)
	}
	conf := ""
	if ev.Confidence != 0 {
		conf = strconv.FormatFloat(ev.Confidence, 'f', -1, 64)
	}
	return e.c.Write([]string{
		ev.ID, ev.Date, ev.End, ev.Precision, ev.Type, ev.Label,
		sid, sname, siso, tid, tname, tiso,
		ev.CAMEO, ev.CAMEORoot, quad, gold, ev.Modality, ev.Attribution, conf, strconv.Itoa(ev.Reports),
		p.sentence, p.article, p.url, strings.Join(p.spans, " "),
	})
}

func (e *eventCSV) end() error {
	e.c.Flush()
	return e.c.Error()
}

// gephiInterval is an interval in the form Gephi's spreadsheet import
// reads, <[2017-11-20, 2017-11-21]>; "" for none.
func gephiInterval(start, end string) string {
	if start == "" {
		return ""
	}
	if end == "" {
		end = start
	}
	return "<[" + start + ", " + end + "]>"
}

// gephiNodes writes Gephi's node table: Id, Label, then the attributes
// of nodeAttrs, then Interval (events only).
type gephiNodes struct{ c *csv.Writer }

func newGephiNodes(w io.Writer, _ Options) writer { return &gephiNodes{newCSV(w)} }

func (g *gephiNodes) nodesOnly() {}

func (g *gephiNodes) begin() error {
	head := []string{"Id", "Label"}
	for _, a := range nodeAttrs {
		if a.name != "label" {
			head = append(head, a.name)
		}
	}
	return g.c.Write(append(head, "Interval"))
}

func (g *gephiNodes) node(n node) error {
	rec := []string{n.ID, n.Label}
	for _, a := range nodeAttrs {
		if a.name != "label" {
			rec = append(rec, text(n.attrs[a.name]))
		}
	}
	return g.c.Write(append(rec, gephiInterval(n.Start, n.End)))
}

func (g *gephiNodes) edgesBegin() error           { return nil }
func (g *gephiNodes) edge(edge) error             { return nil }
func (g *gephiNodes) end() error                  { g.c.Flush(); return g.c.Error() }
func (g *gephiEdges) edgesOnly()                  {}
func (g *gephiEdges) node(node) error             { return nil }
func (g *gephiEdges) edgesBegin() error           { return nil }
func (g *gephiEdges) end() error                  { g.c.Flush(); return g.c.Error() }
func newGephiEdges(w io.Writer, _ Options) writer { return &gephiEdges{newCSV(w)} }

// gephiEdges writes Gephi's edge table: Source, Target, Type (Directed),
// Id, Label (the role, EVIDENCE or the relation type), then the
// attributes of edgeAttrs, then Interval.
type gephiEdges struct{ c *csv.Writer }

func (g *gephiEdges) begin() error {
	head := []string{"Source", "Target", "Type", "Id", "Label"}
	for _, a := range edgeAttrs {
		head = append(head, "edge_"+a.name)
	}
	return g.c.Write(append(head, "Interval"))
}

func (g *gephiEdges) edge(e edge) error {
	rec := []string{e.Source, e.Target, "Directed", e.ID, e.Type}
	for _, a := range edgeAttrs {
		rec = append(rec, text(e.attrs[a.name]))
	}
	return g.c.Write(append(rec, gephiInterval(e.Start, e.End)))
}
