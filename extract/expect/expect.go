package expect

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// File is one expectation file.
type File struct {
	Article map[string]string `json:"article"`
	Must    []Fact            `json:"must"`
	Should  []Fact            `json:"should"`
	MustNot []Fact            `json:"mustNot"`
}

// Fact is one expected (or forbidden) fact. Exactly one of its pointers is set.
type Fact struct {
	Note      string    `json:"note,omitempty"`
	Entity    *Entity   `json:"entity,omitempty"`
	Mention   *Mention  `json:"mention,omitempty"`
	Event     *Event    `json:"event,omitempty"`
	Relation  *Relation `json:"relation,omitempty"`
	Duplicate string    `json:"duplicate,omitempty"`
	Text      *TextFact `json:"text,omitempty"`
}

// Entity matches a node by type, name and properties.
type Entity struct {
	Type  string         `json:"type,omitempty"`
	Name  string         `json:"name"`
	Props map[string]any `json:"props,omitempty"`
}

// Mention says that a piece of text refers to an entity: some mention of
// the entity spans exactly Text.
type Mention struct {
	Text   string `json:"text"`
	Entity string `json:"entity"`
	// All asks that every mention spanning Text belongs to Entity.
	All bool `json:"all,omitempty"`
}

// Event matches an event node.
type Event struct {
	Type      string              `json:"type"`
	Date      string              `json:"date,omitempty"`
	End       string              `json:"end,omitempty"`
	Precision string              `json:"precision,omitempty"`
	Modality  string              `json:"modality,omitempty"`
	CAMEO     string              `json:"cameo,omitempty"`
	Roles     map[string][]string `json:"roles,omitempty"` // role -> entity names
	Evidence  string              `json:"evidence,omitempty"`
	Props     map[string]any      `json:"props,omitempty"`
}

// Relation matches an edge between two entities, in either direction.
type Relation struct {
	Type  string         `json:"type"`
	A     string         `json:"a"`
	B     string         `json:"b"`
	Props map[string]any `json:"props,omitempty"`
}

// TextFact says that no node is named by a piece of text (for must-not
// leftovers such as "Tags:" or "Latest").
type TextFact struct {
	NodeNamed string `json:"nodeNamed"`
}

// Load reads one expectation file from fsys.
func Load(fsys fs.FS, name string) (File, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return File{}, err
	}
	var f File
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// Report is how a result fared against a File.
type Report struct {
	MustMissing    []string // must facts not found
	MustNotPresent []string // must-not facts found
	ArticleWrong   []string // metadata fields that differ: "title: got ..., want ..."
	ShouldHit      int
	ShouldTotal    int
	ShouldMissing  []string
}

// OK reports whether every must holds and no must-not does.
func (r Report) OK() bool {
	return len(r.MustMissing) == 0 && len(r.MustNotPresent) == 0 && len(r.ArticleWrong) == 0
}

// Score judges a result against an expectation file.
func Score(res extract.Result, f File) Report {
	var rep Report
	ix := newIndex(res)
	keys := make([]string, 0, len(f.Article))
	for k := range f.Article {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := f.Article[k]
		got := articleField(res.Article, k)
		if got != want {
			rep.ArticleWrong = append(rep.ArticleWrong, fmt.Sprintf("%s: got %q, want %q", k, got, want))
		}
	}
	for _, fact := range f.Must {
		if !ix.holds(fact) {
			rep.MustMissing = append(rep.MustMissing, fact.String())
		}
	}
	for _, fact := range f.MustNot {
		if ix.holds(fact) {
			rep.MustNotPresent = append(rep.MustNotPresent, fact.String())
		}
	}
	for _, fact := range f.Should {
		rep.ShouldTotal++
		if ix.holds(fact) {
			rep.ShouldHit++
		} else {
			rep.ShouldMissing = append(rep.ShouldMissing, fact.String())
		}
	}
	return rep
}

func articleField(a extract.Article, k string) string {
	switch k {
	case "title":
		return a.Title
	case "published":
		return a.Published
	case "source":
		return a.Source
	case "section":
		return a.Section
	case "author":
		return a.Author
	case "dateline":
		return a.Dateline
	case "url":
		return a.URL
	case "id":
		return a.ID
	}
	return "<unknown field " + k + ">"
}

// String describes a fact for messages.
func (f Fact) String() string {
	b, _ := json.Marshal(f)
	return string(b)
}

