package resolver

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/node"
)

// This file holds the conversions between the graph model and the API:
// optional values, the API types of entities and events, pages, and the
// decoding and checking of arguments. The vocabularies of extract (event
// types, precisions, modalities, ...) need none: gqlgen.yml binds their
// GraphQL enums to the stored strings.

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

// quadClassNumbers returns the numbers (1 to 4) of quad classes the
// schema has validated.
func quadClassNumbers(qs []gql.QuadClass) []int {
	if qs == nil {
		return nil
	}
	out := make([]int, 0, len(qs))
	for _, q := range qs {
		for i, c := range quadClasses {
			if q == c {
				out = append(out, i+1)
			}
		}
	}
	return out
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

// optionalInt returns nil for 0, which the graph uses for "unknown".
func optionalInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
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

// entityNodes returns the API types of es.
func entityNodes(es []graph.Entity) ([]node.Entity, error) {
	out := make([]node.Entity, len(es))
	for i, e := range es {
		n, err := entityNode(e)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// kindOf returns an entity of one kind, or an error wrapping
// graph.ErrNotFound when e is of another: the caller asked for that kind.
func kindOf[T node.Entity](e graph.Entity) (T, error) {
	var zero T
	n, err := entityNode(e)
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, fmt.Errorf("%s is a %s: %w", e.ID, e.Type, graph.ErrNotFound)
	}
	return t, nil
}

// eventNode returns the API type for ev's kind.
func eventNode(ev graph.Event) (node.Event, error) {
	b := node.EventBase{Event: ev}
	switch ev.Type {
	case extract.TypeStatement:
		return &node.Statement{EventBase: b}, nil
	case extract.TypeVisit:
		return &node.Visit{EventBase: b}, nil
	case extract.TypeMeeting:
		return &node.Meeting{EventBase: b}, nil
	case extract.TypePhoneCall:
		return &node.PhoneCall{EventBase: b}, nil
	case extract.TypeAnniversary:
		return &node.Anniversary{EventBase: b}, nil
	case extract.TypeConflict:
		return &node.Conflict{EventBase: b}, nil
	case extract.TypeMediation:
		return &node.Mediation{EventBase: b}, nil
	case extract.TypeNegotiation:
		return &node.Negotiation{EventBase: b}, nil
	case extract.TypeMilitaryAction:
		return &node.MilitaryAction{EventBase: b}, nil
	case extract.TypeAgreement:
		return &node.Agreement{EventBase: b}, nil
	case extract.TypeResolution:
		return &node.Resolution{EventBase: b}, nil
	case extract.TypeSanction:
		return &node.Sanction{EventBase: b}, nil
	case extract.TypeAccusation:
		return &node.Accusation{EventBase: b}, nil
	case extract.TypeAid:
		return &node.Aid{EventBase: b}, nil
	case extract.TypeAppointment:
		return &node.Appointment{EventBase: b}, nil
	case extract.TypeCooperation:
		return &node.Cooperation{EventBase: b}, nil
	case extract.TypeAppeal:
		return &node.Appeal{EventBase: b}, nil
	case extract.TypeRejection:
		return &node.Rejection{EventBase: b}, nil
	case extract.TypeThreat:
		return &node.Threat{EventBase: b}, nil
	case extract.TypeProtest:
		return &node.Protest{EventBase: b}, nil
	case extract.TypeReduceRelations:
		return &node.ReduceRelations{EventBase: b}, nil
	case extract.TypeYield:
		return &node.Yield{EventBase: b}, nil
	case extract.TypeInvestigation:
		return &node.Investigation{EventBase: b}, nil
	case extract.TypeCoercion:
		return &node.Coercion{EventBase: b}, nil
	}
	return nil, fmt.Errorf("event %s: unknown type %q", ev.ID, ev.Type)
}

// eventNodes returns the API types of evs.
func eventNodes(evs []graph.Event) ([]node.Event, error) {
	out := make([]node.Event, len(evs))
	for i, ev := range evs {
		n, err := eventNode(ev)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
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

// countryCodes checks and normalizes a list of country codes; what names
// the argument in errors.
func countryCodes(what string, codes []string) ([]string, error) {
	if codes == nil {
		return nil, nil
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		code, err := countryCode(c)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out[i] = code
	}
	return out, nil
}

// dateRange checks that a range does not end before it starts.
func dateRange(what string, from, to *time.Time) error {
	if from != nil && to != nil && to.Before(*from) {
		return fmt.Errorf("%s: to %s is before from %s: %w",
			what, to.Format(time.DateOnly), from.Format(time.DateOnly), graph.ErrInvalid)
	}
	return nil
}

// eventFilter checks and normalizes an events filter. Its quad classes
// were converted by the EventFilter input resolver as it was decoded.
func eventFilter(f *graph.EventFilter) (graph.EventFilter, error) {
	if f == nil {
		return graph.EventFilter{}, nil
	}
	if err := listLimit("types", len(f.Types), "cameoRoots", len(f.CAMEORoots), "cameoCodes", len(f.CAMEOCodes),
		"quadClasses", len(f.QuadClasses), "modalities", len(f.Modalities), "countries", len(f.Countries),
		"actors", len(f.Actors), "organizations", len(f.Organizations), "places", len(f.Places),
		"involving", len(f.Involving), "sources", len(f.Sources)); err != nil {
		return graph.EventFilter{}, err
	}
	out := *f
	var err error
	if out.Countries, err = countryCodes("filter.countries", f.Countries); err != nil {
		return graph.EventFilter{}, err
	}
	for _, code := range f.CAMEOCodes {
		if code == "" || strings.IndexFunc(code, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return graph.EventFilter{}, fmt.Errorf("filter.cameoCodes: %q is no CAMEO code: %w", code, graph.ErrInvalid)
		}
	}
	if err := dateRange("filter", f.From, f.To); err != nil {
		return graph.EventFilter{}, err
	}
	return out, nil
}

// timelineFilter is eventFilter for a timeline, which places events by
// their dates and so keeps only events with one.
func timelineFilter(f *graph.EventFilter) (graph.EventFilter, error) {
	out, err := eventFilter(f)
	dated := true
	out.Dated = &dated
	return out, err
}

// entityFilter checks an entity list's filter and gives it its type.
func entityFilter(typ string, f *graph.EntityFilter) (graph.EntityFilter, error) {
	var out graph.EntityFilter
	if f != nil {
		if err := listLimit("countries", len(f.Countries), "organizations", len(f.Organizations)); err != nil {
			return out, err
		}
		out = *f
		var err error
		if out.Countries, err = countryCodes("filter.countries", f.Countries); err != nil {
			return out, err
		}
	}
	out.Type = typ
	return out, nil
}

// articleFilter checks an article list's filter.
func articleFilter(f *graph.ArticleFilter) (graph.ArticleFilter, error) {
	if f == nil {
		return graph.ArticleFilter{}, nil
	}
	if err := listLimit("sources", len(f.Sources), "mentions", len(f.Mentions)); err != nil {
		return graph.ArticleFilter{}, err
	}
	return *f, dateRange("filter", f.From, f.To)
}

// listLimit refuses a filter whose lists, given as name and length pairs,
// hold more than graph.MaxFilterValues values.
func listLimit(pairs ...any) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := pairs[i+1].(int); n > graph.MaxFilterValues {
			return fmt.Errorf("filter.%s: %d values, at most %d: %w", pairs[i], n, graph.MaxFilterValues, graph.ErrInvalid)
		}
	}
	return nil
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

// eventPageRequest is pageRequest for an event list in an order. It spares
// the store the count when the query does not select totalCount.
func eventPageRequest(ctx context.Context, orderBy *string, first *int, after *string) (graph.PageRequest, error) {
	p, err := pageRequest(first, after)
	if orderBy != nil {
		p.Order = *orderBy
	}
	p.SkipCount = !selects(ctx, "totalCount")
	return p, err
}

// inRange checks an integer argument with a default.
func inRange(name string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, fmt.Errorf("%s must be from %d to %d, not %d: %w", name, lo, hi, *v, graph.ErrInvalid)
	}
	return *v, nil
}

// pageInfo returns the PageInfo of a page with cursors.
func pageInfo(cursors []string, hasNext bool, req graph.PageRequest) *gql.PageInfo {
	p := &gql.PageInfo{HasNextPage: hasNext, HasPreviousPage: req.After != ""}
	if n := len(cursors); n > 0 {
		p.StartCursor = &cursors[0]
		p.EndCursor = &cursors[n-1]
	}
	return p
}

// eventConnection returns a page of events as a connection.
func eventConnection(page graph.EventPage, req graph.PageRequest) (*gql.EventConnection, error) {
	if len(page.Cursors) != len(page.Events) {
		return nil, fmt.Errorf("event page: %d cursors for %d events", len(page.Cursors), len(page.Events))
	}
	nodes, err := eventNodes(page.Events)
	if err != nil {
		return nil, err
	}
	c := &gql.EventConnection{
		Edges:      make([]gql.EventEdge, len(nodes)),
		Nodes:      nodes,
		PageInfo:   pageInfo(page.Cursors, page.HasNextPage, req),
		TotalCount: page.TotalCount,
	}
	for i := range nodes {
		c.Edges[i] = gql.EventEdge{Cursor: page.Cursors[i], Node: nodes[i]}
	}
	return c, nil
}

// articleConnection returns a page of articles as a connection.
func articleConnection(page graph.ArticlePage, req graph.PageRequest) *gql.ArticleConnection {
	c := &gql.ArticleConnection{
		Edges:      make([]gql.ArticleEdge, len(page.Articles)),
		Nodes:      make([]graph.Article, len(page.Articles)),
		PageInfo:   pageInfo(page.Cursors, page.HasNextPage, req),
		TotalCount: page.TotalCount,
	}
	for i := range page.Articles {
		c.Nodes[i] = page.Articles[i]
		c.Edges[i] = gql.ArticleEdge{Cursor: page.Cursors[i], Node: &page.Articles[i]}
	}
	return c
}

// entityConnection returns a page of entities of kind *T as the parts of
// a connection: the nodes, their edges made by edge, and the page info.
func entityConnection[T any, PT interface {
	*T
	node.Entity
}, E any](page graph.EntityPage, req graph.PageRequest, edge func(cursor string, n PT) E) ([]T, []E, *gql.PageInfo, error) {
	nodes := make([]T, len(page.Entities))
	edges := make([]E, len(page.Entities))
	for i, e := range page.Entities {
		n, err := kindOf[PT](e)
		if err != nil {
			return nil, nil, nil, err
		}
		nodes[i], edges[i] = *n, edge(page.Cursors[i], n)
	}
	return nodes, edges, pageInfo(page.Cursors, page.HasNextPage, req), nil
}

func countryConnection(page graph.EntityPage, req graph.PageRequest) (*gql.CountryConnection, error) {
	nodes, edges, info, err := entityConnection(page, req, func(c string, n *node.Country) gql.CountryEdge {
		return gql.CountryEdge{Cursor: c, Node: n}
	})
	return &gql.CountryConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: page.TotalCount}, err
}

func personConnection(page graph.EntityPage, req graph.PageRequest) (*gql.PersonConnection, error) {
	nodes, edges, info, err := entityConnection(page, req, func(c string, n *node.Person) gql.PersonEdge {
		return gql.PersonEdge{Cursor: c, Node: n}
	})
	return &gql.PersonConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: page.TotalCount}, err
}

