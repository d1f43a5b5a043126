package export

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// fakeSource is a Source over a few values, paging as the store does:
// events in date order (undated last), entities and articles by id. It
// honours Types of the filter only.
type fakeSource struct {
	events    []graph.Event // with Participants and Evidence
	entities  []graph.Entity
	articles  []graph.Article
	relations []graph.Relation
	mentions  []graph.Mention // by article, entity, start
}

func (s *fakeSource) selected(f graph.EventFilter) []graph.Event {
	var out []graph.Event
	for _, ev := range s.events {
		if len(f.Types) == 0 || slices.Contains(f.Types, ev.Type) {
			out = append(out, ev)
		}
	}
	slices.SortStableFunc(out, func(a, b graph.Event) int {
		switch {
		case a.From.IsZero() != b.From.IsZero():
			if a.From.IsZero() {
				return 1
			}
			return -1
		case !a.From.Equal(b.From):
			return a.From.Compare(b.From)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func (s *fakeSource) SelectionEvents(_ context.Context, f graph.EventFilter, after string, size int) (graph.EventPage, error) {
	evs := s.selected(f)
	start := 0
	if after != "" {
		c, err := graph.DecodeCursor(after)
		if err != nil {
			return graph.EventPage{}, err
		}
		start, _ = strconv.Atoi(c.Key)
		start++
	}
	var out graph.EventPage
	for i := start; i < len(evs) && len(out.Events) < size; i++ {
		ev := evs[i]
		ev.Participants, ev.Evidence = nil, nil
		out.Events = append(out.Events, ev)
		out.Cursors = append(out.Cursors, graph.Cursor{Key: strconv.Itoa(i), ID: ev.ID}.Encode())
	}
	out.HasNextPage = start+len(out.Events) < len(evs)
	return out, nil
}

func (s *fakeSource) byID(id string) (graph.Event, bool) {
	i := slices.IndexFunc(s.events, func(ev graph.Event) bool { return ev.ID == id })
	if i < 0 {
		return graph.Event{}, false
	}
	return s.events[i], true
}

func (s *fakeSource) Participants(_ context.Context, ids []string) (map[string][]graph.Participant, error) {
	out := map[string][]graph.Participant{}
	for _, id := range ids {
		if ev, ok := s.byID(id); ok && len(ev.Participants) > 0 {
			out[id] = ev.Participants
		}
	}
	return out, nil
}

func (s *fakeSource) EvidenceFor(_ context.Context, ids []string) (map[string][]graph.Evidence, error) {
	out := map[string][]graph.Evidence{}
	for _, id := range ids {
		if ev, ok := s.byID(id); ok && len(ev.Evidence) > 0 {
			out[id] = ev.Evidence
		}
	}
	return out, nil
}

func (s *fakeSource) Entities(_ context.Context, ids []string) (map[string]graph.Entity, error) {
	out := map[string]graph.Entity{}
	for _, e := range s.entities {
		if slices.Contains(ids, e.ID) {
			out[e.ID] = e
		}
	}
	return out, nil
}

func (s *fakeSource) ArticlesByIDs(_ context.Context, ids []string) (map[string]graph.Article, error) {
	out := map[string]graph.Article{}
	for _, a := range s.articles {
		if slices.Contains(ids, a.ID) {
			out[a.ID] = a
		}
	}
	return out, nil
}

// taking returns the ids of the entities taking part in the selected
// events and of the articles reporting them.
func (s *fakeSource) taking(f graph.EventFilter) (entities, articles map[string]bool) {
	entities, articles = map[string]bool{}, map[string]bool{}
	for _, ev := range s.selected(f) {
		for _, p := range ev.Participants {
			entities[p.EntityID] = true
		}
		for _, e := range ev.Evidence {
			articles[e.ArticleID] = true
		}
	}
	return entities, articles
}

func (s *fakeSource) SelectionEntities(_ context.Context, f graph.EventFilter, after string, limit int) ([]graph.Entity, error) {
	in, _ := s.taking(f)
	var out []graph.Entity
	for _, e := range s.entities { // sorted by id
		if e.ID > after && in[e.ID] && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *fakeSource) SelectionArticles(_ context.Context, f graph.EventFilter, after string, limit int) ([]graph.Article, error) {
	_, in := s.taking(f)
	var out []graph.Article
	for _, a := range s.articles {
		if a.ID > after && in[a.ID] && len(out) < limit {
			a.Text = ""
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *fakeSource) SelectionRelations(_ context.Context, f graph.EventFilter, ids []string) ([]graph.Relation, error) {
	in, _ := s.taking(f)
	var out []graph.Relation
	for _, r := range s.relations {
		if slices.Contains(ids, r.Source) && in[r.Target] {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *fakeSource) SelectionMentions(_ context.Context, f graph.EventFilter, ids []string) ([]graph.Mention, error) {
	in, _ := s.taking(f)
	var out []graph.Mention
	for _, m := range s.mentions {
		if slices.Contains(ids, m.ArticleID) && in[m.EntityID] {
			out = append(out, m)
		}
	}
	return out, nil
}

func mention(entity, sub string, n int) graph.Mention {
	e := ev(sub)
	if n > 0 {
		e.End = e.Start + n
	}
	return graph.Mention{EntityID: entity, ArticleID: e.ArticleID, Start: e.Start, End: e.End}
}

// seedText has curly quotes, commas and semicolons, which formats escape.
const seedText = "MOSCOW, November 16. Russia’s Foreign Minister Sergey Lavrov will visit Baku " +
	"on November 20–21, the ministry said; “We value our strategic partnership with " +
	"Azerbaijan,” Lavrov said on Thursday. The two sides will also meet in Baku. " +
	"Lavrov spoke by phone from Baku earlier in November. Azerbaijan and Russia " +
	"established diplomatic relations in 1992."

const seedArticle = "trend-2017-11-16-russia-azerbaijan"

func ev(sub string) graph.Evidence {
	i := strings.Index(seedText, sub)
	if i < 0 {
		panic(sub)
	}
	return graph.Evidence{ArticleID: seedArticle, Start: i, End: i + len(sub), Text: sub}
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// seedSource is the seed article's graph: two countries, a person, a
// place, six events (one undated) and two relations.
func seedSource() *fakeSource {
	return &fakeSource{
		articles: []graph.Article{{ID: seedArticle, Title: "Lavrov to visit Baku", Published: "2017-11-16T11:54:00+04:00",
			Source: "Trend", Section: "Politics", Dateline: "MOSCOW", URL: "https://example.org/trend/lavrov-baku?a=1&b=2", Text: seedText}},
		entities: []graph.Entity{
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE", ISO2: "AZ"},
			{ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS", ISO2: "RU", Aliases: []string{"Russian Federation"}},
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS", Title: "Foreign Minister",
				Aliases: []string{"FM Sergey Lavrov", "Lavrov"}},
			{ID: "place:baku", Type: "Place", Name: "Baku", Country: "AZE"},
		},
		events: []graph.Event{
			{ID: "event:visit-2017-11-20", Type: "Visit", Label: "Lavrov visits Baku", Date: "2017-11-20", End: "2017-11-21",
				From: date("2017-11-20"), To: date("2017-11-21"), Precision: "day", Modality: "planned", Subtype: "official",
				CAMEO: "042", CAMEORoot: "04", QuadClass: 1, Goldstein: 1.9, Confidence: 0.9, Attribution: "narrative", Reports: 1,
				Participants: []graph.Participant{{Role: "destination", EntityID: "place:baku"},
					{Role: "host", EntityID: "country:AZE"}, {Role: "visitor", EntityID: "person:sergey-lavrov"}},
				Evidence: []graph.Evidence{ev("Russia’s Foreign Minister Sergey Lavrov will visit Baku on November 20–21, the ministry said; “We value our strategic partnership with Azerbaijan,” Lavrov said on Thursday.")}},
			{ID: "event:meeting-2017-11-20", Type: "Meeting", Label: "Azerbaijan and Russia meet", Date: "2017-11-20",
				From: date("2017-11-20"), To: date("2017-11-20"), Precision: "day", Modality: "planned", CAMEO: "043", CAMEORoot: "04",
				QuadClass: 1, Goldstein: 2.8, Reports: 1,
				Participants: []graph.Participant{{Role: "party", EntityID: "country:AZE"}, {Role: "party", EntityID: "country:RUS"}},
				Evidence:     []graph.Evidence{ev("Sergey Lavrov will visit Baku"), ev("The two sides will also meet in Baku.")}},
			{ID: "event:statement-2017-11-16", Type: "Statement", Label: "Lavrov on the partnership", Date: "2017-11-16",
				From: date("2017-11-16"), To: date("2017-11-16"), Precision: "day", Modality: "asserted", CAMEO: "010", CAMEORoot: "01",
				QuadClass: 1, Attribution: "person:sergey-lavrov", Reports: 1,
				Participants: []graph.Participant{{Role: "speaker", EntityID: "person:sergey-lavrov"}, {Role: "target", EntityID: "country:AZE"}},
				Evidence:     []graph.Evidence{ev("“We value our strategic partnership with Azerbaijan,”")}},
			{ID: "event:phonecall-2017-11", Type: "PhoneCall", Label: "Lavrov phone call", Date: "2017-11",
				From: date("2017-11-01"), To: date("2017-11-30"), Precision: "month", Modality: "asserted", Reports: 1,
				Participants: []graph.Participant{{Role: "caller", EntityID: "person:sergey-lavrov"}, {Role: "location", EntityID: "place:baku"}},
				Evidence:     []graph.Evidence{ev("Lavrov spoke by phone from Baku earlier in November.")}},
			{ID: "event:anniversary-1992", Type: "Anniversary", Label: "diplomatic relations", Date: "1992",
				From: date("1992-01-01"), To: date("1992-12-31"), Precision: "year", Modality: "historical", Ordinal: 25, Reports: 1,
				Participants: []graph.Participant{{Role: "party", EntityID: "country:AZE"}, {Role: "party", EntityID: "country:RUS"}},
				Evidence:     []graph.Evidence{ev("Azerbaijan and Russia established diplomatic relations in 1992.")}},
			{ID: "event:conflict-undated", Type: "Conflict", Label: "a conflict of no known date", Precision: "unknown",
				Modality: "asserted", Reports: 1,
				Participants: []graph.Participant{{Role: "party", EntityID: "country:AZE"}},
				Evidence:     []graph.Evidence{ev("The two sides will also meet in Baku.")}},
		},
		relations: []graph.Relation{
			{Source: "country:RUS", Target: "country:AZE", Type: "STRATEGIC_PARTNER", Date: "2017-11-16",
				Evidence: []graph.Evidence{ev("our strategic partnership with Azerbaijan")}},
			{Source: "person:sergey-lavrov", Target: "country:RUS", Type: "OFFICIAL_OF", Role: "Foreign Minister",
				Evidence: []graph.Evidence{ev("Russia’s Foreign Minister Sergey Lavrov")}},
		},
		mentions: []graph.Mention{
			mention("country:AZE", "Azerbaijan,”", len("Azerbaijan")),
			mention("country:RUS", "Russia’s", len("Russia")),
			mention("country:RUS", "Russia established", len("Russia")),
			mention("person:sergey-lavrov", "Sergey Lavrov", 0),
			mention("person:sergey-lavrov", "Lavrov said", len("Lavrov")),
			mention("place:baku", "Baku", 0),
		},
	}
}
