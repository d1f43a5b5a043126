package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/server/export"
)

// readersRequirements are the Python packages TestExportReaders reads the
// exports with, pinned.
const readersRequirements = "networkx==3.6.1 icalendar==7.3.2 jsonschema==4.26.0"

// readersPython returns the python of a virtual environment holding the
// readers, made (python3 -m venv) and filled (pip, from the package
// registry) the first time under $DIPGRAPH_READERS_VENV, by default
// ${XDG_CACHE_HOME:-~/.cache}/dipgraph/readers. Without python3 or the
// registry the test is skipped, unless DIPGRAPH_REQUIRE_READERS=1.
func readersPython(t *testing.T) string {
	t.Helper()
	unavailable := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("DIPGRAPH_REQUIRE_READERS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg + "; set DIPGRAPH_REQUIRE_READERS=1 to fail instead")
	}
	dir := os.Getenv("DIPGRAPH_READERS_VENV")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			unavailable("no cache directory for the readers' environment: %v", err)
		}
		dir = filepath.Join(cache, "dipgraph", "readers")
	}
	python := filepath.Join(dir, "bin", "python")
	if _, err := os.Stat(python); err != nil {
		py, err := exec.LookPath("python3")
		if err != nil {
			unavailable("no python3 to make the readers' environment")
		}
		if out, err := exec.Command(py, "-m", "venv", dir).CombinedOutput(); err != nil {
			unavailable("python3 -m venv %s: %v\n%s", dir, err, out)
		}
	}
	marker := filepath.Join(dir, "dipgraph-requirements.txt")
	if have, _ := os.ReadFile(marker); string(have) != readersRequirements {
		args := append([]string{"-m", "pip", "install", "-q", "--disable-pip-version-check"}, strings.Fields(readersRequirements)...)
		if out, err := exec.Command(python, args...).CombinedOutput(); err != nil {
			unavailable("pip install %s: %v\n%s", readersRequirements, err, out)
		}
		if err := os.WriteFile(marker, []byte(readersRequirements), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return python
}

// readersSaw is what readers.py prints: per format, what its reader saw.
type readersSaw struct {
	GraphML struct {
		Nodes, Events, Edges []string
		Types                map[string][]string
	} `json:"graphml"`
	GEXF struct {
		Nodes, Events, Edges []string
		DynamicEvents        []string `json:"dynamic_events"`
		Uncoloured           []string
		Mode                 string
	} `json:"gexf"`
	Cytoscape struct {
		Nodes, Events, Edges, Dangling []string
	} `json:"cyjs"`
	NodeLink struct {
		Nodes, Events, Edges []string
		EdgeCount            int `json:"edge_count"`
	} `json:"json"`
	TimelineJS struct {
		Events []string
		Dates  map[string][]map[string]int
	} `json:"timelinejs"`
	ICS struct {
		Events  []string
		VEvents map[string]struct {
			Start, End, RRule, Status, Summary, URL, Description string
		} `json:"vevents"`
	} `json:"ics"`
	CSV struct {
		Header, Events, Dated []string
		Rows                  []map[string]string
	} `json:"csv"`
	GephiNodes struct{ Header, Nodes, Events []string } `json:"gephi-nodes"`
	GephiEdges struct {
		Header, Edges []string
		Directed      bool
	} `json:"gephi-edges"`
}

func readExports(t *testing.T, python, dir string) readersSaw {
	t.Helper()
	cmd := exec.Command(python, "../../testdata/export/readers.py", dir, "../../testdata/export")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readers.py %s: %v\n%s", dir, err, stderr.String())
	}
	var saw readersSaw
	if err := json.Unmarshal(out, &saw); err != nil {
		t.Fatalf("readers.py output: %v", err)
	}
	return saw
}

