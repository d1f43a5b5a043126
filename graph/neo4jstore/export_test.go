package neo4jstore

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/graph"
)

// TestSelection reads the entities, articles and relations of a selection
// a page at a time, as an export does.
func TestSelection(t *testing.T) {
	s := MustOpenStore(t)
	mustIngest(t, s, seedBatch(t))
	ctx := context.Background()
	const art = "trend-2017-11-16-russia-azerbaijan"
	ids := func(es []graph.Entity) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		filter    graph.EventFilter
		entities  []string
		articles  []string
		relations []string // source type target
		mentions  int      // spans
	}{
		{name: "everything", filter: graph.EventFilter{},
			entities:  []string{"country:AZE", "country:RUS", "person:sergey-lavrov", "place:baku"},
			articles:  []string{art},
			relations: []string{"country:RUS STRATEGIC_PARTNER country:AZE", "person:sergey-lavrov OFFICIAL_OF country:RUS"},
			mentions:  6},
		{name: "meetings", filter: graph.EventFilter{Types: []string{"Meeting"}},
			entities:  []string{"country:AZE", "country:RUS"},
			articles:  []string{art},
			relations: []string{"country:RUS STRATEGIC_PARTNER country:AZE"},
			mentions:  3},
		{name: "the statement: Russia takes no part", filter: graph.EventFilter{Types: []string{"Statement"}},
			entities: []string{"person:sergey-lavrov"},
			articles: []string{art}, mentions: 2},
		{name: "the visit", filter: graph.EventFilter{Involving: []string{"country:AZE", "person:sergey-lavrov"}},
			entities: []string{"country:AZE", "person:sergey-lavrov", "place:baku"},
			articles: []string{art}, mentions: 4},
		{name: "nothing", filter: graph.EventFilter{Types: []string{"Sanction"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []graph.Entity
			after := ""
			for { // pages of 2
				page, err := s.SelectionEntities(ctx, tc.filter, after, 2)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, page...)
				if len(page) < 2 {
					break
				}
				after = page[len(page)-1].ID
			}
			if diff := cmp.Diff(tc.entities, ids(got)); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
			arts, err := s.SelectionArticles(ctx, tc.filter, "", 10)
			if err != nil {
				t.Fatal(err)
			}
			var artIDs []string
			for _, a := range arts {
				artIDs = append(artIDs, a.ID)
				if a.Text != "" || a.Title == "" || a.URL == "" {
					t.Errorf("article %s: text %d bytes, title %q, url %q; want no text, a title and a URL", a.ID, len(a.Text), a.Title, a.URL)
				}
			}
			if diff := cmp.Diff(tc.articles, artIDs); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
			rels, err := s.SelectionRelations(ctx, tc.filter, ids(got))
			if err != nil {
				t.Fatal(err)
			}
			var relIDs []string
			for _, r := range rels {
				relIDs = append(relIDs, r.Source+" "+r.Type+" "+r.Target)
				if len(r.Evidence) == 0 {
					t.Errorf("relation %s %s %s without evidence", r.Source, r.Type, r.Target)
				}
			}
			if diff := cmp.Diff(tc.relations, relIDs); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
			ms, err := s.SelectionMentions(ctx, tc.filter, artIDs)
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != tc.mentions {
				t.Errorf("%d mentions, want %d: %v", len(ms), tc.mentions, ms)
			}
			for i, m := range ms {
				if m.ArticleID != art || m.End <= m.Start || !slices.Contains(tc.entities, m.EntityID) ||
					(i > 0 && (m.EntityID < ms[i-1].EntityID || m.EntityID == ms[i-1].EntityID && m.Start < ms[i-1].Start)) {
					t.Errorf("mention %d: %+v (after %+v)", i, m, ms[max(i-1, 0)])
				}
			}
		})
	}
	t.Run("a range ending before it starts", func(t *testing.T) {
		from, to := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
		f := graph.EventFilter{From: &from, To: &to}
		if _, err := s.SelectionEntities(ctx, f, "", 10); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("SelectionEntities: %v, want ErrInvalid", err)
		}
		if _, err := s.SelectionArticles(ctx, f, "", 10); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("SelectionArticles: %v, want ErrInvalid", err)
		}
		if _, err := s.SelectionRelations(ctx, f, []string{"country:RUS"}); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("SelectionRelations: %v, want ErrInvalid", err)
		}
		if _, err := s.SelectionMentions(ctx, f, []string{art}); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("SelectionMentions: %v, want ErrInvalid", err)
		}
	})
}

