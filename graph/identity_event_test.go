package graph

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// entities named by the events of these tests.
var testEntities = map[string]Entity{
	"country:RUS":            {ID: "country:RUS", Type: "Country", Name: "Russia", ISO3: "RUS"},
	"country:AZE":            {ID: "country:AZE", Type: "Country", Name: "Azerbaijan", ISO3: "AZE"},
	"country:ARM":            {ID: "country:ARM", Type: "Country", Name: "Armenia", ISO3: "ARM"},
	"person:sergey-lavrov":   {ID: "person:sergey-lavrov", Type: "Person", Country: "RUS"},
	"person:vladimir-putin":  {ID: "person:vladimir-putin", Type: "Person", Country: "RUS"},
	"person:elmar-mammadyar": {ID: "person:elmar-mammadyar", Type: "Person", Country: "AZE"},
	"person:ilham-aliyev":    {ID: "person:ilham-aliyev", Type: "Person", Country: "AZE"},
	"person:nobody":          {ID: "person:nobody", Type: "Person"},
	"place:baku":             {ID: "place:baku", Type: "Place", Country: "AZE"},
	"org:osce":               {ID: "org:osce", Type: "Organization"},
}

// ev builds an event of type typ dated date[..end] with participants
// given as role, entity id pairs.
func ev(t *testing.T, id, typ, date, end, precision, modality string, parts ...string) Event {
	t.Helper()
	e := Event{ID: id, Type: typ, Date: date, End: end, Precision: precision, Modality: modality}
	var err error
	if e.From, e.To, err = DateRange(date, end); err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(parts); i += 2 {
		e.Participants = append(e.Participants, Participant{Role: parts[i], EntityID: parts[i+1]})
	}
	return e
}

func key(e Event) EventKey { return KeyOf(e, testEntities) }

