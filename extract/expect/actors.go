package expect

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// ActorCase is one record of an actor-resolution suite (the format of
// shared/eval/actors-dev.jsonl): a phrase, an optional context and date,
// and the country and sector expected for it.
type ActorCase struct {
	ID       string        `json:"id"`
	Kind     string        `json:"kind"`
	Text     string        `json:"actor_text"`
	Context  string        `json:"context"`
	Date     string        `json:"date"`
	Expected ActorExpected `json:"expected"`
}

// ActorExpected is what a case expects. A field that is absent is not
// scored; an empty one expects no country or no sector. IsNone expects the
// resolver to recognise nothing.
type ActorExpected struct {
	Country *string `json:"country"`
	Code1   *string `json:"code_1"`
	Code2   *string `json:"code_2"`
	IsNone  bool    `json:"is_none"`
}

// ReadActorCases reads an actor suite, one JSON object a line.
func ReadActorCases(r io.Reader) ([]ActorCase, error) { return readJSONL[ActorCase](r, "case") }

// Tally counts hits among scored cases.
type Tally struct{ Hits, Scored int }

// Rate is the share of hits; 0 when nothing was scored.
func (t Tally) Rate() float64 { return ratio(t.Hits, t.Scored) }

// String prints the rate and the counts: "0.750 (3/4)", or "n/a" when
// nothing was scored.
func (t Tally) String() string {
	if t.Scored == 0 {
		return "  n/a"
	}
	return fmt.Sprintf("%.3f (%d/%d)", t.Rate(), t.Hits, t.Scored)
}

func (t *Tally) add(hit bool) {
	t.Scored++
	if hit {
		t.Hits++
	}
}

// ActorTallies are the three scores of a group of cases.
type ActorTallies struct {
	Cases                       int
	Country, Sector, Both       Tally
	StrictCountry, StrictSector Tally // without the vocabulary mapping of ScoreActors
}

// ActorMiss is a scored case the resolver got wrong.
type ActorMiss struct {
	Case ActorCase
	Got  extract.ActorCode
}

// ActorReport is the score of a resolver on an actor suite.
type ActorReport struct {
	ActorTallies
	PerKind map[string]ActorTallies
	Misses  []ActorMiss
}

// ScoreActors resolves every case and scores the country, the sector and
// both together.
//
//   - A case expecting nothing (is_none) is a hit, on every score, when
//     the resolver knows nothing.
//   - The country is scored when the case gives one. The suite's EUR (the
//     EU) and UNO (the UN and its agencies) count as IGO, the first three
//     letters CAMEO gives them.
//   - The sector is scored when the case gives code_1; it is a hit when the
//     resolver's sector is code_1 or, if given, code_2 (the suite codes some
//     actors with two sectors, GOV and MIL for a defence minister). The
//     suite's own codes are read in CAMEO's: JRN (journalists) as MED
//     (media), MED (medical) as HLH (health), UNK (unknown) as no sector; the
//     resolver's DIP, a project extension, as CAMEO's GOV. A code_1 of
//     "????" is not scored.
//   - Both is scored when the country and the sector are, and is a hit
//     when both are.
//
// StrictCountry and StrictSector compare the codes as written, with no
// mapping.
func ScoreActors(cases []ActorCase, resolve func(ActorCase) extract.ActorCode) ActorReport {
	rep := ActorReport{PerKind: map[string]ActorTallies{}}
	for _, c := range cases {
		got := resolve(c)
		k := rep.PerKind[c.Kind]
		miss := scoreActor(&rep.ActorTallies, c, got)
		scoreActor(&k, c, got)
		rep.PerKind[c.Kind] = k
		if miss {
			rep.Misses = append(rep.Misses, ActorMiss{Case: c, Got: got})
		}
	}
	return rep
}

// scoreActor adds one case to t and reports whether it missed a score.
func scoreActor(t *ActorTallies, c ActorCase, got extract.ActorCode) (miss bool) {
	t.Cases++
	e := c.Expected
	if e.IsNone {
		hit := !got.Known
		for _, x := range []*Tally{&t.Country, &t.Sector, &t.Both, &t.StrictCountry, &t.StrictSector} {
			x.add(hit)
		}
		return !hit
	}
	var cHit, sHit bool
	cScored := e.Country != nil
	if cScored {
		cHit = ngecCountry(*e.Country) == got.Country
		t.Country.add(cHit)
		t.StrictCountry.add(*e.Country == got.Country)
	}
	sScored := e.Code1 != nil && *e.Code1 != "????"
	if sScored {
		sHit = ngecSector(*e.Code1) == cameoSector(got.Sector)
		strict := *e.Code1 == got.Sector
		if e.Code2 != nil && *e.Code2 != "" {
			sHit = sHit || ngecSector(*e.Code2) == cameoSector(got.Sector)
			strict = strict || *e.Code2 == got.Sector
		}
		t.Sector.add(sHit)
		t.StrictSector.add(strict)
	}
	if cScored && sScored {
		t.Both.add(cHit && sHit)
	}
	return cScored && !cHit || sScored && !sHit
}

// ngecCountry reads a country code of the NGEC suite as CAMEO's.
func ngecCountry(s string) string {
	switch s {
	case "EUR", "UNO":
		return "IGO"
	}
	return s
}

// ngecSector reads a sector code of the NGEC suite as CAMEO's.
func ngecSector(s string) string {
	switch s {
	case "JRN":
		return "MED"
	case "MED":
		return "HLH"
	case "UNK":
		return ""
	}
	return s
}

// cameoSector reads a sector of the extractor as CAMEO's: diplomats are
// government.
func cameoSector(s string) string {
	if s == "DIP" {
		return "GOV"
	}
	return s
}

// Write prints the report; verbose adds every miss.
func (r ActorReport) Write(w io.Writer, verbose bool) {
	line := func(label string, t ActorTallies) {
		fmt.Fprintf(w, "%-16s %4d  country %s  sector %s  both %s\n", label, t.Cases, t.Country, t.Sector, t.Both)
	}
	fmt.Fprintln(w, "kind            cases")
	line("all", r.ActorTallies)
	kinds := make([]string, 0, len(r.PerKind))
	for k := range r.PerKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		line(k, r.PerKind[k])
	}
	fmt.Fprintf(w, "codes as written (no EUR/UNO->IGO, JRN->MED, MED->HLH, UNK->none, DIP->GOV): country %s  sector %s\n",
		r.StrictCountry, r.StrictSector)
	fmt.Fprintf(w, "misses: %d\n", len(r.Misses))
	if !verbose {
		return
	}
	for _, m := range r.Misses {
		c := m.Case
		var want []string
		if c.Expected.IsNone {
			want = append(want, "nothing")
		}
		if c.Expected.Country != nil {
			want = append(want, "country="+quoteEmpty(*c.Expected.Country))
		}
		if c.Expected.Code1 != nil {
			want = append(want, "sector="+quoteEmpty(*c.Expected.Code1))
		}
		if c.Expected.Code2 != nil {
			want = append(want, "sector2="+quoteEmpty(*c.Expected.Code2))
		}
		extra := ""
		if c.Date != "" {
			extra += " date=" + c.Date
		}
		if c.Context != "" {
			extra += fmt.Sprintf(" context=%q", c.Context)
		}
		fmt.Fprintf(w, "  %s %q%s: got country=%s sector=%s (%s), want %s\n", c.ID, c.Text, extra,
			quoteEmpty(m.Got.Country), quoteEmpty(m.Got.Sector), m.Got.Name, strings.Join(want, " "))
	}
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}
