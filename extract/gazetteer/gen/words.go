package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// wordsDir holds the extractor's word lists, one file a list
// (extract/words.go reads them; TestWordLists there checks that the code
// reads every one).
const wordsDir = "words"

// checkWords checks every word list: a header comment first, saying what
// the list is for; then lines of one lower-case word, or of a word and a
// value ("-" for none) or of a lemma and forms ("a|b"), the same number of
// columns throughout; no word twice; no stray space, no blank line.
func checkWords(dir string, fail func(error)) {
	paths, err := filepath.Glob(filepath.Join(dir, wordsDir, "*.txt"))
	if err != nil {
		fail(err)
		return
	}
	if len(paths) == 0 {
		fail(fmt.Errorf("%s: no word lists", filepath.Join(dir, wordsDir)))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			fail(err)
			continue
		}
		if !strings.HasPrefix(string(data), "# ") {
			fail(fmt.Errorf("%s: no header comment saying what the list is for", filepath.Base(p)))
		}
		rows, err := readLexicon(p, 1, 2)
		if err != nil {
			fail(err)
			continue
		}
		seen := map[string]bool{}
		for _, r := range rows {
			w := r.f[0]
			if w == "" || w != strings.ToLower(w) {
				fail(r.errf("%q is not one lower-case word", w))
			}
			if seen[w] {
				fail(r.errf("%q twice", w))
			}
			seen[w] = true
			if len(r.f) != len(rows[0].f) {
				fail(r.errf("%d columns, the first row has %d", len(r.f), len(rows[0].f)))
			}
			if len(r.f) == 2 {
				vals := map[string]bool{}
				for _, v := range strings.Split(r.f[1], "|") {
					if v == "" || vals[v] {
						fail(r.errf("empty or repeated value in %q", r.f[1]))
					}
					vals[v] = true
				}
			}
		}
	}
}