func TestSameEvent(t *testing.T) {
	lavrovVisit := func(date, end, precision, modality string) Event {
		return ev(t, "v", "Visit", date, end, precision, modality,
			"visitor", "person:sergey-lavrov", "host", "country:AZE", "destination", "place:baku")
	}
	base := lavrovVisit("2017-11-20", "", "day", "asserted")
	for _, tc := range []struct {
		name string
		a, b Event
		want bool
	}{
		{"same day", base, lavrovVisit("2017-11-20", "", "day", "asserted"), true},
		{"a day off", base, lavrovVisit("2017-11-21", "", "day", "asserted"), true},
		{"two days off", base, lavrovVisit("2017-11-22", "", "day", "asserted"), false},
		{"range covers the day", base, lavrovVisit("2017-11-20", "2017-11-21", "day", "asserted"), true},
		{"month covers the day", base, lavrovVisit("2017-11", "", "month", "asserted"), true},
		{"another month", base, lavrovVisit("2017-12", "", "month", "asserted"), false},
		{"another visit in March", base, lavrovVisit("2018-03-05", "", "day", "asserted"), false},
		{"derived from a publication two days later", base, lavrovVisit("2017-11-22", "", "derived", "asserted"), true},
		{"derived from a publication two weeks later", base, lavrovVisit("2017-12-05", "", "derived", "asserted"), false},
		{"planned, then held", base, lavrovVisit("2017-11-20", "2017-11-21", "day", "planned"), true},
		{"asserted and historical", base, lavrovVisit("2017-11-20", "", "day", "historical"), true},
		{"denied", base, lavrovVisit("2017-11-20", "", "day", "negated"), false},
		{"a person implies his country",
			base, ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "visitor", "country:RUS", "host", "country:AZE"), true},
		{"the host given as a person",
			base, ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "visitor", "person:sergey-lavrov", "host", "person:elmar-mammadyar"), true},
		{"another visitor of the same country",
			base, ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "visitor", "person:vladimir-putin", "host", "country:AZE"), false},
		{"another host",
			base, ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "visitor", "person:sergey-lavrov", "host", "country:ARM"), false},
		{"no host on one side",
			base, ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "visitor", "person:sergey-lavrov"), true},
		{"only a location in common",
			ev(t, "v1", "Visit", "2017-11-20", "", "day", "asserted", "location", "place:baku"),
			ev(t, "v2", "Visit", "2017-11-20", "", "day", "asserted", "location", "place:baku"), false},
		{"a year is too coarse for a day",
			base, lavrovVisit("2017", "", "year", "asserted"), false},
		{"one shared country is not enough",
			ev(t, "c1", "Cooperation", "2021-03-04", "", "day", "asserted", "actor", "person:vladimir-putin", "target", "country:AZE"),
			ev(t, "c2", "Cooperation", "2021-03-04", "", "day", "asserted", "target", "country:AZE"), false},
		{"another type",
			base, ev(t, "m", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "country:AZE"), false},
		{"talks reported with the counterpart's country",
			ev(t, "m1", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "person:elmar-mammadyar"),
			ev(t, "m2", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "country:AZE"), true},
		{"talks with another counterpart",
			ev(t, "m1", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "person:elmar-mammadyar"),
			ev(t, "m2", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "person:ilham-aliyev"), false},
		{"a summit reported with fewer members",
			ev(t, "m1", "Meeting", "2017-11-20", "", "day", "asserted", "party", "country:RUS", "party", "country:AZE", "party", "country:ARM"),
			ev(t, "m2", "Meeting", "2017-11-20", "", "day", "asserted", "party", "country:RUS", "party", "country:AZE"), true},
		{"a meeting of one country is not a summit of two",
			ev(t, "m1", "Meeting", "2017-11-20", "", "day", "asserted", "party", "country:RUS"),
			ev(t, "m2", "Meeting", "2017-11-20", "", "day", "asserted", "party", "country:RUS", "party", "country:AZE"), false},
		{"talks reported without the counterpart",
			ev(t, "m1", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov"),
			ev(t, "m2", "Meeting", "2017-11-20", "", "day", "asserted", "participant", "person:sergey-lavrov", "participant", "person:elmar-mammadyar"), true},
		{"a stateless body is its own actor",
			ev(t, "s1", "Statement", "2017-11-16", "", "day", "asserted", "speaker", "org:osce"),
			ev(t, "s2", "Statement", "2017-11-16", "", "day", "asserted", "speaker", "org:osce", "target", "country:AZE"), true},
		{"statements on consecutive days",
			ev(t, "s1", "Statement", "2017-11-16", "", "day", "asserted", "speaker", "org:osce"),
			ev(t, "s2", "Statement", "2017-11-17", "", "day", "asserted", "speaker", "org:osce"), false},
		{"another anniversary",
			func() Event {
				e := ev(t, "a1", "Anniversary", "2017", "", "year", "asserted", "party", "country:RUS", "party", "country:AZE")
				e.Ordinal = 25
				return e
			}(),
			func() Event {
				e := ev(t, "a2", "Anniversary", "2017", "", "year", "asserted", "party", "country:RUS", "party", "country:AZE")
				e.Ordinal = 100
				return e
			}(), false},
		{"a treaty is not a ceasefire",
			func() Event {
				e := ev(t, "g1", "Agreement", "1994-05", "", "month", "historical", "party", "country:ARM", "party", "country:AZE")
				e.Subtype = "treaty"
				return e
			}(),
			func() Event {
				e := ev(t, "g2", "Agreement", "1994-05", "", "month", "historical", "party", "country:ARM", "party", "country:AZE")
				e.Subtype = "ceasefire"
				return e
			}(), false},
		{"an agreement may be the ceasefire",
			func() Event {
				e := ev(t, "g1", "Agreement", "1994", "", "year", "historical", "party", "country:ARM", "party", "country:AZE")
				e.Subtype = "agreement"
				return e
			}(),
			func() Event {
				e := ev(t, "g2", "Agreement", "1994-05", "", "month", "historical", "party", "country:ARM", "party", "country:AZE")
				e.Subtype = "ceasefire"
				return e
			}(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := key(tc.a), key(tc.b)
			if got := SameEvent(a, b); got != tc.want {
				t.Errorf("SameEvent(%+v, %+v) = %v, want %v", a, b, got, tc.want)
			}
			if got := SameEvent(b, a); got != tc.want {
				t.Errorf("SameEvent(%+v, %+v) = %v, want %v (not symmetric)", b, a, got, tc.want)
			}
		})
	}
}

