package extract

import "strings"

// receiveFrame reads an act received ("received weapons from"): the giver
// acts, the receiver is its target.
func (x *extraction) receiveFrame(f *frameCall) *event {
	toks, from, to, ev, ev0, i, n, si, tr, ms, dates := f.toks, f.from, f.to, f.ev, f.ev0, f.i, f.n, f.si, f.tr, f.ms, f.dates
	// "Kenya received weapons from China", "won support from": the
	// giver after "from" acts, the receiver is its target
	rcv := x.subjectsOf(toks, ms, from, i)
	if len(rcv) > 0 {
		x.lastSubj = rcv
	}
	var giver *mention
	for _, m := range placesAndActorsAfter(toks, ms, i+n-1, clauseEnd(toks, i+n, to, cameoRoot(tr.cameo))) {
		if sameActor(rcv, m.ent) {
			continue
		}
		if m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization || m.ent.typ == TypePerson || m.ent.typ == typeGroup || m.form == 'c' {
			giver = &m
		}
		break
	}
	if giver == nil {
		return nil
	}
	ev.addPart("actor", giver.ent)
	for _, m := range rcv {
		for _, e := range m.entities() {
			ev.addPart("target", e)
		}
	}
	x.date(ev, dates(), toks[i].start, si)
	ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	return x.merge(ev, ev0)
}

