package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/neo4jstore"
	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
	"github.com/dipgraph/dipgraph/schema"
)

// TestBenchIngest is make bench-ingest (README, Bulk ingest): on the dev
// corpus of DIPGRAPH_BENCH_INGEST (a directory with dev.jsonl and
// bulk.jsonl.gz), against the empty Neo4j of DIPGRAPH_TEST_NEO4J_URI (the
// bench's own), it measures
//
//   - extraction alone: dipgraph extract of the corpus into a graphs file;
//   - storing: dipgraph ingest -graphs of that file, BENCH_PASSES times;
//   - the naive writer: one transaction per article, one statement per
//     node and edge, once (it is slow);
//   - Neo4j's own limit: per batch of defaultBatch articles, one UNWIND
//     statement per kind of prepared rows, MERGE and nothing else,
//     BENCH_PASSES times;
//   - end to end: dipgraph ingest of the corpus's raw articles, once;
//   - the peak RSS of dipgraph ingest -parse=false of the whole bulk file,
//     and of dipgraph ingest (parsing) of its first BENCH_BULK_PREFIX
//     articles;
//
// and prints the medians. Each pass starts from an empty database.
func TestBenchIngest(t *testing.T) {
	dir := os.Getenv("DIPGRAPH_BENCH_INGEST")
	if dir == "" {
		t.Skip("make bench-ingest runs it (DIPGRAPH_BENCH_INGEST names the corpus directory)")
	}
	passes := envInt("BENCH_PASSES", 3)
	prefix := envInt("BENCH_BULK_PREFIX", 200)
	c := neo4jtest.FromEnv(os.Getenv)
	ctx := context.Background()
	driver, err := neo4jstore.Connect(ctx, c.URI, c.User, c.Password)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	store := neo4jstore.New(driver, c.Database)
	empty := func() {
		t.Helper()
		// in slices first, relationships then nodes: Wipe deletes in one
		// transaction, which for a graph as large as the bulk file's (a
		// country has many relationships) would take more memory than
		// Neo4j gives a transaction
		if c.Database != neo4jtest.Database {
			t.Fatalf("refusing to empty %s", c.Database)
		}
		for _, q := range []string{
			"MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n",
			"MATCH (n) WITH n LIMIT 20000 DELETE n RETURN count(*) AS n",
		} {
			for {
				res, err := neo4j.ExecuteQuery(ctx, driver, q, nil, neo4j.EagerResultTransformer,
					neo4j.ExecuteQueryWithDatabase(c.Database))
				if err != nil {
					t.Fatal(err)
				}
				if n, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "n"); n == 0 {
					break
				}
			}
		}
		if err := neo4jtest.Wipe(ctx, driver, c.Database); err != nil {
			t.Fatal(err)
		}
		if err := store.Migrate(ctx, schema.Constraints()); err != nil {
			t.Fatal(err)
		}
	}
	bin := dipgraphBinary(t)
	env := append(os.Environ(), "NEO4J_URI="+c.URI, "NEO4J_USER="+c.User, "NEO4J_PASSWORD="+c.Password, "NEO4J_DATABASE="+c.Database)
	report := func(format string, args ...any) {
		line := fmt.Sprintf(format, args...)
		t.Log(line)
		fmt.Println("bench-ingest: " + line)
	}
	dev := filepath.Join(dir, "dev.jsonl")

	// extraction alone, into the graphs file
	graphs := filepath.Join(t.TempDir(), "graphs.jsonl")
	f, err := os.Create(graphs)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(bin, "extract", dev)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, f, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("extract: %v", err)
	}
	f.Close()
	extractSecs := time.Since(start).Seconds()
	batches := readBatches(t, graphs)
	n := len(batches)
	elements := 0
	for _, b := range batches {
		elements += elementsOf(b)
	}
	report("corpus: %d articles, %d graph elements (nodes and edges as extracted); extract alone %.1f s, %.2f articles/s",
		n, elements, extractSecs, float64(n)/extractSecs)

	// storing
	var storeRates, storeElems []float64
	for range passes {
		empty()
		cmd := exec.Command(bin, "ingest", "-q", "-graphs", graphs)
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, os.Stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("ingest -graphs: %v\n%s", err, out.String())
		}
		sum := lastSummary(t, out.String())
		storeRates = append(storeRates, sum.ArticlesPerS)
		storeElems = append(storeElems, float64(sum.Nodes+sum.Edges)/sum.Seconds)
	}
	storeRate := medianOf(storeRates)
	report("storing (ingest -graphs, batch %d): median %.1f articles/s, %.0f elements/s (passes: %v)",
		defaultBatch, storeRate, medianOf(storeElems), storeRates)

	// the naive writer
	empty()
	start = time.Now()
	for _, b := range batches {
		if err := naiveWrite(ctx, driver, c.Database, b); err != nil {
			t.Fatalf("naive writer: %v", err)
		}
	}
	naiveSecs := time.Since(start).Seconds()
	naiveRate := float64(n) / naiveSecs
	report("naive writer (a transaction per article, a statement per node and edge): %.1f articles/s, %.0f elements/s; storing is %.1fx faster",
		naiveRate, float64(elements)/naiveSecs, storeRate/naiveRate)

	// Neo4j's own limit
	var limitRates []float64
	for range passes {
		empty()
		start := time.Now()
		for i := 0; i < n; i += defaultBatch {
			if err := limitWrite(ctx, driver, c.Database, batches[i:min(i+defaultBatch, n)]); err != nil {
				t.Fatalf("limit writer: %v", err)
			}
		}
		limitRates = append(limitRates, float64(n)/time.Since(start).Seconds())
	}
	limitRate := medianOf(limitRates)
	report("Neo4j's limit (one UNWIND of prepared rows per kind and batch, MERGE only): median %.1f articles/s, %.0f elements/s; storing reaches %.0f%% of it (passes: %v)",
		limitRate, limitRate*float64(elements)/float64(n), 100*storeRate/limitRate, limitRates)

	// end to end
	empty()
	start = time.Now()
	cmd = exec.Command(bin, "ingest", "-q", dev)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, nil, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	e2e := time.Since(start).Seconds()
	report("end to end (ingest of the raw articles, parse cache as extract left it): %.1f s, %.2f articles/s; extract alone took %.1f s (ratio %.2f)",
		e2e, float64(n)/e2e, extractSecs, e2e/extractSecs)

	// peak RSS
	bulk := filepath.Join(dir, "bulk.jsonl.gz")
	empty()
	rss, secs := peakRSS(t, env, nil, bin, "ingest", "-q", "-parse=false", bulk)
	report("peak RSS of ingest -parse=false of the whole %s: %.0f MB (%.0f s)", filepath.Base(bulk), rss, secs)
	empty()
	head, err := exec.Command("sh", "-c", fmt.Sprintf("gzip -dc %q | head -n %d", bulk, prefix)).Output()
	if err != nil {
		t.Fatal(err)
	}
	rss, secs = peakRSS(t, env, bytes.NewReader(head), bin, "ingest", "-q", "-")
	report("peak RSS of ingest (parsing) of the first %d articles of %s: %.0f MB (%.0f s)", prefix, filepath.Base(bulk), rss, secs)
}

