package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
)

// event is an event found in the article, before it becomes a node.
type event struct {
	typ, subtype, cameo string
	label               string
	date, end           string
	precision           string
	modality            string
	attribution         *entity
	parts               []part
	evidence            []Span
	ordinal, count      int
	origin              string // an anniversary's origin year
	topic               string
	key                 string // merge key within the article
	conflict            *event // the conflict an event belongs to or is about
	since               bool
	sent                int
	confidence          float64
	dated               bool      // the date came from the text, not from the context
	side                []*entity // a meeting's subject side, when it meets named others
	trigger             string    // the words that name the act, as written ("met with")
	targetFrom          string    // where a target the sentence does not name came from ("headline")
	stance              bool      // a stance named by a noun, toward no one the sentence names
}

type part struct {
	role string
	ent  *entity
}

func (e *event) addPart(role string, x *entity) {
	if x == nil {
		return
	}
	for _, p := range e.parts {
		if p.ent == x && p.role == role {
			return
		}
	}
	e.parts = append(e.parts, p0(role, x))
}

func p0(role string, x *entity) part { return part{role: role, ent: x} }

func (e *event) has(x *entity) bool {
	for _, p := range e.parts {
		if p.ent == x {
			return true
		}
	}
	return false
}

func (e *event) addEvidence(s Span) {
	for _, o := range e.evidence {
		if o == s {
			return
		}
	}
	e.evidence = append(e.evidence, s)
}

// date sets an event's date from the date expression nearest to the
// trigger at offset at, or from the context, or from the publication.
func (x *extraction) date(ev *event, dates []dateRef, at int, si int) {
	lo, hi := x.clauseAround(si, at)
	// a date of another clause ("..., since taking office in 2003") is
	// not this event's
	best := nearestDate(dates, at, func(dr dateRef) bool { return dr.Start >= lo && dr.Start < hi })
	if best < 0 {
		best = x.speechDate(ev, dates, at, si)
	}
	if best >= 0 {
		dr := dates[best]
		ev.date, ev.end, ev.precision, ev.since, ev.dated = dr.date, dr.end, dr.precision, dr.since, true
		return
	}
	if x.pubDate == "" {
		ev.date, ev.precision = "", PrecisionUnknown
		return
	}
	ev.date, ev.precision = x.pubDate, PrecisionDerived
}

// speechDate returns the index in dates of the date of the speech act
// that reports a verbal act of no date of its own, or -1: a threat, an
// appeal or praise made in what someone said is made when he said it
// ("Smith said on Saturday that Ruritania should rethink"), and so is an
// intent to act, which CAMEO codes as a verbal act ("said on Saturday
// that the move would force Ruritania to rethink"). A material act
// reported so keeps no such date: "he said on Monday they had shot down
// a plane" does not date the shooting.
func (x *extraction) speechDate(ev *event, dates []dateRef, at, si int) int {
	cl := x.clause
	if cl.verb < 0 || QuadClass(ev.cameo) != 1 && QuadClass(ev.cameo) != 3 && ev.modality != ModalityPlanned {
		return -1
	}
	toks := x.d.sents[si].tokens
	from := cl.reportedFrom(toks)
	if cl.verb >= len(toks) || cl.to <= from || at < tokStart(toks, from) || at >= tokStart(toks, cl.to) {
		return -1 // not inside the reported words
	}
	lo, hi := x.clauseAround(si, toks[cl.verb].start)
	from0, to0 := tokStart(toks, from), tokStart(toks, cl.to)
	// not a date of the reported words, nor of another clause
	return nearestDate(dates, toks[cl.verb].start, func(dr dateRef) bool {
		return (dr.Start < from0 || dr.Start >= to0) && dr.Start >= lo && dr.Start < hi
	})
}

