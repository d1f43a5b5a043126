package extract

import (
	"strconv"
	"strings"
)

// anniversaryFrame reads an anniversary ("the 25th anniversary of"): its
// ordinal, its year and origin year, and the parties after it.
func (x *extraction) anniversaryFrame(f *frameCall) *event {
	d, toks, to, ev, ev0, i, si, ms, dates := x.d, f.toks, f.to, f.ev, f.ev0, f.i, f.si, f.ms, f.dates
	ord := 0
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if o := ordinal(toks[k].lower); o > 0 {
			ord = o
			break
		}
	}
	if ord == 0 {
		return nil
	}
	ev.ordinal = ord
	x.date(ev, dates(), toks[i].start, si)
	if ev.precision == PrecisionDerived {
		ev.date = x.pubYear()
	}
	if len(ev.date) >= 4 {
		ev.date, ev.end = ev.date[:4], ""
		ev.precision = PrecisionYear
		if y, err := strconv.Atoi(ev.date); err == nil {
			ev.origin = strconv.Itoa(y - ord)
		}
	}
	ev.topic = topicAfter(toks, i, d.text)
	for _, m := range ms {
		if m.tok > i && m.form == 'g' {
			for _, e := range m.group {
				ev.addPart("party", e)
			}
		} else if m.tok > i && isActor(m) && m.tok < to {
			ev.addPart("party", m.ent)
		}
	}
	ev.modality = ModalityAsserted
	ev.key = "anniversary|" + strconv.Itoa(ord) + "|" + partKey(ev)
	if strings.Contains(ev.topic, "diplomatic relations") && len(ev.parts) == 2 {
		x.rels = append(x.rels, relation{typ: "DIPLOMATIC_RELATIONS", a: ev.parts[0].ent, b: ev.parts[1].ent, date: ev.origin, ev: ev0})
	}
	return x.merge(ev, ev0)
}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30,
	"fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "twenty-fifth": 25, "thirty-fifth": 35, "seventy-fifth": 75}

func ordinal(w string) int {
	if n, ok := ordinalWords[w]; ok {
		return n
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(w, suf)); err == nil && n > 0 && n < 1000 {
				return n
			}
		}
	}
	return 0
}
