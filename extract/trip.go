package extract

// A tripLeg is a visit of one traveller to one country on known days.
type tripLeg struct {
	ev            *event
	visitor, host *entity
	multi         bool // one of several countries visited over the same days
	narrowed      bool
}

// tripDays dates the legs of a journey from the acts done on it, once
// every sentence is read:
//
//   - a visit of the traveller to a country he visits on known days, told
//     again without them ("In Pretoria, he will lead the delegation"), is
//     that visit: one event, told twice;
//   - an act of a traveller with someone of the country he visits, whose
//     own sentence gives no date, happens during that visit ("will travel
//     to Ruritania May 3-5 ... will meet the Ruritanian Prime Minister")
//     and takes its days;
//   - a journey to several countries over one stretch of days ("will
//     travel to Ruritania and Freedonia May 2-12") is narrowed, country by
//     country, to the days of a dated act there that lies within it ("in
//     Freedonia, on May 6, she will meet the President").
//
// Only meetings and talks count as such acts, and a leg is lent or
// narrowed only when one visit fits: two visits of the same traveller to
// the same country, or a meeting with people of two countries he visits,
// leave the acts as they are.
func (x *extraction) tripDays() {
	var legs []*tripLeg
	for _, ev := range x.events {
		if ev.typ != TypeVisit || ev.precision != PrecisionDay {
			continue
		}
		v, h := firstRole(ev, "visitor"), firstRole(ev, "host")
		if v == nil || h == nil || h.iso3 == "" {
			continue
		}
		legs = append(legs, &tripLeg{ev: ev, visitor: v, host: h})
	}
	if len(legs) == 0 {
		return
	}
	for _, a := range legs {
		for _, b := range legs {
			if a != b && a.visitor == b.visitor && a.host != b.host && a.ev.date == b.ev.date && a.ev.end == b.ev.end && a.ev.end != "" {
				a.multi = true
			}
		}
	}
	kept := x.events[:0]
	for _, ev := range x.events {
		if l := sameLeg(ev, legs); l != nil {
			for _, p := range ev.parts {
				l.ev.addPart(p.role, p.ent)
			}
			for _, s := range ev.evidence {
				l.ev.addEvidence(s)
			}
			x.byKey[ev.key] = l.ev
			continue
		}
		kept = append(kept, ev)
	}
	x.events = kept
	for _, ev := range x.events {
		if ev.typ != TypeMeeting && ev.typ != TypeNegotiation {
			continue
		}
		l := legOf(ev, legs)
		if l == nil {
			continue
		}
		switch {
		case undated(ev):
			ev.date, ev.end, ev.precision = l.ev.date, l.ev.end, l.ev.precision
		case l.multi && !l.narrowed && ev.dated && ev.precision == PrecisionDay &&
			l.ev.date <= ev.date && firstOf(ev.end, ev.date) <= firstOf(l.ev.end, l.ev.date):
			l.ev.date, l.ev.end = ev.date, ev.end
			l.narrowed = true
		}
	}
}

// undated reports whether an event's date is only the article's.
func undated(ev *event) bool {
	return !ev.dated && (ev.precision == PrecisionDerived || ev.precision == PrecisionUnknown || ev.precision == "")
}

// sameLeg returns the one dated visit an undated visit repeats: the same
// traveller to the same country, in the same modality.
func sameLeg(ev *event, legs []*tripLeg) *tripLeg {
	if ev.typ != TypeVisit || !undated(ev) {
		return nil
	}
	v, h := firstRole(ev, "visitor"), firstRole(ev, "host")
	var found *tripLeg
	for _, l := range legs {
		if l.ev == ev || l.visitor != v || l.host != h || l.ev.modality != ev.modality {
			continue
		}
		if found != nil {
			return nil
		}
		found = l
	}
	return found
}

// legOf returns the one visit during which a meeting takes place: its
// traveller meets someone of the country visited.
func legOf(ev *event, legs []*tripLeg) *tripLeg {
	var found *tripLeg
	for _, l := range legs {
		if !ev.has(l.visitor) || !meetsSomeoneOf(ev, l.visitor, l.host.iso3) {
			continue
		}
		if found != nil {
			return nil
		}
		found = l
	}
	return found
}

// meetsSomeoneOf reports whether ev has a part other than the visitor
// (and other than a place) that is the country iso3 or belongs to it.
func meetsSomeoneOf(ev *event, visitor *entity, iso3 string) bool {
	for _, p := range ev.parts {
		if p.ent == visitor || p.role == "location" {
			continue
		}
		if p.ent.iso3 == iso3 || p.ent.country == iso3 {
			return true
		}
	}
	return false
}
