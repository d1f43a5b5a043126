package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// identityDir holds the articles of the identity tests: short reports of
// the same events by several agencies (see its README.md).
const identityDir = "../../testdata/identity"

// fixture reads testdata/identity/<name>.txt: "key: value" header lines
// (id, title, published, source), a blank line, the article text.
func fixture(tb testing.TB, name string) extract.Input {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(identityDir, name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	head, text, ok := strings.Cut(string(b), "\n\n")
	if !ok {
		tb.Fatalf("%s: no blank line after the header", name)
	}
	in := extract.Input{Text: text}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			tb.Fatalf("%s: header line %q is not key: value", name, line)
		}
		switch k {
		case "id":
			in.ID = v
		case "title":
			in.Title = v
		case "published":
			in.Published = v
		case "source":
			in.Source = v
		default:
			tb.Fatalf("%s: unknown header %q", name, k)
		}
	}
	return in
}

// batchOf runs the whole chain up to the store: extract, then FromExtract.
func batchOf(tb testing.TB, name string) graph.Batch {
	tb.Helper()
	res, err := extract.Extract(fixture(tb, name))
	if err != nil {
		tb.Fatalf("Extract(%s): %v", name, err)
	}
	b, err := graph.FromExtract(res)
	if err != nil {
		tb.Fatalf("FromExtract(%s): %v", name, err)
	}
	return b
}

// The fixtures of the Lavrov visits: four reports of his November 2017
// visit to Baku (announced for November 20-21; "arrived on Nov. 20";
// "visited on Monday" with Sergei for Sergey and Mamedyarov for
// Mammadyarov; "last month"), one of another visit in March 2018; two
// reports of the Russian ambassador's meeting with a deputy minister
// under two spellings of both names; and two different men named Ali
// Aliyev.
var lavrovFixtures = []string{
	"trend-2017-11-16-lavrov-planned",
	"tass-2017-11-20-lavrov-baku",
	"apa-2017-11-21-lavrov-baku",
	"tass-2017-11-22-bocharnikov-khalafov",
	"report-2017-11-23-bocharnikov-halafov",
	"interfax-2017-12-05-lavrov-month",
	"trend-2018-03-05-lavrov-baku",
	"apa-2018-05-03-aliyev-tbilisi",
	"tass-2018-06-10-aliyev-minsk",
}

// shape is what a graph says about events and persons, with the ids left
// out where they depend on which article came first: a person is
// "<country>/<name key>", an event is known by its type, dates,
// modality, participants and reporting articles.
type shape struct {
	Events  []string
	Persons []string
}

func shapeOf(tb testing.TB, s *Store) shape {
	tb.Helper()
	g := mustExport(tb, s)
	person := map[string]string{}
	var sh shape
	for _, n := range g.Nodes {
		if n.Type != extract.TypePerson {
			continue
		}
		country, _ := n.Properties["country"].(string)
		names := map[string]bool{n.Name: true}
		aliases, _ := n.Properties["aliases"].([]string)
		for _, a := range aliases {
			names[a] = true
		}
		person[n.ID] = country + "/" + graph.NameKey(n.Name)
		sh.Persons = append(sh.Persons, person[n.ID]+" "+strings.Join(sortedKeys(names), "|"))
	}
	sort.Strings(sh.Persons)
	name := func(id string) string {
		if p, ok := person[id]; ok {
			return p
		}
		return id
	}
	parts := map[string][]string{}
	arts := map[string][]string{}
	for _, e := range g.Edges {
		switch e.Type {
		case EvidenceEdge:
			arts[e.Source] = append(arts[e.Source], e.Target)
		case MentionedEdge:
		default:
			if strings.HasPrefix(e.Source, "event:") {
				parts[e.Source] = append(parts[e.Source], e.Type+"="+name(e.Target))
			}
		}
	}
	for _, n := range g.Nodes {
		if !extract.IsEventType(n.Type) {
			continue
		}
		p := n.Properties
		sort.Strings(parts[n.ID])
		sort.Strings(arts[n.ID])
		sh.Events = append(sh.Events, fmt.Sprintf("%s %v..%v %v %v reports=%v [%s] from %s",
			n.Type, p["date"], p["end"], p["precision"], p["modality"], p["reports"],
			strings.Join(parts[n.ID], " "), strings.Join(arts[n.ID], " ")))
	}
	sort.Strings(sh.Events)
	return sh
}

