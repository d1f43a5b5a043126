package extract

import "strings"

// betweenStates reports whether the parse names two countries on the
// sides of the noun at [i, i+n) whose agents are subjs: a pair ("the
// Iran-Iraq war") or an agent and a patient ("Russia's war in Ukraine").
// A noun that only qualifies another ("war criminals") names no act.
func (x *extraction) betweenStates(si, i, n int, subjs []mention) bool {
	sy := x.d.syn[si]
	for _, h := range sy.trigHeads(i, n) {
		if len(sy.govs(h, func(r string) bool { return r == "compound" })) > 0 {
			return false
		}
	}
	sides := map[string]bool{}
	for _, m := range subjs {
		if c := m.country(); c != "" {
			sides[c] = true
		}
	}
	if len(sides) == 0 {
		return false
	}
	objs, _, _ := x.argObjects(si, i, n)
	for _, m := range objs {
		if c := m.country(); c != "" && m.ent.typ == TypeCountry {
			sides[c] = true
		}
	}
	return len(sides) > 1
}

// conflictFrame reads a conflict noun: a war states wage on each other is
// their use of force; else the conflict of a region, or the one spoken
// of, gains evidence and parties.
func (x *extraction) conflictFrame(f *frameCall) *event {
	toks, to, ev, ev0, after, i, n, si, tr, ms, cl, dates := f.toks, f.to, f.ev, f.ev0, f.after, f.i, f.n, f.si, f.tr, f.ms, f.cl, f.dates
	if subjs, ok := x.argSubjects(si, i, n); ok && x.betweenStates(si, i, n, subjs) {
		// "Russia's war in Ukraine", "the Iran-Iraq war": a war that
		// states wage on each other is their use of force (190),
		// coded as a verb is
		trf := tr
		trf.typ, trf.cameo, trf.subtype, trf.frame = TypeMilitaryAction, "190", "war", frameSVO
		if len(subjs) > 1 {
			trf.frame = frameSym
		}
		return x.frame(si, trf, i, n, ms, cl, dates)
	}
	var region *entity
	for _, m := range ms {
		if m.ent != nil && m.ent.typ == TypeRegion && m.tok+m.toks == i {
			region = m.ent
		}
	}
	c := x.conflictFor(region)
	definite := x.definiteNoun(si, i, n)
	if c == nil && region == nil && !hasWordAfter(toks, after, "between") && !definite {
		return nil
	}
	if c == nil && region == nil {
		c = x.last(TypeConflict)
	}
	if c == nil {
		ev.key = "conflict|" + idOf(region)
		ev.modality = ModalityAsserted
		x.date(ev, nil, 0, si)
		if region != nil {
			ev.addPart("location", region)
			ev.label = region.name + " conflict"
		}
		c = x.merge(ev, ev0)
	} else {
		c.addEvidence(ev0)
		if c.attribution != ev.attribution {
			c.attribution = nil // reported in several voices: the publisher's account
		}
	}
	// parties: "between A and B", "the two countries", or the countries of the clause
	for _, m := range ms {
		if m.tok <= i || m.tok >= to {
			continue
		}
		if m.form == 'g' {
			for _, e := range m.group {
				c.addPart("party", e)
			}
		}
	}
	if hasWordAfter(toks, after, "between") {
		for _, m := range ms {
			if m.tok > i && m.ent != nil && m.ent.typ == TypeCountry && m.form != 'm' {
				c.addPart("party", m.ent)
			}
		}
	}
	for _, dr := range dates() {
		if dr.since {
			c.date, c.end, c.precision, c.since, c.dated = dr.date, "", dr.precision, true, true
			break
		}
	}
	x.lastConflict = c
	return c
}

// mediateFrame reads a mediation: the mediator and the parties between
// whom it mediates.
func (x *extraction) mediateFrame(f *frameCall) *event {
	toks, from, to, ev, ev0, i, n, si, ms, dates := f.toks, f.from, f.to, f.ev, f.ev0, f.i, f.n, f.si, f.ms, f.dates
	subj := subjectBefore(toks, ms, from, i)
	if subj == nil {
		return nil
	}
	ev.addPart("mediator", subj.ent)
	x.betweenParties(ev, toks, ms, i+n, to)
	x.date(ev, dates(), toks[i].start, si)
	ev.key = "mediation|" + subj.ent.id
	ev.pendingConflict(x, ms, i, toks)
	return x.merge(ev, ev0)
}

// pendingConflict ties an event to the conflict named in its sentence.
func (ev *event) pendingConflict(x *extraction, ms []mention, i int, toks []token) {
	for _, m := range ms {
		if m.ent != nil && m.ent.typ == TypeRegion && m.tok > i {
			ev.addPart("location", m.ent)
			if c := x.conflictFor(m.ent); c != nil {
				ev.conflict = c
			} else if m.tok+m.toks < len(toks) && (toks[m.tok+m.toks].lower == "conflict" || toks[m.tok+m.toks].lower == "war") {
				ev.conflict = &event{key: "conflict|" + m.ent.id} // resolved when the conflict is read
			}
		}
	}
}

// betweenParties adds the sides a mediation is "between" or "among":
// "launched a mediation effort on Saturday between the Emirates and Saudi
// Arabia".
func (x *extraction) betweenParties(ev *event, toks []token, ms []mention, from, to int) {
	k := from
	for k < to && k < from+6 && toks[k].lower != "between" && toks[k].lower != "among" {
		k++
	}
	if k >= to || k >= from+6 {
		return
	}
	for _, m := range objectsAfter(toks, ms, k, clauseEnd(toks, k+1, to, "")) {
		for _, e := range m.entities() {
			if e.typ != TypePlace && !ev.has(e) {
				ev.addPart("party", e)
			}
		}
	}
}

func (x *extraction) conflictFor(region *entity) *event {
	if region == nil {
		return nil
	}
	return x.byKey["conflict|"+region.id]
}

// military reports whether the subject of a verb at tok is an armed force:
// "Russian aircraft killed ...", "Israeli troops shot ...".
func military(ms []mention, from, tok int) bool {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.tok >= tok || m.tok < from {
			continue
		}
		return m.sector == "MIL"
	}
	return false
}

// definiteNoun reports whether the noun at the rules' tokens [i, i+n) is
// definite, one spoken of before: "the war", "this conflict", "the
// bitter war": "the" or "this" right before it, or as its determiner in
// the parse; without a parse, before one lower-case word before it.
func (x *extraction) definiteNoun(si, i, n int) bool {
	toks := x.d.sents[si].tokens
	definite := func(w string) bool { return w == "the" || w == "this" }
	if i > 0 && definite(toks[i-1].lower) {
		return true
	}
	sy := x.d.syn[si]
	heads := sy.trigHeads(i, n)
	for _, h := range heads {
		for _, k := range sy.kids(h, func(r string) bool { return r == "det" }) {
			if definite(strings.ToLower(sy.s.Tokens[k].Lemma)) {
				return true
			}
		}
	}
	return len(heads) == 0 && i > 1 && definite(toks[i-2].lower) && toks[i-1].isWord() && !toks[i-1].isCap()
}
