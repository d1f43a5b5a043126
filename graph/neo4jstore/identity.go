package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

var (
	curationRules    = mustQuery("curation_rules")
	personCandidates = mustQuery("person_candidates")
	eventCandidates  = mustQuery("event_candidates")
)

// widestSlack bounds graph.Slack: event_candidates asks for events within
// it of a report's dates, and graph.SameEvent decides.
const widestSlack = 7 * 24 * time.Hour

// resolved is a batch whose ids are resolved against the store.
type resolved struct {
	batch graph.Batch
	// unset lists, by event id, the properties to remove from the stored
	// event: its end, when a report's better date has none.
	unset map[string][]string
	// origins lists, by evidence span, the extractor ids of the reports
	// filed with it, when resolution filed some under another id.
	origins map[evidenceKey][]string
	// claims are the article's own dates, groups and sectors of its
	// events, under the ids they were filed under (provenance.go).
	claims []string
}

// evidenceKey is an evidence span of an event.
type evidenceKey struct {
	event, article string
	start, end     int
}

// resolve rewrites b's ids in tx, before Ingest writes it (see doc.go,
// Identity):
//
//  1. curation decisions recorded by MergeEntities and SplitEntity map
//     entity ids to the ones an analyst chose;
//  2. each other person is filed under the stored person it is
//     (graph.PickPerson): a spelling variant with the same country and
//     title takes the stored id and becomes an alias, and a namesake of
//     another country gets a qualified id;
//  3. each event is filed under the stored event it reports
//     (graph.PickEvent), with the stored event's values kept and its date,
//     modality and confidence reconciled (graph.Absorb, graph.Reconcile).
//
// Then it records what the article itself said (its claims, see
// provenance.go) on the article node: here alone are they known apart
// from what they were reconciled with. That is its one write; a retry
// runs the whole transaction again.
func resolve(ctx context.Context, tx neo4j.ManagedTransaction, b graph.Batch) (resolved, error) {
	article := b.Article.ID
	b, names, err := resolveEntities(ctx, tx, b)
	if err != nil {
		return resolved{}, err
	}
	r, err := resolveEvents(ctx, tx, b)
	if err != nil {
		return resolved{}, err
	}
	if err := recordClaims(ctx, tx, article, append(names, r.claims...)); err != nil {
		return resolved{}, err
	}
	return r, nil
}

// resolveEntities applies the curation decisions and files persons. It
// returns the article's claims of names too (entityClaims).
func resolveEntities(ctx context.Context, tx neo4j.ManagedTransaction, b graph.Batch) (graph.Batch, []string, error) {
	ids := make([]string, 0, len(b.Entities))
	for _, e := range b.Entities {
		ids = append(ids, e.ID)
	}
	rules, err := loadCurations(ctx, tx, ids)
	if err != nil {
		return b, nil, err
	}
	curated := graph.CurationMap(b.Article.ID, rules, ids)

	spans := map[string][]any{}
	for _, m := range b.Mentions {
		if m.ArticleID == "" || m.ArticleID == b.Article.ID {
			spans[m.EntityID] = append(spans[m.EntityID], []int{m.Start, m.End})
		}
	}
	var rows []any
	for _, e := range b.Entities {
		if curated[e.ID] != "" || e.Type != extract.TypePerson {
			continue
		}
		r := map[string]any{"id": e.ID, "key": nil, "country": nil, "spans": nonNilAny(spans[e.ID])}
		if k := graph.NameKey(e.Name); k != "" && e.Country != "" {
			r["key"], r["country"] = k, e.Country
		}
		rows = append(rows, r)
	}
	found, err := findPersons(ctx, tx, b.Article.ID, rows)
	if err != nil {
		return b, nil, err
	}

	renames := map[string]string{}
	// stored holds what is stored under the ids entities are filed under.
	stored := map[string]graph.Entity{}
	// Persons of this batch filed so far, so that two spellings in one
	// article meet too.
	var filed []graph.Entity
	var picked []string
	for _, e := range b.Entities {
		if to := curated[e.ID]; to != "" {
			renames[e.ID] = to
			continue
		}
		if e.Type != extract.TypePerson {
			continue
		}
		f := found[e.ID]
		cands := append(append([]graph.Entity(nil), f.candidates...), filed...)
		to, renamed := graph.PickPerson(e, f.same, cands, f.anchored)
		if !renamed {
			filed = append(filed, e)
			continue
		}
		renames[e.ID] = to
		picked = append(picked, to)
		for _, c := range cands {
			if c.ID == to {
				stored[to] = c
			}
		}
	}
	// An id resolution arrived at may itself be the subject of a decision:
	// a qualified id an analyst merged into another entity.
	if len(picked) > 0 {
		more, err := loadCurations(ctx, tx, picked)
		if err != nil {
			return b, nil, err
		}
		again := graph.CurationMap(b.Article.ID, append(rules, more...), picked)
		for from, to := range renames {
			if t := again[to]; t != "" && curated[from] == "" {
				renames[from] = t
			}
		}
	}
	var unknown []string
	for _, to := range renames {
		if _, ok := stored[to]; !ok {
			unknown = append(unknown, to)
		}
	}
	if len(unknown) > 0 {
		list, err := collect(ctx, tx, entitiesByIDs, map[string]any{"ids": unique(unknown)}, entityRecord)
		if err != nil {
			return b, nil, fmt.Errorf("entities filed under: %w", err)
		}
		for _, e := range list {
			stored[e.ID] = e
		}
	}
	entities := make([]graph.Entity, len(b.Entities))
	copy(entities, b.Entities)
	for i, e := range entities {
		if s, ok := stored[renames[e.ID]]; ok {
			entities[i] = adopt(s, e)
		}
	}
	names := entityClaims(b.Entities, renames)
	b.Entities = entities
	return b.Rename(renames, nil), names, nil
}

