package resolver

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
)

func TestScreamingSnake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"MilitaryAction", "MILITARY_ACTION"},
		{"ReduceRelations", "REDUCE_RELATIONS"},
		{"Aid", "AID"},
		{"day", "DAY"},
		{"hypothetical", "HYPOTHETICAL"},
	} {
		if got := screamingSnake(tc.in); got != tc.want {
			t.Errorf("screamingSnake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// checkEnum checks that e maps the extract vocabulary onto exactly the
// values of the generated GraphQL enum, both ways.
func checkEnum[E interface {
	~string
	IsValid() bool
}](t *testing.T, e enum[E], vocabulary []string, all []E) {
	t.Helper()
	var got []E
	for _, v := range vocabulary {
		api, err := e.api(v)
		if err != nil || !api.IsValid() {
			t.Errorf("%s %q: GraphQL value %q, %v; want a value of the schema", e.name, v, api, err)
		}
		got = append(got, api)
	}
	if diff := cmp.Diff(all, got); diff != "" {
		t.Errorf("%s: the schema's values and extract's differ (-schema +extract):\n%s", e.name, diff)
	}
	if diff := cmp.Diff(vocabulary, e.graph(all)); diff != "" {
		t.Errorf("%s: GraphQL values map back wrong (-want +got):\n%s", e.name, diff)
	}
	if _, err := e.api("NoSuchValue"); err == nil {
		t.Errorf("%s: an unknown stored value converts without error", e.name)
	}
}

func TestEnums(t *testing.T) {
	checkEnum(t, eventTypes, extract.EventTypes(), gql.AllEventType)
	checkEnum(t, entityTypes, extract.EntityTypes(), gql.AllEntityType)
	checkEnum(t, precisions, []string{extract.PrecisionDay, extract.PrecisionMonth, extract.PrecisionYear,
		extract.PrecisionDecade, extract.PrecisionDerived}, gql.AllDatePrecision)
	checkEnum(t, modalities, []string{extract.ModalityAsserted, extract.ModalityPlanned, extract.ModalityNegated,
		extract.ModalityHypothetical, extract.ModalityHistorical}, gql.AllModality)
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
