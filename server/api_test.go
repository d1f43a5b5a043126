package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

// These tests cover the analysts' API over the fake store: lists of
// entities and articles, what hangs off entities and events, the views,
// the limits and the batch ingest. The same API runs against Neo4j in
// cmd/dipgraph's tests.

var (
	minsk = graph.Entity{ID: "org:osce-minsk-group", Type: extract.TypeOrganization, Name: "OSCE Minsk Group"}
	baku  = graph.Entity{ID: "place:baku", Type: extract.TypePlace, Name: "Baku", Country: "AZE"}
)

// newAnalystFake is newFake(n) with relations, more entities and pages of
// entities and articles.
func newAnalystFake(n int) *fakeStore {
	s := newFake(n)
	s.entities[minsk.ID], s.entities[baku.ID] = minsk, baku
	officialOf := graph.Relation{Source: lavrov.ID, Target: russia.ID, Type: "OFFICIAL_OF", Role: "Foreign Minister",
		Evidence: []graph.Evidence{{ArticleID: article.ID, Start: 0, End: 24}}} // no text: cut from the article
	s.relations = map[string][]graph.Relation{
		lavrov.ID: {officialOf},
		russia.ID: {officialOf, {Source: russia.ID, Target: minsk.ID, Type: "MEMBER_OF", Role: "co-chair"}},
	}
	s.entityPage = graph.EntityPage{Entities: []graph.Entity{azerbaijan, russia}, TotalCount: 2,
		Cursors: []string{graph.Cursor{Key: "Azerbaijan", ID: azerbaijan.ID}.Encode(), graph.Cursor{Key: "Russia", ID: russia.ID}.Encode()}}
	s.articlePage = graph.ArticlePage{Articles: []graph.Article{article}, TotalCount: 1,
		Cursors: []string{graph.Cursor{Key: "-17486", ID: article.ID}.Encode()}}
	return s
}

