package verbs

import (
	"sort"
	"strings"
)

// item is one element of a pattern with the side of the clause it must
// match on.
type item struct {
	e  Elem
	sd side
}

// compiled is a pattern ready for matching: its items, and the words a
// sentence must hold for it to have a chance.
type compiled struct {
	items []item
	need  []string
}

// compile prepares a pattern for the matcher.
func compile(p Pattern) compiled {
	var c compiled
	for _, e := range p.Pre {
		c.items = append(c.items, item{e, subject})
	}
	for _, e := range p.Post {
		c.items = append(c.items, item{e, rest})
	}
	var need func(e Elem)
	need = func(e Elem) {
		switch e.Kind {
		case Word, Phrase:
			if w := e.Words[len(e.Words)-1]; !strings.Contains(w, "/") {
				c.need = append(c.need, w)
			}
		case Group:
			for _, in := range e.Inner {
				need(in)
			}
		}
	}
	for _, it := range c.items {
		need(it.e)
	}
	return c
}

// try reports whether the pattern matches the verb's clause; on success
// m.bound and m.slots hold the tokens it used.
func (m *matcher) try(c compiled) bool {
	for _, w := range c.need {
		if !m.present[w] {
			return false
		}
	}
	if cap(m.at) < len(c.items) {
		m.at = make([]int, len(c.items))
	}
	m.at = m.at[:len(c.items)]
	if m.step(c.items, 0) {
		return true
	}
	m.undo(0, 0)
	return false
}

// step binds items[i:] to tokens, backtracking over the candidates of
// each word, phrase and group; the slots are filled once all are bound.
func (m *matcher) step(items []item, i int) bool {
	if i == len(items) {
		return m.fillSlots(items)
	}
	it := items[i]
	m.at[i] = -1
	if it.e.Kind == Slot {
		return m.step(items, i+1)
	}
	for t := range m.s.Tokens {
		if m.used[t] || m.side[t] != it.sd || (it.e.Kind != Group && modifier(m.via[t])) {
			continue
		}
		mark, smark := len(m.bound), len(m.slots)
		if m.bind(it.e, t) {
			m.at[i] = t
			if m.step(items, i+1) {
				return true
			}
		}
		m.undo(mark, smark)
	}
	return false
}

// bind binds element e to token t (for a group, the token its case or
// mark word depends on).
func (m *matcher) bind(e Elem, t int) bool {
	switch e.Kind {
	case Word:
		if !m.is(e.Words[0], t) {
			return false
		}
		m.use(t)
		return true
	case Phrase:
		if !m.is(e.Words[len(e.Words)-1], t) {
			return false
		}
		m.use(t)
		return m.mods(e.Words[:len(e.Words)-1], t)
	case Group:
		return m.bindGroup(e, t)
	}
	return false
}

// bindGroup binds "(prep ...)" to t: t has the case or mark word prep,
// its last word or phrase is t itself, other words depend on t, and a
// slot is t when the group has no word, else a nominal dependent of t.
func (m *matcher) bindGroup(e Elem, t int) bool {
	c := -1
	for _, k := range m.kids[t] {
		if (k.rel == "case" || k.rel == "mark") && !m.used[k.to] && m.is(e.Words[0], k.to) {
			c = k.to
			break
		}
	}
	if c < 0 {
		return false
	}
	m.use(c)
	head := -1
	for j, in := range e.Inner {
		if in.Kind == Word || in.Kind == Phrase {
			head = j
		}
	}
	if head < 0 {
		m.use(t)
	} else if !m.bind(e.Inner[head], t) {
		return false
	}
	for j, in := range e.Inner {
		switch {
		case j == head:
		case in.Kind == Word || in.Kind == Phrase:
			if !m.mods(in.Words, t) {
				return false
			}
		case in.Kind == Slot && (in.Words[0] == "$" || in.Words[0] == "+"):
			if head < 0 {
				m.slots = append(m.slots, slotFill{in.Words[0][0], t})
				continue
			}
			d := m.dependent(t, nominal)
			if d < 0 {
				return false
			}
			m.use(d)
			m.slots = append(m.slots, slotFill{in.Words[0][0], d})
		}
	}
	return true
}

// mods binds each word to a distinct unused token below t (two levels at
// most), as a noun's modifiers.
func (m *matcher) mods(words []string, t int) bool {
	for _, w := range words {
		d := m.below(t, w, 2)
		if d < 0 {
			return false
		}
		m.use(d)
	}
	return true
}

// below finds an unused token under t, within depth levels, that spells w.
func (m *matcher) below(t int, w string, depth int) int {
	for _, k := range m.kids[t] {
		if skipRel(k.rel) || k.to == m.verb {
			continue
		}
		if !m.used[k.to] && m.is(w, k.to) {
			return k.to
		}
		if depth > 1 {
			if d := m.below(k.to, w, depth-1); d >= 0 {
				return d
			}
		}
	}
	return -1
}

// Relations by which a noun names another actor.
var (
	prenominal = []string{"nmod:poss", "compound", "amod"}
	nominal    = []string{"nmod:poss", "compound", "amod", "nmod"}
)

// dependent returns the first unused dependent of t by one of the
// relations (a prefix before ":" matches all its subtypes), or -1.
func (m *matcher) dependent(t int, rels []string) int {
	for _, r := range rels {
		for _, k := range m.kids[t] {
			if !m.used[k.to] && (k.rel == r || (!strings.Contains(r, ":") && strings.HasPrefix(k.rel, r+":") && k.rel != "nmod:poss")) {
				return k.to
			}
		}
	}
	return -1
}

// fillSlots fills the pattern's free-standing "$" and "+": with a
// modifier of the word after the slot ("+ calls": the calls' owner), an
// "of"-like dependent of the word before it ("control +": control of
// whom), else the logical subject (before "*") or the first free object
// or oblique (after it).
func (m *matcher) fillSlots(items []item) bool {
	for k, it := range items {
		if it.e.Kind != Slot || (it.e.Words[0] != "$" && it.e.Words[0] != "+") {
			continue
		}
		c := -1
		if k+1 < len(items) && items[k+1].sd == it.sd && m.at[k+1] >= 0 {
			c = m.dependent(m.at[k+1], prenominal)
		}
		if c < 0 && k > 0 && items[k-1].sd == it.sd && m.at[k-1] >= 0 {
			c = m.dependent(m.at[k-1], []string{"nmod"})
		}
		if c < 0 {
			cands := m.args
			if it.sd == subject {
				cands = m.subj
			}
			for _, x := range cands {
				if !m.used[x] {
					c = x
					break
				}
			}
		}
		if c < 0 {
			return false
		}
		m.use(c)
		m.slots = append(m.slots, slotFill{it.e.Words[0][0], c})
	}
	return true
}

// use marks t as bound by the pattern being tried.
func (m *matcher) use(t int) {
	m.used[t] = true
	m.bound = append(m.bound, t)
}

// undo unbinds the tokens bound after the marks.
func (m *matcher) undo(mark, smark int) {
	for _, t := range m.bound[mark:] {
		m.used[t] = false
	}
	m.bound = m.bound[:mark]
	m.slots = m.slots[:smark]
}

// fills returns the tokens that fill slot sym, with the tokens
// coordinated with them, in sentence order.
func (m *matcher) fills(sym byte) []int {
	var out []int
	for _, f := range m.slots {
		if f.sym != sym {
			continue
		}
		out = append(out, f.tok)
		for _, k := range m.kids[f.tok] {
			if strings.HasPrefix(k.rel, "conj") {
				out = append(out, k.to)
			}
		}
	}
	sort.Ints(out)
	return out
}
