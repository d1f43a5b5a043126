package export

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/export")

// goldenDir holds the export snapshots, beside the other golden files.
const goldenDir = "../../testdata/export"

// exportTime is the DTSTAMP of the golden calendar.
var exportTime = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

func export(t *testing.T, src Source, format string, f graph.EventFilter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, format, src, f, Options{Now: exportTime, Title: "seed"}); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden writes the seed selection in every format and compares it
// with testdata/export/seed.<format>.golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, name := range FormatNames() {
		t.Run(name, func(t *testing.T) {
			got := export(t, seedSource(), name, graph.EventFilter{})
			path := filepath.Join(goldenDir, "seed."+name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./server/export -update writes it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestDeterministic: two exports of the same graph are the same bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range FormatNames() {
		a, b := export(t, seedSource(), name, graph.EventFilter{}), export(t, seedSource(), name, graph.EventFilter{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", name)
		}
	}
}

// TestSameIDs: every format names the events by the same ids.
func TestSameIDs(t *testing.T) {
	for _, name := range FormatNames() {
		if name == "gephi-edges" {
			continue // edges name events as sources, checked below
		}
		out := string(export(t, seedSource(), name, graph.EventFilter{}))
		for _, id := range []string{"event:visit-2017-11-20", "event:anniversary-1992"} {
			if !strings.Contains(out, id) {
				t.Errorf("%s does not name %s", name, id)
			}
		}
		if !strings.Contains(out, seedArticle) {
			t.Errorf("%s does not name the article %s", name, seedArticle)
		}
	}
}

func TestICSLines(t *testing.T) {
	out := export(t, seedSource(), "ics", graph.EventFilter{})
	if !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("calendar does not end with END:VCALENDAR CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, more than 75: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Errorf("no folded line in the seed calendar")
	}
	s := string(out)
	for _, want := range []string{
		"UID:event:visit-2017-11-20@dipgraph\r\n",
		"DTSTAMP:20261207T120000Z\r\n",
		"DTSTART;VALUE=DATE:20171120\r\nDTEND;VALUE=DATE:20171122\r\n",
		"DTSTART;VALUE=DATE:19920101\r\nRRULE:FREQ=YEARLY\r\n",
		"DTSTART;VALUE=DATE:20171101\r\nDTEND;VALUE=DATE:20171201\r\n", // a month
		"STATUS:TENTATIVE\r\n",
		"SUMMARY:Lavrov on the partnership\r\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	if strings.Contains(s, "conflict-undated") {
		t.Errorf("calendar holds the undated event")
	}
}

func TestTimelineDates(t *testing.T) {
	for _, tc := range []struct {
		precision  string
		from, to   string
		start, end string
	}{
		{"day", "2017-11-20", "2017-11-21", "{2017 11 20}", "{2017 11 21}"},
		{"day", "2017-11-20", "2017-11-20", "{2017 11 20}", "<nil>"},
		{"month", "2017-11-01", "2017-11-30", "{2017 11 0}", "<nil>"},
		{"month", "2017-11-01", "2018-01-31", "{2017 11 0}", "{2018 1 0}"},
		{"year", "1992-01-01", "1992-12-31", "{1992 0 0}", "<nil>"},
		{"decade", "1990-01-01", "1999-12-31", "{1990 0 0}", "{1999 0 0}"},
		{"derived", "2021-05-17", "2021-05-17", "{2021 5 17}", "<nil>"},
	} {
		s, e, ok := datesOf(tc.precision, date(tc.from), date(tc.to))
		str := func(d *tlDate) string {
			if d == nil {
				return "<nil>"
			}
			return fmt.Sprint(*d)
		}
		if !ok || str(s) != tc.start || str(e) != tc.end {
			t.Errorf("datesOf(%s, %s, %s) = %s, %s, %v; want %s, %s", tc.precision, tc.from, tc.to, str(s), str(e), ok, tc.start, tc.end)
		}
	}
	if _, _, ok := datesOf("unknown", time.Time{}, time.Time{}); ok {
		t.Errorf("datesOf of an undated event: ok")
	}
}

func TestSides(t *testing.T) {
	src := seedSource()
	names := func(ps []graph.Participant) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.EntityID)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct{ id, src, dst string }{
		{"event:visit-2017-11-20", "person:sergey-lavrov", "country:AZE"},
		{"event:meeting-2017-11-20", "country:AZE", "country:RUS"},
		{"event:statement-2017-11-16", "person:sergey-lavrov", "country:AZE"},
		{"event:phonecall-2017-11", "", ""},
	} {
		ev, _ := src.byID(tc.id)
		s, d := sides(ev)
		if names(s) != tc.src || names(d) != tc.dst {
			t.Errorf("sides(%s) = %q, %q; want %q, %q", tc.id, names(s), names(d), tc.src, tc.dst)
		}
	}
}

func TestParseFilter(t *testing.T) {
	from, to := date("2017-01-01"), date("2017-12-31")
	yes := true
	for _, tc := range []struct {
		query string
		want  graph.EventFilter
		bad   bool
	}{
		{query: "", want: graph.EventFilter{}},
		{query: "type=visit,PHONE_CALL&type=Meeting&country=aze&involving=country:AZE,country:RUS",
			want: graph.EventFilter{Types: []string{"Visit", "PhoneCall", "Meeting"}, Countries: []string{"AZE"},
				Involving: []string{"country:AZE", "country:RUS"}}},
		{query: "from=2017&to=2017&dated=true&root=4&cameo=042&quad=1,2&text=minsk",
			want: graph.EventFilter{From: &from, To: &to, Dated: &yes, CAMEORoots: []string{"04"},
				CAMEOCodes: []string{"042"}, QuadClasses: []int{1, 2}, Text: "minsk"}},
		{query: "type=picnic", bad: true},
		{query: "quad=5", bad: true},
		{query: "cameo=04a", bad: true},
		{query: "country=Azerbaijan", bad: true},
		{query: "from=2018&to=2017", bad: true},
		{query: "from=yesterday", bad: true},
		{query: "colour=red", bad: true},
		{query: "from=2017&from=2018", bad: true},
	} {
		q, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseFilter(q)
		if tc.bad {
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("ParseFilter(%q): %v, want ErrInvalid", tc.query, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tc.query, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseFilter(%q) (-want +got):\n%s", tc.query, diff)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(context.Background(), io.Discard, "pdf", seedSource(), graph.EventFilter{}, Options{})
	if !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Write pdf: %v, want ErrInvalid", err)
	}
}

// TestFilterReachesSource: the selection is the filter's, in every part.
func TestFilterReachesSource(t *testing.T) {
	out := string(export(t, seedSource(), "json", graph.EventFilter{Types: []string{"Statement"}}))
	for _, want := range []string{"event:statement-2017-11-16", "person:sergey-lavrov", "country:AZE", seedArticle} {
		if !strings.Contains(out, want) {
			t.Errorf("export of the statement lacks %s", want)
		}
	}
	for _, not := range []string{"event:visit-2017-11-20", "place:baku", "STRATEGIC_PARTNER"} {
		if strings.Contains(out, not) {
			t.Errorf("export of the statement holds %s", not)
		}
	}
}
