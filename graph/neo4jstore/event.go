package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var (
	eventsPage           = mustQuery("events_page")
	eventsCount          = mustQuery("events_count")
	eventByID            = mustQuery("event_by_id")
	participantsByEvents = mustQuery("participants_by_events")
	evidenceByEvents     = mustQuery("evidence_by_events")
)

// dayLayout is the form of a cursor's key: the From day of its event.
const dayLayout = "2006-01-02"

// Events returns one page of the events matching f, ordered by (From, ID),
// with TotalCount over the whole filter. Each list in f matches any of its
// values and the fields combine with AND; From and To match events whose
// [From, To] overlaps them. Events come without Participants and Evidence
// (see Participants and EvidenceFor) but with Reports.
//
// Events returns graph.ErrInvalid for a cursor it did not issue or a
// filter whose From is after its To.
func (s *Store) Events(ctx context.Context, f graph.EventFilter, page graph.PageRequest) (graph.EventPage, error) {
	params, err := filterParams(f)
	if err != nil {
		return graph.EventPage{}, fmt.Errorf("neo4jstore: events: %w", err)
	}
	cur, err := graph.DecodeCursor(page.After)
	if err != nil {
		return graph.EventPage{}, fmt.Errorf("neo4jstore: events: %w", err)
	}
	pageParams := map[string]any{"afterFrom": nil, "afterID": cur.ID}
	if page.After != "" {
		day, err := time.Parse(dayLayout, cur.Key)
		if err != nil {
			return graph.EventPage{}, fmt.Errorf("neo4jstore: events: cursor %q: %w", page.After, graph.ErrInvalid)
		}
		pageParams["afterFrom"] = neo4j.DateOf(day)
	}
	size := page.Size()
	for k, v := range params {
		pageParams[k] = v
	}
	pageParams["limit"] = size + 1

	type found struct {
		events []graph.Event
		total  int
	}
	got, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (found, error) {
		events, err := collect(ctx, tx, eventsPage, pageParams, eventRecord)
		if err != nil {
			return found{}, err
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
	out := graph.EventPage{Events: got.events, TotalCount: got.total}
	if len(out.Events) > size {
		out.Events, out.HasNextPage = out.Events[:size], true
	}
	out.Cursors = make([]string, len(out.Events))
	for i, ev := range out.Events {
		out.Cursors[i] = graph.Cursor{Key: ev.From.Format(dayLayout), ID: ev.ID}.Encode()
	}
	return out, nil
}

// filterParams turns f into the parameters of the filter block shared by
// events_page and events_count. Lists are never nil: size(null) would
// filter everything out.
func filterParams(f graph.EventFilter) (map[string]any, error) {
	countries := make([]string, len(f.Countries))
	for i, c := range f.Countries {
		countries[i] = strings.ToUpper(c)
	}
	p := map[string]any{
		"types":      nonNil(f.Types),
		"countries":  countries,
		"actors":     nonNil(f.Actors),
		"modalities": nonNil(f.Modalities),
		"cameoRoots": nonNil(f.CAMEORoots),
		"from":       nil,
		"to":         nil,
	}
	if f.From != nil {
		p["from"] = neo4j.DateOf(*f.From)
	}
	if f.To != nil {
		p["to"] = neo4j.DateOf(*f.To)
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		return nil, fmt.Errorf("date range %s..%s ends before it starts: %w",
			f.From.Format(dayLayout), f.To.Format(dayLayout), graph.ErrInvalid)
	}
	return p, nil
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

// Participants returns the participants of the given events, keyed by
// event id and sorted by (Role, EntityID), in one query: the batch
// function of a dataloader. Events without participants, or not stored,
// are absent from the map.
func (s *Store) Participants(ctx context.Context, eventIDs []string) (map[string][]graph.Participant, error) {
	ids := unique(eventIDs)
	out := make(map[string][]graph.Participant, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	type row struct {
		event string
		graph.Participant
	}
	rows, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]row, error) {
		return collect(ctx, tx, participantsByEvents, map[string]any{"ids": ids}, func(r *neo4j.Record) (row, error) {
			var x row
			var err error
			if x.event, _, err = neo4j.GetRecordValue[string](r, "event"); err != nil {
				return x, err
			}
			if x.Role, _, err = neo4j.GetRecordValue[string](r, "role"); err != nil {
				return x, err
			}
			x.EntityID, _, err = neo4j.GetRecordValue[string](r, "entity")
			return x, err
		})
	})
	if err != nil {
		return nil, s.fail("participants", strings.Join(ids, ","), err)
	}
	for _, x := range rows {
		out[x.event] = append(out[x.event], x.Participant)
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
	}
}