func organizationConnection(page graph.EntityPage, req graph.PageRequest) (*gql.OrganizationConnection, error) {
	nodes, edges, info, err := entityConnection(page, req, func(c string, n *node.Organization) gql.OrganizationEdge {
		return gql.OrganizationEdge{Cursor: c, Node: n}
	})
	return &gql.OrganizationConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: page.TotalCount}, err
}

// timelineLabelSize is the most characters of a timeline label.
const timelineLabelSize = 80

// timeline returns a page of events as a timeline.
func timeline(page graph.EventPage, req graph.PageRequest) (*gql.Timeline, error) {
	t := &gql.Timeline{
		Items:      make([]gql.TimelineItem, len(page.Events)),
		PageInfo:   pageInfo(page.Cursors, page.HasNextPage, req),
		TotalCount: page.TotalCount,
	}
	for i, ev := range page.Events {
		n, err := eventNode(ev)
		if err != nil {
			return nil, err
		}
		t.Items[i] = gql.TimelineItem{
			ID: ev.ID, Start: ev.From, End: ev.To, Precision: ev.Precision, Type: ev.Type,
			Label: shorten(ev.Label, timelineLabelSize), Cursor: page.Cursors[i], Event: n,
		}
	}
	return t, nil
}

// shorten cuts s to at most n characters, ending it with an ellipsis when
// it cuts, at a space where one is near.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)*3/4 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// dyadQuery checks the arguments of Query.dyad.
func dyadQuery(a, b string, from, to *time.Time, interval *string, filter *graph.EventFilter) (graph.DyadQuery, error) {
	f, err := eventFilter(filter)
	if err != nil {
		return graph.DyadQuery{}, err
	}
	if from != nil {
		f.From = from
	}
	if to != nil {
		f.To = to
	}
	if err := dateRange("dyad", f.From, f.To); err != nil {
		return graph.DyadQuery{}, err
	}
	if a == b {
		return graph.DyadQuery{}, fmt.Errorf("a dyad needs two entities, not %s twice: %w", a, graph.ErrInvalid)
	}
	q := graph.DyadQuery{A: a, B: b, Filter: f, Interval: graph.IntervalYear}
	if interval != nil {
		q.Interval = *interval
	}
	return q, nil
}

