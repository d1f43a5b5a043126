package extract

// sameVisit gives a visit the key of one already read with the same
// visitor and host whose days hold its own, or that its days hold: a tour
// "to A, B and C August 2-12" and then "to B August 7-9" is one visit to
// B, on the narrower days.
func (x *extraction) sameVisit(ev *event, visitor, host *entity) {
	if ev.precision != PrecisionDay {
		return
	}
	lo, hi := ev.date, firstOf(ev.end, ev.date)
	for _, old := range x.events {
		if old.typ != TypeVisit || old.precision != PrecisionDay || firstRole(old, "visitor") != visitor || firstRole(old, "host") != host {
			continue
		}
		olo, ohi := old.date, firstOf(old.end, old.date)
		switch {
		case olo <= lo && hi <= ohi:
			old.date, old.end = ev.date, ev.end
		case lo <= olo && ohi <= hi:
		default:
			continue
		}
		ev.key = old.key
		return
	}
}

// visitFrame reads a visit ("visited Baku", "A's visit to B"): the visitor
// and, for each host named, a visit to that host's country.
func (x *extraction) visitFrame(f *frameCall) *event {
	d, toks, from, to, ev, ev0, after, i, n, si, dates := x.d, f.toks, f.from, f.to, f.ev, f.ev0, f.after, f.i, f.n, f.si, f.dates
	if i > 0 && (toks[i-1].lower == "the" || toks[i-1].lower == "this") && !hasWordAfter(toks, after, "to") {
		// "the visit": the one spoken of before
		if last := x.last(TypeVisit); last != nil {
			last.addEvidence(ev0)
		}
		return nil
	}
	subj, hosts := x.visitArgs(si, i, n, from, to)
	if subj != nil && len(hosts) == 0 {
		hosts = x.hereHost(toks, i, n)
	}
	if subj == nil || len(hosts) == 0 {
		return nil
	}
	proto := *ev
	var first *event
	for _, host := range hosts {
		e := proto // "will visit A, B and C": a visit to each
		ev := &e
		visitor := subj.ent
		var hostCountry *entity
		if host.ent.typ == TypePlace {
			hostCountry = d.countryEntity(host.ent.country)
			ev.addPart("destination", host.ent)
		} else {
			hostCountry = host.ent
		}
		if hostCountry == nil || visitor == hostCountry || visitor.country == hostCountry.iso3 && visitor.typ != TypeCountry {
			continue
		}
		ev.addPart("visitor", visitor)
		ev.addPart("host", hostCountry)
		if i > 0 {
			switch toks[i-1].lower {
			case "official", "state", "working", "private", "unofficial", "first":
				ev.subtype = toks[i-1].lower
			}
		}
		x.date(ev, dates(), toks[i].start, si)
		x.inherit(ev, si)
		ev.key = "visit|" + visitor.id + "|" + hostCountry.id + "|" + ev.date
		x.sameVisit(ev, visitor, hostCountry)
		if first == nil {
			first = ev
			continue
		}
		x.merge(ev, ev0)
	}
	if first == nil {
		return nil
	}
	ev = first
	return x.merge(ev, ev0)
}

// hereHost reads "here" next to a visit in a wire story as the place of
// its dateline: "HAVANA - The Iranian foreign minister, here on a
// two-day visit", "arrived here on Monday".
func (x *extraction) hereHost(toks []token, i, n int) []mention {
	d := x.d
	if d.publisher != "" || d.dateline == "" {
		return nil
	}
	c := d.countryEntity(d.dateline)
	if c == nil {
		return nil
	}
	for k := max(0, i-6); k < len(toks) && k < i+n+2; k++ {
		if toks[k].lower == "here" {
			return []mention{{Span: Span{Start: toks[k].start, End: toks[k].end}, ent: c, tok: k, toks: 1, form: 'c'}}
		}
	}
	return nil
}
