package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

// The API against the real Neo4j, over the articles of testdata/api
// ingested through the ingestArticles mutation and so through the real
// extractor. What the extractor finds may change as it improves, so most
// checks here are of the API's own rules, computed from what the API
// returns: each filter against an oracle written in Go over the full list
// of events, each order and page size against the one big page, each view
// against the events. A few facts the articles state plainly anchor it:
// Lavrov's visit to Azerbaijan, the agreement between Azerbaijan and
// Russia, the US sanctions on Russia of 2014.

const apiArticles = "../../testdata/api/articles.jsonl"

// apiComplexityLimit is the complexity limit of the test server.
const apiComplexityLimit = 5 * server.DefaultComplexityLimit

// countingStore counts the calls of each store method: every call is one
// read transaction of a fixed number of statements, so the calls a
// request makes are its round trips to Neo4j.
type countingStore struct {
	server.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(m string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[m]++
}

// reset returns the calls so far and starts again.
func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.calls
	c.calls = map[string]int{}
	return out
}

func (c *countingStore) Events(ctx context.Context, f graph.EventFilter, p graph.PageRequest) (graph.EventPage, error) {
	c.count("Events")
	return c.Store.Events(ctx, f, p)
}
func (c *countingStore) Event(ctx context.Context, id string) (graph.Event, error) {
	c.count("Event")
	return c.Store.Event(ctx, id)
}
func (c *countingStore) Entity(ctx context.Context, id string) (graph.Entity, error) {
	c.count("Entity")
	return c.Store.Entity(ctx, id)
}
func (c *countingStore) Country(ctx context.Context, iso3 string) (graph.Entity, error) {
	c.count("Country")
	return c.Store.Country(ctx, iso3)
}
func (c *countingStore) Article(ctx context.Context, id string) (graph.Article, error) {
	c.count("Article")
	return c.Store.Article(ctx, id)
}
func (c *countingStore) EntityList(ctx context.Context, f graph.EntityFilter, p graph.PageRequest) (graph.EntityPage, error) {
	c.count("EntityList")
	return c.Store.EntityList(ctx, f, p)
}
func (c *countingStore) Articles(ctx context.Context, f graph.ArticleFilter, p graph.PageRequest) (graph.ArticlePage, error) {
	c.count("Articles")
	return c.Store.Articles(ctx, f, p)
}
func (c *countingStore) Dyad(ctx context.Context, q graph.DyadQuery) (graph.Dyad, error) {
	c.count("Dyad")
	return c.Store.Dyad(ctx, q)
}
func (c *countingStore) Partners(ctx context.Context, q graph.PartnerQuery) ([]graph.Partner, error) {
	c.count("Partners")
	return c.Store.Partners(ctx, q)
}
func (c *countingStore) Subgraph(ctx context.Context, q graph.SubgraphQuery) (graph.Subgraph, error) {
	c.count("Subgraph")
	return c.Store.Subgraph(ctx, q)
}
func (c *countingStore) Paths(ctx context.Context, from, to string, maxHops, limit int) ([]graph.Path, error) {
	c.count("Paths")
	return c.Store.Paths(ctx, from, to, maxHops, limit)
}
func (c *countingStore) Search(ctx context.Context, text string, first int) ([]graph.SearchHit, error) {
	c.count("Search")
	return c.Store.Search(ctx, text, first)
}
func (c *countingStore) Stats(ctx context.Context) (graph.Stats, error) {
	c.count("Stats")
	return c.Store.Stats(ctx)
}
func (c *countingStore) Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	c.count("Entities")
	return c.Store.Entities(ctx, ids)
}
func (c *countingStore) EventsByIDs(ctx context.Context, ids []string) (map[string]graph.Event, error) {
	c.count("EventsByIDs")
	return c.Store.EventsByIDs(ctx, ids)
}
func (c *countingStore) ArticlesByIDs(ctx context.Context, ids []string) (map[string]graph.Article, error) {
	c.count("ArticlesByIDs")
	return c.Store.ArticlesByIDs(ctx, ids)
}
func (c *countingStore) Participants(ctx context.Context, ids []string) (map[string][]graph.Participant, error) {
	c.count("Participants")
	return c.Store.Participants(ctx, ids)
}
func (c *countingStore) EvidenceFor(ctx context.Context, ids []string) (map[string][]graph.Evidence, error) {
	c.count("EvidenceFor")
	return c.Store.EvidenceFor(ctx, ids)
}
func (c *countingStore) RelationsOf(ctx context.Context, ids []string) (map[string][]graph.Relation, error) {
	c.count("RelationsOf")
	return c.Store.RelationsOf(ctx, ids)
}
func (c *countingStore) EventsReportedIn(ctx context.Context, ids []string) (map[string][]graph.Event, error) {
	c.count("EventsReportedIn")
	return c.Store.EventsReportedIn(ctx, ids)
}
func (c *countingStore) EntitiesMentionedIn(ctx context.Context, ids []string) (map[string][]graph.Entity, error) {
	c.count("EntitiesMentionedIn")
	return c.Store.EntitiesMentionedIn(ctx, ids)
}
func (c *countingStore) EventsInvolving(ctx context.Context, ids []string, f graph.EventFilter, p graph.PageRequest) (map[string]graph.EventPage, error) {
	c.count("EventsInvolving")
	return c.Store.EventsInvolving(ctx, ids, f, p)
}
func (c *countingStore) ArticlesMentioning(ctx context.Context, ids []string, f graph.ArticleFilter, p graph.PageRequest) (map[string]graph.ArticlePage, error) {
	c.count("ArticlesMentioning")
	return c.Store.ArticlesMentioning(ctx, ids, f, p)
}
func (c *countingStore) Ingest(ctx context.Context, b graph.Batch) (graph.IngestSummary, error) {
	c.count("Ingest")
	return c.Store.Ingest(ctx, b)
}

// apiClient posts GraphQL operations to a test server.
type apiClient struct {
	t     *testing.T
	url   string
	store *countingStore
}

// do runs an operation and returns its data and errors.
func (c *apiClient) do(query string, vars map[string]any) gqlResponse {
	c.t.Helper()
	return postGraphQL(c.t, c.url, query, vars)
}

