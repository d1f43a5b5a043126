package main

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/dipgraph/dipgraph"

// TestImportRules enforces the arrows of the design: extract -> graph ->
// server, with the database driver only in graph/neo4jstore and the parser
// client only in extract/corenlp, which cmd wires in. It lists the
// full dependency closure of each package, so an indirect import fails too.
func TestImportRules(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	rules := []struct {
		pkg       string
		forbidden []string // import path prefixes
		why       string
		stdOnly   bool // nothing outside the standard library but the module's own allowed packages
		allowed   []string
	}{
		// extract/gazetteer/gen is a build-time generator of the embedded
		// tables, not part of the extractor, and may use a data module.
		{pkg: "extract", stdOnly: true, allowed: []string{module + "/extract"},
			forbidden: []string{module + "/graph", module + "/server", module + "/cmd", module + "/schema",
				module + "/extract/corenlp", "github.com/neo4j/", "github.com/99designs/gqlgen", "net/http", "os/exec"},
			why: "the extractor is pure: text in, facts out; it knows no database, no API, no process, no parser server"},
		{pkg: "extract/fold", stdOnly: true, allowed: []string{module + "/extract/fold"},
			why: "name folding is a leaf shared by the extractor, the graph's identity keys and the gazetteer generator"},
		{pkg: "extract/parse", stdOnly: true, allowed: []string{module + "/extract/parse"},
			forbidden: []string{module + "/extract/corenlp", "net/http", "os/exec"},
			why:       "the parse types are values shared by the parser client and the rules, and know neither"},
		{pkg: "extract/corenlp", stdOnly: true, allowed: []string{module + "/extract"},
			forbidden: []string{module + "/graph", module + "/server", module + "/cmd", module + "/schema",
				"github.com/neo4j/", "github.com/99designs/gqlgen", "os/exec"},
			why: "the parser client talks to the parser server and nothing else; cmd wires it in"},
		{pkg: "extract/expect", stdOnly: true, allowed: []string{module + "/extract"},
			forbidden: []string{module + "/graph", module + "/server", module + "/cmd", module + "/schema",
				"github.com/neo4j/", "github.com/99designs/gqlgen", "net/http", "os/exec"},
			why: "the extractor is pure: text in, facts out; it knows no database, no API, no process"},
		{pkg: "extract/verbs", stdOnly: true, allowed: []string{module + "/extract/verbs", module + "/extract/parse"},
			forbidden: []string{module + "/graph", module + "/server", module + "/cmd", module + "/schema",
				"github.com/neo4j/", "github.com/99designs/gqlgen", "net/http", "os/exec"},
			why: "the verb dictionary is pure data and rules over a parsed sentence; its generator and recorder live apart"},
		{pkg: "graph", forbidden: []string{module + "/server", module + "/cmd", module + "/extract/corenlp", "github.com/neo4j/", "github.com/99designs/gqlgen"},
			why: "the model knows no driver and no API; only graph/neo4jstore talks to Neo4j"},
		{pkg: "graph/neo4jstore", forbidden: []string{module + "/server", module + "/cmd", "github.com/99designs/gqlgen"},
			why: "the store serves the model, not the API"},
		{pkg: "server/...", forbidden: []string{module + "/graph/neo4jstore", "github.com/neo4j/", module + "/cmd", module + "/extract/corenlp"},
			why: "the API talks to interfaces it declares; cmd plugs the Neo4j store and the parsing extractor in"},
		{pkg: "schema", stdOnly: true, allowed: []string{module + "/schema"},
			why: "the contract files are data"},
	}
	for _, r := range rules {
		t.Run(r.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "../../"+r.pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list %s: %v\n%s", r.pkg, err, out)
			}
			std, err := exec.Command("go", "list", "-deps", "../../"+r.pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list %s: %v\n%s", r.pkg, err, std)
			}
			for _, dep := range strings.Fields(string(std)) {
				for _, f := range r.forbidden {
					if dep == f || strings.HasPrefix(dep, f+"/") || (strings.HasSuffix(f, "/") && strings.HasPrefix(dep, f)) {
						t.Errorf("%s depends on %s: %s", r.pkg, dep, r.why)
					}
				}
			}
			if r.stdOnly {
				for _, dep := range strings.Fields(string(out)) {
					ok := false
					for _, a := range r.allowed {
						if dep == a || strings.HasPrefix(dep, a+"/") {
							ok = true
						}
					}
					if !ok {
						t.Errorf("%s depends on %s, outside the standard library: %s", r.pkg, dep, r.why)
					}
				}
			}
		})
	}
}

// TestOneParserClient: among extract's packages only extract/corenlp
// reaches the network.
func TestOneParserClient(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command("go", "list", "../../extract/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list extract/...: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == module+"/extract/corenlp" {
			continue
		}
		deps, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", pkg, err, deps)
		}
		for _, dep := range strings.Fields(string(deps)) {
			if dep == "net/http" {
				t.Errorf("%s depends on net/http: only extract/corenlp, the parser client, may talk to a server", pkg)
			}
		}
	}
}
