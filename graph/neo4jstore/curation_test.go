package neo4jstore

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// eventOf returns the id of the first event of type typ in b.
func eventOf(tb testing.TB, b graph.Batch, typ string) string {
	tb.Helper()
	for _, ev := range b.Events {
		if ev.Type == typ {
			return ev.ID
		}
	}
	tb.Fatalf("%s: no %s event", b.Article.ID, typ)
	return ""
}

func mustEvent(tb testing.TB, s *Store, id string) graph.Event {
	tb.Helper()
	ev, err := s.Event(context.Background(), id)
	if err != nil {
		tb.Fatalf("Event(%s): %v", id, err)
	}
	return ev
}

func mustParticipants(tb testing.TB, s *Store, id string) []graph.Participant {
	tb.Helper()
	p, err := s.Participants(context.Background(), []string{id})
	if err != nil {
		tb.Fatal(err)
	}
	return p[id]
}

// evidenceArticles returns the articles with evidence for event id.
func evidenceArticles(tb testing.TB, s *Store, id string) []string {
	tb.Helper()
	ev, err := s.EvidenceFor(context.Background(), []string{id})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range ev[id] {
		if len(out) == 0 || out[len(out)-1] != e.ArticleID {
			out = append(out, e.ArticleID)
		}
	}
	return out
}

// TestDeleteArticle deletes one of two reports of the same visit (the
// visit stays, with the other's evidence), puts it back, and then
// deletes both (the visit is gone, and so is every entity).
func TestDeleteArticle(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const tass, apa = "tass-2017-11-20-lavrov-baku", "apa-2017-11-21-lavrov-baku"
	tb, ab := batchOf(t, tass), batchOf(t, apa)
	mustIngest(t, s, tb)
	mustIngest(t, s, ab)
	both := mustExport(t, s)
	visit, talks := eventOf(t, tb, extract.TypeVisit), eventOf(t, tb, extract.TypeMeeting)
	if n := mustEvent(t, s, visit).Reports; n != 2 {
		t.Fatalf("the visit has %d reports before any delete, want 2", n)
	}

	sum, err := s.DeleteArticle(ctx, apa)
	if err != nil {
		t.Fatal(err)
	}
	// The names only APA used for the two ministers go with it.
	want := graph.DeleteSummary{ArticleID: apa, KeptEvents: unique([]string{visit, talks}),
		RestoredEntities: []string{"person:elmar-mammadyarov", "person:sergey-lavrov"}}
	if diff := cmp.Diff(want, sum); diff != "" {
		t.Errorf("DeleteArticle(%s) (-want +got):\n%s", apa, diff)
	}
	if got := evidenceArticles(t, s, visit); !cmp.Equal(got, []string{tass}) {
		t.Errorf("the visit's evidence after deleting %s comes from %v, want only %s", apa, got, tass)
	}
	if n := mustEvent(t, s, visit).Reports; n != 1 {
		t.Errorf("the visit has %d reports after deleting one, want 1", n)
	}
	if _, err := s.Article(ctx, apa); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Article(%s) after DeleteArticle: %v, want graph.ErrNotFound", apa, err)
	}

	// Put it back: the graph is what it was.
	mustIngest(t, s, ab)
	if diff := cmp.Diff(both, mustExport(t, s)); diff != "" {
		t.Errorf("delete and re-ingest changed the graph (-before +after):\n%s", diff)
	}

	mustDelete := func(id string) graph.DeleteSummary {
		t.Helper()
		sum, err := s.DeleteArticle(ctx, id)
		if err != nil {
			t.Fatalf("DeleteArticle(%s): %v", id, err)
		}
		return sum
	}
	mustDelete(apa)
	sum = mustDelete(tass)
	if len(sum.DeletedEvents) != len(tb.Events) || len(sum.KeptEvents) != 0 {
		t.Errorf("deleting the last report: deleted %v, kept %v; want all %d events deleted",
			sum.DeletedEvents, sum.KeptEvents, len(tb.Events))
	}
	if sum.DeletedRelations == 0 || len(sum.DeletedEntities) != len(tb.Entities) {
		t.Errorf("deleting the last report: %d relations and entities %v deleted; want some and all %d",
			sum.DeletedRelations, sum.DeletedEntities, len(tb.Entities))
	}
	if g := mustExport(t, s); len(g.Nodes)+len(g.Edges) != 0 {
		t.Errorf("after deleting every article the graph has %d nodes and %d edges, want none:\n%v",
			len(g.Nodes), len(g.Edges), g)
	}
	if _, err := s.DeleteArticle(ctx, tass); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DeleteArticle of a deleted article: %v, want graph.ErrNotFound", err)
	}
}

