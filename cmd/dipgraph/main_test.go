package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
)

const seedPath = "../../testdata/articles/trend-2017-11-16-russia-azerbaijan.txt"

// mustConfig returns the configuration of the test Neo4j (make test's own
// instance; see package neo4jtest), with an empty database, whatever
// NEO4J_URI names. Without a server the test is skipped, unless
// DIPGRAPH_REQUIRE_NEO4J=1 (as in make test and CI), where it fails.
func mustConfig(t *testing.T) config {
	t.Helper()
	return withTestNeo4j(neo4jtest.Open(t))
}

// withTestNeo4j returns the configuration of the environment with the
// test Neo4j c in place of the user's.
func withTestNeo4j(c neo4jtest.Config) config {
	cfg := configFromEnv(os.Getenv)
	cfg.neo4jURI, cfg.neo4jUser, cfg.neo4jPassword, cfg.neo4jDatabase = c.URI, c.User, c.Password, c.Database
	return cfg
}

// parseArgs returns the flags that let a command read sentences with the
// test CoreNLP server ($DIPGRAPH_CORENLP_URL or the default): none when it
// answers, -parse=false when not, unless DIPGRAPH_REQUIRE_CORENLP=1, where
// the test fails.
func parseArgs(t *testing.T) []string {
	t.Helper()
	cfg := configFromEnv(os.Getenv)
	hc := &http.Client{Timeout: 3 * time.Second}
	resp, err := hc.Get(strings.TrimRight(cfg.corenlpURLs[0], "/") + "/ping")
	if err == nil {
		resp.Body.Close()
		return nil
	}
	if os.Getenv("DIPGRAPH_REQUIRE_CORENLP") == "1" {
		t.Fatalf("CoreNLP is required but does not answer at %s: %v", cfg.corenlpURLs[0], err)
	}
	t.Logf("no CoreNLP at %s (start one with make corenlp): the rules run without a parser", cfg.corenlpURLs[0])
	return []string{"-parse=false"}
}

// runCmd runs dipgraph with args against the Neo4j of cfg and the test
// CoreNLP server (see parseArgs), with no parse cache on disk.
func runCmd(t *testing.T, cfg config, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"NEO4J_URI": cfg.neo4jURI, "NEO4J_USER": cfg.neo4jUser,
		"NEO4J_PASSWORD": cfg.neo4jPassword, "NEO4J_DATABASE": cfg.neo4jDatabase,
		"DIPGRAPH_CORENLP_URL": os.Getenv("DIPGRAPH_CORENLP_URL")}
	switch args[0] {
	case "extract", "ingest", "eval", "serve":
		args = append(append([]string{args[0]}, parseArgs(t)...), args[1:]...)
	}
	err := run(context.Background(), append([]string{"dipgraph"}, args...), func(k string) string { return env[k] },
		strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

// TestIngestTwice ingests the articles of testdata/articles twice: the
// second time changes nothing, and the exported graph is the same.
func TestIngestTwice(t *testing.T) {
	cfg := mustConfig(t)
	articles, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(articles) == 0 {
		t.Fatalf("no articles in testdata/articles: %v", err)
	}
	n := len(articles)
	out, errs, err := runCmd(t, cfg, "ingest", "../../testdata/articles")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	if got, want := lastSummary(t, out), (ingestSummary{ArticlesRead: n, Ingested: n}); got.ArticlesRead != want.ArticlesRead || got.Ingested != want.Ingested || got.Unchanged != 0 || got.Skipped != 0 {
		t.Errorf("first ingest: %+v, want %d read and ingested", got, n)
	}
	first, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}
	out, errs, err = runCmd(t, cfg, "ingest", "../../testdata/articles")
	if err != nil {
		t.Fatalf("ingest again: %v\n%s", err, errs)
	}
	if got := lastSummary(t, out); got.ArticlesRead != n || got.Ingested != 0 || got.Unchanged != n || got.Skipped != 0 {
		t.Errorf("second ingest: %+v, want %d read and unchanged", got, n)
	}
	second, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("export changed after re-ingest (-first +second):\n%s", diff)
	}
	type nodeJSON struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var g struct {
		Nodes []nodeJSON `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(first), &g); err != nil {
		t.Fatal(err)
	}
	// The same graph the extractor gives, stored: every entity and event
	// of the extraction is a node of the export.
	ext, _, err := runCmd(t, cfg, "extract", seedPath)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Nodes []nodeJSON `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(ext), &res); err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, n := range g.Nodes {
		stored[n.ID] = true
	}
	for _, n := range res.Nodes {
		if !stored[n.ID] {
			t.Errorf("extracted node %s (%s) not in the export", n.ID, n.Name)
		}
	}
}

