package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var (
	eventsPage           = mustQuery("events_page")
	eventsByDate         = mustQuery("events_by_date")
	eventsByDateDesc     = mustQuery("events_by_date_desc")
	eventsUndated        = mustQuery("events_undated")
	eventsCount          = mustQuery("events_count")
	eventsInvolving      = mustQuery("events_involving")
	eventByID            = mustQuery("event_by_id")
	eventsByIDs          = mustQuery("events_by_ids")
	participantsByEvents = mustQuery("participants_by_events")
	eventsCountType      = mustQuery("events_count_type")
	evidenceByEvents     = mustQuery("evidence_by_events")
)

// dayLayout is the form of dates in errors and exports.
const dayLayout = "2006-01-02"

// Events returns one page of the events matching f in the order page asks
// for, with TotalCount over the whole filter unless page.SkipCount. Each
// list in f matches any of its values and the fields combine with AND;
// From and To match events whose [From, To] overlaps them. Events come
// without Participants and Evidence (see Participants and EvidenceFor) but
// with Reports.
//
// A filter that names entities (Involving, Actors, Organizations,
// Countries) is answered from those entities' events rather than from
// every event.
//
// Events returns graph.ErrInvalid for a cursor it did not issue, a cursor
// of another order, an unknown order or a filter whose From is after its
// To.
func (s *Store) Events(ctx context.Context, f graph.EventFilter, page graph.PageRequest) (graph.EventPage, error) {
	return s.events(ctx, f, page, page.Size())
}

// SelectionEvents is Events for an export: one page of up to size events
// matching f in date order (undated last), after the cursor after, without
// a count. Pages may be larger than graph.MaxPageSize, so that a large
// selection takes fewer queries; memory grows with size, not with the
// selection. It returns graph.ErrInvalid where Events does.
func (s *Store) SelectionEvents(ctx context.Context, f graph.EventFilter, after string, size int) (graph.EventPage, error) {
	if size <= 0 {
		return graph.EventPage{}, fmt.Errorf("neo4jstore: selection events: page of %d: %w", size, graph.ErrInvalid)
	}
	return s.events(ctx, f, graph.PageRequest{After: after, Order: graph.OrderDate, SkipCount: true}, size)
}

// events is Events with pages of size events.
func (s *Store) events(ctx context.Context, f graph.EventFilter, page graph.PageRequest, size int) (graph.EventPage, error) {
	params, err := pageParams(f, page, size)
	if err != nil {
		return graph.EventPage{}, fmt.Errorf("neo4jstore: events: %w", err)
	}
	if anchors, need := anchorsOf(f); len(anchors) > 0 {
		if need > 1 {
			params["involving"] = []string{} // the anchors stand for it
		}
		params["groups"] = []any{map[string]any{"key": "", "anchors": anchors, "need": need}}
		pages, err := s.eventsInvolving(ctx, params, page, size)
		if err != nil {
			return graph.EventPage{}, s.fail("events", page.After, err)
		}
		return pages[""], nil
	}
	// Date orders walk the event_from index and stop at the page's end,
	// then go on with the undated events; the others sort every match by
	// a computed key.
	order := orderOf(page)
	byDate := order == graph.OrderDate || order == graph.OrderDateDesc
	query, mapper := eventsPage, keyedRecord
	undatedAfter := "" // the undated events come after the dated ones
	if byDate {
		query, mapper = eventsByDate, dateKeyed(false)
		after := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
		if order == graph.OrderDateDesc {
			query, mapper = eventsByDateDesc, dateKeyed(true)
			after = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		if k, ok := params["afterKey"].(float64); ok {
			if k == undatedKey {
				query, undatedAfter = "", params["afterID"].(string)
			} else {
				after = dayOfKey(k, order == graph.OrderDateDesc)
			}
		}
		params["afterFrom"] = neo4j.DateOf(after)
	}
	type found struct {
		events []keyed
		total  int
	}
	got, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (found, error) {
		var events []keyed
		var err error
		if query != "" {
			events, err = collect(ctx, tx, query, params, mapper)
			if err != nil {
				return found{}, err
			}
		}
		if limit := size + 1; byDate && len(events) < limit {
			p := maps.Clone(params)
			p["afterID"], p["limit"] = undatedAfter, limit-len(events)
			more, err := collect(ctx, tx, eventsUndated, p, undatedKeyed)
			if err != nil {
				return found{}, err
			}
			events = append(events, more...)
		}
		if err != nil || page.SkipCount {
			return found{events: events}, err
		}
		if labels, ok := typeLabelsOnly(f); ok {
			// a filter on types alone is counted from the label counts
			total := 0
			for _, l := range labels {
				n, err := single(ctx, tx, withLabel(eventsCountType, l), nil, func(r *neo4j.Record) (int64, error) {
					n, _, err := neo4j.GetRecordValue[int64](r, "total")
					return n, err
				})
				if err != nil {
					return found{}, err
				}
				total += int(n)
			}
			return found{events, total}, nil
		}
		total, err := single(ctx, tx, eventsCount, params, func(r *neo4j.Record) (int64, error) {
			n, _, err := neo4j.GetRecordValue[int64](r, "total")
			return n, err
		})
		return found{events, int(total)}, err
	})
	if err != nil {
		return graph.EventPage{}, s.fail("events", page.After, err)
	}
	return eventPage(got.events, got.total, page, size), nil
}