// TestDeleteArticleParticipants deletes the report that alone named a
// participant: the event stays with the other report's participants, and
// the entities only the deleted article spoke of go.
func TestDeleteArticleParticipants(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const planned, tass = "trend-2017-11-16-lavrov-planned", "tass-2017-11-20-lavrov-baku"
	pb := batchOf(t, planned)
	mustIngest(t, s, pb)
	mustIngest(t, s, batchOf(t, tass))
	visit := eventOf(t, pb, extract.TypeVisit)
	before := mustParticipants(t, s, visit)
	if !cmp.Equal(before, []graph.Participant{
		{Role: "destination", EntityID: "place:baku"},
		{Role: "host", EntityID: "country:AZE"},
		{Role: "visitor", EntityID: "person:sergey-lavrov"},
	}) {
		t.Fatalf("participants of the visit reported twice: %v", before)
	}

	sum, err := s.DeleteArticle(ctx, tass)
	if err != nil {
		t.Fatal(err)
	}
	wantParts := []graph.Participant{
		{Role: "host", EntityID: "country:AZE"},
		{Role: "visitor", EntityID: "person:sergey-lavrov"},
	}
	if diff := cmp.Diff(wantParts, mustParticipants(t, s, visit)); diff != "" {
		t.Errorf("participants after deleting %s (-want +got):\n%s", tass, diff)
	}
	if diff := cmp.Diff([]string{visit}, sum.KeptEvents); diff != "" {
		t.Errorf("kept events (-want +got):\n%s", diff)
	}
	if len(sum.DeletedEvents) == 0 {
		t.Errorf("no events deleted; the talks and the ministry's statement were only in %s", tass)
	}
	for _, id := range []string{"person:elmar-mammadyarov", "org:rus-foreign-ministry"} {
		if !contains(sum.DeletedEntities, id) {
			t.Errorf("%s, only in %s, not deleted: %v", id, tass, sum.DeletedEntities)
		}
		if _, err := s.Entity(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Entity(%s) after the delete: %v, want graph.ErrNotFound", id, err)
		}
	}
	for _, id := range []string{"person:sergey-lavrov", "country:AZE"} {
		if _, err := s.Entity(ctx, id); err != nil {
			t.Errorf("Entity(%s), also in %s: %v", id, planned, err)
		}
	}
}

// TestMergeEntities has an analyst merge the two Ali Aliyevs the rules
// keep apart; re-ingesting the dropped one's article must not bring him
// back.
func TestMergeEntities(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const keep, drop = "person:ali-aliyev", "person:ali-aliyev.rus"
	mustIngest(t, s, batchOf(t, "apa-2018-05-03-aliyev-tbilisi"))
	mb := batchOf(t, "tass-2018-06-10-aliyev-minsk")
	mustIngest(t, s, mb)
	minsk := eventOf(t, mb, extract.TypeVisit)

	for name, tc := range map[string]struct {
		keep, drop string
		want       error
	}{
		"the same id":   {keep, keep, graph.ErrInvalid},
		"no drop":       {keep, "", graph.ErrInvalid},
		"unknown keep":  {"person:nobody", drop, graph.ErrNotFound},
		"unknown drop":  {keep, "person:nobody", graph.ErrNotFound},
		"another type":  {"country:BLR", drop, graph.ErrConflict},
		"another type'": {drop, "country:BLR", graph.ErrConflict},
	} {
		if _, err := s.MergeEntities(ctx, tc.keep, tc.drop); !errors.Is(err, tc.want) {
			t.Errorf("%s: MergeEntities(%q, %q) = %v, want %v", name, tc.keep, tc.drop, err, tc.want)
		}
	}

	got, err := s.MergeEntities(ctx, keep, drop)
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Entity{ID: keep, Type: "Person", Name: "Ali Aliyev", Country: "AZE", Title: "Economy Minister"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MergeEntities (-want +got):\n%s", diff)
	}
	if _, err := s.Entity(ctx, drop); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(%s) after the merge: %v, want graph.ErrNotFound", drop, err)
	}
	wantParts := []graph.Participant{
		{Role: "destination", EntityID: "place:minsk"},
		{Role: "host", EntityID: "country:BLR"},
		{Role: "visitor", EntityID: keep},
	}
	if diff := cmp.Diff(wantParts, mustParticipants(t, s, minsk)); diff != "" {
		t.Errorf("participants of the Minsk visit after the merge (-want +got):\n%s", diff)
	}
	merged := mustExport(t, s)

	if sum := mustIngest(t, s, batchOf(t, "tass-2018-06-10-aliyev-minsk")); sum.Changed {
		t.Errorf("re-ingest after the merge: Changed = true")
	}
	if _, err := s.Entity(ctx, drop); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(%s) after re-ingest: %v; the merge was undone", drop, err)
	}
	if diff := cmp.Diff(merged, mustExport(t, s)); diff != "" {
		t.Errorf("re-ingest after the merge changed the graph (-merged +re-ingested):\n%s", diff)
	}
	if _, err := s.MergeEntities(ctx, keep, drop); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("merging again: %v, want graph.ErrNotFound", err)
	}
}

