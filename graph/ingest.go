package graph

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
)

// FromExtract turns one article's extraction into a batch for a store. It is
// pure: the same result always gives the same batch.
func FromExtract(r extract.Result) (Batch, error) {
	a := r.Article
	if a.ID == "" {
		return Batch{}, fmt.Errorf("article without id: %w", ErrInvalid)
	}
	b := Batch{Article: Article{
		ID: a.ID, Title: a.Title, Published: a.Published, Source: a.Source,
		Section: a.Section, Author: a.Author, Dateline: a.Dateline, URL: a.URL, Text: a.Text,
	}}
	types := map[string]string{}
	for _, n := range r.Nodes {
		types[n.ID] = n.Type
		switch {
		case extract.IsEntityType(n.Type):
			e := Entity{
				ID: n.ID, Type: n.Type, Name: n.Name,
				ISO3:    str(n.Properties[extract.PropISO3]),
				ISO2:    str(n.Properties[extract.PropISO2]),
				Country: str(n.Properties[extract.PropCountry]),
				Title:   str(n.Properties[extract.PropTitle]),
				Aliases: strs(n.Properties[extract.PropAliases]),
			}
			b.Entities = append(b.Entities, e)
			for _, s := range spans(n.Properties[extract.PropMentions]) {
				b.Mentions = append(b.Mentions, Mention{EntityID: n.ID, ArticleID: a.ID, Start: s.Start, End: s.End})
			}
		case extract.IsEventType(n.Type):
			ev, err := eventFromNode(n, a.ID)
			if err != nil {
				return Batch{}, err
			}
			b.Events = append(b.Events, ev)
		default:
			return Batch{}, fmt.Errorf("node %s: unknown type %q: %w", n.ID, n.Type, ErrInvalid)
		}
	}
	events := map[string]int{}
	for i, ev := range b.Events {
		events[ev.ID] = i
	}
	for _, e := range r.Edges {
		if i, ok := events[e.Source]; ok {
			if !extract.IsEntityType(types[e.Target]) {
				return Batch{}, fmt.Errorf("edge %s -%s-> %s: target is no entity: %w", e.Source, e.Type, e.Target, ErrInvalid)
			}
			b.Events[i].Participants = append(b.Events[i].Participants, Participant{Role: e.Type, EntityID: e.Target,
				Groups: sortedUnique(strs(e.Properties[extract.PropGroups])), Sectors: sortedUnique(strs(e.Properties[extract.PropSectors]))})
			continue
		}
		if e.Type == "AUTHORED" {
			// The author is kept on the article; the person node stays.
			continue
		}
		if !extract.IsEntityType(types[e.Source]) || !extract.IsEntityType(types[e.Target]) {
			return Batch{}, fmt.Errorf("edge %s -%s-> %s: unknown end: %w", e.Source, e.Type, e.Target, ErrInvalid)
		}
		rel := Relation{Source: e.Source, Target: e.Target, Type: e.Type,
			Role: str(e.Properties["role"]), Date: str(e.Properties[extract.PropDate])}
		for _, s := range spans(e.Properties[extract.PropEvidence]) {
			rel.Evidence = append(rel.Evidence, Evidence{ArticleID: a.ID, Start: s.Start, End: s.End})
		}
		b.Relations = append(b.Relations, rel)
	}
	for i := range b.Events {
		p := b.Events[i].Participants
		sort.Slice(p, func(x, y int) bool {
			if p[x].Role != p[y].Role {
				return p[x].Role < p[y].Role
			}
			return p[x].EntityID < p[y].EntityID
		})
	}
	return b, nil
}

