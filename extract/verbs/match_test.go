package verbs_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract/parse"
	"github.com/dipgraph/dipgraph/extract/verbs"
)

// want is a Result with tokens given by their text, for readable tables.
type want struct {
	Code, Passive, Family, Pattern string
	Source, Target, Words          []string
}

// cases are invented sentences, each with the verb to code and what the
// dictionary should say of it.
var cases = []struct {
	name, text, verb string
	ok               bool
	want             want
}{
	{"accuse: a sibling's (of &crime) [173] does not turn an accusation into an arrest",
		"The minister accused Israel of war crimes.", "accused", true,
		want{Code: "112", Family: "blame", Words: []string{"accused"}}},
	{"send troops: material force",
		"Russia sent troops to the border.", "sent", true,
		want{Code: "154", Family: "send", Pattern: "* troops", Words: []string{"sent", "troops"}}},
	{"agree to: the bare family code",
		"France agreed to provide aid to Mali.", "agreed", true,
		want{Code: "050", Family: "agree", Words: []string{"agreed"}}},
	{"provide aid: the xcomp verb coded on its own",
		"France agreed to provide aid to Mali.", "provide", true,
		want{Code: "070", Family: "grant", Pattern: "* aid", Words: []string{"provide", "aid"}}},
	{"call off, passive: the surface subject is the object",
		"The talks were called off.", "called", true,
		want{Code: "164", Passive: "164", Family: "cancel", Pattern: "* talks", Words: []string{"talks", "called", "off"}}},
	{"call off, active",
		"Egypt called off the talks with Sudan.", "called", true,
		want{Code: "164", Passive: "164", Family: "cancel", Pattern: "* talks", Words: []string{"called", "off", "talks"}}},
	{"shut down: phrasal verb with its own family",
		"The government shut down the embassy.", "shut", true,
		want{Code: "161", Family: "cancel", Pattern: "* embassy", Words: []string{"shut", "down", "embassy"}}},
	{"praise",
		"Germany praised Poland.", "praised", true,
		want{Code: "051", Family: "acclaim", Words: []string{"praised"}}},
	{"sign a peace agreement: synset phrase {peace &treaty}",
		"They signed a peace agreement.", "signed", true,
		want{Code: "057", Passive: "057", Family: "sign", Pattern: "* {peace agreement}", Words: []string{"signed", "peace", "agreement"}}},
	{"threaten to",
		"Iran threatened to close the strait.", "threatened", true,
		want{Code: "130", Family: "threaten", Words: []string{"threatened"}}},
	{"fire at: target slot in a group",
		"The army fired rockets at the village.", "fired", true,
		want{Code: "194", Family: "explosive_destruction", Pattern: "* rocket (at +)", Target: []string{"village"}, Words: []string{"fired", "rockets", "at", "village"}}},
	{"echo: target slot before a noun is its owner",
		"The senator echoed Obama's calls for restraint.", "echoed", true,
		want{Code: "051", Family: "repeat", Pattern: "* + calls", Target: []string{"Obama"}, Words: []string{"echoed", "Obama", "calls"}}},
	{"blame the attack on: bare preposition regrouped",
		"Officials blamed the attack on Hamas.", "blamed", true,
		want{Code: "112", Family: "blame", Pattern: "* attack (on +)", Target: []string{"Hamas"}, Words: []string{"blamed", "attack", "on", "Hamas"}}},
	{"expel, passive",
		"The ambassador was expelled by Russia.", "expelled", true,
		want{Code: "174", Family: "deport", Words: []string{"expelled"}}},
	{"give, passive with an object",
		"Mali was given humanitarian aid by France.", "given", true,
		want{Code: "073", Family: "grant", Pattern: "* {humanitarian aid}", Words: []string{"given", "humanitarian", "aid"}}},
	{"deploy peacekeepers: synset member",
		"The United Nations deployed peacekeepers to Sudan.", "deployed", true,
		want{Code: "0334", Family: "send", Pattern: "* peacekeeper", Words: []string{"deployed", "peacekeepers"}}},
	{"arrive: source and target slots on both sides of the verb",
		"Refugees from Syria arrived in Jordan.", "arrived", true,
		want{Code: "073", Family: "arrive", Pattern: "refugee (from +) * (in $)", Source: []string{"Jordan"}, Target: []string{"Syria"},
			Words: []string{"Refugees", "from", "Syria", "arrived", "in", "Jordan"}}},
	{"not a dictionary verb",
		"The cat slept on the mat.", "slept", false, want{}},
}

// texts returns the distinct texts of the cases.
func texts() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cases {
		if !seen[c.text] {
			seen[c.text] = true
			out = append(out, c.text)
		}
	}
	return out
}

// index returns the first token spelled word, or -1.
func index(s parse.Sentence, word string) int {
	for i, tk := range s.Tokens {
		if tk.Text == word {
			return i
		}
	}
	return -1
}

// spell turns a Result's token indices into words.
func spell(s parse.Sentence, r verbs.Result) want {
	words := func(ix []int) []string {
		var w []string
		for _, i := range ix {
			w = append(w, s.Tokens[i].Text)
		}
		return w
	}
	return want{Code: r.Code, Passive: r.Passive, Family: r.Family, Pattern: r.Pattern,
		Source: words(r.Source), Target: words(r.Target), Words: words(r.Words)}
}

func TestMatch(t *testing.T) {
	parses := loadParses(t, texts())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, found := parses[c.text]
			if !found {
				t.Fatalf("no recorded parse of %q (go test -record)", c.text)
			}
			v := index(s, c.verb)
			r, ok := verbs.Match(&s, v)
			if ok != c.ok {
				t.Fatalf("Match(%q, %q) ok = %v, want %v", c.text, c.verb, ok, c.ok)
			}
			if diff := cmp.Diff(c.want, spell(s, r)); diff != "" {
				t.Errorf("Match(%q, %q) mismatch (-want +got):\n%s", c.text, c.verb, diff)
			}
		})
	}
}

func TestMatchOutOfRange(t *testing.T) {
	s := parse.Sentence{Tokens: []parse.Token{{Text: "sent", Lemma: "send"}}}
	for _, v := range []int{-1, 1} {
		if _, ok := verbs.Match(&s, v); ok {
			t.Errorf("Match(verb %d) ok, want false", v)
		}
	}
	if _, ok := verbs.Match(nil, 0); ok {
		t.Error("Match(nil) ok, want false")
	}
	// a verb with no dependencies at all still gets its family's code
	r, ok := verbs.Match(&s, 0)
	if !ok || r.Family != "send" || r.Code != "" {
		t.Errorf("Match(bare send) = %+v, %v; want family send, no code", r, ok)
	}
}

func BenchmarkMatch(b *testing.B) {
	parses := loadParses(b, texts())
	type job struct {
		s parse.Sentence
		v int
	}
	var jobs []job
	for _, c := range cases {
		s := parses[c.text]
		jobs = append(jobs, job{s, index(s, c.verb)})
	}
	verbs.Lemmas() // load the tables outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := jobs[i%len(jobs)]
		verbs.Match(&j.s, j.v)
	}
}
