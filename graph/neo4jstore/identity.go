package neo4jstore

import (
	"context"
	"fmt"
	"slices"
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
	eventsBySeed     = mustQuery("events_by_seed")
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
	// reads are the event ids resolution looked up or found.
	reads map[string]bool
	// claims are the article's own names, dates, groups and sectors,
	// under the ids they were filed under (provenance.go); the writer
	// records them with the batch.
	claims []string
}

// evidenceKey is an evidence span of an event.
type evidenceKey struct {
	event, article string
	start, end     int
}

// resolve rewrites the ids of a round of batches in tx, before Ingest
// writes them (see doc.go, Identity):
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
// The store is read once for all the batches of bs, and each batch is
// resolved against it as the batches before it leave it (round.go):
// resolve returns the longest prefix of bs (at least one batch) for which
// it can tell what they leave. The caller writes the prefix and resolves
// the rest again.
//
// It only reads, so the driver may run it again on a retry.
func resolve(ctx context.Context, tx neo4j.ManagedTransaction, bs []graph.Batch) ([]resolved, error) {
	bs = bs[:independentPrefix(bs)]
	passes, err := resolveEntities(ctx, tx, bs)
	if err != nil {
		return nil, err
	}
	return resolveEvents(ctx, tx, passes)
}

// entityPass is a batch after entity resolution.
type entityPass struct {
	batch graph.Batch
	names []string // the article's claims of names (entityClaims)
}

// personKey identifies a person row of a round: its article and id.
type personKey struct{ article, id string }

// resolveEntities applies the curation decisions and files persons, for
// every batch of bs.
func resolveEntities(ctx context.Context, tx neo4j.ManagedTransaction, bs []graph.Batch) ([]entityPass, error) {
	idsOf := make([][]string, len(bs))
	var all []string
	for i, b := range bs {
		for _, e := range b.Entities {
			idsOf[i] = append(idsOf[i], e.ID)
		}
		all = append(all, idsOf[i]...)
	}
	allRules, err := loadCurations(ctx, tx, unique(all))
	if err != nil {
		return nil, err
	}
	rules := make([][]graph.Curation, len(bs))
	curated := make([]map[string]string, len(bs))
	var rows []any
	for i, b := range bs {
		rules[i] = reachable(allRules, idsOf[i])
		curated[i] = graph.CurationMap(b.Article.ID, rules[i], idsOf[i])
		spans := map[string][]any{}
		for _, m := range b.Mentions {
			if m.ArticleID == "" || m.ArticleID == b.Article.ID {
				spans[m.EntityID] = append(spans[m.EntityID], []int{m.Start, m.End})
			}
		}
		for _, e := range b.Entities {
			if curated[i][e.ID] != "" || e.Type != extract.TypePerson {
				continue
			}
			r := map[string]any{"article": b.Article.ID, "id": e.ID, "key": nil, "country": nil, "spans": nonNilAny(spans[e.ID])}
			if k := graph.NameKey(e.Name); k != "" && e.Country != "" {
				r["key"], r["country"] = k, e.Country
			}
			rows = append(rows, r)
		}
	}
	found, err := findPersons(ctx, tx, rows)
	if err != nil {
		return nil, err
	}

	// The batches are resolved in order, each against the store as the
	// batches before it leave it: what the store held before the round,
	// read above, with the entities those batches write merged onto it in
	// round (entity_merge's rules, mergeEntity).
	r := newRoundEntities()
	passes := make([]entityPass, 0, len(bs))
	for i, b := range bs {
		p, ok, err := r.resolve(ctx, tx, b, rules[i], curated[i], found)
		if err != nil {
			return nil, err
		}
		if !ok {
			break // it depends on what the round writes in a way not followed
		}
		passes = append(passes, p)
	}
	return passes, nil
}