// dyadEvents returns the events filter of a dyad: its query's filter,
// with both ends taking part.
func dyadEvents(d *graph.Dyad) graph.EventFilter {
	f := d.Query.Filter
	f.Involving = append([]string{d.A, d.B}, f.Involving...)
	return f
}

// partnerQuery checks the arguments of Query.partners.
func partnerQuery(entity string, filter *graph.EventFilter, types []string, byCountry *bool, orderBy *string, first *int) (graph.PartnerQuery, error) {
	f, err := eventFilter(filter)
	if err != nil {
		return graph.PartnerQuery{}, err
	}
	n, err := inRange("first", first, graph.DefaultPageSize, 1, graph.MaxPageSize)
	q := graph.PartnerQuery{Entity: entity, Filter: f, Types: types, First: n, Order: graph.PartnersByCount}
	if byCountry != nil {
		q.ByCountry = *byCountry
	}
	if orderBy != nil {
		q.Order = *orderBy
	}
	return q, err
}

// subgraphQuery checks the arguments of Query.subgraph.
func subgraphQuery(center string, depth *int, filter *graph.EventFilter, limit *int) (graph.SubgraphQuery, error) {
	f, err := eventFilter(filter)
	if err != nil {
		return graph.SubgraphQuery{}, err
	}
	d, err := inRange("depth", depth, 1, 1, graph.MaxSubgraphDepth)
	if err != nil {
		return graph.SubgraphQuery{}, err
	}
	l, err := inRange("limit", limit, graph.DefaultSubgraphEvents, 1, graph.MaxSubgraphEvents)
	return graph.SubgraphQuery{Center: center, Depth: d, Filter: f, Limit: l}, err
}

