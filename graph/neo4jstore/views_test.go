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

// Every fixture event in date order: (from, id).
var fixtureByDate = []string{
	idAnniversary, idPhoneCall, idStatement, idVisit, idMeeting,
	idMediation, idMinskMeeting, idAccusation, idAgreement, idSanction, idShelling,
}

func mustEvents(tb testing.TB, s *Store, f graph.EventFilter, page graph.PageRequest) graph.EventPage {
	tb.Helper()
	p, err := s.Events(context.Background(), f, page)
	if err != nil {
		tb.Fatalf("Events(%+v, %+v): %v", f, page, err)
	}
	return p
}

// allPages pages through a list by size, checking that every page's
// TotalCount is the same, and returns the ids in order.
func allPages(tb testing.TB, s *Store, f graph.EventFilter, order string, size int) []string {
	tb.Helper()
	var got []string
	after := ""
	total := -1
	for range 100 {
		p := mustEvents(tb, s, f, graph.PageRequest{First: size, After: after, Order: order})
		if total >= 0 && p.TotalCount != total {
			tb.Errorf("TotalCount changed from %d to %d between pages", total, p.TotalCount)
		}
		total = p.TotalCount
		got = append(got, ids(p.Events)...)
		if !p.HasNextPage {
			if total != len(got) {
				tb.Errorf("TotalCount %d, but %d events on all pages", total, len(got))
			}
			return got
		}
		after = p.Cursors[len(p.Cursors)-1]
	}
	tb.Fatal("more than 100 pages")
	return nil
}

func TestEventsFilterFixture(t *testing.T) {
	s := mustOpenFixture(t)
	for _, tc := range []struct {
		name   string
		filter graph.EventFilter
		want   []string
	}{
		{"none", graph.EventFilter{}, fixtureByDate},
		{"cameo code prefix", graph.EventFilter{CAMEOCodes: []string{"04"}}, []string{idVisit, idMeeting, idMediation}},
		{"cameo code", graph.EventFilter{CAMEOCodes: []string{"043"}}, []string{idMeeting, idMediation}},
		{"quad class", graph.EventFilter{QuadClasses: []int{4}}, []string{idSanction, idShelling}},
		{"quad classes", graph.EventFilter{QuadClasses: []int{3, 4}}, []string{idAccusation, idSanction, idShelling}},
		// Popov is an official of the Minsk Group.
		{"organization", graph.EventFilter{Organizations: []string{"org:osce-minsk-group"}}, []string{idMediation, idMinskMeeting}},
		{"place", graph.EventFilter{Places: []string{"place:baku"}}, []string{idPhoneCall, idVisit, idMinskMeeting}},
		{"place within", graph.EventFilter{Places: []string{"region:nagorno-karabakh"}}, []string{idShelling}},
		// Lavrov and Popov act for Russia, Mammadyarov for Azerbaijan; the
		// phone call from Baku does not involve Azerbaijan.
		{"dyad", graph.EventFilter{Involving: []string{"country:AZE", "country:RUS"}},
			[]string{idAnniversary, idVisit, idMeeting, idMinskMeeting, idAgreement}},
		{"dyad of an organization", graph.EventFilter{Involving: []string{"org:osce-minsk-group", "country:ARM"}}, []string{idMediation}},
		{"involving a region", graph.EventFilter{Involving: []string{"region:nagorno-karabakh"}}, []string{idShelling}},
		{"involving nothing stored", graph.EventFilter{Involving: []string{"country:XXX"}}, []string{}},
		{"source", graph.EventFilter{Sources: []string{"reuters"}}, []string{idVisit, idMediation, idMinskMeeting, idAccusation}},
		{"source in another case", graph.EventFilter{Sources: []string{"TREND"}},
			[]string{idAnniversary, idPhoneCall, idStatement, idVisit, idMeeting}},
		{"text in label or topic", graph.EventFilter{Text: "Karabakh"}, []string{idMediation, idShelling}},
		{"text, every word", graph.EventFilter{Text: "trade agreement"}, []string{idAgreement}},
		{"text, a prefix", graph.EventFilter{Text: "sanct"}, []string{idSanction}},
		{"text without words", graph.EventFilter{Text: "&&"}, fixtureByDate},
		{"countries", graph.EventFilter{Countries: []string{"ARM"}}, []string{idMediation, idAccusation, idSanction, idShelling}},
		{"actors", graph.EventFilter{Actors: []string{"person:igor-popov", "country:ARM"}},
			[]string{idMediation, idMinskMeeting, idAccusation, idSanction, idShelling}},
		{"combined", graph.EventFilter{Involving: []string{"country:AZE", "country:ARM"}, QuadClasses: []int{4}},
			[]string{idSanction, idShelling}},
		// The mediation, dated March 2018, may have gone on on the 6th.
		{"combined with dates", graph.EventFilter{Countries: []string{"AZE"}, From: day("2018-03-06"), To: day("2019-05-31")},
			[]string{idMediation, idAccusation, idAgreement}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := allPages(t, s, tc.filter, "", graph.MaxPageSize)
			if diff := cmp.Diff(tc.want, nonNil(got)); diff != "" {
				t.Errorf("Events(%+v) (-want +got):\n%s", tc.filter, diff)
			}
			// Pages of two give the same list.
			if diff := cmp.Diff(tc.want, nonNil(allPages(t, s, tc.filter, "", 2))); diff != "" {
				t.Errorf("Events(%+v) in pages of 2 (-want +got):\n%s", tc.filter, diff)
			}
		})
	}
}

