package export

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/extract"
)

// ics writes an iCalendar stream (RFC 5545): one all-day VEVENT per dated
// event, with
//   - UID <event id>@dipgraph, stable across exports, so a calendar that
//     subscribes updates its events instead of adding them again;
//   - DTSTAMP the export's time (Options.Now), in UTC;
//   - DTSTART;VALUE=DATE the first day the date covers, and DTEND (the
//     day after the last, as RFC 5545 wants) when it covers more than one
//     day: a range, or a month or year known only so far;
//   - an anniversary is its first day, repeated yearly (RRULE:FREQ=YEARLY),
//     without DTEND even when its date is only a year: a year-long event
//     repeating yearly would fill the calendar;
//   - SUMMARY the label, DESCRIPTION the evidence sentence, its article
//     and the date as the text gives it, URL the article's, CATEGORIES
//     the event type, STATUS TENTATIVE for planned or hypothetical events
//     and CONFIRMED for the rest.
//
// Lines end with CRLF and are folded at 75 octets, never inside a UTF-8
// sequence. Undated events are left out: a calendar has no place for them.
type ics struct {
	o                *out
	title, timestamp string
}

func newICS(w io.Writer, o Options) writer {
	return &ics{o: newOut(w), title: o.Title, timestamp: o.Now.UTC().Format("20060102T150405Z")}
}

// line writes one content line, folded.
func (c *ics) line(name, value string) {
	l := name + ":" + value
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		c.o.str(l[:cut], "\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	c.o.str(l, "\r\n")
}

// icsText escapes a TEXT value.
var icsText = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func (c *ics) begin() error {
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", "-//dipgraph//dipgraph export//EN")
	c.line("CALSCALE", "GREGORIAN")
	c.line("METHOD", "PUBLISH")
	c.line("X-WR-CALNAME", icsText.Replace(c.title))
	return c.o.err
}

func (c *ics) event(r *row) error {
	ev, p := r.Event, provenanceOf(r)
	if ev.From.IsZero() {
		return nil
	}
	c.line("BEGIN", "VEVENT")
	c.line("UID", ev.ID+"@dipgraph")
	c.line("DTSTAMP", c.timestamp)
	c.line("DTSTART;VALUE=DATE", ev.From.Format("20060102"))
	switch {
	case ev.Type == extract.TypeAnniversary:
		// one day a year; a year-long event repeating yearly would
		// fill the calendar
		c.line("RRULE", "FREQ=YEARLY")
	case !ev.To.IsZero() && ev.To.After(ev.From):
		c.line("DTEND;VALUE=DATE", ev.To.AddDate(0, 0, 1).Format("20060102"))
	}
	c.line("SUMMARY", icsText.Replace(ev.Label))
	desc := p.sentence
	if p.article != "" {
		desc += "\n\n" + orString(p.title, p.article)
		if p.source != "" {
			desc += " (" + p.source + ")"
		}
	}
	desc += "\nDate: " + ev.Date
	if ev.End != "" {
		desc += ".." + ev.End
	}
	desc += " (" + ev.Precision + ")\nEvidence: " + strings.Join(p.spans, " ")
	c.line("DESCRIPTION", icsText.Replace(strings.TrimSpace(desc)))
	if p.url != "" {
		c.line("URL", strings.NewReplacer("\r", "", "\n", "").Replace(p.url))
	}
	c.line("CATEGORIES", icsText.Replace(ev.Type))
	status := "CONFIRMED"
	if ev.Modality == extract.ModalityPlanned || ev.Modality == extract.ModalityHypothetical {
		status = "TENTATIVE"
	}
	c.line("STATUS", status)
	c.line("TRANSP", "TRANSPARENT")
	c.line("END", "VEVENT")
	return c.o.err
}

func (c *ics) end() error {
	c.line("END", "VCALENDAR")
	return c.o.flush()
}
