package expect

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
)

func TestScoreActors(t *testing.T) {
	suite := `{"id": "a", "kind": "k1", "actor_text": "EU lawmakers", "expected": {"country": "EUR", "code_1": "LEG"}}
{"id": "b", "kind": "k1", "actor_text": "news agency", "expected": {"country": "", "code_1": "GOV", "code_2": "JRN"}}
{"id": "c", "kind": "k2", "actor_text": "Joseph Monka", "expected": {"is_none": true}}
{"id": "d", "kind": "k2", "actor_text": "Somebody", "expected": {"wiki": "Somebody"}}
{"id": "e", "kind": "k2", "actor_text": "Tehran", "expected": {"country": "IRN", "code_1": "GOV"}}
{"id": "f", "kind": "k2", "actor_text": "the ruling party", "expected": {"country": "MNG", "code_1": "????"}}
`
	cases, err := ReadActorCases(strings.NewReader(suite))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]extract.ActorCode{
		"EU lawmakers":     {Country: "IGO", Sector: "LEG", Known: true}, // EUR counts as IGO
		"news agency":      {Sector: "MED", Known: true},                 // code_2 JRN is MED
		"Joseph Monka":     {},                                           // nothing, as expected
		"Somebody":         {Country: "USA", Known: true},                // not scored
		"Tehran":           {Country: "IRN", Sector: "MIL", Known: true}, // sector missed
		"the ruling party": {Country: "MNG", Sector: "PTY", Known: true}, // country only
	}
	rep := ScoreActors(cases, func(c ActorCase) extract.ActorCode { return got[c.Text] })
	for name, tc := range map[string]struct{ got, want Tally }{
		"country":        {rep.Country, Tally{5, 5}},
		"sector":         {rep.Sector, Tally{3, 4}},
		"both":           {rep.Both, Tally{3, 4}},
		"strict country": {rep.StrictCountry, Tally{4, 5}},
		"strict sector":  {rep.StrictSector, Tally{2, 4}},
		"k1 sector":      {rep.PerKind["k1"].Sector, Tally{2, 2}},
		"k2 country":     {rep.PerKind["k2"].Country, Tally{3, 3}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %+v, want %+v", name, tc.got, tc.want)
		}
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Case.ID != "e" {
		t.Errorf("misses = %+v, want case e only", rep.Misses)
	}
	var b bytes.Buffer
	rep.Write(&b, true)
	for _, want := range []string{"all                 6", `e "Tehran": got country=IRN sector=MIL`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