func envInt(k string, def int) int {
	var v int
	if _, err := fmt.Sscan(os.Getenv(k), &v); err == nil && v > 0 {
		return v
	}
	return def
}

func medianOf(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// peakRSS runs bin args and returns its peak resident memory in MB and
// how long it ran.
func peakRSS(t *testing.T, env []string, stdin *bytes.Reader, bin string, args ...string) (float64, float64) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Stderr = env, os.Stderr
	if stdin != nil {
		cmd.Stdin = stdin
	}
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		t.Logf("%s %v: %v (skipped articles are reported above)\n%s", bin, args, err, lastLine(out))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return float64(ru.Maxrss) / 1024, time.Since(start).Seconds()
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// readBatches decodes a graphs file.
func readBatches(t *testing.T, path string) []graph.Batch {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, maxLineBytes)
	var out []graph.Batch
	for sc.Scan() {
		b, err := decodeGraph(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// elementsOf counts the nodes and edges of b as extracted: the article,
// entities and events, participants, evidence, mentions and relations.
func elementsOf(b graph.Batch) int {
	n := 1 + len(b.Entities) + len(b.Events) + len(b.Mentions) + len(b.Relations)
	for _, ev := range b.Events {
		n += len(ev.Participants) + len(ev.Evidence)
	}
	return n
}

// The naive writer's statements: one a node or an edge. The labels are
// the closed set of model types, checked before they are spliced in.
const (
	naiveArticle     = `MERGE (a:Article {id: $id}) SET a.title = $title, a.text = $text`
	naiveEntity      = `MERGE (n:Entity {id: $id}) ON CREATE SET n.name = $name, n.type = $type`
	naiveEvent       = `MERGE (e:Event {id: $id}) ON CREATE SET e.label = $label, e.type = $type, e.date = $date`
	naiveParticipant = `MATCH (e:Event {id: $event}) MATCH (n:Entity {id: $entity}) MERGE (e)-[:PARTICIPANT {role: $role}]->(n)`
	naiveEvidence    = `MATCH (e:Event {id: $event}) MATCH (a:Article {id: $article}) MERGE (e)-[:EVIDENCE {start: $start, end: $end}]->(a)`
	naiveMention     = `MATCH (n:Entity {id: $entity}) MATCH (a:Article {id: $article}) MERGE (n)-[:MENTIONED_IN {start: $start, end: $end}]->(a)`
	naiveRelation    = `MATCH (s:Entity {id: $source}) MATCH (o:Entity {id: $target}) MERGE (s)-[:RELATED {type: $type}]->(o)`
)

// naiveWrite writes b as a plain writer would: one transaction, one
// statement per node and edge.
func naiveWrite(ctx context.Context, driver neo4j.DriverWithContext, db string, b graph.Batch) error {
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		run := func(q string, p map[string]any) error {
			res, err := tx.Run(ctx, q, p)
			if err != nil {
				return err
			}
			_, err = res.Consume(ctx)
			return err
		}
		a := b.Article.ID
		if err := run(naiveArticle, map[string]any{"id": a, "title": b.Article.Title, "text": b.Article.Text}); err != nil {
			return nil, err
		}
		for _, e := range b.Entities {
			if err := run(naiveEntity, map[string]any{"id": e.ID, "name": e.Name, "type": e.Type}); err != nil {
				return nil, err
			}
		}
		for _, ev := range b.Events {
			if err := run(naiveEvent, map[string]any{"id": ev.ID, "label": ev.Label, "type": ev.Type, "date": ev.Date}); err != nil {
				return nil, err
			}
		}
		for _, ev := range b.Events {
			for _, p := range ev.Participants {
				if err := run(naiveParticipant, map[string]any{"event": ev.ID, "entity": p.EntityID, "role": p.Role}); err != nil {
					return nil, err
				}
			}
			for _, x := range ev.Evidence {
				if err := run(naiveEvidence, map[string]any{"event": ev.ID, "article": a, "start": x.Start, "end": x.End}); err != nil {
					return nil, err
				}
			}
		}
		for _, m := range b.Mentions {
			if err := run(naiveMention, map[string]any{"entity": m.EntityID, "article": a, "start": m.Start, "end": m.End}); err != nil {
				return nil, err
			}
		}
		for _, r := range b.Relations {
			if err := run(naiveRelation, map[string]any{"source": r.Source, "target": r.Target, "type": r.Type}); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// The limit writer's statements: one UNWIND of prepared rows per kind.
var limitStatements = []struct{ rows, query string }{
	{"articles", `UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a.title = r.title, a.text = r.text`},
	{"entities", `UNWIND $rows AS r MERGE (n:Entity {id: r.id}) ON CREATE SET n.name = r.name, n.type = r.type`},
	{"events", `UNWIND $rows AS r MERGE (e:Event {id: r.id}) ON CREATE SET e.label = r.label, e.type = r.type, e.date = r.date`},
	{"participants", `UNWIND $rows AS r MATCH (e:Event {id: r.event}) MATCH (n:Entity {id: r.entity}) MERGE (e)-[:PARTICIPANT {role: r.role}]->(n)`},
	{"evidence", `UNWIND $rows AS r MATCH (e:Event {id: r.event}) MATCH (a:Article {id: r.article}) MERGE (e)-[:EVIDENCE {start: r.start, end: r.end}]->(a)`},
	{"mentions", `UNWIND $rows AS r MATCH (n:Entity {id: r.entity}) MATCH (a:Article {id: r.article}) MERGE (n)-[:MENTIONED_IN {start: r.start, end: r.end}]->(a)`},
	{"relations", `UNWIND $rows AS r MATCH (s:Entity {id: r.source}) MATCH (o:Entity {id: r.target}) MERGE (s)-[:RELATED {type: r.type}]->(o)`},
}

// limitWrite writes bs in one transaction, one UNWIND statement per kind
// of rows prepared beforehand: what Neo4j can take, with nothing of the
// store's resolution, checks or change tracking.
func limitWrite(ctx context.Context, driver neo4j.DriverWithContext, db string, bs []graph.Batch) error {
	rows := map[string][]any{}
	for _, b := range bs {
		a := b.Article.ID
		rows["articles"] = append(rows["articles"], map[string]any{"id": a, "title": b.Article.Title, "text": b.Article.Text})
		for _, e := range b.Entities {
			rows["entities"] = append(rows["entities"], map[string]any{"id": e.ID, "name": e.Name, "type": e.Type})
		}
		for _, ev := range b.Events {
			rows["events"] = append(rows["events"], map[string]any{"id": ev.ID, "label": ev.Label, "type": ev.Type, "date": ev.Date})
			for _, p := range ev.Participants {
				rows["participants"] = append(rows["participants"], map[string]any{"event": ev.ID, "entity": p.EntityID, "role": p.Role})
			}
			for _, x := range ev.Evidence {
				rows["evidence"] = append(rows["evidence"], map[string]any{"event": ev.ID, "article": a, "start": x.Start, "end": x.End})
			}
		}
		for _, m := range b.Mentions {
			rows["mentions"] = append(rows["mentions"], map[string]any{"entity": m.EntityID, "article": a, "start": m.Start, "end": m.End})
		}
		for _, r := range b.Relations {
			rows["relations"] = append(rows["relations"], map[string]any{"source": r.Source, "target": r.Target, "type": r.Type})
		}
	}
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, s := range limitStatements {
			if len(rows[s.rows]) == 0 {
				continue
			}
			res, err := tx.Run(ctx, s.query, map[string]any{"rows": rows[s.rows]})
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}
