package extract

import (
	"slices"
	"strconv"
)

// agreementFrame reads an agreement (frames agreement and between): who
// concludes it and whom it is with or between.
func (x *extraction) agreementFrame(f *frameCall) *event {
	toks, from, to, ev, ev0, i, n, si, tr, ms, dates := f.toks, f.from, f.to, f.ev, f.ev0, f.i, f.n, f.si, f.tr, f.ms, f.dates
	// the parties: who concludes it (the subject, or "Bolivia's
	// agreement"), and whom it is "with" or "between"
	subjs := subjectsBefore(toks, ms, from, i)
	if len(subjs) == 0 {
		if sp := x.speakerAsSubject(toks, ms, i); sp != nil {
			subjs = []mention{*sp} // "Libya's rival authorities announced a ceasefire"
		}
	}
	for _, m := range withPairs(toks, ms, subjs) {
		for _, e := range m.entities() {
			ev.addPart("party", e)
		}
	}
	k := i + n
	for k < len(toks) && k < i+n+3 && toks[k].lower != "with" && toks[k].lower != "between" && toks[k].lower != "among" {
		k++
	}
	if k < len(toks) && k < i+n+3 {
		for _, m := range objectsAfter(toks, ms, k, clauseEnd(toks, k+1, to, "")) {
			for _, e := range m.entities() {
				if e.typ != TypePlace {
					ev.addPart("party", e)
				}
			}
		}
	}
	for _, m := range ms {
		if m.form == 'g' && m.tok > i && m.tok <= i+n+3 {
			for _, e := range m.group {
				ev.addPart("party", e)
			}
		}
	}
	if len(ev.parts) == 0 && x.lastConflict != nil {
		ev.conflict = x.lastConflict
	}
	if len(ev.parts) == 0 && ev.conflict == nil {
		return nil
	}
	x.date(ev, dates(), toks[i].start, si)
	ev.key = tr.typ + "|" + tr.subtype + "|" + partKey(ev) + "|" + ev.date
	return x.merge(ev, ev0)
}

// resolutionFrame reads a resolution of a body: the body, how many, the
// countries and regions it is about and its topic.
func (x *extraction) resolutionFrame(f *frameCall) *event {
	d, toks, ev, ev0, i, si, ms, dates := x.d, f.toks, f.ev, f.ev0, f.i, f.si, f.ms, f.dates
	var body *entity
	for _, m := range ms {
		if m.ent != nil && m.ent.typ == TypeOrganization && m.tok+m.toks == i {
			body = m.ent
		}
	}
	if body == nil {
		return nil
	}
	ev.addPart("body", body)
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if c := cardinal(toks[k].lower); c > 0 {
			ev.count = c
			break
		}
	}
	if ev.count == 0 && toks[i].lower == "resolution" {
		ev.count = 1
	}
	for _, m := range ms {
		if m.ent != nil && m.ent != body && (m.ent.typ == TypeCountry) && m.form != 'm' {
			ev.addPart("target", m.ent)
		}
		if m.ent != nil && m.ent.typ == TypeRegion && m.tok > i {
			ev.addPart("location", m.ent)
		}
	}
	ev.topic = topicAfter(toks, i, d.text)
	ev.modality = ModalityAsserted
	x.date(ev, dates(), toks[i].start, si)
	ev.key = "resolution|" + body.id + "|" + partKey(ev) + "|" + ev.topic
	return x.merge(ev, ev0)
}

var cardinalWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0}

func cardinal(w string) int {
	if n, ok := cardinalWords[w]; ok {
		return n
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 1000 {
		return n
	}
	return 0
}

// withPairs adds to mentions the other half of each hyphen-joined pair
// of countries ("the U.S.-Japan agreement", one token or three): both
// conclude it.
func withPairs(toks []token, ms, got []mention) []mention {
	out := got
	joined := func(a, b mention) bool {
		if a.tok == b.tok {
			return a.toks == 1 && b.toks == 1 && a.Span != b.Span
		}
		if b.tok < a.tok {
			a, b = b, a
		}
		k := a.tok + a.toks
		return k+1 == b.tok && k < len(toks) && dash(toks[k].text) && toks[k].start == toks[k-1].end && toks[k].end == toks[b.tok].start
	}
	for _, g := range got {
		for _, m := range ms {
			if m.ent != nil && m.ent.typ == TypeCountry && g.ent != nil && g.ent.typ == TypeCountry && joined(g, m) &&
				!slices.ContainsFunc(out, func(o mention) bool { return o.Span == m.Span }) {
				out = append(out, m)
			}
		}
	}
	return out
}
