package graph

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

// EventFilter narrows a list of events. Empty fields do not filter.
// From and To select events whose date range overlaps [From, To].
type EventFilter struct {
	Types      []string
	Countries  []string // ISO3 codes of participating countries
	Actors     []string // entity ids of participants
	Modalities []string
	CAMEORoots []string
	From       *time.Time
	To         *time.Time
}

// MaxPageSize is the largest page any list returns.
const MaxPageSize = 100

// DefaultPageSize is the page size when none is asked for.
const DefaultPageSize = 20

// PageRequest asks for First items after the opaque cursor After.
type PageRequest struct {
	First int
	After string
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

// EventPage is one page of events in (From, ID) order.
type EventPage struct {
	Events      []Event
	Cursors     []string // Cursors[i] is the cursor of Events[i]
	HasNextPage bool
	TotalCount  int
}

// Cursor is a keyset position: the sort key of the last row seen and its id.
// Encoded, it is opaque to clients.
type Cursor struct {
	Key string `json:"k"`
	ID  string `json:"i"`
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