// data runs an operation that must succeed and decodes its data into v.
func (c *apiClient) data(v any, query string, vars map[string]any) {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("%s: errors %+v", firstLine(query), r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		c.t.Fatalf("%s: decoding %s: %v", firstLine(query), r.Data, err)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// codes returns the error codes of a response.
func codes(r gqlResponse) []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// newAPI starts the API over the test Neo4j, emptied, with the articles of
// testdata/api ingested through the ingestArticles mutation.
func newAPI(t *testing.T) *apiClient {
	t.Helper()
	cfg := mustConfig(t)
	ctx := context.Background()
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeStore)
	cs := &countingStore{Store: store, calls: map[string]int{}}
	// A longer loader wait than the default, so that a busy test machine
	// does not split a batch and the round-trip counts stay exact; and a
	// higher complexity limit, for the oracle's deep selections; the
	// fixture's ingest is setup, not bounded by the production timeout.
	srv := httptest.NewServer(server.New(server.Config{Store: cs, LoaderWait: 100 * time.Millisecond, ComplexityLimit: apiComplexityLimit,
		MutationTimeout: 10 * time.Minute}))
	t.Cleanup(srv.Close)
	c := &apiClient{t: t, url: srv.URL + "/graphql", store: cs}

	var articles []map[string]any
	f, err := os.Open(apiArticles)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a map[string]any
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		articles = append(articles, map[string]any{"id": a["id"], "title": a["title"], "text": a["text"],
			"published": a["published"], "source": a["source"], "url": a["url"]})
	}
	if len(articles) < 3 {
		t.Fatalf("%d articles in %s, want several", len(articles), apiArticles)
	}
	var ing struct {
		IngestArticles struct {
			IngestedCount, FailedCount int
			Results                    []struct{ Summary struct{ Changed bool } }
		}
	}
	c.data(&ing, `mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) {
		ingestedCount failedCount results { summary { changed } } } }`, map[string]any{"input": map[string]any{"articles": articles}})
	if ing.IngestArticles.IngestedCount != len(articles) || ing.IngestArticles.FailedCount != 0 {
		t.Fatalf("ingestArticles: %+v", ing.IngestArticles)
	}
	cs.reset()
	return c
}

// apiEvent is an event with everything the oracle needs.
type apiEvent struct {
	ID, Type, Label, Date, Precision, Modality string
	End, Subtype, Topic                        *string
	Confidence                                 float64
	Reports                                    int
	Cameo                                      *struct {
		Code, Root, QuadClass string
		Goldstein             float64
	}
	Participants []struct {
		Role   string
		Entity apiEntity
	}
	Evidence []struct {
		ArticleID  string `json:"articleId"`
		Start, End int
		Text       string
		Article    struct{ ID, Source string }
	}
	Visitor, Host *struct{ ID string }
}

type apiEntity struct {
	ID, Type, Name string
	Iso3           string
	Country        *struct{ Iso3 string }
	Relations      []struct {
		Type   string
		Source struct{ ID string }
		Target struct{ ID, Type string }
	}
}

// eventFields selects every field the oracle reads.
const eventFields = `
	id type label date end precision modality subtype confidence reports
	cameo { code root quadClass goldstein }
	participants { role entity { id type name
		... on Country { iso3 }
		... on Person { country { iso3 } }
		... on Organization { country { iso3 } }
		... on Place { country { iso3 } }
		relations(types: ["OFFICIAL_OF", "LOCATED_IN"]) { type source { id } target { id type } } } }
	evidence { articleId start end text article { id source } }
	... on Visit { visitor { id } host { id } }
	... on Meeting { topic }
	... on Agreement { topic }
	... on Mediation { topic }
`

func (c *apiClient) events(filter map[string]any, order string, first int, after string) (events []apiEvent, cursors []string, next bool, total int) {
	c.t.Helper()
	var got struct {
		Events struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct {
				Cursor string
				Node   apiEvent
			}
		}
	}
	vars := map[string]any{"filter": filter, "order": order, "first": first}
	if after != "" {
		vars["after"] = after
	}
	c.data(&got, `query($filter: EventFilter, $order: EventOrder, $first: Int, $after: String) {
		events(filter: $filter, orderBy: $order, first: $first, after: $after) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { `+eventFields+` } } } }`, vars)
	for _, e := range got.Events.Edges {
		events = append(events, e.Node)
		cursors = append(cursors, e.Cursor)
	}
	return events, cursors, got.Events.PageInfo.HasNextPage, got.Events.TotalCount
}