// typeLabelsOnly returns the labels whose counts sum to the number of
// events matching f, when f filters on types alone (Event when it filters
// on nothing); false for any other filter.
func typeLabelsOnly(f graph.EventFilter) ([]string, bool) {
	if len(f.CAMEORoots)+len(f.CAMEOCodes)+len(f.QuadClasses)+len(f.Modalities)+len(f.Countries)+
		len(f.Actors)+len(f.Organizations)+len(f.Places)+len(f.Involving)+len(f.Sources) > 0 ||
		f.Text != "" || f.From != nil || f.To != nil || f.Dated != nil {
		return nil, false
	}
	if len(f.Types) == 0 {
		return []string{"Event"}, true
	}
	seen := map[string]bool{}
	var labels []string
	for _, t := range f.Types {
		l, ok := eventLabel(t)
		if !ok {
			return nil, false // an unknown type: the generic count says 0
		}
		if !seen[l] {
			seen[l] = true
			labels = append(labels, l)
		}
	}
	return labels, true
}

// EventsInvolving returns, for each of the given entities, one page of the
// events it takes part in that match f, with TotalCount: the batch
// function of a dataloader, one query for all the entities. An entity
// takes part directly or through its people, bodies, officials or places,
// as graph.EventFilter describes. Entities not stored have an empty page.
func (s *Store) EventsInvolving(ctx context.Context, entityIDs []string, f graph.EventFilter, page graph.PageRequest) (map[string]graph.EventPage, error) {
	ids := unique(entityIDs)
	if len(ids) == 0 {
		return map[string]graph.EventPage{}, nil
	}
	params, err := pageParams(f, page, page.Size())
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: events involving: %w", err)
	}
	groups := make([]any, len(ids))
	for i, id := range ids {
		groups[i] = map[string]any{"key": id, "anchors": []string{id}, "need": 1}
	}
	params["groups"] = groups
	pages, err := s.eventsInvolving(ctx, params, page, page.Size())
	if err != nil {
		return nil, s.fail("events involving", strings.Join(ids, ","), err)
	}
	return pages, nil
}

// eventsInvolving runs events_involving and returns its pages by group.
func (s *Store) eventsInvolving(ctx context.Context, params map[string]any, page graph.PageRequest, size int) (map[string]graph.EventPage, error) {
	type group struct {
		key    string
		total  int
		events []keyed
	}
	groups, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]group, error) {
		return collect(ctx, tx, eventsInvolving, params, func(r *neo4j.Record) (group, error) {
			var g group
			var err error
			if g.key, _, err = neo4j.GetRecordValue[string](r, "group"); err != nil {
				return g, err
			}
			total, _, err := neo4j.GetRecordValue[int64](r, "total")
			if err != nil {
				return g, err
			}
			g.total = int(total)
			rows, _, err := neo4j.GetRecordValue[[]any](r, "page")
			if err != nil {
				return g, err
			}
			for _, row := range rows {
				m, _ := row.(map[string]any)
				n, ok := m["ev"].(neo4j.Node)
				if !ok {
					return g, fmt.Errorf("events_involving: page row without an event")
				}
				k := keyed{Event: eventFromNode(n)}
				k.key, _ = m["key"].(float64)
				reports, _ := m["reports"].(int64)
				k.Reports = int(reports)
				g.events = append(g.events, k)
			}
			return g, nil
		})
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]graph.EventPage, len(groups))
	for _, g := range groups {
		out[g.key] = eventPage(g.events, g.total, page, size)
	}
	return out, nil
}

