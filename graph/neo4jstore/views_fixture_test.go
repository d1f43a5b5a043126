package neo4jstore

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// The analysts' fixture: the seed article (fixture_test.go) and two more,
// from other sources and years, written by hand so that every read-side
// test knows exactly what is stored. Together they give:
//
//   - a visit reported by two articles (Reports 2), and a meeting whose
//     report names no CAMEO code;
//   - people acting for a country (Lavrov for RUS, Mammadyarov for AZE)
//     and for an organization (Popov, a co-chair of the OSCE Minsk Group,
//     is Russian);
//   - a region inside a country (Nagorno-Karabakh LOCATED_IN AZE) and a
//     city (Baku LOCATED_IN AZE);
//   - all four quad classes between AZE, ARM and RUS, over 1992, 2017,
//     2018 and 2019.

const (
	artReuters = "reuters-2018-03-05-minsk-group"
	artXinhua  = "xinhua-2019-06-20-karabakh"

	idMinskMeeting = "event:meeting-2018-03-05"
	idMediation    = "event:mediation-2018-03"
	idAccusation   = "event:accusation-2018-03-06"
	idAgreement    = "event:agreement-2019-01-15"
	idShelling     = "event:militaryaction-2019-06-19"
	idSanction     = "event:sanction-2019-06"
)

const reutersText = "BAKU, March 5 (Reuters) - Azerbaijan’s Foreign Minister Elmar Mammadyarov met " +
	"the OSCE Minsk Group co-chair Igor Popov of Russia in Baku on Monday. The co-chairs " +
	"continue their mediation between Azerbaijan and Armenia this month. On Tuesday " +
	"Mammadyarov accused Armenia of stalling the talks. Russian Foreign Minister Sergey " +
	"Lavrov’s visit to Baku on November 20–21 had raised hopes."

const xinhuaText = "BEIJING, June 20 (Xinhua) -- Armenian forces shelled Azerbaijani positions in " +
	"Nagorno-Karabakh on June 19, Baku said. Azerbaijan and Russia signed a trade " +
	"agreement on January 15. Armenia imposed sanctions on Azerbaijani goods in June. " +
	"Minsk Group co-chair Igor Popov called for restraint."

