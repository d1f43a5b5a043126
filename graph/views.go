package graph

import "time"

// This file holds the read side's question and answer types beyond single
// objects and event pages: lists of entities and articles, and the
// analysts' views (dyads, partners, neighbourhoods, paths, search, counts).

// EntityFilter narrows a list of entities of one type. Empty fields do not
// filter; lists match any of their values.
type EntityFilter struct {
	Type string // one of extract.EntityTypes; required
	// Countries are ISO3 codes: the entity belongs to one of these countries
	// (its Country; for countries, its own code).
	Countries []string
	// Organizations are organization ids: a person is an official of one
	// of them; an organization is part of one of them.
	Organizations []string
	// Text is a full-text query over names and aliases.
	Text string
}

// EntityPage is one page of entities in (Name, ID) order.
type EntityPage struct {
	Entities    []Entity
	Cursors     []string
	HasNextPage bool
	TotalCount  int
}

// ArticleFilter narrows a list of articles. Empty fields do not filter.
type ArticleFilter struct {
	Sources []string // publishers, in any case
	// From and To bound the day of publication (in the publisher's zone).
	From *time.Time
	To   *time.Time
	Text string // full-text query over titles
	// Mentions are entity ids the article must all mention.
	Mentions []string
}

// ArticlePage is one page of articles, newest first: by day of
// publication (articles without one last), then by id.
type ArticlePage struct {
	Articles    []Article
	Cursors     []string
	HasNextPage bool
	TotalCount  int
}

// Intervals of dyad periods.
const (
	IntervalMonth   = "month"
	IntervalQuarter = "quarter"
	IntervalYear    = "year"
)

// DyadQuery asks for everything between two entities: the events both
// take part in (as EventFilter.Involving defines it) that also match
// Filter, grouped into periods of Interval by the day they begin.
type DyadQuery struct {
	A, B     string
	Filter   EventFilter
	Interval string
}

// Count is how many things have a key (an event type, a label, ...).
type Count struct {
	Key   string
	Count int
}

// QuadClassCount is how many events fall in one CAMEO quad class (1..4).
type QuadClassCount struct {
	QuadClass int
	Count     int
}

// Tally counts a set of events: in all, by type, by quad class, and the
// mean Goldstein value of those with a CAMEO code.
type Tally struct {
	Events      int
	ByType      []Count          // by count, most first, then by type
	QuadClasses []QuadClassCount // by quad class; classes without events are absent
	// Coded is the number of events with a CAMEO code; Goldstein their
	// mean Goldstein value, meaningless when Coded is 0.
	Coded     int
	Goldstein float64
}

// Period is one interval of a dyad with the events that begin in it.
type Period struct {
	Key   string    // 2017, 2017-Q4 or 2017-11
	Start time.Time // its first day
	End   time.Time // its last day
	Tally
}

// Dyad is the summary of what happened between two entities.
type Dyad struct {
	Query   DyadQuery // the question it answers
	A, B    string
	Total   Tally
	Periods []Period // in time order; periods without events are absent
}

// Partner orders.
const (
	PartnersByCount       = "count"       // most shared events first
	PartnersByCooperation = "cooperation" // highest mean Goldstein first
	PartnersByConflict    = "conflict"    // lowest mean Goldstein first
	PartnersByRecent      = "recent"      // latest shared event first
)

// PartnerQuery asks with whom an entity took part in events matching
// Filter, ranked by Order, at most First.
type PartnerQuery struct {
	Entity string
	Filter EventFilter
	// Types keeps partners of these entity types only; empty keeps all.
	Types []string
	// ByCountry counts a person or organization of a country as that
	// country.
	ByCountry bool
	Order     string
	First     int
}

// Partner is an entity that took part in events together with another.
type Partner struct {
	EntityID string
	Tally
	First time.Time // the first day of the earliest shared event
	Last  time.Time // the first day of the latest shared event
}

// Limits of the views.
const (
	MaxSubgraphDepth      = 3
	DefaultSubgraphEvents = 100
	MaxSubgraphEvents     = 500
	MaxPathHops           = 4 // events or relations between the two ends
	MaxPaths              = 50
)

// SubgraphQuery asks for the neighbourhood of Center: its events and their
// participants, then their events, Depth times, keeping at most Limit
// events (the latest first) that match Filter.
type SubgraphQuery struct {
	Center string
	Depth  int
	Filter EventFilter
	Limit  int
}

// Subgraph is a neighbourhood in node-link form: entity and event nodes,
// participant edges from events to entities (Type the role) and relation
// edges between entities (Type the relation type). Truncated says that
// Limit left events out.
type Subgraph struct {
	NodeLink
	Truncated bool
}

// Path is one way two entities are connected: Nodes in order from one to
// the other, entities and events alternating or entities in a row where a
// relation links them, and Edges[i] linking Nodes[i] and Nodes[i+1] (Type
// the participant role or the relation type; Source and Target as stored).
type Path = NodeLink

// SearchHit is one result of a full-text search: an entity, an event or an
// article, with its score (higher is better).
type SearchHit struct {
	ID    string
	Type  string // an entity or event type, or "Article"
	Name  string // the name, label or title
	Score float64
}

// Stats counts what the graph holds.
type Stats struct {
	Articles   int
	Entities   []Count // by entity type
	Events     []Count // by event type
	EventYears []Count // by the year events begin, Key the year, in order
	Relations  []Count // by relation type
}
