package neo4jstore

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// These tests need no database.

func TestQueriesAllLoaded(t *testing.T) {
	names, err := fs.Glob(cypherFiles, "cypher/*.cypher")
	if err != nil {
		t.Fatal(err)
	}
	embedded := map[string]bool{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "cypher/"), ".cypher")
		embedded[name] = true
		if !loaded[name] {
			t.Errorf("cypher/%s.cypher is embedded but no mustQuery(%q) loads it", name, name)
		}
	}
	for name := range loaded {
		if !embedded[name] {
			t.Errorf("mustQuery(%q) has no file cypher/%s.cypher", name, name)
		}
	}
	if len(embedded) == 0 {
		t.Fatal("no embedded queries")
	}
}

func TestQueryHeaders(t *testing.T) {
	for name := range loaded {
		b, err := cypherFiles.ReadFile("cypher/" + name + ".cypher")
		if err != nil {
			t.Fatal(err)
		}
		q := string(b)
		if !strings.HasPrefix(q, "// "+name+": ") {
			t.Errorf("%s: header does not start with %q", name, "// "+name+": ")
		}
		for _, field := range []string{"// Params:", "// Returns:", "// Idempotent:"} {
			if !strings.Contains(q, field) {
				t.Errorf("%s: header lacks %q", name, field)
			}
		}
	}
}

