package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRename(t *testing.T) {
	const art = "apa"
	b := Batch{
		Article: Article{ID: art},
		Entities: []Entity{
			{ID: "person:sergei-lavrov", Type: "Person", Name: "Sergey Lavrov", Aliases: []string{"Sergei Lavrov"}},
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS", Aliases: []string{"Lavrov"}},
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan"},
		},
		Events: []Event{
			{ID: "event:visit:b", Type: "Visit", Attribution: "person:sergei-lavrov", PartOf: "event:conflict:x",
				Participants: []Participant{{Role: "host", EntityID: "country:AZE"}, {Role: "visitor", EntityID: "person:sergei-lavrov"}},
				Evidence:     []Evidence{{ArticleID: art, Start: 0, End: 10}}},
			{ID: "event:visit:a", Type: "Visit",
				Participants: []Participant{{Role: "visitor", EntityID: "person:sergey-lavrov"}},
				Evidence:     []Evidence{{ArticleID: art, Start: 0, End: 10}, {ArticleID: art, Start: 20, End: 30}}},
		},
		Relations: []Relation{
			{Source: "person:sergei-lavrov", Target: "country:RUS", Type: "OFFICIAL_OF", Evidence: []Evidence{{ArticleID: art, Start: 1, End: 2}}},
			{Source: "person:sergey-lavrov", Target: "country:RUS", Type: "OFFICIAL_OF", Role: "Foreign Minister"},
			{Source: "person:sergei-lavrov", Target: "person:sergey-lavrov", Type: "SAME_AS"},
		},
		Mentions: []Mention{
			{EntityID: "person:sergei-lavrov", ArticleID: art, Start: 0, End: 5},
			{EntityID: "person:sergey-lavrov", ArticleID: art, Start: 0, End: 5},
		},
	}
	before := cloneBatch(b)
	got := b.Rename(
		map[string]string{"person:sergei-lavrov": "person:sergey-lavrov"},
		map[string]string{"event:visit:b": "event:visit:a", "event:conflict:x": "event:conflict:y"})
	want := Batch{
		Article: Article{ID: art},
		Entities: []Entity{
			{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS",
				Aliases: []string{"Lavrov", "Sergei Lavrov"}},
			{ID: "country:AZE", Type: "Country", Name: "Azerbaijan"},
		},
		Events: []Event{
			{ID: "event:visit:a", Type: "Visit", Attribution: "person:sergey-lavrov", PartOf: "event:conflict:y",
				Participants: []Participant{{Role: "host", EntityID: "country:AZE"}, {Role: "visitor", EntityID: "person:sergey-lavrov"}},
				Evidence:     []Evidence{{ArticleID: art, Start: 0, End: 10}, {ArticleID: art, Start: 20, End: 30}}},
		},
		Relations: []Relation{
			{Source: "person:sergey-lavrov", Target: "country:RUS", Type: "OFFICIAL_OF", Role: "Foreign Minister",
				Evidence: []Evidence{{ArticleID: art, Start: 1, End: 2}}},
		},
		Mentions: []Mention{{EntityID: "person:sergey-lavrov", ArticleID: art, Start: 0, End: 5}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rename (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, b); diff != "" {
		t.Errorf("Rename changed its receiver (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(b, b.Rename(nil, nil)); diff != "" {
		t.Errorf("Rename(nil, nil) changed the batch (-want +got):\n%s", diff)
	}
}

// cloneBatch copies b deeply enough to see whether Rename writes through.
func cloneBatch(b Batch) Batch {
	out := b
	out.Entities = append([]Entity(nil), b.Entities...)
	for i := range out.Entities {
		out.Entities[i].Aliases = append([]string(nil), b.Entities[i].Aliases...)
	}
	out.Events = append([]Event(nil), b.Events...)
	for i := range out.Events {
		out.Events[i].Participants = append([]Participant(nil), b.Events[i].Participants...)
		out.Events[i].Evidence = append([]Evidence(nil), b.Events[i].Evidence...)
	}
	out.Relations = append([]Relation(nil), b.Relations...)
	out.Mentions = append([]Mention(nil), b.Mentions...)
	return out
}

func TestAddAliases(t *testing.T) {
	e := Entity{Name: "Sergey Lavrov", Aliases: []string{"Lavrov"}}
	got := e.AddAliases("Sergei Lavrov", "Sergey Lavrov", "", "Lavrov").Aliases
	if diff := cmp.Diff([]string{"Lavrov", "Sergei Lavrov"}, got); diff != "" {
		t.Errorf("AddAliases (-want +got):\n%s", diff)
	}
}
