package verbs

import (
	"errors"
	"fmt"
	"strings"
)

// Kind is the kind of one element of a pattern.
type Kind uint8

// The kinds of pattern elements.
const (
	// Word is one word ("deadline"), or alternatives ("favour/favor").
	Word Kind = iota + 1
	// Phrase is a noun phrase in braces, modifiers then head ("{peace
	// deal}"): the modifiers depend on the head in the tree.
	Phrase
	// Group is a prepositional phrase in parentheses, the preposition
	// first ("(to border)", "(against +)", "(from ^)"): a token of the
	// verb's clause with that case or mark word.
	Group
	// Slot is "$" (the source), "+" (the target), "^" (any phrase, skipped)
	// or "%" (a compound actor).
	Slot
)

// Elem is one element of a pattern.
type Elem struct {
	Kind Kind
	// Words are the element's words: one for a Word, the modifiers then the
	// head for a Phrase, the preposition for a Group, the symbol for a Slot.
	Words []string
	// Inner holds a Group's elements after the preposition: Words,
	// Phrases and Slots.
	Inner []Elem
}

// Pattern is a parsed pattern: the elements before the verb ("*"),
// which match the logical subject's side of the verb, and those after it,
// which match the rest of the verb's clause.
type Pattern struct {
	Pre, Post []Elem
}

// ParsePattern parses the normalised form of a pattern, as in
// cameo_patterns.tsv: lower-case words, "{...}" phrases, "(prep ...)"
// groups and the slots "$", "+", "^" and "%", with exactly one "*" for the
// verb. It also reads the pattern side of a CAMEO.2.0.txt line once
// lower-cased; "&name" synset references are then plain words.
func ParsePattern(s string) (Pattern, error) {
	toks := tokens(s)
	var p Pattern
	star := false
	for i := 0; i < len(toks); {
		if toks[i] == "*" {
			if star {
				return p, errors.New("two verb markers")
			}
			star = true
			i++
			continue
		}
		e, n, err := parseElem(toks[i:], true)
		if err != nil {
			return p, err
		}
		i += n
		if star {
			p.Post = append(p.Post, e)
		} else {
			p.Pre = append(p.Pre, e)
		}
	}
	if !star {
		return p, errors.New("no verb marker *")
	}
	return p, nil
}

// tokens splits a pattern into words and the one-character tokens
// ( ) { } *, which need no spaces around them.
func tokens(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '(', ')', '{', '}', '*':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if c != ' ' && c != '\t' {
				out = append(out, s[i:i+1])
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// parseElem parses one element at the start of toks and returns it with
// the number of tokens it used. Groups may not nest.
func parseElem(toks []string, groupOK bool) (Elem, int, error) {
	switch t := toks[0]; t {
	case ")", "}", "*":
		return Elem{}, 0, fmt.Errorf("unexpected %q", t)
	case "$", "+", "^", "%":
		return Elem{Kind: Slot, Words: []string{t}}, 1, nil
	case "{":
		e := Elem{Kind: Phrase}
		for i := 1; i < len(toks); i++ {
			switch w := toks[i]; w {
			case "}":
				if len(e.Words) == 0 {
					return e, 0, errors.New("empty phrase")
				}
				return e, i + 1, nil
			case "{", "(", ")", "*", "$", "+", "^", "%":
				return e, 0, fmt.Errorf("%q inside a phrase", w)
			default:
				e.Words = append(e.Words, w)
			}
		}
		return e, 0, errors.New("unclosed phrase")
	case "(":
		if !groupOK {
			return Elem{}, 0, errors.New("nested group")
		}
		if len(toks) < 2 || !plain(toks[1]) {
			return Elem{}, 0, errors.New("group without a preposition")
		}
		e := Elem{Kind: Group, Words: []string{toks[1]}}
		for i := 2; i < len(toks); {
			if toks[i] == ")" {
				return e, i + 1, nil
			}
			in, n, err := parseElem(toks[i:], false)
			if err != nil {
				return e, 0, err
			}
			e.Inner = append(e.Inner, in)
			i += n
		}
		return e, 0, errors.New("unclosed group")
	}
	return Elem{Kind: Word, Words: []string{toks[0]}}, 1, nil
}

// plain reports whether t is a word rather than punctuation of the
// pattern syntax.
func plain(t string) bool {
	switch t {
	case "(", ")", "{", "}", "*", "$", "+", "^", "%":
		return false
	}
	return true
}

// String returns the normalised form of the pattern.
func (p Pattern) String() string {
	var b strings.Builder
	for _, e := range p.Pre {
		b.WriteString(e.String())
		b.WriteByte(' ')
	}
	b.WriteByte('*')
	for _, e := range p.Post {
		b.WriteByte(' ')
		b.WriteString(e.String())
	}
	return b.String()
}

// String returns the normalised form of the element.
func (e Elem) String() string {
	switch e.Kind {
	case Phrase:
		return "{" + strings.Join(e.Words, " ") + "}"
	case Group:
		s := "(" + e.Words[0]
		for _, in := range e.Inner {
			s += " " + in.String()
		}
		return s + ")"
	}
	return strings.Join(e.Words, " ")
}

// Slots returns the slot symbols of the pattern in order, groups included.
func (p Pattern) Slots() []string {
	var out []string
	var walk func([]Elem)
	walk = func(es []Elem) {
		for _, e := range es {
			if e.Kind == Slot {
				out = append(out, e.Words[0])
			}
			walk(e.Inner)
		}
	}
	walk(p.Pre)
	walk(p.Post)
	return out
}

// Weight is the pattern's specificity; a verb's patterns are tried
// heaviest first. A word counts two (phrase words, prepositions and group
// words included), a source or target slot one.
func (p Pattern) Weight() int {
	w := 0
	var walk func([]Elem)
	walk = func(es []Elem) {
		for _, e := range es {
			switch {
			case e.Kind == Slot && (e.Words[0] == "$" || e.Words[0] == "+"):
				w++
			case e.Kind != Slot:
				w += 2 * len(e.Words)
			}
			walk(e.Inner)
		}
	}
	walk(p.Pre)
	walk(p.Post)
	return w
}
