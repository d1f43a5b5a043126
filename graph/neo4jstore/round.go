package neo4jstore

import (
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// A round is a run of batches resolved against one read of the store and
// written with one statement per kind (IngestBatches). Identity
// resolution reads the store, and a batch must see what the batches
// before it wrote, as it would one transaction after another: the round
// keeps what its batches leave of the entities (roundEntities, in
// identity.go) and events (roundEvents) they write, by the rules of
// entity_merge and event_merge applied in Go to what the round read, and
// gives a later batch those instead of what the store held, and the ones
// the lookups would have found among them. Where it cannot tell (a batch
// wrote an entity or event whose earlier state nobody read, or gave a
// country to a participant of a candidate, or the same article comes
// again), the round ends before the batch, which is resolved again, after
// the round is written, in the next one.

// independentPrefix returns how many batches at the start of bs may share
// a round before their entities and events are resolved: at least one,
// and none whose article another batch of the round has (the second must
// see what the first wrote), nor, unless alone, one that links to spans
// of an article other than its own.
func independentPrefix(bs []graph.Batch) int {
	seen := map[string]bool{}
	for i, b := range bs {
		if foreignSpans(b) {
			return max(i, 1)
		}
		if seen[b.Article.ID] {
			return i
		}
		seen[b.Article.ID] = true
	}
	return len(bs)
}

// foreignSpans reports whether b holds evidence or mentions of another
// article than its own.
func foreignSpans(b graph.Batch) bool {
	other := func(id string) bool { return id != "" && id != b.Article.ID }
	for _, m := range b.Mentions {
		if other(m.ArticleID) {
			return true
		}
	}
	for _, ev := range b.Events {
		for _, x := range ev.Evidence {
			if other(x.ArticleID) {
				return true
			}
		}
	}
	for _, r := range b.Relations {
		for _, x := range r.Evidence {
			if other(x.ArticleID) {
				return true
			}
		}
	}
	return false
}

// roundEvents is what the batches of a round so far leave of the events
// they write: for each, the event as stored after them with its
// participants and what they are (nil when what was stored before the
// round is not known: an id no batch looked up), so that a later batch
// of the round finds it as event_candidates would.
type roundEvents struct {
	after map[string]*storedEvent
	// byPart indexes after by type and participant.
	byPart map[[2]string][]string
	// countried are the entities the round wrote a country to.
	countried map[string]bool
}

func newRoundEvents() *roundEvents {
	return &roundEvents{after: map[string]*storedEvent{}, byPart: map[[2]string][]string{}, countried: map[string]bool{}}
}

// candidates returns the candidates of the event row (its id, type,
// window and seeds) as event_candidates would find them after the
// batches so far: those found before the round, as the round left them,
// and the events the round wrote that match now; ordered by id. False
// when one of them is an event the round wrote without knowing what it
// held before, or has a participant the round gave a country.
func (r *roundEvents) candidates(found []storedEvent, id, typ string, from, to time.Time, dated bool, seeds []string) ([]storedEvent, bool) {
	out := make([]storedEvent, 0, len(found))
	seen := map[string]bool{}
	for _, c := range found {
		seen[c.event.ID] = true
		if a, ok := r.after[c.event.ID]; ok {
			if a == nil {
				return nil, false
			}
			// the round's values, with the batch's own reports and spans
			now := *a
			now.reports, now.spans = c.reports, c.spans
			c = now
		}
		for pid, e := range c.entities {
			if r.countried[pid] && e.Country == "" {
				return nil, false
			}
		}
		out = append(out, c)
	}
	add := func(eid string) bool {
		if seen[eid] {
			return true
		}
		seen[eid] = true
		a := r.after[eid]
		if a == nil {
			return false
		}
		out = append(out, storedEvent{event: a.event, entities: a.entities, reports: map[string]bool{}, spans: map[[2]int]bool{}})
		return true
	}
	if _, ok := r.after[id]; ok && !add(id) {
		return nil, false
	}
	if dated {
		for _, seed := range seeds {
			for _, eid := range r.byPart[[2]string{typ, seed}] {
				a := r.after[eid]
				if a == nil || seen[eid] || a.event.From.IsZero() || a.event.To.IsZero() ||
					a.event.From.After(to) || a.event.To.Before(from) {
					continue
				}
				add(eid)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].event.ID < out[j].event.ID })
	return out, true
}

// apply records what the resolved batch b writes: each event merged onto
// what was stored (event_merge's rules, mergeEvent), given what was
// stored before the round of the events b's resolution found.
func (r *roundEvents) apply(b resolved, before map[string]storedEvent) {
	ents := make(map[string]graph.Entity, len(b.batch.Entities))
	for _, e := range b.batch.Entities {
		ents[e.ID] = e
		if e.Country != "" && e.Type != extract.TypeCountry {
			r.countried[e.ID] = true
		}
	}
	for _, ev := range b.batch.Events {
		a, wrote := r.after[ev.ID]
		if wrote && a == nil {
			continue
		}
		if !wrote {
			if s, ok := before[ev.ID]; ok {
				a = &s
			}
		}
		var now storedEvent
		if a == nil {
			if !wrote && !b.reads[ev.ID] {
				r.after[ev.ID] = nil // an id resolution did not look up
				continue
			}
			now = storedEvent{entities: map[string]graph.Entity{}}
		} else {
			now = storedEvent{event: a.event, entities: maps.Clone(a.entities)}
			now.event.Participants = slices.Clone(a.event.Participants)
		}
		now.event = mergeEvent(a, ev, b.unset[ev.ID])
		parts := map[[2]string]bool{}
		for _, p := range now.event.Participants {
			parts[[2]string{p.Role, p.EntityID}] = true
		}
		for _, p := range ev.Participants {
			if k := [2]string{p.Role, p.EntityID}; !parts[k] {
				parts[k] = true
				now.event.Participants = append(now.event.Participants, graph.Participant{Role: p.Role, EntityID: p.EntityID})
			}
			e, known := now.entities[p.EntityID]
			w, ok := ents[p.EntityID]
			switch {
			case ok && !known:
				now.entities[p.EntityID] = graph.Entity{ID: w.ID, Type: w.Type, ISO3: w.ISO3, Country: w.Country}
			case ok && e.Country == "" && e.Type != extract.TypeCountry:
				e.Country = w.Country
				now.entities[p.EntityID] = e
			}
			r.byPart[[2]string{ev.Type, p.EntityID}] = append(r.byPart[[2]string{ev.Type, p.EntityID}], ev.ID)
		}
		for _, p := range now.event.Participants {
			r.byPart[[2]string{now.event.Type, p.EntityID}] = append(r.byPart[[2]string{now.event.Type, p.EntityID}], ev.ID)
		}
		r.after[ev.ID] = &now
	}
}

// mergeEvent returns the event event_merge leaves stored when it writes
// ev onto stored (nil: none), without participants: every value of ev on
// a new event; on a stored one, the values it lacks, and the date, end,
// from, to, precision, modality and confidence of ev where ev has them
// (reconciled), then unset removed.
func mergeEvent(stored *storedEvent, ev graph.Event, unset []string) graph.Event {
	from, to := ev.From, ev.To
	if (from.IsZero() || to.IsZero()) && (ev.Date != "" || ev.End != "") {
		from, to, _ = graph.DateRange(ev.Date, ev.End)
	}
	if from.IsZero() || to.IsZero() {
		from, to = time.Time{}, time.Time{}
	}
	if stored == nil {
		out := ev
		out.From, out.To = from, to
		out.Participants, out.Evidence, out.Reports = nil, nil, 0
		return out
	}
	out := stored.event
	out.Participants = slices.Clone(stored.event.Participants)
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	over := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&out.Label, ev.Label}, {&out.Subtype, ev.Subtype}, {&out.CAMEO, ev.CAMEO}, {&out.CAMEORoot, ev.CAMEORoot},
		{&out.Attribution, ev.Attribution}, {&out.Topic, ev.Topic}, {&out.Origin, ev.Origin}, {&out.PartOf, ev.PartOf}} {
		fill(f.dst, f.v)
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&out.Date, ev.Date}, {&out.End, ev.End}, {&out.Precision, ev.Precision}, {&out.Modality, ev.Modality}} {
		over(f.dst, f.v)
	}
	if !from.IsZero() {
		out.From, out.To = from, to
	}
	if out.QuadClass == 0 {
		out.QuadClass = ev.QuadClass
	}
	if out.Ordinal == 0 {
		out.Ordinal = ev.Ordinal
	}
	if out.Count == 0 {
		out.Count = ev.Count
	}
	if out.Goldstein == 0 {
		out.Goldstein = ev.Goldstein
	}
	if ev.Confidence != 0 {
		out.Confidence = ev.Confidence
	}
	if len(out.UnattributedActors) == 0 {
		out.UnattributedActors = ev.UnattributedActors
	}
	for _, k := range unset {
		if k == "end" {
			out.End = ""
		}
	}
	return out
}
