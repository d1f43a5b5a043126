package expect

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract"
)

// rec is a record of article "a" from src to dst.
func rec(src, dst, code, date string) extract.Record {
	return extract.Record{ArticleID: "a", CAMEO: code, CAMEORoot: prefix(code, 2), Date: date,
		Source: extract.Actor{Country: src}, Target: extract.Actor{Country: dst}}
}

func TestScoreArticlesEvents(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events string // the annotated events, JSON
		recs   []extract.Record
		want   Counts
		dates  DateScores
	}{
		{name: "an IGO side is unknown",
			events: `[{"cameo": "112", "source": "IGO:UN", "target": "IRN"}]`,
			recs:   []extract.Record{rec("IGO", "IRN", "112", "")},
			want:   Counts{TP: 1}},
		{name: "036 counts as 04, sides unordered",
			events: `[{"cameo": "042", "source": "USA", "target": "JPN"}]`,
			recs:   []extract.Record{rec("JPN", "USA", "036", "")},
			want:   Counts{TP: 1}},
		{name: "a record of no known side keys the empty set",
			events: `[{"cameo": "010", "source": null, "target": null}]`,
			recs:   []extract.Record{rec("", "", "010", ""), rec("", "IGO", "020", "")},
			want:   Counts{TP: 1, FP: 1}},
		{name: "a key counts once an article",
			events: `[{"cameo": "040", "source": "RUS", "target": "AZE"}, {"cameo": "043", "source": "AZE", "target": "RUS"}]`,
			recs:   []extract.Record{rec("RUS", "AZE", "042", ""), rec("AZE", "RUS", "043", "")},
			want:   Counts{TP: 1}},
		{name: "NGO is a side",
			events: `[{"cameo": "010", "source": "USA", "target": null}]`,
			recs:   []extract.Record{rec("NGO", "USA", "010", "")},
			want:   Counts{FP: 1, FN: 1}},
		{name: "an object side gives its country",
			events: `[{"cameo": "111", "source": {"country": "chn"}, "target": "USA"}]`,
			recs:   []extract.Record{rec("CHN", "USA", "111", "")},
			want:   Counts{TP: 1}},
		{name: "the first record of a key gives the date",
			events: `[{"cameo": "042", "source": "USA", "target": "JPN", "date": "2021-07", "precision": "month"}]`,
			recs:   []extract.Record{rec("USA", "JPN", "042", "2021-06-30"), rec("JPN", "USA", "043", "2021-07-02")},
			want:   Counts{TP: 1},
			dates:  DateScores{Accuracy: 0, MatchedWithDate: 1}},
		{name: "the first annotated event of a key gives the date",
			events: `[{"cameo": "042", "source": "USA", "target": "JPN", "date": "2021-07-02", "precision": "day"},
			          {"cameo": "040", "source": "JPN", "target": "USA", "date": "2021-06", "precision": "month"}]`,
			recs:  []extract.Record{rec("USA", "JPN", "042", "2021-07-02")},
			want:  Counts{TP: 1},
			dates: DateScores{Accuracy: 1, MatchedWithDate: 1}},
		{name: "a reported date is not scored",
			events: `[{"cameo": "042", "source": "USA", "target": "JPN", "date": "2021-07-24", "precision": "reported"}]`,
			recs:   []extract.Record{rec("USA", "JPN", "042", "2021-07-24")},
			want:   Counts{TP: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cases, err := ReadArticleCases(strings.NewReader(`{"id": "a", "events": ` + tc.events + `}`))
			if err != nil {
				t.Fatal(err)
			}
			got := ScoreArticles(cases, nil, tc.recs)
			if diff := cmp.Diff(tc.want.PRF(), got.Events); diff != "" {
				t.Errorf("events %s: (-want +got)\n%s", tc.events, diff)
			}
			if diff := cmp.Diff(tc.dates, got.Dates); diff != "" {
				t.Errorf("dates %s: (-want +got)\n%s", tc.events, diff)
			}
		})
	}
}

func TestScoreArticlesEntities(t *testing.T) {
	line := `{"id": "a", "title": "T", "text": "X", "date": "2020", "countries": ["aze", "RUS"], "people": [{"name": "Sergey Lavrov"}, {"name": "Elmar Mammadyarov"}]}`
	cases, err := ReadArticleCases(strings.NewReader(line + "\n" + strings.Replace(line, `"a"`, `"b"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	graph := func(id string, nodes ...extract.Node) extract.Result {
		return extract.Result{Article: extract.Article{ID: id}, Nodes: nodes}
	}
	graphs := []extract.Result{
		graph("a"), // replaced by the next graph of "a", as in score.py
		graph("a", extract.Node{Type: extract.TypeCountry, Properties: map[string]any{extract.PropISO3: "AZE"}},
			extract.Node{Type: extract.TypeCountry, Properties: map[string]any{}},
			extract.Node{Type: extract.TypePerson, Name: "FM Sergey V. Lavrov"},
			extract.Node{Type: extract.TypePerson, Name: "Rex Tillerson"}),
	}
	got := ScoreArticles(cases, graphs, nil) // "b" has no graph: all missed
	want := ArticleScores{
		Countries: Counts{TP: 1, FN: 3}.PRF(),
		People:    Counts{TP: 1, FP: 1, FN: 3}.PRF(),
		Events:    Counts{}.PRF(),
		Articles:  2,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var in map[string]any
	if err := json.Unmarshal(cases[0].InputJSON(), &in); err != nil {
		t.Fatal(err)
	}
	wantIn := map[string]any{"id": "a", "title": "T", "text": "X", "published": nil, "source": nil, "url": nil}
	if diff := cmp.Diff(wantIn, in); diff != "" {
		t.Errorf("InputJSON (-want +got)\n%s", diff)
	}
}

func TestSurname(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"last capitalised word", "Sergey V. Lavrov", "lavrov"},
		{"particles are skipped", "Recep Tayyip Erdoğan of turkey", "erdoğan"},
		{"initials split at dots", "J.F.Kennedy", "kennedy"},
		{"no capital: the whole name", "al-sisi", "al-sisi"},
		{"dotted capital I lowers as Python does", "Ali İnce", "i\u0307nce"},
		{"Python splits on U+001F", "Ana\x1fBotín", "botín"},
	} {
		if got := surname(tc.in); got != tc.want {
			t.Errorf("%s: surname(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestScorePyText(t *testing.T) {
	var b bytes.Buffer
	ArticleScores{Countries: Counts{TP: 2, FP: 1}.PRF(), Dates: DateScores{Accuracy: 1, MatchedWithDate: 3}, Articles: 4}.Write(&b)
	EventScores{Coarse: CoarseScores{Hit: 2.0 / 3, Cases: 3}, Negatives: NegativeScores{Cases: 9, WithEvent: 6}}.Write(&b)
	want := `countries  P 0.667  R 1.000  F1 0.800  (tp 2 fp 1 fn 0)
people     P 0.000  R 0.000  F1 0.000  (tp 0 fp 0 fn 0)
events     P 0.000  R 0.000  F1 0.000  (tp 0 fp 0 fn 0)
dates      {'accuracy': 1.0, 'matched_with_date': 3}
articles   4
triples    P 0.000  R 0.000  F1 0.000  (tp 0 fp 0 fn 0)
quad       P 0.000  R 0.000  F1 0.000  (tp 0 fp 0 fn 0)
coarse     {'hit': 0.6666666666666666, 'cases': 3}
negatives  {'cases': 9, 'with_event': 6}
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