// TestExportReaders exports the graph of testdata/articles, stored in
// Neo4j, in every format, through GET /export/{format} and through
// dipgraph export, and reads each file with the reader its users have:
// NetworkX read_graphml, read_gexf and node_link_graph, the icalendar
// parser, Python's csv, and JSON Schemas of TimelineJS and Cytoscape.js
// (testdata/export/readers.py). Every format must name the same nodes,
// events and edges, and the Lavrov visit of 2017-11-20 must be where each
// format puts it.
func TestExportReaders(t *testing.T) {
	cfg := mustConfig(t)
	python := readersPython(t)
	if out, errs, err := runCmd(t, cfg, "ingest", "-q", "../../testdata/articles"); err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, errs)
	}
	base := startServe(t, cfg, "-parse=false").base
	dir := t.TempDir()
	get := func(sel, format, query string) []byte {
		resp, err := http.Get(base + "/export/" + format + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		ft, _ := export.Lookup(format)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != ft.ContentType ||
			resp.Header.Get("Content-Disposition") != `attachment; filename="`+ft.FileName()+`"` {
			t.Errorf("GET /export/%s%s: %s, %s, %s", format, query, resp.Status, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
		}
		os.MkdirAll(filepath.Join(dir, sel), 0o755)
		if err := os.WriteFile(filepath.Join(dir, sel, format), body, 0o644); err != nil {
			t.Fatal(err)
		}
		return body
	}
	stamp := regexp.MustCompile(`DTSTAMP:\d{8}T\d{6}Z`)
	for _, format := range export.FormatNames() {
		get("all", format, "")
		viaHTTP := get("aze", format, "?country=AZE&type=visit,meeting,statement,phonecall,anniversary")
		file := filepath.Join(dir, "aze."+format)
		if out, errs, err := runCmd(t, cfg, "export", "-format", format, "-country", "AZE",
			"-type", "visit,meeting,statement", "-type", "phonecall,anniversary", "-o", file); err != nil {
			t.Fatalf("dipgraph export -format %s: %v\n%s\n%s", format, err, out, errs)
		}
		viaCmd, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(stamp.ReplaceAll(viaHTTP, nil)), string(stamp.ReplaceAll(viaCmd, nil))); diff != "" {
			t.Errorf("%s: GET /export and dipgraph export differ (-http +cmd):\n%s", format, diff)
		}
	}

	all := readExports(t, python, filepath.Join(dir, "all"))
	aze := readExports(t, python, filepath.Join(dir, "aze"))
	for name, saw := range map[string]readersSaw{"all": all, "aze": aze} {
		t.Run(name, func(t *testing.T) { sameEverywhere(t, saw) })
	}
	t.Logf("whole graph: %d nodes, %d edges, %d events (%d dated); AZE: %d nodes, %d edges, %d events",
		len(all.GraphML.Nodes), len(all.GraphML.Edges), len(all.CSV.Events), len(all.CSV.Dated),
		len(aze.GraphML.Nodes), len(aze.GraphML.Edges), len(aze.CSV.Events))
	if len(all.CSV.Events) < 10 {
		t.Errorf("%d events in the export of testdata/articles, want more", len(all.CSV.Events))
	}
	for _, id := range aze.CSV.Events {
		if !slices.Contains(all.CSV.Events, id) {
			t.Errorf("%s is in the AZE selection and not in the whole graph", id)
		}
	}
	if len(aze.CSV.Events) == 0 || len(aze.CSV.Events) >= len(all.CSV.Events) {
		t.Errorf("%d events of AZE of %d: want some, not all", len(aze.CSV.Events), len(all.CSV.Events))
	}

	// The visit: a CSV row, a calendar day, a timeline slide.
	var visit map[string]string
	for _, row := range aze.CSV.Rows {
		if row["event_type"] == "Visit" && row["source_id"] == "person:sergey-lavrov" && row["target_iso3"] == "AZE" {
			visit = row
		}
	}
	if visit == nil {
		t.Fatalf("no visit of Lavrov to Azerbaijan among the CSV rows:\n%v", aze.CSV.Rows)
	}
	if visit["date"] != "2017-11-20" || visit["cameo"] == "" || visit["evidence"] == "" || visit["article_id"] == "" {
		t.Errorf("the visit's row: %v", visit)
	}
	t.Logf("the visit: %v", visit)
	ve, ok := aze.ICS.VEvents[visit["event_id"]+"@dipgraph"]
	if !ok || ve.Start != "2017-11-20" || !strings.Contains(ve.Description, visit["evidence"]) {
		t.Errorf("the visit in the calendar: %+v, %v", ve, ok)
	}
	if want := map[string]string{"planned": "TENTATIVE"}[visit["modality"]]; want != "" && ve.Status != want {
		t.Errorf("the planned visit's STATUS is %s, want %s", ve.Status, want)
	}
	if d := aze.TimelineJS.Dates[visit["event_id"]]; len(d) == 0 || !cmp.Equal(d[0], map[string]int{"year": 2017, "month": 11, "day": 20}) {
		t.Errorf("the visit's TimelineJS start_date: %v", d)
	}
}

