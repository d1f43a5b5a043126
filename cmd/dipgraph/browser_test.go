package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// browserWalk is what web/e2e/browser.mjs reports.
type browserWalk struct {
	Facts struct {
		Suggestions  []string
		Entity       string
		TimelineItem *struct{ Start, ID string }
		GraphVisit   *struct {
			ID, Date, Kind string
			Degree         int
		}
		GraphNodes, GraphNodesExpanded int
		EvidenceText, EvidenceMarked   string
		Dyad                           string
		DyadBars, DyadVisit            int
		GraphMLHref                    string `json:"graphmlHref"`
		GraphMLFile                    string `json:"graphmlFile"`
		GraphiQLResponse               struct {
			Data struct {
				Person struct {
					Name   string
					Events struct{ TotalCount int }
				}
			}
		} `json:"graphiqlResponse"`
	}
	Problems []string
}

// browser returns node and the Chromium binary for web/e2e/browser.mjs,
// with playwright-core installed in web/node_modules (make web). Without
// them the test is skipped, unless DIPGRAPH_REQUIRE_BROWSER=1 (make test,
// which installs them: make browser).
func browser(t *testing.T) (node, chromium string) {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("DIPGRAPH_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg + "; set DIPGRAPH_REQUIRE_BROWSER=1 to fail instead")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("no node to drive the browser")
	}
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		if chromium, err = exec.LookPath("chromium"); err != nil {
			missing("no chromium (make browser installs Debian's)")
		}
	}
	if _, err := os.Stat("../../web/node_modules/playwright-core/package.json"); err != nil {
		missing("no playwright-core in web/node_modules (make web installs it)")
	}
	return node, chromium
}

