package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract/verbs"
)

// prepositions are the words that, standing bare before a word or slot in
// a TABARI-style pattern ("* attack on +", "* from $ to +"), open a group:
// "* attack (on +)". "that" is there for "* demand that +".
var prepositions = set("about", "above", "across", "after", "against", "along", "amid", "among",
	"around", "as", "at", "before", "behind", "below", "beside", "between", "beyond", "by",
	"during", "for", "from", "in", "inside", "into", "near", "of", "on", "onto", "outside",
	"over", "since", "through", "to", "toward", "towards", "under", "until", "upon", "via",
	"with", "within", "without", "that")

// beForms are the forms of "be" and "have" that begin some compound
// verbs ("+IS_DETERMINED"); in a dependency parse the word after them
// heads the clause, so the entry is kept under its second word.
var beForms = set("is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had")

// verbRow is one row of cameo_verbs.tsv.
type verbRow struct {
	key, family, code string
	own               bool // the verb line carries its own code
	forms             []string
	line              int
}

// patternRow is one row of cameo_patterns.tsv.
type patternRow struct {
	family, code, pattern string
	origin                []string // the family's verbs the comment names
	weight, line          int
}

// table is the converted dictionary with what was left out.
type table struct {
	verbs    []verbRow
	patterns []patternRow
	synsets  map[string][]member
	problems []problem
	stats    map[string]int
}