// TestSelectionEvents pages through a selection's events in pages of any
// size: the same events, in the same order, as Events gives.
func TestSelectionEvents(t *testing.T) {
	s := MustOpenStore(t)
	mustIngest(t, s, seedBatch(t))
	ctx := context.Background()
	for _, f := range []graph.EventFilter{{}, {Involving: []string{"country:AZE", "country:RUS"}}, {Types: []string{"Visit", "Statement"}}} {
		want, err := s.Events(ctx, f, graph.PageRequest{First: 100, SkipCount: true})
		if err != nil {
			t.Fatal(err)
		}
		var wantIDs, got []string
		for _, ev := range want.Events {
			wantIDs = append(wantIDs, ev.ID)
		}
		after := ""
		for {
			p, err := s.SelectionEvents(ctx, f, after, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Events) > 2 {
				t.Fatalf("a page of %d events, asked for 2", len(p.Events))
			}
			for _, ev := range p.Events {
				got = append(got, ev.ID)
			}
			if !p.HasNextPage {
				break
			}
			after = p.Cursors[len(p.Cursors)-1]
		}
		if diff := cmp.Diff(wantIDs, got); diff != "" || len(got) == 0 {
			t.Errorf("filter %+v: SelectionEvents in pages of 2 (-Events +SelectionEvents):\n%s", f, diff)
		}
	}
	if _, err := s.SelectionEvents(ctx, graph.EventFilter{}, "", 0); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("SelectionEvents of 0: %v, want ErrInvalid", err)
	}
}

// TestUnpublishedArticles counts the articles of a selection that are not
// published at a given time: without a date, dated later, or dated by a
// later day; an article published that day or before does not count.
func TestUnpublishedArticles(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	mustIngest(t, s, seedBatch(t)) // published 2017-11-16
	now := time.Date(2030, 6, 15, 12, 0, 0, 0, time.FixedZone("Offset", 4*3600))
	article := func(id, published string, events ...graph.Event) graph.Batch {
		return graph.Batch{Article: graph.Article{ID: id, Published: published, Text: "Azerbaijan imposed sanctions."},
			Entities: []graph.Entity{{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"}},
			Events:   events}
	}
	sanction := func(id, art string) graph.Event {
		return graph.Event{ID: id, Type: "Sanction", Date: "2030-06-14", Precision: "day", Modality: "asserted",
			Participants: []graph.Participant{{Role: "sanctioner", EntityID: "country:AZE"}},
			Evidence:     []graph.Evidence{{ArticleID: art, Start: 0, End: 10}}}
	}
	count := func(f graph.EventFilter) int {
		t.Helper()
		n, err := s.UnpublishedArticles(ctx, f, now)
		if err != nil {
			t.Fatalf("UnpublishedArticles(%+v): %v", f, err)
		}
		return n
	}
	if n := count(graph.EventFilter{}); n != 0 {
		t.Fatalf("only the seed article (2017): %d unpublished, want 0", n)
	}
	for _, b := range []graph.Batch{
		article("today-by-day", "2030-06-15"),               // published: that day
		article("an-hour-ago", "2030-06-15T11:00:00+04:00"), // published
		article("in-an-hour", "2030-06-15T13:00:00+04:00"),  // not yet
		article("tomorrow", "2030-06-16"),                   // not yet
		article("undated", ""),                              // no date: not published
		article("embargoed", "2031-01-01T00:00:00Z", sanction("event:sanction:embargoed", "embargoed")),
	} {
		mustIngest(t, s, b)
	}
	for _, tc := range []struct {
		name string
		f    graph.EventFilter
		want int
	}{
		{"everything", graph.EventFilter{}, 4},
		{"the seed's visits", graph.EventFilter{Types: []string{"Visit"}}, 0},
		{"the embargoed sanction", graph.EventFilter{Types: []string{"Sanction"}}, 1},
		{"Azerbaijan's events", graph.EventFilter{Countries: []string{"AZE"}}, 1},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%s: %d unpublished articles, want %d", tc.name, got, tc.want)
		}
	}
}
