package extract

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
)

// TestWordLists checks that the code reads every word list of
// gazetteer/words (a list no code reads is dead data) and that each reads
// back as the generator checks it: a header comment, then lower-case
// words, none twice.
func TestWordLists(t *testing.T) {
	files, err := fs.Glob(wordsFS, "gazetteer/words/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no word lists: %v", err)
	}
	var onDisk []string
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".txt")
		onDisk = append(onDisk, name)
		if !wordListsRead[name] {
			t.Errorf("%s: no code reads the word list %q", f, name)
		}
		b, _ := wordsFS.ReadFile(f)
		if !strings.HasPrefix(string(b), "# ") {
			t.Errorf("%s: no header comment saying what the list is for", f)
		}
		seen := map[string]bool{}
		for _, l := range wordLines(name) {
			k, _, _ := strings.Cut(l, "\t")
			if k != strings.ToLower(k) || k != strings.TrimSpace(k) || k == "" {
				t.Errorf("%s: %q is not one lower-case word", f, k)
			}
			if seen[k] {
				t.Errorf("%s: %q twice", f, k)
			}
			seen[k] = true
		}
	}
	for name := range wordListsRead {
		if !slices.Contains(onDisk, name) {
			t.Errorf("the code reads %q, which is no file of gazetteer/words", name)
		}
	}
}

func TestWordListReaders(t *testing.T) {
	if !irregularPast("met") || !functionWords["in"] {
		t.Errorf("irregular forms or function words not read")
	}
	if got, ok := genericOfficials["official"]; !ok || got != "" {
		t.Errorf(`genericOfficials["official"] = %q, %v; want "", true ("-" reads as none)`, got, ok)
	}
	if got := genericOfficials["premier"]; got != "Prime Minister" {
		t.Errorf(`genericOfficials["premier"] = %q, want "Prime Minister"`, got)
	}
	if got := irregular["withdraw"]; !slices.Equal(got, []string{"withdrew", "withdrawn"}) {
		t.Errorf(`irregular["withdraw"] = %q`, got)
	}
	for _, c := range []struct {
		w, tok string
		want   bool
	}{
		{"mediat+", "mediate", true}, {"mediat+", "mediating", true}, {"ratif+", "ratified", true},
		{"meet+", "met", true}, {"ban+", "banned", true}, {"urge+", "urging", true},
		{"warn+", "warn", true}, {"warn+", "warnings", false},
	} {
		if got := wordMatches(c.w, c.tok); got != c.want {
			t.Errorf("wordMatches(%q, %q) = %v, want %v", c.w, c.tok, got, c.want)
		}
	}
}
