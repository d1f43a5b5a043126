package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
	"github.com/dipgraph/dipgraph/schema"
)

// MustOpenStore returns a store on the test database (make test's own
// Neo4j; see package neo4jtest) with every node deleted and the
// constraints of schema.Constraints applied. When no server answers, the
// test is skipped, or fails if DIPGRAPH_REQUIRE_NEO4J=1.
//
// Tests that use it must not run at the same time as other packages'
// tests on the same database: run them with go test -p 1.
func MustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	c := neo4jtest.Open(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	driver, err := Connect(ctx, c.URI, c.User, c.Password)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { driver.Close(context.Background()) })
	s := New(driver, c.Database)
	if err := s.Migrate(ctx, schema.Constraints()); err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestMigrate(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	// Migrate has run once; a second run must be a no-op.
	if err := s.Migrate(ctx, schema.Constraints()); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	type index struct{ Name, Type, State string }
	got, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]index, error) {
		return collect(ctx, tx, "SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name", nil,
			func(r *neo4j.Record) (index, error) {
				var x index
				var err error
				x.Name, _, _ = neo4j.GetRecordValue[string](r, "name")
				x.Type, _, _ = neo4j.GetRecordValue[string](r, "type")
				x.State, _, err = neo4j.GetRecordValue[string](r, "state")
				return x, err
			})
	})
	if err != nil {
		t.Fatal(err)
	}
	// The token lookup indexes every database has are not ours.
	var ours []index
	for _, x := range got {
		if x.Type != "LOOKUP" {
			ours = append(ours, x)
		}
	}
	want := []index{
		{"article_id", "RANGE", "ONLINE"},
		{"article_titles", "FULLTEXT", "ONLINE"},
		{"country_iso3", "RANGE", "ONLINE"},
		{"curation_from", "RANGE", "ONLINE"},
		{"curation_id", "RANGE", "ONLINE"},
		{"entity_country", "RANGE", "ONLINE"},
		{"entity_id", "RANGE", "ONLINE"},
		{"entity_names", "FULLTEXT", "ONLINE"},
		{"event_from", "RANGE", "ONLINE"},
		{"event_id", "RANGE", "ONLINE"},
		{"event_text", "FULLTEXT", "ONLINE"},
		{"event_type", "RANGE", "ONLINE"},
		{"person_name_key", "RANGE", "ONLINE"},
	}
	if diff := cmp.Diff(want, ours); diff != "" {
		t.Errorf("indexes after Migrate (-want +got):\n%s", diff)
	}
}