func eventFromNode(n extract.Node, articleID string) (Event, error) {
	p := n.Properties
	ev := Event{
		ID: n.ID, Type: n.Type, Label: n.Name,
		Date:        str(p[extract.PropDate]),
		End:         str(p[extract.PropEnd]),
		Precision:   str(p[extract.PropPrecision]),
		Modality:    str(p[extract.PropModality]),
		Subtype:     str(p[extract.PropSubtype]),
		CAMEO:       str(p[extract.PropCAMEO]),
		CAMEORoot:   str(p[extract.PropCAMEORoot]),
		QuadClass:   num[int](p[extract.PropQuadClass]),
		Goldstein:   num[float64](p[extract.PropGoldstein]),
		Confidence:  num[float64](p[extract.PropConfidence]),
		Attribution: str(p[extract.PropAttribution]),
		Ordinal:     num[int](p[extract.PropOrdinal]),
		Count:       num[int](p[extract.PropCount]),
		Topic:       str(p[extract.PropTopic]),
		Origin:      str(p[extract.PropOrigin]),
		PartOf:      str(p[extract.PropPartOf]),
	}
	if ev.Label == "" {
		ev.Label = ev.Type
	}
	if ev.Date != "" { // an undated event of an undated article keeps zero From and To
		from, to, err := DateRange(ev.Date, ev.End)
		if err != nil {
			return Event{}, fmt.Errorf("event %s: %w", n.ID, err)
		}
		ev.From, ev.To = from, to
	}
	for _, s := range spans(p[extract.PropEvidence]) {
		ev.Evidence = append(ev.Evidence, Evidence{ArticleID: articleID, Start: s.Start, End: s.End})
	}
	switch gs := p[extract.PropUnattributed].(type) {
	case []extract.GroupActor:
		for _, g := range gs {
			ev.UnattributedActors = append(ev.UnattributedActors, UnattributedActor{Role: g.Role, Name: g.Name, Sector: g.Sector})
		}
	case []any: // decoded from JSON (extract's output read back by ingest --graphs)
		for _, x := range gs {
			if m, ok := x.(map[string]any); ok {
				ev.UnattributedActors = append(ev.UnattributedActors,
					UnattributedActor{Role: str(m["role"]), Name: str(m["name"]), Sector: str(m["sector"])})
			}
		}
	}
	return ev, nil
}

// DateRange returns the first and last day covered by an ISO 8601 date at
// its precision (YYYY, YYYY-MM or YYYY-MM-DD), extended to the end of end
// when end is given.
func DateRange(date, end string) (from, to time.Time, err error) {
	if date == "" {
		return from, to, fmt.Errorf("event without date: %w", ErrInvalid)
	}
	from, to, err = dayRange(date)
	if err != nil {
		return from, to, err
	}
	if end != "" {
		_, t, err := dayRange(end)
		if err != nil {
			return from, to, err
		}
		if t.Before(from) {
			return from, to, fmt.Errorf("range %s..%s ends before it starts: %w", date, end, ErrInvalid)
		}
		to = t
	}
	return from, to, nil
}

func dayRange(s string) (from, to time.Time, err error) {
	switch strings.Count(s, "-") {
	case 0:
		t, e := time.Parse("2006", s)
		return t, t.AddDate(1, 0, -1), wrapDate(s, e)
	case 1:
		t, e := time.Parse("2006-01", s)
		return t, t.AddDate(0, 1, -1), wrapDate(s, e)
	default:
		t, e := time.Parse("2006-01-02", s)
		return t, t, wrapDate(s, e)
	}
}

func wrapDate(s string, err error) error {
	if err != nil {
		return fmt.Errorf("date %q: %w", s, ErrInvalid)
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func strs(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func num[T int | float64](v any) T {
	switch x := v.(type) {
	case int:
		return T(x)
	case float64:
		return T(x)
	case int64:
		return T(x)
	}
	return 0
}

func spans(v any) []extract.Span {
	switch x := v.(type) {
	case []extract.Span:
		return x
	case []any: // decoded from JSON
		var out []extract.Span
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			out = append(out, extract.Span{Start: num[int](m["start"]), End: num[int](m["end"])})
		}
		return out
	}
	return nil
}