// TestIngestSameEventManyReports ingests the Lavrov fixtures through the
// whole chain in several orders: each real event must be one node with
// every report's evidence, each real person one node, and the result the
// same whatever the order.
func TestIngestSameEventManyReports(t *testing.T) {
	orders := map[string][]string{
		"by publication": lavrovFixtures,
		"reversed":       reversed(lavrovFixtures),
		"month first": {"interfax-2017-12-05-lavrov-month", "apa-2017-11-21-lavrov-baku", "tass-2018-06-10-aliyev-minsk",
			"tass-2017-11-22-bocharnikov-khalafov", "trend-2018-03-05-lavrov-baku", "tass-2017-11-20-lavrov-baku",
			"report-2017-11-23-bocharnikov-halafov", "apa-2018-05-03-aliyev-tbilisi", "trend-2017-11-16-lavrov-planned"},
		"the variants first": {"apa-2017-11-21-lavrov-baku", "report-2017-11-23-bocharnikov-halafov", "trend-2018-03-05-lavrov-baku",
			"trend-2017-11-16-lavrov-planned", "interfax-2017-12-05-lavrov-month", "tass-2017-11-20-lavrov-baku",
			"tass-2018-06-10-aliyev-minsk", "tass-2017-11-22-bocharnikov-khalafov", "apa-2018-05-03-aliyev-tbilisi"},
	}
	var first *shape
	for _, name := range sortedKeys(orders) {
		t.Run(name, func(t *testing.T) {
			s := MustOpenStore(t)
			for _, f := range orders[name] {
				if sum := mustIngest(t, s, batchOf(t, f)); !sum.Changed {
					t.Errorf("Ingest(%s): Changed = false for a new article", f)
				}
			}
			got := shapeOf(t, s)

			visits := grep(got.Events, "Visit ")
			wantVisits := []string{
				"Visit 2017-11-20..2017-11-21 day asserted reports=4 [destination=place:baku host=country:AZE visitor=RUS/lvrv] " +
					"from apa-2017-11-21-lavrov-baku interfax-2017-12-05-lavrov-month tass-2017-11-20-lavrov-baku trend-2017-11-16-lavrov-planned",
				"Visit 2018-03-05..<nil> day asserted reports=1 [destination=place:baku host=country:AZE visitor=RUS/lvrv] from trend-2018-03-05-lavrov-baku",
				"Visit 2018-05-03..<nil> day asserted reports=1 [destination=place:tbilisi host=country:GEO visitor=AZE/lv] from apa-2018-05-03-aliyev-tbilisi",
				"Visit 2018-06-10..<nil> day asserted reports=1 [destination=place:minsk host=country:BLR visitor=RUS/lv] from tass-2018-06-10-aliyev-minsk",
			}
			if diff := cmp.Diff(wantVisits, visits); diff != "" {
				t.Errorf("visits (-want +got):\n%s", diff)
			}
			talks := grep(got.Events, "Meeting 2017-11-2")
			wantTalks := []string{
				"Meeting 2017-11-20..<nil> day asserted reports=2 [participant=AZE/mdrv participant=RUS/lvrv] " +
					"from apa-2017-11-21-lavrov-baku tass-2017-11-20-lavrov-baku",
				"Meeting 2017-11-22..<nil> day asserted reports=2 [participant=AZE/hlfv participant=RUS/bcrnkv] " +
					"from report-2017-11-23-bocharnikov-halafov tass-2017-11-22-bocharnikov-khalafov",
			}
			if diff := cmp.Diff(wantTalks, talks); diff != "" {
				t.Errorf("the talks (-want +got):\n%s", diff)
			}
			// One node per person: the extractor knows Lavrov and
			// Mammadyarov and spells them one way; the store must see
			// that Halaf Halafov is Khalaf Khalafov and Mihail Mikhail
			// Bocharnikov; the Ali Aliyevs of two countries stay two.
			persons := map[string][]string{}
			for _, p := range got.Persons {
				key, names, _ := strings.Cut(p, " ")
				persons[key] = append(persons[key], names)
			}
			for key, want := range map[string][]string{
				"RUS/lvrv":   nil,
				"AZE/mdrv":   nil,
				"AZE/hlfv":   {"Halaf Halafov|Khalaf Khalafov"},
				"RUS/bcrnkv": {"Mihail Bocharnikov|Mikhail Bocharnikov"},
				"AZE/lv":     {"Ali Aliyev", "Ilham Aliyev"},
				"RUS/lv":     {"Ali Aliyev"},
			} {
				if len(persons[key]) != max(len(want), 1) || (want != nil && !cmp.Equal(want, persons[key])) {
					t.Errorf("persons %s: %q, want one node per person with names and aliases %q", key, persons[key], want)
				}
			}
			if first == nil {
				first = &got
			} else if diff := cmp.Diff(*first, got); diff != "" {
				t.Errorf("the graph depends on the order of ingest (-%s +%s):\n%s", sortedKeys(orders)[0], name, diff)
			}

			// Re-ingesting any article changes nothing.
			before := mustExport(t, s)
			for _, f := range orders[name] {
				if sum := mustIngest(t, s, batchOf(t, f)); sum.Changed {
					t.Errorf("re-ingest of %s: Changed = true", f)
				}
			}
			if diff := cmp.Diff(before, mustExport(t, s)); diff != "" {
				t.Errorf("re-ingest changed the graph (-before +after):\n%s", diff)
			}
		})
	}
}