// TestExplain has the server plan every embedded query, with parameters
// of the types the store sends, and each label query with every label.
func TestExplain(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	dayT := time.Date(2017, 11, 20, 0, 0, 0, 0, time.UTC)
	yes := true
	day := neo4j.DateOf(dayT)
	filter, err := filterParams(graph.EventFilter{
		Types: []string{"Visit"}, Countries: []string{"AZE"}, Actors: []string{"person:x"},
		Modalities: []string{"asserted"}, CAMEORoots: []string{"04"}, CAMEOCodes: []string{"042"},
		QuadClasses: []int{1}, Organizations: []string{"org:x"}, Places: []string{"place:x"},
		Involving: []string{"country:AZE", "country:RUS"}, Sources: []string{"Trend"}, Text: "visit",
		From: &dayT, To: &dayT, Dated: &yes,
	})
	if err != nil {
		t.Fatal(err)
	}
	with := func(extra map[string]any) map[string]any {
		out := map[string]any{}
		for k, v := range filter {
			out[k] = v
		}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	page := with(map[string]any{"order": "reports", "afterKey": 1.5, "afterID": "ev", "limit": 21})
	articleFilter, err := articleParams(graph.ArticleFilter{Sources: []string{"trend"}, From: &dayT, To: &dayT,
		Text: "lavrov", Mentions: []string{"country:AZE"}}, graph.PageRequest{First: 5})
	if err != nil {
		t.Fatal(err)
	}
	articleFilter["afterKey"] = -17000.0
	ids := map[string]any{"ids": []string{"a", "b"}}
	articlesMentioning := map[string]any{"entities": []string{"a"}}
	for k, v := range articleFilter {
		articlesMentioning[k] = v
	}
	params := map[string]map[string]any{
		"await_indexes": {"seconds": 1},
		"article_merge": {"rows": []any{map[string]any{"id": "a", "batch": "a", "props": map[string]any{"title": "t", "publishedAt": time.Date(2017, 11, 16, 11, 54, 0, 0, time.FixedZone("Offset", 4*3600))}}}},
		"entity_merge": {"rows": []any{map[string]any{"id": "country:AZE", "type": "Country",
			"props": map[string]any{"name": "Azerbaijan"}, "aliases": []string{"Azerbaijan Republic"}}}},
		"entity_label": ids,
		"event_merge": {"rows": []any{map[string]any{"id": "ev", "type": "Visit",
			"props": map[string]any{"from": day, "to": day, "goldstein": 1.9, "ordinal": 2}}}},
		"event_label":       ids,
		"participant_merge": {"rows": []any{map[string]any{"event": "ev", "entity": "e", "role": "host"}}},
		"evidence_merge":    {"rows": []any{map[string]any{"event": "ev", "article": "a", "start": 0, "end": 3}}},
		"mention_merge":     {"rows": []any{map[string]any{"entity": "e", "article": "a", "start": 0, "end": 3}}},
		"relation_merge":    {"rows": []any{map[string]any{"source": "e", "target": "f", "type": "MEMBER_OF", "props": map[string]any{"role": "co-chair"}, "evidence": []string{"a[0:3]"}}}},
		"events_page":       page,
		"events_count":      filter,
		"events_count_type": nil,
		"events_involving": with(map[string]any{"groups": []any{map[string]any{"key": "a", "anchors": []string{"a"}, "need": 1}},
			"order": "date", "afterKey": nil, "afterID": "", "limit": 21}),
		"events_by_ids":       ids,
		"events_by_date":      with(map[string]any{"afterFrom": day, "afterID": "ev", "limit": 21}),
		"events_by_date_desc": with(map[string]any{"afterFrom": day, "afterID": "ev", "limit": 21}),
		"events_undated":      with(map[string]any{"afterID": "ev", "limit": 21}),
		"dyad":                with(map[string]any{"anchors": []string{"country:AZE", "country:RUS"}, "interval": "quarter"}),
		"partners": with(map[string]any{"entity": "country:AZE", "anchors": []string{"country:AZE"}, "byCountry": true,
			"partnerTypes": []string{"Country"}, "order": "cooperation", "limit": 10}),
		"subgraph_step":   with(map[string]any{"frontier": []string{"a"}, "seen": []string{"b"}, "limit": 10}),
		"relations_among": ids,
		"paths":           {"from": "a", "to": "b", "maxLength": 4, "limit": 5},
		"stats":           nil,
		"search":          {"text": "+(lavrov^2 lavrov*)", "limit": 5},
		"entities_page": {"type": "Person", "countries": []string{"RUS"}, "organizations": []string{"org:x"},
			"text": "+(lavrov^2 lavrov*)", "afterName": "Lavrov", "afterID": "x", "limit": 21},
		"articles_page":                articleFilter,
		"articles_mentioning":          articlesMentioning,
		"articles_by_ids":              ids,
		"relations_of":                 ids,
		"events_in_articles":           ids,
		"entities_in_articles":         ids,
		"event_by_id":                  {"id": "ev"},
		"entity_by_id":                 {"id": "e"},
		"country_by_iso3":              {"iso3": "AZE"},
		"article_by_id":                {"id": "a"},
		"entities_by_ids":              ids,
		"participants_by_events":       ids,
		"evidence_by_events":           ids,
		"export_entities":              nil,
		"export_events":                nil,
		"export_articles":              nil,
		"export_participants":          nil,
		"export_relations":             nil,
		"export_evidence":              nil,
		"export_mentions":              nil,
		"export_selection_entities":    with(map[string]any{"afterID": "", "limit": 200, "all": false}),
		"export_selection_articles":    with(map[string]any{"afterID": "a", "limit": 200, "all": true}),
		"export_selection_relations":   with(map[string]any{"ids": []string{"a"}, "all": false}),
		"export_selection_mentions":    with(map[string]any{"ids": []string{"a"}, "all": false}),
		"export_selection_unpublished": with(map[string]any{"all": false, "now": time.Now().UTC(), "today": "2030-01-01"}),
		"count_labels":                 nil,
		"count_relationships":          nil,
	}
	for name, p := range identityExplainParams() {
		params[name] = p
	}
	var labels []string
	for _, typ := range append(extract.EntityTypes(), extract.EventTypes()...) {
		if l, ok := entityLabel(typ); ok {
			labels = append(labels, l)
		} else if l, ok := eventLabel(typ); ok {
			labels = append(labels, l)
		}
	}
	names := sortedKeys(loaded)
	for _, name := range names {
		p, ok := params[name]
		if !ok {
			t.Errorf("%s: no EXPLAIN parameters in TestExplain", name)
			continue
		}
		q, _ := cypherFiles.ReadFile("cypher/" + name + ".cypher")
		variants := []string{string(q)}
		if name == "entity_label" || name == "event_label" || name == "events_count_type" {
			variants = variants[:0]
			for _, l := range labels {
				variants = append(variants, withLabel(string(q), l))
			}
		}
		for _, v := range variants {
			notes, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]neo4j.Notification, error) {
				res, err := tx.Run(ctx, "EXPLAIN "+v, p)
				if err != nil {
					return nil, err
				}
				sum, err := res.Consume(ctx)
				if err != nil {
					return nil, err
				}
				return sum.Notifications(), nil
			})
			if err != nil {
				t.Errorf("EXPLAIN %s: %v", name, err)
			}
			// Warnings (deprecations, cartesian products, ...) fail. Unknown
			// labels, types and keys only say what this database has not
			// seen yet, so they are logged like information.
			for _, n := range notes {
				msg := fmt.Sprintf("EXPLAIN %s: %s %s: %s", name, n.RawSeverityLevel(), n.Code(), n.Description())
				unknown := strings.HasPrefix(n.Code(), "Neo.ClientNotification.Statement.Unknown")
				if n.RawSeverityLevel() == "WARNING" && !unknown {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		}
	}
}

func TestConnectGivesUp(t *testing.T) {
	// Nothing listens on port 1: Connect retries until the context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	start := time.Now()
	driver, err := Connect(ctx, "bolt://127.0.0.1:1", "neo4j", "x")
	if err == nil {
		driver.Close(ctx)
		t.Fatal("Connect to a closed port succeeded")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Connect gave up after %v, want about the context's 1.5s", d)
	}
}

func TestConnectWrongPassword(t *testing.T) {
	MustOpenStore(t) // skips without a server
	uri := neo4jtest.FromEnv(os.Getenv).URI
	start := time.Now()
	// An unknown user, so no real account's failed-login count goes up.
	driver, err := Connect(context.Background(), uri, "dipgraph-no-such-user", "wrong")
	if err == nil {
		driver.Close(context.Background())
		t.Fatal("Connect with wrong credentials succeeded")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Connect with wrong credentials took %v; it should not retry", d)
	}
}
