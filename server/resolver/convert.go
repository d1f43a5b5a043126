package resolver

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/node"
)

// This file holds the conversions between the graph model and the API:
// enums, optional values, pages, and the decoding of arguments.

// enum maps the values of one extract vocabulary (MilitaryAction, day, ...)
// to a GraphQL enum (MILITARY_ACTION, DAY, ...) and back. Each GraphQL
// value is its extract value in SCREAMING_SNAKE case.
type enum[E ~string] struct {
	name  string // for error messages
	toAPI map[string]E
	toGo  map[E]string
}

func newEnum[E ~string](name string, values []string) enum[E] {
	e := enum[E]{name: name, toAPI: map[string]E{}, toGo: map[E]string{}}
	for _, v := range values {
		api := E(screamingSnake(v))
		e.toAPI[v] = api
		e.toGo[api] = v
	}
	return e
}

// api returns the GraphQL value of the stored value s. A value outside
// the vocabulary is a bug in what was stored, so the error is internal.
func (e enum[E]) api(s string) (E, error) {
	v, ok := e.toAPI[s]
	if !ok {
		return v, fmt.Errorf("%s %q has no GraphQL value", e.name, s)
	}
	return v, nil
}

// graph returns the stored values of GraphQL values, which the schema has
// already validated.
func (e enum[E]) graph(vs []E) []string {
	if vs == nil {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = e.toGo[v]
	}
	return out
}

// screamingSnake turns MilitaryAction into MILITARY_ACTION and day into DAY.
func screamingSnake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// The vocabularies of extract, as GraphQL enums.
var (
	eventTypes  = newEnum[gql.EventType]("event type", extract.EventTypes())
	entityTypes = newEnum[gql.EntityType]("entity type", extract.EntityTypes())
	precisions  = newEnum[gql.DatePrecision]("date precision", []string{
		extract.PrecisionDay, extract.PrecisionMonth, extract.PrecisionYear,
		extract.PrecisionDecade, extract.PrecisionDerived,
	})
	modalities = newEnum[gql.Modality]("modality", []string{
		extract.ModalityAsserted, extract.ModalityPlanned, extract.ModalityNegated,
		extract.ModalityHypothetical, extract.ModalityHistorical,
	})
)

// quadClasses lists CAMEO's quad classes in order: quad class n is
// quadClasses[n-1].
var quadClasses = []gql.QuadClass{
	gql.QuadClassVerbalCooperation, gql.QuadClassMaterialCooperation,
	gql.QuadClassVerbalConflict, gql.QuadClassMaterialConflict,
}

// quadClass returns CAMEO quad class n (1 to 4), or nil when n is not one.
func quadClass(n int) *gql.QuadClass {
	if n < 1 || n > len(quadClasses) {
		return nil
	}
	return &quadClasses[n-1]
}

// cameo returns the CAMEO coding of ev, or nil when it has none.
func cameo(ev *graph.Event) *gql.CameoCode {
	if ev.CAMEO == "" {
		return nil
	}
	return &gql.CameoCode{Code: ev.CAMEO, Root: ev.CAMEORoot, QuadClass: quadClass(ev.QuadClass), Goldstein: ev.Goldstein}
}

// optional returns nil for the empty string, which the graph uses for
// "unknown", and &s otherwise.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// publishedDay returns the day an article was published (RFC 3339 or
// YYYY-MM-DD) in its own time zone, or nil when that is not known.
func publishedDay(s string) *time.Time {
	if len(s) < len(time.DateOnly) {
		return nil
	}
	d, err := time.Parse(time.DateOnly, s[:len(time.DateOnly)])
	if err != nil {
		return nil
	}
	return &d
}

// publishedAt returns the moment an article was published, or nil when
// only its day, or nothing, is known.
func publishedAt(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil
	}
	return &t
}

// entityNode returns the API type for e's kind.
func entityNode(e graph.Entity) (node.Entity, error) {
	switch e.Type {
	case extract.TypeCountry:
		return &node.Country{Entity: e}, nil
	case extract.TypePerson:
		return &node.Person{Entity: e}, nil
	case extract.TypeOrganization:
		return &node.Organization{Entity: e}, nil
	case extract.TypePlace:
		return &node.Place{Entity: e}, nil
	case extract.TypeRegion:
		return &node.Region{Entity: e}, nil
	}
	return nil, fmt.Errorf("entity %s: unknown type %q", e.ID, e.Type)
}

// person returns e as a person; an entity of another kind is not found,
// as the caller asked for a person.
func person(e graph.Entity) (*node.Person, error) {
	if e.Type != extract.TypePerson {
		return nil, fmt.Errorf("person %s: %w", e.ID, graph.ErrNotFound)
	}
	return &node.Person{Entity: e}, nil
}

