package expect

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// Case is one record of an event-coding suite (the format of
// shared/eval/events-dev.jsonl): a sentence and the CAMEO events coded for it.
type Case struct {
	ID       string     `json:"id"`
	Suite    string     `json:"suite"`
	Text     string     `json:"text"`
	Date     *string    `json:"date"`
	Expected []Expected `json:"expected"`
	Negative bool       `json:"negative"`
	Evaluate *bool      `json:"evaluate"`
}

// Expected is one coded event of a case.
type Expected struct {
	Code           *string  `json:"code"`
	Root           *string  `json:"root"`
	SourceCountry  *string  `json:"source_country"`
	TargetCountry  *string  `json:"target_country"`
	RootCandidates []string `json:"root_candidates"`
}

// ReadCases reads a suite, one JSON object a line.
func ReadCases(r io.Reader) ([]Case, error) { return readJSONL[Case](r, "case") }

// readJSONL reads one JSON object after another; an error names the
// object, counted from 1, as what n.
func readJSONL[T any](r io.Reader, what string) ([]T, error) {
	dec := json.NewDecoder(r)
	var out []T
	for {
		var c T
		if err := dec.Decode(&c); err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, fmt.Errorf("%s %d: %w", what, len(out)+1, err)
		}
		out = append(out, c)
	}
}

// Input turns a case into extractor input as score.py does: its sentence,
// published on its date (YYYYMMDD written YYYY-MM-DD).
func (c Case) Input() extract.Input {
	in := extract.Input{ID: c.ID, Text: c.Text}
	if d := deref(c.Date); len(d) == 8 && strings.Trim(d, "0123456789") == "" {
		in.Published = d[:4] + "-" + d[4:6] + "-" + d[6:]
	} else {
		in.Published = d
	}
	return in
}

type triple struct{ src, dst, root string }

type pairQuad struct {
	a, b string
	quad int
}

// Counts is a precision / recall tally.
type Counts struct{ TP, FP, FN int }

// P, R and F1 compute the scores; they are 0 on empty tallies.
func (c Counts) P() float64 { return ratio(c.TP, c.TP+c.FP) }

// R is the recall.
func (c Counts) R() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SuiteReport is the score of an extractor on a suite.
type SuiteReport struct {
	Cases        int
	TripleCases  int
	Triples      Counts            // (source country, target country, root)
	Quad         Counts            // (unordered country pair, QuadClass)
	PerRoot      map[string]Counts // by CAMEO root, on triple cases
	CoarseCases  int
	CoarseHits   int
	Negatives    int
	NegativesHit int // negative cases that got an event
	Errors       int // cases the extractor refused
}

// CoarseRate is the share of coarse cases with a predicted root among the candidates.
func (r SuiteReport) CoarseRate() float64 { return ratio(r.CoarseHits, r.CoarseCases) }

// ScoreSuite scores the records predicted for each case. predict returns
// the records for one case, or an error when the extractor refused it.
func ScoreSuite(cases []Case, predict func(Case) ([]extract.Record, error)) SuiteReport {
	rep := SuiteReport{PerRoot: map[string]Counts{}}
	for _, c := range cases {
		if c.Evaluate != nil && !*c.Evaluate {
			continue
		}
		rep.Cases++
		recs, err := predict(c)
		if err != nil {
			rep.Errors++
		}
		got := map[triple]bool{}
		gotQ := map[pairQuad]bool{}
		gotRoots := map[string]bool{}
		for _, r := range recs {
			if r.Source.Country == "" || r.Target.Country == "" {
				gotRoots[r.CAMEORoot] = true
				continue
			}
			got[triple{r.Source.Country, r.Target.Country, r.CAMEORoot}] = true
			gotQ[pq(r.Source.Country, r.Target.Country, r.QuadClass)] = true
			gotRoots[r.CAMEORoot] = true
		}
		if c.Negative {
			rep.Negatives++
			if len(recs) > 0 {
				rep.NegativesHit++
			}
			continue
		}
		want := map[triple]bool{}
		wantQ := map[pairQuad]bool{}
		var candidates []string
		for _, e := range c.Expected {
			root := deref(e.Root)
			if root == "" && e.Code != nil && len(*e.Code) >= 2 {
				root = (*e.Code)[:2]
			}
			if s, t := deref(e.SourceCountry), deref(e.TargetCountry); s != "" && t != "" && root != "" {
				want[triple{s, t, root}] = true
				wantQ[pq(s, t, extract.QuadClass(root))] = true
			}
			candidates = append(candidates, e.RootCandidates...)
			if len(e.RootCandidates) == 0 && root != "" {
				candidates = append(candidates, root)
			}
		}
		if len(want) > 0 {
			rep.TripleCases++
			for t := range got {
				if want[t] {
					rep.Triples.TP++
					bump(rep.PerRoot, t.root, 1, 0, 0)
				} else {
					rep.Triples.FP++
					bump(rep.PerRoot, t.root, 0, 1, 0)
				}
			}
			for t := range want {
				if !got[t] {
					rep.Triples.FN++
					bump(rep.PerRoot, t.root, 0, 0, 1)
				}
			}
			for q := range gotQ {
				if wantQ[q] {
					rep.Quad.TP++
				} else {
					rep.Quad.FP++
				}
			}
			for q := range wantQ {
				if !gotQ[q] {
					rep.Quad.FN++
				}
			}
			continue
		}
		if len(candidates) > 0 {
			rep.CoarseCases++
			for _, r := range candidates {
				if gotRoots[r] {
					rep.CoarseHits++
					break
				}
			}
		}
	}
	return rep
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func pq(a, b string, q int) pairQuad {
	if a > b {
		a, b = b, a
	}
	return pairQuad{a, b, q}
}

func bump(m map[string]Counts, root string, tp, fp, fn int) {
	c := m[root]
	c.TP += tp
	c.FP += fp
	c.FN += fn
	m[root] = c
}

// Write prints the report as a table.
func (r SuiteReport) Write(w io.Writer) {
	fmt.Fprintf(w, "cases: %d (triple cases %d, coarse cases %d, negatives %d, refused %d)\n",
		r.Cases, r.TripleCases, r.CoarseCases, r.Negatives, r.Errors)
	fmt.Fprintf(w, "triples (source country, target country, root): P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
		r.Triples.P(), r.Triples.R(), r.Triples.F1(), r.Triples.TP, r.Triples.FP, r.Triples.FN)
	fmt.Fprintf(w, "QuadClass (unordered pair, quad class):       P %.3f  R %.3f  F1 %.3f\n",
		r.Quad.P(), r.Quad.R(), r.Quad.F1())
	fmt.Fprintf(w, "coarse hit rate: %.3f (%d/%d)\n", r.CoarseRate(), r.CoarseHits, r.CoarseCases)
	fmt.Fprintf(w, "negatives with an event: %d/%d\n", r.NegativesHit, r.Negatives)
	roots := make([]string, 0, len(r.PerRoot))
	for k := range r.PerRoot {
		roots = append(roots, k)
	}
	sort.Strings(roots)
	fmt.Fprintln(w, "root   tp   fp   fn     P     R    F1")
	for _, k := range roots {
		c := r.PerRoot[k]
		fmt.Fprintf(w, "%-4s %4d %4d %4d %5.2f %5.2f %5.2f\n", k, c.TP, c.FP, c.FN, c.P(), c.R(), c.F1())
	}
}