// keyed is an event with its sort key in a keyset order.
type keyed struct {
	graph.Event
	key float64
}

// dateKeyed maps a row of the date order queries, which return no key:
// the key of the date orders is the event's From in days since 1970,
// negated for newest first, as events_page and events_involving compute
// it.
func dateKeyed(desc bool) func(*neo4j.Record) (keyed, error) {
	return func(r *neo4j.Record) (keyed, error) {
		ev, err := eventRecord(r)
		if err != nil {
			return keyed{}, err
		}
		if ev.From.IsZero() {
			return keyed{Event: ev, key: undatedKey}, nil
		}
		k := float64(ev.From.Unix() / 86400)
		if desc {
			k = -k
		}
		return keyed{Event: ev, key: k}, nil
	}
}

// undatedKey is the key of an event without a date in the date orders:
// after every dated event, either way.
const undatedKey = 1e9

func undatedKeyed(r *neo4j.Record) (keyed, error) {
	ev, err := eventRecord(r)
	return keyed{Event: ev, key: undatedKey}, err
}

// dayOfKey returns the day of a date order's key.
func dayOfKey(k float64, desc bool) time.Time {
	if desc {
		k = -k
	}
	return time.Unix(int64(k)*86400, 0).UTC()
}

func keyedRecord(r *neo4j.Record) (keyed, error) {
	ev, err := eventRecord(r)
	if err != nil {
		return keyed{}, err
	}
	key, _, err := neo4j.GetRecordValue[float64](r, "key")
	return keyed{Event: ev, key: key}, err
}

// eventPage cuts the rows of a page query (page size + 1 of them) to the
// page and gives each its cursor.
func eventPage(rows []keyed, total int, page graph.PageRequest, size int) graph.EventPage {
	out := graph.EventPage{TotalCount: total}
	if len(rows) > size {
		rows, out.HasNextPage = rows[:size], true
	}
	out.Events = make([]graph.Event, len(rows))
	out.Cursors = make([]string, len(rows))
	for i, r := range rows {
		out.Events[i] = r.Event
		out.Cursors[i] = graph.Cursor{Key: formatKey(r.key), ID: r.ID, Order: orderOf(page)}.Encode()
	}
	return out
}

// orderOf returns the event order page asks for, the default when none.
func orderOf(page graph.PageRequest) string {
	if page.Order == "" {
		return graph.OrderDate
	}
	return page.Order
}

func formatKey(k float64) string { return strconv.FormatFloat(k, 'g', -1, 64) }

// anchorsOf returns the ids of the entities whose events hold every event
// matching f, and how many of them must take part in an event, or nil
// when f names none: every entity that must take part (all of them), else
// the actors, the organizations or the countries (any of them). Places are
// not anchors: a place filter also matches what happens in places within
// a country, which an anchor does not reach.
func anchorsOf(f graph.EventFilter) ([]string, int) {
	switch {
	case len(f.Involving) > 0:
		return unique(f.Involving), len(unique(f.Involving))
	case len(f.Actors) > 0:
		return f.Actors, 1
	case len(f.Organizations) > 0:
		return f.Organizations, 1
	case len(f.Countries) > 0:
		out := make([]string, len(f.Countries))
		for i, c := range f.Countries {
			out[i] = "country:" + strings.ToUpper(c)
		}
		return out, 1
	}
	return nil, 0
}

