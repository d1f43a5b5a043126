package export

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// FilterParam is one parameter of a selection, the same as a query
// parameter of GET /export/{format} and a flag of dipgraph export. A
// List may be repeated or hold values separated by commas; the others
// are given once.
type FilterParam struct {
	Name, Usage string
	List        bool
}

// FilterParams lists the parameters ParseFilter reads.
func FilterParams() []FilterParam {
	return []FilterParam{
		{"type", "event types (Visit, Meeting, PhoneCall, ...; any case, PHONE_CALL too)", true},
		{"cameo", "CAMEO code prefixes: 04 matches 042", true},
		{"root", "CAMEO roots (two digits)", true},
		{"quad", "QuadClasses 1..4", true},
		{"modality", "modalities: asserted, planned, negated, hypothetical, historical", true},
		{"country", "ISO3 codes: the country, or a person or body of it, takes part", true},
		{"actor", "entity ids of participants", true},
		{"org", "organization ids: the body or one of its officials takes part", true},
		{"place", "place or region ids: it or a place within it takes part", true},
		{"involving", "entity ids that must all take part (two select a dyad)", true},
		{"source", "publishers of a reporting article", true},
		{"text", "full text over labels and topics", false},
		{"from", "events ending on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)", false},
		{"to", "events starting on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)", false},
		{"dated", "true: only events with a known date; false: only those without", false},
	}
}

// ParseFilter reads a selection from query parameters (see FilterParams),
// as graph.EventFilter means them. It returns an error wrapping
// graph.ErrInvalid for an unknown parameter, one that is no list given
// twice, or a value it cannot read.
func ParseFilter(q url.Values) (graph.EventFilter, error) {
	var f graph.EventFilter
	known := map[string]FilterParam{}
	for _, p := range FilterParams() {
		known[p.Name] = p
	}
	for k, vs := range q {
		p, ok := known[k]
		if !ok {
			return f, fmt.Errorf("unknown filter %q: %w", k, graph.ErrInvalid)
		}
		if !p.List && len(vs) > 1 {
			return f, fmt.Errorf("filter %q given %d times: %w", k, len(vs), graph.ErrInvalid)
		}
	}
	list := func(name string) []string {
		var out []string
		for _, v := range q[name] {
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
		return out
	}
	for _, t := range list("type") {
		i := slices.IndexFunc(extract.EventTypes(), func(et string) bool {
			return strings.EqualFold(et, strings.ReplaceAll(t, "_", ""))
		})
		if i < 0 {
			return f, fmt.Errorf("type %q is no event type (%s): %w", t, strings.Join(extract.EventTypes(), ", "), graph.ErrInvalid)
		}
		f.Types = append(f.Types, extract.EventTypes()[i])
	}
	digits := func(name string, s string) error {
		if strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return fmt.Errorf("%s %q is no CAMEO code: %w", name, s, graph.ErrInvalid)
		}
		return nil
	}
	for _, c := range list("cameo") {
		if err := digits("cameo", c); err != nil {
			return f, err
		}
		f.CAMEOCodes = append(f.CAMEOCodes, c)
	}
	for _, c := range list("root") {
		if err := digits("root", c); err != nil {
			return f, err
		}
		if len(c) == 1 {
			c = "0" + c
		}
		f.CAMEORoots = append(f.CAMEORoots, c)
	}
	for _, s := range list("quad") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return f, fmt.Errorf("quad %q is no QuadClass 1..4: %w", s, graph.ErrInvalid)
		}
		f.QuadClasses = append(f.QuadClasses, n)
	}
	for _, m := range list("modality") {
		f.Modalities = append(f.Modalities, strings.ToLower(m))
	}
	for _, c := range list("country") {
		if len(c) != 3 {
			return f, fmt.Errorf("country %q is no ISO3 code: %w", c, graph.ErrInvalid)
		}
		f.Countries = append(f.Countries, strings.ToUpper(c))
	}
	f.Actors, f.Organizations, f.Places = list("actor"), list("org"), list("place")
	f.Involving, f.Sources = list("involving"), list("source")
	f.Text = strings.TrimSpace(q.Get("text"))
	for _, d := range []struct {
		name string
		end  bool
	}{{"from", false}, {"to", true}} {
		v := strings.TrimSpace(q.Get(d.name))
		if v == "" {
			continue
		}
		from, to, err := graph.DateRange(v, "")
		if err != nil {
			return f, fmt.Errorf("%s %q is no date (YYYY, YYYY-MM or YYYY-MM-DD): %w", d.name, v, graph.ErrInvalid)
		}
		if d.end {
			f.To = &to
		} else {
			f.From = &from
		}
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		return f, fmt.Errorf("from %s is after to %s: %w", q.Get("from"), q.Get("to"), graph.ErrInvalid)
	}
	if v := q.Get("dated"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, fmt.Errorf("dated %q is no boolean: %w", v, graph.ErrInvalid)
		}
		f.Dated = &b
	}
	return f, nil
}
