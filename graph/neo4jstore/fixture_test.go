package neo4jstore

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// seedText has curly quotes and an en dash before most spans, so byte and
// rune offsets differ.
const seedText = "MOSCOW, November 16. Russia’s Foreign Minister Sergey Lavrov will visit Baku " +
	"on November 20–21, the ministry said. “We value our strategic partnership with " +
	"Azerbaijan,” Lavrov said on Thursday. The two sides will also meet in Baku. " +
	"Lavrov spoke by phone from Baku earlier in November. Azerbaijan and Russia " +
	"established diplomatic relations in 1992."

// at returns the byte span of the first sub in text, or of its prefix of
// n bytes when n > 0.
func at(tb testing.TB, text, sub string, n int) (start, end int) {
	tb.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		tb.Fatalf("%q not in the text", sub)
	}
	if n > 0 {
		return i, i + n
	}
	return i, i + len(sub)
}

func evidence(tb testing.TB, article, text, sub string) graph.Evidence {
	s, e := at(tb, text, sub, 0)
	return graph.Evidence{ArticleID: article, Start: s, End: e}
}

func mention(tb testing.TB, entity, article, text, sub string, n int) graph.Mention {
	s, e := at(tb, text, sub, n)
	return graph.Mention{EntityID: entity, ArticleID: article, Start: s, End: e}
}

// event fills From and To as graph.FromExtract does.
func event(tb testing.TB, ev graph.Event) graph.Event {
	tb.Helper()
	from, to, err := graph.DateRange(ev.Date, ev.End)
	if err != nil {
		tb.Fatal(err)
	}
	ev.From, ev.To = from, to
	return ev
}

// Event ids of the seed batch. a-visit and b-meeting share their From, so
// pages must break the tie by id.
const (
	idAnniversary = "event:anniversary-1992"
	idPhoneCall   = "event:phonecall-2017-11"
	idStatement   = "event:statement-2017-11-16"
	idVisit       = "event:a-visit-2017-11-20"
	idMeeting     = "event:b-meeting-2017-11-20"
)

// seedBatch is one article's batch written by hand: two countries, a
// person, a place, five events with participants and evidence, two
// relations and mentions.
func seedBatch(tb testing.TB) graph.Batch {
	const art = "trend-2017-11-16-russia-azerbaijan"
	t := seedText
	return graph.Batch{
		Article: graph.Article{
			ID: art, Title: "Lavrov to visit Baku", Published: "2017-11-16T11:54:00+04:00",
			Source: "Trend", Section: "Politics", Author: "Jane Roe", Dateline: "MOSCOW",
			URL: "https://example.org/trend/lavrov-baku", Text: t,
		},
		Entities: []graph.Entity{
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE", ISO2: "AZ"},
			{ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS", ISO2: "RU",
				Aliases: []string{"Russian Federation"}},
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS",
				Title: "Foreign Minister", Aliases: []string{"Lavrov", "FM Sergey Lavrov"}},
			{ID: "place:baku", Type: "Place", Name: "Baku", Country: "AZE"},
		},
		Events: []graph.Event{
			event(tb, graph.Event{ID: idVisit, Type: "Visit", Label: "Lavrov visits Baku",
				Date: "2017-11-20", End: "2017-11-21", Precision: "day", Modality: "planned",
				Subtype: "official", CAMEO: "042", CAMEORoot: "04", QuadClass: 1, Goldstein: 1.9,
				Confidence: 0.9, Attribution: "narrative",
				Participants: []graph.Participant{
					{Role: "destination", EntityID: "place:baku"},
					{Role: "host", EntityID: "country:AZE"},
					{Role: "visitor", EntityID: "person:sergey-lavrov"},
				},
				Evidence: []graph.Evidence{evidence(tb, art, t, "Sergey Lavrov will visit Baku on November 20–21")}}),
			event(tb, graph.Event{ID: idMeeting, Type: "Meeting", Label: "Azerbaijan and Russia meet",
				Date: "2017-11-20", Precision: "day", Modality: "planned", CAMEO: "043", CAMEORoot: "04",
				Participants: []graph.Participant{
					{Role: "party", EntityID: "country:RUS"},
					{Role: "party", EntityID: "country:AZE"},
				},
				Evidence: []graph.Evidence{
					evidence(tb, art, t, "The two sides will also meet in Baku."),
					evidence(tb, art, t, "Sergey Lavrov will visit Baku"),
				}}),
			// From and To left zero: the store computes them from Date.
			{ID: idStatement, Type: "Statement", Label: "Lavrov on the partnership",
				Date: "2017-11-16", Precision: "day", Modality: "asserted", CAMEO: "010", CAMEORoot: "01",
				Attribution:  "person:sergey-lavrov",
				Participants: []graph.Participant{{Role: "speaker", EntityID: "person:sergey-lavrov"}},
				Evidence:     []graph.Evidence{evidence(tb, art, t, "“We value our strategic partnership with Azerbaijan,”")}},
			event(tb, graph.Event{ID: idPhoneCall, Type: "PhoneCall", Date: "2017-11", Precision: "month",
				Modality: "asserted", Label: "Lavrov phone call",
				Participants: []graph.Participant{
					{Role: "caller", EntityID: "person:sergey-lavrov"},
					{Role: "location", EntityID: "place:baku"},
				},
				Evidence: []graph.Evidence{evidence(tb, art, t, "Lavrov spoke by phone from Baku earlier in November.")}}),
			event(tb, graph.Event{ID: idAnniversary, Type: "Anniversary", Label: "diplomatic relations",
				Date: "1992", Precision: "year", Modality: "historical", Ordinal: 25,
				Participants: []graph.Participant{
					{Role: "party", EntityID: "country:AZE"},
					{Role: "party", EntityID: "country:RUS"},
				},
				Evidence: []graph.Evidence{evidence(tb, art, t, "Azerbaijan and Russia established diplomatic relations in 1992.")}}),
		},
		Relations: []graph.Relation{
			{Source: "person:sergey-lavrov", Target: "country:RUS", Type: "OFFICIAL_OF", Role: "Foreign Minister",
				Evidence: []graph.Evidence{evidence(tb, art, t, "Russia’s Foreign Minister Sergey Lavrov")}},
			{Source: "country:RUS", Target: "country:AZE", Type: "STRATEGIC_PARTNER", Date: "2017-11-16",
				Evidence: []graph.Evidence{evidence(tb, art, t, "our strategic partnership with Azerbaijan")}},
		},
		Mentions: []graph.Mention{
			mention(tb, "country:RUS", art, t, "Russia’s", len("Russia")),
			mention(tb, "country:RUS", art, t, "Russia established", len("Russia")),
			mention(tb, "country:AZE", art, t, "Azerbaijan,”", len("Azerbaijan")),
			mention(tb, "person:sergey-lavrov", art, t, "Sergey Lavrov", 0),
			mention(tb, "person:sergey-lavrov", art, t, "Lavrov said", len("Lavrov")),
			mention(tb, "place:baku", art, t, "Baku", 0),
		},
	}
}