// personMatches is what person_candidates found for one person.
type personMatches struct {
	same       *graph.Entity
	candidates []graph.Entity
	anchored   []string
}

// findPersons runs person_candidates on rows, keyed by the rows' ids.
func findPersons(ctx context.Context, tx neo4j.ManagedTransaction, article string, rows []any) (map[string]personMatches, error) {
	out := map[string]personMatches{}
	if len(rows) == 0 {
		return out, nil
	}
	res, err := run(ctx, tx, personCandidates, map[string]any{"article": article, "rows": rows})
	if err != nil {
		return nil, fmt.Errorf("person candidates: %w", err)
	}
	for _, r := range res.records {
		id, _, err := neo4j.GetRecordValue[string](r, "id")
		if err != nil {
			return nil, err
		}
		var f personMatches
		if v, ok := r.Get("same"); ok && v != nil {
			n, ok := v.(neo4j.Node)
			if !ok {
				return nil, fmt.Errorf("person candidates: same is %T", v)
			}
			e := entityFromNode(n)
			f.same = &e
		}
		cands, _, err := neo4j.GetRecordValue[[]any](r, "candidates")
		if err != nil {
			return nil, err
		}
		for _, c := range cands {
			if n, ok := c.(neo4j.Node); ok {
				f.candidates = append(f.candidates, entityFromNode(n))
			}
		}
		anchored, _, err := neo4j.GetRecordValue[[]any](r, "anchored")
		if err != nil {
			return nil, err
		}
		for _, c := range anchored {
			if n, ok := c.(neo4j.Node); ok {
				f.anchored = append(f.anchored, str(n.Props, "id"))
			}
		}
		out[id] = f
	}
	return out, nil
}

// adopt returns the incoming entity e as it is to be written onto the
// stored entity s it was filed under: s's name, with e's names as
// aliases, and s's values kept where s has them (the first report names
// an entity; the store never lets a later one overwrite it through a
// rename).
func adopt(s, e graph.Entity) graph.Entity {
	out := e
	out.ID = e.ID // Rename moves it to s.ID
	out.Name = s.Name
	out.Aliases = append(append([]string(nil), s.Aliases...), e.Aliases...)
	out = out.AddAliases(e.Name)
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&out.Country, s.Country}, {&out.Title, s.Title}, {&out.ISO3, s.ISO3}, {&out.ISO2, s.ISO2},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	return out
}

