package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/neo4jstore"
	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
)

// TestGraphsRoundTrip reads back what extract prints: the batch ingest
// -graphs stores is the one ingest would extract.
func TestGraphsRoundTrip(t *testing.T) {
	names, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no testdata/articles")
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			res, err := extract.Extract(extract.Input{Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			want, err := graph.FromExtract(res)
			if err != nil {
				t.Fatal(err)
			}
			line, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeGraph(line)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("batch read back from extract's line (-extracted +read back):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{`{"nodes":[]}`, `{"article":`, `[1,2]`} {
		if _, err := decodeGraph([]byte(bad)); err == nil {
			t.Errorf("decodeGraph(%s): no error", bad)
		}
	}
}

// TestIngestGraphs stores extract's output with ingest -graphs: the same
// graph as ingest of the articles; a bad line is reported with its file
// and line and skipped, and the exit status says so.
func TestIngestGraphs(t *testing.T) {
	cfg := mustConfig(t)
	ext, errs, err := runCmd(t, cfg, "extract", "../../testdata/articles/*.txt")
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, errs)
	}
	n := strings.Count(ext, "\n")
	path := filepath.Join(t.TempDir(), "graphs.jsonl")
	if err := os.WriteFile(path, []byte(ext+"{not json\n"+`{"nodes":[],"edges":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := runCmd(t, cfg, "ingest", "-q", "-batch", "2", "-graphs", path)
	if err == nil {
		t.Error("ingest -graphs with bad lines: no error")
	}
	if got := lastSummary(t, out); got.ArticlesRead != n+2 || got.Ingested != n || got.Skipped != 2 {
		t.Errorf("summary %+v, want %d read, %d ingested, 2 skipped", got, n+2, n)
	}
	for _, want := range []string{fmt.Sprintf("graphs.jsonl:%d: skipped: ", n+1), fmt.Sprintf("graphs.jsonl:%d: skipped: ", n+2)} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q does not say %q", errs, want)
		}
	}
	fromGraphs, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}

	cfg = mustConfig(t)
	if out, errs, err := runCmd(t, cfg, "ingest", "-q", "../../testdata/articles"); err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, errs)
	}
	direct, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(direct, fromGraphs); diff != "" {
		t.Errorf("ingest -graphs of extract's output (-ingest +ingest -graphs):\n%s", diff)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// dipgraphBinary builds the command once for the tests that run it as a
// process of its own, to kill it.
func dipgraphBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dipgraph-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "dipgraph")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// copiesOfFixtures writes a file of extract's lines for copies copies of
// every article of testdata/articles and testdata/identity (the rules
// alone), each copy under an article id of its own: reports of the same
// events and entities, which the store merges. It returns the file and
// how many lines it has.
func copiesOfFixtures(t *testing.T, copies int) (string, int) {
	t.Helper()
	var results []extract.Result
	for _, glob := range []string{"../../testdata/articles/*.txt", "../../testdata/identity/*.txt"} {
		names, _ := filepath.Glob(glob)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			in := extract.Input{Text: string(b)}
			if strings.Contains(name, "identity") {
				in = identityInput(t, b)
			}
			res, err := extract.Extract(in)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, res)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	n := 0
	for k := range copies {
		for _, res := range results {
			res.Article.ID = fmt.Sprintf("%s-copy-%d", res.Article.ID, k)
			if err := enc.Encode(res); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	path := filepath.Join(t.TempDir(), "graphs.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, n
}

// identityInput reads a testdata/identity article: "key: value" header
// lines, a blank line, the text.
func identityInput(t *testing.T, b []byte) extract.Input {
	head, text, _ := strings.Cut(string(b), "\n\n")
	in := extract.Input{Text: text}
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "id":
			in.ID = v
		case "title":
			in.Title = v
		case "published":
			in.Published = v
		case "source":
			in.Source = v
		}
	}
	return in
}

// ingestProcess starts dipgraph ingest -q -graphs path as a process of
// its own against the Neo4j of c.
func ingestProcess(t *testing.T, c neo4jtest.Config, path string, batch int) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(dipgraphBinary(t), "ingest", "-q", "-graphs", "-batch", strconv.Itoa(batch), path)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+c.URI, "NEO4J_USER="+c.User, "NEO4J_PASSWORD="+c.Password,
		"NEO4J_DATABASE="+c.Database, "DIPGRAPH_PARSE_CACHE=off")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out, &errb
}

// storeOf opens the store of c for the test's own reads.
func storeOf(t *testing.T, c neo4jtest.Config) *neo4jstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	driver, err := neo4jstore.Connect(ctx, c.URI, c.User, c.Password)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { driver.Close(context.Background()) })
	return neo4jstore.New(driver, c.Database)
}

// articlesStored counts the articles of s; -1 when it cannot be read.
func articlesStored(s *neo4jstore.Store) int {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := s.Counts(ctx)
	if err != nil {
		return -1
	}
	return c["Article"]
}

// waitStored waits until s holds at least n articles (the caller then
// checks that cmd was still running).
func waitStored(t *testing.T, s *neo4jstore.Store, n int, out, errb *bytes.Buffer) int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		if got := articlesStored(s); got >= n {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("fewer than %d articles stored after 5 minutes\n%s\n%s", n, out, errb)
	return 0
}

// exportOf is the whole graph of c, as dipgraph export prints it.
func exportOf(t *testing.T, c neo4jtest.Config) string {
	t.Helper()
	out, errs, err := runCmd(t, withTestNeo4j(c), "export")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, errs)
	}
	return out
}

// finishedRun is a summary of a whole ingest run that must end well.
func finishedRun(t *testing.T, c neo4jtest.Config, path string, batch int) ingestSummary {
	t.Helper()
	cmd, out, errb := ingestProcess(t, c, path, batch)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, errb)
	}
	return lastSummary(t, out.String())
}

// TestIngestKilled kills dipgraph ingest (SIGKILL) while it stores, then
// runs it again: the second run finishes the rest, every article is
// stored once, the batches the first run committed count as unchanged,
// and the graph is the one a run that was never interrupted makes.
func TestIngestKilled(t *testing.T) {
	c := neo4jtest.Open(t)
	path, total := copiesOfFixtures(t, 60)
	const batch = 20
	s := storeOf(t, c)

	cmd, out, errb := ingestProcess(t, c, path, batch)
	stored := waitStored(t, s, 3*batch, out, errb)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if err == nil {
		t.Fatalf("ingest ended before it was killed (%d articles stored): make the input larger", stored)
	}
	committed := articlesStored(s)
	if committed >= total || committed%batch != 0 {
		t.Fatalf("%d of %d articles stored when killed: want whole batches of %d and not all", committed, total, batch)
	}
	t.Logf("killed with %d of %d articles stored", committed, total)

	sum := finishedRun(t, c, path, batch)
	if sum.ArticlesRead != total || sum.Unchanged != committed || sum.Ingested != total-committed || sum.Skipped != 0 {
		t.Errorf("run after the kill: %+v, want %d read, %d unchanged, %d ingested", sum, total, committed, total-committed)
	}
	if got := articlesStored(s); got != total {
		t.Errorf("%d articles stored, want %d", got, total)
	}
	resumed := exportOf(t, c)

	c = neo4jtest.Open(t) // empty again
	finishedRun(t, c, path, batch)
	if diff := cmp.Diff(exportOf(t, c), resumed); diff != "" {
		t.Errorf("graph after a kill and a second run (-never interrupted +resumed):\n%s", diff)
	}
}

// freePort returns a TCP port nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestIngestNeo4jKilled kills the Neo4j server (SIGKILL) while dipgraph
// ingest writes to it: the run fails and says so, the transaction that was
// open is rolled back, and after a restart a second run stores the rest,
// with the graph a run that was never interrupted makes. The test starts
// a Neo4j of its own (deploy/neo4j/neo4jctl, its own home and port), so it
// kills no one else's; it runs when DIPGRAPH_REQUIRE_NEO4J=1 (make test).
func TestIngestNeo4jKilled(t *testing.T) {
	if os.Getenv("DIPGRAPH_REQUIRE_NEO4J") != "1" {
		t.Skip("starts and kills a Neo4j of its own: runs with DIPGRAPH_REQUIRE_NEO4J=1 (make test)")
	}
	home := t.TempDir()
	port := freePort(t)
	ctl := func(action string) {
		t.Helper()
		cmd := exec.Command("../../deploy/neo4j/neo4jctl", action)
		cmd.Env = append(os.Environ(), "DIPGRAPH_NEO4J_HOME="+home, "NEO4J_BOLT_PORT="+strconv.Itoa(port),
			"DIPGRAPH_NEO4J_DATABASE="+neo4jtest.Database, "NEO4J_USER=neo4j", "NEO4J_PASSWORD=dipgraph-dev",
			"NEO4J_HEAP=512m", "NEO4J_PAGECACHE=256m")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("neo4jctl %s: %v\n%s", action, err, out)
		}
	}
	ctl("start")
	t.Cleanup(func() { ctl("stop") })
	c := neo4jtest.Config{URI: fmt.Sprintf("bolt://127.0.0.1:%d", port), User: "neo4j", Password: "dipgraph-dev", Database: neo4jtest.Database}
	path, total := copiesOfFixtures(t, 40)
	const batch = 20
	s := storeOf(t, c)

	cmd, out, errb := ingestProcess(t, c, path, batch)
	waitStored(t, s, 2*batch, out, errb)
	pidText, err := os.ReadFile(filepath.Join(home, "run", "neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(pidText)))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if err == nil {
		t.Fatalf("ingest ended well although Neo4j was killed\n%s", out)
	}
	if !strings.Contains(errb.String(), "nothing of this transaction was stored") {
		t.Errorf("ingest's report of the lost server does not say what became of the batch:\n%s", errb)
	}

	ctl("start")
	committed := articlesStored(s)
	if committed <= 0 || committed >= total || committed%batch != 0 {
		t.Fatalf("%d of %d articles stored after the restart: want whole batches and not all", committed, total)
	}
	t.Logf("Neo4j killed with %d of %d articles stored", committed, total)
	sum := finishedRun(t, c, path, batch)
	if sum.Unchanged != committed || sum.Ingested != total-committed || sum.Skipped != 0 {
		t.Errorf("run after the restart: %+v, want %d unchanged, %d ingested", sum, committed, total-committed)
	}
	resumed := exportOf(t, c)

	ctx := context.Background()
	driver, err := neo4jstore.Connect(ctx, c.URI, c.User, c.Password)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	if err := neo4jtest.Wipe(ctx, driver, c.Database); err != nil {
		t.Fatal(err)
	}
	finishedRun(t, c, path, batch)
	if diff := cmp.Diff(exportOf(t, c), resumed); diff != "" {
		t.Errorf("graph after Neo4j was killed and a second run (-never interrupted +resumed):\n%s", diff)
	}
}
