package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// Node kinds.
const (
	kindEntity  = "entity"
	kindEvent   = "event"
	kindArticle = "article"
)

// Edge kinds.
const (
	kindParticipant = "participant" // event -> entity; Type the role
	kindEvidence    = "evidence"    // event -> article; Type EVIDENCE
	kindRelation    = "relation"    // entity -> entity; Type the relation type
	kindMention     = "mention"     // entity -> article; Type MENTIONED_IN
)

// EvidenceEdge is the Type of the edges from an event to the articles
// reporting it, MentionedEdge of those from an entity to the articles
// naming it.
const (
	EvidenceEdge  = "EVIDENCE"
	MentionedEdge = "MENTIONED_IN"
)

// node is a node of a graph export: its id, kind, type and label, the
// days it exists in (events; empty for always) and its attributes, keyed
// by the names of nodeAttrs. Empty values are left out.
type node struct {
	ID, Kind, Type, Label string
	Start, End            string // YYYY-MM-DD
	attrs                 map[string]any
}

// edge is an edge of a graph export.
type edge struct {
	ID, Source, Target, Kind, Type string
	Start, End                     string
	attrs                          map[string]any
}

// attr is one attribute of nodes or edges and its type: string, strings
// (a list, written joined by "; " where a format has no lists), int or
// double.
type attr struct{ name, typ string }

// nodeAttrs are the attributes of nodes, in the order formats declare
// them. The names are those of the node-link JSON's properties.
var nodeAttrs = []attr{
	{"kind", "string"}, {"type", "string"}, {"label", "string"},
	// entities
	{"iso3", "string"}, {"iso2", "string"}, {"country", "string"}, {"title", "string"}, {"aliases", "strings"},
	// events
	{"date", "string"}, {"end", "string"}, {"from", "string"}, {"to", "string"}, {"precision", "string"},
	{"modality", "string"}, {"subtype", "string"}, {"cameo", "string"}, {"cameoRoot", "string"},
	{"quadClass", "int"}, {"goldstein", "double"}, {"confidence", "double"}, {"attribution", "string"},
	{"ordinal", "int"}, {"count", "int"}, {"topic", "string"}, {"origin", "string"}, {"partOf", "string"},
	{"reports", "int"},
	// provenance of events: the first evidence sentence, its article and
	// the article's URL, and every span
	{"evidence", "string"}, {"article", "string"}, {"url", "string"}, {"spans", "strings"},
	// articles (and url)
	{"published", "string"}, {"source", "string"}, {"section", "string"}, {"author", "string"}, {"dateline", "string"},
}

// edgeAttrs are the attributes of edges.
var edgeAttrs = []attr{
	{"kind", "string"}, {"type", "string"},
	{"role", "string"}, {"groups", "strings"}, {"sectors", "strings"}, {"date", "string"},
	{"from", "string"}, {"to", "string"}, {"spans", "strings"},
}

// day formats t as YYYY-MM-DD, or "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// span formats an evidence span as <article>[<start>:<end>].
func span(e graph.Evidence) string {
	return e.ArticleID + "[" + strconv.Itoa(e.Start) + ":" + strconv.Itoa(e.End) + "]"
}

// provenance is an event's evidence in short: its first sentence, that
// sentence's article and the article's URL, and every span.
type provenance struct {
	sentence, article, url, title, source string
	spans                                 []string
}

