package scalar

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/dipgraph/dipgraph/graph"
)

// MarshalDate writes t's calendar day as a Date: "YYYY-MM-DD". The zero
// time is null.
func MarshalDate(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.Format(time.DateOnly)))
	})
}

// UnmarshalDate reads a Date, "YYYY-MM-DD", as midnight UTC of that day.
// Anything else is an error wrapping graph.ErrInvalid.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("a Date must be a string YYYY-MM-DD, not %T: %w", v, graph.ErrInvalid)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD: %w", s, graph.ErrInvalid)
	}
	return t, nil
}

// MarshalPartialDate writes a date at its precision (2017-11-20, 2017-11
// or 1992) as stored. The empty string, the graph's "not known", is null.
func MarshalPartialDate(s string) graphql.Marshaler {
	if s == "" {
		return graphql.Null
	}
	return graphql.MarshalString(s)
}

// UnmarshalPartialDate reads a PartialDate: YYYY, YYYY-MM or YYYY-MM-DD.
// Anything else is an error wrapping graph.ErrInvalid. (The schema takes
// no PartialDate argument; gqlgen wants both directions.)
func UnmarshalPartialDate(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("a PartialDate must be a string, not %T: %w", v, graph.ErrInvalid)
	}
	if _, _, err := graph.DateRange(s, ""); err != nil {
		return "", fmt.Errorf("partial date %q is not YYYY, YYYY-MM or YYYY-MM-DD: %w", s, graph.ErrInvalid)
	}
	return s, nil
}
