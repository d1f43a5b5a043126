package extract

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTripDays(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // type date..end of each event, sorted
	}{
		{"a meeting without a date takes the days of the visit",
			"Secretary of State John Smith will travel to Chile May 3-5. The weather will be fine. The Secretary will meet with Chilean Prime Minister Ann Jones.",
			[]string{"Meeting 2022-05-03..2022-05-05", "Visit 2022-05-03..2022-05-05"}},
		{"a meeting with someone of another country keeps its own date",
			"Secretary of State John Smith will travel to Chile May 3-5. The weather will be fine. The Secretary will meet with Japanese Prime Minister Ann Jones.",
			[]string{"Meeting 2022-04-29..", "Visit 2022-05-03..2022-05-05"}},
		{"an undated visit told again is the dated one",
			"Secretary of State John Smith will travel to Japan May 7-9. In Tokyo, Secretary of State John Smith will visit Japan to lead the delegation.",
			[]string{"Visit 2022-05-07..2022-05-09"}},
		{"two visits to the same country lend no days",
			"Secretary of State John Smith will travel to Japan May 7-9. Secretary of State John Smith will travel to Japan June 7-9. The weather will be fine. The Secretary will meet with Japanese Prime Minister Ann Jones.",
			[]string{"Meeting 2022-04-29..", "Visit 2022-05-07..2022-05-09", "Visit 2022-06-07..2022-06-09"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(Input{ID: "t", Text: tt.text, Published: "2022-04-29", Source: "state_dept"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range res.Nodes {
				if IsEventType(n.Type) {
					got = append(got, n.Type+" "+str(n.Properties[PropDate])+".."+str(n.Properties[PropEnd]))
				}
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("events of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// A journey to several countries over the same days, each a visit of its
// own, as the parsed text gives them.
func TestTripLegNarrowed(t *testing.T) {
	smith := &entity{id: "person:smith", typ: TypePerson, country: "USA"}
	chile := &entity{id: "country:CHL", typ: TypeCountry, iso3: "CHL"}
	japan := &entity{id: "country:JPN", typ: TypeCountry, iso3: "JPN"}
	jones := &entity{id: "person:jones", typ: TypePerson, country: "JPN"}
	visit := func(host *entity) *event {
		return &event{typ: TypeVisit, date: "2022-05-02", end: "2022-05-12", precision: PrecisionDay, dated: true,
			parts: []part{p0("visitor", smith), p0("host", host)}}
	}
	toChile, toJapan := visit(chile), visit(japan)
	meeting := &event{typ: TypeMeeting, date: "2022-05-06", precision: PrecisionDay, dated: true,
		parts: []part{p0("party", smith), p0("party", jones)}}
	x := &extraction{events: []*event{toChile, toJapan, meeting}, byKey: map[string]*event{}}
	x.tripDays()
	got := []string{toChile.date + ".." + toChile.end, toJapan.date + ".." + toJapan.end, meeting.date + ".." + meeting.end}
	want := []string{"2022-05-02..2022-05-12", "2022-05-06..", "2022-05-06.."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chile, japan, meeting (-want +got):\n%s", diff)
	}
}