// lastSummary decodes the JSON summary ingest ends its output with, and
// checks that it has every key.
func lastSummary(t *testing.T, out string) ingestSummary {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := []byte(lines[len(lines)-1])
	var keys map[string]any
	if err := json.Unmarshal(last, &keys); err != nil {
		t.Fatalf("last line of ingest's output %q: %v", last, err)
	}
	for _, k := range []string{"articles_read", "ingested", "unchanged", "skipped", "nodes", "edges", "seconds", "articles_per_s"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("summary %s has no %s", last, k)
		}
	}
	var sum ingestSummary
	if err := json.Unmarshal(last, &sum); err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestIngestBadArticle: one bad record is reported, the others are stored.
func TestIngestBadArticle(t *testing.T) {
	cfg := mustConfig(t)
	dir := t.TempDir()
	lines := `{"id":"a1","title":"Lavrov visits Baku","text":"Russian Foreign Minister Sergey Lavrov visited Azerbaijan on Monday.","published":"2017-11-20"}
{"id":"a2","text":""}
not json
{"id":"a3","text":"Azerbaijani Foreign Minister Elmar Mammadyarov met Armenian Foreign Minister Edward Nalbandian in Vienna on Nov. 21.","published":"20171122"}
`
	path := dir + "/batch.jsonl"
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := runCmd(t, cfg, "ingest", "-q", path)
	if err == nil {
		t.Errorf("ingest with bad records: no error")
	}
	if got := lastSummary(t, out); got.ArticlesRead != 4 || got.Ingested != 2 || got.Skipped != 2 {
		t.Errorf("summary = %+v, want 4 read, 2 ingested and 2 skipped", got)
	}
	for _, want := range []string{"batch.jsonl:2", "batch.jsonl:3"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q does not name %s", errs, want)
		}
	}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func postGraphQL(t *testing.T, url, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode response: %v", err)
	}
	return r
}

