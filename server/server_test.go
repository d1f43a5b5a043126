package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

// fakeStore is an in-memory server.Store that records how it is called.
// Its methods run concurrently (dataloaders), hence the mutex.
type fakeStore struct {
	mu sync.Mutex

	page      graph.EventPage // what Events returns
	eventsErr error           // or this
	events    map[string]graph.Event
	entities  map[string]graph.Entity
	articles  map[string]graph.Article
	parts     map[string][]graph.Participant
	evidence  map[string][]graph.Evidence
	summary   graph.IngestSummary
	ingestErr error
	panicMsg  string        // Events panics with it when set
	block     bool          // Events waits for the request to end
	slowWrite time.Duration // Ingest takes this long, or until the request ends

	relations   map[string][]graph.Relation
	entityPage  graph.EntityPage // what EntityList returns
	articlePage graph.ArticlePage
	dyad        graph.Dyad
	partners    []graph.Partner
	subgraph    graph.Subgraph
	paths       []graph.Path
	hits        []graph.SearchHit
	stats       graph.Stats

	calls        map[string]int        // method name -> number of calls
	keys         map[string][][]string // batch method -> the keys of each call
	gotFilter    graph.EventFilter
	gotPage      graph.PageRequest
	gotEntities  graph.EntityFilter
	gotArticles  graph.ArticleFilter
	gotDyad      graph.DyadQuery
	gotPartners  graph.PartnerQuery
	gotSubgraph  graph.SubgraphQuery
	gotPathsArgs []any
	ingested     []graph.Batch

	deleted     graph.DeleteSummary // what DeleteArticle returns
	curationErr error               // or this, from every curation method
	gotCuration []any
}

func (s *fakeStore) record(method string, keys []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.calls == nil {
		s.calls = map[string]int{}
		s.keys = map[string][][]string{}
	}
	s.calls[method]++
	if keys != nil {
		s.keys[method] = append(s.keys[method], slices.Sorted(slices.Values(keys)))
	}
}