// pathsArgs checks the arguments of Query.paths.
func pathsArgs(from, to string, maxHops, first *int) (hops, limit int, err error) {
	if from == to {
		return 0, 0, fmt.Errorf("paths need two entities, not %s twice: %w", from, graph.ErrInvalid)
	}
	if hops, err = inRange("maxHops", maxHops, 2, 1, graph.MaxPathHops); err != nil {
		return 0, 0, err
	}
	limit, err = inRange("first", first, 10, 1, graph.MaxPaths)
	return hops, limit, err
}

// meanGoldstein returns the mean Goldstein value of a tally, or nil when
// no event in it has a CAMEO code.
func meanGoldstein(t *graph.Tally) *float64 {
	if t.Coded == 0 {
		return nil
	}
	g := t.Goldstein
	return &g
}

// year reads the year of a count by year.
func year(c *graph.Count) (int, error) {
	return strconv.Atoi(c.Key)
}

// isEvent reports whether a graph node or search hit of type typ is an
// event (rather than an entity or an article).
func isEvent(typ string) bool { return extract.IsEventType(typ) }

// nodeKind returns the kind of a subgraph or path node.
func nodeKind(n *graph.Node) gql.NodeKind {
	if isEvent(n.Type) {
		return gql.NodeKindEvent
	}
	return gql.NodeKindEntity
}