// actFrame reads an act of one side toward another (frames svo, host and
// state): its sources by the parse or the order of the words, its
// target, the targets joined to it and where it happened.
func (x *extraction) actFrame(f *frameCall) *event {
	toks, from, to, ev, ev0, i, n, si, tr, ms, dates := f.toks, f.from, f.to, f.ev, f.ev0, f.i, f.n, f.si, f.tr, f.ms, f.dates
	srcRole, dstRole := "actor", "target"
	switch {
	case tr.frame == frameHost:
		srcRole, dstRole = "host", "visitor"
		ev.subtype = "hosted"
	case tr.typ == TypeStatement:
		srcRole = "speaker"
	case tr.typ == TypeMediation:
		srcRole, dstRole = "mediator", "party"
	case tr.typ == TypeAppointment:
		srcRole, dstRole = "appointer", "appointee"
	}
	var srcs []mention
	var dst *mention
	if (toks[i].lower == "killed" || strings.HasPrefix(toks[i].lower, "kill")) && military(ms, from, i) {
		ev.cameo, ev.typ, ev.subtype = "190", TypeMilitaryAction, "" // killing by armed forces is fighting
	}
	passive, parsed := x.parsedPassive(si, i, n)
	if !parsed {
		passive = isPassive(toks, i)
	}
	if tr.frame == frameState {
		passive = false // "is committed to": the subject's stance
	}
	var joined []mention // the targets coordinated with dst, from the parse
	if passive {
		// "Evidence against Ruritania was presented by Freedonia": the agent is
		// the source; "the journalist was arrested in Niger": by whom,
		// the text does not say
		var subj *mention
		if parsed {
			srcs, _ = x.argSubjects(si, i, n)
			if pats, _ := x.argPatients(si, i, n); len(pats) > 0 {
				subj, joined = &pats[0], pats[1:]
			}
		} else {
			if by := passiveAgent(toks, ms, i+n, to); by != nil {
				srcs = []mention{*by}
			}
			subj = subjectBefore(toks, ms, from, i)
		}
		if subj == nil && !parsed {
			// "a camp for Congolese refugees was attacked": what was
			// struck holds whom it struck
			for k := range ms {
				if m := ms[k]; m.tok >= from && m.tok < i && isActor(m) && m.tok+m.toks <= i {
					subj = &ms[k]
					break
				}
			}
		}
		if subj != nil && (len(srcs) == 0 || subj.ent != srcs[0].ent) {
			dst = subj
		}
	} else {
		var cands []mention
		var preps []string
		if parsed {
			srcs, _ = x.argSubjects(si, i, n)
			cands, preps, _ = x.argObjects(si, i, n)
			parsed = len(cands) > 0 // else the targets by the order of the words
		}
		if len(srcs) == 0 {
			srcs = x.subjectsOf(toks, ms, from, i)
		}
		if !parsed {
			end := clauseEnd(toks, i+n, to, cameoRoot(tr.cameo))
			if tr.dict {
				// a verb only the CAMEO dictionary knows ends at a purpose
				// of its own: "joining with allies to condemn Russia" is
				// no act on Russia
				end = x.purposeCut(si, toks, i+n, end)
			}
			// a pattern with a gap may hold its target: "rejected [Iraqi
			// President Saddam Hussein's] proposal"
			after := i + n - 1
			for _, w := range tr.words {
				if w == "..." {
					after = i
				}
			}
			cands = placesAndActorsAfter(toks, ms, after, end)
		}
		var place *mention
		for ci, m := range cands {
			if sameActor(srcs, m.ent) {
				continue
			}
			if m.tok < i+n && m.ent.typ == typeGroup && m.ent.country == "" {
				continue // "called up army reservists": the pattern's own object, of no country
			}
			if !(m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization || m.ent.typ == TypePerson || m.ent.typ == typeGroup || m.form == 'c') {
				// a region or town: only where an act of force happens
				if locative(toks, m) && place == nil && m.ent.country != "" {
					place = &m
				}
				continue
			}
			if fromProposer(toks, m) {
				// "rejected an offer from Afghanistan": who made it
				dst = &m
				break
			}
			if locative(toks, m) {
				// "in Paris", "outside the embassy": where, not whom;
				// an act of force or a protest is aimed at where it happens
				if place == nil {
					place = &m
				}
				continue
			}
			dst = &m
			if parsed {
				// "attacked Iran and Iraq": the targets linked to the act
				// as the first one is
				for cj := ci + 1; cj < len(cands); cj++ {
					if preps[cj] == preps[ci] && x.coordinated(si, cands[ci], cands[cj]) && isActor(cands[cj]) && !sameActor(srcs, cands[cj].ent) {
						joined = append(joined, cands[cj])
					}
				}
			}
			break
		}
		if dst == nil && place != nil && placeIsTarget(tr.cameo) {
			dst = place
		}
		// "recognized Kosovo", "recognize the new government": recognition
		// is granted to the actor that is the verb's object; "recognize
		// the bravery of the Ukrainian people" grants none
		if tr.cameo == "054" && len(tr.words) == 1 && !namedObject(toks, ms, i+n) && !recognizedAs(toks, i+n, to) {
			return nil
		}
		// force against a group of no country is coded by where it falls
		if dst != nil && place != nil && dst.ent.country == "" && dst.ent.typ == TypeOrganization && (cameoRoot(tr.cameo) >= "18") {
			ev.addPart("location", place.ent)
			dst = place
		}
		if len(srcs) == 0 && place != nil && cameoRoot(tr.cameo) == "14" && place.ent.typ != TypeOrganization {
			// "thousands of people blocked streets in Lisbon": the
			// protesters are people of the place
			srcs = []mention{*place}
		}
	}
	if i > 0 {
		// "the Freedonian-led invasion of Ruritania": the country that leads the act
		// is its agent, whoever else the sentence names
		if c := x.d.ledBy(toks, i); c != nil && (dst == nil || dst.ent != c) {
			srcs = []mention{{Span: Span{Start: toks[i-1].start, End: toks[i-1].end}, ent: c, tok: i - 1, toks: 1, form: 'd'}}
		}
	}
	if tr.dict && (len(srcs) == 0 || dst == nil) {
		return nil // a verb only the dictionary knows: an act between two named sides
	}
	if dst == nil && stanceRoots[cameoRoot(tr.cameo)] && x.nounTrigger(si, i, n) {
		// "the Philippines' commitment to nonproliferation", "support for
		// efforts": a stance named by a noun, toward no one the sentence
		// names, is an act only if the article gives it someone
		// (headline.go); dropStances drops the rest
		ev.stance = true
	}
	if len(srcs) > 0 {
		x.lastSubj = srcs
	}
	if len(srcs) == 0 {
		if dst == nil || tr.frame == frameHost {
			return nil
		}
	}
	for _, m := range srcs {
		for _, e := range m.entities() {
			ev.addPart(srcRole, e)
		}
	}
	if dst != nil && parsed {
		ev.addPart(dstRole, dst.ent)
		for _, m := range joined {
			ev.addPart(dstRole, m.ent)
		}
	} else if dst != nil {
		ev.addPart(dstRole, dst.ent)
		// "attacked Iran and Iraq", "tortured Sierra Leonean and
		// Liberian refugees": the targets joined to the first
		last := *dst
		for _, m := range ms {
			if m.tok < last.tok+last.toks || m.tok >= to || !isActor(m) || ev.has(m.ent) {
				continue
			}
			if !joins(toks, ms, last.tok+last.toks, m.tok) {
				break
			}
			ev.addPart(dstRole, m.ent)
			last = m
		}
	}
	if tr.frame == frameHost && (len(srcs) == 0 || dst == nil) {
		return nil
	}
	for _, m := range ms {
		if m.tok <= i || m.tok >= to || m.ent == nil || ev.has(m.ent) {
			continue
		}
		// where it happened: a region, or a place or country after "in"
		if m.ent.typ == TypeRegion || (m.tok > 0 && toks[m.tok-1].lower == "in" && (m.ent.typ == TypePlace || m.ent.typ == TypeCountry)) {
			ev.addPart("location", m.ent)
		}
	}
	x.date(ev, dates(), toks[i].start, si)
	if x.lastConflict != nil && (ev.has(firstRole(x.lastConflict, "party")) || len(x.lastConflict.parts) == 0) {
		ev.conflict = x.lastConflict
	}
	ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	return x.merge(ev, ev0)
}