// convert turns the dictionary into table rows, checking every code
// against the codebook.
func convert(d *dict, codebook map[string]bool) *table {
	t := &table{synsets: d.synsets, problems: d.problems, stats: map[string]int{}}
	t.stats["synsets"] = len(d.synsets)
	for _, m := range d.synsets {
		t.stats["synset members"] += len(m)
	}
	t.stats["transformations not converted"] = len(d.transform)
	for _, n := range d.transform {
		t.problems = append(t.problems, problem{n, "verb transformation not converted (it combines two coded verbs)", ""})
	}
	seenVerb := map[string]verbRow{}
	type coded struct {
		code string
		line int
		row  int
	}
	for _, f := range d.families {
		t.stats["families"]++
		if !validCode(f.code, codebook) {
			t.problems = append(t.problems, problem{f.line, "family code not in the CAMEO codebook, family kept without code", f.code})
			f.code = "---"
		}
		for _, v := range f.verbs {
			t.stats["verb lines"]++
			code := f.code
			if v.code != "" {
				code = v.code
			}
			if !validCode(code, codebook) {
				t.problems = append(t.problems, problem{v.line, "verb code not in the CAMEO codebook, verb dropped", code})
				continue
			}
			words := v.words
			if len(words) > 1 && beForms[words[0]] {
				words = words[1:]
				t.problems = append(t.problems, problem{v.line, "compound verb on be/have kept under its second word", strings.Join(v.words, " ")})
			}
			key := strings.Join(words, " ")
			if old, ok := seenVerb[key]; ok {
				t.problems = append(t.problems, problem{v.line, fmt.Sprintf("verb already listed at line %d (family %s); the first is kept, as upstream", old.line, old.family), key})
				t.stats["verb lines listed twice"]++
				continue
			}
			r := verbRow{key: key, family: f.name, code: code, own: v.code != "", forms: v.forms, line: v.line}
			seenVerb[key] = r
			t.verbs = append(t.verbs, r)
			if len(words) > 1 {
				t.stats["phrasal verbs"]++
			}
		}
		members := map[string]bool{}
		for _, v := range f.verbs {
			members[v.words[0]] = true
		}
		byPattern := map[string]coded{}
		for _, rp := range f.patterns {
			t.stats["pattern lines"]++
			if !validCode(rp.code, codebook) {
				t.problems = append(t.problems, problem{rp.line, "code not in the CAMEO codebook, pattern dropped", "[" + rp.code + "] " + rp.body})
				t.stats["patterns with a code outside the codebook"]++
				continue
			}
			origin := originVerbs(rp.comment, members)
			pats, err := convertPattern(rp.body, d.synsets)
			if err != nil {
				t.problems = append(t.problems, problem{rp.line, "not representable: " + err.Error(), rp.body})
				t.stats["patterns not representable"]++
				continue
			}
			for _, p := range pats {
				s := p.String()
				if old, ok := byPattern[s]; ok {
					if old.code == rp.code {
						t.stats["duplicate patterns dropped"]++
						t.patterns[old.row].origin = union(t.patterns[old.row].origin, origin)
						continue
					}
					t.problems = append(t.problems, problem{rp.line, fmt.Sprintf("pattern coded %s at line %d and %s here; the later is kept, as upstream", old.code, old.line, rp.code), s})
					t.stats["patterns coded twice"]++
					t.patterns[old.row].code = rp.code
					t.patterns[old.row].line = rp.line
					t.patterns[old.row].origin = origin
					byPattern[s] = coded{rp.code, rp.line, old.row}
					continue
				}
				byPattern[s] = coded{rp.code, rp.line, len(t.patterns)}
				t.patterns = append(t.patterns, patternRow{family: f.name, code: rp.code, pattern: s, origin: origin, weight: p.Weight(), line: rp.line})
			}
		}
	}
	sort.SliceStable(t.verbs, func(i, j int) bool { return t.verbs[i].key < t.verbs[j].key })
	sort.SliceStable(t.patterns, func(i, j int) bool {
		a, b := t.patterns[i], t.patterns[j]
		if a.family != b.family {
			return a.family < b.family
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.pattern < b.pattern
	})
	sort.SliceStable(t.problems, func(i, j int) bool { return t.problems[i].line < t.problems[j].line })
	t.stats["verbs"] = len(t.verbs)
	t.stats["patterns"] = len(t.patterns)
	return t
}

// validCode reports whether a code such as "057", "042:043", ":173" or
// "---" names codebook codes only.
func validCode(code string, codebook map[string]bool) bool {
	if code == "---" {
		return true
	}
	parts := strings.Split(code, ":")
	if len(parts) > 2 || code == ":" {
		return false
	}
	for _, p := range parts {
		if p != "" && p != "---" && !codebook[p] {
			return false
		}
	}
	return true
}

// convertPattern parses the pattern side of a dictionary line, expands
// its synsets and rewrites TABARI-style slots and bare prepositions into
// groups. It fails on what a dependency reading cannot hold.
func convertPattern(body string, synsets map[string][]member) ([]verbs.Pattern, error) {
	p, err := verbs.ParsePattern(strings.ToLower(body))
	if err != nil {
		return nil, err
	}
	for _, s := range p.Slots() {
		if s == "%" {
			return nil, fmt.Errorf("compound-actor slot %% has no dependency reading")
		}
	}
	if len(p.Pre) == 0 && len(p.Post) == 0 {
		return nil, fmt.Errorf("no words: the bare verb is coded by its family")
	}
	expanded, err := expand(p, synsets)
	if err != nil {
		return nil, err
	}
	out := make([]verbs.Pattern, 0, len(expanded))
	for _, e := range expanded {
		e.Pre = regroup(splitCompounds(e.Pre))
		e.Post = regroup(splitCompounds(e.Post))
		// the normal form must read back as itself
		back, err := verbs.ParsePattern(e.String())
		if err != nil || back.String() != e.String() {
			return nil, fmt.Errorf("normal form %q does not read back", e.String())
		}
		out = append(out, e)
	}
	return out, nil
}

// originVerbs returns the verbs of the family that a pattern's comment
// names ("# SEND , DEPLOY"), in order, lower case.
func originVerbs(comment string, members map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(comment, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if l := strings.ToLower(w); w == strings.ToUpper(w) && members[l] {
			out = union(out, []string{l})
		}
	}
	return out
}

// union appends the words of b missing from a.
func union(a, b []string) []string {
	for _, w := range b {
		found := false
		for _, x := range a {
			found = found || x == w
		}
		if !found {
			a = append(a, w)
		}
	}
	return a
}
