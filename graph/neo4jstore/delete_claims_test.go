package neo4jstore

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// twoReports are two articles' batches that share a visit (the same event
// id, as resolution files a second report): an early one that dates it to
// the month and calls Lavrov "Lavrov", and a later one that gives the day,
// the alias "Sergei Lavrov", a group on the host's link ("officials") and
// a meeting no other article reports.
func twoReports(tb testing.TB) (early, late graph.Batch) {
	const visit = "event:visit:lavrov-baku"
	lavrov := func(aliases ...string) graph.Entity {
		return graph.Entity{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS",
			Title: "Foreign Minister", Aliases: aliases}
	}
	aze := graph.Entity{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"}
	article := func(id, text string) graph.Article {
		return graph.Article{ID: id, Title: id, Published: "2017-11-16", Source: "Test", Text: text}
	}
	const earlyText = "Lavrov will visit Azerbaijan in November."
	early = graph.Batch{
		Article:  article("early", earlyText),
		Entities: []graph.Entity{lavrov("Lavrov"), aze},
		Events: []graph.Event{{ID: visit, Type: "Visit", Label: "Lavrov visits Azerbaijan",
			Date: "2017-11", Precision: "month", Modality: "planned", Confidence: 0.6,
			Participants: []graph.Participant{{Role: "visitor", EntityID: "person:sergey-lavrov"}, {Role: "host", EntityID: "country:AZE"}},
			Evidence:     []graph.Evidence{evidence(tb, "early", earlyText, "Lavrov will visit Azerbaijan")}}},
		Mentions: []graph.Mention{mention(tb, "person:sergey-lavrov", "early", earlyText, "Lavrov", 0),
			mention(tb, "country:AZE", "early", earlyText, "Azerbaijan", 0)},
	}
	const lateText = "Sergei Lavrov visits Azerbaijan on November 20, where officials meet him. Lavrov meets Aliyev."
	late = graph.Batch{
		Article:  article("late", lateText),
		Entities: []graph.Entity{lavrov("Lavrov", "Sergei Lavrov"), aze},
		Events: []graph.Event{
			{ID: visit, Type: "Visit", Label: "Sergei Lavrov in Azerbaijan",
				Date: "2017-11-20", Precision: "day", Modality: "planned", Confidence: 0.9,
				Participants: []graph.Participant{{Role: "visitor", EntityID: "person:sergey-lavrov"},
					{Role: "host", EntityID: "country:AZE", Groups: []string{"officials"}, Sectors: []string{"GOV"}}},
				Evidence: []graph.Evidence{evidence(tb, "late", lateText, "Sergei Lavrov visits Azerbaijan on November 20")}},
			{ID: "event:meeting:lavrov-aze", Type: "Meeting", Label: "Lavrov meets Azerbaijan",
				Date: "2017-11-20", Precision: "day", Modality: "asserted",
				Participants: []graph.Participant{{Role: "party", EntityID: "person:sergey-lavrov"}, {Role: "party", EntityID: "country:AZE"}},
				Evidence:     []graph.Evidence{evidence(tb, "late", lateText, "Lavrov meets Aliyev.")}},
		},
		Mentions: []graph.Mention{mention(tb, "person:sergey-lavrov", "late", lateText, "Sergei Lavrov", 0),
			mention(tb, "country:AZE", "late", lateText, "Azerbaijan", 0)},
	}
	return early, late
}

// TestDeleteArticleTakesBack ingests two articles that share a visit, in
// either order, and deletes the one that made it finer: the visit's date,
// precision, range and confidence become the other report's again, the
// host's link loses the group and sector only the deleted article named,
// Lavrov loses the alias only it used and keeps the one both used, and
// the meeting only it reported is gone. Deleting the other one instead
// takes nothing back, for the deleted article gave nothing the remaining
// one does not. Ingesting the deleted article again restores the graph.
func TestDeleteArticleTakesBack(t *testing.T) {
	ctx := context.Background()
	const visit = "event:visit:lavrov-baku"
	early, late := twoReports(t)
	type state struct {
		Date, End, Precision string
		From, To             string
		Confidence           float64
		Host                 graph.Participant
		Aliases              []string
	}
	stateOf := func(s *Store) state {
		t.Helper()
		ev := mustEvent(t, s, visit)
		st := state{Date: ev.Date, End: ev.End, Precision: ev.Precision, Confidence: ev.Confidence,
			From: ev.From.Format("2006-01-02"), To: ev.To.Format("2006-01-02")}
		for _, p := range mustParticipants(t, s, visit) {
			if p.Role == "host" {
				st.Host = p
			}
		}
		e, err := s.Entity(ctx, "person:sergey-lavrov")
		if err != nil {
			t.Fatal(err)
		}
		st.Aliases = e.Aliases
		return st
	}
	earlyOnly := state{Date: "2017-11", Precision: "month", From: "2017-11-01", To: "2017-11-30", Confidence: 0.6,
		Host: graph.Participant{Role: "host", EntityID: "country:AZE"}, Aliases: []string{"Lavrov"}}
	both := state{Date: "2017-11-20", Precision: "day", From: "2017-11-20", To: "2017-11-20", Confidence: 0.9,
		Host:    graph.Participant{Role: "host", EntityID: "country:AZE", Groups: []string{"officials"}, Sectors: []string{"GOV"}},
		Aliases: []string{"Lavrov", "Sergei Lavrov"}}

	for _, order := range []struct {
		name  string
		first graph.Batch
		then  graph.Batch
	}{{"early first", early, late}, {"late first", late, early}} {
		t.Run(order.name, func(t *testing.T) {
			s := MustOpenStore(t)
			mustIngest(t, s, order.first)
			mustIngest(t, s, order.then)
			if diff := cmp.Diff(both, stateOf(s)); diff != "" {
				t.Fatalf("both reports stored (-want +got):\n%s", diff)
			}
			before := mustExport(t, s)

			sum, err := s.DeleteArticle(ctx, "late")
			if err != nil {
				t.Fatal(err)
			}
			want := graph.DeleteSummary{ArticleID: "late", DeletedEvents: []string{"event:meeting:lavrov-aze"},
				KeptEvents: []string{visit}, RestoredEvents: []string{visit}, RestoredEntities: []string{"person:sergey-lavrov"}}
			if diff := cmp.Diff(want, sum); diff != "" {
				t.Errorf("DeleteArticle(late) (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(earlyOnly, stateOf(s)); diff != "" {
				t.Errorf("after deleting the finer report (-want +got):\n%s", diff)
			}
			if _, err := s.Event(ctx, "event:meeting:lavrov-aze"); err == nil {
				t.Error("the meeting only the deleted article reported is still there")
			}

			mustIngest(t, s, late)
			if diff := cmp.Diff(before, mustExport(t, s)); diff != "" {
				t.Errorf("delete and re-ingest changed the graph (-before +after):\n%s", diff)
			}

			// The early report gave nothing the late one does not say.
			sum, err = s.DeleteArticle(ctx, "early")
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.RestoredEvents)+len(sum.RestoredEntities)+len(sum.DeletedEvents) > 0 {
				t.Errorf("deleting the coarser report took back %v and %v, deleted %v; want nothing",
					sum.RestoredEvents, sum.RestoredEntities, sum.DeletedEvents)
			}
			lateOnly := both
			if diff := cmp.Diff(lateOnly, stateOf(s)); diff != "" {
				t.Errorf("after deleting the coarser report (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDeleteArticleUnknownClaims deletes the finer of two reports when the
// other was stored before articles kept their claims: what it said is
// unknown, so the event's date and Lavrov's aliases stay as they are.
func TestDeleteArticleUnknownClaims(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	early, late := twoReports(t)
	mustIngest(t, s, early)
	mustIngest(t, s, late)
	// As an article of an older store: no claims.
	if _, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (result, error) {
		return run(ctx, tx, "MATCH (a:Article {id: 'early'}) REMOVE a.claims", nil)
	}); err != nil {
		t.Fatal(err)
	}
	sum, err := s.DeleteArticle(ctx, "late")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.RestoredEvents)+len(sum.RestoredEntities) > 0 {
		t.Errorf("took back %v and %v although the other report's claims are unknown", sum.RestoredEvents, sum.RestoredEntities)
	}
	if ev := mustEvent(t, s, "event:visit:lavrov-baku"); ev.Date != "2017-11-20" {
		t.Errorf("the visit's date is %q, want the finer 2017-11-20 kept", ev.Date)
	}
}
