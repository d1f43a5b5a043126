package extract

import (
	"embed"
	"strings"
)

// The extractor's word lists (function words, group nouns, name particles,
// irregular verb forms, ...) live in gazetteer/words, one file a list,
// each with a header comment saying what it is for; the gazetteer
// generator checks them (no word twice, lower case) and TestWordLists that
// the code reads every one. Each is read once, when the package loads.
//
//go:embed gazetteer/words/*.txt
var wordsFS embed.FS

// wordListsRead records the lists the code has read, for TestWordLists.
var wordListsRead = map[string]bool{}

// wordLines returns the data lines of a word list: no comment ('#') and
// no blank line. A missing list is a bug every test meets, so it panics.
func wordLines(name string) []string {
	b, err := wordsFS.ReadFile("gazetteer/words/" + name + ".txt")
	if err != nil {
		panic("extract: word list " + name + ": " + err.Error())
	}
	wordListsRead[name] = true
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// wordSet reads a list of one word a line as a set.
func wordSet(name string) map[string]bool {
	lines := wordLines(name)
	m := make(map[string]bool, len(lines))
	for _, l := range lines {
		m[l] = true
	}
	return m
}

// wordPairs reads a list of "word<TAB>value" lines; the value "-" is none
// (""), which is still a key.
func wordPairs(name string) map[string]string {
	lines := wordLines(name)
	m := make(map[string]string, len(lines))
	for _, l := range lines {
		k, v, _ := strings.Cut(l, "\t")
		if v == "-" {
			v = ""
		}
		m[k] = v
	}
	return m
}

// wordForms reads a list of "lemma<TAB>form|form" lines.
func wordForms(name string) map[string][]string {
	lines := wordLines(name)
	m := make(map[string][]string, len(lines))
	for _, l := range lines {
		k, v, _ := strings.Cut(l, "\t")
		m[k] = strings.Split(v, "|")
	}
	return m
}