func TestEventsOrders(t *testing.T) {
	s := mustOpenFixture(t)
	for _, tc := range []struct {
		order  string
		filter graph.EventFilter
		want   []string
	}{
		{graph.OrderDate, graph.EventFilter{}, fixtureByDate},
		// Ties (the visit and the meeting of the same day) stay by id.
		{graph.OrderDateDesc, graph.EventFilter{}, []string{idShelling, idSanction, idAgreement, idAccusation,
			idMinskMeeting, idMediation, idVisit, idMeeting, idStatement, idPhoneCall, idAnniversary}},
		{graph.OrderConfidence, graph.EventFilter{}, []string{idAgreement, idVisit, idMinskMeeting, idAccusation,
			idMediation, idShelling, idSanction, idAnniversary, idMeeting, idPhoneCall, idStatement}},
		// The visit is reported by two articles.
		{graph.OrderReports, graph.EventFilter{}, []string{idVisit, idAccusation, idAgreement, idAnniversary,
			idMeeting, idMediation, idMinskMeeting, idShelling, idPhoneCall, idSanction, idStatement}},
		// Anchored on a country.
		{graph.OrderConfidence, graph.EventFilter{Countries: []string{"ARM"}}, []string{idAccusation, idMediation, idShelling, idSanction}},
		{graph.OrderDateDesc, graph.EventFilter{Involving: []string{"country:AZE", "country:RUS"}},
			[]string{idAgreement, idMinskMeeting, idVisit, idMeeting, idAnniversary}},
	} {
		t.Run(tc.order, func(t *testing.T) {
			for _, size := range []int{1, 3, graph.MaxPageSize} {
				if diff := cmp.Diff(tc.want, allPages(t, s, tc.filter, tc.order, size)); diff != "" {
					t.Errorf("order %s, pages of %d (-want +got):\n%s", tc.order, size, diff)
				}
			}
		})
	}

	p := mustEvents(t, s, graph.EventFilter{}, graph.PageRequest{First: 2, Order: graph.OrderConfidence})
	if p.Events[0].Reports != 1 || p.Events[1].Reports != 2 {
		t.Errorf("Reports of %s, %s = %d, %d; want 1, 2", p.Events[0].ID, p.Events[1].ID, p.Events[0].Reports, p.Events[1].Reports)
	}
	for name, page := range map[string]graph.PageRequest{
		"cursor of another order": {After: p.Cursors[0], Order: graph.OrderDate},
		"unknown order":           {Order: "alphabetical"},
	} {
		if _, err := s.Events(context.Background(), graph.EventFilter{}, page); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("%s: got %v, want graph.ErrInvalid", name, err)
		}
	}
	q := mustEvents(t, s, graph.EventFilter{}, graph.PageRequest{First: 2, SkipCount: true})
	if q.TotalCount != 0 || len(q.Events) != 2 || !q.HasNextPage {
		t.Errorf("SkipCount: TotalCount %d, %d events, next %v; want 0, 2, true", q.TotalCount, len(q.Events), q.HasNextPage)
	}
}

// TestPagingUnderIngest pages through events while articles arrive: every
// event stored before paging began is listed exactly once, in order, and
// new events show up only after the position they sort at.
func TestPagingUnderIngest(t *testing.T) {
	for _, tc := range []struct {
		name, order string
		filter      graph.EventFilter
	}{
		{"by date", graph.OrderDate, graph.EventFilter{}},
		{"newest first", graph.OrderDateDesc, graph.EventFilter{}},
		{"by confidence", graph.OrderConfidence, graph.EventFilter{}},
		{"a country's by date", graph.OrderDate, graph.EventFilter{Countries: []string{"AZE"}}}, // anchored
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpenFixture(t)
			before := allPages(t, s, tc.filter, tc.order, graph.MaxPageSize)
			var got []string
			after := ""
			for page := 0; ; page++ {
				if page > 50 {
					t.Fatalf("paging does not end: %d pages for %d events", page, len(before))
				}
				p := mustEvents(t, s, tc.filter, graph.PageRequest{First: 3, After: after, Order: tc.order})
				got = append(got, ids(p.Events)...)
				if !p.HasNextPage {
					break
				}
				after = p.Cursors[len(p.Cursors)-1]
				// New events all over the list: before, between and after
				// what has been read.
				mustIngest(t, s, lateBatch(t, page))
			}
			var old []string
			seen := map[string]int{}
			for _, id := range got {
				seen[id]++
				if seen[id] > 1 {
					t.Errorf("event %s listed %d times", id, seen[id])
				}
				if slices.Contains(before, id) {
					old = append(old, id)
				}
			}
			if diff := cmp.Diff(before, old); diff != "" {
				t.Errorf("events stored before paging, as paged (-want +got):\n%s", diff)
			}
			if len(got) == len(before) {
				t.Errorf("no event ingested while paging was listed; the test proves nothing")
			}
		})
	}
}

