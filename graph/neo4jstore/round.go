package neo4jstore

import (
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// A round is a run of batches resolved against one read of the store and
// written with one statement per kind (IngestBatches). Identity
// resolution reads the store, so a batch may only join a round when what
// it reads, and what it would have found as a candidate, is untouched by
// the batches before it in the round: then resolving it against the
// store as it was before the round gives what resolving it after them
// would. The checks below are conservative: a batch that might depend on
// an earlier one ends the round, and is resolved again, after the round
// is written, in the next one.

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

// cutEntities returns how many passes at the start of passes may share a
// round after entity resolution: at least one, and none that read an
// entity an earlier one writes, or looked for spelling variants under a
// name key an earlier one writes a person with.
func cutEntities(passes []entityPass) int {
	written := map[string]bool{}
	keys := map[string]bool{}
	for i, p := range passes {
		if i > 0 {
			for id := range p.reads {
				if written[id] {
					return i
				}
			}
			for _, k := range p.keys {
				if keys[k] {
					return i
				}
			}
		}
		for _, e := range p.batch.Entities {
			written[e.ID] = true
			if e.Type == extract.TypePerson {
				keys[graph.NameKey(e.Name)] = true
				for _, a := range e.Aliases {
					keys[graph.NameKey(a)] = true
				}
			}
		}
	}
	return len(passes)
}

// writtenEvent is what a batch of a round writes to one event, as far as
// event_candidates matches it: its type, the widest dates it may have
// after the write and every participant it may have.
type writtenEvent struct {
	typ          string
	from, to     time.Time
	dated        bool
	participants map[string]bool
}

// cutEvents returns how many of the resolved batches at the start of out
// may share a round: at least one, and none that read an entity or event
// an earlier one writes, or would have found as a candidate an event an
// earlier one writes (event_candidates' match: the type, the dates within
// the window, a participant among the seeds).
func cutEvents(passes []entityPass, out []resolved) int {
	entities := map[string]bool{}
	events := map[string]*writtenEvent{}
	// byPart indexes the written events by type and participant.
	byPart := map[[2]string][]*writtenEvent{}
	for i, r := range out {
		if i > 0 {
			for id := range r.reads {
				if entities[id] || events[id] != nil {
					return i
				}
			}
			ents := make(map[string]graph.Entity, len(passes[i].batch.Entities))
			for _, e := range passes[i].batch.Entities {
				ents[e.ID] = e
			}
			for _, ev := range passes[i].batch.Events {
				from, to, ok := window(ev, ents)
				if !ok {
					continue
				}
				for _, seed := range seeds(ev, ents) {
					for _, w := range byPart[[2]string{ev.Type, seed}] {
						if w.dated && !w.from.After(to) && !w.to.Before(from) {
							return i
						}
					}
				}
			}
		}
		for _, e := range r.batch.Entities {
			entities[e.ID] = true
		}
		for _, ev := range r.batch.Events {
			w := events[ev.ID]
			if w == nil {
				w = &writtenEvent{typ: ev.Type, participants: map[string]bool{}}
				events[ev.ID] = w
			}
			added := w.widen(ev)
			if s, ok := r.stored[ev.ID]; ok {
				added = append(added, w.widen(s.event)...)
			}
			for _, p := range added {
				k := [2]string{w.typ, p}
				byPart[k] = append(byPart[k], w)
			}
		}
	}
	return len(out)
}

// widen adds ev's dates and participants to w and returns the
// participants it did not have.
func (w *writtenEvent) widen(ev graph.Event) (added []string) {
	for _, p := range ev.Participants {
		if !w.participants[p.EntityID] {
			w.participants[p.EntityID] = true
			added = append(added, p.EntityID)
		}
	}
	from, to := ev.From, ev.To
	if (from.IsZero() || to.IsZero()) && ev.Date != "" {
		from, to, _ = graph.DateRange(ev.Date, ev.End)
	}
	if from.IsZero() || to.IsZero() {
		return added
	}
	if !w.dated || from.Before(w.from) {
		w.from = from
	}
	if !w.dated || to.After(w.to) {
		w.to = to
	}
	w.dated = true
	return added
}