// eventIDs returns a page of event ids.
func (c *apiClient) eventIDs(filter map[string]any, order string, first int, after string) (ids, cursors []string, next bool, total int) {
	c.t.Helper()
	var got struct {
		Events struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
		}
	}
	vars := map[string]any{"filter": filter, "order": order, "first": first}
	if after != "" {
		vars["after"] = after
	}
	c.data(&got, `query($filter: EventFilter, $order: EventOrder, $first: Int, $after: String) {
		events(filter: $filter, orderBy: $order, first: $first, after: $after) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, vars)
	for _, e := range got.Events.Edges {
		ids = append(ids, e.Node.ID)
		cursors = append(cursors, e.Cursor)
	}
	return ids, cursors, got.Events.PageInfo.HasNextPage, got.Events.TotalCount
}

// allEvents pages through a list and returns its ids, checking that no id
// comes twice and that totalCount counts them.
func (c *apiClient) allEvents(filter map[string]any, order string, size int) []string {
	c.t.Helper()
	var ids []string
	after := ""
	for range 200 {
		page, cursors, next, total := c.eventIDs(filter, order, size, after)
		for _, id := range page {
			if slices.Contains(ids, id) {
				c.t.Errorf("%v in order %s, pages of %d: %s listed twice", filter, order, size, id)
			}
			ids = append(ids, id)
		}
		if !next {
			if total != len(ids) {
				c.t.Errorf("%v: totalCount %d, %d events on all pages", filter, total, len(ids))
			}
			return ids
		}
		after = cursors[len(cursors)-1]
	}
	c.t.Fatal("more than 200 pages")
	return nil
}

// days returns the first and last day an event's dates cover.
func days(t *testing.T, ev apiEvent) (time.Time, time.Time) {
	end := ""
	if ev.End != nil {
		end = *ev.End
	}
	from, to, err := graph.DateRange(ev.Date, end)
	if err != nil {
		t.Fatalf("event %s: %v", ev.ID, err)
	}
	return from, to
}

// takesPart is the oracle's rule of who takes part in an event (see
// graph.EventFilter): the participant itself, a country through its
// people and bodies, an organization through its officials, a place or
// region through the places within it.
func takesPart(ev apiEvent, x string) bool {
	iso3 := strings.TrimPrefix(x, "country:")
	for _, p := range ev.Participants {
		e := p.Entity
		if e.ID == x {
			return true
		}
		if strings.HasPrefix(x, "country:") && (e.Type == "PERSON" || e.Type == "ORGANIZATION") && e.Country != nil && e.Country.Iso3 == iso3 {
			return true
		}
		for _, r := range e.Relations {
			if r.Source.ID == e.ID && r.Target.ID == x &&
				(r.Type == "OFFICIAL_OF" || r.Type == "LOCATED_IN" && r.Target.Type != "COUNTRY") {
				return true
			}
		}
	}
	return false
}

// words returns the lower-case words of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127)
	})
}

// matches is the oracle of the events filter.
func matches(t *testing.T, ev apiEvent, f map[string]any) bool {
	list := func(k string) []string {
		l, _ := f[k].([]string)
		return l
	}
	anyOf := func(k string, ok func(string) bool) bool {
		l := list(k)
		if len(l) == 0 {
			return true
		}
		return slices.ContainsFunc(l, ok)
	}
	participant := func(ok func(apiEntity) bool) bool {
		return slices.ContainsFunc(ev.Participants, func(p struct {
			Role   string
			Entity apiEntity
		}) bool {
			return ok(p.Entity)
		})
	}
	from, to := days(t, ev)
	if s, ok := f["from"].(string); ok {
		d, _ := time.Parse(time.DateOnly, s)
		if to.Before(d) {
			return false
		}
	}
	if s, ok := f["to"].(string); ok {
		d, _ := time.Parse(time.DateOnly, s)
		if from.After(d) {
			return false
		}
	}
	if text, ok := f["text"].(string); ok {
		var have []string
		for _, s := range []*string{&ev.Label, ev.Topic, ev.Subtype} {
			if s != nil {
				have = append(have, words(*s)...)
			}
		}
		for _, w := range words(text) {
			if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
				return false
			}
		}
	}
	for _, x := range list("involving") {
		if !takesPart(ev, x) {
			return false
		}
	}
	return anyOf("types", func(v string) bool { return v == ev.Type }) &&
		anyOf("modalities", func(v string) bool { return v == ev.Modality }) &&
		anyOf("cameoRoots", func(v string) bool { return ev.Cameo != nil && ev.Cameo.Root == v }) &&
		anyOf("cameoCodes", func(v string) bool { return ev.Cameo != nil && strings.HasPrefix(ev.Cameo.Code, v) }) &&
		anyOf("quadClasses", func(v string) bool { return ev.Cameo != nil && ev.Cameo.QuadClass == v }) &&
		anyOf("actors", func(v string) bool { return participant(func(e apiEntity) bool { return e.ID == v }) }) &&
		anyOf("countries", func(v string) bool {
			v = strings.ToUpper(v)
			return participant(func(e apiEntity) bool {
				return e.Type == "COUNTRY" && e.Iso3 == v ||
					(e.Type == "PERSON" || e.Type == "ORGANIZATION") && e.Country != nil && e.Country.Iso3 == v
			})
		}) &&
		anyOf("organizations", func(v string) bool {
			return participant(func(e apiEntity) bool {
				return e.ID == v || slices.ContainsFunc(e.Relations, func(r struct {
					Type   string
					Source struct{ ID string }
					Target struct{ ID, Type string }
				}) bool {
					return r.Type == "OFFICIAL_OF" && r.Source.ID == e.ID && r.Target.ID == v
				})
			})
		}) &&
		anyOf("places", func(v string) bool {
			return participant(func(e apiEntity) bool {
				return e.ID == v || slices.ContainsFunc(e.Relations, func(r struct {
					Type   string
					Source struct{ ID string }
					Target struct{ ID, Type string }
				}) bool {
					return r.Type == "LOCATED_IN" && r.Source.ID == e.ID && r.Target.ID == v
				})
			})
		}) &&
		anyOf("sources", func(v string) bool {
			for _, x := range ev.Evidence {
				if strings.EqualFold(x.Article.Source, v) {
					return true
				}
			}
			return false
		})
}

func TestAPI(t *testing.T) {
	c := newAPI(t)
	all, _, next, total := c.events(nil, "DATE", graph.MaxPageSize, "")
	if next || total != len(all) || total < 10 {
		t.Fatalf("%d events (totalCount %d, next %v): the fixture should give 10 to 100", len(all), total, next)
	}
	byID := map[string]apiEvent{}
	for _, ev := range all {
		byID[ev.ID] = ev
	}

	t.Run("event fields", func(t *testing.T) {
		var lavrovVisit bool
		for _, ev := range all {
			for _, x := range ev.Evidence {
				if len(x.Text) != x.End-x.Start || x.Article.ID != x.ArticleID || x.Text == "" {
					t.Errorf("%s: evidence %+v", ev.ID, x)
				}
			}
			if ev.Reports < 1 || len(ev.Evidence) == 0 || len(ev.Participants) == 0 && ev.Type != "CONFLICT" {
				t.Errorf("%s: %d reports, %d passages, %d participants", ev.ID, ev.Reports, len(ev.Evidence), len(ev.Participants))
			}
			if ev.Type == "VISIT" && ev.Visitor != nil && ev.Visitor.ID == "person:sergey-lavrov" && ev.Host != nil && ev.Host.ID == "country:AZE" {
				lavrovVisit = true
				if ev.Date != "2017-11-20" || ev.End == nil || *ev.End != "2017-11-21" || ev.Precision != "DAY" || ev.Modality != "PLANNED" {
					t.Errorf("Lavrov's visit: %s..%v %s %s", ev.Date, ev.End, ev.Precision, ev.Modality)
				}
			}
		}
		if !lavrovVisit {
			t.Errorf("no visit of Sergey Lavrov hosted by Azerbaijan among %d events", len(all))
		}
		// An event found again by node and event.
		var got struct {
			Node  struct{ ID, Typename string } `json:"node"`
			Event struct{ ID string }
		}
		c.data(&got, `query($id: ID!) { node(id: $id) { __typename ... on Event { id } } event(id: $id) { id } }`, map[string]any{"id": all[0].ID})
		if got.Event.ID != all[0].ID {
			t.Errorf("event(id: %s) = %+v", all[0].ID, got)
		}
	})

	t.Run("filters", func(t *testing.T) {
		first := all[len(all)-1]
		filters := []map[string]any{
			{"types": []string{first.Type}},
			{"types": []string{"VISIT", "MEETING"}},
			{"modalities": []string{"PLANNED"}},
			{"cameoRoots": []string{"04"}},
			{"cameoCodes": []string{"05"}},
			{"quadClasses": []string{"VERBAL_CONFLICT", "MATERIAL_CONFLICT"}},
			{"countries": []string{"AZE"}},
			{"countries": []string{"rus", "ARM"}},
			{"actors": []string{"person:sergey-lavrov", "country:USA"}},
			{"organizations": []string{"org:osce-minsk-group", "org:chn-foreign-ministry", "org:rus-foreign-ministry"}},
			{"places": []string{"region:nagorno-karabakh", "place:moscow"}},
			{"involving": []string{"country:AZE", "country:RUS"}},
			{"involving": []string{"country:AZE", "country:ARM"}},
			{"sources": []string{"reuters", "XINHUA"}},
			{"text": "agreement"},
			{"text": "visit serg"},
			{"from": "2018-01-01", "to": "2019-12-31"},
			{"to": "2015-12-31"},
			{"countries": []string{"AZE"}, "types": []string{"MEETING"}, "from": "2018-01-01"},
		}
		for _, f := range filters {
			var want []string
			for _, ev := range all {
				if matches(t, ev, f) {
					want = append(want, ev.ID)
				}
			}
			got := c.allEvents(f, "DATE", 3)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events(filter: %v) (-oracle +API):\n%s", f, diff)
			}
			if len(want) == 0 {
				t.Errorf("filter %v matches nothing in the fixture: it tests nothing", f)
			}
		}
	})

	t.Run("orders and pages", func(t *testing.T) {
		sortedBy := func(less func(a, b apiEvent) bool) []string {
			evs := slices.Clone(all)
			sort.SliceStable(evs, func(i, j int) bool {
				if less(evs[i], evs[j]) {
					return true
				}
				if less(evs[j], evs[i]) {
					return false
				}
				return evs[i].ID < evs[j].ID
			})
			var ids []string
			for _, ev := range evs {
				ids = append(ids, ev.ID)
			}
			return ids
		}
		start := func(ev apiEvent) time.Time { f, _ := days(t, ev); return f }
		for order, want := range map[string][]string{
			"DATE":       sortedBy(func(a, b apiEvent) bool { return start(a).Before(start(b)) }),
			"DATE_DESC":  sortedBy(func(a, b apiEvent) bool { return start(a).After(start(b)) }),
			"CONFIDENCE": sortedBy(func(a, b apiEvent) bool { return a.Confidence > b.Confidence }),
			"REPORTS":    sortedBy(func(a, b apiEvent) bool { return a.Reports > b.Reports }),
		} {
			for _, size := range []int{1, 4, 100} {
				if diff := cmp.Diff(want, c.allEvents(nil, order, size)); diff != "" {
					t.Errorf("order %s in pages of %d (-want +got):\n%s", order, size, diff)
				}
			}
		}
		// A cursor belongs to its order.
		_, cursors, _, _ := c.eventIDs(nil, "CONFIDENCE", 2, "")
		r := c.do(`query($after: String) { events(after: $after) { totalCount } }`, map[string]any{"after": cursors[0]})
		if diff := cmp.Diff([]string{"BAD_USER_INPUT"}, codes(r)); diff != "" {
			t.Errorf("a CONFIDENCE cursor in DATE order: codes (-want +got):\n%s", diff)
		}
	})

	t.Run("timeline", func(t *testing.T) {
		var got struct {
			Timeline struct {
				TotalCount int
				Items      []struct {
					ID, Start, End, Precision, Type, Label string
				}
			}
		}
		c.data(&got, `{ timeline(filter: {countries: ["AZE"]}, first: 100) { totalCount items { id start end precision type label } } }`, nil)
		want := c.allEvents(map[string]any{"countries": []string{"AZE"}}, "DATE", 100)
		var ids []string
		for _, it := range got.Timeline.Items {
			ids = append(ids, it.ID)
			ev := byID[it.ID]
			from, to := days(t, ev)
			if it.Start != from.Format(time.DateOnly) || it.End != to.Format(time.DateOnly) || it.Type != ev.Type ||
				len([]rune(it.Label)) > 80 || it.Label == "" {
				t.Errorf("timeline item %+v for event %s %s..%v", it, ev.Date, ev.Type, ev.End)
			}
		}
		if diff := cmp.Diff(want, ids); diff != "" || got.Timeline.TotalCount != len(want) {
			t.Errorf("timeline of AZE (-events +timeline):\n%s", diff)
		}
	})

	t.Run("entities", func(t *testing.T) {
		var got struct {
			Countries struct {
				TotalCount int
				Nodes      []struct {
					ID, Name, Iso3 string
					Officials      []struct {
						Role   *string
						Source struct{ ID string }
					}
					Events struct {
						TotalCount int
						Nodes      []struct{ ID string }
					}
					Articles struct {
						TotalCount int
						Nodes      []struct{ ID string }
					}
				}
			}
			People struct {
				Nodes []struct {
					ID      string
					Offices []struct{ Target struct{ ID string } }
					Country *struct{ Iso3 string }
				}
			}
			Organizations struct{ Nodes []struct{ ID string } }
			Stats         struct {
				Articles int
				Entities []struct {
					Type  string
					Count int
				}
				Events []struct {
					Type  string
					Count int
				}
				EventYears []struct{ Year, Count int }
			}
		}
		c.data(&got, `{
			countries(first: 30) { totalCount nodes { id name iso3
				officials { role source { id } }
				events(first: 100) { totalCount nodes { id } }
				articles(first: 100) { totalCount nodes { id } } } }
			people(filter: {countries: ["AZE"]}, first: 100) { nodes { id offices { target { id } } country { iso3 } } }
			organizations(filter: {countries: ["CHN"]}) { nodes { id } }
			stats { articles entities { type count } events { type count } eventYears { year count } }
		}`, nil)
		counts := map[string]int{}
		for _, e := range got.Stats.Entities {
			counts[e.Type] = e.Count
		}
		if got.Countries.TotalCount != counts["COUNTRY"] || got.Countries.TotalCount != len(got.Countries.Nodes) {
			t.Errorf("%d countries listed of %d, stats say %d", len(got.Countries.Nodes), got.Countries.TotalCount, counts["COUNTRY"])
		}
		var names []string
		for _, n := range got.Countries.Nodes {
			names = append(names, n.Name)
			// A country's events are those involving it.
			var ids []string
			for _, e := range n.Events.Nodes {
				ids = append(ids, e.ID)
			}
			want := c.allEvents(map[string]any{"involving": []string{n.ID}}, "DATE", 100)
			if diff := cmp.Diff(want, ids, cmpEmpty); diff != "" || n.Events.TotalCount != len(want) {
				t.Errorf("events of %s (-involving +country.events):\n%s", n.ID, diff)
			}
			var arts struct {
				Articles struct{ Nodes []struct{ ID string } }
			}
			c.data(&arts, `query($id: ID!) { articles(filter: {mentions: [$id]}, first: 100) { nodes { id } } }`, map[string]any{"id": n.ID})
			if !cmp.Equal(arts.Articles.Nodes, n.Articles.Nodes, cmpEmpty) || n.Articles.TotalCount != len(n.Articles.Nodes) {
				t.Errorf("articles of %s: %v; articles mentioning it: %v", n.ID, n.Articles.Nodes, arts.Articles.Nodes)
			}
		}
		if !slices.IsSorted(names) || !slices.Contains(names, "Azerbaijan") {
			t.Errorf("countries not by name, or without Azerbaijan: %v", names)
		}
		for _, n := range got.Countries.Nodes {
			if n.ID == "country:AZE" && !slices.ContainsFunc(n.Officials, func(o struct {
				Role   *string
				Source struct{ ID string }
			}) bool {
				return o.Source.ID == "person:ilham-aliyev"
			}) {
				t.Errorf("Azerbaijan's officials %+v lack Ilham Aliyev", n.Officials)
			}
		}
		for _, p := range got.People.Nodes {
			if p.Country == nil || p.Country.Iso3 != "AZE" {
				t.Errorf("person %s of AZE has country %v", p.ID, p.Country)
			}
		}
		if len(got.People.Nodes) == 0 || len(got.Organizations.Nodes) == 0 {
			t.Errorf("no people of AZE (%v) or organizations of CHN (%v)", got.People.Nodes, got.Organizations.Nodes)
		}
		events, years := 0, 0
		for _, e := range got.Stats.Events {
			events += e.Count
		}
		for _, y := range got.Stats.EventYears {
			years += y.Count
		}
		if events != len(all) || years != len(all) || got.Stats.Articles != 4 {
			t.Errorf("stats: %d events by type, %d by year, %d articles; want %d, %d, 4", events, years, got.Stats.Articles, len(all), len(all))
		}
	})

	t.Run("articles", func(t *testing.T) {
		var got struct {
			Articles struct {
				TotalCount int
				Nodes      []struct {
					ID, Title string
					Source    *string
					Published *string
					Events    []struct{ ID string }
					Mentions  []struct{ ID string }
				}
			}
			Search []struct {
				Name string
				Node struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
		c.data(&got, `{ articles { totalCount nodes { id title source published events { id } mentions { id } } }
			search(text: "lavrov") { name node { __typename ... on Person { id } ... on Article { id } ... on Visit { id } } } }`, nil)
		if got.Articles.TotalCount != 4 {
			t.Errorf("%d articles, want 4", got.Articles.TotalCount)
		}
		var published []string
		reported := 0
		for _, a := range got.Articles.Nodes {
			published = append(published, *a.Published)
			reported += len(a.Events)
			if len(a.Mentions) == 0 {
				t.Errorf("article %s mentions nothing", a.ID)
			}
		}
		if !slices.IsSortedFunc(published, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Errorf("articles not newest first: %v", published)
		}
		if reported < len(all) {
			t.Errorf("articles report %d events, fewer than the %d stored", reported, len(all))
		}
		if len(got.Search) == 0 || got.Search[0].Node.ID != "person:sergey-lavrov" {
			t.Errorf("search lavrov: %+v; want Sergey Lavrov first", got.Search)
		}
		for _, h := range got.Search {
			if !strings.Contains(strings.ToLower(h.Name), "lavrov") {
				t.Errorf("search lavrov found %+v", h)
			}
		}
	})

	t.Run("views", func(t *testing.T) {
		var got struct {
			Dyad struct {
				Total struct {
					Events      int
					ByType      []struct{ Type string }
					QuadClasses []struct {
						QuadClass string
						Count     int
					}
				}
				Periods []struct {
					Period string
					Tally  struct{ Events int }
				}
				Events struct {
					TotalCount int
					Nodes      []struct{ ID string }
				}
			}
			Partners []struct {
				Entity struct{ ID string }
				Tally  struct{ Events int }
			}
			Subgraph struct {
				Truncated bool
				Nodes     []struct{ ID, Kind, Type string }
				Edges     []struct{ Source, Target, Type, Kind string }
			}
			Paths []struct {
				Hops  int
				Nodes []struct{ ID string }
				Edges []struct{ Source, Target string }
			}
		}
		c.data(&got, `{
			dyad(a: "country:AZE", b: "country:RUS", interval: YEAR) {
				total { events byType { type } quadClasses { quadClass count } }
				periods { period tally { events } } events(first: 100) { totalCount nodes { id } } }
			partners(entity: "country:AZE", types: [COUNTRY], byCountry: true) { entity { id } tally { events } }
			subgraph(center: "country:AZE", depth: 2, limit: 8) { truncated nodes { id kind type } edges { source target type kind } }
			paths(from: "person:elmar-mammadyarov", to: "person:sergey-lavrov", maxHops: 3) { hops nodes { id } edges { source target } }
		}`, nil)
		d := got.Dyad
		want := c.allEvents(map[string]any{"involving": []string{"country:AZE", "country:RUS"}}, "DATE", 100)
		var ids []string
		for _, e := range d.Events.Nodes {
			ids = append(ids, e.ID)
		}
		inPeriods := 0
		var periods []string
		for _, p := range d.Periods {
			inPeriods += p.Tally.Events
			periods = append(periods, p.Period)
		}
		if diff := cmp.Diff(want, ids); diff != "" || d.Total.Events != len(want) || inPeriods != len(want) {
			t.Errorf("dyad AZE-RUS: total %d, in periods %d (-involving +dyad.events):\n%s", d.Total.Events, inPeriods, diff)
		}
		if !slices.Contains(periods, "2017") || !slices.Contains(periods, "2019") || !slices.IsSorted(periods) {
			t.Errorf("dyad AZE-RUS periods %v: want 2017 (the visit) and 2019 (the agreement), in order", periods)
		}
		if len(got.Partners) == 0 || got.Partners[0].Entity.ID != "country:RUS" {
			t.Errorf("Azerbaijan's partners %+v: want Russia first", got.Partners)
		}
		for i := 1; i < len(got.Partners); i++ {
			if got.Partners[i].Tally.Events > got.Partners[i-1].Tally.Events {
				t.Errorf("partners not by count: %+v", got.Partners)
			}
		}
		if got.Partners[0].Tally.Events != len(want) {
			t.Errorf("Russia as Azerbaijan's partner: %d events; the dyad has %d", got.Partners[0].Tally.Events, len(want))
		}

		g := got.Subgraph
		nodes := map[string]string{}
		events := 0
		for _, n := range g.Nodes {
			nodes[n.ID] = n.Kind
			if n.Kind == "EVENT" {
				events++
			}
		}
		if len(g.Nodes) == 0 || g.Nodes[0].ID != "country:AZE" || events > 8 || events < 1 {
			t.Errorf("subgraph of AZE: %d events in %d nodes, first %+v", events, len(g.Nodes), g.Nodes[:1])
		}
		for _, e := range g.Edges {
			if nodes[e.Source] == "" || nodes[e.Target] == "" || (e.Kind == "PARTICIPANT") != (nodes[e.Source] == "EVENT") {
				t.Errorf("subgraph edge %+v", e)
			}
		}
		if len(got.Paths) == 0 {
			t.Errorf("no path from Mammadyarov to Lavrov within 3 hops")
		}
		for _, p := range got.Paths {
			n := len(p.Nodes)
			if n < 2 || p.Nodes[0].ID != "person:elmar-mammadyarov" || p.Nodes[n-1].ID != "person:sergey-lavrov" || len(p.Edges) != n-1 || p.Hops > 3 {
				t.Errorf("path %+v", p)
				continue
			}
			for i, e := range p.Edges {
				ends := []string{e.Source, e.Target}
				if !slices.Contains(ends, p.Nodes[i].ID) || !slices.Contains(ends, p.Nodes[i+1].ID) {
					t.Errorf("path edge %d %+v does not link %s and %s", i, e, p.Nodes[i].ID, p.Nodes[i+1].ID)
				}
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, tc := range []struct {
			query string
			want  string
		}{
			{`{ person(id: "person:nobody") { name } }`, "NOT_FOUND"},
			{`{ organization(id: "country:AZE") { name } }`, "NOT_FOUND"},
			{`{ dyad(a: "country:AZE", b: "country:XXX") { total { events } } }`, "NOT_FOUND"},
			{`{ subgraph(center: "nobody") { truncated } }`, "NOT_FOUND"},
			{`{ paths(from: "country:AZE", to: "nobody") { hops } }`, "NOT_FOUND"},
			{`{ events(filter: {countries: ["Azerbaijan"]}) { totalCount } }`, "BAD_USER_INPUT"},
			{`{ events(after: "bogus") { totalCount } }`, "BAD_USER_INPUT"},
			{`{ subgraph(center: "country:AZE", depth: 9) { truncated } }`, "BAD_USER_INPUT"},
			// Depth 14, at a low cost.
			{`{ events(first: 1) { edges { node { participants { entity { events(first: 1) { edges { node { participants { entity {
				events(first: 1) { edges { node { id } } } } } } } } } } } } } }`, "DEPTH_LIMIT_EXCEEDED"},
			{`{ events(first: 100) { nodes { participants { entity { events(first: 100) { nodes { id label participants { role entity { name } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
			{"{ events { " + strings.Repeat("totalCount ", 6000) + "} }", "TOKEN_LIMIT_EXCEEDED"},
		} {
			r := c.do(tc.query, nil)
			if diff := cmp.Diff([]string{tc.want}, codes(r)); diff != "" {
				t.Errorf("%.80s: codes (-want +got):\n%s\n%+v", tc.query, diff, r.Errors)
			}
			for _, e := range r.Errors {
				if strings.Contains(e.Message, "neo4j") || strings.Contains(e.Message, "Cypher") {
					t.Errorf("%.80s: the error leaks: %s", tc.query, e.Message)
				}
			}
		}
	})
}

// cmpEmpty treats a nil and an empty slice alike.
var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

// TestAPIRoundTrips counts the store calls (each a read transaction of a
// fixed number of statements) of nested queries: they follow the shape of
// the query, not the number of rows.
func TestAPIRoundTrips(t *testing.T) {
	c := newAPI(t)
	for _, tc := range []struct {
		name, query string
		max         int // the calls the query's shape allows
		// byKind: each loader is used at one level only (search loads
		// entities, events and articles each by their own loader), so
		// each is called at most once.
		byKind bool
	}{
		// countries, their relations, their officials, their events and
		// those events' participants and entities, their articles.
		{"countries in depth", `query($n: Int) { countries(first: $n) { nodes {
			officials { source { name } }
			events(first: $n) { nodes { id label ... on Meeting { attendees { name } } participants { entity { name } } evidence { article { title } } } }
			articles(first: $n) { nodes { title mentions { name } } } } } }`, 10, false},
		// The benchmark's mix: a country's timeline, a dyad, pages of
		// events with their participants, a neighbourhood.
		{"timeline", `query($n: Int) { timeline(filter: {countries: ["AZE"]}, first: $n) { items { label event { id } } } }`, 1, false},
		{"dyad", `query($n: Int) { dyad(a: "country:AZE", b: "country:RUS") { a { name } total { events } periods { period }
			events(first: $n) { nodes { label } } } }`, 3, false},
		{"events page", `query($n: Int) { events(first: $n) { totalCount edges { cursor node { id label
			participants { role entity { name } } evidence { text } } } } }`, 4, false},
		{"subgraph", `query($n: Int) { subgraph(center: "country:AZE", depth: 2, limit: $n) { nodes { id label } edges { source target type } } }`, 1, false},
		{"search", `query($n: Int) { search(text: "azerbaijan", first: $n) { name node { id } } }`, 4, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var runs []map[string]int
			for _, n := range []int{2, 20} {
				c.store.reset()
				r := c.do(tc.query, map[string]any{"n": n})
				if len(r.Errors) > 0 {
					t.Fatalf("first %d: %+v", n, r.Errors)
				}
				runs = append(runs, c.store.reset())
			}
			// A loader used at two levels of a query (Entities for the
			// officials and for the participants) batches once per level,
			// or once for both when their keys happen to arrive together:
			// so the bound, not the exact count, is what rows must not move.
			for i, calls := range runs {
				total := 0
				for m, n := range calls {
					total += n
					if n > 2 || n > 1 && tc.byKind {
						t.Errorf("first %d: %s called %d times", []int{2, 20}[i], m, n)
					}
				}
				if total > tc.max {
					t.Errorf("first %d: %d store calls %v, want at most %d", []int{2, 20}[i], total, calls, tc.max)
				}
			}
			t.Logf("store calls for 2 rows: %v; for 20: %v", runs[0], runs[1])
		})
	}
}

// TestAPIPagingUnderIngest pages through events while another client
// ingests articles between the pages: every event that was there when
// paging began is listed once, in order.
func TestAPIPagingUnderIngest(t *testing.T) {
	c := newAPI(t)
	for _, order := range []string{"DATE", "DATE_DESC", "CONFIDENCE"} {
		before := c.allEvents(nil, order, 100)
		var got []string
		after := ""
		for page := 0; ; page++ {
			if page > 100 {
				t.Fatalf("order %s: paging does not end: %d pages for %d events", order, page, len(before))
			}
			ids, cursors, next, _ := c.eventIDs(nil, order, 3, after)
			got = append(got, ids...)
			if !next {
				break
			}
			after = cursors[len(cursors)-1]
			text := fmt.Sprintf("Turkish Foreign Minister Mevlut Cavusoglu visited Azerbaijan on %s. "+
				"Georgia and Turkey signed an agreement on trade in %d.", []string{"March 3, 2016", "May 9, 2021", "June 1, 1995"}[page%3], 1990+page)
			r := c.do(`mutation($text: String!, $id: ID!) { ingestArticle(input: {id: $id, text: $text, published: "2021-06-01", source: "Late"}) {
				summary { changed } } }`, map[string]any{"id": fmt.Sprintf("late-%s-%d", order, page), "text": text})
			if len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		seen := map[string]bool{}
		var old []string
		for _, id := range got {
			if seen[id] {
				t.Errorf("order %s: %s listed twice", order, id)
			}
			seen[id] = true
			if slices.Contains(before, id) {
				old = append(old, id)
			}
		}
		if diff := cmp.Diff(before, old); diff != "" {
			t.Errorf("order %s: events there before paging, as paged (-want +got):\n%s", order, diff)
		}
		t.Logf("order %s: %d events before, %d listed while %d articles arrived", order, len(before), len(got), len(got)/3)
	}
}

// TestAPICuration runs the curation mutations over Neo4j: a merge that
// re-ingesting does not undo, a split, a delete that keeps what other
// articles report, and the store's refusals as error codes.
func TestAPICuration(t *testing.T) {
	c := newAPI(t)
	eventsOf := func(id string) []string {
		t.Helper()
		return c.allEvents(map[string]any{"involving": []string{id}}, "DATE", 100)
	}

	r := c.do(`mutation { mergeEntities(input: {keep: "country:AZE", drop: "region:nagorno-karabakh"}) { entity { id } } }`, nil)
	if diff := cmp.Diff([]string{"CONFLICT"}, codes(r)); diff != "" {
		t.Errorf("merging a region into a country: codes (-want +got):\n%s", diff)
	}
	r = c.do(`mutation { mergeEntities(input: {keep: "country:AZE", drop: "country:XXX"}) { entity { id } } }`, nil)
	if diff := cmp.Diff([]string{"NOT_FOUND"}, codes(r)); diff != "" {
		t.Errorf("merging a missing entity: codes (-want +got):\n%s", diff)
	}

	// Merge Mammadyarov into Aliyev (a test of the mechanics, not of
	// history): Aliyev takes part in all their events, and re-ingesting an
	// article that names Mammadyarov files him under Aliyev.
	want := eventsOf("person:ilham-aliyev")
	for _, id := range eventsOf("person:elmar-mammadyarov") {
		if !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	var merged struct {
		MergeEntities struct {
			Entity struct {
				ID      string
				Aliases []string
			}
		}
	}
	c.data(&merged, `mutation { mergeEntities(input: {keep: "person:ilham-aliyev", drop: "person:elmar-mammadyarov"}) {
		entity { id aliases } userErrors { message } } }`, nil)
	if merged.MergeEntities.Entity.ID != "person:ilham-aliyev" || !slices.Contains(merged.MergeEntities.Entity.Aliases, "Elmar Mammadyarov") {
		t.Errorf("merged entity %+v", merged.MergeEntities.Entity)
	}
	got := eventsOf("person:ilham-aliyev")
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Aliyev's events after the merge (-both before +after):\n%s", diff)
	}
	reingest := func(id string) {
		t.Helper()
		f, err := os.ReadFile(apiArticles)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(f), "\n") {
			var a map[string]any
			if json.Unmarshal([]byte(line), &a) != nil || a["id"] != id {
				continue
			}
			var res struct {
				IngestArticle struct{ UserErrors []any }
			}
			c.data(&res, `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { userErrors { message } } }`,
				map[string]any{"in": map[string]any{"id": a["id"], "text": a["text"], "title": a["title"], "published": a["published"], "source": a["source"]}})
			return
		}
		t.Fatalf("no article %s in %s", id, apiArticles)
	}
	reingest("api-reuters-2018-03-05")
	r = c.do(`{ person(id: "person:elmar-mammadyarov") { id } }`, nil)
	if diff := cmp.Diff([]string{"NOT_FOUND"}, codes(r)); diff != "" {
		t.Errorf("the merged-away person after re-ingest: codes (-want +got):\n%s", diff)
	}

	// Split what the State Department says of Aliyev off to a new person.
	var split struct {
		SplitEntity struct {
			Entity   struct{ ID, Name string }
			Original struct{ ID string }
		}
	}
	c.data(&split, `mutation { splitEntity(input: {id: "person:ilham-aliyev", newId: "person:ilham-aliyev.state", newName: "Ilham Aliyev (State)",
		articles: ["api-state-2022-02-03"]}) { entity { id name } original { id } } }`, nil)
	if split.SplitEntity.Entity.ID != "person:ilham-aliyev.state" || split.SplitEntity.Original.ID != "person:ilham-aliyev" {
		t.Errorf("split: %+v", split.SplitEntity)
	}
	if len(eventsOf("person:ilham-aliyev.state")) == 0 {
		t.Errorf("the split-off person takes part in nothing")
	}
	reingest("api-state-2022-02-03")
	if len(eventsOf("person:ilham-aliyev.state")) == 0 {
		t.Errorf("re-ingesting undid the split")
	}

	// Delete the Xinhua article: the agreement only it reports goes.
	before := c.allEvents(nil, "DATE", 100)
	var del struct {
		DeleteArticle struct {
			ArticleID     string
			DeletedEvents []string
			KeptEvents    []struct{ ID string }
		}
	}
	c.data(&del, `mutation { deleteArticle(input: {id: "api-xinhua-2019-01-15"}) { articleId deletedEvents keptEvents { id } } }`, nil)
	after := c.allEvents(nil, "DATE", 100)
	if len(del.DeleteArticle.DeletedEvents) == 0 || len(after) != len(before)-len(del.DeleteArticle.DeletedEvents) {
		t.Errorf("deleted %v: %d events before, %d after", del.DeleteArticle.DeletedEvents, len(before), len(after))
	}
	for _, id := range del.DeleteArticle.DeletedEvents {
		if slices.Contains(after, id) {
			t.Errorf("deleted event %s still listed", id)
		}
	}
	r = c.do(`mutation { deleteArticle(input: {id: "api-xinhua-2019-01-15"}) { articleId } }`, nil)
	if diff := cmp.Diff([]string{"NOT_FOUND"}, codes(r)); diff != "" {
		t.Errorf("deleting it again: codes (-want +got):\n%s", diff)
	}
	var arts struct{ Articles struct{ TotalCount int } }
	c.data(&arts, `{ articles { totalCount } }`, nil)
	if arts.Articles.TotalCount != 3 {
		t.Errorf("%d articles after the delete, want 3", arts.Articles.TotalCount)
	}
}

// TestAPIGroups reads back through the API the groups a report names for
// a country: "gunmen" act for Nigeria, and the participant says so.
func TestAPIGroups(t *testing.T) {
	c := newAPI(t)
	var got struct {
		IngestArticle struct {
			Article struct {
				Events []struct {
					Type         string
					Participants []struct {
						Role    string
						Groups  []string
						Sectors []string
						Entity  struct{ ID string }
					}
				}
			}
		} `json:"ingestArticle"`
	}
	c.data(&got, `mutation { ingestArticle(input: {id: "groups-1", published: "2018-06-04",
		text: "Gunmen kidnapped two aid workers in Nigeria on Monday."}) {
		article { events { type participants { role groups sectors entity { id } } } } } }`, nil)
	found := false
	for _, ev := range got.IngestArticle.Article.Events {
		for _, p := range ev.Participants {
			if p.Role == "actor" && p.Entity.ID == "country:NGA" {
				found = cmp.Equal(p.Groups, []string{"gunmen"}) && cmp.Equal(p.Sectors, []string{"UAF"})
			}
			if p.Groups == nil || p.Sectors == nil {
				t.Errorf("%s %s: groups %v, sectors %v: want lists, never null", ev.Type, p.Role, p.Groups, p.Sectors)
			}
		}
	}
	if !found {
		t.Errorf("no actor Nigeria with the group gunmen (UAF): %+v", got.IngestArticle.Article.Events)
	}

	var got2 struct {
		IngestArticle struct {
			Article struct {
				Events []struct {
					UnattributedActors []struct{ Role, Name, Sector string } `json:"unattributedActors"`
				}
			}
		} `json:"ingestArticle"`
	}
	c.data(&got2, `mutation { ingestArticle(input: {id: "groups-2", published: "2018-06-04",
		text: "Rebels attacked a police station in the north on Monday."}) {
		article { events { unattributedActors { role name sector } } } } }`, nil)
	evs := got2.IngestArticle.Article.Events
	if len(evs) != 1 || len(evs[0].UnattributedActors) != 1 || evs[0].UnattributedActors[0].Name != "rebels" ||
		evs[0].UnattributedActors[0].Role != "actor" || evs[0].UnattributedActors[0].Sector != "REB" {
		t.Errorf("unattributed actors: %+v, want one actor: rebels (REB)", evs)
	}
}