// lateBatch is an article ingested while a client pages: three events
// involving Azerbaijan, dated 1900+n, 2018-01-n and 2030+n, with
// confidences 0.99, 0.55 and 0.01.
func lateBatch(tb testing.TB, n int) graph.Batch {
	text := "Late news."
	art := "late-" + string(rune('a'+n))
	b := graph.Batch{
		Article:  graph.Article{ID: art, Title: "Late news", Published: "2020-01-01", Source: "Late", Text: text},
		Entities: []graph.Entity{{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"}},
	}
	for i, d := range []struct {
		date, precision string
		conf            float64
	}{
		{time.Date(1900+n, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), "year", 0.99},
		{time.Date(2018, 1, n+1, 0, 0, 0, 0, time.UTC).Format(dayLayout), "day", 0.55},
		{time.Date(2030+n, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), "year", 0.01},
	} {
		b.Events = append(b.Events, event(tb, graph.Event{
			ID: "event:late-" + art + "-" + string(rune('0'+i)), Type: "Statement", Label: "Late statement",
			Date: d.date, Precision: d.precision, Modality: "asserted", Confidence: d.conf,
			Participants: []graph.Participant{{Role: "speaker", EntityID: "country:AZE"}},
			Evidence:     []graph.Evidence{{ArticleID: art, Start: 0, End: len(text)}},
		}))
	}
	return b
}

func TestEventsInvolving(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	want := map[string][]string{
		// Through Mammadyarov, not through Baku.
		"country:AZE": {idAnniversary, idVisit, idMeeting, idMediation, idMinskMeeting, idAccusation,
			idAgreement, idSanction, idShelling},
		"org:osce-minsk-group":    {idMediation, idMinskMeeting},
		"region:nagorno-karabakh": {idShelling},
		"place:baku":              {idPhoneCall, idVisit, idMinskMeeting},
		"person:igor-popov":       {idMinskMeeting},
		"person:nobody":           {},
	}
	var entities []string
	for id := range want {
		entities = append(entities, id)
	}
	pages, err := s.EventsInvolving(ctx, entities, graph.EventFilter{}, graph.PageRequest{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	for id, all := range want {
		p := pages[id]
		first := all[:min(2, len(all))]
		if diff := cmp.Diff(first, nonNil(ids(p.Events))); diff != "" {
			t.Errorf("first page of %s (-want +got):\n%s", id, diff)
		}
		if p.TotalCount != len(all) || p.HasNextPage != (len(all) > 2) {
			t.Errorf("%s: TotalCount %d, HasNextPage %v; want %d, %v", id, p.TotalCount, p.HasNextPage, len(all), len(all) > 2)
		}
		// The same as a list involving the entity, page after page.
		if diff := cmp.Diff(all, nonNil(allPages(t, s, graph.EventFilter{Involving: []string{id}}, "", 2))); diff != "" {
			t.Errorf("events involving %s (-want +got):\n%s", id, diff)
		}
	}
	// A filter and a later page apply to every entity.
	pages, err = s.EventsInvolving(ctx, []string{"country:AZE", "country:ARM"},
		graph.EventFilter{QuadClasses: []int{4}}, graph.PageRequest{First: 1, After: pages["country:AZE"].Cursors[0]})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(pages["country:ARM"].Events); !slices.Equal(got, []string{idSanction}) || pages["country:ARM"].TotalCount != 2 {
		t.Errorf("ARM, material conflict, after the anniversary: %v of %d; want [%s] of 2", got, pages["country:ARM"].TotalCount, idSanction)
	}
}

func TestEntityList(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	names := func(p graph.EntityPage) []string {
		out := []string{}
		for _, e := range p.Entities {
			out = append(out, e.Name)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		filter graph.EntityFilter
		want   []string
	}{
		{"countries", graph.EntityFilter{Type: "Country"}, []string{"Armenia", "Azerbaijan", "Russia"}},
		{"a country by code", graph.EntityFilter{Type: "Country", Countries: []string{"rus"}}, []string{"Russia"}},
		{"people", graph.EntityFilter{Type: "Person"}, []string{"Elmar Mammadyarov", "Igor Popov", "Sergey Lavrov"}},
		{"people of a country", graph.EntityFilter{Type: "Person", Countries: []string{"RUS"}}, []string{"Igor Popov", "Sergey Lavrov"}},
		{"officials of an organization", graph.EntityFilter{Type: "Person", Organizations: []string{"org:osce-minsk-group"}}, []string{"Igor Popov"}},
		{"people by alias", graph.EntityFilter{Type: "Person", Text: "lavrov"}, []string{"Sergey Lavrov"}},
		{"organizations", graph.EntityFilter{Type: "Organization"}, []string{"OSCE Minsk Group"}},
		{"places", graph.EntityFilter{Type: "Place"}, []string{"Baku"}},
		{"regions", graph.EntityFilter{Type: "Region", Text: "Karabakh"}, []string{"Nagorno-Karabakh"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.EntityList(ctx, tc.filter, graph.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, names(p)); diff != "" {
				t.Errorf("EntityList(%+v) (-want +got):\n%s", tc.filter, diff)
			}
			if p.TotalCount != len(tc.want) || p.HasNextPage {
				t.Errorf("TotalCount %d, HasNextPage %v", p.TotalCount, p.HasNextPage)
			}
		})
	}
	var got []string
	after := ""
	for {
		p, err := s.EntityList(ctx, graph.EntityFilter{Type: "Country"}, graph.PageRequest{First: 1, After: after})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, names(p)...)
		if !p.HasNextPage {
			break
		}
		after = p.Cursors[0]
	}
	if diff := cmp.Diff([]string{"Armenia", "Azerbaijan", "Russia"}, got); diff != "" {
		t.Errorf("countries one by one (-want +got):\n%s", diff)
	}
	if _, err := s.EntityList(ctx, graph.EntityFilter{Type: "Visit"}, graph.PageRequest{}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("EntityList of events: got %v, want graph.ErrInvalid", err)
	}
}

func TestArticles(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	const trend = "trend-2017-11-16-russia-azerbaijan"
	articleIDs := func(as []graph.Article) []string {
		out := []string{}
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		filter graph.ArticleFilter
		want   []string
	}{
		{"all, newest first", graph.ArticleFilter{}, []string{artXinhua, artReuters, trend}},
		{"source", graph.ArticleFilter{Sources: []string{"xinhua"}}, []string{artXinhua}},
		{"published from", graph.ArticleFilter{From: day("2018-03-05")}, []string{artXinhua, artReuters}},
		{"published to", graph.ArticleFilter{To: day("2018-03-04")}, []string{trend}},
		{"title", graph.ArticleFilter{Text: "Baku"}, []string{artReuters, trend}},
		{"mentioning", graph.ArticleFilter{Mentions: []string{"person:igor-popov"}}, []string{artXinhua, artReuters}},
		{"mentioning all", graph.ArticleFilter{Mentions: []string{"person:igor-popov", "person:sergey-lavrov"}}, []string{artReuters}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			after := ""
			for {
				p, err := s.Articles(ctx, tc.filter, graph.PageRequest{First: 1, After: after})
				if err != nil {
					t.Fatal(err)
				}
				if p.TotalCount != len(tc.want) {
					t.Errorf("TotalCount %d, want %d", p.TotalCount, len(tc.want))
				}
				got = append(got, articleIDs(p.Articles)...)
				if !p.HasNextPage {
					break
				}
				after = p.Cursors[0]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Articles(%+v) (-want +got):\n%s", tc.filter, diff)
			}
		})
	}

	pages, err := s.ArticlesMentioning(ctx, []string{"country:ARM", "place:baku", "person:nobody"}, graph.ArticleFilter{}, graph.PageRequest{First: 1})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]struct {
		first []string
		total int
	}{
		"country:ARM":   {[]string{artXinhua}, 2},
		"place:baku":    {[]string{artReuters}, 2},
		"person:nobody": {[]string{}, 0},
	} {
		if got := articleIDs(pages[id].Articles); !slices.Equal(got, want.first) || pages[id].TotalCount != want.total {
			t.Errorf("articles mentioning %s: %v of %d; want %v of %d", id, got, pages[id].TotalCount, want.first, want.total)
		}
	}

	byID, err := s.ArticlesByIDs(ctx, []string{artXinhua, "nope", artXinhua})
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != 1 || byID[artXinhua].Text != xinhuaText || byID[artXinhua].Source != "Xinhua" {
		t.Errorf("ArticlesByIDs = %+v", byID)
	}
}

func TestEntityAndArticleLoaders(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	rels, err := s.RelationsOf(ctx, []string{"person:igor-popov", "country:AZE", "person:nobody"})
	if err != nil {
		t.Fatal(err)
	}
	start, end := at(t, reutersText, "Azerbaijan’s Foreign Minister Elmar Mammadyarov", 0)
	wantRels := map[string][]graph.Relation{
		"person:igor-popov": {{Source: "person:igor-popov", Target: "org:osce-minsk-group", Type: "OFFICIAL_OF", Role: "co-chair",
			Evidence: []graph.Evidence{evidence(t, artReuters, reutersText, "the OSCE Minsk Group co-chair Igor Popov")}}},
		"country:AZE": {
			{Source: "place:baku", Target: "country:AZE", Type: "LOCATED_IN"},
			{Source: "region:nagorno-karabakh", Target: "country:AZE", Type: "LOCATED_IN"},
			{Source: "person:elmar-mammadyarov", Target: "country:AZE", Type: "OFFICIAL_OF", Role: "Foreign Minister",
				Evidence: []graph.Evidence{{ArticleID: artReuters, Start: start, End: end}}},
			{Source: "country:RUS", Target: "country:AZE", Type: "STRATEGIC_PARTNER", Date: "2017-11-16",
				Evidence: []graph.Evidence{evidence(t, "trend-2017-11-16-russia-azerbaijan", seedText, "our strategic partnership with Azerbaijan")}},
		},
	}
	if diff := cmp.Diff(wantRels, rels); diff != "" {
		t.Errorf("RelationsOf (-want +got):\n%s", diff)
	}

	events, err := s.EventsReportedIn(ctx, []string{artReuters, "nope"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string][]string{artReuters: {idVisit, idMediation, idMinskMeeting, idAccusation}},
		map[string][]string{artReuters: ids(events[artReuters])}); diff != "" || len(events) != 1 {
		t.Errorf("EventsReportedIn (-want +got):\n%s", diff)
	}
	if events[artReuters][0].Reports != 2 {
		t.Errorf("Reports of the visit = %d, want 2", events[artReuters][0].Reports)
	}

	mentioned, err := s.EntitiesMentionedIn(ctx, []string{artXinhua})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range mentioned[artXinhua] {
		got = append(got, e.ID)
	}
	// Armenia twice, the others once, by id.
	want := []string{"country:ARM", "country:AZE", "country:RUS", "org:osce-minsk-group", "person:igor-popov", "region:nagorno-karabakh"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EntitiesMentionedIn (-want +got):\n%s", diff)
	}

	byID, err := s.EventsByIDs(ctx, []string{idVisit, "event:nope"})
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != 1 || byID[idVisit].Reports != 2 || byID[idVisit].Modality != "asserted" {
		t.Errorf("EventsByIDs = %+v; want the visit, asserted by its latest report, with 2 reports", byID)
	}
}

func TestDyad(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	d, err := s.Dyad(ctx, graph.DyadQuery{A: "country:AZE", B: "country:RUS", Interval: graph.IntervalYear})
	if err != nil {
		t.Fatal(err)
	}
	year := func(y int) (time.Time, time.Time) {
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	period := func(key string, y int, tally graph.Tally) graph.Period {
		start, end := year(y)
		return graph.Period{Key: key, Start: start, End: end, Tally: tally}
	}
	none := []graph.QuadClassCount{}
	want := graph.Dyad{
		Query: graph.DyadQuery{A: "country:AZE", B: "country:RUS", Interval: graph.IntervalYear},
		A:     "country:AZE", B: "country:RUS",
		// The visit (1.9), the meeting (coded 043, no Goldstein value) and
		// the agreement (8) have CAMEO codes.
		Total: graph.Tally{Events: 5, Coded: 3, Goldstein: (1.9 + 0 + 8) / 3,
			ByType: []graph.Count{{Key: "Meeting", Count: 2}, {Key: "Agreement", Count: 1},
				{Key: "Anniversary", Count: 1}, {Key: "Visit", Count: 1}},
			QuadClasses: []graph.QuadClassCount{{QuadClass: 1, Count: 2}}},
		Periods: []graph.Period{
			period("1992", 1992, graph.Tally{Events: 1, ByType: []graph.Count{{Key: "Anniversary", Count: 1}}, QuadClasses: none}),
			period("2017", 2017, graph.Tally{Events: 2, Coded: 2, Goldstein: 0.95,
				ByType:      []graph.Count{{Key: "Meeting", Count: 1}, {Key: "Visit", Count: 1}},
				QuadClasses: []graph.QuadClassCount{{QuadClass: 1, Count: 1}}}),
			period("2018", 2018, graph.Tally{Events: 1, ByType: []graph.Count{{Key: "Meeting", Count: 1}}, QuadClasses: none}),
			period("2019", 2019, graph.Tally{Events: 1, Coded: 1, Goldstein: 8,
				ByType:      []graph.Count{{Key: "Agreement", Count: 1}},
				QuadClasses: []graph.QuadClassCount{{QuadClass: 1, Count: 1}}}),
		},
	}
	approx := cmp.Comparer(func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 })
	if diff := cmp.Diff(want, d, approx); diff != "" {
		t.Errorf("Dyad (-want +got):\n%s", diff)
	}

	d, err = s.Dyad(ctx, graph.DyadQuery{A: "country:ARM", B: "country:AZE", Interval: graph.IntervalQuarter,
		Filter: graph.EventFilter{From: day("2018-01-01")}})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range d.Periods {
		keys = append(keys, p.Key)
	}
	if diff := cmp.Diff([]string{"2018-Q1", "2019-Q2"}, keys); diff != "" {
		t.Errorf("quarters of ARM-AZE since 2018 (-want +got):\n%s", diff)
	}
	if q := d.Periods[1]; q.Start != time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC) || q.End != time.Date(2019, 6, 30, 0, 0, 0, 0, time.UTC) ||
		q.Events != 2 || !cmp.Equal(q.QuadClasses, []graph.QuadClassCount{{QuadClass: 4, Count: 2}}) || q.Goldstein != -9 {
		t.Errorf("2019-Q2 = %+v", q)
	}
	if d.Total.Events != 4 {
		t.Errorf("ARM-AZE since 2018: %d events, want 4", d.Total.Events)
	}

	if _, err := s.Dyad(ctx, graph.DyadQuery{A: "country:AZE", B: "country:XXX", Interval: graph.IntervalYear}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Dyad with a missing end: got %v, want graph.ErrNotFound", err)
	}
	if _, err := s.Dyad(ctx, graph.DyadQuery{A: "country:AZE", B: "country:RUS", Interval: "week"}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Dyad by week: got %v, want graph.ErrInvalid", err)
	}
}

func TestPartners(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	partnerIDs := func(ps []graph.Partner) []string {
		out := []string{}
		for _, p := range ps {
			out = append(out, p.EntityID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		q    graph.PartnerQuery
		want []string
	}{
		// Baku and Karabakh are Azerbaijan's own; Lavrov and Popov count
		// for Russia.
		{"countries met most", graph.PartnerQuery{Entity: "country:AZE", ByCountry: true, Types: []string{"Country"}},
			[]string{"country:RUS", "country:ARM"}},
		{"most cooperative", graph.PartnerQuery{Entity: "country:AZE", ByCountry: true, Types: []string{"Country"}, Order: graph.PartnersByCooperation},
			[]string{"country:RUS", "country:ARM"}},
		{"most conflictual", graph.PartnerQuery{Entity: "country:AZE", ByCountry: true, Types: []string{"Country"}, Order: graph.PartnersByConflict},
			[]string{"country:ARM", "country:RUS"}},
		{"most recent", graph.PartnerQuery{Entity: "country:AZE", ByCountry: true, Types: []string{"Country"}, Order: graph.PartnersByRecent},
			[]string{"country:ARM", "country:RUS"}},
		{"any partner", graph.PartnerQuery{Entity: "country:AZE"},
			[]string{"country:ARM", "country:RUS", "org:osce-minsk-group", "person:igor-popov", "person:sergey-lavrov"}},
		{"in 2019", graph.PartnerQuery{Entity: "country:AZE", Filter: graph.EventFilter{From: day("2019-01-01"), To: day("2019-12-31")}},
			[]string{"country:ARM", "country:RUS"}},
		{"first", graph.PartnerQuery{Entity: "country:AZE", First: 1}, []string{"country:ARM"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := s.Partners(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, partnerIDs(ps)); diff != "" {
				t.Errorf("Partners(%+v) (-want +got):\n%s", tc.q, diff)
			}
		})
	}
	ps, err := s.Partners(ctx, graph.PartnerQuery{Entity: "country:AZE", ByCountry: true, Types: []string{"Country"}})
	if err != nil {
		t.Fatal(err)
	}
	wantRUS := graph.Partner{EntityID: "country:RUS",
		First: time.Date(1992, 1, 1, 0, 0, 0, 0, time.UTC), Last: time.Date(2019, 1, 15, 0, 0, 0, 0, time.UTC),
		Tally: graph.Tally{Events: 5, Coded: 3, Goldstein: (1.9 + 8) / 3,
			ByType: []graph.Count{{Key: "Meeting", Count: 2}, {Key: "Agreement", Count: 1},
				{Key: "Anniversary", Count: 1}, {Key: "Visit", Count: 1}},
			QuadClasses: []graph.QuadClassCount{{QuadClass: 1, Count: 2}}}}
	approx := cmp.Comparer(func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 })
	if diff := cmp.Diff(wantRUS, ps[0], approx); diff != "" {
		t.Errorf("Russia as Azerbaijan's partner (-want +got):\n%s", diff)
	}
	if _, err := s.Partners(ctx, graph.PartnerQuery{Entity: "country:XXX"}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Partners of a missing entity: got %v, want graph.ErrNotFound", err)
	}
	if _, err := s.Partners(ctx, graph.PartnerQuery{Entity: "country:AZE", Order: "size"}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Partners in an unknown order: got %v, want graph.ErrInvalid", err)
	}
}

func TestSubgraph(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	nodeIDs := func(g graph.Subgraph) []string {
		out := []string{}
		for _, n := range g.Nodes {
			out = append(out, n.ID)
		}
		slices.Sort(out)
		return out
	}
	g, err := s.Subgraph(ctx, graph.SubgraphQuery{Center: "country:AZE", Depth: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"country:ARM", "country:AZE", "country:RUS", idAgreement, idAnniversary, idVisit, idMeeting,
		idMediation, idShelling, idSanction, "org:osce-minsk-group", "person:sergey-lavrov", "place:baku", "region:nagorno-karabakh"}
	slices.Sort(want)
	if diff := cmp.Diff(want, nodeIDs(g)); diff != "" || g.Truncated {
		t.Errorf("depth 1 around AZE, truncated %v (-want +got):\n%s", g.Truncated, diff)
	}
	var rels []string
	for _, e := range g.Edges {
		if !slices.Contains(want, e.Source) || !slices.Contains(want, e.Target) {
			t.Errorf("edge %+v leaves the subgraph", e)
		}
		if e.Source[:6] != "event:" {
			rels = append(rels, e.Source+" "+e.Type+" "+e.Target)
		}
	}
	if diff := cmp.Diff([]string{
		"country:RUS STRATEGIC_PARTNER country:AZE", "person:sergey-lavrov OFFICIAL_OF country:RUS",
		"place:baku LOCATED_IN country:AZE", "region:nagorno-karabakh LOCATED_IN country:AZE",
	}, rels); diff != "" {
		t.Errorf("relation edges (-want +got):\n%s", diff)
	}

	g, err = s.Subgraph(ctx, graph.SubgraphQuery{Center: "country:AZE", Depth: 1, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !g.Truncated || !slices.Contains(nodeIDs(g), idShelling) || !slices.Contains(nodeIDs(g), idSanction) || len(g.Nodes) != 5 {
		t.Errorf("two latest events around AZE: truncated %v, nodes %v", g.Truncated, nodeIDs(g))
	}

	g, err = s.Subgraph(ctx, graph.SubgraphQuery{Center: "person:igor-popov", Depth: 2, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"person:igor-popov", idMinskMeeting, "person:elmar-mammadyarov", "place:baku",
		idAccusation, idPhoneCall, idVisit, "country:ARM", "person:sergey-lavrov", "country:AZE"}
	slices.Sort(want)
	if diff := cmp.Diff(want, nodeIDs(g)); diff != "" {
		t.Errorf("depth 2 around Popov (-want +got):\n%s", diff)
	}

	g, err = s.Subgraph(ctx, graph.SubgraphQuery{Center: "country:AZE", Depth: 1, Limit: 100,
		Filter: graph.EventFilter{QuadClasses: []int{4}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := nodeIDs(g); len(got) != 5 { // AZE, two events, ARM, Karabakh
		t.Errorf("material conflict around AZE: %v", got)
	}

	if _, err := s.Subgraph(ctx, graph.SubgraphQuery{Center: "country:XXX", Depth: 1, Limit: 10}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Subgraph of a missing center: got %v, want graph.ErrNotFound", err)
	}
	for _, q := range []graph.SubgraphQuery{{Center: "country:AZE", Depth: 0, Limit: 10}, {Center: "country:AZE", Depth: 4, Limit: 10},
		{Center: "country:AZE", Depth: 1, Limit: graph.MaxSubgraphEvents + 1}} {
		if _, err := s.Subgraph(ctx, q); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Subgraph(%+v): got %v, want graph.ErrInvalid", q, err)
		}
	}
}

func TestPaths(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	paths, err := s.Paths(ctx, "person:elmar-mammadyarov", "person:sergey-lavrov", 2, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, p := range paths {
		var steps []string
		for i, n := range p.Nodes {
			steps = append(steps, n.ID)
			if i < len(p.Edges) {
				steps = append(steps, p.Edges[i].Type)
			}
		}
		got = append(got, steps)
	}
	// Both go through Azerbaijan, whose Foreign Minister Mammadyarov is:
	// to Russia, its strategic partner, whose minister Lavrov is; or to the
	// visit Azerbaijan hosted.
	want := [][]string{
		{"person:elmar-mammadyarov", "OFFICIAL_OF", "country:AZE", "STRATEGIC_PARTNER", "country:RUS", "OFFICIAL_OF", "person:sergey-lavrov"},
		{"person:elmar-mammadyarov", "OFFICIAL_OF", "country:AZE", "host", idVisit, "visitor", "person:sergey-lavrov"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Paths (-want +got):\n%s", diff)
	}
	if e := paths[1].Edges[1]; e.Source != idVisit || e.Target != "country:AZE" {
		t.Errorf("edge %+v: want it as stored, from the visit to AZE", e)
	}
	paths, err = s.Paths(ctx, "person:elmar-mammadyarov", "person:sergey-lavrov", 1, 10)
	if err != nil || len(paths) != 0 {
		t.Errorf("paths of one step: %v, %v; want none", paths, err)
	}
	if _, err := s.Paths(ctx, "person:elmar-mammadyarov", "person:nobody", 2, 10); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Paths to a missing entity: got %v, want graph.ErrNotFound", err)
	}
	if _, err := s.Paths(ctx, "country:AZE", "country:RUS", graph.MaxPathHops+1, 10); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Paths too long: got %v, want graph.ErrInvalid", err)
	}
}

func TestSearch(t *testing.T) {
	s := mustOpenFixture(t)
	ctx := context.Background()
	hits, err := s.Search(ctx, "Lavrov", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Type+" "+h.ID)
	}
	if len(hits) == 0 || hits[0].ID != "person:sergey-lavrov" || hits[0].Name != "Sergey Lavrov" {
		t.Fatalf("search Lavrov: %v; want the person first", got)
	}
	slices.Sort(got)
	want := []string{"Article trend-2017-11-16-russia-azerbaijan", "Person person:sergey-lavrov",
		"PhoneCall " + idPhoneCall, "Statement " + idStatement, "Visit " + idVisit}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("search Lavrov (-want +got):\n%s", diff)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not ranked: %+v before %+v", hits[i-1], hits[i])
		}
	}
	hits, err = s.Search(ctx, "minsk gr", 1)
	if err != nil || len(hits) != 1 || hits[0].ID != "org:osce-minsk-group" {
		t.Errorf("search minsk gr, first 1: %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, `"(`, 10); err != nil || len(hits) != 0 {
		t.Errorf("search of no words: %+v, %v; want nothing", hits, err)
	}
}

func TestStats(t *testing.T) {
	s := mustOpenFixture(t)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Stats{
		Articles: 3,
		Entities: []graph.Count{{Key: "Country", Count: 3}, {Key: "Organization", Count: 1}, {Key: "Person", Count: 3}, {Key: "Place", Count: 1}, {Key: "Region", Count: 1}},
		Events: []graph.Count{{Key: "Accusation", Count: 1}, {Key: "Agreement", Count: 1}, {Key: "Anniversary", Count: 1}, {Key: "Mediation", Count: 1}, {Key: "Meeting", Count: 2},
			{Key: "MilitaryAction", Count: 1}, {Key: "PhoneCall", Count: 1}, {Key: "Sanction", Count: 1}, {Key: "Statement", Count: 1}, {Key: "Visit", Count: 1}},
		EventYears: []graph.Count{{Key: "1992", Count: 1}, {Key: "2017", Count: 4}, {Key: "2018", Count: 3}, {Key: "2019", Count: 3}},
		Relations:  []graph.Count{{Key: "LOCATED_IN", Count: 2}, {Key: "OFFICIAL_OF", Count: 3}, {Key: "STRATEGIC_PARTNER", Count: 1}},
	}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

// TestUndatedEvents adds two events without a date (their article had no
// publication date): they end both date orders, page like the others,
// count in a dyad's total but in no period, begin in no year, and a
// filter can keep or drop them.
func TestUndatedEvents(t *testing.T) {
	s := mustOpenFixture(t)
	const text = "Azerbaijan and Russia met. Armenia protested."
	b := graph.Batch{
		Article: graph.Article{ID: "undated", Title: "No date", Text: text},
		Entities: []graph.Entity{
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"},
			{ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS"},
			{ID: "country:ARM", Type: "Country", Name: "Armenia", ISO3: "ARM"},
		},
		Events: []graph.Event{
			{ID: "event:undated-meeting", Type: "Meeting", Label: "Azerbaijan and Russia meet", Precision: "unknown",
				Modality: "asserted", Confidence: 0.4,
				Participants: []graph.Participant{{Role: "party", EntityID: "country:AZE"}, {Role: "party", EntityID: "country:RUS"}},
				Evidence:     []graph.Evidence{{ArticleID: "undated", Start: 0, End: 26}}},
			{ID: "event:undated-protest", Type: "Protest", Label: "Armenia protests", Precision: "unknown", Modality: "asserted",
				Participants: []graph.Participant{{Role: "actor", EntityID: "country:ARM"}},
				Evidence:     []graph.Evidence{{ArticleID: "undated", Start: 27, End: len(text)}}},
		},
	}
	mustIngest(t, s, b)
	undated := []string{"event:undated-meeting", "event:undated-protest"}
	for _, tc := range []struct {
		order string
		want  []string
	}{
		{graph.OrderDate, append(slices.Clone(fixtureByDate), undated...)},
		{graph.OrderDateDesc, append([]string{idShelling, idSanction, idAgreement, idAccusation, idMinskMeeting,
			idMediation, idVisit, idMeeting, idStatement, idPhoneCall, idAnniversary}, undated...)},
	} {
		for _, size := range []int{1, 4, 100} {
			if diff := cmp.Diff(tc.want, allPages(t, s, graph.EventFilter{}, tc.order, size)); diff != "" {
				t.Errorf("order %s, pages of %d (-want +got):\n%s", tc.order, size, diff)
			}
		}
	}
	yes, no := true, false
	if diff := cmp.Diff(fixtureByDate, allPages(t, s, graph.EventFilter{Dated: &yes}, "", 5)); diff != "" {
		t.Errorf("dated events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(undated, allPages(t, s, graph.EventFilter{Dated: &no}, graph.OrderDateDesc, 1)); diff != "" {
		t.Errorf("undated events (-want +got):\n%s", diff)
	}
	// Anchored on a country, the computed key puts them last too.
	want := []string{idAnniversary, idVisit, idMeeting, idMinskMeeting, idAgreement, "event:undated-meeting"}
	if diff := cmp.Diff(want, allPages(t, s, graph.EventFilter{Involving: []string{"country:AZE", "country:RUS"}}, "", 2)); diff != "" {
		t.Errorf("AZE-RUS events (-want +got):\n%s", diff)
	}
	d, err := s.Dyad(context.Background(), graph.DyadQuery{A: "country:AZE", B: "country:RUS", Interval: graph.IntervalYear})
	if err != nil {
		t.Fatal(err)
	}
	inPeriods := 0
	for _, p := range d.Periods {
		inPeriods += p.Events
	}
	if d.Total.Events != 6 || inPeriods != 5 {
		t.Errorf("dyad AZE-RUS: %d events, %d in periods; want 6 and 5", d.Total.Events, inPeriods)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for _, y := range st.EventYears {
		years += y.Count
		if y.Key == "" {
			t.Errorf("a year without a key: %+v", st.EventYears)
		}
	}
	if years != len(fixtureByDate) {
		t.Errorf("%d events by year, want the %d dated ones", years, len(fixtureByDate))
	}
	g, err := s.Subgraph(context.Background(), graph.SubgraphQuery{Center: "country:ARM", Depth: 1, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Nodes {
		if n.ID == "event:undated-protest" {
			t.Errorf("the undated protest is among ARM's two latest events")
		}
	}
}
