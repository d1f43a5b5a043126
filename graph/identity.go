package graph

import (
	"slices"
	"sort"
)

// Identity across articles.
//
// The extractor gives ids from content: person:<slug of the name>,
// event:<type>:<hash of type, participants and date>. Two reports of one
// visit with a day's difference in the date, or with "Sergei" for
// "Sergey", get other ids. A store therefore resolves a batch's ids
// against what it holds before it writes, with the pure rules of this
// package:
//
//   - persons: MatchNames, TitlesAgree, SamePerson, SameIDAgrees,
//     QualifiedPersonID and NameKey (identity_name.go);
//   - events: KeyOf, SameEvent, PickEvent, Reconcile and Absorb
//     (identity_event.go);
//   - curation decisions: CurationMap (curation.go);
//
// and rewrites the batch with Rename.

// Rename returns a copy of b with entity and event ids replaced as the
// maps say, in every place they occur: entities, participants,
// attributions, part-of links, relations and mentions. Entities or events
// that come to share an id are folded into one: the first keeps its
// values and takes the others' names as aliases, empty values, and
// participants and evidence. Relations that come to share (source, type,
// target) are folded likewise, and a relation of an entity to itself is
// dropped. Participants come out sorted by (Role, EntityID), as
// FromExtract gives them.
func (b Batch) Rename(entities, events map[string]string) Batch {
	ent := func(id string) string {
		if n, ok := entities[id]; ok {
			return n
		}
		return id
	}
	evt := func(id string) string {
		if n, ok := events[id]; ok {
			return n
		}
		return id
	}
	out := Batch{Article: b.Article}

	entityAt := map[string]int{}
	for _, e := range b.Entities {
		e.ID = ent(e.ID)
		e.Aliases = append([]string(nil), e.Aliases...)
		i, seen := entityAt[e.ID]
		if !seen {
			entityAt[e.ID] = len(out.Entities)
			out.Entities = append(out.Entities, e)
			continue
		}
		first := &out.Entities[i]
		first.Aliases = addAliases(first.Aliases, first.Name, append([]string{e.Name}, e.Aliases...)...)
		fillString(&first.Name, e.Name)
		fillString(&first.ISO3, e.ISO3)
		fillString(&first.ISO2, e.ISO2)
		fillString(&first.Country, e.Country)
		fillString(&first.Title, e.Title)
	}

	eventAt := map[string]int{}
	for _, ev := range b.Events {
		ev.ID = evt(ev.ID)
		if ev.PartOf != "" {
			ev.PartOf = evt(ev.PartOf)
		}
		if ev.Attribution != "" {
			ev.Attribution = ent(ev.Attribution)
		}
		parts := make([]Participant, 0, len(ev.Participants))
		for _, p := range ev.Participants {
			parts = append(parts, Participant{Role: p.Role, EntityID: ent(p.EntityID), Groups: p.Groups, Sectors: p.Sectors})
		}
		ev.Participants = parts
		ev.Evidence = append([]Evidence(nil), ev.Evidence...)
		i, seen := eventAt[ev.ID]
		if !seen {
			eventAt[ev.ID] = len(out.Events)
			out.Events = append(out.Events, ev)
			continue
		}
		first := &out.Events[i]
		first.Participants = append(first.Participants, ev.Participants...)
		first.Evidence = append(first.Evidence, ev.Evidence...)
	}
	for i := range out.Events {
		out.Events[i].Participants = uniqueParticipants(out.Events[i].Participants)
		out.Events[i].Evidence = uniqueEvidence(out.Events[i].Evidence)
	}

	relAt := map[[3]string]int{}
	for _, r := range b.Relations {
		r.Source, r.Target = ent(r.Source), ent(r.Target)
		if r.Source == r.Target {
			continue
		}
		r.Evidence = append([]Evidence(nil), r.Evidence...)
		k := [3]string{r.Source, r.Type, r.Target}
		i, seen := relAt[k]
		if !seen {
			relAt[k] = len(out.Relations)
			out.Relations = append(out.Relations, r)
			continue
		}
		first := &out.Relations[i]
		fillString(&first.Role, r.Role)
		fillString(&first.Date, r.Date)
		first.Evidence = uniqueEvidence(append(first.Evidence, r.Evidence...))
	}

	seenMention := map[Mention]bool{}
	for _, m := range b.Mentions {
		m.EntityID = ent(m.EntityID)
		if !seenMention[m] {
			seenMention[m] = true
			out.Mentions = append(out.Mentions, m)
		}
	}
	return out
}

// fillString sets *dst to s when *dst is empty.
func fillString(dst *string, s string) {
	if *dst == "" {
		*dst = s
	}
}

// addAliases adds names to aliases, leaving out empty ones, the entity's
// own name and duplicates, and returns them sorted.
func addAliases(aliases []string, name string, names ...string) []string {
	out := make([]string, 0, len(aliases)+len(names))
	for _, a := range append(append([]string(nil), aliases...), names...) {
		if a != name {
			out = append(out, a)
		}
	}
	return sortedUnique(out)
}

// AddAliases returns e with names added to its aliases: sorted, without
// duplicates, empty names or e's own name.
func (e Entity) AddAliases(names ...string) Entity {
	e.Aliases = addAliases(e.Aliases, e.Name, names...)
	return e
}

// uniqueParticipants sorts participants by (Role, EntityID) and drops
// repeats.
func uniqueParticipants(ps []Participant) []Participant {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Role != ps[j].Role {
			return ps[i].Role < ps[j].Role
		}
		return ps[i].EntityID < ps[j].EntityID
	})
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && p.Role == out[n-1].Role && p.EntityID == out[n-1].EntityID {
			out[n-1].Groups = sortedUnique(append(append([]string(nil), out[n-1].Groups...), p.Groups...))
			out[n-1].Sectors = sortedUnique(append(append([]string(nil), out[n-1].Sectors...), p.Sectors...))
			continue
		}
		out = append(out, p)
	}
	return out
}

// sortedUnique sorts the strings and drops repeats and empty ones; nil
// when none is left.
func sortedUnique(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// uniqueEvidence drops repeated spans, keeping the first's order.
func uniqueEvidence(ev []Evidence) []Evidence {
	seen := map[Evidence]bool{}
	out := ev[:0]
	for _, e := range ev {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
