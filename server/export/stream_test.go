package export

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// synthSource makes up a selection of n events, each between two of n/2
// entities and reported by one of n/10 articles, a page at a time, so
// that it holds nothing itself; it samples the live heap while an export
// reads it.
type synthSource struct {
	n    int
	peak uint64
	seen int
}

func (s *synthSource) sample() {
	s.seen++
	if s.seen%8 != 0 {
		return
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.peak = max(s.peak, m.HeapAlloc)
}

func entityID(i int) string  { return fmt.Sprintf("country:E%07d", i) }
func articleID(i int) string { return fmt.Sprintf("article-%07d", i) }

func (s *synthSource) event(i int) graph.Event {
	from := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/10)
	return graph.Event{ID: fmt.Sprintf("event:meeting:%07d", i), Type: "Meeting", Label: fmt.Sprintf("meeting number %d", i),
		Date: from.Format(time.DateOnly), From: from, To: from, Precision: "day", Modality: "asserted",
		CAMEO: "043", CAMEORoot: "04", QuadClass: 1, Goldstein: 2.8, Reports: 1}
}

func (s *synthSource) SelectionEvents(_ context.Context, _ graph.EventFilter, after string, size int) (graph.EventPage, error) {
	s.sample()
	start := 0
	if after != "" {
		c, _ := graph.DecodeCursor(after)
		start, _ = strconv.Atoi(c.Key)
		start++
	}
	var out graph.EventPage
	for i := start; i < s.n && len(out.Events) < size; i++ {
		out.Events = append(out.Events, s.event(i))
		out.Cursors = append(out.Cursors, graph.Cursor{Key: strconv.Itoa(i)}.Encode())
	}
	out.HasNextPage = start+len(out.Events) < s.n
	return out, nil
}

func index(id string) int {
	i, _ := strconv.Atoi(id[len(id)-7:])
	return i
}

func (s *synthSource) Participants(_ context.Context, ids []string) (map[string][]graph.Participant, error) {
	out := map[string][]graph.Participant{}
	for _, id := range ids {
		i := index(id)
		out[id] = []graph.Participant{{Role: "party", EntityID: entityID(i % (s.n / 2))}, {Role: "party", EntityID: entityID((i + 1) % (s.n / 2))}}
	}
	return out, nil
}

func (s *synthSource) EvidenceFor(_ context.Context, ids []string) (map[string][]graph.Evidence, error) {
	out := map[string][]graph.Evidence{}
	for _, id := range ids {
		out[id] = []graph.Evidence{{ArticleID: articleID(index(id) / 10), Start: 0, End: 60,
			Text: "The two sides met and agreed to meet again, the ministry said."}}
	}
	return out, nil
}

func (s *synthSource) Entities(_ context.Context, ids []string) (map[string]graph.Entity, error) {
	out := map[string]graph.Entity{}
	for _, id := range ids {
		out[id] = graph.Entity{ID: id, Type: "Country", Name: "Country " + id, ISO3: id[len(id)-3:]}
	}
	return out, nil
}

func (s *synthSource) ArticlesByIDs(_ context.Context, ids []string) (map[string]graph.Article, error) {
	out := map[string]graph.Article{}
	for _, id := range ids {
		out[id] = graph.Article{ID: id, Title: "Title of " + id, URL: "https://example.org/" + id, Source: "Example"}
	}
	return out, nil
}

func (s *synthSource) SelectionEntities(_ context.Context, _ graph.EventFilter, after string, limit int) ([]graph.Entity, error) {
	s.sample()
	start := 0
	if after != "" {
		start = index(after) + 1
	}
	var out []graph.Entity
	for i := start; i < s.n/2 && len(out) < limit; i++ {
		out = append(out, graph.Entity{ID: entityID(i), Type: "Country", Name: "Country " + strconv.Itoa(i)})
	}
	return out, nil
}

func (s *synthSource) SelectionArticles(_ context.Context, _ graph.EventFilter, after string, limit int) ([]graph.Article, error) {
	s.sample()
	start := 0
	if after != "" {
		start = index(after) + 1
	}
	var out []graph.Article
	for i := start; i < s.n/10 && len(out) < limit; i++ {
		out = append(out, graph.Article{ID: articleID(i), Title: "Title", URL: "https://example.org/" + articleID(i)})
	}
	return out, nil
}

func (s *synthSource) SelectionRelations(_ context.Context, _ graph.EventFilter, ids []string) ([]graph.Relation, error) {
	var out []graph.Relation
	for _, id := range ids {
		out = append(out, graph.Relation{Source: id, Target: entityID((index(id) + 7) % (s.n / 2)), Type: "STRATEGIC_PARTNER"})
	}
	return out, nil
}

func (s *synthSource) SelectionMentions(_ context.Context, _ graph.EventFilter, ids []string) ([]graph.Mention, error) {
	var out []graph.Mention
	for _, id := range ids {
		for j := range 3 {
			out = append(out, graph.Mention{EntityID: entityID((index(id)*10 + j) % (s.n / 2)), ArticleID: id, Start: 10 * j, End: 10*j + 5})
		}
	}
	return out, nil
}

// countingWriter counts what it is given and keeps nothing.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// TestStreams: the live heap while an export runs does not grow with the
// export: 25 times the events, the same peak give or take a megabyte.
func TestStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("the large export takes seconds")
	}
	for _, format := range []string{"graphml", "gexf", "json", "csv", "ics", "timelinejs"} {
		t.Run(format, func(t *testing.T) {
			var peaks [2]uint64
			var sizes [2]int64
			for i, n := range []int{2000, 50000} {
				src := &synthSource{n: n}
				var w countingWriter
				if err := Write(context.Background(), &w, format, src, graph.EventFilter{}, Options{}); err != nil {
					t.Fatal(err)
				}
				peaks[i], sizes[i] = src.peak, w.n
			}
			t.Logf("%s: %d events, %.1f MB written, peak heap %.2f MB; %d events, %.1f MB, peak heap %.2f MB",
				format, 2000, float64(sizes[0])/1e6, float64(peaks[0])/1e6, 50000, float64(sizes[1])/1e6, float64(peaks[1])/1e6)
			if peaks[1] > peaks[0]+1<<20 {
				t.Errorf("%s: peak heap %d bytes for 50,000 events, %d for 2,000: it grows with the export", format, peaks[1], peaks[0])
			}
		})
	}
}
