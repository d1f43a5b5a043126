package resolver

import (
	"reflect"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
)

// Complexity returns the cost model that the server's complexity limit
// applies. Every field costs 1 plus what is selected under it, except:
//
//   - a connection or other list with a size argument (first, limit)
//     costs what is selected under one item times the items it may
//     return;
//   - a list without one (an event's participants, an entity's relations)
//     costs its selection times the fan-out such lists have in practice
//     (the fan* constants), so a query's cost grows with first times fan-out at
//     every level.
func Complexity() gql.ComplexityRoot {
	var c gql.ComplexityRoot
	eventsPage := func(child int, _ *graph.EventFilter, _ *string, first *int, _ *string) int {
		return 1 + child*pageSize(first)
	}
	articlesPage := func(child int, _ *graph.ArticleFilter, first *int, _ *string) int {
		return 1 + child*pageSize(first)
	}
	entitiesPage := func(child int, _ *graph.EntityFilter, first *int, _ *string) int {
		return 1 + child*pageSize(first)
	}
	relations := func(child int, _ []string) int { return 1 + child*fanRelations }

	c.Query.Events = eventsPage
	c.Query.Countries = entitiesPage
	c.Query.People = entitiesPage
	c.Query.Organizations = entitiesPage
	c.Query.Articles = articlesPage
	c.Query.Timeline = func(child int, _ *graph.EventFilter, first *int, _ *string) int {
		return 1 + child*pageSize(first)
	}
	c.Query.Partners = func(child int, _ string, _ *graph.EventFilter, _ []string, _ *bool, _ *string, first *int) int {
		return 1 + child*pageSize(first)
	}
	c.Query.Search = func(child int, _ string, first *int) int { return 1 + child*pageSize(first) }
	c.Query.Paths = func(child int, _, _ string, maxHops, first *int) int {
		hops, paths := 2, 10
		if maxHops != nil {
			hops = max(*maxHops, 1)
		}
		if first != nil {
			paths = max(*first, 1)
		}
		// A path of n hops has up to 2n+1 nodes and 2n edges.
		return 1 + child*paths*(4*hops+1)
	}
	c.Query.Subgraph = func(child int, _ string, _ *int, _ *graph.EventFilter, limit *int) int {
		n := graph.DefaultSubgraphEvents
		if limit != nil {
			n = max(*limit, 1)
		}
		// Nodes and edges both grow with the events kept; a flat cost per
		// event keeps a large neighbourhood affordable while bounded.
		return 1 + child + n
	}
	c.Dyad.Events = func(child int, _ *string, first *int, _ *string) int { return 1 + child*pageSize(first) }

	c.Country.Events, c.Person.Events, c.Organization.Events, c.Place.Events, c.Region.Events =
		eventsPage, eventsPage, eventsPage, eventsPage, eventsPage
	c.Country.Articles, c.Person.Articles, c.Organization.Articles, c.Place.Articles, c.Region.Articles =
		articlesPage, articlesPage, articlesPage, articlesPage, articlesPage
	c.Country.Relations, c.Person.Relations, c.Organization.Relations, c.Place.Relations, c.Region.Relations =
		relations, relations, relations, relations, relations
	c.Country.Officials = list(fanRelations)
	c.Country.Memberships = list(fanRelations)
	c.Organization.Officials = list(fanRelations)
	c.Organization.Members = list(fanRelations)
	c.Organization.Memberships = list(fanRelations)
	c.Person.Offices = list(fanRelations)
	c.Relation.Evidence = list(fanEvidence)
	c.Article.Events = list(fanArticleEvents)
	c.Article.Mentions = list(fanArticleEvents)
	c.Dyad.Periods = list(fanPeriods)
	c.Tally.ByType = list(fanTypes)
	eventLists(&c)
	return c
}

// How many items the lists without a size argument hold, for the cost
// model: generous for the data the extractor makes.
const (
	fanParticipants  = 5  // of an event
	fanEvidence      = 3  // passages of a fact
	fanRoles         = 3  // entities in one role of an event
	fanRelations     = 5  // of an entity
	fanArticleEvents = 20 // events or entities of an article
	fanPeriods       = 12 // of a dyad
	fanTypes         = 8  // event types in a tally
)

// list is the cost of a list field without a size argument of n items.
func list(n int) func(int) int { return func(child int) int { return 1 + child*n } }

// eventLists sets the cost of the lists of every event type: its
// participants and evidence and its role lists (actors, parties, ...).
// The event types are many and alike, so it finds their fields by name
// rather than listing 24 types by hand; TestComplexity checks it reached
// them all.
func eventLists(c *gql.ComplexityRoot) {
	root := reflect.ValueOf(c).Elem()
	fields := map[string]int{
		"Participants": fanParticipants, "Evidence": fanEvidence,
		"Actors": fanRoles, "Targets": fanRoles, "Parties": fanRoles,
		"Attendees": fanRoles, "Mediators": fanRoles,
	}
	for _, typ := range extract.EventTypes() {
		t := root.FieldByName(typ)
		if !t.IsValid() {
			continue
		}
		for name, n := range fields {
			if f := t.FieldByName(name); f.IsValid() {
				f.Set(reflect.ValueOf(list(n)))
			}
		}
	}
}

// pageSize returns the number of items a connection may return for first.
func pageSize(first *int) int {
	var p graph.PageRequest
	if first != nil {
		p.First = *first
	}
	return p.Size()
}