func (s *fakeStore) callCount(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

func (s *fakeStore) Events(ctx context.Context, f graph.EventFilter, p graph.PageRequest) (graph.EventPage, error) {
	s.record("Events", nil)
	if s.panicMsg != "" {
		panic(s.panicMsg)
	}
	if s.block {
		// A store call that takes too long: it ends when the request's
		// context does, with the context's error wrapped as a driver would.
		<-ctx.Done()
		return graph.EventPage{}, fmt.Errorf("neo4jstore: events: %v", ctx.Err())
	}
	s.mu.Lock()
	s.gotFilter, s.gotPage = f, p
	s.mu.Unlock()
	return s.page, s.eventsErr
}

func lookup[V any](m map[string]V, kind, id string) (V, error) {
	v, ok := m[id]
	if !ok {
		return v, fmt.Errorf("fake: %s %s: %w", kind, id, graph.ErrNotFound)
	}
	return v, nil
}

func (s *fakeStore) Event(_ context.Context, id string) (graph.Event, error) {
	s.record("Event", nil)
	return lookup(s.events, "event", id)
}

func (s *fakeStore) Entity(_ context.Context, id string) (graph.Entity, error) {
	s.record("Entity", nil)
	return lookup(s.entities, "entity", id)
}

func (s *fakeStore) Country(_ context.Context, iso3 string) (graph.Entity, error) {
	s.record("Country", []string{iso3})
	return lookup(s.entities, "country", "country:"+iso3)
}

func (s *fakeStore) Article(_ context.Context, id string) (graph.Article, error) {
	s.record("Article", nil)
	return lookup(s.articles, "article", id)
}

func pick[V any](m map[string]V, ids []string) map[string]V {
	out := map[string]V{}
	for _, id := range ids {
		if v, ok := m[id]; ok {
			out[id] = v
		}
	}
	return out
}

func (s *fakeStore) Entities(_ context.Context, ids []string) (map[string]graph.Entity, error) {
	s.record("Entities", ids)
	return pick(s.entities, ids), nil
}

func (s *fakeStore) Participants(_ context.Context, ids []string) (map[string][]graph.Participant, error) {
	s.record("Participants", ids)
	return pick(s.parts, ids), nil
}

func (s *fakeStore) EvidenceFor(_ context.Context, ids []string) (map[string][]graph.Evidence, error) {
	s.record("EvidenceFor", ids)
	return pick(s.evidence, ids), nil
}

func (s *fakeStore) EventsByIDs(_ context.Context, ids []string) (map[string]graph.Event, error) {
	s.record("EventsByIDs", ids)
	return pick(s.events, ids), nil
}

func (s *fakeStore) ArticlesByIDs(_ context.Context, ids []string) (map[string]graph.Article, error) {
	s.record("ArticlesByIDs", ids)
	return pick(s.articles, ids), nil
}

func (s *fakeStore) RelationsOf(_ context.Context, ids []string) (map[string][]graph.Relation, error) {
	s.record("RelationsOf", ids)
	return pick(s.relations, ids), nil
}

// EventsReportedIn gives every article all the events of the page.
func (s *fakeStore) EventsReportedIn(_ context.Context, ids []string) (map[string][]graph.Event, error) {
	s.record("EventsReportedIn", ids)
	out := map[string][]graph.Event{}
	for _, id := range ids {
		out[id] = s.page.Events
	}
	return out, nil
}

// EntitiesMentionedIn says every article mentions Russia and Lavrov.
func (s *fakeStore) EntitiesMentionedIn(_ context.Context, ids []string) (map[string][]graph.Entity, error) {
	s.record("EntitiesMentionedIn", ids)
	out := map[string][]graph.Entity{}
	for _, id := range ids {
		out[id] = []graph.Entity{russia, lavrov}
	}
	return out, nil
}

// EventsInvolving gives every entity the page of Events.
func (s *fakeStore) EventsInvolving(_ context.Context, ids []string, f graph.EventFilter, p graph.PageRequest) (map[string]graph.EventPage, error) {
	s.record("EventsInvolving", ids)
	s.mu.Lock()
	s.gotFilter, s.gotPage = f, p
	s.mu.Unlock()
	out := map[string]graph.EventPage{}
	for _, id := range ids {
		out[id] = s.page
	}
	return out, nil
}

// ArticlesMentioning gives every entity the page of Articles.
func (s *fakeStore) ArticlesMentioning(_ context.Context, ids []string, f graph.ArticleFilter, p graph.PageRequest) (map[string]graph.ArticlePage, error) {
	s.record("ArticlesMentioning", ids)
	out := map[string]graph.ArticlePage{}
	for _, id := range ids {
		out[id] = s.articlePage
	}
	return out, nil
}

func (s *fakeStore) EntityList(_ context.Context, f graph.EntityFilter, p graph.PageRequest) (graph.EntityPage, error) {
	s.record("EntityList", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotEntities, s.gotPage = f, p
	return s.entityPage, nil
}

func (s *fakeStore) Articles(_ context.Context, f graph.ArticleFilter, p graph.PageRequest) (graph.ArticlePage, error) {
	s.record("Articles", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotArticles, s.gotPage = f, p
	return s.articlePage, nil
}

func (s *fakeStore) Dyad(_ context.Context, q graph.DyadQuery) (graph.Dyad, error) {
	s.record("Dyad", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotDyad = q
	d := s.dyad
	d.Query, d.A, d.B = q, q.A, q.B
	return d, nil
}

func (s *fakeStore) Partners(_ context.Context, q graph.PartnerQuery) ([]graph.Partner, error) {
	s.record("Partners", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotPartners = q
	return s.partners, nil
}

func (s *fakeStore) Subgraph(_ context.Context, q graph.SubgraphQuery) (graph.Subgraph, error) {
	s.record("Subgraph", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotSubgraph = q
	return s.subgraph, nil
}

func (s *fakeStore) Paths(_ context.Context, from, to string, maxHops, limit int) ([]graph.Path, error) {
	s.record("Paths", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotPathsArgs = []any{from, to, maxHops, limit}
	return s.paths, nil
}

func (s *fakeStore) Search(_ context.Context, text string, first int) ([]graph.SearchHit, error) {
	s.record("Search", []string{text})
	return s.hits, nil
}

func (s *fakeStore) Stats(context.Context) (graph.Stats, error) {
	s.record("Stats", nil)
	return s.stats, nil
}

func (s *fakeStore) DeleteArticle(_ context.Context, id string) (graph.DeleteSummary, error) {
	s.record("DeleteArticle", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotCuration = []any{id}
	d := s.deleted
	d.ArticleID = id
	return d, s.curationErr
}

// MergeEntities returns keep as stored.
func (s *fakeStore) MergeEntities(_ context.Context, keep, drop string) (graph.Entity, error) {
	s.record("MergeEntities", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotCuration = []any{keep, drop}
	return s.entities[keep], s.curationErr
}

// SplitEntity returns a new entity of id's type.
func (s *fakeStore) SplitEntity(_ context.Context, id, newID, newName string, articles []string) (graph.Entity, error) {
	s.record("SplitEntity", nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gotCuration = []any{id, newID, newName, articles}
	return graph.Entity{ID: newID, Type: s.entities[id].Type, Name: newName}, s.curationErr
}

func (s *fakeStore) Ingest(ctx context.Context, b graph.Batch) (graph.IngestSummary, error) {
	s.record("Ingest", nil)
	select {
	case <-time.After(s.slowWrite):
	case <-ctx.Done():
		return graph.IngestSummary{}, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ingested = append(s.ingested, b)
	return s.summary, s.ingestErr
}

// The seed data: two countries, a person and an article.
var (
	russia     = graph.Entity{ID: "country:RUS", Type: extract.TypeCountry, Name: "Russia", ISO3: "RUS", Aliases: []string{"Russian Federation"}}
	azerbaijan = graph.Entity{ID: "country:AZE", Type: extract.TypeCountry, Name: "Azerbaijan", ISO3: "AZE"}
	lavrov     = graph.Entity{ID: "person:sergey-lavrov", Type: extract.TypePerson, Name: "Sergey Lavrov", Country: "RUS", Title: "Foreign Minister"}
	article    = graph.Article{ID: "trend-2017-11-16", Title: "Lavrov to visit Baku", Published: "2017-11-16T11:54:00+04:00", Source: "Trend", Text: "Russian FM Sergey Lavrov will visit Baku."}
)

func visit(id string) graph.Event {
	return graph.Event{ID: id, Type: extract.TypeVisit, Label: "Lavrov visits Baku", Date: "2017-11-20",
		From: time.Date(2017, 11, 20, 0, 0, 0, 0, time.UTC), To: time.Date(2017, 11, 20, 0, 0, 0, 0, time.UTC),
		Precision: extract.PrecisionDay, Modality: extract.ModalityPlanned, Reports: 1}
}

// newFake returns a store holding the seed data and n visits, each with
// its participants and evidence, all on one page.
func newFake(n int) *fakeStore {
	s := &fakeStore{
		events:   map[string]graph.Event{},
		entities: map[string]graph.Entity{russia.ID: russia, azerbaijan.ID: azerbaijan, lavrov.ID: lavrov},
		articles: map[string]graph.Article{article.ID: article},
		parts:    map[string][]graph.Participant{},
		evidence: map[string][]graph.Evidence{},
	}
	for i := range n {
		ev := visit(fmt.Sprintf("event:visit-%02d", i))
		s.events[ev.ID] = ev
		s.page.Events = append(s.page.Events, ev)
		s.page.Cursors = append(s.page.Cursors, graph.Cursor{Key: ev.Date, ID: ev.ID}.Encode())
		s.parts[ev.ID] = []graph.Participant{
			{Role: "host", EntityID: azerbaijan.ID},
			{Role: "visitor", EntityID: lavrov.ID},
		}
		s.evidence[ev.ID] = []graph.Evidence{{ArticleID: article.ID, Start: 0, End: 41, Text: article.Text}}
	}
	s.page.TotalCount = n
	return s
}

// response is a GraphQL response with its data left to decode.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// codes returns the extensions.code of each error.
func (r response) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// decode unmarshals the response's data into v.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decoding data %s: %v", r.Data, err)
	}
}

// logBuffer collects what the server logs.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is the real handler over a fake store.
type harness struct {
	store *fakeStore
	srv   *httptest.Server
	log   *logBuffer
}

func newHarness(t *testing.T, s *fakeStore) *harness {
	t.Helper()
	return newHarnessConfig(t, s, server.Config{})
}

// newHarnessConfig is newHarness with settings; Store and Logger are set,
// and the dataloaders wait longer than by default unless told, so that a
// busy test machine does not split a batch.
func newHarnessConfig(t *testing.T, s *fakeStore, cfg server.Config) *harness {
	t.Helper()
	h := &harness{store: s, log: &logBuffer{}}
	cfg.Store, cfg.Logger = s, slog.New(slog.NewTextHandler(h.log, nil))
	if cfg.LoaderWait == 0 {
		cfg.LoaderWait = 100 * time.Millisecond
	}
	h.srv = httptest.NewServer(server.New(cfg))
	t.Cleanup(h.srv.Close)
	return h
}

// post runs a GraphQL operation through POST /graphql. It returns the
// raw body too, to check what must not leak.
func (h *harness) post(t *testing.T, query string, vars map[string]any) (response, string) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(h.srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("POST %s: status %d, body %s: %v", query, res.StatusCode, raw, err)
	}
	return r, string(raw)
}

func TestEventsFilterAndPaging(t *testing.T) {
	h := newHarness(t, newFake(3))
	h.store.page.HasNextPage = true
	h.store.page.TotalCount = 42
	after := graph.Cursor{Key: "2017-11-01", ID: "event:before"}.Encode()

	r, _ := h.post(t, `query($f: EventFilter, $first: Int, $after: String) {
		events(filter: $f, first: $first, after: $after) {
			totalCount
			pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			edges { cursor node { id type date end precision modality } }
		}
	}`, map[string]any{
		"f": map[string]any{
			"types":         []string{"VISIT", "MILITARY_ACTION"},
			"countries":     []string{"aze", "RUS"},
			"actors":        []string{lavrov.ID},
			"modalities":    []string{"PLANNED"},
			"cameoRoots":    []string{"04"},
			"from":          "2017-11-01",
			"to":            "2017-11-30",
			"cameoCodes":    []string{"042"},
			"quadClasses":   []string{"VERBAL_COOPERATION", "MATERIAL_CONFLICT"},
			"organizations": []string{"org:osce"},
			"places":        []string{"place:baku"},
			"involving":     []string{"country:AZE", "country:RUS"},
			"sources":       []string{"Trend"},
			"text":          "visit",
		},
		"first": 3,
		"after": after,
	})
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}

	from := time.Date(2017, 11, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2017, 11, 30, 0, 0, 0, 0, time.UTC)
	wantFilter := graph.EventFilter{
		Types:         []string{extract.TypeVisit, extract.TypeMilitaryAction},
		Countries:     []string{"AZE", "RUS"},
		Actors:        []string{lavrov.ID},
		Modalities:    []string{extract.ModalityPlanned},
		CAMEORoots:    []string{"04"},
		From:          &from,
		To:            &to,
		CAMEOCodes:    []string{"042"},
		QuadClasses:   []int{1, 4},
		Organizations: []string{"org:osce"},
		Places:        []string{"place:baku"},
		Involving:     []string{"country:AZE", "country:RUS"},
		Sources:       []string{"Trend"},
		Text:          "visit",
	}
	if diff := cmp.Diff(wantFilter, h.store.gotFilter); diff != "" {
		t.Errorf("filter reaching the store (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(graph.PageRequest{First: 3, After: after, Order: graph.OrderDate}, h.store.gotPage); diff != "" {
		t.Errorf("page request reaching the store (-want +got):\n%s", diff)
	}

	type node struct {
		ID, Type, Date, Precision, Modality string
		End                                 *string
	}
	type edge struct {
		Cursor string
		Node   node
	}
	var got struct {
		Events struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage, HasPreviousPage bool
				StartCursor, EndCursor       string
			}
			Edges []edge
		}
	}
	r.decode(t, &got)
	c := h.store.page.Cursors
	if got.Events.TotalCount != 42 || !got.Events.PageInfo.HasNextPage || !got.Events.PageInfo.HasPreviousPage ||
		got.Events.PageInfo.StartCursor != c[0] || got.Events.PageInfo.EndCursor != c[2] {
		t.Errorf("totalCount %d, pageInfo %+v; want 42, next and previous pages, cursors %s..%s",
			got.Events.TotalCount, got.Events.PageInfo, c[0], c[2])
	}
	var wantEdges []edge
	for i, ev := range h.store.page.Events {
		wantEdges = append(wantEdges, edge{Cursor: c[i], Node: node{ID: ev.ID, Type: "VISIT", Date: "2017-11-20", Precision: "DAY", Modality: "PLANNED"}})
	}
	if diff := cmp.Diff(wantEdges, got.Events.Edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}

func TestEventsPageSize(t *testing.T) {
	for _, tc := range []struct {
		name  string
		first any // nil: not given
		want  int
	}{
		{"default", nil, graph.DefaultPageSize},
		{"asked", 7, 7},
		{"capped", 500, graph.MaxPageSize},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newFake(0))
			r, _ := h.post(t, `query($first: Int) { events(first: $first) { totalCount } }`, map[string]any{"first": tc.first})
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if got := h.store.gotPage.First; got != tc.want {
				t.Errorf("first %v reached the store as %d, want %d", tc.first, got, tc.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
	}{
		{"first zero", `{ events(first: 0) { totalCount } }`, nil},
		{"first negative", `{ events(first: -5) { totalCount } }`, nil},
		{"cursor", `{ events(after: "not a cursor") { totalCount } }`, nil},
		{"to before from", `{ events(filter: {from: "2017-11-30", to: "2017-11-01"}) { totalCount } }`, nil},
		{"date", `query($f: EventFilter) { events(filter: $f) { totalCount } }`, map[string]any{"f": map[string]any{"from": "16 Nov 2017"}}},
		{"country code", `{ events(filter: {countries: ["Azerbaijan"]}) { totalCount } }`, nil},
		{"iso3", `{ country(iso3: "A1") { id } }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newFake(1))
			r, _ := h.post(t, tc.query, tc.vars)
			if diff := cmp.Diff([]string{"BAD_USER_INPUT"}, r.codes()); diff != "" {
				t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
			}
			if n := h.store.callCount("Events") + h.store.callCount("Country"); n != 0 {
				t.Errorf("the store was asked %d times; bad input must stop before it", n)
			}
		})
	}
}

func TestParticipantsBatched(t *testing.T) {
	const n = 25
	h := newHarness(t, newFake(n))
	r, _ := h.post(t, `{
		events(first: 25) {
			edges { node {
				id
				participants { role entity { id type name ... on Country { iso3 } ... on Person { title } } }
				evidence { articleId start end text }
			} }
		}
	}`, nil)
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}

	var eventIDs []string
	for _, ev := range h.store.page.Events {
		eventIDs = append(eventIDs, ev.ID)
	}
	slices.Sort(eventIDs)
	checkBatched(t, h.store, map[string][]string{
		"Participants": eventIDs,
		"EvidenceFor":  eventIDs,
		"Entities":     {azerbaijan.ID, lavrov.ID},
	})

	type entity struct {
		ID, Type, Name string
		ISO3           string `json:"iso3"`
		Title          *string
	}
	type participant struct {
		Role   string
		Entity entity
	}
	type evidence struct {
		ArticleID  string `json:"articleId"`
		Start, End int
		Text       string
	}
	var got struct {
		Events struct {
			Edges []struct {
				Node struct {
					ID           string
					Participants []participant
					Evidence     []evidence
				}
			}
		}
	}
	r.decode(t, &got)
	if len(got.Events.Edges) != n {
		t.Fatalf("got %d edges, want %d", len(got.Events.Edges), n)
	}
	title := "Foreign Minister"
	wantParts := []participant{
		{Role: "host", Entity: entity{ID: azerbaijan.ID, Type: "COUNTRY", Name: "Azerbaijan", ISO3: "AZE"}},
		{Role: "visitor", Entity: entity{ID: lavrov.ID, Type: "PERSON", Name: "Sergey Lavrov", Title: &title}},
	}
	wantEvidence := []evidence{{ArticleID: article.ID, Start: 0, End: 41, Text: article.Text}}
	for _, e := range got.Events.Edges {
		if diff := cmp.Diff(wantParts, e.Node.Participants); diff != "" {
			t.Errorf("participants of %s (-want +got):\n%s", e.Node.ID, diff)
		}
		if diff := cmp.Diff(wantEvidence, e.Node.Evidence); diff != "" {
			t.Errorf("evidence of %s (-want +got):\n%s", e.Node.ID, diff)
		}
	}
}

// checkBatched checks that each batch method was asked for want's keys,
// each key once, in one call: or two, as a very busy machine may let the
// keys of one level arrive on both sides of a loader's wait. Either way
// the calls do not grow with the keys.
func checkBatched(t *testing.T, s *fakeStore, want map[string][]string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	got := map[string][]string{}
	for m, calls := range s.keys {
		if len(calls) > 2 {
			t.Errorf("%s called %d times for %d keys", m, len(calls), len(want[m]))
		}
		for _, keys := range calls {
			got[m] = append(got[m], keys...)
		}
		slices.Sort(got[m])
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys asked of the batch methods (-want +got):\n%s", diff)
	}
}

func TestEventWithoutParticipants(t *testing.T) {
	s := newFake(1)
	id := s.page.Events[0].ID
	delete(s.parts, id)
	delete(s.evidence, id)
	h := newHarness(t, s)
	r, _ := h.post(t, `query($id: ID!) { event(id: $id) { participants { role } evidence { text } cameo { code } end } }`, map[string]any{"id": id})
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	if got, want := string(r.Data), `{"event":{"participants":[],"evidence":[],"cameo":null,"end":null}}`; got != want {
		t.Errorf("data = %s, want %s", got, want)
	}
}

func TestLookups(t *testing.T) {
	s := newFake(1)
	ev := s.page.Events[0]
	ev.CAMEO, ev.CAMEORoot, ev.QuadClass, ev.Goldstein = "042", "04", 1, 1.9
	s.events[ev.ID] = ev
	h := newHarness(t, s)
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        string
	}{
		{
			"country", `{ country(iso3: "aze") { id type name iso3 aliases } }`, nil,
			`{"country":{"id":"country:AZE","type":"COUNTRY","name":"Azerbaijan","iso3":"AZE","aliases":[]}}`,
		},
		{
			"person", `query($id: ID!) { person(id: $id) { id type name title } }`, map[string]any{"id": lavrov.ID},
			`{"person":{"id":"person:sergey-lavrov","type":"PERSON","name":"Sergey Lavrov","title":"Foreign Minister"}}`,
		},
		{
			"entity", `{ entity(id: "country:RUS") { __typename id aliases } }`, nil,
			`{"entity":{"__typename":"Country","id":"country:RUS","aliases":["Russian Federation"]}}`,
		},
		{
			"article", `query($id: ID!) { article(id: $id) { id title url source published publishedAt } }`, map[string]any{"id": article.ID},
			`{"article":{"id":"trend-2017-11-16","title":"Lavrov to visit Baku","url":null,"source":"Trend","published":"2017-11-16","publishedAt":"2017-11-16T11:54:00+04:00"}}`,
		},
		{
			"event", `query($id: ID!) { event(id: $id) { id cameo { code root quadClass goldstein } confidence reports } }`, map[string]any{"id": ev.ID},
			`{"event":{"id":"event:visit-00","cameo":{"code":"042","root":"04","quadClass":"VERBAL_COOPERATION","goldstein":1.9},"confidence":0,"reports":1}}`,
		},
		{
			"node entity", `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": lavrov.ID},
			`{"node":{"__typename":"Person","id":"person:sergey-lavrov"}}`,
		},
		{
			"node event", `query($id: ID!) { node(id: $id) { __typename id ... on Event { type } } }`, map[string]any{"id": ev.ID},
			`{"node":{"__typename":"Visit","id":"event:visit-00","type":"VISIT"}}`,
		},
		{
			"node article", `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": article.ID},
			`{"node":{"__typename":"Article","id":"trend-2017-11-16"}}`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := h.post(t, tc.query, tc.vars)
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if got := string(r.Data); got != tc.want {
				t.Errorf("data:\ngot  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	h := newHarness(t, newFake(1))
	for _, tc := range []struct{ name, query, want string }{
		{"country", `{ country(iso3: "XYZ") { id } }`, `{"country":null}`},
		{"person", `{ person(id: "person:nobody") { id } }`, `{"person":null}`},
		{"person of another kind", `{ person(id: "country:AZE") { id } }`, `{"person":null}`},
		{"event", `{ event(id: "event:none") { id } }`, `{"event":null}`},
		{"article", `{ article(id: "none") { id } }`, `{"article":null}`},
		{"node", `{ node(id: "none") { id } }`, `{"node":null}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := h.post(t, tc.query, nil)
			if diff := cmp.Diff([]string{"NOT_FOUND"}, r.codes()); diff != "" {
				t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
			}
			if got := string(r.Data); got != tc.want {
				t.Errorf("data = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestComplexityLimit(t *testing.T) {
	const query = `query($first: Int) {
		events(first: $first) {
			totalCount
			edges { cursor node {
				id type label date end precision modality confidence reports
				participants { role entity { id type name } }
				evidence { articleId start end text }
			} }
		}
	}`
	t.Run("within", func(t *testing.T) {
		h := newHarness(t, newFake(0))
		if r, _ := h.post(t, query, map[string]any{"first": 20}); r.Errors != nil {
			t.Errorf("a page of 20 was refused: %+v", r.Errors)
		}
	})
	t.Run("exceeded", func(t *testing.T) {
		h := newHarness(t, newFake(0))
		// Each event's participants' own events multiply the cost.
		r, _ := h.post(t, `query($first: Int) { events(first: $first) { edges { node {
			id participants { entity { id events(first: 20) { edges { node { id label participants { role } } } } } }
		} } } }`, map[string]any{"first": 100})
		if diff := cmp.Diff([]string{"COMPLEXITY_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
		}
		if n := h.store.callCount("Events"); n != 0 {
			t.Errorf("the store was asked %d times for a refused query", n)
		}
	})
}

func TestInternalErrorHidden(t *testing.T) {
	const secret = "neo4j: connection to bolt://10.0.0.7:7687 refused for user admin"
	for _, tc := range []struct {
		name  string
		setup func(*fakeStore)
	}{
		{"error", func(s *fakeStore) { s.eventsErr = fmt.Errorf("neo4jstore: events: %w", errors.New(secret)) }},
		{"panic", func(s *fakeStore) { s.panicMsg = secret }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFake(0)
			tc.setup(s)
			h := newHarness(t, s)
			r, body := h.post(t, `{ events { totalCount } }`, nil)
			if diff := cmp.Diff([]gqlError{{
				Message:    "internal error",
				Path:       []any{"events"},
				Extensions: map[string]any{"code": "INTERNAL_SERVER_ERROR"},
			}}, r.Errors); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if strings.Contains(body, "10.0.0.7") {
				t.Errorf("the response leaks the cause: %s", body)
			}
			if !strings.Contains(h.log.String(), "10.0.0.7") {
				t.Errorf("the cause was not logged; log:\n%s", h.log.String())
			}
		})
	}
}

const ingest = `mutation($input: IngestArticleInput!) {
	ingestArticle(input: $input) {
		article { id title text }
		summary { nodeCount edgeCount changed }
		userErrors { field message }
	}
}`

func TestIngestArticleEmptyText(t *testing.T) {
	for _, text := range []string{"", " \n\t "} {
		t.Run(fmt.Sprintf("%q", text), func(t *testing.T) {
			h := newHarness(t, newFake(0))
			r, _ := h.post(t, ingest, map[string]any{"input": map[string]any{"text": text, "title": "Headline"}})
			if r.Errors != nil {
				t.Fatalf("errors: %+v", r.Errors)
			}
			want := `{"ingestArticle":{"article":null,"summary":null,"userErrors":[{"field":["input","text"],"message":"The article text is empty."}]}}`
			if got := string(r.Data); got != want {
				t.Errorf("data:\ngot  %s\nwant %s", got, want)
			}
			if n := h.store.callCount("Ingest"); n != 0 {
				t.Errorf("Ingest called %d times for an empty article", n)
			}
		})
	}
}

func TestIngestArticle(t *testing.T) {
	h := newHarness(t, newFake(0))
	h.store.summary = graph.IngestSummary{ArticleID: "test:lavrov-baku", Nodes: 4, Edges: 3, Changed: true}
	const text = "Russian Foreign Minister Sergey Lavrov will visit Baku on November 20, the ministry said.\n"
	r, _ := h.post(t, ingest, map[string]any{"input": map[string]any{
		"id":        "test:lavrov-baku",
		"text":      text,
		"published": "2017-11-16T11:54:00+04:00",
		"source":    "Trend",
	}})
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	var got struct {
		IngestArticle struct {
			Article struct{ ID, Text string }
			Summary struct {
				NodeCount, EdgeCount int
				Changed              bool
			}
			UserErrors []any
		}
	}
	r.decode(t, &got)
	p := got.IngestArticle
	if p.Article.ID != "test:lavrov-baku" || p.Article.Text != text || len(p.UserErrors) != 0 {
		t.Errorf("payload article %+v, user errors %v; want the article as given and none", p.Article, p.UserErrors)
	}
	if p.Summary.NodeCount != 4 || p.Summary.EdgeCount != 3 || !p.Summary.Changed {
		t.Errorf("summary %+v, want the store's", p.Summary)
	}
	if len(h.store.ingested) != 1 {
		t.Fatalf("Ingest called %d times, want once", len(h.store.ingested))
	}
	if a := h.store.ingested[0].Article; a.ID != "test:lavrov-baku" || a.Text != text {
		t.Errorf("the store got article %q with text %q", a.ID, a.Text)
	}
}

func TestIngestArticleConflict(t *testing.T) {
	h := newHarness(t, newFake(0))
	h.store.ingestErr = fmt.Errorf("neo4jstore: merge article x: %w", graph.ErrConflict)
	r, _ := h.post(t, ingest, map[string]any{"input": map[string]any{"id": "x", "text": "Some text."}})
	if diff := cmp.Diff([]string{"CONFLICT"}, r.codes()); diff != "" {
		t.Errorf("error codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
	}
}

func TestEnumValues(t *testing.T) {
	// Every stored vocabulary value has a GraphQL value, and reads back.
	s := newFake(0)
	for i, typ := range extract.EventTypes() {
		ev := visit(fmt.Sprintf("event:%02d", i))
		ev.Type = typ
		s.page.Events = append(s.page.Events, ev)
		s.page.Cursors = append(s.page.Cursors, graph.Cursor{Key: ev.Date, ID: ev.ID}.Encode())
	}
	for i, p := range []string{extract.PrecisionDay, extract.PrecisionMonth, extract.PrecisionYear, extract.PrecisionDecade, extract.PrecisionDerived} {
		s.page.Events[i].Precision = p
	}
	for i, m := range []string{extract.ModalityAsserted, extract.ModalityPlanned, extract.ModalityNegated, extract.ModalityHypothetical, extract.ModalityHistorical} {
		s.page.Events[i].Modality = m
	}
	h := newHarness(t, s)
	r, _ := h.post(t, `{ events(first: 100) { edges { node { type precision modality } } } }`, nil)
	if r.Errors != nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
	var got struct {
		Events struct {
			Edges []struct {
				Node struct{ Type, Precision, Modality string }
			}
		}
	}
	r.decode(t, &got)
	var types, precisions, modalities []string
	for i, e := range got.Events.Edges {
		types = append(types, e.Node.Type)
		if i < 5 {
			precisions = append(precisions, e.Node.Precision)
			modalities = append(modalities, e.Node.Modality)
		}
	}
	want := []string{"STATEMENT", "VISIT", "MEETING", "PHONE_CALL", "ANNIVERSARY", "CONFLICT", "MEDIATION",
		"NEGOTIATION", "MILITARY_ACTION", "AGREEMENT", "RESOLUTION", "SANCTION", "ACCUSATION", "AID",
		"APPOINTMENT", "COOPERATION", "APPEAL", "REJECTION", "THREAT", "PROTEST", "REDUCE_RELATIONS",
		"YIELD", "INVESTIGATION", "COERCION"}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("event types (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"DAY", "MONTH", "YEAR", "DECADE", "DERIVED"}, precisions); diff != "" {
		t.Errorf("precisions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"ASSERTED", "PLANNED", "NEGATED", "HYPOTHETICAL", "HISTORICAL"}, modalities); diff != "" {
		t.Errorf("modalities (-want +got):\n%s", diff)
	}
}

func TestRoutes(t *testing.T) {
	h := newHarness(t, newFake(0))
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(h.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, tc := range []struct {
		name, path string
		code       int
		contains   string
	}{
		{"health", "/healthz", http.StatusOK, "ok"},
		{"graphiql", "/graphiql", http.StatusOK, "graphiql"},
		{"query over GET", "/graphql?query=" + url.QueryEscape("{ __typename }"), http.StatusOK, `"__typename":"Query"`},
		{"introspection", "/graphql?query=" + url.QueryEscape("{ __schema { queryType { name } } }"), http.StatusOK, `"name":"Query"`},
		{"no mutation over GET", "/graphql?query=" + url.QueryEscape(`mutation { ingestArticle(input: {text: "x"}) { summary { changed } } }`), http.StatusNotAcceptable, ""},
		{"unknown", "/nothing", http.StatusNotFound, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := get(tc.path)
			if code != tc.code || !strings.Contains(body, tc.contains) {
				t.Errorf("GET %s: %d %q; want %d and %q in the body", tc.path, code, body, tc.code, tc.contains)
			}
		})
	}
	if n := h.store.callCount("Ingest"); n != 0 {
		t.Errorf("a mutation ran over GET")
	}
}