// pageParams returns the parameters of a page query: the filter's, the
// order and the keyset position after page.After.
func pageParams(f graph.EventFilter, page graph.PageRequest, size int) (map[string]any, error) {
	p, err := filterParams(f)
	if err != nil {
		return nil, err
	}
	order := orderOf(page)
	if !slices.Contains(graph.EventOrders(), order) {
		return nil, fmt.Errorf("unknown order %q: %w", order, graph.ErrInvalid)
	}
	cur, err := graph.DecodeCursor(page.After)
	if err != nil {
		return nil, err
	}
	p["order"], p["afterKey"], p["afterID"] = order, nil, cur.ID
	if page.After != "" {
		if cur.Order == "" {
			cur.Order = graph.OrderDate
		}
		key, err := strconv.ParseFloat(cur.Key, 64)
		if err != nil || cur.Order != order {
			return nil, fmt.Errorf("cursor %q: not one of this list in this order: %w", page.After, graph.ErrInvalid)
		}
		p["afterKey"] = key
	}
	p["limit"] = size + 1
	return p, nil
}

// filterParams turns f into the parameters of the filter block shared by
// the event queries. Lists are never nil: size(null) would filter
// everything out.
func filterParams(f graph.EventFilter) (map[string]any, error) {
	upper := func(l []string) []string {
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = strings.ToUpper(s)
		}
		return out
	}
	lower := func(l []string) []string {
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = strings.ToLower(s)
		}
		return out
	}
	quads := make([]int, len(f.QuadClasses))
	copy(quads, f.QuadClasses)
	p := map[string]any{
		"types":         nonNil(f.Types),
		"modalities":    nonNil(f.Modalities),
		"cameoRoots":    nonNil(f.CAMEORoots),
		"cameoCodes":    nonNil(f.CAMEOCodes),
		"quadClasses":   quads,
		"countries":     upper(f.Countries),
		"actors":        nonNil(f.Actors),
		"organizations": nonNil(f.Organizations),
		"places":        nonNil(f.Places),
		"involving":     nonNil(f.Involving),
		"sources":       lower(f.Sources),
		"text":          nil,
		"from":          nil,
		"to":            nil,
		"dated":         nil,
	}
	if f.Dated != nil {
		p["dated"] = *f.Dated
	}
	if err := textAndDates(p, f.Text, f.From, f.To); err != nil {
		return nil, err
	}
	return p, nil
}

// textAndDates sets the text, from and to parameters of the event and
// article filters: the full-text query of text and the dates, when
// given. A range that ends before it starts is graph.ErrInvalid.
func textAndDates(p map[string]any, text string, from, to *time.Time) error {
	q, err := fulltextQuery(text)
	if err != nil {
		return fmt.Errorf("filter.%w", err)
	}
	if q != "" {
		p["text"] = q
	}
	if from != nil {
		p["from"] = neo4j.DateOf(*from)
	}
	if to != nil {
		p["to"] = neo4j.DateOf(*to)
	}
	if from != nil && to != nil && to.Before(*from) {
		return fmt.Errorf("date range %s..%s ends before it starts: %w",
			from.Format(dayLayout), to.Format(dayLayout), graph.ErrInvalid)
	}
	return nil
}

// Event returns the event with the given id, without Participants and
// Evidence but with Reports, or graph.ErrNotFound.
func (s *Store) Event(ctx context.Context, id string) (graph.Event, error) {
	ev, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Event, error) {
		return single(ctx, tx, eventByID, map[string]any{"id": id}, eventRecord)
	})
	if err != nil {
		return graph.Event{}, s.fail("event", id, err)
	}
	return ev, nil
}

// EventsByIDs returns the events with the given ids, keyed by id, with
// Reports but without Participants and Evidence, in one query: the batch
// function of a dataloader. Ids that are not stored are absent from the
// map.
func (s *Store) EventsByIDs(ctx context.Context, ids []string) (map[string]graph.Event, error) {
	return byIDs(ctx, s, "events", eventsByIDs, ids, eventRecord, func(ev graph.Event) string { return ev.ID })
}

// Participants returns the participants of the given events, keyed by
// event id and sorted by (Role, EntityID), in one query: the batch
// function of a dataloader. Events without participants, or not stored,
// are absent from the map.
func (s *Store) Participants(ctx context.Context, eventIDs []string) (map[string][]graph.Participant, error) {
	out, err := grouped(ctx, s, "participants", participantsByEvents, eventIDs, keyedBy("event", func(r *neo4j.Record) (graph.Participant, error) {
		var x graph.Participant
		var err error
		if x.Role, _, err = neo4j.GetRecordValue[string](r, "role"); err != nil {
			return x, err
		}
		if x.EntityID, _, err = neo4j.GetRecordValue[string](r, "entity"); err != nil {
			return x, err
		}
		if x.Groups, err = stringList(r, "groups"); err != nil {
			return x, err
		}
		x.Sectors, err = stringList(r, "sectors")
		return x, err
	}))
	if err != nil {
		return nil, err
	}
	for _, ps := range out {
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].Role != ps[j].Role {
				return ps[i].Role < ps[j].Role
			}
			return ps[i].EntityID < ps[j].EntityID
		})
	}
	return out, nil
}

