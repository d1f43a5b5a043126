// Package verbs codes a verb of a dependency-parsed sentence with
// PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2,
// MIT): about 1,800 verbs in 400 families, each family with patterns
// that refine its code by the words around the verb ("- * (TO BORDER)
// [154]" under SEND).
//
// The dictionary is converted by ./gen (go generate) into cameo_verbs.tsv,
// cameo_patterns.tsv and cameo_synsets.tsv, embedded here; cameo_report.txt
// lists the figures and every line not carried as written. Match reads a
// pattern against the tree, not against word order: the words before the
// verb's "*" belong to the logical subject's side (the nsubj, or the
// obl:agent of a passive, and the verb's auxiliaries and adverbs), the
// words after it to the rest of the clause (objects, the nsubj:pass of a
// passive, obliques with their case word, xcomp, particles and the
// nouns' own dependents). "$" and "+" name the tokens that fill the
// source and target.
//
// Invariants:
//   - Pure: no I/O but go:embed, no clock; the tables are read once and
//     never change.
//   - Deterministic: a verb's patterns are tried most specific first (by
//     Pattern.Weight), ties in table order, so a sentence always gets the
//     same match.
//   - Token indices are 0-based positions in parse.Sentence.Tokens.
//
// It imports only the standard library and extract/parse: never extract,
// graph, server, cmd, net/http or os/exec. Tests read recorded CoreNLP
// parses from testdata/*.json (go test ./extract/verbs -record rewrites
// them from a running server).
package verbs

//go:generate go run ./gen
