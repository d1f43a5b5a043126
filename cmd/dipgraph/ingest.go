package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/neo4jstore"
)

// ingester is what ingest needs of a store.
type ingester interface {
	IngestBatches(context.Context, []graph.Batch) ([]neo4jstore.Outcome, error)
}

// defaultBatch is how many articles ingest writes in one transaction.
const defaultBatch = 200

// ingestMemoryLimit is the Go runtime's soft memory limit while ingest
// runs, unless GOMEMLIMIT says otherwise.
const ingestMemoryLimit = 384 << 20

// maxBatchText bounds the text of the articles of one transaction: a
// batch of long transcripts is written before it has -batch articles, so
// that memory stays bounded whatever the articles' length.
const maxBatchText = 8 << 20

// cmdIngest extracts the articles of its inputs on all the parser's
// workers (or, with -graphs, reads what extract printed) and stores them
// in transactions of -batch articles, streaming; a bad article or line is
// reported and skipped, the others go on, and the exit status says
// whether any was skipped. The last line on stdout is a JSON summary.
func cmdIngest(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quiet := fs.Bool("q", false, "print only the summary line (and no progress)")
	graphs := fs.Bool("graphs", false, "the inputs are what dipgraph extract printed, one node-link document a line: store them without extracting")
	size := fs.Int("batch", defaultBatch, "articles written in one transaction (fewer when their text passes 8 MB)")
	every := fs.Duration("progress", 5*time.Second, "how often to print a progress line when stderr is not a terminal")
	extractor := parseFlag(fs, cfg)
	workers := workersFlag(fs, cfg)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dipgraph ingest [-q] [-batch N] [-parse=false] [-workers N] FILE|DIR|GLOB|- ...")
		fmt.Fprintln(stderr, "       dipgraph ingest -graphs [-q] [-batch N] FILE|GLOB|- ...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *size < 1 {
		fs.Usage()
		return errUsage
	}
	if !cfg.memLimitSet {
		// A soft limit: the collector works harder as the heap nears it,
		// rather than letting it double past what is live.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeStore()
	var prog *progress
	if !*quiet {
		prog = newProgress(stderr, *every, countArticles(fs.Args(), *graphs))
	}
	in := source{paths: fs.Args(), stdin: stdin, graphs: *graphs}
	if !*graphs {
		ex := extractor()
		in.ex, in.workers = &ex, workers(ex)
	}
	st, err := ingestAll(ctx, store, in, *size, stderr, prog, func(where string, sum graph.IngestSummary) {
		if !*quiet {
			state := "unchanged"
			if sum.Changed {
				state = "stored"
			}
			fmt.Fprintf(stdout, "%s\t%s\t%d nodes\t%d edges\t%s\n", where, sum.ArticleID, sum.Nodes, sum.Edges, state)
		}
	})
	prog.show(st, true)
	if err2 := json.NewEncoder(stdout).Encode(st.summary()); err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	if st.skipped > 0 {
		return fmt.Errorf("%d article(s) skipped", st.skipped)
	}
	return nil
}

// source is what ingest reads: articles to extract with ex on workers
// goroutines, or, with graphs, extract's output.
type source struct {
	paths   []string
	stdin   io.Reader
	graphs  bool
	ex      *parsingExtractor
	workers int
}

// ingestStats counts what ingest did.
type ingestStats struct {
	start                              time.Time
	read, ingested, unchanged, skipped int
	nodes, edges                       int
}

// ingestSummary is the JSON line ingest ends with.
type ingestSummary struct {
	ArticlesRead int     `json:"articles_read"`
	Ingested     int     `json:"ingested"`
	Unchanged    int     `json:"unchanged"`
	Skipped      int     `json:"skipped"`
	Nodes        int     `json:"nodes"`
	Edges        int     `json:"edges"`
	Seconds      float64 `json:"seconds"`
	ArticlesPerS float64 `json:"articles_per_s"`
}

func (st ingestStats) summary() ingestSummary {
	secs := time.Since(st.start).Seconds()
	out := ingestSummary{ArticlesRead: st.read, Ingested: st.ingested, Unchanged: st.unchanged,
		Skipped: st.skipped, Nodes: st.nodes, Edges: st.edges, Seconds: round3(secs)}
	if secs > 0 {
		out.ArticlesPerS = round3(float64(st.ingested+st.unchanged) / secs)
	}
	return out
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// pending is a batch waiting to be written, with where it was read.
type pending struct {
	where string
	batch graph.Batch
}

// ingestAll reads the articles of in (extracting them in parallel, in
// input order) and hands them, size at a time, to a writer that stores
// them with one IngestBatches call each while the next are read. each is
// called with every stored article, in input order.
func ingestAll(ctx context.Context, store ingester, in source, size int, stderr io.Writer, prog *progress,
	each func(string, graph.IngestSummary)) (ingestStats, error) {
	st := ingestStats{start: time.Now()}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// st is counted by the reader and the writer: under mu.
	var mu sync.Mutex
	update := func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
		prog.show(st, false)
	}
	stopTicker := prog.ticker(func() { update(func() {}) })
	defer stopTicker()

	skip := func(where string, err error) {
		st.skipped++
		fmt.Fprintf(stderr, "%s: skipped: %v\n", where, err)
	}
	groups := make(chan []pending, 1)
	written := make(chan error, 1)
	go func() {
		var werr error
		for g := range groups {
			if werr != nil {
				continue // draining after a failure
			}
			bs := make([]graph.Batch, len(g))
			for i, p := range g {
				bs[i] = p.batch
			}
			out, err := store.IngestBatches(ctx, bs)
			if err != nil {
				werr = fmt.Errorf("storing %s and %d more: %w (nothing of this transaction was stored: run ingest again to store the rest)", g[0].where, len(g)-1, err)
				cancel()
				continue
			}
			update(func() {
				for i, o := range out {
					if o.Err != nil {
						skip(g[i].where, o.Err)
						continue
					}
					if o.Summary.Changed {
						st.ingested++
					} else {
						st.unchanged++
					}
					st.nodes += o.Summary.Nodes
					st.edges += o.Summary.Edges
					each(g[i].where, o.Summary)
				}
			})
		}
		written <- werr
	}()

	var buf []pending
	bufText := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		select {
		case groups <- buf:
		case <-ctx.Done():
			return ctx.Err()
		}
		buf, bufText = nil, 0
		return nil
	}
	done := func(where string, b graph.Batch, err error) error {
		if err != nil && fatal(err) {
			return err
		}
		update(func() {
			st.read++
			if err != nil {
				skip(where, err)
			}
		})
		if err != nil {
			return nil
		}
		buf = append(buf, pending{where, b})
		bufText += len(b.Article.Text)
		if len(buf) >= size || bufText >= maxBatchText {
			return flush()
		}
		return nil
	}
	var err error
	if in.graphs {
		err = inOrder(ctx, runtime.GOMAXPROCS(0), func(yield func(graphLine) error) error {
			return readGraphs(in.paths, in.stdin, yield)
		}, func(_ context.Context, g graphLine) (graph.Batch, error) {
			if g.err != nil {
				return graph.Batch{}, g.err
			}
			return decodeGraph(g.line)
		}, func(g graphLine, b graph.Batch, err error) error {
			return done(g.where, b, err)
		})
	} else {
		err = inOrder(ctx, in.workers, func(yield func(item) error) error {
			return readInputs(in.paths, in.stdin, yield)
		}, func(ctx context.Context, it item) (graph.Batch, error) {
			return batchOf(ctx, *in.ex, it)
		}, func(it item, b graph.Batch, err error) error {
			return done(it.where, b, err)
		})
	}
	if err == nil {
		err = flush()
	}
	close(groups)
	if werr := <-written; werr != nil {
		return st, werr // the writer's failure is what stopped the reading
	}
	return st, err
}

// batchOf extracts the graph of one article.
func batchOf(ctx context.Context, ex parsingExtractor, it item) (graph.Batch, error) {
	if it.err != nil {
		return graph.Batch{}, it.err
	}
	res, err := ex.Extract(ctx, it.in)
	if err != nil {
		return graph.Batch{}, err
	}
	return graph.FromExtract(res)
}
