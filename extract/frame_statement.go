package extract

import "strings"

// praise, criticism and other statement cues, checked in the content.
var statementCues = []struct {
	words []string
	typ   string
	cameo string
}{
	{[]string{"strategic", "partner"}, TypeStatement, "051"},
	{[]string{"praised"}, TypeStatement, "051"},
	{[]string{"hailed"}, TypeStatement, "051"},
	{[]string{"commended"}, TypeStatement, "051"},
	{[]string{"welcomed"}, TypeStatement, "051"},
	{[]string{"friendship"}, TypeStatement, "051"},
	{[]string{"condemned"}, TypeAccusation, "111"},
	{[]string{"criticized"}, TypeAccusation, "111"},
	{[]string{"criticised"}, TypeAccusation, "111"},
	{[]string{"accused"}, TypeAccusation, "112"},
	{[]string{"blamed"}, TypeAccusation, "112"},
}

func (x *extraction) statement(si int, cl clause, ms []mention, dates []dateRef) *event {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	ev := &event{typ: TypeStatement, cameo: "010", modality: ModalityAsserted, attribution: cl.speaker, sent: si}
	if cl.verb >= 0 && cl.verb < len(toks) {
		ev.trigger = toks[cl.verb].text
	}
	for _, t := range toks {
		switch t.lower {
		case "briefing":
			ev.subtype = "briefing"
		case "conference":
			ev.subtype = "press conference"
		case "interview":
			ev.subtype = "interview"
		}
	}
	ev.addPart("speaker", cl.speaker)
	speakerCountry := cl.speaker.country
	if cl.speaker.typ == TypeCountry {
		speakerCountry = cl.speaker.iso3
	}
	content := strings.ToLower(joinLower(toks[cl.from:min(cl.to, len(toks))]))
	for _, cue := range statementCues {
		if strings.Contains(content, strings.Join(cue.words, " ")) {
			ev.cameo = cue.cameo
			break
		}
	}
	if ev.cameo != "010" {
		for _, m := range ms {
			if m.tok >= cl.from && m.tok < cl.to && m.ent != nil && m.ent.typ == TypeCountry && m.ent.iso3 != speakerCountry && m.form != 'm' {
				ev.addPart("target", m.ent)
				break
			}
		}
	}
	// The date of a statement is that of the speech act ("said ... at a
	// briefing Nov. 16"), not a date inside what was said.
	var own []dateRef
	from := cl.reportedFrom(toks)
	for _, dr := range dates {
		if dr.Start < tokStart(toks, from) || dr.Start >= tokStart(toks, cl.to) || cl.to <= from {
			own = append(own, dr)
		}
	}
	x.demand(si, cl, ms, own)
	x.date(ev, own, toks[cl.verb].start, si)
	if !ev.dated {
		// the same speaker again: the same occasion
		for k := len(x.events) - 1; k >= 0; k-- {
			if o := x.events[k]; o.typ == TypeStatement && o.attribution == cl.speaker {
				ev.date, ev.end, ev.precision = o.date, o.end, o.precision
				break
			}
		}
	}
	ev.key = "statement|" + cl.speaker.id + "|" + ev.date
	return x.merge(ev, Span{s.Start, s.End})
}

// relation is a fact between two entities.
type relation struct {
	typ, role string
	a, b      *entity
	date      string
	ev        Span
}