// roundEntities is what the batches of a round so far leave of the
// entities they write: for each, the entity as stored after them, or
// nil when what was stored before the round is not known (an entity
// other than a person, never read).
type roundEntities struct {
	after map[string]*graph.Entity
	// before holds what was stored before the round, nil for nothing, of
	// the entities the round read.
	before map[string]*graph.Entity
	// persons indexes the persons of after by name key and country, as
	// they were when written (a lookup checks they still match).
	persons map[[2]string][]string
}

func newRoundEntities() *roundEntities {
	return &roundEntities{after: map[string]*graph.Entity{}, before: map[string]*graph.Entity{},
		persons: map[[2]string][]string{}}
}

// saw records what the store held before the round under id.
func (r *roundEntities) saw(id string, e *graph.Entity) {
	if _, ok := r.before[id]; !ok {
		r.before[id] = e
	}
}

// stored returns what is stored under id after the batches so far, given
// what was stored before the round; false when a batch of the round
// wrote id and what it left is not known.
func (r *roundEntities) stored(id string, before *graph.Entity) (*graph.Entity, bool) {
	if e, ok := r.after[id]; ok {
		return e, e != nil
	}
	return before, true
}

// resolve resolves the entities of b, one batch of the round after those
// before it; false when b reads an entity the round wrote without
// knowing what it held before.
func (r *roundEntities) resolve(ctx context.Context, tx neo4j.ManagedTransaction, b graph.Batch,
	rules []graph.Curation, curated map[string]string, found map[personKey]personMatches) (entityPass, bool, error) {
	var p entityPass
	renames := map[string]string{}
	// stored holds what is stored under the ids entities are filed under.
	stored := map[string]graph.Entity{}
	var picked []string
	// Persons of this batch filed so far, so that two spellings in one
	// article meet too.
	var filed []graph.Entity
	for _, e := range b.Entities {
		if to := curated[e.ID]; to != "" {
			renames[e.ID] = to
			continue
		}
		if e.Type != extract.TypePerson {
			continue
		}
		f := found[personKey{b.Article.ID, e.ID}]
		r.saw(e.ID, f.same)
		same, ok := r.stored(e.ID, f.same)
		if !ok {
			return p, false, nil
		}
		key := graph.NameKey(e.Name)
		var cands []graph.Entity
		seen := map[string]bool{}
		for _, c := range f.candidates {
			r.saw(c.ID, &c)
			now, ok := r.stored(c.ID, &c)
			if !ok {
				return p, false, nil
			}
			seen[c.ID] = true
			cands = append(cands, *now)
		}
		if key != "" && e.Country != "" {
			// persons the round wrote that match now
			for _, id := range r.persons[[2]string{key, e.Country}] {
				a := r.after[id]
				if a != nil && !seen[id] && id != e.ID && a.Type == extract.TypePerson &&
					a.Country == e.Country && graph.NameKey(a.Name) == key {
					seen[id] = true
					cands = append(cands, *a)
				}
			}
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
		cands = append(cands, filed...)
		to, renamed := graph.PickPerson(e, same, cands, f.anchored)
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
			return p, false, err
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
		unknown = unique(unknown)
		list, err := collect(ctx, tx, entitiesByIDs, map[string]any{"ids": unknown}, entityRecord)
		if err != nil {
			return p, false, fmt.Errorf("entities filed under: %w", err)
		}
		byID := map[string]*graph.Entity{}
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
		for _, id := range unknown {
			r.saw(id, byID[id])
			now, ok := r.stored(id, byID[id])
			if !ok {
				return p, false, nil
			}
			if now != nil {
				stored[id] = *now
			}
		}
	}
	entities := make([]graph.Entity, len(b.Entities))
	copy(entities, b.Entities)
	for k, e := range entities {
		if s, ok := stored[renames[e.ID]]; ok {
			entities[k] = adopt(s, e)
		}
	}
	p.names = entityClaims(b.Entities, renames)
	b.Entities = entities
	p.batch = b.Rename(renames, nil)
	// What the batch leaves stored: entity_merge's rules on what was
	// there.
	for _, e := range p.batch.Entities {
		now, wrote := r.after[e.ID]
		if !wrote {
			before, read := r.before[e.ID]
			if !read {
				r.after[e.ID] = nil // stored before the round: not known
				continue
			}
			now = before
		}
		if wrote && now == nil {
			continue
		}
		m := mergeEntity(now, e)
		r.after[e.ID] = &m
		if m.Type == extract.TypePerson {
			k := [2]string{graph.NameKey(m.Name), m.Country}
			if !slices.Contains(r.persons[k], m.ID) {
				r.persons[k] = append(r.persons[k], m.ID)
			}
		}
	}
	return p, true, nil
}

// mergeEntity returns what entity_merge leaves stored when it writes e
// onto stored (nil: none): every value of e on a new entity; on a stored
// one, only the values it lacks, and the sorted union of the aliases.
func mergeEntity(stored *graph.Entity, e graph.Entity) graph.Entity {
	var out graph.Entity
	if stored == nil {
		out = e
		out.Aliases = nil
	} else {
		out = *stored
		out.Aliases = slices.Clone(stored.Aliases)
		for _, f := range []struct {
			dst *string
			v   string
		}{{&out.Name, e.Name}, {&out.ISO3, e.ISO3}, {&out.ISO2, e.ISO2}, {&out.Country, e.Country}, {&out.Title, e.Title}} {
			if *f.dst == "" {
				*f.dst = f.v
			}
		}
	}
	if len(e.Aliases) > 0 {
		out.Aliases = unique(append(out.Aliases, e.Aliases...))
		sort.Strings(out.Aliases)
	}
	return out
}

// reachable returns the decisions among rules that loadCurations would
// have read for ids: those from ids and, in a few more rounds, from the
// ids they lead to, each round in the order of their ids. rules must hold
// them all (loadCurations of a superset of ids).
func reachable(rules []graph.Curation, ids []string) []graph.Curation {
	if len(rules) == 0 {
		return nil
	}
	byFrom := map[string][]graph.Curation{}
	for _, c := range rules {
		byFrom[c.From] = append(byFrom[c.From], c)
	}
	var out []graph.Curation
	asked := map[string]bool{}
	next := ids
	for round := 0; round < curationRounds && len(next) > 0; round++ {
		var found []graph.Curation
		for _, id := range next {
			if !asked[id] {
				asked[id] = true
				found = append(found, byFrom[id]...)
			}
		}
		sort.SliceStable(found, func(a, b int) bool { return found[a].ID < found[b].ID })
		next = nil
		for _, c := range found {
			out = append(out, c)
			next = append(next, c.To)
		}
	}
	return out
}

// personMatches is what person_candidates found for one person.
type personMatches struct {
	same       *graph.Entity
	candidates []graph.Entity
	anchored   []string
}

// findPersons runs person_candidates on rows, keyed by the rows' articles
// and ids.
func findPersons(ctx context.Context, tx neo4j.ManagedTransaction, rows []any) (map[personKey]personMatches, error) {
	out := map[personKey]personMatches{}
	if len(rows) == 0 {
		return out, nil
	}
	res, err := run(ctx, tx, personCandidates, map[string]any{"rows": rows})
	if err != nil {
		return nil, fmt.Errorf("person candidates: %w", err)
	}
	for _, r := range res.records {
		article, _, err := neo4j.GetRecordValue[string](r, "article")
		if err != nil {
			return nil, err
		}
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
		out[personKey{article, id}] = f
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

// curationRounds bounds the rounds in which loadCurations follows
// decisions.
const curationRounds = 4

// loadCurations reads the decisions about ids and, in a few more rounds,
// about the ids those decisions lead to.
func loadCurations(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]graph.Curation, error) {
	var out []graph.Curation
	asked := map[string]bool{}
	next := ids
	for round := 0; round < curationRounds && len(next) > 0; round++ {
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

// resolveEvents files each event of the passes' batches under the stored
// event it reports, and returns the longest prefix of them that resolve
// may resolve together (cutEvents).
func resolveEvents(ctx context.Context, tx neo4j.ManagedTransaction, passes []entityPass) ([]resolved, error) {
	entitiesOf := make([]map[string]graph.Entity, len(passes))
	type eventRow struct {
		row      map[string]any
		from, to time.Time
		seeds    []string
	}
	var rows []eventRow
	for i, p := range passes {
		b := p.batch
		entitiesOf[i] = make(map[string]graph.Entity, len(b.Entities))
		for _, e := range b.Entities {
			entitiesOf[i][e.ID] = e
		}
		for _, ev := range b.Events {
			r := eventRow{row: map[string]any{"article": b.Article.ID, "id": ev.ID, "type": ev.Type}}
			if from, to, ok := window(ev, entitiesOf[i]); ok {
				r.from, r.to, r.seeds = from, to, seeds(ev, entitiesOf[i])
			}
			rows = append(rows, r)
		}
	}
	// events_by_seed once for every seed of the round, then each event
	// takes the events of its type within its window.
	type seedAsk struct {
		types    map[string]bool
		from, to time.Time
	}
	asks := map[string]*seedAsk{}
	for _, r := range rows {
		for _, sd := range r.seeds {
			a := asks[sd]
			if a == nil {
				a = &seedAsk{types: map[string]bool{}, from: r.from, to: r.to}
				asks[sd] = a
			}
			a.types[r.row["type"].(string)] = true
			if r.from.Before(a.from) {
				a.from = r.from
			}
			if r.to.After(a.to) {
				a.to = r.to
			}
		}
	}
	// the stored events of the seeds, and the seeds they were found through
	type seededEvent struct {
		storedEvent
		seeds map[string]bool
	}
	var seeded []seededEvent
	if len(asks) > 0 {
		params := make([]any, 0, len(asks))
		for _, id := range sortedKeys(asks) {
			a := asks[id]
			params = append(params, map[string]any{"id": id, "types": sortedKeys(a.types),
				"from": neo4j.DateOf(a.from), "to": neo4j.DateOf(a.to)})
		}
		res, err := run(ctx, tx, eventsBySeed, map[string]any{"seeds": params})
		if err != nil {
			return nil, fmt.Errorf("events by seed: %w", err)
		}
		for _, r := range res.records {
			_, se, err := storedEventOf(r)
			if err != nil {
				return nil, fmt.Errorf("events by seed: %w", err)
			}
			seeds, _, err := neo4j.GetRecordValue[[]any](r, "seeds")
			if err != nil {
				return nil, fmt.Errorf("events by seed: %w", err)
			}
			e := seededEvent{se, map[string]bool{}}
			for _, sd := range stringsOf(seeds) {
				e.seeds[sd] = true
			}
			seeded = append(seeded, e)
		}
	}
	params := make([]any, len(rows))
	for i, r := range rows {
		params[i] = r.row
	}
	cands := map[personKey][]storedEvent{}
	if len(params) > 0 {
		res, err := run(ctx, tx, eventCandidates, map[string]any{"rows": params})
		if err != nil {
			return nil, fmt.Errorf("event candidates: %w", err)
		}
		for _, r := range res.records {
			article, key, se, err := storedEventRecord(r)
			if err != nil {
				return nil, fmt.Errorf("event candidates: %w", err)
			}
			k := personKey{article, key}
			cands[k] = append(cands[k], se)
		}
	}
	// each event's candidates: those of event_candidates, and the seeded
	// events of its type within its window that have one of its seeds
	for _, r := range rows {
		if len(r.seeds) == 0 {
			continue
		}
		k := personKey{r.row["article"].(string), r.row["id"].(string)}
		have := map[string]bool{}
		for _, c := range cands[k] {
			have[c.event.ID] = true
		}
		added := false
		for _, e := range seeded {
			if have[e.event.ID] || e.event.Type != r.row["type"] || e.event.From.IsZero() || e.event.To.IsZero() ||
				e.event.From.After(r.to) || e.event.To.Before(r.from) {
				continue
			}
			for _, sd := range r.seeds {
				if e.seeds[sd] {
					have[e.event.ID] = true
					cands[k] = append(cands[k], e.storedEvent)
					added = true
					break
				}
			}
		}
		if added {
			sort.SliceStable(cands[k], func(i, j int) bool { return cands[k][i].event.ID < cands[k][j].event.ID })
		}
	}
	// The batches are resolved in order, each against the store as the
	// batches before it leave it (roundEvents).
	r := newRoundEvents()
	out := make([]resolved, 0, len(passes))
	for i, p := range passes {
		article := p.batch.Article.ID
		lists := map[string][]storedEvent{}
		before := map[string]storedEvent{}
		for _, ev := range p.batch.Events {
			found := cands[personKey{article, ev.ID}]
			for _, c := range found {
				before[c.event.ID] = c
			}
			from, to, dated := window(ev, entitiesOf[i])
			var sd []string
			if dated {
				sd = seeds(ev, entitiesOf[i])
			}
			list, ok := r.candidates(found, ev.ID, ev.Type, from, to, dated, sd)
			if !ok {
				return out, nil // it depends on what the round writes in a way not followed
			}
			lists[ev.ID] = list
		}
		res := resolveEventsOf(p.batch, entitiesOf[i], func(id string) []storedEvent { return lists[id] })
		res.claims = append(slices.Clone(p.names), res.claims...)
		r.apply(res, before)
		out = append(out, res)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("event candidates: no batch of the round resolved")
	}
	return out, nil
}

// window returns the dates between which event_candidates looks for the
// stored events ev may report: its own widened by the widest slack; false
// for an undated event.
func window(ev graph.Event, entities map[string]graph.Entity) (from, to time.Time, ok bool) {
	from, to = ev.From, ev.To
	if (from.IsZero() || to.IsZero()) && ev.Date != "" {
		from, to, _ = graph.DateRange(ev.Date, ev.End)
	}
	if from.IsZero() || to.IsZero() {
		return from, to, false
	}
	return from.Add(-widestSlack), to.Add(widestSlack), true
}

// resolveEventsOf files each event of b under the stored event it
// reports, given the candidates event_candidates found for each id.
func resolveEventsOf(b graph.Batch, entities map[string]graph.Entity, candsOf func(id string) []storedEvent) resolved {
	out := resolved{batch: b, unset: map[string][]string{}, origins: map[evidenceKey][]string{},
		reads: map[string]bool{}}
	if len(b.Events) == 0 {
		return out
	}
	for _, ev := range b.Events {
		out.reads[ev.ID] = true
		for _, c := range candsOf(ev.ID) {
			out.reads[c.event.ID] = true
		}
	}

	// A stored event takes at most one report of the batch: the one with
	// its id, or else the first to pick it. The batch's events come sorted
	// by id from the extractor, so the choice is deterministic.
	taken := map[string]bool{}
	for _, ev := range b.Events {
		for _, c := range candsOf(ev.ID) {
			if c.event.ID == ev.ID {
				taken[ev.ID] = true
			}
		}
	}
	renames := map[string]string{}
	raw := b.Events // as the article reports them, before reconciling
	events := make([]graph.Event, len(b.Events))
	copy(events, b.Events)
	for i, ev := range events {
		if ev.Date == "" {
			// Undated: only its own id can meet it.
			for _, c := range candsOf(ev.ID) {
				if c.event.ID == ev.ID {
					events[i] = graph.Reconcile(c.event, ev)
				}
			}
			continue
		}
		in := graph.KeyOf(ev, entities)
		var options []graph.EventCandidate
		byID := map[string]storedEvent{}
		for _, c := range candsOf(ev.ID) {
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
	return out
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

func storedEventRecord(r *neo4j.Record) (string, string, storedEvent, error) {
	article, _, err := neo4j.GetRecordValue[string](r, "article")
	if err != nil {
		return "", "", storedEvent{}, err
	}
	key, se, err := storedEventOf(r)
	return article, key, se, err
}

func storedEventOf(r *neo4j.Record) (string, storedEvent, error) {
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
