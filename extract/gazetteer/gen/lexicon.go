package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The event lexicons extract/lexicon.go reads, and the CAMEO codebook their
// codes are checked against (kept by the verb dictionary's generator).
const (
	verbsFile    = "verbs.tsv"
	triggersFile = "triggers.tsv"
	codebookFile = "../verbs/gen/codebook.txt"
	knownFile    = "lexicon_known.txt" // tab-separated, but not embedded: only the generator reads it
)

var (
	verbCols    = []string{"pattern", "code", "frame"} // a stop phrase ("-") has no frame
	triggerCols = []string{"pattern", "type", "code", "subtype", "frame"}
	knownCols   = []string{"file", "pattern", "problem"}

	// frames are the frames the extractor's frame handlers (extract/frame.go)
	// knows; TestFramesAreTheExtractorsOwn keeps this list equal to the
	// strings the code compares a trigger's frame with.
	frames = set("visit", "meet", "svo", "sym", "host", "recv", "state", "between", "mediate",
		"conflict", "resolution", "agreement", "anniversary")
	// eventTypes are the event types of extract/result.go
	// (TestEventTypesAreTheExtractorsOwn keeps them equal).
	eventTypes = set("Statement", "Visit", "Meeting", "PhoneCall", "Anniversary", "Conflict",
		"Mediation", "Negotiation", "MilitaryAction", "Agreement", "Resolution", "Sanction",
		"Accusation", "Aid", "Appointment", "Cooperation", "Appeal", "Rejection", "Threat",
		"Protest", "ReduceRelations", "Yield", "Investigation", "Coercion")
)

// stopCode marks a verbs.tsv stop phrase: it reads like a trigger but
// names no act.
const stopCode = "-"

// rePatternWord is one word of a lexicon pattern: lower-case letters (a
// hyphen or apostrophe inside), then "*" (any ending) or "+" (a verb's
// inflections), or the gap "...".
var rePatternWord = regexp.MustCompile(`^([\p{Ll}]+([-'][\p{Ll}]+)*[*+]?|\.\.\.)$`)

// lexRow is one data line of verbs.tsv or triggers.tsv, the way
// extract/lexicon.go reads it.
type lexRow struct {
	row
	pattern, code, frame string
}

// readLexicon reads a lexicon file: '#' comment lines anywhere (verbs.tsv
// heads its sections with them), tab-separated fields, between min and
// max of them, no stray space, no blank line.
func readLexicon(path string, min, max int) ([]row, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", path)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return nil, fmt.Errorf("%s: no newline at end of file", path)
	}
	var rows []row
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		n := i + 1
		if strings.HasPrefix(line, "#") {
			continue
		}
		r := row{file: path, line: n, f: strings.Split(line, "\t")}
		switch {
		case line == "":
			return nil, fmt.Errorf("%s:%d: blank line", path, n)
		case strings.Contains(line, "\r"):
			return nil, r.errf("CR in line")
		case len(r.f) < min || len(r.f) > max:
			return nil, r.errf("%d fields, want %d to %d", len(r.f), min, max)
		}
		for _, v := range r.f {
			if v != strings.TrimSpace(v) || strings.Contains(v, "  ") {
				return nil, r.errf("stray space in field %q", v)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// readCodebook reads the CAMEO codes, one a line, '#' comments.
func readCodebook(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cb := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			cb[l] = true
		}
	}
	if len(cb) == 0 {
		return nil, fmt.Errorf("%s: no codes", path)
	}
	return cb, nil
}

