package expect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// ArticleCase is one line of an annotated-article file (the format of
// shared/eval/articles-dev.jsonl, rules in its ARTICLES.md): an article
// and what an analyst wants from it.
type ArticleCase struct {
	ID        string            `json:"id"`
	Countries []string          `json:"countries"`
	People    []AnnotatedPerson `json:"people"`
	Events    []AnnotatedEvent  `json:"events"`
	input     map[string]json.RawMessage
}

// AnnotatedPerson is a person the article speaks of.
type AnnotatedPerson struct {
	Name string `json:"name"`
}

// AnnotatedEvent is an event the article reports. Source and target are
// an ISO3 code, "IGO:<name>", null, or an object with a "country".
type AnnotatedEvent struct {
	CAMEO     *string         `json:"cameo"`
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
	Date      *string         `json:"date"`
	Precision *string         `json:"precision"`
}

// inputFields are the fields of an annotated article that score.py hands
// to the extractor.
var inputFields = []string{"id", "title", "text", "published", "source", "url"}

// ReadArticleCases reads an annotated-article file, one JSON object a line.
func ReadArticleCases(r io.Reader) ([]ArticleCase, error) {
	return readJSONL[ArticleCase](r, "article")
}

// UnmarshalJSON reads an annotated article and keeps its fields as given,
// for the input score.py would write (InputJSON).
func (a *ArticleCase) UnmarshalJSON(b []byte) error {
	type plain ArticleCase
	if err := json.Unmarshal(b, (*plain)(a)); err != nil {
		return err
	}
	return json.Unmarshal(b, &a.input)
}

// InputJSON is the JSON line score.py writes for the article to be
// extracted: its id, title, text, published, source and url as given, null
// where absent (a "date" field, say, is not passed on).
func (a ArticleCase) InputJSON() []byte {
	m := map[string]json.RawMessage{}
	for _, k := range inputFields {
		m[k] = json.RawMessage("null")
		if v, ok := a.input[k]; ok {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // the values were decoded from JSON
	}
	return b
}

// ArticleScores are the figures of score.py articles, under its names.
type ArticleScores struct {
	Countries PRF        `json:"countries"`
	People    PRF        `json:"people"`
	Events    PRF        `json:"events"`
	Dates     DateScores `json:"dates"`
	Articles  int        `json:"articles"`
}

// DateScores is the share of matched event keys with a stated date whose
// predicted date starts with the annotated one.
type DateScores struct {
	Accuracy        float64 `json:"accuracy"`
	MatchedWithDate int     `json:"matched_with_date"`
}

// ScoreArticles computes what score.py's score_articles computes, given
// what the extractor printed for the articles in order: the graphs
// (`dipgraph extract`) and the records (`dipgraph extract -format events`).
// As there, a graph is found by its article id (the last one of an id
// wins), the records of an id are all those that carry it, and each event
// key takes the first record and the first annotated event that have it.
func ScoreArticles(cases []ArticleCase, graphs []extract.Result, records []extract.Record) ArticleScores {
	byID := map[string]extract.Result{}
	for _, g := range graphs {
		byID[g.Article.ID] = g
	}
	recs := map[string][]extract.Record{}
	for _, r := range records {
		recs[r.ArticleID] = append(recs[r.ArticleID], r)
	}
	var countries, people, events Counts
	var dates DateScores
	datesOK := 0
	for _, a := range cases {
		pc, pp := map[string]bool{}, map[string]bool{}
		for _, n := range byID[a.ID].Nodes {
			switch n.Type {
			case extract.TypeCountry:
				if iso, _ := n.Properties[extract.PropISO3].(string); iso != "" {
					pc[strings.ToUpper(iso)] = true
				}
			case extract.TypePerson:
				pp[surname(n.Name)] = true
			}
		}
		gc, gp := map[string]bool{}, map[string]bool{}
		for _, c := range a.Countries {
			gc[strings.ToUpper(c)] = true
		}
		for _, p := range a.People {
			gp[surname(p.Name)] = true
		}
		pe := map[string]extract.Record{}
		for _, r := range recs[a.ID] {
			code := r.CAMEO
			if code == "" {
				code = r.CAMEORoot
			}
			k := eventKey(side(r.Source.Country), side(r.Target.Country), rootKey(code))
			if _, ok := pe[k]; !ok {
				pe[k] = r
			}
		}
		ge := map[string]AnnotatedEvent{}
		for _, e := range a.Events {
			k := eventKey(rawSide(e.Source), rawSide(e.Target), rootKey(deref(e.CAMEO)))
			if _, ok := ge[k]; !ok {
				ge[k] = e
			}
		}
		tally(&countries, pc, gc)
		tally(&people, pp, gp)
		tally(&events, keys(pe), keys(ge))
		for k, e := range ge {
			r, ok := pe[k]
			want := deref(e.Date)
			if !ok || want == "" || deref(e.Precision) == "reported" {
				continue
			}
			dates.MatchedWithDate++
			if strings.HasPrefix(r.Date, want) {
				datesOK++
			}
		}
	}
	dates.Accuracy = ratio(datesOK, dates.MatchedWithDate)
	return ArticleScores{Countries: countries.PRF(), People: people.PRF(), Events: events.PRF(),
		Dates: dates, Articles: len(cases)}
}

// eventKey is score.py's event key: the set of the known sides and the root.
func eventKey(src, dst, root string) string {
	sides := []string{}
	for _, s := range []string{src, dst} {
		if s != "" && !slices.Contains(sides, s) {
			sides = append(sides, s)
		}
	}
	slices.Sort(sides)
	return strings.Join(sides, "+") + " " + root
}

// rawSide is side() of an annotated source or target: a string, or an
// object's "country"; anything else is unknown.
func rawSide(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '{' {
		var o struct {
			Country json.RawMessage `json:"country"`
		}
		if json.Unmarshal(raw, &o) != nil {
			return ""
		}
		raw = o.Country
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return side(s)
}

func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// Write prints the figures as score.py articles does.
func (s ArticleScores) Write(w io.Writer) {
	writePRF(w, "countries", s.Countries)
	writePRF(w, "people", s.People)
	writePRF(w, "events", s.Events)
	fmt.Fprintf(w, "%-10s {'accuracy': %s, 'matched_with_date': %d}\n", "dates", pyFloat(s.Dates.Accuracy), s.Dates.MatchedWithDate)
	fmt.Fprintf(w, "%-10s %d\n", "articles", s.Articles)
}