// TestSharedBlocks checks that the queries sharing a block (the event
// filter, the article filter, the candidate events of anchors) hold the
// same text in it, up to indentation, so that a total counts what a page
// lists and every view filters alike.
func TestSharedBlocks(t *testing.T) {
	block := func(q, marker string) (string, bool) {
		_, rest, ok1 := strings.Cut(q, "// "+marker+":begin")
		block, _, ok2 := strings.Cut(rest, "// "+marker+":end")
		if !ok1 || !ok2 {
			return "", false
		}
		var lines []string
		for _, l := range strings.Split(block, "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		return strings.Join(lines, "\n"), true
	}
	for marker, want := range map[string][]string{
		"filter": {"events_page", "events_by_date", "events_by_date_desc", "events_undated", "events_count",
			"events_involving", "dyad", "partners", "subgraph_step",
			"export_selection_entities", "export_selection_articles", "export_selection_relations",
			"export_selection_mentions", "export_selection_unpublished"},
		"article filter": {"articles_page", "articles_mentioning"},
		"candidates":     {"events_involving", "dyad", "partners"},
	} {
		var first, firstName string
		var have []string
		for _, name := range sortedKeys(loaded) {
			q, _ := cypherFiles.ReadFile("cypher/" + name + ".cypher")
			b, ok := block(string(q), marker)
			if !ok {
				continue
			}
			have = append(have, name)
			if first == "" {
				first, firstName = b, name
				continue
			}
			if diff := cmp.Diff(first, b); diff != "" {
				t.Errorf("%s block of %s and %s differ (-%s +%s):\n%s", marker, firstName, name, firstName, name, diff)
			}
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("queries with a %s block (-want +got):\n%s", marker, diff)
		}
	}
}

func TestLabelsClosed(t *testing.T) {
	for _, typ := range extract.EntityTypes() {
		if l, ok := entityLabel(typ); !ok || l != typ {
			t.Errorf("entityLabel(%q) = %q, %v; want %q, true", typ, l, ok, typ)
		}
		if _, ok := eventLabel(typ); ok {
			t.Errorf("eventLabel(%q) accepts an entity type", typ)
		}
	}
	for _, typ := range extract.EventTypes() {
		if l, ok := eventLabel(typ); !ok || l != typ {
			t.Errorf("eventLabel(%q) = %q, %v; want %q, true", typ, l, ok, typ)
		}
	}
	for _, typ := range []string{"", "Entity", "Event", "Article", "Country) DETACH DELETE (n", "visit"} {
		if _, ok := entityLabel(typ); ok {
			t.Errorf("entityLabel(%q) accepted", typ)
		}
		if _, ok := eventLabel(typ); ok {
			t.Errorf("eventLabel(%q) accepted", typ)
		}
	}
	for _, q := range []string{entityLabelQuery, eventLabelQuery} {
		got := withLabel(q, "Visit")
		if strings.Contains(got, labelPlaceholder) || !strings.Contains(got, ":Visit") {
			t.Errorf("withLabel did not replace the placeholder in\n%s", got)
		}
	}
}

func TestSpanFormat(t *testing.T) {
	for _, want := range []graph.Evidence{
		{ArticleID: "trend-2017-11-16", Start: 0, End: 12},
		{ArticleID: "odd[1:2]:id", Start: 130, End: 2000},
		{ArticleID: "", Start: 5, End: 5},
	} {
		s := formatSpan(want.ArticleID, want.Start, want.End)
		got, ok := parseSpan(s)
		if !ok {
			t.Errorf("parseSpan(%q) failed", s)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("parseSpan(formatSpan(...)) (-want +got):\n%s", diff)
		}
	}
	for _, bad := range []string{"", "art", "art[1:2", "art[x:2]", "art[12]"} {
		if got, ok := parseSpan(bad); ok {
			t.Errorf("parseSpan(%q) = %+v, want failure", bad, got)
		}
	}
}

func TestStatement(t *testing.T) {
	src := "// A comment.\n  // Another one.\nCREATE INDEX x IF NOT EXISTS\nFOR (n:N) ON (n.p);\n\n"
	want := "CREATE INDEX x IF NOT EXISTS\nFOR (n:N) ON (n.p)"
	if got := statement(src); got != want {
		t.Errorf("statement(%q) = %q, want %q", src, got, want)
	}
	if got := statement("// only a comment\n"); got != "" {
		t.Errorf("statement of a comment = %q, want empty", got)
	}
}

func TestPrepareInvalid(t *testing.T) {
	ok := graph.Batch{
		Article:  graph.Article{ID: "a", Text: "Lavrov visited Baku."},
		Entities: []graph.Entity{{ID: "person:lavrov", Type: "Person", Name: "Lavrov"}},
		Events: []graph.Event{{ID: "ev", Type: "Visit", Date: "2017-11-20",
			Evidence: []graph.Evidence{{Start: 0, End: 20}}}},
	}
	if _, err := prepare(ok); err != nil {
		t.Fatalf("prepare(valid batch): %v", err)
	}
	for name, mutate := range map[string]func(*graph.Batch){
		"no article id":        func(b *graph.Batch) { b.Article.ID = "" },
		"unknown entity type":  func(b *graph.Batch) { b.Entities[0].Type = "Person:Admin" },
		"entity without id":    func(b *graph.Batch) { b.Entities[0].ID = "" },
		"event type as entity": func(b *graph.Batch) { b.Entities[0].Type = "Visit" },
		"unknown event type":   func(b *graph.Batch) { b.Events[0].Type = "Party" },
		"end without date":     func(b *graph.Batch) { b.Events[0].Date = ""; b.Events[0].End = "2017-11-21" },
		"bad date":             func(b *graph.Batch) { b.Events[0].Date = "20 Nov" },
		"span past the text":   func(b *graph.Batch) { b.Events[0].Evidence[0].End = 21 },
		"negative span":        func(b *graph.Batch) { b.Events[0].Evidence[0].Start = -1 },
		"reversed span":        func(b *graph.Batch) { b.Events[0].Evidence[0].Start = 10; b.Events[0].Evidence[0].End = 5 },
		"participant without role": func(b *graph.Batch) {
			b.Events[0].Participants = []graph.Participant{{EntityID: "person:lavrov"}}
		},
		"mention past the text": func(b *graph.Batch) {
			b.Mentions = []graph.Mention{{EntityID: "person:lavrov", ArticleID: "a", Start: 0, End: 99}}
		},
		"relation without type": func(b *graph.Batch) {
			b.Relations = []graph.Relation{{Source: "person:lavrov", Target: "person:lavrov"}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			b := ok
			b.Entities = append([]graph.Entity(nil), ok.Entities...)
			b.Events = append([]graph.Event(nil), ok.Events...)
			b.Events[0].Evidence = append([]graph.Evidence(nil), ok.Events[0].Evidence...)
			mutate(&b)
			if _, err := prepare(b); !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("prepare: got %v, want graph.ErrInvalid", err)
			}
		})
	}
}

func TestUnique(t *testing.T) {
	got := unique([]string{"b", "a", "", "b", "c", "a"})
	if diff := cmp.Diff([]string{"a", "b", "c"}, got); diff != "" {
		t.Errorf("unique (-want +got):\n%s", diff)
	}
}

func TestFulltextQuery(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		invalid    bool
	}{
		{text: "minsk gr", want: "+(minsk^2 minsk*) +(gr^2 gr*)"},
		{text: `"}) DETACH DELETE n // *:* OR id:*`, want: "+(detach^2 detach*) +(delete^2 delete*) +(n^2 n*) +(or^2 or*) +(id^2 id*)"},
		{text: "  ", want: ""},
		{text: strings.Repeat("a ", 32), want: strings.TrimSpace(strings.Repeat("+(a^2 a*) ", 32))},
		{text: strings.Repeat("a ", 33), invalid: true},
		{text: strings.Repeat("x", 1001), invalid: true},
	} {
		got, err := fulltextQuery(tc.text)
		if tc.invalid {
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("fulltextQuery(%.40q) = %q, %v; want ErrInvalid", tc.text, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("fulltextQuery(%.40q) = %q, %v; want %q", tc.text, got, err, tc.want)
		}
	}
}