func TestEntityLists(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		wantType    string
		want        string
	}{
		{"countries", `{ countries(filter: {text: "azer", organizations: ["org:x"]}, first: 2) { totalCount nodes { iso3 }
			edges { node { name } } pageInfo { hasNextPage } } }`, extract.TypeCountry,
			`{"countries":{"totalCount":2,"nodes":[{"iso3":"AZE"},{"iso3":"RUS"}],"edges":[{"node":{"name":"Azerbaijan"}},{"node":{"name":"Russia"}}],"pageInfo":{"hasNextPage":false}}}`},
		{"people", `{ people(filter: {countries: ["rus"]}) { totalCount } }`, extract.TypePerson, `{"people":{"totalCount":2}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newAnalystFake(0)
			if tc.name == "people" {
				s.entityPage.Entities = []graph.Entity{lavrov, lavrov}
			}
			h := newHarness(t, s)
			r, _ := h.post(t, tc.query, nil)
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if got := string(r.Data); got != tc.want {
				t.Errorf("data:\ngot  %s\nwant %s", got, tc.want)
			}
			if h.store.gotEntities.Type != tc.wantType {
				t.Errorf("store asked for %q, want %q", h.store.gotEntities.Type, tc.wantType)
			}
		})
	}
	h := newHarness(t, newAnalystFake(0))
	h.post(t, `{ people(filter: {countries: ["rus"], organizations: ["org:osce-minsk-group"], text: "lav"}) { totalCount } }`, nil)
	want := graph.EntityFilter{Type: extract.TypePerson, Countries: []string{"RUS"}, Organizations: []string{minsk.ID}, Text: "lav"}
	if diff := cmp.Diff(want, h.store.gotEntities); diff != "" {
		t.Errorf("filter reaching the store (-want +got):\n%s", diff)
	}
	// A country list of people is a wrong kind: the page holds a country.
	s := newAnalystFake(0)
	h = newHarness(t, s)
	r, _ := h.post(t, `{ people { nodes { name } } }`, nil)
	if diff := cmp.Diff([]string{"NOT_FOUND"}, r.codes()); diff != "" {
		t.Errorf("people page holding countries: codes (-want +got):\n%s", diff)
	}
}

func TestEntityFieldsBatched(t *testing.T) {
	h := newHarness(t, newAnalystFake(3))
	r, _ := h.post(t, `{ countries {
		nodes {
			id iso2
			officials { role source { name ... on Person { country { iso3 } offices { target { id } } } }
			            evidence { text article { title } } }
			memberships { target { name } role }
			relations(types: ["MEMBER_OF"]) { type }
			events(filter: {types: [VISIT]}, orderBy: CONFIDENCE, first: 2) { totalCount edges { node { id } } }
			articles(first: 1) { totalCount nodes { id } }
		}
	} }`, nil)
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	var got struct {
		Countries struct {
			Nodes []struct {
				ID        string
				Iso2      *string
				Officials []struct {
					Role   string
					Source struct {
						Name    string
						Country struct{ Iso3 string }
						Offices []struct{ Target struct{ ID string } }
					}
					Evidence []struct {
						Text    string
						Article struct{ Title string }
					}
				}
				Memberships []struct {
					Target struct{ Name string }
					Role   string
				}
				Relations []struct{ Type string }
				Events    struct {
					TotalCount int
					Edges      []struct{ Node struct{ ID string } }
				}
				Articles struct{ TotalCount int }
			}
		}
	}
	r.decode(t, &got)
	rus := got.Countries.Nodes[1]
	if rus.ID != russia.ID || len(rus.Officials) != 1 || rus.Officials[0].Source.Name != "Sergey Lavrov" ||
		rus.Officials[0].Source.Country.Iso3 != "RUS" || rus.Officials[0].Role != "Foreign Minister" ||
		rus.Officials[0].Evidence[0].Text != article.Text[:24] || rus.Officials[0].Evidence[0].Article.Title != article.Title {
		t.Errorf("Russia's officials: %+v", rus.Officials)
	}
	if len(rus.Memberships) != 1 || rus.Memberships[0].Target.Name != "OSCE Minsk Group" || len(rus.Relations) != 1 {
		t.Errorf("Russia's memberships %+v, relations %+v", rus.Memberships, rus.Relations)
	}
	if got.Countries.Nodes[0].Events.TotalCount != 3 || got.Countries.Nodes[0].Articles.TotalCount != 1 {
		t.Errorf("Azerbaijan's events %+v, articles %+v", got.Countries.Nodes[0].Events, got.Countries.Nodes[0].Articles)
	}
	// One call per batch method and level, however many countries: the
	// countries' officials, then the officials' offices.
	for m, want := range map[string]int{"EntityList": 1, "RelationsOf": 2, "EventsInvolving": 1, "ArticlesMentioning": 1, "ArticlesByIDs": 1} {
		if n := h.store.callCount(m); n != want {
			t.Errorf("%s called %d times, want %d", m, n, want)
		}
	}
	if diff := cmp.Diff(graph.EventFilter{Types: []string{extract.TypeVisit}}, h.store.gotFilter); diff != "" {
		t.Errorf("events filter of the countries (-want +got):\n%s", diff)
	}
	if p := h.store.gotPage; p.Order != graph.OrderConfidence || p.First != 2 || p.SkipCount {
		t.Errorf("events page of the countries: %+v", p)
	}
}

func TestEventTypes(t *testing.T) {
	s := newAnalystFake(1)
	ev := s.page.Events[0]
	ev.Attribution, ev.Subtype = lavrov.ID, "official"
	s.events[ev.ID], s.page.Events[0] = ev, ev
	s.parts[ev.ID] = append(s.parts[ev.ID], graph.Participant{Role: "destination", EntityID: baku.ID})
	h := newHarness(t, s)
	r, _ := h.post(t, `{ events { nodes {
		__typename id type subtype attribution { name }
		... on Visit { visitor { name } host { name } destination { name } }
		... on Meeting { attendees { name } }
	} } }`, nil)
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	want := `{"events":{"nodes":[{"__typename":"Visit","id":"event:visit-00","type":"VISIT","subtype":"official",` +
		`"attribution":{"name":"Sergey Lavrov"},"visitor":{"name":"Sergey Lavrov"},"host":{"name":"Azerbaijan"},"destination":{"name":"Baku"}}]}}`
	if got := string(r.Data); got != want {
		t.Errorf("data:\ngot  %s\nwant %s", got, want)
	}
	if n := h.store.callCount("Participants"); n != 1 {
		t.Errorf("Participants called %d times for three role fields, want once", n)
	}
	if n := h.store.callCount("Events"); n != 1 || !h.store.gotPage.SkipCount {
		t.Errorf("Events called %d times, SkipCount %v; want once, without counting", n, h.store.gotPage.SkipCount)
	}
}

func TestArticles(t *testing.T) {
	h := newHarness(t, newAnalystFake(2))
	r, _ := h.post(t, `{ articles(filter: {sources: ["Trend"], from: "2017-01-01", text: "baku", mentions: ["country:RUS"]}) {
		totalCount nodes { id events { id } mentions { name } } } }`, nil)
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	want := `{"articles":{"totalCount":1,"nodes":[{"id":"trend-2017-11-16","events":[{"id":"event:visit-00"},{"id":"event:visit-01"}],` +
		`"mentions":[{"name":"Russia"},{"name":"Sergey Lavrov"}]}]}}`
	if got := string(r.Data); got != want {
		t.Errorf("data:\ngot  %s\nwant %s", got, want)
	}
	from := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	if diff := cmp.Diff(graph.ArticleFilter{Sources: []string{"Trend"}, From: &from, Text: "baku", Mentions: []string{russia.ID}},
		h.store.gotArticles); diff != "" {
		t.Errorf("filter reaching the store (-want +got):\n%s", diff)
	}
}

func TestViews(t *testing.T) {
	s := newAnalystFake(2)
	s.dyad = graph.Dyad{
		Total: graph.Tally{Events: 2, Coded: 1, Goldstein: 1.9,
			ByType: []graph.Count{{Key: extract.TypeVisit, Count: 2}}, QuadClasses: []graph.QuadClassCount{{QuadClass: 1, Count: 1}}},
		Periods: []graph.Period{{Key: "2017-Q4", Start: time.Date(2017, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC),
			Tally: graph.Tally{Events: 2, ByType: []graph.Count{}, QuadClasses: []graph.QuadClassCount{}}}},
	}
	s.partners = []graph.Partner{{EntityID: russia.ID, First: time.Date(1992, 1, 1, 0, 0, 0, 0, time.UTC),
		Last: time.Date(2019, 1, 15, 0, 0, 0, 0, time.UTC), Tally: graph.Tally{Events: 5, ByType: []graph.Count{}, QuadClasses: []graph.QuadClassCount{}}}}
	s.subgraph = graph.Subgraph{Truncated: true, NodeLink: graph.NodeLink{
		Nodes: []graph.Node{{ID: azerbaijan.ID, Type: "Country", Name: "Azerbaijan"},
			{ID: "event:visit-00", Type: "Visit", Name: "Lavrov visits Baku", Properties: map[string]any{"date": "2017-11-20"}}},
		Edges: []graph.Edge{{Source: "event:visit-00", Target: azerbaijan.ID, Type: "host"},
			{Source: russia.ID, Target: azerbaijan.ID, Type: "STRATEGIC_PARTNER"}}}}
	s.paths = []graph.Path{{
		Nodes: []graph.Node{{ID: lavrov.ID, Type: "Person"}, {ID: russia.ID, Type: "Country"}, {ID: "event:visit-00", Type: "Visit"}, {ID: azerbaijan.ID, Type: "Country"}},
		Edges: []graph.Edge{{Source: lavrov.ID, Target: russia.ID, Type: "OFFICIAL_OF"}, {Source: "event:visit-00", Target: russia.ID, Type: "visitor"},
			{Source: "event:visit-00", Target: azerbaijan.ID, Type: "host"}}}}
	s.hits = []graph.SearchHit{{ID: lavrov.ID, Type: "Person", Name: "Sergey Lavrov", Score: 9},
		{ID: "event:visit-01", Type: "Visit", Name: "Lavrov visits Baku", Score: 5},
		{ID: article.ID, Type: "Article", Name: article.Title, Score: 2}}
	s.stats = graph.Stats{Articles: 1, Entities: []graph.Count{{Key: "Country", Count: 2}},
		Events: []graph.Count{{Key: "Visit", Count: 2}}, EventYears: []graph.Count{{Key: "2017", Count: 2}},
		Relations: []graph.Count{{Key: "OFFICIAL_OF", Count: 1}}}
	for _, tc := range []struct {
		name, query, want string
	}{
		{"timeline", `{ timeline(filter: {countries: ["AZE"]}, first: 1) { totalCount items { id start end precision type label cursor event { id } } } }`,
			`{"timeline":{"totalCount":2,"items":[{"id":"event:visit-00","start":"2017-11-20","end":"2017-11-20","precision":"DAY","type":"VISIT","label":"Lavrov visits Baku","cursor":"` +
				s.page.Cursors[0] + `","event":{"id":"event:visit-00"}},{"id":"event:visit-01","start":"2017-11-20","end":"2017-11-20","precision":"DAY","type":"VISIT","label":"Lavrov visits Baku","cursor":"` +
				s.page.Cursors[1] + `","event":{"id":"event:visit-01"}}]}}`},
		{"dyad", `{ dyad(a: "country:AZE", b: "country:RUS", from: "2017-01-01", interval: QUARTER) { a { name } b { name } interval
			total { events byType { type count } quadClasses { quadClass count } codedEvents meanGoldstein }
			periods { period start end tally { events meanGoldstein } } events(first: 1) { totalCount } } }`,
			`{"dyad":{"a":{"name":"Azerbaijan"},"b":{"name":"Russia"},"interval":"QUARTER","total":{"events":2,"byType":[{"type":"VISIT","count":2}],` +
				`"quadClasses":[{"quadClass":"VERBAL_COOPERATION","count":1}],"codedEvents":1,"meanGoldstein":1.9},` +
				`"periods":[{"period":"2017-Q4","start":"2017-10-01","end":"2017-12-31","tally":{"events":2,"meanGoldstein":null}}],"events":{"totalCount":2}}}`},
		{"partners", `{ partners(entity: "country:AZE", types: [COUNTRY], byCountry: true, orderBy: CONFLICT, first: 5) { entity { name } tally { events } first last } }`,
			`{"partners":[{"entity":{"name":"Russia"},"tally":{"events":5},"first":"1992-01-01","last":"2019-01-15"}]}`},
		{"subgraph", `{ subgraph(center: "country:AZE", depth: 2, limit: 10) { truncated nodes { id kind type label date node { __typename } } edges { source target type kind } } }`,
			`{"subgraph":{"truncated":true,"nodes":[{"id":"country:AZE","kind":"ENTITY","type":"COUNTRY","label":"Azerbaijan","date":null,"node":{"__typename":"Country"}},` +
				`{"id":"event:visit-00","kind":"EVENT","type":"VISIT","label":"Lavrov visits Baku","date":"2017-11-20","node":{"__typename":"Visit"}}],` +
				`"edges":[{"source":"event:visit-00","target":"country:AZE","type":"host","kind":"PARTICIPANT"},{"source":"country:RUS","target":"country:AZE","type":"STRATEGIC_PARTNER","kind":"RELATION"}]}}`},
		{"paths", `{ paths(from: "person:sergey-lavrov", to: "country:AZE", maxHops: 3) { hops nodes { id } edges { type } } }`,
			`{"paths":[{"hops":2,"nodes":[{"id":"person:sergey-lavrov"},{"id":"country:RUS"},{"id":"event:visit-00"},{"id":"country:AZE"}],"edges":[{"type":"OFFICIAL_OF"},{"type":"visitor"},{"type":"host"}]}]}`},
		{"search", `{ search(text: "lavrov", first: 3) { score name node { __typename id } } }`,
			`{"search":[{"score":9,"name":"Sergey Lavrov","node":{"__typename":"Person","id":"person:sergey-lavrov"}},` +
				`{"score":5,"name":"Lavrov visits Baku","node":{"__typename":"Visit","id":"event:visit-01"}},` +
				`{"score":2,"name":"Lavrov to visit Baku","node":{"__typename":"Article","id":"trend-2017-11-16"}}]}`},
		{"stats", `{ stats { articles entities { type count } events { type count } eventYears { year count } relations { type count } } }`,
			`{"stats":{"articles":1,"entities":[{"type":"COUNTRY","count":2}],"events":[{"type":"VISIT","count":2}],"eventYears":[{"year":2017,"count":2}],"relations":[{"type":"OFFICIAL_OF","count":1}]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, s)
			r, _ := h.post(t, tc.query, nil)
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if got := string(r.Data); got != tc.want {
				t.Errorf("data:\ngot  %s\nwant %s", got, tc.want)
			}
		})
	}

	// What the views' arguments became.
	h := newHarness(t, s)
	h.post(t, `{ dyad(a: "country:AZE", b: "country:RUS", from: "2017-01-01", filter: {types: [MEETING]}) { events { totalCount } } }`, nil)
	from := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	if diff := cmp.Diff(graph.DyadQuery{A: azerbaijan.ID, B: russia.ID, Interval: graph.IntervalYear,
		Filter: graph.EventFilter{Types: []string{extract.TypeMeeting}, From: &from}}, h.store.gotDyad); diff != "" {
		t.Errorf("dyad query (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(graph.EventFilter{Types: []string{extract.TypeMeeting}, From: &from, Involving: []string{azerbaijan.ID, russia.ID}},
		h.store.gotFilter); diff != "" {
		t.Errorf("dyad events filter (-want +got):\n%s", diff)
	}
	h.post(t, `{ partners(entity: "country:AZE") { tally { events } } subgraph(center: "country:AZE") { truncated }
		paths(from: "a", to: "b") { hops } }`, nil)
	if diff := cmp.Diff(graph.PartnerQuery{Entity: azerbaijan.ID, Order: graph.PartnersByCount, First: graph.DefaultPageSize}, h.store.gotPartners); diff != "" {
		t.Errorf("default partners query (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(graph.SubgraphQuery{Center: azerbaijan.ID, Depth: 1, Limit: graph.DefaultSubgraphEvents}, h.store.gotSubgraph); diff != "" {
		t.Errorf("default subgraph query (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{"a", "b", 2, 10}, h.store.gotPathsArgs); diff != "" {
		t.Errorf("default paths arguments (-want +got):\n%s", diff)
	}
}

func TestViewsBadInput(t *testing.T) {
	for _, tc := range []struct{ name, query string }{
		{"dyad of one", `{ dyad(a: "country:AZE", b: "country:AZE") { total { events } } }`},
		{"dyad backwards", `{ dyad(a: "country:AZE", b: "country:RUS", from: "2018-01-01", to: "2017-01-01") { total { events } } }`},
		{"subgraph too deep", `{ subgraph(center: "country:AZE", depth: 4) { truncated } }`},
		{"subgraph too big", `{ subgraph(center: "country:AZE", limit: 501) { truncated } }`},
		{"paths too long", `{ paths(from: "a", to: "b", maxHops: 5) { hops } }`},
		{"paths to itself", `{ paths(from: "a", to: "a") { hops } }`},
		{"partners first", `{ partners(entity: "a", first: 0) { first } }`},
		{"search first", `{ search(text: "a", first: 101) { name } }`},
		{"cameo code", `{ events(filter: {cameoCodes: ["04x"]}) { totalCount } }`},
		{"entity filter country", `{ countries(filter: {countries: ["Azerbaijan"]}) { totalCount } }`},
		{"article dates", `{ articles(filter: {from: "2018-01-01", to: "2017-01-01"}) { totalCount } }`},
		{"cursor of the events for the articles", `{ articles(after: "x") { totalCount } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newAnalystFake(1))
			r, _ := h.post(t, tc.query, nil)
			if diff := cmp.Diff([]string{"BAD_USER_INPUT"}, r.codes()); diff != "" {
				t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
			}
			h.store.mu.Lock()
			defer h.store.mu.Unlock()
			if len(h.store.calls) != 0 {
				t.Errorf("the store was asked %v; bad input must stop before it", h.store.calls)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	t.Run("depth", func(t *testing.T) {
		h := newHarnessConfig(t, newAnalystFake(1), server.Config{DepthLimit: 6})
		// events, edges, node, participants, entity, (... on Person,) offices, target, id: depth 8.
		r, _ := h.post(t, `{ events { edges { node { participants { entity { ... on Person { offices { target { id } } } } } } } } }`, nil)
		if diff := cmp.Diff([]string{"DEPTH_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
		}
		if n := h.store.callCount("Events"); n != 0 {
			t.Errorf("the store was asked for a refused query")
		}
		// Fragments count where they are spread; introspection does not count.
		r, _ = h.post(t, `query { events { ...page } __schema { types { fields { type { ofType { ofType { name } } } } } } }
			fragment page on EventConnection { edges { node { participants { entity { id } } } } }`, nil)
		if r.Errors != nil {
			t.Errorf("depth 6 with a fragment and deep introspection: %+v", r.Errors)
		}
		r, _ = h.post(t, `query { events { ...page } } fragment page on EventConnection { edges { node { participants { entity { ... on Country { officials { role } } } } } } }`, nil)
		if diff := cmp.Diff([]string{"DEPTH_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("depth 7 through a fragment: codes (-want +got):\n%s", diff)
		}
	})
	t.Run("tokens", func(t *testing.T) {
		h := newHarnessConfig(t, newAnalystFake(1), server.Config{TokenLimit: 50})
		r, _ := h.post(t, "{ events { totalCount "+strings.Repeat("a: totalCount ", 30)+"} }", nil)
		if diff := cmp.Diff([]string{"TOKEN_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
		}
		if r, _ := h.post(t, "{ events { totalCount } }", nil); r.Errors != nil {
			t.Errorf("a small query was refused: %+v", r.Errors)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		s := newAnalystFake(1)
		s.block = true
		h := newHarnessConfig(t, s, server.Config{Timeout: 100 * time.Millisecond})
		start := time.Now()
		r, body := h.post(t, `{ events { totalCount } }`, nil)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("the request took %v with a timeout of 100ms", d)
		}
		if diff := cmp.Diff([]string{"TIMEOUT"}, r.codes()); diff != "" {
			t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
		} else if want := "the request took longer than 100ms and was stopped"; r.Errors[0].Message != want {
			t.Errorf("message %q, want %q", r.Errors[0].Message, want)
		}
		if strings.Contains(body, "neo4jstore") {
			t.Errorf("the response leaks the store's error: %s", body)
		}
	})
	t.Run("mutations have their own time", func(t *testing.T) {
		s := newAnalystFake(0)
		s.slowWrite = 300 * time.Millisecond
		h := newHarnessConfig(t, s, server.Config{Timeout: 100 * time.Millisecond, MutationTimeout: 5 * time.Second})
		r, _ := h.post(t, `mutation { ingestArticle(input: {text: "Lavrov visited Baku on Monday."}) { summary { changed } } }`, nil)
		if r.Errors != nil {
			t.Errorf("a mutation of 300ms under a query timeout of 100ms: %+v", r.Errors)
		}
	})
	t.Run("page size", func(t *testing.T) {
		h := newHarness(t, newAnalystFake(1))
		h.post(t, `{ countries(first: 1000) { totalCount } }`, nil)
		if h.store.gotPage.First != graph.MaxPageSize {
			t.Errorf("first 1000 reached the store as %d, want %d", h.store.gotPage.First, graph.MaxPageSize)
		}
	})
}

// TestRoundTripsByDepth checks that the store calls of a nested query
// depend on its shape, not on how many rows it returns.
func TestRoundTripsByDepth(t *testing.T) {
	const query = `query($first: Int) { countries(first: $first) { nodes {
		officials { source { name } }
		events(first: $first) { nodes { ... on Visit { visitor { name } } evidence { article { title } } } }
		articles(first: $first) { nodes { mentions { name } } }
	} } }`
	calls := func(n int) map[string]int {
		s := newAnalystFake(n)
		for i := range n {
			c := graph.Entity{ID: fmt.Sprintf("country:C%02d", i), Type: extract.TypeCountry, Name: fmt.Sprintf("C%02d", i), ISO3: fmt.Sprintf("C%02d", i)}
			s.entityPage.Entities = append(s.entityPage.Entities, c)
			s.entityPage.Cursors = append(s.entityPage.Cursors, graph.Cursor{Key: c.Name, ID: c.ID}.Encode())
		}
		h := newHarnessConfig(t, s, server.Config{ComplexityLimit: 1 << 30})
		r, _ := h.post(t, query, map[string]any{"first": n})
		if r.Errors != nil {
			t.Fatalf("errors: %+v", r.Errors)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.calls
	}
	// countries, relations, entities (for the officials and for the
	// visitors: once per level, or once for both when their keys arrive
	// together), events involving, participants, evidence, articles,
	// articles mentioning, entities mentioned.
	for _, n := range []int{2, 20} {
		got := calls(n)
		total := 0
		for m, c := range got {
			total += c
			if c > 1 && m != "Entities" || c > 2 {
				t.Errorf("%d rows per level: %s called %d times", n, m, c)
			}
		}
		if max := 10; total > max {
			t.Errorf("%d rows per level: %d store calls (%v), want at most %d", n, total, got, max)
		}
	}
}

func TestIngestArticles(t *testing.T) {
	s := newAnalystFake(0)
	s.summary = graph.IngestSummary{Nodes: 3, Edges: 2, Changed: true}
	h := newHarness(t, s)
	const text = "Russian Foreign Minister Sergey Lavrov will visit Baku on November 20, the ministry said.\n"
	r, body := h.post(t, `mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) {
		ingestedCount failedCount userErrors { message }
		results { article { id } summary { changed } userErrors { field message } } } }`, map[string]any{"input": map[string]any{
		"articles": []map[string]any{
			{"id": "a1", "text": text, "published": "2017-11-16"},
			{"id": "a2", "text": "   "},
			{"id": "a3", "text": text, "published": "2017-11-17"},
		}}})
	want := `{"ingestArticles":{"ingestedCount":2,"failedCount":1,"userErrors":[],"results":[` +
		`{"article":{"id":"a1"},"summary":{"changed":true},"userErrors":[]},` +
		`{"article":null,"summary":null,"userErrors":[{"field":["input","articles","1","text"],"message":"The article text is empty."}]},` +
		`{"article":{"id":"a3"},"summary":{"changed":true},"userErrors":[]}]}}`
	if got := string(r.Data); got != want || r.Errors != nil {
		t.Errorf("data:\ngot  %s\nwant %s\nerrors: %+v", got, want, r.Errors)
	}
	if n := s.callCount("Ingest"); n != 2 {
		t.Errorf("Ingest called %d times, want 2", n)
	}

	// A conflict in the store fails that article only, at its path.
	s.ingestErr = fmt.Errorf("neo4jstore: ingest a1: %w: secret detail", graph.ErrConflict)
	r, body = h.post(t, `mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) { ingestedCount failedCount results { summary { changed } } } }`,
		map[string]any{"input": map[string]any{"articles": []map[string]any{{"id": "a1", "text": text}}}})
	if diff := cmp.Diff([]gqlError{{Message: "conflict with stored data", Path: []any{"ingestArticles", "results", float64(0)},
		Extensions: map[string]any{"code": "CONFLICT"}}}, r.Errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if strings.Contains(body, "secret") || !strings.Contains(string(r.Data), `"failedCount":1`) {
		t.Errorf("response %s", body)
	}

	r, _ = h.post(t, `mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) { userErrors { field message } } }`,
		map[string]any{"input": map[string]any{"articles": slices.Repeat([]map[string]any{{"text": text}}, 101)}})
	if want := `{"ingestArticles":{"userErrors":[{"field":["input","articles"],"message":"Give from 1 to 100 articles, not 101."}]}}`; string(r.Data) != want {
		t.Errorf("101 articles: %s", r.Data)
	}
}

func TestCuration(t *testing.T) {
	s := newAnalystFake(2)
	s.deleted = graph.DeleteSummary{DeletedEvents: []string{"event:gone"}, KeptEvents: []string{"event:visit-01"},
		DeletedEntities: []string{"person:gone"}, DeletedRelations: 2}
	h := newHarness(t, s)
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        string
		wantArgs    []any
	}{
		{"delete", `mutation($id: ID!) { deleteArticle(input: {id: $id}) { articleId deletedEvents keptEvents { id reports }
			deletedEntities deletedRelations userErrors { field } } }`, map[string]any{"id": article.ID},
			`{"deleteArticle":{"articleId":"trend-2017-11-16","deletedEvents":["event:gone"],"keptEvents":[{"id":"event:visit-01","reports":1}],` +
				`"deletedEntities":["person:gone"],"deletedRelations":2,"userErrors":[]}}`, []any{article.ID}},
		{"merge", `{ x: mergeEntities(input: {keep: "country:RUS", drop: "country:SUN"}) { entity { id name } userErrors { field } } }`, nil,
			`{"x":{"entity":{"id":"country:RUS","name":"Russia"},"userErrors":[]}}`, []any{russia.ID, "country:SUN"}},
		{"split", `mutation { splitEntity(input: {id: "person:sergey-lavrov", newId: "person:sergey-lavrov.2", newName: "Sergey Lavrov Jr", articles: ["a1"]}) {
			entity { __typename id name } original { id } userErrors { field } } }`, nil,
			`{"splitEntity":{"entity":{"__typename":"Person","id":"person:sergey-lavrov.2","name":"Sergey Lavrov Jr"},"original":{"id":"person:sergey-lavrov"},"userErrors":[]}}`,
			[]any{lavrov.ID, "person:sergey-lavrov.2", "Sergey Lavrov Jr", []string{"a1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.query
			if !strings.HasPrefix(strings.TrimSpace(q), "mutation") {
				q = "mutation " + q
			}
			r, _ := h.post(t, q, tc.vars)
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if got := string(r.Data); got != tc.want {
				t.Errorf("data:\ngot  %s\nwant %s", got, tc.want)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			if diff := cmp.Diff(tc.wantArgs, s.gotCuration); diff != "" {
				t.Errorf("store arguments (-want +got):\n%s", diff)
			}
		})
	}

	// Input the caller can fix never reaches the store.
	s2 := newAnalystFake(0)
	h = newHarness(t, s2)
	for _, tc := range []struct{ query, want string }{
		{`mutation { deleteArticle(input: {id: " "}) { userErrors { field message } } }`,
			`{"deleteArticle":{"userErrors":[{"field":["input","id"],"message":"Give the id of an article."}]}}`},
		{`mutation { mergeEntities(input: {keep: "country:RUS", drop: "country:RUS"}) { entity { id } userErrors { field } } }`,
			`{"mergeEntities":{"entity":null,"userErrors":[{"field":["input","drop"]}]}}`},
		{`mutation { splitEntity(input: {id: "x", newId: "x", newName: "", articles: []}) { entity { id } userErrors { field } } }`,
			`{"splitEntity":{"entity":null,"userErrors":[{"field":["input","newId"]},{"field":["input","newName"]},{"field":["input","articles"]}]}}`},
	} {
		r, _ := h.post(t, tc.query, nil)
		if got := string(r.Data); got != tc.want || r.Errors != nil {
			t.Errorf("%s:\ngot  %s %+v\nwant %s", tc.query, got, r.Errors, tc.want)
		}
	}
	s2.mu.Lock()
	if len(s2.calls) != 0 {
		t.Errorf("the store was asked %v", s2.calls)
	}
	s2.mu.Unlock()

	// The store's verdicts are error codes.
	for _, tc := range []struct {
		err  error
		code string
	}{
		{fmt.Errorf("neo4jstore: merge: %w", graph.ErrNotFound), "NOT_FOUND"},
		{fmt.Errorf("neo4jstore: merge: types differ: %w", graph.ErrConflict), "CONFLICT"},
		{fmt.Errorf("neo4jstore: merge: %w", graph.ErrInvalid), "BAD_USER_INPUT"},
	} {
		s3 := newAnalystFake(0)
		s3.curationErr = tc.err
		h := newHarness(t, s3)
		r, _ := h.post(t, `mutation { mergeEntities(input: {keep: "a", drop: "b"}) { entity { id } } }`, nil)
		if diff := cmp.Diff([]string{tc.code}, r.codes()); diff != "" {
			t.Errorf("%v: codes (-want +got):\n%s", tc.err, diff)
		}
	}
}

func TestUndated(t *testing.T) {
	s := newAnalystFake(1)
	ev := s.page.Events[0]
	ev.Date, ev.From, ev.To, ev.Precision = "", time.Time{}, time.Time{}, extract.PrecisionUnknown
	s.page.Events[0], s.events[ev.ID] = ev, ev
	h := newHarness(t, s)
	r, _ := h.post(t, `{ events(filter: {dated: false}) { nodes { id date end precision } } }`, nil)
	if want := `{"events":{"nodes":[{"id":"event:visit-00","date":null,"end":null,"precision":"UNKNOWN"}]}}`; string(r.Data) != want || r.Errors != nil {
		t.Errorf("an undated event: %s %+v, want %s", r.Data, r.Errors, want)
	}
	if d := h.store.gotFilter.Dated; d == nil || *d {
		t.Errorf("dated: false reached the store as %v", d)
	}
	s.page.Events = nil
	s.page.Cursors = nil
	h.post(t, `{ timeline { totalCount } }`, nil)
	if d := h.store.gotFilter.Dated; d == nil || !*d {
		t.Errorf("a timeline asked the store for dated %v, want only dated events", d)
	}
}