// checkLexicons checks verbs.tsv and triggers.tsv: each pattern well formed
// and lower case; no pattern twice (within a file or across the two, where
// triggers.tsv's row would shadow verbs.tsv's), and so none coded twice
// with different codes; every code in the CAMEO codebook; every frame one
// the extractor handles; every trigger's event type one it knows.
//
// A code outside the codebook and a pattern coded twice are errors unless
// lexicon_known.txt lists them (file, pattern, problem "codebook" or
// "coded twice"): rows that wait for a decision, reported as warnings. A
// listed problem that no longer occurs is an error, so the list shrinks.
func checkLexicons(dir string, fail func(error), warn func(string, ...any)) {
	cb, err := readCodebook(filepath.Join(dir, codebookFile))
	if err != nil {
		fail(err)
		return
	}
	_, krows, err := readTSV(filepath.Join(dir, knownFile), len(knownCols))
	if err != nil {
		fail(err)
		return
	}
	known := map[[3]string]bool{}
	for _, r := range krows {
		if r.f[2] != "codebook" && r.f[2] != "coded twice" {
			fail(r.errf("unknown problem %q (codebook or coded twice)", r.f[2]))
		}
		known[[3]string{r.f[0], r.f[1], r.f[2]}] = true
	}
	seen := map[[3]string]bool{}
	problem := func(r lexRow, kind string, err error) {
		k := [3]string{filepath.Base(r.file), r.pattern, kind}
		if known[k] {
			seen[k] = true
			warn("%v (listed in %s)", err, knownFile)
			return
		}
		fail(err)
	}
	defer func() {
		for _, r := range krows {
			if k := [3]string{r.f[0], r.f[1], r.f[2]}; !seen[k] {
				fail(r.errf("%s %q: %s no longer occurs: drop the row", r.f[0], r.f[1], r.f[2]))
			}
		}
	}()
	var all []lexRow
	rows, err := readLexicon(filepath.Join(dir, triggersFile), len(triggerCols), len(triggerCols))
	if err != nil {
		fail(err)
	}
	for _, r := range rows {
		typ := r.f[1]
		if !eventTypes[typ] {
			fail(r.errf("unknown event type %q", typ))
		}
		all = append(all, lexRow{row: r, pattern: r.f[0], code: r.f[2], frame: r.f[4]})
	}
	rows, err = readLexicon(filepath.Join(dir, verbsFile), 2, len(verbCols))
	if err != nil {
		fail(err)
	}
	for _, r := range rows {
		lr := lexRow{row: r, pattern: r.f[0], code: r.f[1]}
		if len(r.f) == 3 {
			lr.frame = r.f[2]
		}
		switch {
		case lr.code == stopCode && lr.frame != "":
			fail(r.errf("stop phrase %q with a frame", lr.pattern))
		case lr.code != stopCode && lr.frame == "":
			fail(r.errf("%q has no frame", lr.pattern))
		case lr.code == "":
			fail(r.errf("%q has no code", lr.pattern))
		}
		all = append(all, lr)
	}
	first := map[string]lexRow{}
	for _, r := range all {
		checkPattern(r, fail)
		if r.code != "" && r.code != stopCode && !cb[r.code] {
			problem(r, "codebook", r.errf("%q: code %s is not in the CAMEO codebook", r.pattern, r.code))
		}
		if r.frame != "" && !frames[r.frame] {
			fail(r.errf("%q: unknown frame %q", r.pattern, r.frame))
		}
		if r.code != stopCode && r.frame == "" {
			fail(r.errf("%q: no frame", r.pattern))
		}
		if f, ok := first[r.pattern]; ok {
			where := fmt.Sprintf("%s:%d", filepath.Base(f.file), f.line)
			if f.code != r.code || f.frame != r.frame {
				problem(r, "coded twice", r.errf("%q coded twice: %s %s here, %s %s at %s", r.pattern, r.code, r.frame, f.code, f.frame, where))
			} else {
				fail(r.errf("%q twice (also %s)", r.pattern, where))
			}
			continue
		}
		first[r.pattern] = r
	}
}

// checkPattern checks the words of a pattern: lower case, each a word, a
// "word*", a "verb+" or the gap "...", which stands between two words.
func checkPattern(r lexRow, fail func(error)) {
	words := strings.Split(r.pattern, " ")
	if r.pattern == "" {
		fail(r.errf("empty pattern"))
		return
	}
	for i, w := range words {
		if !rePatternWord.MatchString(w) {
			fail(r.errf("pattern %q: bad word %q", r.pattern, w))
		}
		if w == "..." && (i == 0 || i == len(words)-1) {
			fail(r.errf("pattern %q: a gap must stand between two words", r.pattern))
		}
	}
}
