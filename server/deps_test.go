package server_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies fails when the server, its tests included, depends on
// a package it must not reach.
func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "-test", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []struct{ prefix, why string }{
		{"github.com/dipgraph/dipgraph/graph/neo4jstore", "the server talks to storage through its own interfaces; cmd plugs the store in"},
		{"github.com/neo4j/neo4j-go-driver", "the driver must not reach the API"},
		{"github.com/dipgraph/dipgraph/cmd", "cmd wires the server, not the other way round"},
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if strings.HasPrefix(pkg, f.prefix) {
				t.Errorf("server depends on %s: %s", pkg, f.why)
			}
		}
	}
}
