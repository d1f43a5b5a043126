package extract

import "strings"

// frameName is a trigger's frame (the frame column of triggers.tsv): which
// handler reads its participants, and what each argument means.
type frameName string

// The frames; the generator accepts exactly these in triggers.tsv
// (TestFramesAreTheExtractorsOwn).
const (
	frameVisit       frameName = "visit"       // a visitor and the hosts visited
	frameMeet        frameName = "meet"        // a meeting of a subject with others
	frameSym         frameName = "sym"         // a meeting of sides named as one ("A and B met")
	frameSVO         frameName = "svo"         // a source acting on a target
	frameHost        frameName = "host"        // a host and its visitor
	frameState       frameName = "state"       // a subject's stance ("is committed to")
	frameRecv        frameName = "recv"        // a receiver and the giver it received from
	frameMediate     frameName = "mediate"     // a mediator and the parties
	frameAgreement   frameName = "agreement"   // the parties that conclude it
	frameBetween     frameName = "between"     // an agreement of the sides "between" which it is
	frameConflict    frameName = "conflict"    // a conflict noun, of a region or between parties
	frameResolution  frameName = "resolution"  // a body's resolution
	frameAnniversary frameName = "anniversary" // an anniversary and its parties
)

// frame fills in the participants of a triggered event.
func (x *extraction) frame(si int, tr trigger, i, n int, ms []mention, cl clause, dates func() []dateRef) *event {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	from, to := 0, len(toks)
	if cl.verb >= 0 {
		if i >= cl.from && i < cl.to {
			from, to = cl.from, cl.to
		}
	}
	ev := &event{typ: tr.typ, cameo: tr.cameo, subtype: tr.subtype, sent: si, trigger: s.text[toks[i].start-s.Start : toks[min(i+n, len(toks))-1].end-s.Start]}
	if cl.speaker != nil && i >= cl.from && i < cl.to {
		ev.attribution = cl.speaker
	}
	ev.modality = modality(toks, from, i)
	ev0 := Span{s.Start, s.End}
	after := i + n
	f := &frameCall{si: si, tr: tr, i: i, n: n, ms: ms, cl: cl, dates: dates, s: s, toks: toks, from: from, to: to, after: after, ev: ev, ev0: ev0}
	switch tr.frame {
	case frameVisit:
		return x.visitFrame(f)
	case frameMeet, frameSym:
		return x.meetFrame(f)
	case frameAnniversary:
		return x.anniversaryFrame(f)
	case frameConflict:
		return x.conflictFrame(f)
	case frameMediate:
		return x.mediateFrame(f)
	case frameRecv:
		return x.receiveFrame(f)
	case frameSVO, frameHost, frameState:
		return x.actFrame(f)
	case frameAgreement, frameBetween:
		return x.agreementFrame(f)
	case frameResolution:
		return x.resolutionFrame(f)
	}
	return nil
}

// frameCall is what a frame handler reads: the trigger tr matched at
// tokens [i, i+n) of sentence si (after is i+n), the sentence's mentions,
// reported clause and dates (read on demand), the token range [from, to)
// of the clause that holds the trigger, and the event begun from the
// trigger, whose evidence is the sentence's span ev0.
type frameCall struct {
	si       int
	tr       trigger
	i, n     int
	ms       []mention
	cl       clause
	dates    func() []dateRef
	s        sentence
	toks     []token
	from, to int
	after    int
	ev       *event
	ev0      Span
}

// topicAfter reads "on X", "of X", "since X" after a trigger up to the end of the clause.
func topicAfter(toks []token, i int, text string) string {
	for k := i + 1; k < len(toks) && k < i+12; k++ {
		switch toks[k].lower {
		case "on", "of", "since", "about":
			if k+1 >= len(toks) {
				return ""
			}
			end := k + 1
		scan:
			for ; end < len(toks); end++ {
				switch t := toks[end]; {
				case t.text == "." || t.text == ";" || t.text == "”" || t.text == "\"" || t.lower == "between" || t.lower == "from":
					break scan
				case t.text == "," && end+1 < len(toks) && (speechVerbs[toks[end+1].lower] || isVerbish(toks[end+1].lower) || isCloser(toks[end+1].text)):
					break scan
				case t.lower == "and" && end+1 < len(toks) && isVerbish(toks[end+1].lower):
					break scan
				}
			}
			for end > k+1 && (toks[end-1].text == "," || toks[end-1].lower == "and") {
				end--
			}
			if end > k+1 {
				t := text[toks[k+1].start:toks[end-1].end]
				for _, art := range []string{"the ", "a ", "an "} {
					t = strings.TrimPrefix(t, art)
				}
				return t
			}
			return ""
		}
	}
	return ""
}
