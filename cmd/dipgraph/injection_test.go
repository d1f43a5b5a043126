package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dipgraph/dipgraph/graph/neo4jstore/neo4jtest"
	"github.com/dipgraph/dipgraph/server/gql"
)

// injectionPayloads are strings that would change a query built by
// pasting text into Cypher (or Lucene): quotes closing a literal,
// comments, clauses that delete or set, parameters, backticks, NUL.
var injectionPayloads = []string{
	`' OR 1=1 //`,
	`"}) MATCH (n) DETACH DELETE n //`,
	`x') DETACH DELETE n RETURN 1 //`,
	"a` DETACH DELETE n //",
	`country:AZE' OR '1'='1`,
	`$id`,
	`*:* OR id:*`,
	"\x00\u202e'--",
	`1}) SET n.pwned = true RETURN n //`,
}

// injector writes GraphQL selections that put a payload in every string
// argument of a field, and in every string field of its input objects.
type injector struct {
	schema *ast.Schema
	args   int // string arguments and input fields filled so far
}

// stringy reports whether a named type takes a string literal: String, ID
// and the custom scalars (dates, cursors).
func (in *injector) stringy(name string) bool {
	d := in.schema.Types[name]
	return d != nil && d.Kind == ast.Scalar && name != "Int" && name != "Float" && name != "Boolean"
}

// value returns a literal of type t: the payload where a string goes,
// the first value of an enum, 1 or false elsewhere; input objects get
// every string field and every required one, nested up to depth 3.
func (in *injector) value(t *ast.Type, payload string, depth int) (string, bool) {
	if t.Elem != nil {
		v, ok := in.value(t.Elem, payload, depth)
		return "[" + v + "]", ok
	}
	d := in.schema.Types[t.NamedType]
	switch {
	case in.stringy(t.NamedType):
		in.args++
		b, _ := json.Marshal(payload)
		return string(b), true
	case d.Kind == ast.Enum:
		return d.EnumValues[0].Name, true
	case t.NamedType == "Boolean":
		return "false", true
	case d.Kind == ast.Scalar:
		return "1", true
	case d.Kind == ast.InputObject:
		if depth > 3 {
			return "{}", false
		}
		var fields []string
		hasString := false
		for _, f := range d.Fields {
			v, ok := in.value(f.Type, payload, depth+1)
			if ok || f.Type.NonNull {
				fields = append(fields, f.Name+": "+v)
				hasString = hasString || ok
			}
		}
		return "{" + strings.Join(fields, ", ") + "}", hasString
	}
	return "null", false
}

// call returns field f with payload in its arguments and the smallest
// selection of its type, and whether any argument took the payload.
func (in *injector) call(f *ast.FieldDefinition, payload string) (string, bool) {
	var args []string
	any := false
	for _, a := range f.Arguments {
		v, ok := in.value(a.Type, payload, 0)
		if ok || a.Type.NonNull {
			args = append(args, a.Name+": "+v)
			any = any || ok
		}
	}
	s := f.Name
	if len(args) > 0 {
		s += "(" + strings.Join(args, ", ") + ")"
	}
	if d := in.schema.Types[f.Type.Name()]; d.Kind != ast.Scalar && d.Kind != ast.Enum {
		s += " { __typename }"
	}
	return s, any
}

// TestInjection sends every payload of injectionPayloads in every string
// argument of the API over the test Neo4j holding testdata/api: each
// query and mutation field of the root (the ingest mutations aside: they
// store what they are given, by design), and each field with arguments of
// every type a stored node has, reached through node(id) (a dyad's
// through dyad). No request may
// fail with an internal error (a query made invalid by its input would),
// and the stored graph must be unchanged.
func TestInjection(t *testing.T) {
	c := newAPI(t)
	cfg := withTestNeo4j(neo4jtest.FromEnv(os.Getenv)) // as newAPI left it
	before, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}
	in := &injector{schema: gql.NewExecutableSchema(gql.Config{}).Schema()}

	// One stored node of each type the API has, by id.
	var exported struct{ Nodes []struct{ ID string } }
	if err := json.Unmarshal([]byte(before), &exported); err != nil {
		t.Fatal(err)
	}
	var aliases []string
	for i, n := range exported.Nodes {
		b, _ := json.Marshal(n.ID)
		aliases = append(aliases, fmt.Sprintf("n%d: node(id: %s) { __typename id }", i, b))
	}
	var typed map[string]struct {
		Typename string `json:"__typename"`
		ID       string
	}
	c.data(&typed, "{ "+strings.Join(aliases, "\n")+" }", nil)
	idOf := map[string]string{}
	for _, n := range typed {
		if _, seen := idOf[n.Typename]; !seen || n.ID < idOf[n.Typename] {
			idOf[n.Typename] = n.ID
		}
	}

	var countries []string
	for _, n := range exported.Nodes {
		if strings.HasPrefix(n.ID, "country:") {
			countries = append(countries, n.ID)
		}
	}
	type target struct{ name, op, query string }
	var targets []target
	missed := map[string]bool{}
	for _, payload := range injectionPayloads {
		for _, root := range []*ast.Definition{in.schema.Query, in.schema.Mutation} {
			for _, f := range root.Fields {
				if strings.HasPrefix(f.Name, "__") || strings.HasPrefix(f.Name, "ingest") {
					continue
				}
				sel, ok := in.call(f, payload)
				if !ok {
					continue
				}
				op := "query"
				if root == in.schema.Mutation {
					op = "mutation"
				}
				targets = append(targets, target{root.Name + "." + f.Name, op, op + " { " + sel + " }"})
			}
		}
		var names []string
		for name := range in.schema.Types {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			d := in.schema.Types[name]
			if d.Kind != ast.Object || d == in.schema.Query || d == in.schema.Mutation || strings.HasPrefix(name, "__") {
				continue
			}
			for _, f := range d.Fields {
				if len(f.Arguments) == 0 {
					continue
				}
				reach := ""
				if id, ok := idOf[name]; ok {
					b, _ := json.Marshal(id)
					reach = fmt.Sprintf("node(id: %s) { ... on %s { %%s } }", b, name)
				} else if name == "Dyad" && len(countries) >= 2 {
					reach = fmt.Sprintf("dyad(a: %q, b: %q) { %%s }", countries[0], countries[1])
				} else {
					missed[name+"."+f.Name] = true
					continue
				}
				sel, ok := in.call(f, payload)
				if !ok {
					continue
				}
				targets = append(targets, target{name + "." + f.Name, "query", "{ " + fmt.Sprintf(reach, sel) + " }"})
			}
		}
	}

	fields := map[string]bool{}
	for _, tg := range targets {
		fields[tg.name] = true
		r := c.do(tg.query, nil)
		for _, e := range r.Errors {
			switch code, _ := e.Extensions["code"].(string); code {
			case "INTERNAL_SERVER_ERROR", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED":
				t.Errorf("%s: %s %q\n%s", tg.name, code, e.Message, tg.query)
			}
		}
	}
	t.Logf("%d requests: %d fields, %d string arguments and input fields filled with %d payloads; not reached (no stored node of the type): %v",
		len(targets), len(fields), in.args/len(injectionPayloads), len(injectionPayloads), keys(missed))
	if len(fields) < 20 {
		t.Errorf("only %d fields took a payload; the schema walk is broken", len(fields))
	}

	after, _, err := runCmd(t, cfg, "export")
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("the stored graph changed under injection payloads (export differs: %d -> %d bytes)", len(before), len(after))
	}
	if strings.Contains(after, "pwned") {
		t.Error("a payload set a property")
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
