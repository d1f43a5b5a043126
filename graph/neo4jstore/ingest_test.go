package neo4jstore

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

func mustIngest(tb testing.TB, s *Store, b graph.Batch) graph.IngestSummary {
	tb.Helper()
	sum, err := s.Ingest(context.Background(), b)
	if err != nil {
		tb.Fatalf("Ingest(%s): %v", b.Article.ID, err)
	}
	return sum
}

func mustCounts(tb testing.TB, s *Store) map[string]int {
	tb.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func mustExport(tb testing.TB, s *Store) graph.NodeLink {
	tb.Helper()
	g, err := s.Export(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestIngestIdempotent writes the same batch twice: the second write must
// change nothing and say so.
func TestIngestIdempotent(t *testing.T) {
	s := MustOpenStore(t)
	b := seedBatch(t)

	first := mustIngest(t, s, b)
	wantSum := graph.IngestSummary{ArticleID: b.Article.ID, Nodes: 10, Edges: 24, Changed: true}
	if diff := cmp.Diff(wantSum, first); diff != "" {
		t.Errorf("first Ingest summary (-want +got):\n%s", diff)
	}
	counts, export := mustCounts(t, s), mustExport(t, s)
	wantCounts := map[string]int{
		"Article": 1, "Entity": 4, "Country": 2, "Person": 1, "Place": 1,
		"Event": 5, "Visit": 1, "Meeting": 1, "Statement": 1, "PhoneCall": 1, "Anniversary": 1,
		"relationships":              24,
		"relationships:PARTICIPANT":  10,
		"relationships:EVIDENCE":     6,
		"relationships:MENTIONED_IN": 6,
		"relationships:RELATED":      2,
	}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("Counts after one ingest (-want +got):\n%s", diff)
	}

	second := mustIngest(t, s, b)
	if second.Changed {
		t.Errorf("second Ingest of the same batch: Changed = true, want false")
	}
	if diff := cmp.Diff(counts, mustCounts(t, s)); diff != "" {
		t.Errorf("Counts changed on re-ingest (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(export, mustExport(t, s)); diff != "" {
		t.Errorf("Export changed on re-ingest (-first +second):\n%s", diff)
	}
}

// TestIngestMerge has a second article report known entities and an event
// again: empty values keep what is stored, new values replace, aliases and
// evidence accumulate.
func TestIngestMerge(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	seed := seedBatch(t)
	mustIngest(t, s, seed)

	const art2 = "azertac-2017-11-21"
	text2 := "BAKU, November 21. Sergei Lavrov arrived in Baku."
	later := graph.Batch{
		Article: graph.Article{ID: art2, Title: "Lavrov arrives", Published: "2017-11-21", Text: text2},
		Entities: []graph.Entity{
			// No title, another alias.
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Aliases: []string{"Sergei Lavrov"}},
			{ID: "place:baku", Type: "Place", Name: "Baku"},
		},
		Events: []graph.Event{event(t, graph.Event{
			ID: idVisit, Type: "Visit", Date: "2017-11-20", End: "2017-11-21",
			Modality: "asserted", Confidence: 0.95, // changed; Label etc. left empty
			Participants: []graph.Participant{{Role: "visitor", EntityID: "person:sergey-lavrov"}},
			Evidence:     []graph.Evidence{evidence(t, art2, text2, "Sergei Lavrov arrived in Baku.")},
		})},
		Mentions: []graph.Mention{mention(t, "person:sergey-lavrov", art2, text2, "Sergei Lavrov", 0)},
	}
	if sum := mustIngest(t, s, later); !sum.Changed {
		t.Errorf("Ingest of a new article: Changed = false")
	}

	lavrov, err := s.Entity(ctx, "person:sergey-lavrov")
	if err != nil {
		t.Fatal(err)
	}
	wantLavrov := graph.Entity{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov",
		Country: "RUS", Title: "Foreign Minister",
		Aliases: []string{"FM Sergey Lavrov", "Lavrov", "Sergei Lavrov"}}
	if diff := cmp.Diff(wantLavrov, lavrov); diff != "" {
		t.Errorf("Entity after a second report (-want +got):\n%s", diff)
	}

	visit, err := s.Event(ctx, idVisit)
	if err != nil {
		t.Fatal(err)
	}
	want := seed.Events[0]
	want.Participants, want.Evidence = nil, nil
	want.Modality, want.Confidence, want.Reports = "asserted", 0.95, 2
	if diff := cmp.Diff(want, visit); diff != "" {
		t.Errorf("Event after a second report (-want +got):\n%s", diff)
	}

	ev, err := s.EvidenceFor(ctx, []string{idVisit})
	if err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, e := range ev[idVisit] {
		arts = append(arts, e.ArticleID)
	}
	if diff := cmp.Diff([]string{art2, seed.Article.ID}, arts); diff != "" {
		t.Errorf("evidence articles of the visit (-want +got):\n%s", diff)
	}

	// The second article again: nothing changes.
	if sum := mustIngest(t, s, later); sum.Changed {
		t.Errorf("re-ingest of the second article: Changed = true")
	}
}

func TestIngestConflict(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	seed := seedBatch(t)
	mustIngest(t, s, seed)
	before := mustExport(t, s)

	for name, b := range map[string]graph.Batch{
		"entity with another type": {
			Article:  graph.Article{ID: "other", Text: "x"},
			Entities: []graph.Entity{{ID: "person:sergey-lavrov", Type: "Organization", Name: "Lavrov Inc."}},
		},
		"event with another type": {
			Article: graph.Article{ID: "other", Text: "x"},
			Events:  []graph.Event{{ID: idVisit, Type: "Meeting", Date: "2017-11-20"}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.Ingest(ctx, b)
			if !errors.Is(err, graph.ErrConflict) {
				t.Fatalf("Ingest: got %v, want graph.ErrConflict", err)
			}
			if diff := cmp.Diff(before, mustExport(t, s)); diff != "" {
				t.Errorf("a failed Ingest changed the graph (-before +after):\n%s", diff)
			}
		})
	}
}

// TestIngestUnknownIDs checks that links to ids neither in the batch nor
// stored fail as invalid input and leave nothing behind.
func TestIngestUnknownIDs(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	for name, b := range map[string]graph.Batch{
		"participant": {
			Article: graph.Article{ID: "dangling", Text: "x"},
			Events: []graph.Event{{ID: "ev", Type: "Visit", Date: "2017",
				Participants: []graph.Participant{{Role: "visitor", EntityID: "person:nobody"}}}},
		},
		"relation": {
			Article:   graph.Article{ID: "dangling", Text: "x"},
			Entities:  []graph.Entity{{ID: "country:AZE", Type: "Country", Name: "Azerbaijan"}},
			Relations: []graph.Relation{{Source: "country:AZE", Target: "org:nowhere", Type: "MEMBER_OF"}},
		},
		"mention": {
			Article:  graph.Article{ID: "dangling", Text: "x"},
			Mentions: []graph.Mention{{EntityID: "person:nobody", ArticleID: "dangling", Start: 0, End: 1}},
		},
		"evidence in an unknown article": {
			Article: graph.Article{ID: "dangling", Text: "x"},
			Events: []graph.Event{{ID: "ev", Type: "Visit", Date: "2017",
				Evidence: []graph.Evidence{{ArticleID: "elsewhere", Start: 0, End: 1}}}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.Ingest(ctx, b)
			if !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("Ingest: got %v, want graph.ErrInvalid", err)
			}
			if _, err := s.Article(ctx, "dangling"); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("after a failed Ingest, Article: got %v, want graph.ErrNotFound", err)
			}
		})
	}
}