// loadCurations reads the decisions about ids and, in a few more rounds,
// about the ids those decisions lead to.
func loadCurations(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]graph.Curation, error) {
	var out []graph.Curation
	asked := map[string]bool{}
	next := ids
	for round := 0; round < 4 && len(next) > 0; round++ {
		var ask []string
		for _, id := range next {
			if !asked[id] {
				asked[id] = true
				ask = append(ask, id)
			}
		}
		if len(ask) == 0 {
			break
		}
		rules, err := collect(ctx, tx, curationRules, map[string]any{"ids": ask}, curationFromRecord)
		if err != nil {
			return nil, fmt.Errorf("curation rules: %w", err)
		}
		next = next[:0:0]
		for _, c := range rules {
			out = append(out, c)
			next = append(next, c.To)
		}
	}
	return out, nil
}

func curationFromRecord(r *neo4j.Record) (graph.Curation, error) {
	var c graph.Curation
	p := map[string]any{}
	for i, k := range r.Keys {
		p[k] = r.Values[i]
	}
	c.ID, c.Kind, c.From, c.To, c.Article = str(p, "id"), str(p, "kind"), str(p, "from"), str(p, "to"), str(p, "article")
	if t, ok := p["at"].(time.Time); ok {
		c.At = t
	}
	if c.ID == "" || c.From == "" || c.To == "" {
		return c, fmt.Errorf("curation record %v incomplete", p)
	}
	return c, nil
}

// storedEvent is a candidate of event_candidates: the stored event, its
// participants' entities, the extractor ids of the batch article's
// reports filed under it and, for evidence stored before those were
// recorded, its spans in the article.
type storedEvent struct {
	event    graph.Event
	entities map[string]graph.Entity
	reports  map[string]bool
	spans    map[[2]int]bool
}

// resolveEvents files each event of b under the stored event it reports.
func resolveEvents(ctx context.Context, tx neo4j.ManagedTransaction, b graph.Batch) (resolved, error) {
	out := resolved{batch: b, unset: map[string][]string{}, origins: map[evidenceKey][]string{}}
	if len(b.Events) == 0 {
		return out, nil
	}
	raw := b.Events // as the article reports them
	entities := make(map[string]graph.Entity, len(b.Entities))
	for _, e := range b.Entities {
		entities[e.ID] = e
	}
	rows := make([]any, 0, len(b.Events))
	for _, ev := range b.Events {
		row := map[string]any{"id": ev.ID, "type": ev.Type, "from": nil, "to": nil, "seeds": []string{}}
		from, to := ev.From, ev.To
		if (from.IsZero() || to.IsZero()) && ev.Date != "" {
			from, to, _ = graph.DateRange(ev.Date, ev.End)
		}
		if !from.IsZero() && !to.IsZero() {
			row["from"] = neo4j.DateOf(from.Add(-widestSlack))
			row["to"] = neo4j.DateOf(to.Add(widestSlack))
			row["seeds"] = seeds(ev, entities)
		}
		rows = append(rows, row)
	}
	res, err := run(ctx, tx, eventCandidates, map[string]any{"article": b.Article.ID, "rows": rows})
	if err != nil {
		return out, fmt.Errorf("event candidates: %w", err)
	}
	cands := map[string][]storedEvent{}
	for _, r := range res.records {
		key, se, err := storedEventRecord(r)
		if err != nil {
			return out, fmt.Errorf("event candidates: %w", err)
		}
		cands[key] = append(cands[key], se)
	}

	// A stored event takes at most one report of the batch: the one with
	// its id, or else the first to pick it. The batch's events come sorted
	// by id from the extractor, so the choice is deterministic.
	taken := map[string]bool{}
	for _, ev := range b.Events {
		for _, c := range cands[ev.ID] {
			if c.event.ID == ev.ID {
				taken[ev.ID] = true
			}
		}
	}
	renames := map[string]string{}
	events := make([]graph.Event, len(b.Events))
	copy(events, b.Events)
	for i, ev := range events {
		if ev.Date == "" {
			// Undated: only its own id can meet it.
			for _, c := range cands[ev.ID] {
				if c.event.ID == ev.ID {
					events[i] = graph.Reconcile(c.event, ev)
				}
			}
			continue
		}
		in := graph.KeyOf(ev, entities)
		var options []graph.EventCandidate
		byID := map[string]storedEvent{}
		for _, c := range cands[ev.ID] {
			if c.event.ID != ev.ID && taken[c.event.ID] {
				continue
			}
			byID[c.event.ID] = c
			options = append(options, graph.EventCandidate{
				Key:      graph.KeyOf(c.event, c.entities),
				Anchored: c.reports[ev.ID] || anchored(ev, b.Article.ID, c.spans),
			})
		}
		to, renamed := graph.PickEvent(in, options)
		s, isStored := byID[to]
		switch {
		case renamed && isStored:
			taken[to] = true
			renames[ev.ID] = to
			events[i] = graph.Absorb(s.event, ev)
			events[i].ID = ev.ID // Rename moves it
		case renamed:
			renames[ev.ID] = to // a qualified id of its own
		case isStored:
			events[i] = graph.Reconcile(s.event, ev)
		}
		if isStored && events[i].End == "" && s.event.End != "" {
			out.unset[to] = []string{"end"}
		}
	}
	b.Events = events
	for _, ev := range b.Events {
		to := ev.ID
		if r := renames[ev.ID]; r != "" {
			to = r
		}
		for _, x := range ev.Evidence {
			art := x.ArticleID
			if art == "" {
				art = b.Article.ID
			}
			k := evidenceKey{to, art, x.Start, x.End}
			out.origins[k] = append(out.origins[k], ev.ID)
		}
	}
	out.batch = b.Rename(nil, renames)
	out.claims = eventClaims(raw, renames, out.batch)
	return out, nil
}

