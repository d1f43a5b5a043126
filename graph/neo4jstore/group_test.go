package neo4jstore

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// textBatch runs a text through the extractor into a batch.
func textBatch(tb testing.TB, id, published, text string) graph.Batch {
	tb.Helper()
	res, err := extract.Extract(extract.Input{ID: id, Text: text, Published: published})
	if err != nil {
		tb.Fatalf("Extract(%s): %v", id, err)
	}
	b, err := graph.FromExtract(res)
	if err != nil {
		tb.Fatalf("FromExtract(%s): %v", id, err)
	}
	return b
}

// TestParticipantGroups stores the groups a report names for a country
// on the participant link, keeps them through a re-ingest, and adds those
// of a second report of the same event.
func TestParticipantGroups(t *testing.T) {
	s := MustOpenStore(t)
	first := textBatch(t, "groups-1", "2018-06-04", "Gunmen kidnapped two aid workers in Nigeria on Monday.")
	if len(first.Events) != 1 {
		t.Fatalf("extracted events: %+v", first.Events)
	}
	id := first.Events[0].ID
	mustIngest(t, s, first)
	want := []graph.Participant{
		{Role: "actor", EntityID: "country:NGA", Groups: []string{"gunmen"}, Sectors: []string{"UAF"}},
		{Role: "location", EntityID: "country:NGA"},
		{Role: "target", EntityID: "country:NGA", Groups: []string{"workers"}, Sectors: []string{"LAB"}},
	}
	if diff := cmp.Diff(want, mustParticipants(t, s, id)); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	if sum := mustIngest(t, s, first); sum.Changed {
		t.Errorf("re-ingest changed the graph")
	}
	exported := false
	for _, e := range mustExport(t, s).Edges {
		if e.Source == id && e.Type == "actor" {
			exported = cmp.Equal(e.Properties["groups"], []string{"gunmen"})
		}
	}
	if !exported {
		t.Errorf("the export lacks the actor's groups")
	}
}

// TestUnattributedActors stores the actors of no known country an event's
// first report names, and reads them back with the event.
func TestUnattributedActors(t *testing.T) {
	s := MustOpenStore(t)
	b := textBatch(t, "groups-2", "2018-06-04", "Rebels attacked a police station in the north on Monday.")
	if len(b.Events) != 1 {
		t.Fatalf("extracted events: %+v", b.Events)
	}
	mustIngest(t, s, b)
	if sum := mustIngest(t, s, b); sum.Changed {
		t.Errorf("re-ingest changed the graph")
	}
	got, err := s.EventsByIDs(context.Background(), []string{b.Events[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.UnattributedActor{{Role: "actor", Name: "rebels", Sector: "REB"}}
	if diff := cmp.Diff(want, got[b.Events[0].ID].UnattributedActors); diff != "" {
		t.Errorf("unattributed actors (-want +got):\n%s", diff)
	}
}
