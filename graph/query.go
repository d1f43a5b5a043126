package graph

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

// EventFilter narrows a list of events. Empty fields do not filter; a list
// matches any of its values (except Involving, which needs all); the fields
// combine with AND. From and To select events whose date range overlaps
// [From, To].
//
// An entity "takes part" in an event when it is a participant itself or
// acts through one: a country through its people and bodies (their
// Country), an organization through its officials (OFFICIAL_OF), a place
// or region through the places within it (LOCATED_IN). A country is not
// taken to take part in what merely happens on its soil.
type EventFilter struct {
	Types       []string
	CAMEORoots  []string
	CAMEOCodes  []string // a code matches when it starts with one of these: 04 matches 042
	QuadClasses []int    // 1..4
	Modalities  []string
	// Countries are ISO3 codes: a participant is that country, or a person
	// or organization of it.
	Countries []string
	// Actors are entity ids of the participants themselves.
	Actors []string
	// Organizations are organization ids: the organization or one of its
	// officials takes part.
	Organizations []string
	// Places are place or region ids: a participant is that place, or a
	// place within it.
	Places []string
	// Involving are entity ids that must all take part (see the type's
	// comment): two of them select a dyad.
	Involving []string
	// Sources are publishers (Trend, Reuters, ...) of an article reporting
	// the event, in any case.
	Sources []string
	// Text is a full-text query over the event's label and topic.
	Text string
	From *time.Time
	To   *time.Time
	// Dated keeps only events with (true) or without (false) a known
	// date; an event has none when neither its article's text nor its
	// publication gave one.
	Dated *bool
}

// Event orders. Each is a keyset order on (key, id).
const (
	OrderDate       = "date"       // by the first day the date covers, oldest first; undated last
	OrderDateDesc   = "dateDesc"   // newest first; undated last
	OrderConfidence = "confidence" // most confident first
	OrderReports    = "reports"    // most reported first
)

// EventOrders lists the event orders; the first is the default.
func EventOrders() []string {
	return []string{OrderDate, OrderDateDesc, OrderConfidence, OrderReports}
}

// MaxPageSize is the largest page any list returns.
const MaxPageSize = 100

// The largest full-text query (a search, a filter's Text): longer ones are
// refused with ErrInvalid, so that a pasted page costs nothing.
const (
	MaxTextBytes = 1000
	MaxTextWords = 32
)

// MaxFilterValues is the most values one list of a filter (countries,
// actors, types, ...) may hold; a longer one is refused with ErrInvalid.
const MaxFilterValues = 100

// DefaultPageSize is the page size when none is asked for.
const DefaultPageSize = 20

// PageRequest asks for First items after the opaque cursor After.
type PageRequest struct {
	First int
	After string
	// Order is one of EventOrders for events; empty means the default.
	// Other lists have one order and ignore it.
	Order string
	// SkipCount spares the store counting every match when the caller
	// does not need TotalCount, which is then zero.
	SkipCount bool
}

// Size returns the page size to use: the default when unset, capped at MaxPageSize.
func (p PageRequest) Size() int {
	switch {
	case p.First <= 0:
		return DefaultPageSize
	case p.First > MaxPageSize:
		return MaxPageSize
	}
	return p.First
}

// EventPage is one page of events in the order asked for.
type EventPage struct {
	Events      []Event
	Cursors     []string // Cursors[i] is the cursor of Events[i]
	HasNextPage bool
	TotalCount  int
}

// Cursor is a keyset position: the sort key of the last row seen and its
// id, and the order it belongs to. Encoded, it is opaque to clients.
// Keyset positions do not move when rows are added before or after them,
// so a client paging through a list while articles are ingested sees every
// row that existed when it started exactly once.
type Cursor struct {
	Key   string `json:"k"`
	ID    string `json:"i"`
	Order string `json:"o,omitempty"`
}

// Encode returns the opaque form of c.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses an opaque cursor. The zero Cursor and no error are
// returned for the empty string.
func DecodeCursor(s string) (Cursor, error) {
	var c Cursor
	if s == "" {
		return c, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return c, fmt.Errorf("cursor %q: %w", s, ErrInvalid)
	}
	if err := json.Unmarshal(b, &c); err != nil || c.ID == "" {
		return c, fmt.Errorf("cursor %q: %w", s, ErrInvalid)
	}
	return c, nil
}
