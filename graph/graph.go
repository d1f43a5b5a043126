package graph

import "time"

// Article is a stored article: its metadata and its full text, to which
// every Evidence span points.
type Article struct {
	ID        string
	Title     string
	Published string // RFC 3339 with zone, or YYYY-MM-DD
	Source    string
	Section   string
	Author    string
	Dateline  string
	URL       string
	Text      string
}

// Entity is a country, person, organization, place or region. Its ID is
// stable across articles: country:AZE, person:sergey-lavrov, org:osce-minsk-group.
type Entity struct {
	ID      string
	Type    string // one of extract.EntityTypes
	Name    string
	ISO3    string // countries
	ISO2    string // countries
	Country string // ISO3 of the country a person, place or body belongs to
	Title   string // a person's office
	Aliases []string
}

// Participant is an entity taking part in an event, with its role
// (visitor, host, speaker, party, ...). When the text names a group for a
// country ("gunmen" in Nigeria, "Ukrainian farmers"), the entity is the
// country and Groups and Sectors say which groups (sorted, without
// repeats; Sectors the CAMEO actor sectors of the groups, sorted too).
type Participant struct {
	Role     string
	EntityID string
	Groups   []string
	Sectors  []string
}

// Evidence is a span of an article's text that supports a fact.
type Evidence struct {
	ArticleID string
	Start     int // byte offsets into Article.Text, half-open
	End       int
	Text      string // the slice of the article text; filled on reads
}

// Event is one real-world event, however many articles report it.
//
// Date is ISO 8601 at its precision (1992, 2017-11, 2017-11-20) and End
// the end of a range. From and To are the first and last day the dates
// cover: an event dated 1992 covers 1992-01-01..1992-12-31. Queries on a
// date range match on overlap of [From, To].
type Event struct {
	ID          string
	Type        string // one of extract.EventTypes
	Label       string
	Date        string
	End         string
	From        time.Time
	To          time.Time
	Precision   string
	Modality    string
	Subtype     string
	CAMEO       string
	CAMEORoot   string
	QuadClass   int
	Goldstein   float64
	Confidence  float64
	Attribution string // entity id of who asserted it, or "narrative"
	Ordinal     int
	Count       int
	Topic       string // what a meeting, anniversary or resolution is about
	Origin      string // the year an anniversary looks back to
	PartOf      string // id of the conflict (or other event) this one belongs to
	// Reports is the number of distinct articles with evidence for the event.
	Reports      int
	Participants []Participant
	Evidence     []Evidence
	// UnattributedActors are the actors the first report names by a common
	// noun and of no country it gives ("gunmen" who kidnapped aid workers):
	// no entity stands for them.
	UnattributedActors []UnattributedActor
}

// UnattributedActor is an actor of an event named by a common noun, of no
// known country: its role, the noun as written and its CAMEO sector.
type UnattributedActor struct {
	Role   string
	Name   string
	Sector string
}

// Relation is a fact between two entities: MEMBER_OF, LOCATED_IN,
// STRATEGIC_PARTNER, OFFICIAL_OF, ...
type Relation struct {
	Source   string
	Target   string
	Type     string
	Role     string // e.g. "co-chair" on MEMBER_OF, an office on OFFICIAL_OF
	Date     string
	Evidence []Evidence
}

// Mention is one place in an article where an entity is named or referred to.
type Mention struct {
	EntityID  string
	ArticleID string
	Start     int
	End       int
}

// Batch is everything one article adds to the graph. A store writes a
// batch in one transaction; writing the same batch twice changes nothing.
type Batch struct {
	Article   Article
	Entities  []Entity
	Events    []Event
	Relations []Relation
	Mentions  []Mention
}

// Node and Edge are the node-link form of the graph used by exports.
type Node struct {
	ID         string
	Type       string
	Name       string
	Properties map[string]any
}

// Edge is a typed link between two nodes of an export.
type Edge struct {
	Source     string
	Target     string
	Type       string
	Properties map[string]any
}

// NodeLink is a graph in node-link form.
type NodeLink struct {
	Nodes []Node
	Edges []Edge
}

// IngestSummary says what writing one batch changed.
type IngestSummary struct {
	ArticleID string
	Nodes     int // nodes in the batch (entities, events, the article)
	Edges     int
	// Changed is false when the database already held everything in the batch.
	Changed bool
}

// Properties collects key, value pairs into the properties of a node or
// edge, leaving out empty strings, zero numbers and empty lists.
func Properties(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		k, v := kv[i].(string), kv[i+1]
		switch x := v.(type) {
		case string:
			if x == "" {
				continue
			}
		case int:
			if x == 0 {
				continue
			}
		case float64:
			if x == 0 {
				continue
			}
		case []string:
			if len(x) == 0 {
				continue
			}
		}
		m[k] = v
	}
	return m
}
