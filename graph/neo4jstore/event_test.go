package neo4jstore

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/graph"
)

func day(s string) *time.Time {
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func ids(events []graph.Event) []string {
	out := []string{}
	for _, ev := range events {
		out = append(out, ev.ID)
	}
	return out
}

func TestEventsFilter(t *testing.T) {
	s := MustOpenStore(t)
	mustIngest(t, s, seedBatch(t))
	ctx := context.Background()
	// All five in (From, ID) order.
	all := []string{idAnniversary, idPhoneCall, idStatement, idVisit, idMeeting}

	for _, tc := range []struct {
		name   string
		filter graph.EventFilter
		want   []string
	}{
		{"none", graph.EventFilter{}, all},
		{"type", graph.EventFilter{Types: []string{"Visit"}}, []string{idVisit}},
		{"types", graph.EventFilter{Types: []string{"Meeting", "Visit"}}, []string{idVisit, idMeeting}},
		{"unknown type", graph.EventFilter{Types: []string{"Protest"}}, []string{}},
		// AZE takes part as a country in three; Baku, a place in AZE, does
		// not bring in the phone call.
		{"country", graph.EventFilter{Countries: []string{"AZE"}}, []string{idAnniversary, idVisit, idMeeting}},
		{"country in lower case", graph.EventFilter{Countries: []string{"aze"}}, []string{idAnniversary, idVisit, idMeeting}},
		// RUS through Lavrov, a person of RUS, as well as directly.
		{"country through a person", graph.EventFilter{Countries: []string{"RUS"}}, all},
		{"actor", graph.EventFilter{Actors: []string{"person:sergey-lavrov"}}, []string{idPhoneCall, idStatement, idVisit}},
		{"actors, any of", graph.EventFilter{Actors: []string{"place:baku", "country:RUS"}},
			[]string{idAnniversary, idPhoneCall, idVisit, idMeeting}},
		{"modality", graph.EventFilter{Modalities: []string{"historical"}}, []string{idAnniversary}},
		{"cameo root", graph.EventFilter{CAMEORoots: []string{"04"}}, []string{idVisit, idMeeting}},
		{"year overlaps a month", graph.EventFilter{From: day("1992-06-01"), To: day("1992-06-30")}, []string{idAnniversary}},
		{"from only", graph.EventFilter{From: day("2017-11-21")}, []string{idPhoneCall, idVisit}},
		{"to only", graph.EventFilter{To: day("2017-11-16")}, []string{idAnniversary, idPhoneCall, idStatement}},
		{"one day", graph.EventFilter{From: day("2017-11-20"), To: day("2017-11-20")}, []string{idPhoneCall, idVisit, idMeeting}},
		{"combined", graph.EventFilter{Types: []string{"Visit", "Statement"}, Countries: []string{"AZE"}}, []string{idVisit}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.Events(ctx, tc.filter, graph.PageRequest{First: graph.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, ids(page.Events)); diff != "" {
				t.Errorf("Events(%+v) (-want +got):\n%s", tc.filter, diff)
			}
			if page.TotalCount != len(tc.want) || page.HasNextPage {
				t.Errorf("TotalCount, HasNextPage = %d, %v; want %d, false", page.TotalCount, page.HasNextPage, len(tc.want))
			}
		})
	}

	if _, err := s.Events(ctx, graph.EventFilter{From: day("2017-12-01"), To: day("2017-11-01")}, graph.PageRequest{}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Events with From after To: got %v, want graph.ErrInvalid", err)
	}
}

// TestEventsRead checks what a listed event holds: every stored property,
// Reports, and no participants or evidence.
func TestEventsRead(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)
	mustIngest(t, s, b)
	page, err := s.Events(context.Background(), graph.EventFilter{Types: []string{"Meeting"}}, graph.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := b.Events[1]
	want.Participants, want.Evidence, want.Reports = nil, nil, 1 // two spans, one article
	if diff := cmp.Diff([]graph.Event{want}, page.Events); diff != "" {
		t.Errorf("Events (-want +got):\n%s", diff)
	}
}

func TestEventsPagination(t *testing.T) {
	s := MustOpenStore(t)
	mustIngest(t, s, seedBatch(t))
	ctx := context.Background()

	var got []string
	var hasNext []bool
	after := ""
	for range 10 {
		page, err := s.Events(ctx, graph.EventFilter{}, graph.PageRequest{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if page.TotalCount != 5 {
			t.Errorf("TotalCount = %d, want 5", page.TotalCount)
		}
		if len(page.Cursors) != len(page.Events) {
			t.Fatalf("%d cursors for %d events", len(page.Cursors), len(page.Events))
		}
		got = append(got, ids(page.Events)...)
		hasNext = append(hasNext, page.HasNextPage)
		if !page.HasNextPage {
			break
		}
		after = page.Cursors[len(page.Cursors)-1]
	}
	// The second page ends on the visit and the third starts with the
	// meeting of the same day: the id breaks the tie.
	want := []string{idAnniversary, idPhoneCall, idStatement, idVisit, idMeeting}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events over all pages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{true, true, false}, hasNext); diff != "" {
		t.Errorf("HasNextPage per page (-want +got):\n%s", diff)
	}

	// A page starts after any row's cursor.
	page, err := s.Events(ctx, graph.EventFilter{}, graph.PageRequest{First: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range page.Cursors {
		rest, err := s.Events(ctx, graph.EventFilter{}, graph.PageRequest{First: 5, After: c})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[i+1:], ids(rest.Events)); diff != "" {
			t.Errorf("after the cursor of %s (-want +got):\n%s", want[i], diff)
		}
	}
}

func TestEventsBadCursor(t *testing.T) {
	s := MustOpenStore(t)
	for name, after := range map[string]string{
		"not base64":   "%%%",
		"not json":     "bm90IGpzb24",
		"no id":        graph.Cursor{Key: "2017-11-20"}.Encode(),
		"key no date":  graph.Cursor{Key: "yesterday", ID: "x"}.Encode(),
		"key empty":    graph.Cursor{ID: "x"}.Encode(),
		"key too long": graph.Cursor{Key: "2017-11-20T00:00:00Z", ID: "x"}.Encode(),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.Events(context.Background(), graph.EventFilter{}, graph.PageRequest{After: after})
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("Events(after %q): got %v, want graph.ErrInvalid", after, err)
			}
		})
	}
}