// namedObject reports whether a name opens the object at token k, after
// at most a determiner: "recognize Abkhazia", "recognize the Former
// Yugoslav Republic of Macedonia".
func namedObject(toks []token, ms []mention, k int) bool {
	if k < len(toks) {
		switch toks[k].lower {
		case "the", "a", "an", "its", "their", "his", "her":
			k++
		}
	}
	if k >= len(toks) {
		return false
	}
	for _, m := range ms {
		if m.tok <= k && k < m.tok+m.toks {
			return true
		}
	}
	return toks[k].isCap()
}

// purposeCut returns where an infinitive of purpose ("to condemn")
// starts between the rules' tokens from and end, by the parse's parts of
// speech, or end.
func (x *extraction) purposeCut(si int, toks []token, from, end int) int {
	sy := x.d.syn[si]
	if sy == nil {
		return end
	}
	for k := from; k+1 < end; k++ {
		if toks[k].lower != "to" {
			continue
		}
		if p := sy.at(k + 1); p >= 0 && sy.s.Tokens[p].POS == "VB" {
			return k
		}
	}
	return end
}

// recognizedAs reports whether an "as" follows a recognition's object
// within a few words: "recognized two regions of Ruritania as independent
// states" grants recognition to what the object names, as a state.
func recognizedAs(toks []token, k, to int) bool {
	for ; k < to && k < len(toks); k++ {
		switch toks[k].lower {
		case "as":
			return true
		case ",", ";", "and", "that", "which":
			return false
		}
	}
	return false
}

// placeIsTarget reports whether an act with this code is aimed at the
// place where it happens when no one else is named: force, coercion,
// protest, yielding, investigation.
func placeIsTarget(code string) bool {
	switch cameoRoot(code) {
	case "01", "08", "09", "10", "13", "14", "15", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// locative reports whether a mention is governed by a preposition of place
// or time.
func locative(toks []token, m mention) bool {
	k := m.tok - 1
	for k >= 0 && (toks[k].lower == "the" || toks[k].lower == "its" || toks[k].lower == "their" || directions[toks[k].lower]) {
		k-- // "in northeastern Nigeria"
	}
	if k < 0 {
		return false
	}
	if toks[k].lower == "of" && k > 0 && directions[toks[k-1].lower] {
		return true // "southwest of Baghdad"
	}
	switch toks[k].lower {
	case "in", "at", "near", "outside", "inside", "across", "through", "along", "from", "during", "into", "within":
		return true
	}
	return false
}

// proposalNouns name what one side puts to another: rejecting, accepting
// or answering one is aimed at who made it.
var proposalNouns = map[string]bool{"offer": true, "offers": true, "appeal": true, "appeals": true,
	"proposal": true, "proposals": true, "demand": true, "demands": true, "request": true,
	"requests": true, "invitation": true, "invitations": true, "call": true, "calls": true,
	"plan": true, "bid": true, "initiative": true, "ultimatum": true, "overture": true,
	"overtures": true, "plea": true, "pleas": true, "suggestion": true, "proposition": true}

// fromProposer reports whether a mention names who made a proposal just
// before it: "an offer from Afghanistan", "an appeal by President Gbagbo".
func fromProposer(toks []token, m mention) bool {
	k := m.tok - 1
	for k >= 0 && (toks[k].lower == "the" || toks[k].isCap() && toks[k].isWord()) {
		k-- // "from the US President"
	}
	if k < 1 || toks[k].lower != "from" && toks[k].lower != "by" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if proposalNouns[toks[j].lower] {
			return true
		}
	}
	return false
}