func TestKeyOf(t *testing.T) {
	e := ev(t, "v", "Visit", "2017-11-20", "2017-11-21", "", "planned",
		"visitor", "person:sergey-lavrov", "host", "country:AZE", "destination", "place:baku",
		"location", "place:baku", "visitor", "person:unknown")
	got := KeyOf(e, testEntities)
	want := EventKey{ID: "v", Type: "Visit", Modality: "planned", Precision: "day", From: e.From, To: e.To,
		Actors: map[string]Actors{
			"source": {Countries: []string{"RUS"}, Named: []string{"person:sergey-lavrov", "person:unknown"}},
			"target": {Countries: []string{"AZE"}},
		}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("KeyOf (-want +got):\n%s", diff)
	}
}

func TestPickEvent(t *testing.T) {
	visit := func(id, date, precision, modality string) EventKey {
		return key(ev(t, id, "Visit", date, "", precision, modality,
			"visitor", "person:sergey-lavrov", "host", "country:AZE"))
	}
	in := visit("event:visit:new", "2017-11-20", "day", "asserted")
	for _, tc := range []struct {
		name       string
		in         EventKey
		cands      []EventCandidate
		wantID     string
		wantMerged bool
	}{
		{"nothing stored", in, nil, "event:visit:new", false},
		{"its own id stored", in, []EventCandidate{{Key: visit("event:visit:new", "2017-11-20", "day", "planned")}}, "event:visit:new", false},
		{"another report of it", in, []EventCandidate{{Key: visit("event:visit:old", "2017-11-20", "day", "planned")}}, "event:visit:old", true},
		{"another visit", in, []EventCandidate{{Key: visit("event:visit:old", "2018-03-05", "day", "asserted")}}, "event:visit:new", false},
		{"its own id taken by a denial", in,
			[]EventCandidate{{Key: visit("event:visit:new", "2017-11-20", "day", "negated")}}, "event:visit:new.asserted", true},
		{"its own id taken by a denial, a matching report stored", in,
			[]EventCandidate{
				{Key: visit("event:visit:new", "2017-11-20", "day", "negated")},
				{Key: visit("event:visit:old", "2017-11-20", "day", "asserted")},
			}, "event:visit:old", true},
		{"the overlapping date before the one a day off", in,
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-11-21", "day", "asserted")},
				{Key: visit("event:visit:b", "2017-11-20", "day", "asserted")},
			}, "event:visit:b", true},
		{"the finer date first", in,
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-11", "month", "asserted")},
				{Key: visit("event:visit:b", "2017-11-20", "day", "asserted")},
			}, "event:visit:b", true},
		{"anchored first", in,
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-11-20", "day", "asserted")},
				{Key: visit("event:visit:b", "2017-11", "month", "asserted"), Anchored: true},
			}, "event:visit:b", true},
		{"anchored even when it moved away", in,
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-11-20", "day", "asserted")},
				{Key: visit("event:visit:b", "2017-10-01", "day", "asserted"), Anchored: true},
			}, "event:visit:b", true},
		{"anchored before its own id, stored since by another article", in,
			[]EventCandidate{
				{Key: visit("event:visit:new", "2017-11-20", "day", "asserted")},
				{Key: visit("event:visit:b", "2017-11-18", "derived", "asserted"), Anchored: true},
			}, "event:visit:b", true},
		{"its own id anchored", in,
			[]EventCandidate{
				{Key: visit("event:visit:b", "2017-11-20", "day", "asserted"), Anchored: true},
				{Key: visit("event:visit:new", "2017-11-20", "day", "asserted"), Anchored: true},
			}, "event:visit:new", false},
		{"of two anchored the matching one", in,
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-10-01", "day", "asserted"), Anchored: true},
				{Key: visit("event:visit:b", "2017-11-20", "day", "asserted"), Anchored: true},
			}, "event:visit:b", true},
		{"a coarse report of two stored visits is ambiguous", visit("event:visit:new", "2017-11", "month", "asserted"),
			[]EventCandidate{
				{Key: visit("event:visit:a", "2017-11-03", "day", "asserted")},
				{Key: visit("event:visit:b", "2017-11-20", "day", "asserted")},
			}, "event:visit:new", false},
		{"a coarse report of one stored visit", visit("event:visit:new", "2017-11", "month", "asserted"),
			[]EventCandidate{{Key: visit("event:visit:b", "2017-11-20", "day", "asserted")}}, "event:visit:b", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, merged := PickEvent(tc.in, tc.cands)
			if id != tc.wantID || merged != tc.wantMerged {
				t.Errorf("PickEvent = %q, %v; want %q, %v", id, merged, tc.wantID, tc.wantMerged)
			}
		})
	}
}

