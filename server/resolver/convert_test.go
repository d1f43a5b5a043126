package resolver

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
)

// TestEventNode checks that every event type of extract has its API
// type, which keeps the stored event whole.
func TestEventNode(t *testing.T) {
	for _, typ := range extract.EventTypes() {
		ev := graph.Event{ID: "event:" + typ, Type: typ, Label: "x", Reports: 2}
		n, err := eventNode(ev)
		if err != nil {
			t.Errorf("eventNode(type %s): %v", typ, err)
			continue
		}
		if diff := cmp.Diff(ev, *n.GraphEvent()); diff != "" {
			t.Errorf("eventNode(type %s) lost data (-want +got):\n%s", typ, diff)
		}
	}
	if _, err := eventNode(graph.Event{ID: "x", Type: "Party"}); err == nil {
		t.Error("eventNode of an unknown type: no error")
	}
}

// TestComplexityReachesEventTypes checks that the cost model gave the
// lists of every event type their fan-out.
func TestComplexityReachesEventTypes(t *testing.T) {
	c := Complexity()
	root := reflect.ValueOf(c)
	for _, typ := range extract.EventTypes() {
		v := root.FieldByName(typ)
		if !v.IsValid() {
			t.Errorf("no complexity for event type %s: is it in the schema?", typ)
			continue
		}
		for _, name := range []string{"Participants", "Evidence"} {
			f, ok := v.FieldByName(name).Interface().(func(int) int)
			if !ok || f == nil {
				t.Errorf("%s.%s has no cost", typ, name)
				continue
			}
			if got := f(10); got != 1+10*map[string]int{"Participants": fanParticipants, "Evidence": fanEvidence}[name] {
				t.Errorf("%s.%s costs %d for a selection of 10", typ, name, got)
			}
		}
	}
}

func TestQuadClasses(t *testing.T) {
	for n := 1; n <= 4; n++ {
		q := quadClass(n)
		if q == nil || !q.IsValid() {
			t.Fatalf("quadClass(%d) = %v", n, q)
		}
		if got := quadClassNumbers([]gql.QuadClass{*q}); !cmp.Equal(got, []int{n}) {
			t.Errorf("quadClassNumbers(%s) = %v, want [%d]", *q, got, n)
		}
	}
	for _, n := range []int{0, 5, -1} {
		if q := quadClass(n); q != nil {
			t.Errorf("quadClass(%d) = %s, want nil", n, *q)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Visit of Sergey Lavrov to Azerbaijan", 80, "Visit of Sergey Lavrov to Azerbaijan"},
		{"Negotiation: France, Germany, Switzerland, Italy", 30, "Negotiation: France, Germany…"},
		{"Négociation: Azerbaïdjan", 12, "Négociation…"},
	} {
		got := shorten(tc.in, tc.n)
		if got != tc.want || len([]rune(got)) > tc.n {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestNodeTypeAndKind(t *testing.T) {
	for _, tc := range []struct {
		typ, want string
		kind      gql.NodeKind
	}{
		{"Country", "COUNTRY", gql.NodeKindEntity},
		{"MilitaryAction", "MILITARY_ACTION", gql.NodeKindEvent},
		{"ReduceRelations", "REDUCE_RELATIONS", gql.NodeKindEvent},
	} {
		n := &graph.Node{Type: tc.typ}
		if got := nodeType(n); got != tc.want {
			t.Errorf("nodeType(%s) = %s, want %s", tc.typ, got, tc.want)
		}
		if got := nodeKind(n); got != tc.kind {
			t.Errorf("nodeKind(%s) = %s, want %s", tc.typ, got, tc.kind)
		}
	}
}

func TestRelationsWhere(t *testing.T) {
	rels := []graph.Relation{
		{Source: "person:a", Target: "country:X", Type: "OFFICIAL_OF"},
		{Source: "country:X", Target: "org:u", Type: "MEMBER_OF"},
		{Source: "place:c", Target: "country:X", Type: "LOCATED_IN"},
	}
	types := func(rs []graph.Relation) []string {
		out := []string{}
		for _, r := range rs {
			out = append(out, r.Type)
		}
		return out
	}
	for _, tc := range []struct {
		dir   int
		types []string
		want  []string
	}{
		{both, nil, []string{"OFFICIAL_OF", "MEMBER_OF", "LOCATED_IN"}},
		{incoming, nil, []string{"OFFICIAL_OF", "LOCATED_IN"}},
		{outgoing, nil, []string{"MEMBER_OF"}},
		{incoming, []string{"OFFICIAL_OF"}, []string{"OFFICIAL_OF"}},
		{both, []string{"PART_OF"}, []string{}},
	} {
		if diff := cmp.Diff(tc.want, types(relationsWhere(rels, "country:X", tc.dir, tc.types...))); diff != "" {
			t.Errorf("relationsWhere(dir %d, %v) (-want +got):\n%s", tc.dir, tc.types, diff)
		}
	}
}

func TestEntityNode(t *testing.T) {
	for _, typ := range extract.EntityTypes() {
		e := graph.Entity{ID: "x:" + typ, Type: typ}
		n, err := entityNode(e)
		if err != nil {
			t.Errorf("entityNode(type %s): %v", typ, err)
			continue
		}
		if diff := cmp.Diff(e, n.Graph()); diff != "" {
			t.Errorf("entityNode(type %s) lost data (-want +got):\n%s", typ, diff)
		}
	}
	if _, err := entityNode(graph.Entity{ID: "x", Type: "Planet"}); err == nil {
		t.Error("entityNode of an unknown type: no error")
	}
}

func TestPublished(t *testing.T) {
	for _, tc := range []struct{ in, day, at string }{
		{"2017-11-16T11:54:00+04:00", "2017-11-16", "2017-11-16T11:54:00+04:00"},
		{"2017-11-16T23:30:00-05:00", "2017-11-16", "2017-11-16T23:30:00-05:00"},
		{"2017-11-16", "2017-11-16", ""},
		{"", "", ""},
		{"Nov 16", "", ""},
	} {
		var day, at string
		if d := publishedDay(tc.in); d != nil {
			day = d.Format("2006-01-02")
		}
		if a := publishedAt(tc.in); a != nil {
			at = a.Format("2006-01-02T15:04:05Z07:00")
		}
		if day != tc.day || at != tc.at {
			t.Errorf("published %q: day %q, at %q; want %q, %q", tc.in, day, at, tc.day, tc.at)
		}
	}
}