// TestMergeEntitiesChain merges a into b and then b into c: an article
// that yields a is filed under c.
func TestMergeEntitiesChain(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	person := func(article, id, name string) graph.Batch {
		text := name + " spoke."
		return graph.Batch{
			Article:  graph.Article{ID: article, Text: text},
			Entities: []graph.Entity{{ID: id, Type: "Person", Name: name}},
			Mentions: []graph.Mention{{EntityID: id, ArticleID: article, Start: 0, End: len(name)}},
		}
	}
	a, b, c := person("x", "person:a", "A. Person"), person("y", "person:b", "B. Person"), person("z", "person:c", "C. Person")
	for _, x := range []graph.Batch{a, b, c} {
		mustIngest(t, s, x)
	}
	if _, err := s.MergeEntities(ctx, "person:b", "person:a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeEntities(ctx, "person:c", "person:b"); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, a)
	if n := mustCounts(t, s)["Person"]; n != 1 {
		t.Errorf("%d persons after re-ingesting the first dropped one, want 1", n)
	}
	e, err := s.Entity(ctx, "person:c")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"A. Person", "B. Person"}, e.Aliases); diff != "" {
		t.Errorf("aliases of the kept entity (-want +got):\n%s", diff)
	}
}

// TestSplitEntity has an analyst split the party chairman Ali Aliyev off
// the minister of the same name and country, whom the rules merged; a
// re-ingest keeps them apart.
func TestSplitEntity(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const id, newID, party = "person:ali-aliyev", "person:ali-aliyev-cspa", "turan-2018-07-02-aliyev-party"
	tbilisi := batchOf(t, "apa-2018-05-03-aliyev-tbilisi")
	pb := batchOf(t, party)
	mustIngest(t, s, tbilisi)
	mustIngest(t, s, pb)
	if n := mustCounts(t, s)["Person"]; n != 2 { // Ali Aliyev and the ambassador
		t.Fatalf("%d persons before the split, want 2", n)
	}
	talks, visit := eventOf(t, pb, extract.TypeMeeting), eventOf(t, tbilisi, extract.TypeVisit)

	for name, tc := range map[string]struct {
		id, newID, name string
		articles        []string
		want            error
	}{
		"no articles":     {id, newID, "x", nil, graph.ErrInvalid},
		"no name":         {id, newID, "", []string{party}, graph.ErrInvalid},
		"itself":          {id, id, "x", []string{party}, graph.ErrInvalid},
		"unknown id":      {"person:nobody", newID, "x", []string{party}, graph.ErrNotFound},
		"unknown article": {id, newID, "x", []string{"nowhere"}, graph.ErrNotFound},
		"taken new id":    {id, "person:zurab-pataradze", "x", []string{party}, graph.ErrConflict},
	} {
		if _, err := s.SplitEntity(ctx, tc.id, tc.newID, tc.name, tc.articles); !errors.Is(err, tc.want) {
			t.Errorf("%s: SplitEntity = %v, want %v", name, err, tc.want)
		}
	}

	got, err := s.SplitEntity(ctx, id, newID, "Ali Aliyev (Civic Solidarity Party)", []string{party})
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Entity{ID: newID, Type: "Person", Name: "Ali Aliyev (Civic Solidarity Party)", Aliases: []string{"Ali Aliyev"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SplitEntity (-want +got):\n%s", diff)
	}
	check := func(when string) {
		t.Helper()
		if n := mustCounts(t, s)["Person"]; n != 3 {
			t.Errorf("%s: %d persons, want 3", when, n)
		}
		wantTalks := []graph.Participant{
			{Role: "participant", EntityID: newID},
			{Role: "participant", EntityID: "person:zurab-pataradze"},
		}
		if diff := cmp.Diff(wantTalks, mustParticipants(t, s, talks)); diff != "" {
			t.Errorf("%s: participants of the talks (-want +got):\n%s", when, diff)
		}
		if p := mustParticipants(t, s, visit); !contains(participantIDs(p), id) {
			t.Errorf("%s: the minister left the Tbilisi visit: %v", when, p)
		}
		g := mustExport(t, s)
		for _, e := range g.Edges {
			if e.Type == MentionedEdge && e.Source == id && e.Target == party {
				t.Errorf("%s: %s is still mentioned in %s", when, id, party)
			}
			if e.Type == MentionedEdge && e.Source == newID && e.Target != party {
				t.Errorf("%s: %s is mentioned in %s", when, newID, e.Target)
			}
		}
	}
	check("after the split")
	mustIngest(t, s, batchOf(t, party))
	check("after re-ingest")
	if sum := mustIngest(t, s, batchOf(t, party)); sum.Changed {
		t.Errorf("a second re-ingest after the split: Changed = true")
	}
	mustIngest(t, s, batchOf(t, "apa-2018-05-03-aliyev-tbilisi"))
	check("after re-ingesting the other article")
}

func participantIDs(ps []graph.Participant) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.EntityID)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSplitResolvedEntity splits off a person whom identity resolution,
// not the extractor, filed under the stored id (Halaf Halafov under
// Khalaf Khalafov): re-ingesting the article keeps the split, although
// its extractor id is not the one the decision names.
func TestSplitResolvedEntity(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	const id, newID = "person:khalaf-khalafov", "person:halaf-halafov-2"
	const report = "report-2017-11-23-bocharnikov-halafov"
	tb := batchOf(t, "tass-2017-11-22-bocharnikov-khalafov")
	mustIngest(t, s, tb)
	mustIngest(t, s, batchOf(t, report))
	if _, err := s.Entity(ctx, "person:halaf-halafov"); !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("Halaf Halafov was not filed under Khalaf Khalafov: %v", err)
	}
	if _, err := s.SplitEntity(ctx, id, newID, "Halaf Halafov", []string{report}); err != nil {
		t.Fatal(err)
	}
	// The talks both articles report: the minister stays a participant for
	// the first, the split-off man is one for the second.
	talks := eventOf(t, tb, extract.TypeMeeting)
	wantTalks := []graph.Participant{
		{Role: "participant", EntityID: newID},
		{Role: "participant", EntityID: id},
		{Role: "participant", EntityID: "person:mikhail-bocharnikov"},
	}
	check := func(when string) {
		t.Helper()
		ids, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]string, error) {
			return collect(ctx, tx, "MATCH (e:Person)-[:MENTIONED_IN]->(:Article {id: $a}) RETURN DISTINCT e.id AS id ORDER BY id",
				map[string]any{"a": report}, idColumn)
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{newID, "person:mikhail-bocharnikov"}, ids); diff != "" {
			t.Errorf("%s: persons mentioned in %s (-want +got):\n%s", when, report, diff)
		}
		if n := mustCounts(t, s)["Person"]; n != 3 {
			t.Errorf("%s: %d persons, want 3", when, n)
		}
		if diff := cmp.Diff(wantTalks, mustParticipants(t, s, talks)); diff != "" {
			t.Errorf("%s: participants of the talks (-want +got):\n%s", when, diff)
		}
	}
	check("after the split")
	mustIngest(t, s, batchOf(t, report))
	check("after re-ingest")
}
