package extract

// meetFrame reads a meeting, talks or a call, and symmetric acts ("met
// with", "held talks"): the subjects and the others met, all participants.
func (x *extraction) meetFrame(f *frameCall) *event {
	d, toks, from, to, ev, ev0, after, i, n, si, tr, ms, dates := x.d, f.toks, f.from, f.to, f.ev, f.ev0, f.after, f.i, f.n, f.si, f.tr, f.ms, f.dates
	if i > 0 && (toks[i-1].lower == "the" || toks[i-1].lower == "this") && !hasWordAfter(toks, after, "with") {
		if last := x.last(tr.typ); last != nil {
			last.addEvidence(ev0)
			if t := topicAfter(toks, i, d.text); t != "" && last.topic == "" {
				last.topic = t
			}
		}
		return nil
	}
	subjs, others, parsed := x.meetArgs(si, i, n, tr.words[0] == "discuss+")
	if !parsed {
		subjs = x.subjectsOf(toks, ms, from, i)
		others = objectsAfter(toks, ms, i+n-1, to)
	}
	if tr.words[0] == "discuss+" && !parsed {
		// "discussed Russia's invasion of Ukraine": what is discussed is
		// the topic; the other side is the one discussed "with"
		others = nil
		for k := i + n; k < to && k < i+n+12; k++ {
			if toks[k].lower == "with" && !withNouns[toks[k-1].lower] {
				others = objectsAfter(toks, ms, k, to)
				break
			}
		}
	}
	if len(subjs) == 0 && len(others) < 2 {
		return nil
	}
	for _, m := range subjs {
		for _, e := range m.entities() {
			ev.addPart("participant", e)
		}
	}
	for _, m := range others {
		if m.ent != nil && m.ent.typ != TypePlace {
			ev.addPart("participant", m.ent)
		}
	}
	// "Blinken will meet with A, B and C": the subject meets each of
	// the others, who need not meet one another
	if len(subjs) > 0 && len(others) > 0 {
		for _, m := range subjs {
			ev.side = append(ev.side, m.entities()...)
		}
	}
	// "Lavrov held talks with [someone the text names in a way not
	// read]": a meeting of one known side is still a meeting
	if len(ev.parts) < 2 && !(len(subjs) > 0 && (tr.frame == frameSym || hasWordAfter(toks, after, "with"))) {
		return nil
	}
	x.date(ev, dates(), toks[i].start, si)
	x.inherit(ev, si)
	if ev.typ == TypeMeeting || ev.typ == TypeNegotiation || ev.typ == TypePhoneCall {
		ev.topic = topicAfter(toks, i, d.text)
	}
	ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	return x.merge(ev, ev0)
}

var withNouns = map[string]bool{"partnership": true, "cooperation": true, "relations": true,
	"relationship": true, "ties": true, "engagement": true, "coordination": true, "trade": true,
	"dialogue": true, "talks": true, "agreement": true, "deal": true, "alliance": true, "dispute": true,
	"conflict": true, "war": true, "border": true, "contacts": true, "consultations": true}
