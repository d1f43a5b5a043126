package export

import (
	"html"
	"io"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
)

// timelineJS writes the JSON of Knight Lab's TimelineJS 3
// (https://timeline.knightlab.com/docs/json-format.html): a title slide
// and one slide per dated event, with start_date (and end_date for a
// range) holding only the parts its precision allows (a year; a year and
// month; or a day), the label as headline, the evidence sentence as text
// with a link to its article and its spans, media.url the article's URL, group the
// event type and unique_id our event id. TimelineJS places every slide
// on a date, so undated events are left out.
type timelineJS struct {
	jsonList
	title string
}

func newTimelineJS(w io.Writer, o Options) writer {
	return &timelineJS{jsonList: jsonList{o: newOut(w)}, title: o.Title}
}

// tlDate is a TimelineJS date: only the parts the precision gives.
type tlDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

type tlText struct {
	Headline string `json:"headline,omitempty"`
	Text     string `json:"text,omitempty"`
}

type tlMedia struct {
	URL     string `json:"url"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

type tlSlide struct {
	StartDate   *tlDate  `json:"start_date,omitempty"`
	EndDate     *tlDate  `json:"end_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        tlText   `json:"text"`
	Media       *tlMedia `json:"media,omitempty"`
	Group       string   `json:"group,omitempty"`
	UniqueID    string   `json:"unique_id"`
}

func (t *timelineJS) begin() error {
	title, err := jsonText(struct {
		Text tlText `json:"text"`
	}{tlText{Headline: html.EscapeString(t.title)}})
	t.o.str("{\n  \"title\": ", title, ",\n  \"events\": [\n")
	if err != nil && t.o.err == nil {
		t.o.err = err
	}
	return t.o.err
}

// datesOf returns the TimelineJS dates of an event's [from, to] at its
// precision: the end only when it differs from the start at that
// precision. ok is false for an undated event.
func datesOf(precision string, from, to time.Time) (start, end *tlDate, ok bool) {
	if from.IsZero() {
		return nil, nil, false
	}
	cut := func(t time.Time) *tlDate {
		switch precision {
		case extract.PrecisionYear, extract.PrecisionDecade:
			return &tlDate{Year: t.Year()}
		case extract.PrecisionMonth:
			return &tlDate{Year: t.Year(), Month: int(t.Month())}
		}
		return &tlDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	start = cut(from)
	if !to.IsZero() {
		if e := cut(to); *e != *start {
			end = e
		}
	}
	return start, end, true
}

func (t *timelineJS) event(r *row) error {
	ev, p := r.Event, provenanceOf(r)
	start, end, ok := datesOf(ev.Precision, ev.From, ev.To)
	if !ok {
		return nil
	}
	s := tlSlide{StartDate: start, EndDate: end, Group: ev.Type, UniqueID: ev.ID,
		Text: tlText{Headline: html.EscapeString(ev.Label)}}
	if ev.Precision == extract.PrecisionDerived {
		s.DisplayDate = "reported " + ev.Date
	}
	if p.sentence != "" {
		s.Text.Text = "<blockquote>" + html.EscapeString(p.sentence) + "</blockquote>"
		if p.url != "" {
			s.Text.Text += `<p><a href="` + html.EscapeString(p.url) + `">` + html.EscapeString(orString(p.title, p.url)) + "</a></p>"
		}
		s.Text.Text += "<p><small>" + html.EscapeString(strings.Join(p.spans, " ")) + "</small></p>"
	}
	if p.url != "" {
		s.Media = &tlMedia{URL: p.url, Caption: p.title, Credit: p.source}
	}
	t.item(s)
	return t.o.err
}

func (t *timelineJS) end() error {
	t.o.str("\n  ]\n}\n")
	return t.o.flush()
}

func orString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