func TestReadByID(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)
	mustIngest(t, s, b)
	ctx := context.Background()

	article, err := s.Article(ctx, b.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.Article, article); diff != "" {
		t.Errorf("Article (-want +got):\n%s", diff)
	}

	// Aliases come back sorted.
	wantLavrov := b.Entities[2]
	wantLavrov.Aliases = []string{"FM Sergey Lavrov", "Lavrov"}
	lavrov, err := s.Entity(ctx, "person:sergey-lavrov")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantLavrov, lavrov); diff != "" {
		t.Errorf("Entity (-want +got):\n%s", diff)
	}

	aze, err := s.Country(ctx, "aze")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.Entities[0], aze); diff != "" {
		t.Errorf("Country (-want +got):\n%s", diff)
	}

	statement, err := s.Event(ctx, idStatement)
	if err != nil {
		t.Fatal(err)
	}
	want := event(t, b.Events[2]) // From and To as the store computed them
	want.Participants, want.Evidence, want.Reports = nil, nil, 1
	if diff := cmp.Diff(want, statement); diff != "" {
		t.Errorf("Event (-want +got):\n%s", diff)
	}

	for name, get := range map[string]func() error{
		"article": func() error { _, err := s.Article(ctx, "nope"); return err },
		"entity":  func() error { _, err := s.Entity(ctx, "person:nobody"); return err },
		"country": func() error { _, err := s.Country(ctx, "XXX"); return err },
		"event":   func() error { _, err := s.Event(ctx, "event:nope"); return err },
	} {
		if err := get(); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("%s of a missing id: got %v, want graph.ErrNotFound", name, err)
		}
	}
}

func TestBatchLoaders(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)
	mustIngest(t, s, b)
	ctx := context.Background()

	entities, err := s.Entities(ctx, []string{"country:RUS", "place:baku", "country:RUS", "person:nobody"})
	if err != nil {
		t.Fatal(err)
	}
	wantEntities := map[string]graph.Entity{"country:RUS": b.Entities[1], "place:baku": b.Entities[3]}
	if diff := cmp.Diff(wantEntities, entities); diff != "" {
		t.Errorf("Entities (-want +got):\n%s", diff)
	}

	participants, err := s.Participants(ctx, []string{idMeeting, idVisit, "event:nope"})
	if err != nil {
		t.Fatal(err)
	}
	wantParticipants := map[string][]graph.Participant{
		idMeeting: {{Role: "party", EntityID: "country:AZE"}, {Role: "party", EntityID: "country:RUS"}},
		idVisit: {
			{Role: "destination", EntityID: "place:baku"},
			{Role: "host", EntityID: "country:AZE"},
			{Role: "visitor", EntityID: "person:sergey-lavrov"},
		},
	}
	if diff := cmp.Diff(wantParticipants, participants); diff != "" {
		t.Errorf("Participants (-want +got):\n%s", diff)
	}

	for name, f := range map[string]func() (int, error){
		"Entities":     func() (int, error) { m, err := s.Entities(ctx, nil); return len(m), err },
		"Participants": func() (int, error) { m, err := s.Participants(ctx, []string{}); return len(m), err },
		"EvidenceFor":  func() (int, error) { m, err := s.EvidenceFor(ctx, nil); return len(m), err },
	} {
		if n, err := f(); n != 0 || err != nil {
			t.Errorf("%s of no ids = %d entries, %v; want 0, nil", name, n, err)
		}
	}
}