// nodeType returns a subgraph or path node's type as its GraphQL enum
// value: COUNTRY, VISIT, ...
func nodeType(n *graph.Node) string {
	var b strings.Builder
	for i, r := range n.Type {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteString(strings.ToUpper(string(r)))
	}
	return b.String()
}

// nodeDate returns an event node's date.
func nodeDate(n *graph.Node) *string {
	d, _ := n.Properties["date"].(string)
	return optional(d)
}

// edgeKind returns the kind of a subgraph or path edge: a participation
// goes from an event.
func edgeKind(e *graph.Edge) gql.EdgeKind {
	if strings.HasPrefix(e.Source, "event:") {
		return gql.EdgeKindParticipant
	}
	return gql.EdgeKindRelation
}

// hops counts the steps of a path: its events and its relations.
func hops(p *graph.NodeLink) int {
	n := 0
	for _, x := range p.Nodes {
		if isEvent(x.Type) {
			n++
		}
	}
	for _, e := range p.Edges {
		if edgeKind(&e) == gql.EdgeKindRelation {
			n++
		}
	}
	return n
}

// relationsWhere returns the relations of rels that go the way dir says
// from or to id (both ways when dir is 0) and, when types are given, are
// of one of them.
func relationsWhere(rels []graph.Relation, id string, dir int, types ...string) []graph.Relation {
	out := []graph.Relation{}
	for _, r := range rels {
		if dir > 0 && r.Source != id || dir < 0 && r.Target != id {
			continue
		}
		if len(types) > 0 && !contains(types, r.Type) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Directions for relationsWhere.
const (
	outgoing = 1
	incoming = -1
	both     = 0
)

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// slice returns text[start:end] in bytes, or an error for a span that
// does not fit the text.
func slice(text string, start, end int) (string, error) {
	if start < 0 || end < start || end > len(text) {
		return "", fmt.Errorf("span [%d:%d] outside a text of %d bytes", start, end, len(text))
	}
	return text[start:end], nil
}

// maxBatch is the most articles one ingestArticles call takes.
const maxBatch = 100

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

// batch runs the first half of an ingest: extraction, then the graph
// batch. Input the caller can fix comes back as user errors at path, not
// as an error.
func (r *Resolver) batch(ctx context.Context, in gql.IngestArticleInput, path ...string) (graph.Batch, []gql.UserError, error) {
	res, err := r.extractor.Extract(ctx, extractInput(in))
	if err != nil && !errors.Is(err, extract.ErrEmpty) && !errors.Is(err, extract.ErrInvalidUTF8) {
		return graph.Batch{}, nil, fmt.Errorf("extract: %w", err)
	}
	if err != nil {
		msg := "The article text is unusable: " + err.Error() + "."
		if errors.Is(err, extract.ErrEmpty) {
			msg = "The article text is empty."
		}
		return graph.Batch{}, []gql.UserError{{Field: append(path, "text"), Message: msg}}, nil
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

// selects reports whether the field being resolved selects a field of
// that name, e.g. the totalCount of a connection.
func selects(ctx context.Context, name string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}