// nearestDate returns the index in dates of the date nearest to offset at
// among those keep accepts, or -1; a date after at is a little preferred.
func nearestDate(dates []dateRef, at int, keep func(dateRef) bool) int {
	best, bestDist := -1, 1<<30
	for k, dr := range dates {
		if !keep(dr) {
			continue
		}
		dist := dr.Start - at
		if dist < 0 {
			dist = -dist + 1
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// merge adds ev to the article's events, or adds its evidence and parts
// to the event with the same key.
func (x *extraction) merge(ev *event, ev0 Span) *event {
	ev.addEvidence(ev0)
	if ev.key != "" {
		if old, ok := x.byKey[ev.key]; ok {
			old.addEvidence(ev0)
			for _, p := range ev.parts {
				old.addPart(p.role, p.ent)
			}
			if old.cameo == "010" && ev.cameo != "010" {
				old.cameo = ev.cameo
			}
			if old.subtype == "" {
				old.subtype = ev.subtype
			}
			if old.trigger == "" {
				old.trigger = ev.trigger
			}
			if old.precision == PrecisionDerived && ev.precision != PrecisionDerived {
				old.date, old.end, old.precision = ev.date, ev.end, ev.precision
			}
			return old
		}
		x.byKey[ev.key] = ev
	}
	x.events = append(x.events, ev)
	return ev
}

func idOf(e *entity) string {
	if e == nil {
		return ""
	}
	return e.id
}

func firstRole(e *event, role string) *entity {
	for _, p := range e.parts {
		if p.role == role {
			return p.ent
		}
	}
	return nil
}

func (x *extraction) last(typ string) *event {
	for k := len(x.events) - 1; k >= 0; k-- {
		if x.events[k].typ == typ {
			return x.events[k]
		}
	}
	return nil
}

// inherit gives an event without a date of its own the date of an event of
// the sentence before that shares a participant with it ("He is expected to
// have talks ..." after "Lavrov will pay a visit ... on Nov. 20").
func (x *extraction) inherit(ev *event, si int) {
	if ev.dated {
		return
	}
	for k := len(x.events) - 1; k >= 0; k-- {
		o := x.events[k]
		if o.sent < si-1 {
			break
		}
		if o.sent != si-1 || !o.dated || o.typ == TypeStatement {
			continue
		}
		for _, p := range ev.parts {
			if o.has(p.ent) {
				ev.date, ev.end, ev.precision = o.date, o.end, o.precision
				if ev.modality == ModalityAsserted {
					ev.modality = o.modality
				}
				return
			}
		}
	}
}

func partKey(ev *event) string {
	ids := make([]string, 0, len(ev.parts))
	for _, p := range ev.parts {
		ids = append(ids, p.role+":"+p.ent.id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// sentDate is the date of the statement a sentence belongs to, or the
// publication date.
func (x *extraction) sentDate(si int) string {
	for _, ev := range x.events {
		if ev.sent == si && ev.typ == TypeStatement {
			return ev.date
		}
	}
	return x.pubDate
}

// eventID hashes what makes an event the same event: its type, its
// participants and its date.
func eventID(ev *event) string {
	h := sha256.New()
	h.Write([]byte(ev.typ + "|" + ev.subtype + "|" + partKey(ev) + "|" + ev.date + "|" + ev.end + "|" + ev.topic + "|" + strconv.Itoa(ev.ordinal)))
	return "event:" + strings.ToLower(ev.typ) + ":" + hex.EncodeToString(h.Sum(nil)[:6])
}

// tokStart is the offset where token i starts, or the end of the last
// token when i is past the end.
func tokStart(toks []token, i int) int {
	if i < len(toks) {
		return toks[i].start
	}
	return toks[len(toks)-1].end
}

// clauseAround returns the byte range of the clause of sentence si that
// holds offset at: from the boundary before it to the boundary after it.
func (x *extraction) clauseAround(si, at int) (int, int) {
	s := x.d.sents[si]
	lo, hi := s.Start, s.End
	for _, t := range s.tokens {
		if !dateBoundary(t.lower) {
			continue
		}
		if t.end <= at && t.end > lo {
			lo = t.end
		}
		if t.start > at && t.start < hi {
			hi = t.start
		}
	}
	return lo, hi
}

// dateBoundary lists the words that end the reach of a date: "since
// taking office in 2003" dates the taking office, not the visit.
func dateBoundary(w string) bool {
	switch w {
	case ";", "since", "while", "whereas", "after", "before", "when", "until", "which", "who", "because", "although":
		return true
	}
	return false
}