// fixtureBatches returns the three articles' batches, the seed first.
func fixtureBatches(tb testing.TB) []graph.Batch {
	seed := seedBatch(tb)
	r := reutersText
	reuters := graph.Batch{
		Article: graph.Article{
			ID: artReuters, Title: "Azerbaijan meets Minsk Group co-chair in Baku", Published: "2018-03-05",
			Source: "Reuters", URL: "https://example.org/reuters/minsk", Text: r,
		},
		Entities: []graph.Entity{
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE", ISO2: "AZ"},
			{ID: "country:ARM", Type: "Country", Name: "Armenia", ISO3: "ARM", ISO2: "AM"},
			{ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS", ISO2: "RU"},
			{ID: "person:elmar-mammadyarov", Type: "Person", Name: "Elmar Mammadyarov", Country: "AZE",
				Title: "Foreign Minister", Aliases: []string{"Mammadyarov"}},
			{ID: "person:igor-popov", Type: "Person", Name: "Igor Popov", Country: "RUS", Title: "co-chair"},
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS"},
			{ID: "org:osce-minsk-group", Type: "Organization", Name: "OSCE Minsk Group", Aliases: []string{"Minsk Group"}},
			{ID: "place:baku", Type: "Place", Name: "Baku", Country: "AZE"},
		},
		Events: []graph.Event{
			event(tb, graph.Event{ID: idMinskMeeting, Type: "Meeting", Label: "Mammadyarov meets Popov in Baku",
				Date: "2018-03-05", Precision: "day", Modality: "asserted", Confidence: 0.8,
				Participants: []graph.Participant{
					{Role: "location", EntityID: "place:baku"},
					{Role: "participant", EntityID: "person:elmar-mammadyarov"},
					{Role: "participant", EntityID: "person:igor-popov"},
				},
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "Elmar Mammadyarov met the OSCE Minsk Group co-chair Igor Popov of Russia in Baku on Monday.")}}),
			event(tb, graph.Event{ID: idMediation, Type: "Mediation", Label: "Minsk Group mediation",
				Date: "2018-03", Precision: "month", Modality: "asserted", CAMEO: "0431", CAMEORoot: "04",
				QuadClass: 1, Goldstein: 2.8, Confidence: 0.7, Topic: "the Nagorno-Karabakh settlement",
				Participants: []graph.Participant{
					{Role: "mediator", EntityID: "org:osce-minsk-group"},
					{Role: "party", EntityID: "country:ARM"},
					{Role: "party", EntityID: "country:AZE"},
				},
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "The co-chairs continue their mediation between Azerbaijan and Armenia this month.")}}),
			event(tb, graph.Event{ID: idAccusation, Type: "Accusation", Label: "Mammadyarov accuses Armenia",
				Date: "2018-03-06", Precision: "day", Modality: "asserted", CAMEO: "112", CAMEORoot: "11",
				QuadClass: 3, Goldstein: -2, Confidence: 0.75, Attribution: "person:elmar-mammadyarov",
				Participants: []graph.Participant{
					{Role: "accused", EntityID: "country:ARM"},
					{Role: "accuser", EntityID: "person:elmar-mammadyarov"},
				},
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "Mammadyarov accused Armenia of stalling the talks.")}}),
			// The seed's visit, reported again.
			{ID: idVisit, Type: "Visit", Label: "Lavrov visits Baku", Date: "2017-11-20", End: "2017-11-21",
				Precision: "day", Modality: "asserted",
				Participants: []graph.Participant{
					{Role: "destination", EntityID: "place:baku"},
					{Role: "visitor", EntityID: "person:sergey-lavrov"},
				},
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "Lavrov’s visit to Baku on November 20–21")}},
		},
		Relations: []graph.Relation{
			{Source: "person:elmar-mammadyarov", Target: "country:AZE", Type: "OFFICIAL_OF", Role: "Foreign Minister",
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "Azerbaijan’s Foreign Minister Elmar Mammadyarov")}},
			{Source: "person:igor-popov", Target: "org:osce-minsk-group", Type: "OFFICIAL_OF", Role: "co-chair",
				Evidence: []graph.Evidence{evidence(tb, artReuters, r, "the OSCE Minsk Group co-chair Igor Popov")}},
			{Source: "place:baku", Target: "country:AZE", Type: "LOCATED_IN"},
		},
		Mentions: []graph.Mention{
			mention(tb, "country:AZE", artReuters, r, "Azerbaijan’s", len("Azerbaijan")),
			mention(tb, "country:AZE", artReuters, r, "Azerbaijan and", len("Azerbaijan")),
			mention(tb, "country:ARM", artReuters, r, "Armenia this", len("Armenia")),
			mention(tb, "country:ARM", artReuters, r, "Armenia of", len("Armenia")),
			mention(tb, "country:RUS", artReuters, r, "Russia in", len("Russia")),
			mention(tb, "person:elmar-mammadyarov", artReuters, r, "Elmar Mammadyarov", 0),
			mention(tb, "person:igor-popov", artReuters, r, "Igor Popov", 0),
			mention(tb, "person:sergey-lavrov", artReuters, r, "Sergey Lavrov", 0),
			mention(tb, "org:osce-minsk-group", artReuters, r, "OSCE Minsk Group", 0),
			mention(tb, "place:baku", artReuters, r, "Baku on Monday", len("Baku")),
		},
	}
	x := xinhuaText
	xinhua := graph.Batch{
		Article: graph.Article{
			ID: artXinhua, Title: "Armenian forces shell positions in Nagorno-Karabakh",
			Published: "2019-06-20T18:30:00+08:00", Source: "Xinhua", Text: x,
		},
		Entities: []graph.Entity{
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"},
			{ID: "country:ARM", Type: "Country", Name: "Armenia", ISO3: "ARM"},
			{ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS"},
			{ID: "region:nagorno-karabakh", Type: "Region", Name: "Nagorno-Karabakh", Aliases: []string{"Karabakh"}},
			{ID: "person:igor-popov", Type: "Person", Name: "Igor Popov", Country: "RUS"},
			{ID: "org:osce-minsk-group", Type: "Organization", Name: "OSCE Minsk Group"},
		},
		Events: []graph.Event{
			event(tb, graph.Event{ID: idShelling, Type: "MilitaryAction", Label: "Armenian forces shell Karabakh",
				Date: "2019-06-19", Precision: "day", Modality: "asserted", Subtype: "shelling", CAMEO: "195",
				CAMEORoot: "19", QuadClass: 4, Goldstein: -10, Confidence: 0.6, Attribution: "place:baku",
				Participants: []graph.Participant{
					{Role: "actor", EntityID: "country:ARM"},
					{Role: "location", EntityID: "region:nagorno-karabakh"},
					{Role: "target", EntityID: "country:AZE"},
				},
				Evidence: []graph.Evidence{evidence(tb, artXinhua, x, "Armenian forces shelled Azerbaijani positions in Nagorno-Karabakh on June 19")}}),
			event(tb, graph.Event{ID: idAgreement, Type: "Agreement", Label: "Azerbaijan and Russia sign a trade agreement",
				Date: "2019-01-15", Precision: "day", Modality: "asserted", CAMEO: "057", CAMEORoot: "05",
				QuadClass: 1, Goldstein: 8, Confidence: 0.95, Topic: "trade",
				Participants: []graph.Participant{
					{Role: "party", EntityID: "country:AZE"},
					{Role: "party", EntityID: "country:RUS"},
				},
				Evidence: []graph.Evidence{evidence(tb, artXinhua, x, "Azerbaijan and Russia signed a trade agreement on January 15.")}}),
			event(tb, graph.Event{ID: idSanction, Type: "Sanction", Label: "Armenia sanctions Azerbaijani goods",
				Date: "2019-06", Precision: "month", Modality: "asserted", CAMEO: "163", CAMEORoot: "16",
				QuadClass: 4, Goldstein: -8, Confidence: 0.5,
				Participants: []graph.Participant{
					{Role: "actor", EntityID: "country:ARM"},
					{Role: "target", EntityID: "country:AZE"},
				},
				Evidence: []graph.Evidence{evidence(tb, artXinhua, x, "Armenia imposed sanctions on Azerbaijani goods in June.")}}),
		},
		Relations: []graph.Relation{
			{Source: "region:nagorno-karabakh", Target: "country:AZE", Type: "LOCATED_IN"},
		},
		Mentions: []graph.Mention{
			mention(tb, "country:ARM", artXinhua, x, "Armenian forces", len("Armenian")),
			mention(tb, "country:ARM", artXinhua, x, "Armenia imposed", len("Armenia")),
			mention(tb, "country:AZE", artXinhua, x, "Azerbaijan and", len("Azerbaijan")),
			mention(tb, "country:RUS", artXinhua, x, "Russia signed", len("Russia")),
			mention(tb, "region:nagorno-karabakh", artXinhua, x, "Nagorno-Karabakh", 0),
			mention(tb, "person:igor-popov", artXinhua, x, "Igor Popov", 0),
			mention(tb, "org:osce-minsk-group", artXinhua, x, "Minsk Group", 0),
		},
	}
	return []graph.Batch{seed, reuters, xinhua}
}

// mustOpenFixture returns a store holding the three fixture articles.
func mustOpenFixture(tb testing.TB) *Store {
	tb.Helper()
	s := MustOpenStore(tb)
	for _, b := range fixtureBatches(tb) {
		mustIngest(tb, s, b)
	}
	return s
}
