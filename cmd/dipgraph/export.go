package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/dipgraph/dipgraph/graph"
)

// nodeLinkJSON is the export's JSON form, the same node-link shape that
// extract prints: {"nodes": [{id,type,name,properties}], "edges": [{source,target,type,properties}]}.
type nodeLinkJSON struct {
	Nodes []nodeJSON `json:"nodes"`
	Edges []edgeJSON `json:"edges"`
}

type nodeJSON struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Name       string         `json:"name"`
	Properties map[string]any `json:"properties"`
}

type edgeJSON struct {
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
}

// cmdExport prints the stored graph.
func cmdExport(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json (node-link)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "json" {
		return fmt.Errorf("unknown format %q (want json)", *format)
	}
	store, closeStore, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeStore()
	g, err := store.Export(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toJSON(g))
}

func toJSON(g graph.NodeLink) nodeLinkJSON {
	out := nodeLinkJSON{Nodes: []nodeJSON{}, Edges: []edgeJSON{}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, nodeJSON{ID: n.ID, Type: n.Type, Name: n.Name, Properties: orEmpty(n.Properties)})
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, edgeJSON{Source: e.Source, Target: e.Target, Type: e.Type, Properties: orEmpty(e.Properties)})
	}
	return out
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