// TestBrowser loads the web page in headless Chromium against a server
// holding testdata/articles and does what an analyst would
// (web/e2e/browser.mjs): searches "Lavrov", opens his page, keeps
// November 2017 with the date filters, finds his visit to Azerbaijan of
// 2017-11-20 in the timeline and in the graph,
// expands a neighbour, follows the visit's evidence to its sentence in the
// article, opens the dyad AZE-RUS and its chart, downloads the selection
// as GraphML and runs a query in GraphiQL. Any error in the page, a
// violation of its security policy or a request to another host fails
// it. The GraphML is read with NetworkX. Screenshots and the download stay
// in $DIPGRAPH_BROWSER_OUT, by default web/e2e/out (not committed).
// DIPGRAPH_BROWSER_CORPUS=FILE (../shared/corpus/dev.jsonl, say) ingests
// that corpus too, with -parse=false, before the walk.
func TestBrowser(t *testing.T) {
	node, chromium := browser(t)
	cfg := mustConfig(t)
	python := readersPython(t)
	if out, errs, err := runCmd(t, cfg, "ingest", "-q", "-parse=false", "../../testdata/articles"); err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, errs)
	}
	if corpus := os.Getenv("DIPGRAPH_BROWSER_CORPUS"); corpus != "" {
		start := time.Now()
		if out, errs, err := runCmd(t, cfg, "ingest", "-q", "-parse=false", corpus); err != nil {
			t.Fatalf("ingest %s: %v\n%s\n%s", corpus, err, out, errs)
		}
		t.Logf("ingested %s beside testdata/articles in %.0f s", corpus, time.Since(start).Seconds())
	}
	s := startServe(t, cfg, "-parse=false")
	s.waitReady(t)

	out := os.Getenv("DIPGRAPH_BROWSER_OUT")
	if out == "" {
		out = "../../web/e2e/out"
	}
	out, _ = filepath.Abs(out)
	os.RemoveAll(out)
	cmd := exec.Command(node, "e2e/browser.mjs", s.base, out)
	cmd.Dir = "../../web"
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	t.Logf("browser walk: %.1f s; screenshots in %s", time.Since(start).Seconds(), out)
	var walk browserWalk
	if err := json.Unmarshal(stdout.Bytes(), &walk); err != nil {
		t.Fatalf("browser.mjs: %v, output %q\n%s", runErr, stdout.String(), stderr.String())
	}
	for _, p := range walk.Problems {
		t.Errorf("in the browser: %s", p)
	}
	if runErr != nil && len(walk.Problems) == 0 {
		t.Errorf("browser.mjs: %v\n%s", runErr, stderr.String())
	}

	f := walk.Facts
	const visit = "event:visit:ef7f1e3abbd6" // Lavrov's visit to Azerbaijan, 2017-11-20
	if !slices.ContainsFunc(f.Suggestions, func(s string) bool { return strings.HasPrefix(s, "Sergey Lavrov Person") }) {
		t.Errorf("suggestions for Lavrov: %q", f.Suggestions)
	}
	if !strings.HasPrefix(f.Entity, "Sergey Lavrov") {
		t.Errorf("the entity page is of %q", f.Entity)
	}
	if f.TimelineItem == nil || f.TimelineItem.ID != visit || f.TimelineItem.Start != "2017-11-20" {
		t.Errorf("the visit in the timeline: %+v, want %s on 2017-11-20", f.TimelineItem, visit)
	}
	if g := f.GraphVisit; g == nil || g.ID != visit || g.Date != "2017-11-20" || g.Kind != "EVENT" || g.Degree < 2 {
		t.Errorf("the visit in the graph: %+v, want %s on 2017-11-20 with its visitor and host", g, visit)
	}
	if f.GraphNodesExpanded <= f.GraphNodes {
		t.Errorf("clicking Azerbaijan: %d nodes, then %d; want more", f.GraphNodes, f.GraphNodesExpanded)
	}
	if f.EvidenceText == "" || f.EvidenceMarked != f.EvidenceText {
		t.Errorf("the evidence marked in the article is %q, want %q", f.EvidenceMarked, f.EvidenceText)
	}
	if f.Dyad != "Azerbaijan – Russia" || f.DyadBars == 0 || f.DyadVisit != 1 {
		t.Errorf("the dyad view: %q, %d bars in the chart, the visit listed %d times", f.Dyad, f.DyadBars, f.DyadVisit)
	}
	if f.GraphMLHref != "/export/graphml?involving=country%3AAZE%2Ccountry%3ARUS&from=2017-11-01&to=2017-11-30" || f.GraphMLFile != "dipgraph.graphml" {
		t.Errorf("the GraphML button: %s, saved as %s", f.GraphMLHref, f.GraphMLFile)
	}
	if r := f.GraphiQLResponse.Data.Person; r.Name != "Sergey Lavrov" || r.Events.TotalCount == 0 {
		t.Errorf("GraphiQL answered %+v", f.GraphiQLResponse)
	}

	// The download, read by NetworkX: the selection of the dyad holds the
	// visit, dated, with its visitor and host.
	const read = `import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
v = sys.argv[2]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "visit": g.nodes[v] if v in g else None, "neighbours": sorted(set(nx.all_neighbors(g, v))) if v in g else []}))`
	graphml := filepath.Join(out, "selection.graphml")
	py := exec.Command(python, "-c", read, graphml, visit)
	py.Stderr = &stderr
	b, err := py.Output()
	if err != nil {
		t.Fatalf("NetworkX read_graphml %s: %v\n%s", graphml, err, stderr.String())
	}
	var g struct {
		Nodes, Edges int
		Visit        map[string]any
		Neighbours   []string
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	t.Logf("GraphML of the dyad: %d nodes, %d edges; the visit %v, next to %v", g.Nodes, g.Edges, g.Visit, g.Neighbours)
	if g.Visit == nil || g.Visit["date"] != "2017-11-20" {
		t.Errorf("the visit in the downloaded GraphML: %v", g.Visit)
	}
	for _, n := range []string{"person:sergey-lavrov", "country:AZE"} {
		if !strings.Contains(strings.Join(g.Neighbours, " "), n) {
			t.Errorf("the visit's neighbours in the GraphML are %v, want %s among them", g.Neighbours, n)
		}
	}
}
