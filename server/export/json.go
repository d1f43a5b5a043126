package export

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
)

// jsonList writes a JSON array one element a line, as it goes.
type jsonList struct {
	o *out
	n int // elements written in the current list
}

func (l *jsonList) item(v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil && l.o.err == nil {
		l.o.err = err
		return
	}
	if l.n > 0 {
		l.o.str(",\n")
	}
	l.o.str("    ", string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))))
	l.n++
}

// without returns m without the given keys.
func without(m map[string]any, keys ...string) map[string]any {
	out := maps.Clone(m)
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// nodeLink writes the node-link JSON that dipgraph extract prints:
// {"nodes": [{id, type, name, properties}], "edges": [{id, source,
// target, type, properties}]}, one element a line.
type nodeLink struct{ jsonList }

func newNodeLink(w io.Writer, _ Options) writer { return &nodeLink{jsonList{o: newOut(w)}} }

func (j *nodeLink) begin() error {
	j.o.str("{\n  \"nodes\": [\n")
	return j.o.err
}

func (j *nodeLink) node(n node) error {
	j.item(struct {
		ID         string         `json:"id"`
		Type       string         `json:"type"`
		Name       string         `json:"name"`
		Properties map[string]any `json:"properties"`
	}{n.ID, n.Type, n.Label, without(n.attrs, "type", "label")})
	return j.o.err
}

func (j *nodeLink) edgesBegin() error {
	j.o.str("\n  ],\n  \"edges\": [\n")
	j.n = 0
	return j.o.err
}

func (j *nodeLink) edge(e edge) error {
	j.item(struct {
		ID         string         `json:"id"`
		Source     string         `json:"source"`
		Target     string         `json:"target"`
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
	}{e.ID, e.Source, e.Target, e.Type, without(e.attrs, "type")})
	return j.o.err
}

func (j *nodeLink) end() error {
	j.o.str("\n  ]\n}\n")
	return j.o.flush()
}

// cytoscape writes Cytoscape.js elements JSON
// (https://js.cytoscape.org/#notation/elements-json): {"elements":
// {"nodes": [{"data": {id, label, ...}, "classes": "<kind> <type>"}],
// "edges": [{"data": {id, source, target, ...}, "classes": ...}]}}.
type cytoscape struct{ jsonList }

func newCytoscape(w io.Writer, _ Options) writer { return &cytoscape{jsonList{o: newOut(w)}} }

type cyElement struct {
	Data    map[string]any `json:"data"`
	Classes string         `json:"classes"`
}

func (c *cytoscape) begin() error {
	c.o.str("{\n  \"elements\": {\n  \"nodes\": [\n")
	return c.o.err
}

func (c *cytoscape) node(n node) error {
	data := maps.Clone(n.attrs)
	data["id"], data["label"] = n.ID, n.Label
	c.item(cyElement{data, n.Kind + " " + n.Type})
	return c.o.err
}

func (c *cytoscape) edgesBegin() error {
	c.o.str("\n  ],\n  \"edges\": [\n")
	c.n = 0
	return c.o.err
}

func (c *cytoscape) edge(e edge) error {
	data := maps.Clone(e.attrs)
	data["id"], data["source"], data["target"], data["label"] = e.ID, e.Source, e.Target, e.Type
	c.item(cyElement{data, e.Kind + " " + e.Type})
	return c.o.err
}

func (c *cytoscape) end() error {
	c.o.str("\n  ]\n  }\n}\n")
	return c.o.flush()
}

// jsonText is v as compact JSON without HTML escaping.
func jsonText(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), err
}
