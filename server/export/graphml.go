package export

import "io"

// graphML writes GraphML (http://graphml.graphdrawing.org/): a <key> with
// its attr.type for every attribute, declared before the graph; the
// label, type and kind of a node as data like the rest; lists joined by
// "; ". Edges have our ids (event|role|entity, ...).
type graphML struct{ o *out }

func newGraphML(w io.Writer, _ Options) writer { return &graphML{newOut(w)} }

// graphMLType is the attr.type of an attribute type.
var graphMLType = map[string]string{"string": "string", "strings": "string", "int": "int", "double": "double"}

func (g *graphML) begin() error {
	g.o.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, a := range nodeAttrs {
		g.o.str(`  <key id="n_`, a.name, `" for="node" attr.name="`, a.name, `" attr.type="`, graphMLType[a.typ], `"/>`+"\n")
	}
	for _, a := range edgeAttrs {
		g.o.str(`  <key id="e_`, a.name, `" for="edge" attr.name="`, a.name, `" attr.type="`, graphMLType[a.typ], `"/>`+"\n")
	}
	g.o.str(`  <graph id="dipgraph" edgedefault="directed">` + "\n")
	return g.o.err
}

func (g *graphML) data(prefix string, attrs []attr, m map[string]any) {
	for _, a := range attrs {
		if v, ok := m[a.name]; ok {
			g.o.str(`      <data key="`, prefix, a.name, `">`)
			g.o.esc(text(v))
			g.o.str("</data>\n")
		}
	}
}

func (g *graphML) node(n node) error {
	g.o.str("    <node")
	g.o.attr("id", n.ID)
	g.o.str(">\n")
	g.data("n_", nodeAttrs, n.attrs)
	g.o.str("    </node>\n")
	return g.o.err
}

func (g *graphML) edgesBegin() error { return g.o.err }

func (g *graphML) edge(e edge) error {
	g.o.str("    <edge")
	g.o.attr("id", e.ID)
	g.o.attr("source", e.Source)
	g.o.attr("target", e.Target)
	g.o.str(">\n")
	g.data("e_", edgeAttrs, e.attrs)
	g.o.str("    </edge>\n")
	return g.o.err
}

func (g *graphML) end() error {
	g.o.str("  </graph>\n</graphml>\n")
	return g.o.flush()
}