// sameEverywhere checks that the readers of every format saw the same
// graph.
func sameEverywhere(t *testing.T, saw readersSaw) {
	t.Helper()
	same := func(what string, want []string, got map[string][]string) {
		t.Helper()
		for name, g := range got {
			if diff := cmp.Diff(want, g); diff != "" {
				t.Errorf("%s of %s and graphml differ (-graphml +%s):\n%s", what, name, name, diff)
			}
		}
	}
	same("nodes", saw.GraphML.Nodes, map[string][]string{"gexf": saw.GEXF.Nodes, "cyjs": saw.Cytoscape.Nodes,
		"json": saw.NodeLink.Nodes, "gephi-nodes": saw.GephiNodes.Nodes})
	same("events", saw.GraphML.Events, map[string][]string{"gexf": saw.GEXF.Events, "cyjs": saw.Cytoscape.Events,
		"json": saw.NodeLink.Events, "gephi-nodes": saw.GephiNodes.Events, "csv": saw.CSV.Events})
	same("edges", saw.GraphML.Edges, map[string][]string{"gexf": saw.GEXF.Edges, "cyjs": saw.Cytoscape.Edges,
		"json": saw.NodeLink.Edges, "gephi-edges": saw.GephiEdges.Edges})
	var uids []string
	for _, u := range saw.ICS.Events {
		uids = append(uids, strings.TrimSuffix(u, "@dipgraph"))
	}
	slices.Sort(uids)
	dated := map[string][]string{"timelinejs": saw.TimelineJS.Events, "ics": uids, "gexf (dynamic)": saw.GEXF.DynamicEvents}
	for name, got := range dated {
		if diff := cmp.Diff(saw.CSV.Dated, got); diff != "" {
			t.Errorf("dated events of %s (-csv +%s):\n%s", name, name, diff)
		}
	}
	if len(saw.GraphML.Nodes) == 0 || len(saw.GraphML.Edges) == 0 || len(saw.CSV.Dated) == 0 {
		t.Errorf("graphml: %d nodes, %d edges; %d dated events", len(saw.GraphML.Nodes), len(saw.GraphML.Edges), len(saw.CSV.Dated))
	}
	if len(saw.GEXF.Uncoloured) > 0 || saw.GEXF.Mode != "dynamic" {
		t.Errorf("gexf: mode %q, nodes without a colour %v", saw.GEXF.Mode, saw.GEXF.Uncoloured)
	}
	if len(saw.Cytoscape.Dangling) > 0 {
		t.Errorf("cyjs: edges to no node: %v", saw.Cytoscape.Dangling)
	}
	for k, want := range map[string]string{"quadClass": "int", "reports": "int", "goldstein": "float"} {
		if ts := saw.GraphML.Types[k]; !cmp.Equal(ts, []string{want}) {
			t.Errorf("graphml %s read as %v, want %s", k, ts, want)
		}
	}
	if !saw.GephiEdges.Directed || !cmp.Equal(saw.GephiNodes.Header, []string{"Id", "Label"}) ||
		!cmp.Equal(saw.GephiEdges.Header, []string{"Source", "Target", "Type", "Id", "Label"}) {
		t.Errorf("gephi headers %v, %v; directed %v", saw.GephiNodes.Header, saw.GephiEdges.Header, saw.GephiEdges.Directed)
	}
	if want := []string{"event_id", "date", "end_date", "precision"}; !cmp.Equal(saw.CSV.Header[:4], want) {
		t.Errorf("csv header %v", saw.CSV.Header)
	}
}
