package main

import (
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/extract/verbs"
)

// maxExpansion bounds the patterns one line may expand to.
const maxExpansion = 2000

// expand replaces every "&name" synset reference by each member of the
// synset in turn, the way PETRreader.resolve_synset does, and returns the
// resulting patterns. Plurals are not spelled out: the matcher compares
// lemmas and allows a plural ending.
func expand(p verbs.Pattern, synsets map[string][]member) ([]verbs.Pattern, error) {
	todo := []verbs.Pattern{p}
	var out []verbs.Pattern
	for len(todo) > 0 {
		q := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		name, put := firstRef(q)
		if put == nil {
			out = append(out, q)
			if len(out) > maxExpansion {
				return nil, fmt.Errorf("expands to more than %d patterns", maxExpansion)
			}
			continue
		}
		ms, ok := synsets[name]
		if !ok {
			return nil, fmt.Errorf("undefined synset %s", name)
		}
		// push in reverse so the output keeps the synset's order
		for i := len(ms) - 1; i >= 0; i-- {
			todo = append(todo, put(ms[i].words))
		}
	}
	return out, nil
}

// firstRef finds the first synset reference of p and returns its name
// with a function that builds a copy of p with the reference replaced by
// a member's words, or nil when p has none.
func firstRef(p verbs.Pattern) (string, func([]string) verbs.Pattern) {
	for side := 0; side < 2; side++ {
		es := p.Pre
		if side == 1 {
			es = p.Post
		}
		for i, e := range es {
			name, repl := refInElem(e)
			if repl == nil {
				continue
			}
			return name, func(words []string) verbs.Pattern {
				q := verbs.Pattern{Pre: clone(p.Pre), Post: clone(p.Post)}
				if side == 0 {
					q.Pre[i] = repl(words)
				} else {
					q.Post[i] = repl(words)
				}
				return q
			}
		}
	}
	return "", nil
}

// refInElem finds the first synset reference in e.
func refInElem(e verbs.Elem) (string, func([]string) verbs.Elem) {
	switch e.Kind {
	case verbs.Word, verbs.Phrase:
		for j, w := range e.Words {
			if !strings.HasPrefix(w, "&") {
				continue
			}
			return w, func(words []string) verbs.Elem {
				ws := append(append(append([]string{}, e.Words[:j]...), words...), e.Words[j+1:]...)
				if e.Kind == verbs.Word && len(ws) > 1 {
					return verbs.Elem{Kind: verbs.Phrase, Words: ws}
				}
				return verbs.Elem{Kind: e.Kind, Words: ws}
			}
		}
	case verbs.Group:
		for k, in := range e.Inner {
			name, repl := refInElem(in)
			if repl == nil {
				continue
			}
			return name, func(words []string) verbs.Elem {
				g := verbs.Elem{Kind: verbs.Group, Words: e.Words, Inner: clone(e.Inner)}
				g.Inner[k] = repl(words)
				return g
			}
		}
	}
	return "", nil
}

// clone copies a slice of elements deeply enough to edit one of them.
func clone(es []verbs.Elem) []verbs.Elem {
	out := make([]verbs.Elem, len(es))
	for i, e := range es {
		out[i] = verbs.Elem{Kind: e.Kind, Words: append([]string{}, e.Words...), Inner: clone(e.Inner)}
	}
	return out
}

// splitCompounds turns words joined by "_" ("air_strike") into phrases
// and drops the trailing "_" that marks a word without plural.
func splitCompounds(es []verbs.Elem) []verbs.Elem {
	out := make([]verbs.Elem, 0, len(es))
	for _, e := range es {
		switch e.Kind {
		case verbs.Word, verbs.Phrase:
			var ws []string
			for _, w := range e.Words {
				ws = append(ws, strings.FieldsFunc(w, func(r rune) bool { return r == '_' })...)
			}
			if len(ws) == 0 {
				continue
			}
			k := e.Kind
			if len(ws) > 1 {
				k = verbs.Phrase
			}
			out = append(out, verbs.Elem{Kind: k, Words: ws})
		case verbs.Group:
			out = append(out, verbs.Elem{Kind: verbs.Group, Words: e.Words, Inner: splitCompounds(e.Inner)})
		default:
			out = append(out, e)
		}
	}
	return out
}

// regroup rewrites the TABARI-style sequences of a pattern side into the
// groups a dependency reading needs: "(against) +" becomes "(against +)",
// and a bare preposition before a word, phrase or slot opens a group
// ("attack on +" becomes "attack (on +)").
func regroup(es []verbs.Elem) []verbs.Elem {
	var out []verbs.Elem
	for i := 0; i < len(es); i++ {
		e := es[i]
		next := verbs.Elem{}
		if i+1 < len(es) {
			next = es[i+1]
		}
		switch {
		case e.Kind == verbs.Group && len(e.Inner) == 0 && next.Kind == verbs.Slot && next.Words[0] != "^":
			out = append(out, verbs.Elem{Kind: verbs.Group, Words: e.Words, Inner: []verbs.Elem{next}})
			i++
		case e.Kind == verbs.Word && prepositions[e.Words[0]] && (next.Kind == verbs.Word || next.Kind == verbs.Phrase || next.Kind == verbs.Slot):
			out = append(out, verbs.Elem{Kind: verbs.Group, Words: e.Words, Inner: []verbs.Elem{next}})
			i++
		default:
			out = append(out, e)
		}
	}
	return out
}
