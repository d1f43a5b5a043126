package expect

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// EventScores are the figures of score.py events, under its names. Unlike
// SuiteReport, every predicted record counts, also one with an unknown
// side, and every case is scored (evaluate: false included).
type EventScores struct {
	Triples   PRF            `json:"triples"`
	Quad      PRF            `json:"quad"`
	Coarse    CoarseScores   `json:"coarse"`
	Negatives NegativeScores `json:"negatives"`
}

// CoarseScores is the share of coarse cases where some record's root is
// among the candidates.
type CoarseScores struct {
	Hit   float64 `json:"hit"`
	Cases int     `json:"cases"`
}

// NegativeScores counts the cases that assert no event and those of them
// that got a record.
type NegativeScores struct {
	Cases     int `json:"cases"`
	WithEvent int `json:"with_event"`
}

// opt is a country that may be absent (Python's None): a case may code
// a side as "" or leave it out, and the two differ.
type opt struct {
	s  string
	ok bool
}

func optOf(p *string) opt { return opt{deref(p), p != nil} }

func (o opt) less(p opt) bool { return !o.ok && p.ok || o.ok == p.ok && o.s < p.s }

type codedTriple struct {
	src, dst opt
	root     string
}

type quadPair struct {
	a, b opt
	quad int // 0: no quad class
}

func (t codedTriple) quad() quadPair {
	a, b := t.src, t.dst
	if b.less(a) {
		a, b = b, a
	}
	return quadPair{a, b, pyQuad(t.root)}
}

// pyQuad is score.py's quad(): the QuadClass of a root, 0 when the root is
// no number.
func pyQuad(root string) int {
	r, err := strconv.Atoi(strings.TrimSpace(root))
	switch {
	case err != nil:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	}
	return 4
}

// recordRoot is the root score.py events reads from a record.
func recordRoot(r extract.Record) string {
	if r.CAMEORoot != "" {
		return prefix(r.CAMEORoot, 2)
	}
	return prefix(r.CAMEO, 2)
}

// ScoreEvents computes what score.py's score_events computes, given every
// record the extractor printed for the cases (in any order): a case's
// records are those that carry its id.
func ScoreEvents(cases []Case, records []extract.Record) EventScores {
	pred := map[string][]extract.Record{}
	for _, r := range records {
		pred[r.ArticleID] = append(pred[r.ArticleID], r)
	}
	var tri, qua Counts
	var coarse CoarseScores
	var neg NegativeScores
	hits := 0
	for _, c := range cases {
		got := pred[c.ID]
		if c.Negative {
			neg.Cases++
			if len(got) > 0 {
				neg.WithEvent++
			}
			continue
		}
		want, wantQ := map[codedTriple]bool{}, map[quadPair]bool{}
		for _, e := range c.Expected {
			if deref(e.Root) != "" {
				t := codedTriple{optOf(e.SourceCountry), optOf(e.TargetCountry), *e.Root}
				want[t], wantQ[t.quad()] = true, true
			}
		}
		if len(want) > 0 {
			have, haveQ := map[codedTriple]bool{}, map[quadPair]bool{}
			for _, r := range got {
				s, d := side(r.Source.Country), side(r.Target.Country)
				t := codedTriple{opt{s, s != ""}, opt{d, d != ""}, recordRoot(r)}
				have[t], haveQ[t.quad()] = true, true
			}
			tally(&tri, have, want)
			tally(&qua, haveQ, wantQ)
			continue
		}
		cands := map[string]bool{}
		for _, e := range c.Expected {
			for _, r := range e.RootCandidates {
				cands[r] = true
			}
		}
		if len(cands) == 0 {
			continue
		}
		coarse.Cases++
		for _, r := range got {
			if cands[recordRoot(r)] {
				hits++
				break
			}
		}
	}
	coarse.Hit = ratio(hits, coarse.Cases)
	return EventScores{Triples: tri.PRF(), Quad: qua.PRF(), Coarse: coarse, Negatives: neg}
}

// Write prints the figures as score.py events does.
func (s EventScores) Write(w io.Writer) {
	writePRF(w, "triples", s.Triples)
	writePRF(w, "quad", s.Quad)
	fmt.Fprintf(w, "%-10s {'hit': %s, 'cases': %d}\n", "coarse", pyFloat(s.Coarse.Hit), s.Coarse.Cases)
	fmt.Fprintf(w, "%-10s {'cases': %d, 'with_event': %d}\n", "negatives", s.Negatives.Cases, s.Negatives.WithEvent)
}