type index struct {
	res   extract.Result
	nodes map[string]extract.Node
	edges map[string][]extract.Edge // by source
}

func newIndex(res extract.Result) *index {
	ix := &index{res: res, nodes: map[string]extract.Node{}, edges: map[string][]extract.Edge{}}
	for _, n := range res.Nodes {
		ix.nodes[n.ID] = n
	}
	for _, e := range res.Edges {
		ix.edges[e.Source] = append(ix.edges[e.Source], e)
	}
	return ix
}

func (ix *index) holds(f Fact) bool {
	switch {
	case f.Entity != nil:
		for _, n := range ix.res.Nodes {
			if ix.entityMatches(n, *f.Entity) {
				return true
			}
		}
	case f.Mention != nil:
		return ix.mentionHolds(*f.Mention)
	case f.Event != nil:
		for _, n := range ix.res.Nodes {
			if ix.eventMatches(n, *f.Event) {
				return true
			}
		}
	case f.Relation != nil:
		return ix.relationHolds(*f.Relation)
	case f.Duplicate != "":
		seen := 0
		for _, n := range ix.res.Nodes {
			if !extract.IsEventType(n.Type) && strings.Contains(n.Name, f.Duplicate) {
				seen++
			}
		}
		return seen > 1
	case f.Text != nil:
		for _, n := range ix.res.Nodes {
			if strings.EqualFold(strings.TrimSpace(n.Name), f.Text.NodeNamed) || strings.Contains(n.Name, f.Text.NodeNamed) {
				return true
			}
		}
	}
	return false
}

func (ix *index) entityMatches(n extract.Node, e Entity) bool {
	if extract.IsEventType(n.Type) || !named(n, e.Name) || (e.Type != "" && n.Type != e.Type) {
		return false
	}
	return propsMatch(n.Properties, e.Props)
}

// named reports whether a node goes by a name: its own, or one of its
// aliases ("Antony J. Blinken" for Antony Blinken).
func named(n extract.Node, name string) bool {
	if n.Name == name {
		return true
	}
	aliases, _ := n.Properties[extract.PropAliases].([]string)
	for _, a := range aliases {
		if a == name {
			return true
		}
	}
	return false
}

func propsMatch(have, want map[string]any) bool {
	for k, v := range want {
		if fmt.Sprint(have[k]) != fmt.Sprint(v) {
			return false
		}
	}
	return true
}

func (ix *index) byName(name string) []string {
	var ids []string
	for _, n := range ix.res.Nodes {
		if named(n, name) && !extract.IsEventType(n.Type) {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

func (ix *index) mentionHolds(m Mention) bool {
	text := ix.res.Article.Text
	hit := false
	for _, n := range ix.res.Nodes {
		spans, _ := n.Properties[extract.PropMentions].([]extract.Span)
		for _, s := range spans {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != m.Text {
				continue
			}
			if named(n, m.Entity) {
				hit = true
			} else if m.All {
				return false
			}
		}
	}
	return hit
}

func (ix *index) eventMatches(n extract.Node, e Event) bool {
	if n.Type != e.Type {
		return false
	}
	p := n.Properties
	for k, want := range map[string]string{extract.PropDate: e.Date, extract.PropEnd: e.End,
		extract.PropPrecision: e.Precision, extract.PropModality: e.Modality, extract.PropCAMEO: e.CAMEO} {
		if want != "" && fmt.Sprint(p[k]) != want {
			return false
		}
	}
	if !propsMatch(p, e.Props) {
		return false
	}
	for role, names := range e.Roles {
		for _, name := range names {
			found := false
			for _, edge := range ix.edges[n.ID] {
				if edge.Type == role && named(ix.nodes[edge.Target], name) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	if e.Evidence != "" {
		spans, _ := p[extract.PropEvidence].([]extract.Span)
		text := ix.res.Article.Text
		found := false
		for _, s := range spans {
			if s.Start >= 0 && s.End <= len(text) && s.Start <= s.End && strings.Contains(text[s.Start:s.End], e.Evidence) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (ix *index) relationHolds(r Relation) bool {
	as, bs := ix.byName(r.A), ix.byName(r.B)
	for _, e := range ix.res.Edges {
		if e.Type != r.Type || !propsMatch(e.Properties, r.Props) {
			continue
		}
		if (contains(as, e.Source) && contains(bs, e.Target)) || (contains(bs, e.Source) && contains(as, e.Target)) {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
