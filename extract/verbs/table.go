package verbs

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

var (
	//go:embed cameo_verbs.tsv
	verbsTSV string
	//go:embed cameo_patterns.tsv
	patternsTSV string
	//go:embed cameo_synsets.tsv
	synsetsTSV string
)

// entry is a verb of the dictionary: its words (the verb, then the
// particle or other words a phrasal verb needs) and its family.
type entry struct {
	words           []string
	family          string
	active, passive string // the code split at load ("042:043"), "" for "---"
	own             bool   // the verb line gives the code, not the family header
}

// rule is one pattern of a family.
type rule struct {
	active, passive string // the code split at load
	text            string
	origin          []string // the verbs of the family the pattern was written for
	weight          int
	c               compiled
}

// family holds a family's rules, most specific first, indexed by a word
// each needs so that a verb tries only the rules its clause can satisfy.
type family struct {
	rules  []rule
	byWord map[string][]int32 // a needed word -> rules, in order
	always []int32            // rules that need no particular word
}

// tables is the dictionary as the matcher reads it. It never changes
// once loaded.
type tables struct {
	verbs    map[string][]entry // by the verb's word (lemma or listed form); longest first
	families map[string]*family
	stats    Stats
}

// load reads the embedded verb and pattern tables once.
var load = sync.OnceValue(func() *tables { return readTables(verbsTSV, patternsTSV) })

// synsetTable is CAMEO.2.0's noun synsets, by name and by member. Match
// needs none of it (the generator expanded the synsets into patterns), so
// it is read only when asked for.
type synsetTable struct {
	byName, byMember map[string][]string
}

var loadSynsets = sync.OnceValue(func() synsetTable {
	t := synsetTable{byName: map[string][]string{}, byMember: map[string][]string{}}
	for _, f := range rows(synsetsTSV, 2) {
		ms := strings.Split(f[1], ",")
		t.byName[f[0]] = ms
		for _, m := range ms {
			t.byMember[m] = append(t.byMember[m], f[0])
		}
	}
	return t
})

// Stats counts what the tables hold.
type Stats struct {
	// Verbs counts the dictionary's verbs, phrasal verbs included.
	Verbs int
	// Lemmas counts the distinct one-word verbs.
	Lemmas int
	// Phrasal counts the verbs of more than one word ("call off").
	Phrasal int
	// Families counts the verb families that have verbs.
	Families int
	// Patterns counts the patterns, synsets expanded.
	Patterns int
	// Synsets counts the noun synsets.
	Synsets int
}

// TableStats returns the counts of the embedded tables.
func TableStats() Stats {
	st := load().stats
	st.Synsets = len(loadSynsets().byName)
	return st
}

// Lemmas returns how many distinct one-word verbs the dictionary holds.
func Lemmas() int { return load().stats.Lemmas }

// Synset returns the members of a noun synset of CAMEO.2.0 ("&currency",
// "&ceasefire"), a phrase's words joined by spaces, or nil.
func Synset(name string) []string { return loadSynsets().byName[strings.ToLower(name)] }

// SynsetsOf returns the names of the synsets a lower-case noun or phrase
// belongs to, in order, or nil.
func SynsetsOf(word string) []string { return loadSynsets().byMember[word] }

// readTables parses the verb and pattern tables. The generator guarantees their
// shape; a row that does not fit is skipped.
func readTables(verbs, patterns string) *tables {
	t := &tables{verbs: map[string][]entry{}, families: map[string]*family{}}
	fams := map[string]bool{}
	for _, f := range rows(verbs, 5) {
		e := entry{words: strings.Fields(f[0]), family: f[1], own: f[3] == "own"}
		e.active, e.passive = splitCode(f[2])
		keys := []string{e.words[0]}
		for _, form := range strings.Split(f[4], ",") {
			if ws := strings.Fields(form); len(ws) == len(e.words) && ws[0] != e.words[0] {
				keys = append(keys, ws[0])
			}
		}
		for _, k := range keys {
			t.verbs[k] = append(t.verbs[k], e)
		}
		t.stats.Verbs++
		if len(e.words) > 1 {
			t.stats.Phrasal++
		} else {
			t.stats.Lemmas++
		}
		fams[e.family] = true
	}
	for _, es := range t.verbs {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	for _, f := range rows(patterns, 4) {
		p, err := ParsePattern(f[2])
		if err != nil {
			continue
		}
		r := rule{text: f[2], weight: p.Weight(), c: compile(p)}
		r.active, r.passive = splitCode(f[1])
		if f[3] != "" {
			r.origin = strings.Split(f[3], ",")
		}
		fam := t.families[f[0]]
		if fam == nil {
			fam = &family{byWord: map[string][]int32{}}
			t.families[f[0]] = fam
		}
		fam.rules = append(fam.rules, r)
		t.stats.Patterns++
	}
	for _, fam := range t.families {
		rs := fam.rules
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].weight > rs[j].weight })
		for i, r := range rs {
			if len(r.c.need) == 0 {
				fam.always = append(fam.always, int32(i))
				continue
			}
			w := r.c.need[0]
			fam.byWord[w] = append(fam.byWord[w], int32(i))
		}
	}
	t.stats.Families = len(fams)
	return t
}

// rows splits a table into rows of at least n tab-separated fields,
// skipping comments and blank lines.
func rows(s string, n int) [][]string {
	var out [][]string
	for _, l := range strings.Split(s, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		if f := strings.Split(l, "\t"); len(f) >= n && f[0] != "" {
			out = append(out, f)
		}
	}
	return out
}

// splitCode splits a dictionary code "042:043" into the active and passive
// codes; "---" codes nothing.
func splitCode(code string) (active, passive string) {
	active, passive, _ = strings.Cut(code, ":")
	if active == "---" {
		active = ""
	}
	if passive == "---" {
		passive = ""
	}
	return active, passive
}