// TestIngestNamesakes checks the ids of two men named Ali Aliyev: the
// first keeps the extractor's id, the second, of another country, gets
// it qualified; a third report of the first finds him again.
func TestIngestNamesakes(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	mustIngest(t, s, batchOf(t, "apa-2018-05-03-aliyev-tbilisi"))
	mustIngest(t, s, batchOf(t, "tass-2018-06-10-aliyev-minsk"))
	for id, want := range map[string]string{"person:ali-aliyev": "AZE", "person:ali-aliyev.rus": "RUS"} {
		e, err := s.Entity(ctx, id)
		if err != nil {
			t.Fatalf("Entity(%s): %v", id, err)
		}
		if e.Country != want {
			t.Errorf("Entity(%s).Country = %q, want %q", id, e.Country, want)
		}
	}
	// The Russian minister again, under the extractor's id: he is filed
	// under the qualified one.
	b := batchOf(t, "tass-2018-06-10-aliyev-minsk")
	b.Article.ID = "tass-2018-06-10-aliyev-minsk-2"
	for i := range b.Mentions {
		b.Mentions[i].ArticleID = b.Article.ID
	}
	for i := range b.Events {
		for j := range b.Events[i].Evidence {
			b.Events[i].Evidence[j].ArticleID = b.Article.ID
		}
	}
	mustIngest(t, s, b)
	if n := mustCounts(t, s)["Person"]; n != 2 {
		t.Errorf("%d persons after a second report of the Russian Ali Aliyev, want 2", n)
	}
	var visit string
	for _, ev := range b.Events {
		if ev.Type == extract.TypeVisit {
			visit = ev.ID
		}
	}
	parts, err := s.Participants(ctx, []string{visit})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Participant{
		{Role: "destination", EntityID: "place:minsk"},
		{Role: "host", EntityID: "country:BLR"},
		{Role: "visitor", EntityID: "person:ali-aliyev.rus"},
	}
	if diff := cmp.Diff(want, parts[visit]); diff != "" {
		t.Errorf("participants of the Minsk visit (-want +got):\n%s", diff)
	}
	if ev, err := s.Event(ctx, visit); err != nil || ev.Reports != 2 {
		t.Errorf("Event(%s) = %d reports, %v; want 2 reports", visit, ev.Reports, err)
	}
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

// grep returns the lines that start with one of the prefixes.
func grep(lines []string, prefixes ...string) []string {
	var out []string
	for _, l := range lines {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// identityExplainParams are the EXPLAIN parameters of the queries of
// identity resolution and curation, for TestExplain.
func identityExplainParams() map[string]map[string]any {
	day := neo4j.DateOf(time.Date(2017, 11, 20, 0, 0, 0, 0, time.UTC))
	return map[string]map[string]any{
		"curation_rules": {"ids": []string{"a", "b"}},
		"person_candidates": {"rows": []any{
			map[string]any{"article": "a", "id": "person:sergei-lavrov", "key": "lvrv", "country": "RUS", "spans": []any{[]int{0, 5}}},
			map[string]any{"article": "a", "id": "person:x", "key": nil, "country": nil, "spans": []any{}},
		}},
		"article_delete_events":    {"id": "a"},
		"events_part_of_clear":     {"ids": []string{"ev"}},
		"article_delete_relations": {"id": "a", "entities": []string{"e"}},
		"article_delete":           {"id": "a", "entities": []string{"e"}},
		"article_claims_set":       {"rows": []any{map[string]any{"id": "a", "claims": []string{"alias\te\tE"}}}},
		"article_restore_read":     {"events": []string{"ev"}},
		"article_restore_events": {"rows": []any{map[string]any{"id": "ev",
			"props": map[string]any{"date": "2017-11", "from": day, "to": day}, "unset": []string{"end"}}}},
		"article_restore_links": {"rows": []any{map[string]any{"event": "ev", "role": "host", "entity": "e",
			"groups": []string{"g"}, "sectors": []string{}}}},
		"article_aliases_read": {"id": "a", "entities": []string{"e"}},
		"article_aliases_drop": {"rows": []any{map[string]any{"id": "e", "drop": []string{"E"}}}},
		"entity_merge_into":    {"keep": "e", "drop": "f"},
		"entity_split": {"id": "e", "newID": "e2", "newName": "E", "nameKey": "k",
			"articles": []string{"a"}},
		"curation_record": {"rows": []any{map[string]any{"id": "merge:f", "kind": "merge",
			"from": "f", "to": "e", "article": nil}}},
		"curation_retarget": {"keep": "e", "drop": "f"},
		"event_candidates": {"rows": []any{
			map[string]any{"article": "a", "id": "ev", "type": "Visit"},
			map[string]any{"article": "a", "id": "ev2", "type": "Visit"},
		}},
		"events_by_seed": {"seeds": []any{
			map[string]any{"id": "country:AZE", "types": []string{"Visit"}, "from": day, "to": day},
		}},
	}
}

// TestIngestDenialApart has one article announce a visit and another
// deny it, which the extractor gives the same id (modality is no part of
// its hash): the denial is another claim and becomes its own event, and
// stays so on re-ingest.
func TestIngestDenialApart(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	report := func(article, text, modality string) graph.Batch {
		return graph.Batch{
			Article: graph.Article{ID: article, Text: text},
			Entities: []graph.Entity{
				{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS"},
				{ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"},
			},
			Events: []graph.Event{event(t, graph.Event{ID: "event:visit:1", Type: "Visit",
				Date: "2017-11-20", Precision: "day", Modality: modality,
				Participants: []graph.Participant{
					{Role: "host", EntityID: "country:AZE"}, {Role: "visitor", EntityID: "person:sergey-lavrov"}},
				Evidence: []graph.Evidence{{ArticleID: article, Start: 0, End: len(text)}}})},
		}
	}
	mustIngest(t, s, report("a", "Lavrov will visit Baku on November 20.", "planned"))
	denial := report("b", "Lavrov will not visit Baku on November 20.", "negated")
	mustIngest(t, s, denial)
	for id, want := range map[string]string{"event:visit:1": "planned", "event:visit:1.negated": "negated"} {
		ev, err := s.Event(ctx, id)
		if err != nil {
			t.Fatalf("Event(%s): %v", id, err)
		}
		if ev.Modality != want || ev.Reports != 1 {
			t.Errorf("Event(%s): modality %q, %d reports; want %q, 1", id, ev.Modality, ev.Reports, want)
		}
	}
	if sum := mustIngest(t, s, denial); sum.Changed {
		t.Errorf("re-ingest of the denial: Changed = true")
	}
	if n := mustCounts(t, s)["Visit"]; n != 2 {
		t.Errorf("%d visits, want 2", n)
	}
}