func TestFulltextIndexes(t *testing.T) {
	s := MustOpenStore(t)
	mustIngest(t, s, seedBatch(t))
	search := func(index, q string) []string {
		t.Helper()
		ids, err := read(context.Background(), s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]string, error) {
			return collect(ctx, tx, "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id ORDER BY id",
				map[string]any{"index": index, "q": q}, func(r *neo4j.Record) (string, error) {
					id, _, err := neo4j.GetRecordValue[string](r, "id")
					return id, err
				})
		})
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	for _, tc := range []struct {
		index, q string
		want     []string
	}{
		{"entity_names", "Azerbaijan", []string{"country:AZE"}},
		{"entity_names", "Federation", []string{"country:RUS"}}, // an alias only
		{"entity_names", "FM", []string{"person:sergey-lavrov"}},
		{"article_titles", "Baku", []string{"trend-2017-11-16-russia-azerbaijan"}},
	} {
		if diff := cmp.Diff(tc.want, search(tc.index, tc.q)); diff != "" {
			t.Errorf("%s %q (-want +got):\n%s", tc.index, tc.q, diff)
		}
	}
}

// TestIngestUndated stores an event without a date, as graph.FromExtract
// gives for an undated article: no date, from or to, and a re-ingest
// changes nothing.
func TestIngestUndated(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	text := "Lavrov visited Baku."
	b := graph.Batch{
		Article:  graph.Article{ID: "undated", Text: text},
		Entities: []graph.Entity{{ID: "person:lavrov", Type: "Person", Name: "Lavrov"}},
		Events: []graph.Event{{ID: "event:visit:undated", Type: "Visit", Modality: "asserted",
			Participants: []graph.Participant{{Role: "visitor", EntityID: "person:lavrov"}},
			Evidence:     []graph.Evidence{{ArticleID: "undated", Start: 0, End: len(text)}}}},
	}
	mustIngest(t, s, b)
	got, err := s.Event(ctx, "event:visit:undated")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Event{ID: "event:visit:undated", Type: "Visit", Modality: "asserted", Reports: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Event (-want +got):\n%s", diff)
	}
	if sum := mustIngest(t, s, b); sum.Changed {
		t.Errorf("re-ingest of an undated event: Changed = true")
	}
}