// TestEvidenceForMultibyte checks that spans are cut from the text by
// bytes: the text has curly quotes and an en dash before the spans.
func TestEvidenceForMultibyte(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)
	mustIngest(t, s, b)

	const quote = "“We value our strategic partnership with Azerbaijan,”"
	start := strings.Index(seedText, quote)
	if utf8.RuneCountInString(seedText[:start]) == start {
		t.Fatal("the fixture has no multibyte text before the quote")
	}

	got, err := s.EvidenceFor(context.Background(), []string{idStatement, idMeeting, "event:nope"})
	if err != nil {
		t.Fatal(err)
	}
	art := b.Article.ID
	want := map[string][]graph.Evidence{
		idStatement: {{ArticleID: art, Start: start, End: start + len(quote), Text: quote}},
		idMeeting: {
			withText(evidence(t, art, seedText, "Sergey Lavrov will visit Baku")),
			withText(evidence(t, art, seedText, "The two sides will also meet in Baku.")),
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EvidenceFor (-want +got):\n%s", diff)
	}
}

func withText(e graph.Evidence) graph.Evidence {
	e.Text = seedText[e.Start:e.End]
	return e
}

func TestExport(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)
	mustIngest(t, s, b)
	g := mustExport(t, s)

	var nodes []string
	for _, n := range g.Nodes {
		nodes = append(nodes, n.Type+" "+n.ID)
	}
	wantNodes := []string{
		"Anniversary " + idAnniversary,
		"Article " + b.Article.ID,
		"Country country:AZE",
		"Country country:RUS",
		"Meeting " + idMeeting,
		"Person person:sergey-lavrov",
		"PhoneCall " + idPhoneCall,
		"Place place:baku",
		"Statement " + idStatement,
		"Visit " + idVisit,
	}
	if diff := cmp.Diff(wantNodes, nodes); diff != "" {
		t.Errorf("export nodes (-want +got):\n%s", diff)
	}
	if len(g.Edges) != 10+5+4+2 { // participants, evidence and mention pairs, relations
		t.Errorf("export has %d edges, want 21", len(g.Edges))
	}

	find := func(src, typ, dst string) graph.Edge {
		for _, e := range g.Edges {
			if e.Source == src && e.Type == typ && e.Target == dst {
				return e
			}
		}
		t.Errorf("no edge %s -%s-> %s", src, typ, dst)
		return graph.Edge{}
	}
	s1, e1 := at(t, seedText, "Sergey Lavrov will visit Baku", 0)
	s2, e2 := at(t, seedText, "The two sides will also meet in Baku.", 0)
	r1, r2 := at(t, seedText, "Russia’s Foreign Minister Sergey Lavrov", 0)
	for _, tc := range []struct {
		edge graph.Edge
		want map[string]any
	}{
		{find(idVisit, "visitor", "person:sergey-lavrov"), map[string]any{}},
		{find(idMeeting, EvidenceEdge, b.Article.ID), map[string]any{"spans": []string{
			strconv.Itoa(s1) + ":" + strconv.Itoa(e1), strconv.Itoa(s2) + ":" + strconv.Itoa(e2)}}},
		{find("person:sergey-lavrov", "OFFICIAL_OF", "country:RUS"), map[string]any{
			"role": "Foreign Minister", "evidence": []string{formatSpan(b.Article.ID, r1, r2)}}},
	} {
		if diff := cmp.Diff(tc.want, tc.edge.Properties); diff != "" {
			t.Errorf("properties of %s -%s-> %s (-want +got):\n%s", tc.edge.Source, tc.edge.Type, tc.edge.Target, diff)
		}
	}
	for _, n := range g.Nodes {
		if n.ID == idVisit {
			want := map[string]any{
				"date": "2017-11-20", "end": "2017-11-21", "from": "2017-11-20", "to": "2017-11-21",
				"precision": "day", "modality": "planned", "subtype": "official", "cameo": "042",
				"cameoRoot": "04", "quadClass": 1, "goldstein": 1.9, "confidence": 0.9,
				"attribution": "narrative", "reports": 1,
			}
			if diff := cmp.Diff(want, n.Properties); diff != "" {
				t.Errorf("properties of the visit (-want +got):\n%s", diff)
			}
		}
	}
}