// seeds are the entities through which event_candidates finds stored
// events: the identifying participants of ev and their countries.
func seeds(ev graph.Event, entities map[string]graph.Entity) []string {
	set := map[string]bool{}
	for _, p := range ev.Participants {
		if graph.RoleClass(p.Role) == "" {
			continue
		}
		set[p.EntityID] = true
		if e, ok := entities[p.EntityID]; ok {
			if c := graph.CountryOf(e); c != "" {
				set["country:"+c] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// anchored reports whether one of ev's evidence spans in article is
// among spans, the stored event's spans there that record no reports.
func anchored(ev graph.Event, article string, spans map[[2]int]bool) bool {
	for _, x := range ev.Evidence {
		if (x.ArticleID == "" || x.ArticleID == article) && spans[[2]int{x.Start, x.End}] {
			return true
		}
	}
	return false
}

func storedEventRecord(r *neo4j.Record) (string, storedEvent, error) {
	key, _, err := neo4j.GetRecordValue[string](r, "key")
	if err != nil {
		return "", storedEvent{}, err
	}
	n, _, err := neo4j.GetRecordValue[neo4j.Node](r, "ev")
	if err != nil {
		return "", storedEvent{}, err
	}
	se := storedEvent{event: eventFromNode(n), entities: map[string]graph.Entity{},
		reports: map[string]bool{}, spans: map[[2]int]bool{}}
	parts, _, err := neo4j.GetRecordValue[[]any](r, "participants")
	if err != nil {
		return "", storedEvent{}, err
	}
	for _, v := range parts {
		m, ok := v.(map[string]any)
		if !ok {
			return "", storedEvent{}, fmt.Errorf("participant %v is %T", v, v)
		}
		id, role, typ, country := str(m, "id"), str(m, "role"), str(m, "type"), str(m, "country")
		se.event.Participants = append(se.event.Participants, graph.Participant{Role: role, EntityID: id})
		e := graph.Entity{ID: id, Type: typ}
		if typ == extract.TypeCountry {
			e.ISO3 = country
		} else {
			e.Country = country
		}
		se.entities[id] = e
	}
	evidence, _, err := neo4j.GetRecordValue[[]any](r, "evidence")
	if err != nil {
		return "", storedEvent{}, err
	}
	for _, v := range evidence {
		m, ok := v.(map[string]any)
		if !ok {
			return "", storedEvent{}, fmt.Errorf("evidence %v is %T", v, v)
		}
		reports, _ := m["reports"].([]any)
		if len(reports) == 0 {
			se.spans[[2]int{integer(m, "start"), integer(m, "end")}] = true
			continue
		}
		for _, id := range stringsOf(reports) {
			se.reports[id] = true
		}
	}
	return key, se, nil
}

// nonNilAny returns l, or an empty list for nil, so that a query never
// gets null for a list.
func nonNilAny(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}