// EvidenceFor returns the evidence of the given events, keyed by event id
// and sorted by (ArticleID, Start, End), in one query: the batch function
// of a dataloader. Text is the span cut from the article's text by byte
// offsets. Events without evidence, or not stored, are absent from the map.
func (s *Store) EvidenceFor(ctx context.Context, eventIDs []string) (map[string][]graph.Evidence, error) {
	ids := unique(eventIDs)
	out := make(map[string][]graph.Evidence, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	type article struct {
		id, text     string
		events       []any
		starts, ends []int
	}
	arts, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]article, error) {
		return collect(ctx, tx, evidenceByEvents, map[string]any{"ids": ids}, func(r *neo4j.Record) (article, error) {
			var a article
			var err error
			if a.id, _, err = neo4j.GetRecordValue[string](r, "article"); err != nil {
				return a, err
			}
			if a.text, _, err = neo4j.GetRecordValue[string](r, "text"); err != nil {
				return a, err
			}
			if a.events, _, err = neo4j.GetRecordValue[[]any](r, "events"); err != nil {
				return a, err
			}
			starts, _, err := neo4j.GetRecordValue[[]any](r, "starts")
			if err != nil {
				return a, err
			}
			ends, _, err := neo4j.GetRecordValue[[]any](r, "ends")
			a.starts, a.ends = ints(starts), ints(ends)
			return a, err
		})
	})
	if err != nil {
		return nil, s.fail("evidence", strings.Join(ids, ","), err)
	}
	for _, a := range arts {
		for i, e := range a.events {
			id, _ := e.(string)
			out[id] = append(out[id], graph.Evidence{
				ArticleID: a.id, Start: a.starts[i], End: a.ends[i],
				Text: slice(a.text, a.starts[i], a.ends[i]),
			})
		}
	}
	for _, ev := range out {
		sortEvidence(ev)
	}
	return out, nil
}

// slice returns text[start:end] in bytes, or "" for a span that does not
// fit the text (which Ingest never writes).
func slice(text string, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	return text[start:end]
}

func sortEvidence(ev []graph.Evidence) {
	sort.Slice(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

func eventRecord(r *neo4j.Record) (graph.Event, error) {
	n, _, err := neo4j.GetRecordValue[neo4j.Node](r, "ev")
	if err != nil {
		return graph.Event{}, err
	}
	reports, _, err := neo4j.GetRecordValue[int64](r, "reports")
	if err != nil {
		return graph.Event{}, err
	}
	ev := eventFromNode(n)
	ev.Reports = int(reports)
	return ev, nil
}

// eventFromNode maps an :Event node, leaving Participants, Evidence and
// Reports empty.
func eventFromNode(n neo4j.Node) graph.Event {
	p := n.Props
	return graph.Event{
		ID:          str(p, "id"),
		Type:        str(p, "type"),
		Label:       str(p, "label"),
		Date:        str(p, "date"),
		End:         str(p, "end"),
		From:        date(p, "from"),
		To:          date(p, "to"),
		Precision:   str(p, "precision"),
		Modality:    str(p, "modality"),
		Subtype:     str(p, "subtype"),
		CAMEO:       str(p, "cameo"),
		CAMEORoot:   str(p, "cameoRoot"),
		QuadClass:   integer(p, "quadClass"),
		Goldstein:   float(p, "goldstein"),
		Confidence:  float(p, "confidence"),
		Attribution: str(p, "attribution"),
		Ordinal:     integer(p, "ordinal"),
		Count:       integer(p, "count"),
		Topic:       str(p, "topic"),
		Origin:      str(p, "origin"),
		PartOf:      str(p, "partOf"),

		UnattributedActors: decodeUnattributed(p["unattributed"]),
	}
}
