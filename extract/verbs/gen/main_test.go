package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestUpToDate fails when the tables in extract/verbs are not what the
// generator makes of CAMEO.2.0.txt (go generate ./extract/verbs).
func TestUpToDate(t *testing.T) {
	src, err := os.ReadFile("../../gazetteer/petrarch2/CAMEO.2.0.txt")
	if err != nil {
		t.Fatal(err)
	}
	cb, err := os.ReadFile("codebook.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := generate(string(src), readCodebook(string(cb)))
	for name, b := range files {
		old, err := os.ReadFile("../" + name)
		if err != nil || !bytes.Equal(old, b) {
			t.Errorf("%s is stale: run go generate ./extract/verbs", name)
		}
	}
	// deterministic: a second run gives the same bytes
	again := generate(string(src), readCodebook(string(cb)))
	for name, b := range files {
		if !bytes.Equal(again[name], b) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestConvertPattern(t *testing.T) {
	syn := map[string][]member{
		"&treaty": {{words: []string{"treaty"}}, {words: []string{"agreement"}}},
		"&leader": {{words: []string{"prime", "minister"}}},
	}
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"synset in a phrase", "* {PEACE &TREATY}", []string{"* {peace treaty}", "* {peace agreement}"}, ""},
		{"multi-word member becomes a phrase", "* &LEADER", []string{"* {prime minister}"}, ""},
		{"bare preposition opens a group", "* ATTACK ON +", []string{"* attack (on +)"}, ""},
		{"empty group takes the slot after it", "* CLAIM (AGAINST) +", []string{"* claim (against +)"}, ""},
		{"TABARI sequence", "* FROM $ TO +", []string{"* (from $) (to +)"}, ""},
		{"underscore compound", "* AIR_STRIKE", []string{"* {air strike}"}, ""},
		{"compound actor", "% &TREATY *", nil, "compound-actor"},
		{"undefined synset", "* &NOPE", nil, "undefined synset"},
		{"stray parenthesis", "* VENTURE (WITH VISIT) VISIT)", nil, "unexpected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := convertPattern(tc.in, syn)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("convertPattern(%q) error = %v, want %q", tc.in, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("convertPattern(%q): %v", tc.in, err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("convertPattern(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestValidCode(t *testing.T) {
	cb := map[string]bool{"057": true, "042": true, "043": true, "173": true}
	for code, want := range map[string]bool{"057": true, "042:043": true, ":173": true, "---": true, "080!": false, "176": false, "1:2:3": false} {
		if got := validCode(code, cb); got != want {
			t.Errorf("validCode(%q) = %v, want %v", code, got, want)
		}
	}
}