func TestReconcile(t *testing.T) {
	day := ev(t, "a", "Visit", "2017-11-20", "", "day", "asserted")
	day.Confidence, day.Label = 0.9, "Visit of Sergey Lavrov to Baku"
	rng := ev(t, "b", "Visit", "2017-11-20", "2017-11-21", "day", "planned")
	rng.Confidence, rng.Label = 0.7, "Visit of Sergey Lavrov to Azerbaijan"
	month := ev(t, "c", "Visit", "2017-11", "", "month", "asserted")
	next := ev(t, "d", "Visit", "2017-11-21", "", "day", "asserted")

	type dated struct {
		Date, End, Precision, Modality string
		Confidence                     float64
	}
	of := func(e Event) dated { return dated{e.Date, e.End, e.Precision, e.Modality, e.Confidence} }
	for _, tc := range []struct {
		name           string
		stored, report Event
		want           dated
	}{
		{"the range and the asserted modality win", day, rng, dated{"2017-11-20", "2017-11-21", "day", "asserted", 0.9}},
		{"the day beats the month", month, day, dated{"2017-11-20", "", "day", "asserted", 0.9}},
		{"the day stays", day, month, dated{"2017-11-20", "", "day", "asserted", 0.9}},
		{"a day apart: the earlier", next, day, dated{"2017-11-20", "", "day", "asserted", 0.9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ab, ba := Absorb(tc.stored, tc.report), Absorb(tc.report, tc.stored)
			if diff := cmp.Diff(tc.want, of(ab)); diff != "" {
				t.Errorf("Absorb(stored, report) (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, of(ba)); diff != "" {
				t.Errorf("Absorb(report, stored) (-want +got): the order of reports matters:\n%s", diff)
			}
			if ab.ID != tc.stored.ID {
				t.Errorf("Absorb: id %q, want the stored %q", ab.ID, tc.stored.ID)
			}
			if r := Reconcile(tc.stored, tc.report); r.ID != tc.report.ID || r.Label != tc.report.Label {
				t.Errorf("Reconcile: id %q label %q, want the report's %q %q", r.ID, r.Label, tc.report.ID, tc.report.Label)
			}
			if got := ab.From; !got.Equal(mustFrom(t, tc.want.Date)) {
				t.Errorf("Absorb: From %v, want the first day of %s", got, tc.want.Date)
			}
		})
	}
	if got := Absorb(day, rng).Label; got != day.Label {
		t.Errorf("Absorb: label %q, want the stored %q", got, day.Label)
	}
}

func mustFrom(t *testing.T, date string) time.Time {
	t.Helper()
	from, _, err := DateRange(date, "")
	if err != nil {
		t.Fatal(err)
	}
	return from
}
