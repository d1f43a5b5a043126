package export

import (
	"io"
	"strconv"
)

// gexf writes GEXF 1.3 (https://gexf.net/): a dynamic graph whose events,
// and the edges from them, carry start and end days (timeformat date), so
// Gephi's timeline shows them when they happened; entities and articles
// have no interval and are there throughout. Nodes are coloured by kind
// (viz:color: an entity by its type, events, articles). Attributes are
// declared with their types; lists are joined by "; ".
type gexf struct {
	o     *out
	title string
}

func newGEXF(w io.Writer, o Options) writer { return &gexf{o: newOut(w), title: o.Title} }

var gexfType = map[string]string{"string": "string", "strings": "string", "int": "integer", "double": "double"}

func (g *gexf) begin() error {
	g.o.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n" +
		"  <meta>\n    <creator>dipgraph</creator>\n    <description>")
	g.o.esc(g.title)
	g.o.str("</description>\n  </meta>\n" +
		`  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">` + "\n")
	for _, x := range []struct {
		class string
		attrs []attr
	}{{"node", nodeAttrs}, {"edge", edgeAttrs}} {
		g.o.str(`    <attributes class="`, x.class, `" mode="static">`+"\n")
		for _, a := range x.attrs {
			g.o.str(`      <attribute id="`, a.name, `" title="`, a.name, `" type="`, gexfType[a.typ], `"/>`+"\n")
		}
		g.o.str("    </attributes>\n")
	}
	g.o.str("    <nodes>\n")
	return g.o.err
}

func (g *gexf) attvalues(attrs []attr, m map[string]any) {
	g.o.str("        <attvalues>\n")
	for _, a := range attrs {
		if v, ok := m[a.name]; ok {
			g.o.str(`          <attvalue for="`, a.name, `"`)
			g.o.attr("value", text(v))
			g.o.str("/>\n")
		}
	}
	g.o.str("        </attvalues>\n")
}

// interval writes start and end; an event known to the day only by its
// start (no end) lasts that day.
func (g *gexf) interval(start, end string) {
	if start == "" {
		return
	}
	g.o.attr("start", start)
	if end == "" {
		end = start
	}
	g.o.attr("end", end)
}

func (g *gexf) node(n node) error {
	g.o.str("      <node")
	g.o.attr("id", n.ID)
	g.o.attr("label", n.Label)
	g.interval(n.Start, n.End)
	g.o.str(">\n")
	g.attvalues(nodeAttrs, n.attrs)
	c := colourOf(n)
	g.o.str(`        <viz:color r="`, strconv.Itoa(int(c.r)), `" g="`, strconv.Itoa(int(c.g)), `" b="`, strconv.Itoa(int(c.b)), `" a="1.0"/>`+"\n")
	g.o.str("      </node>\n")
	return g.o.err
}

func (g *gexf) edgesBegin() error {
	g.o.str("    </nodes>\n    <edges>\n")
	return g.o.err
}

func (g *gexf) edge(e edge) error {
	g.o.str("      <edge")
	g.o.attr("id", e.ID)
	g.o.attr("source", e.Source)
	g.o.attr("target", e.Target)
	g.o.attr("label", e.Type)
	g.interval(e.Start, e.End)
	g.o.str(">\n")
	g.attvalues(edgeAttrs, e.attrs)
	g.o.str("      </edge>\n")
	return g.o.err
}

func (g *gexf) end() error {
	g.o.str("    </edges>\n  </graph>\n</gexf>\n")
	return g.o.flush()
}