// countryCode returns code as an upper-case ISO 3166-1 alpha-3 code, or an error
// wrapping graph.ErrInvalid when it cannot be one.
func countryCode(code string) (string, error) {
	up := strings.ToUpper(code)
	if len(up) != 3 || strings.IndexFunc(up, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return "", fmt.Errorf("%q is no ISO 3166-1 alpha-3 country code: %w", code, graph.ErrInvalid)
	}
	return up, nil
}

// eventFilter checks and normalizes the events filter. Its enum lists were
// converted by the EventFilter input resolvers as it was decoded.
func eventFilter(f *graph.EventFilter) (graph.EventFilter, error) {
	if f == nil {
		return graph.EventFilter{}, nil
	}
	out := *f
	if f.Countries != nil {
		out.Countries = make([]string, len(f.Countries))
		for i, c := range f.Countries {
			code, err := countryCode(c)
			if err != nil {
				return graph.EventFilter{}, fmt.Errorf("filter.countries: %w", err)
			}
			out.Countries[i] = code
		}
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		return graph.EventFilter{}, fmt.Errorf("filter: to %s is before from %s: %w",
			f.To.Format(time.DateOnly), f.From.Format(time.DateOnly), graph.ErrInvalid)
	}
	return out, nil
}

// pageRequest checks the paging arguments of a connection. first is
// capped at graph.MaxPageSize.
func pageRequest(first *int, after *string) (graph.PageRequest, error) {
	var p graph.PageRequest
	if first != nil {
		if *first < 1 {
			return p, fmt.Errorf("first must be at least 1, not %d: %w", *first, graph.ErrInvalid)
		}
		p.First = *first
	}
	p.First = p.Size()
	if after != nil {
		if _, err := graph.DecodeCursor(*after); err != nil {
			return p, fmt.Errorf("after: %w", err)
		}
		p.After = *after
	}
	return p, nil
}

// eventConnection returns a page of events as a connection.
func eventConnection(page graph.EventPage, req graph.PageRequest) (*gql.EventConnection, error) {
	if len(page.Cursors) != len(page.Events) {
		return nil, fmt.Errorf("event page: %d cursors for %d events", len(page.Cursors), len(page.Events))
	}
	c := &gql.EventConnection{
		Edges:      make([]gql.EventEdge, len(page.Events)),
		PageInfo:   &gql.PageInfo{HasNextPage: page.HasNextPage, HasPreviousPage: req.After != ""},
		TotalCount: page.TotalCount,
	}
	for i := range page.Events {
		c.Edges[i] = gql.EventEdge{Cursor: page.Cursors[i], Node: &page.Events[i]}
	}
	if n := len(page.Cursors); n > 0 {
		c.PageInfo.StartCursor = &page.Cursors[0]
		c.PageInfo.EndCursor = &page.Cursors[n-1]
	}
	return c, nil
}

// extractInput decodes the ingest mutation's input.
func extractInput(in gql.IngestArticleInput) extract.Input {
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	return extract.Input{
		ID:        deref(in.ID),
		Title:     deref(in.Title),
		Text:      in.Text,
		Published: deref(in.Published),
		Source:    deref(in.Source),
		URL:       deref(in.URL),
	}
}

// batch runs the pure half of an ingest: extraction, then the graph batch.
// Input the caller can fix comes back as user errors, not as an error.
func batch(in gql.IngestArticleInput) (graph.Batch, []gql.UserError, error) {
	res, err := extract.Extract(extractInput(in))
	if err != nil {
		// The extractor fails only on unusable text.
		msg := "The article text is unusable: " + err.Error() + "."
		if errors.Is(err, extract.ErrEmpty) {
			msg = "The article text is empty."
		}
		return graph.Batch{}, []gql.UserError{{Field: []string{"input", "text"}, Message: msg}}, nil
	}
	b, err := graph.FromExtract(res)
	if err != nil {
		return graph.Batch{}, nil, err
	}
	return b, nil, nil
}

// ingestPayload returns the payload of a successful ingest.
func ingestPayload(b graph.Batch, sum graph.IngestSummary) *gql.IngestArticlePayload {
	return &gql.IngestArticlePayload{Article: &b.Article, Summary: &sum, UserErrors: []gql.UserError{}}
}

// userErrorPayload returns the payload of an ingest refused for errs.
func userErrorPayload(errs []gql.UserError) *gql.IngestArticlePayload {
	return &gql.IngestArticlePayload{UserErrors: errs}
}
