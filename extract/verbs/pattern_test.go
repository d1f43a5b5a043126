package verbs_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dipgraph/dipgraph/extract/verbs"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		name, in, want string
		slots          []string
		weight         int
	}{
		{"bare verb object", "* troops", "* troops", nil, 2},
		{"phrase", "* {peace deal}", "* {peace deal}", nil, 4},
		{"group with slot", "* rocket (at +)", "* rocket (at +)", []string{"+"}, 5},
		{"both sides", "refugee (from +) * (in $)", "refugee (from +) * (in $)", []string{"+", "$"}, 8},
		{"upstream spacing", "  *   (TO  {PEACE PLAN})  ", "* (TO {PEACE PLAN})", nil, 6},
		{"skip slot", "* (from ^)", "* (from ^)", []string{"^"}, 2},
		{"alternatives", "* (in favour/favor)", "* (in favour/favor)", nil, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := verbs.ParsePattern(tc.in)
			if err != nil {
				t.Fatalf("ParsePattern(%q): %v", tc.in, err)
			}
			if got := p.String(); got != tc.want {
				t.Errorf("ParsePattern(%q).String() = %q, want %q", tc.in, got, tc.want)
			}
			if diff := cmp.Diff(tc.slots, p.Slots()); diff != "" {
				t.Errorf("ParsePattern(%q).Slots() (-want +got):\n%s", tc.in, diff)
			}
			if got := p.Weight(); got != tc.weight {
				t.Errorf("ParsePattern(%q).Weight() = %d, want %d", tc.in, got, tc.weight)
			}
		})
	}
}

func TestParsePatternErrors(t *testing.T) {
	for _, in := range []string{"troops", "* * troops", "* (to (at border))", "* {peace", "* (to border", "* venture (with visit) visit)", "* ()", "* {}"} {
		if p, err := verbs.ParsePattern(in); err == nil {
			t.Errorf("ParsePattern(%q) = %q, want an error", in, p)
		}
	}
}

func TestTables(t *testing.T) {
	st := verbs.TableStats()
	// the figures of cameo_report.txt; a change here is a change of the
	// dictionary or of the generator
	if st.Lemmas < 1600 || st.Phrasal < 100 || st.Families < 390 || st.Patterns < 30000 || st.Synsets != 40 {
		t.Errorf("TableStats() = %+v, want the figures of cameo_report.txt", st)
	}
	if got := verbs.Lemmas(); got != st.Lemmas {
		t.Errorf("Lemmas() = %d, TableStats().Lemmas = %d", got, st.Lemmas)
	}
	if got := verbs.SynsetsOf("truce"); !cmp.Equal(got, []string{"&ceasefire"}) {
		t.Errorf("SynsetsOf(truce) = %q, want [&ceasefire]", got)
	}
	if got := verbs.Synset("&CEASEFIRE"); len(got) != 5 || got[0] != "truce" {
		t.Errorf("Synset(&CEASEFIRE) = %q, want the 5 words of the synset", got)
	}
}