func provenanceOf(r *row) provenance {
	var p provenance
	for i, e := range r.Evidence {
		if i == 0 {
			a := r.articles[e.ArticleID]
			p.sentence, p.article, p.url, p.title, p.source = oneLine(e.Text), e.ArticleID, a.URL, a.Title, a.Source
		}
		p.spans = append(p.spans, span(e))
	}
	return p
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func eventNode(r *row) node {
	ev, p := r.Event, provenanceOf(r)
	return node{ID: ev.ID, Kind: kindEvent, Type: ev.Type, Label: ev.Label,
		Start: day(ev.From), End: day(ev.To),
		attrs: graph.Properties("kind", kindEvent, "type", ev.Type, "label", ev.Label,
			"date", ev.Date, "end", ev.End, "from", day(ev.From), "to", day(ev.To),
			"precision", ev.Precision, "modality", ev.Modality, "subtype", ev.Subtype,
			"cameo", ev.CAMEO, "cameoRoot", ev.CAMEORoot, "quadClass", ev.QuadClass,
			"goldstein", ev.Goldstein, "confidence", ev.Confidence, "attribution", ev.Attribution,
			"ordinal", ev.Ordinal, "count", ev.Count, "topic", ev.Topic, "origin", ev.Origin,
			"partOf", ev.PartOf, "reports", ev.Reports,
			"evidence", p.sentence, "article", p.article, "url", p.url, "spans", p.spans)}
}

func entityNode(e graph.Entity) node {
	return node{ID: e.ID, Kind: kindEntity, Type: e.Type, Label: e.Name,
		attrs: graph.Properties("kind", kindEntity, "type", e.Type, "label", e.Name,
			"iso3", e.ISO3, "iso2", e.ISO2, "country", e.Country, "title", e.Title, "aliases", e.Aliases)}
}

func articleNode(a graph.Article) node {
	return node{ID: a.ID, Kind: kindArticle, Type: "Article", Label: a.Title,
		attrs: graph.Properties("kind", kindArticle, "type", "Article", "label", a.Title,
			"published", a.Published, "source", a.Source, "section", a.Section, "author", a.Author,
			"dateline", a.Dateline, "url", a.URL)}
}

// eventEdges are the edges of an event: one per participant, event ->
// entity with Type the role, and one per reporting article, event ->
// article with Type EVIDENCE and the spans.
func eventEdges(r *row) []edge {
	ev := r.Event
	from, to := day(ev.From), day(ev.To)
	var out []edge
	for _, pt := range ev.Participants {
		out = append(out, edge{ID: ev.ID + "|" + pt.Role + "|" + pt.EntityID,
			Source: ev.ID, Target: pt.EntityID, Kind: kindParticipant, Type: pt.Role, Start: from, End: to,
			attrs: graph.Properties("kind", kindParticipant, "type", pt.Role, "groups", pt.Groups, "sectors", pt.Sectors,
				"from", from, "to", to)})
	}
	for i := 0; i < len(ev.Evidence); {
		a := ev.Evidence[i].ArticleID
		var spans []string
		for ; i < len(ev.Evidence) && ev.Evidence[i].ArticleID == a; i++ {
			spans = append(spans, span(ev.Evidence[i]))
		}
		out = append(out, edge{ID: ev.ID + "|" + EvidenceEdge + "|" + a,
			Source: ev.ID, Target: a, Kind: kindEvidence, Type: EvidenceEdge, Start: from, End: to,
			attrs: graph.Properties("kind", kindEvidence, "type", EvidenceEdge, "spans", spans, "from", from, "to", to)})
	}
	return out
}

func relationEdge(r graph.Relation) edge {
	var spans []string
	for _, e := range r.Evidence {
		spans = append(spans, span(e))
	}
	return edge{ID: r.Source + "|" + r.Type + "|" + r.Target, Source: r.Source, Target: r.Target,
		Kind: kindRelation, Type: r.Type,
		attrs: graph.Properties("kind", kindRelation, "type", r.Type, "role", r.Role, "date", r.Date, "spans", spans)}
}

// mentionEdge is the edge from an entity to an article naming it, with
// the spans of ms, its mentions there.
func mentionEdge(ms []graph.Mention) edge {
	var spans []string
	for _, m := range ms {
		spans = append(spans, span(graph.Evidence{ArticleID: m.ArticleID, Start: m.Start, End: m.End}))
	}
	e, a := ms[0].EntityID, ms[0].ArticleID
	return edge{ID: e + "|" + MentionedEdge + "|" + a, Source: e, Target: a, Kind: kindMention, Type: MentionedEdge,
		attrs: graph.Properties("kind", kindMention, "type", MentionedEdge, "spans", spans)}
}

// text formats an attribute value for formats without types of their own.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		return strings.Join(x, "; ")
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return ""
}

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// colourOf is the colour of a node: by entity type, or one for events and
// one for articles.
func colourOf(n node) rgb {
	if n.Kind == kindEntity {
		switch n.Type {
		case extract.TypeCountry:
			return rgb{31, 119, 180}
		case extract.TypePerson:
			return rgb{255, 127, 14}
		case extract.TypeOrganization:
			return rgb{44, 160, 44}
		case extract.TypePlace:
			return rgb{140, 86, 75}
		case extract.TypeRegion:
			return rgb{148, 103, 189}
		}
		return rgb{188, 189, 34}
	}
	if n.Kind == kindEvent {
		return rgb{214, 39, 40}
	}
	return rgb{127, 127, 127}
}

// sourceRoles and targetRoles say which participants an event's one CSV
// row names as its source and its target, after the dyads of
// extract.Records: a visitor visits a host, a speaker speaks to a target.
var (
	sourceRoles = []string{"speaker", "actor", "mediator", "body", "source", "appointer"}
	targetRoles = []string{"target", "party", "participant", "appointee", "host", "visitor"}
)

// sides returns the source and target participants of an event: for a
// visit the visitors and hosts (hosts and visitors when it was hosted);
// else the first roles of sourceRoles present and the participants in
// targetRoles that are not sources; without any, the first party acts on
// the others.
func sides(ev graph.Event) (src, dst []graph.Participant) {
	byRole := map[string][]graph.Participant{}
	for _, p := range ev.Participants {
		byRole[p.Role] = append(byRole[p.Role], p)
	}
	if ev.Type == extract.TypeVisit {
		if ev.Subtype == "hosted" {
			return byRole["host"], byRole["visitor"]
		}
		return byRole["visitor"], byRole["host"]
	}
	srcRole := ""
	for _, r := range sourceRoles {
		if len(byRole[r]) > 0 {
			srcRole = r
			break
		}
	}
	if srcRole == "" {
		parties := append(append([]graph.Participant{}, byRole["party"]...), byRole["participant"]...)
		if len(parties) == 0 {
			return nil, nil
		}
		return parties[:1], parties[1:]
	}
	for _, r := range targetRoles {
		if r != srcRole {
			dst = append(dst, byRole[r]...)
		}
	}
	return byRole[srcRole], dst
}
