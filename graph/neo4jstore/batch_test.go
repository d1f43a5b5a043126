package neo4jstore

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// identityBatches returns the batches of every article of
// testdata/identity, in name order.
func identityBatches(tb testing.TB) []graph.Batch {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(identityDir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []graph.Batch
	for _, n := range names {
		out = append(out, batchOf(tb, strings.TrimSuffix(filepath.Base(n), ".txt")))
	}
	return out
}

// corpusBatches returns the batches of the first n articles of the dev
// corpus (DIPGRAPH_CORPUS/dev.jsonl), extracted by the rules alone, or
// skips when DIPGRAPH_CORPUS is not set.
func corpusBatches(tb testing.TB, n int) []graph.Batch {
	tb.Helper()
	dir := os.Getenv("DIPGRAPH_CORPUS")
	if dir == "" {
		tb.Skip("DIPGRAPH_CORPUS is not set (make test-integration sets it to ../shared/corpus when it is there)")
	}
	f, err := os.Open(filepath.Join(dir, "dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	var out []graph.Batch
	for sc.Scan() && len(out) < n {
		var a struct{ ID, Title, Text, Published, Source string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		res, err := extract.Extract(extract.Input{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, Source: a.Source})
		if err != nil {
			continue
		}
		b, err := graph.FromExtract(res)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// TestIngestBatchesAsOneByOne writes articles in one IngestBatches call
// and one Ingest after another: the graph and every summary must be the
// same, and writing them again must change nothing. The identity
// fixtures report the same events and persons many times, so their
// rounds are cut where a batch depends on an earlier one.
func TestIngestBatchesAsOneByOne(t *testing.T) {
	sets := map[string]func(testing.TB) []graph.Batch{
		"identity": identityBatches,
		"identity reversed": func(tb testing.TB) []graph.Batch {
			bs := identityBatches(tb)
			for i, j := 0, len(bs)-1; i < j; i, j = i+1, j-1 {
				bs[i], bs[j] = bs[j], bs[i]
			}
			return bs
		},
		"lavrov twice": func(tb testing.TB) []graph.Batch {
			var bs []graph.Batch
			for _, f := range append(lavrovFixtures, reversed(lavrovFixtures)...) {
				bs = append(bs, batchOf(tb, f))
			}
			return bs
		},
		"dev corpus": func(tb testing.TB) []graph.Batch { return corpusBatches(tb, 300) },
	}
	ctx := context.Background()
	for _, name := range sortedKeys(sets) {
		t.Run(name, func(t *testing.T) {
			bs := sets[name](t)
			s := MustOpenStore(t)
			var want []graph.IngestSummary
			for _, b := range bs {
				want = append(want, mustIngest(t, s, b))
			}
			wantGraph := mustExport(t, s)

			s = MustOpenStore(t)
			out, err := s.IngestBatches(ctx, bs)
			if err != nil {
				t.Fatal(err)
			}
			var got []graph.IngestSummary
			for i, o := range out {
				if o.Err != nil {
					t.Errorf("IngestBatches: %s: %v", bs[i].Article.ID, o.Err)
				}
				got = append(got, o.Summary)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("summaries (-one by one +batched):\n%s", diff)
			}
			if diff := cmp.Diff(wantGraph, mustExport(t, s)); diff != "" {
				t.Errorf("graph (-one by one +batched):\n%s", diff)
			}

			out, err = s.IngestBatches(ctx, bs)
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range out {
				if o.Err != nil || o.Summary.Changed {
					t.Errorf("second IngestBatches: %s: changed %v, error %v", bs[i].Article.ID, o.Summary.Changed, o.Err)
				}
			}
			if diff := cmp.Diff(wantGraph, mustExport(t, s)); diff != "" {
				t.Errorf("graph after writing again (-before +after):\n%s", diff)
			}
		})
	}
}

// TestIngestBatchesRefused puts batches Ingest refuses among good ones:
// each gets its error, and the others are stored as they would be alone.
func TestIngestBatchesRefused(t *testing.T) {
	bs := identityBatches(t)
	noID := bs[1]
	noID.Article.ID = ""
	dangling := bs[3]
	dangling.Relations = append(append([]graph.Relation(nil), dangling.Relations...),
		graph.Relation{Source: "person:nobody", Target: "country:AZE", Type: "OFFICIAL_OF"})
	clash := graph.Batch{Article: graph.Article{ID: "clash", Text: "x"},
		Entities: []graph.Entity{{ID: bs[0].Entities[0].ID, Type: extract.TypeRegion, Name: "x"}}}
	if bs[0].Entities[0].Type == extract.TypeRegion {
		clash.Entities[0].Type = extract.TypePlace
	}
	in := []graph.Batch{bs[0], noID, bs[2], dangling, clash, bs[4]}

	s := MustOpenStore(t)
	for _, b := range []graph.Batch{bs[0], bs[2], bs[4]} {
		mustIngest(t, s, b)
	}
	want := mustExport(t, s)

	s = MustOpenStore(t)
	out, err := s.IngestBatches(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for i, wantErr := range []error{nil, graph.ErrInvalid, nil, graph.ErrInvalid, graph.ErrConflict, nil} {
		if !errors.Is(out[i].Err, wantErr) || (wantErr == nil) != (out[i].Err == nil) {
			t.Errorf("batch %d (%s): error %v, want %v", i, in[i].Article.ID, out[i].Err, wantErr)
		}
		if wantErr == nil && !out[i].Summary.Changed {
			t.Errorf("batch %d (%s): Changed = false for a new article", i, in[i].Article.ID)
		}
	}
	if diff := cmp.Diff(want, mustExport(t, s)); diff != "" {
		t.Errorf("graph (-the good batches alone +with the refused ones):\n%s", diff)
	}
}

// TestIngestBatchesConcurrent writes the same articles from four
// goroutines at once: MERGE on the constrained ids must never make two
// nodes of one id, whatever the interleaving.
func TestIngestBatchesConcurrent(t *testing.T) {
	bs := identityBatches(t)
	s := MustOpenStore(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Go(func() {
			order := bs
			if g%2 == 1 {
				order = make([]graph.Batch, len(bs))
				for i, b := range bs {
					order[len(bs)-1-i] = b
				}
			}
			out, err := s.IngestBatches(context.Background(), order)
			if err != nil {
				errs <- err
				return
			}
			for _, o := range out {
				if o.Err != nil {
					errs <- o.Err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	g := mustExport(t, s)
	seen := map[string]int{}
	for _, n := range g.Nodes {
		seen[n.ID]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%d nodes with id %s", n, id)
		}
	}
	if len(seen) == 0 {
		t.Error("nothing stored")
	}
}