// relations reads "X is an important strategic partner of Y" and
// "X ... co-chairs of ORG".
func (x *extraction) relations(si int, ms []mention, cl clause) {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "strategic" && strings.HasPrefix(toks[i+1].lower, "partner") {
			subj := subjectBefore(toks, ms, cl.from, i)
			if subj == nil || subj.ent.typ != TypeCountry {
				continue
			}
			var other *entity
			for _, m := range ms {
				if m.tok > i+1 && m.tok < cl.to && m.ent != nil && m.ent.typ == TypeCountry && m.ent != subj.ent && m.form != 'm' {
					other = m.ent
					break
				}
			}
			if other == nil && i > 0 && (hasBefore(toks, i, "our", 3)) && cl.speaker != nil {
				other = x.d.countryEntity(cl.speaker.country)
			}
			if other != nil && other != subj.ent {
				a, b := subj.ent, other
				if a.id > b.id {
					a, b = b, a
				}
				x.rels = append(x.rels, relation{typ: "STRATEGIC_PARTNER", a: a, b: b, date: x.sentDate(si), ev: Span{s.Start, s.End}})
			}
		}
		if strings.HasPrefix(toks[i].lower, "co-chair") || toks[i].lower == "members" || toks[i].lower == "member" || toks[i].lower == "chair" {
			if i+1 < len(toks) && toks[i+1].lower == "of" {
				var org *entity
				for _, m := range ms {
					if m.tok > i+1 && m.tok <= i+3 && m.ent != nil && m.ent.typ == TypeOrganization {
						org = m.ent
						break
					}
				}
				subj := subjectBefore(toks, ms, cl.from, i)
				if org != nil && subj != nil && subj.ent.typ == TypeCountry {
					role := strings.TrimSuffix(toks[i].lower, "s")
					x.rels = append(x.rels, relation{typ: "MEMBER_OF", role: role, a: subj.ent, b: org, date: x.sentDate(si), ev: Span{s.Start, s.End}})
				}
			}
		}
	}
}

// demand reads "X said (that) Y must ...": the speaker demands of Y;
// and "X said Y should ...": the speaker appeals to Y, who must then be
// named ("this should help" asks no one).
func (x *extraction) demand(si int, cl clause, ms []mention, dates []dateRef) {
	toks := x.d.sents[si].tokens
	for k := cl.from; k < cl.to && k < len(toks); k++ {
		code, subtype := "", ""
		switch toks[k].lower {
		case "must":
			code, subtype = "100", "demand"
		case "should":
			if k+1 < len(toks) && inverted[toks[k+1].lower] {
				continue // "should it choose escalation": a condition
			}
			code = "020"
		default:
			continue // "it will have to attract capital" states a need
		}
		subj := subjectBefore(toks, ms, cl.from, k)
		if subj != nil && (subj.ent == cl.speaker || ownSide(cl.speaker, subj.ent)) || k > 0 && firstPerson[toks[k-1].lower] {
			return // "we must cooperate": a resolve, not a demand
		}
		if subj == nil && code == "020" {
			return
		}
		s := x.d.sents[si]
		ev := &event{typ: TypeAppeal, subtype: subtype, cameo: code, modality: ModalityAsserted, sent: si, attribution: cl.speaker, trigger: toks[k].text}
		ev.addPart("actor", cl.speaker)
		if subj != nil {
			// "the Ethiopian and Eritrean forces must allow": of each; "the
			// oppression must end": a demand of no one named
			ev.addPart("target", subj.ent)
			for _, m := range subjectsBefore(toks, ms, cl.from, k) {
				if m.ent != nil && m.ent != cl.speaker && !ownSide(cl.speaker, m.ent) {
					ev.addPart("target", m.ent)
				}
			}
		}
		x.date(ev, dates, toks[k].start, si)
		ev.key = "demand|" + partKey(ev) + "|" + ev.date
		x.merge(ev, Span{s.Start, s.End})
		return
	}
}

// inverted are the subjects after "should" that make it a condition:
// "should it choose escalation".
var inverted = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true, "you": true, "i": true, "there": true}

// firstPerson are the subjects of a resolve: "we must", "I must".
var firstPerson = map[string]bool{"we": true, "i": true}

// ownSide reports whether b is a's own country: a minister's "our country
// must" is his own resolve.
func ownSide(a, b *entity) bool {
	if a == nil || b == nil {
		return false
	}
	return b.iso3 != "" && (a.country == b.iso3 || a.iso3 == b.iso3)
}