// TestServeGraphQL runs serve against the real Neo4j, ingests the seed
// through the mutation and reads it back through the API.
func TestServeGraphQL(t *testing.T) {
	cfg := mustConfig(t)
	cfg.addr = "127.0.0.1:0"
	cfg.parseCache = ""
	serveArgs := parseArgs(t)
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		done <- cmdServe(ctx, cfg, serveArgs, &out, &errb, func(a string) { addrc <- a })
	}()
	var url string
	select {
	case a := <-addrc:
		url = "http://" + a + "/graphql"
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	r := postGraphQL(t, url, `mutation($text: String!) { ingestArticle(input: {text: $text}) {
		article { id title } summary { changed } userErrors { field message } } }`, map[string]any{"text": string(seed)})
	if len(r.Errors) > 0 {
		t.Fatalf("ingestArticle: %+v", r.Errors)
	}
	var ing struct {
		IngestArticle struct {
			Article struct{ ID, Title string }
			Summary struct{ Changed bool }
		}
	}
	json.Unmarshal(r.Data, &ing)
	if ing.IngestArticle.Article.Title != "Russia says Azerbaijan important strategic partner in Caucasus" || !ing.IngestArticle.Summary.Changed {
		t.Errorf("ingestArticle = %+v", ing.IngestArticle)
	}

	r = postGraphQL(t, url, `{ events(filter: {types: [VISIT], countries: ["AZE"]}) { totalCount edges { cursor node {
		id type date end precision modality cameo { code }
		participants { role entity { id type name } } evidence { articleId start end text } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("events: %+v", r.Errors)
	}
	var evs struct {
		Events struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Type, Date, Precision, Modality string
					End                             *string
					Participants                    []struct {
						Role   string
						Entity struct{ ID, Name string }
					}
					Evidence []struct {
						ArticleID  string
						Start, End int
						Text       string
					}
				}
			}
		}
	}
	if err := json.Unmarshal(r.Data, &evs); err != nil {
		t.Fatal(err)
	}
	if evs.Events.TotalCount != 1 || len(evs.Events.Edges) != 1 {
		t.Fatalf("visits to Azerbaijan: %d (%d edges), want 1", evs.Events.TotalCount, len(evs.Events.Edges))
	}
	v := evs.Events.Edges[0].Node
	if v.Date != "2017-11-20" || v.Modality != "PLANNED" || v.Precision != "DAY" {
		t.Errorf("visit = %s %s %s, want 2017-11-20 PLANNED DAY", v.Date, v.Modality, v.Precision)
	}
	roles := map[string]string{}
	for _, p := range v.Participants {
		roles[p.Role] = p.Entity.Name
	}
	if diff := cmp.Diff(map[string]string{"visitor": "Sergey Lavrov", "host": "Azerbaijan"}, roles); diff != "" {
		t.Errorf("visit participants (-want +got):\n%s", diff)
	}
	if len(v.Evidence) == 0 || string(seed[v.Evidence[0].Start:v.Evidence[0].End]) != v.Evidence[0].Text ||
		!strings.Contains(v.Evidence[0].Text, "official visit to Azerbaijan") {
		t.Errorf("visit evidence = %+v", v.Evidence)
	}

	// Pages of two across all events: no event repeated or skipped.
	seen := map[string]bool{}
	after := ""
	total := 0
	for page := 0; page < 50; page++ {
		r = postGraphQL(t, url, `query($after: String) { events(first: 2, after: $after) { totalCount
			pageInfo { hasNextPage endCursor } edges { node { id } } } }`, map[string]any{"after": after})
		if len(r.Errors) > 0 {
			t.Fatalf("events page: %+v", r.Errors)
		}
		var p struct {
			Events struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct{ Node struct{ ID string } }
			}
		}
		json.Unmarshal(r.Data, &p)
		total = p.Events.TotalCount
		for _, e := range p.Events.Edges {
			if seen[e.Node.ID] {
				t.Errorf("event %s on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
		}
		if !p.Events.PageInfo.HasNextPage {
			break
		}
		after = p.Events.PageInfo.EndCursor
	}
	if len(seen) != total || total < 10 {
		t.Errorf("paged through %d events, totalCount %d", len(seen), total)
	}

	r = postGraphQL(t, url, `{ country(iso3: "RUS") { name iso3 } person(id: "person:sergey-lavrov") { name title }
		article(id: "`+ing.IngestArticle.Article.ID+`") { title source } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("lookups: %+v", r.Errors)
	}
	var look struct {
		Country struct{ Name, Iso3 string }
		Person  struct{ Name, Title string }
		Article struct{ Title, Source string }
	}
	json.Unmarshal(r.Data, &look)
	want := struct {
		Country struct{ Name, Iso3 string }
		Person  struct{ Name, Title string }
		Article struct{ Title, Source string }
	}{}
	want.Country.Name, want.Country.Iso3 = "Russia", "RUS"
	want.Person.Name, want.Person.Title = "Sergey Lavrov", "Foreign Minister"
	want.Article.Title, want.Article.Source = "Russia says Azerbaijan important strategic partner in Caucasus", "Trend"
	if diff := cmp.Diff(want, look); diff != "" {
		t.Errorf("lookups (-want +got):\n%s", diff)
	}

	r = postGraphQL(t, url, `{ person(id: "person:nobody") { name } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("missing person: errors %+v, want one NOT_FOUND", r.Errors)
	}
}

// DIPGRAPH_PARSE_MEMORY sets the parses kept in memory; nothing or
// nonsense leaves the command's default.
func TestParseMemory(t *testing.T) {
	for _, tt := range []struct {
		env  string
		want int
	}{{"", 0}, {"500", 500}, {"-3", 0}, {"many", 0}} {
		cfg := configFromEnv(func(k string) string {
			if k == "DIPGRAPH_PARSE_MEMORY" {
				return tt.env
			}
			return ""
		})
		if cfg.parseMemory != tt.want {
			t.Errorf("DIPGRAPH_PARSE_MEMORY=%q: parseMemory %d, want %d", tt.env, cfg.parseMemory, tt.want)
		}
	}
}
