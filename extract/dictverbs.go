package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/extract/verbs"
)

// The stage that reads verbs through PETRARCH2's CAMEO dictionary
// (extract/verbs): a verb of a parsed sentence that no row of our own
// lexicon took is coded by the dictionary's patterns, matched against
// the verb's dependents, and read by the frame its code calls for.

// dictHit is a verb the dictionary coded: the rules' token it stands on
// and the trigger made for it.
type dictHit struct {
	i  int
	tr trigger
}

// dictionaryVerbs returns the verbs of sentence si that the CAMEO
// dictionary codes and that are not already covered by a trigger in
// taken. Bare statements (010) and the dictionary's non-events are left
// out: reporting is read by the attribution stage.
func (x *extraction) dictionaryVerbs(si int, taken func(int) bool, speechVerb int) []dictHit {
	sy := x.d.syn[si]
	if sy == nil {
		return nil
	}
	toks, ms := x.d.sents[si].tokens, x.d.ments[si]
	var out []dictHit
	rd := verbs.NewReader(sy.s)
	for p, t := range sy.s.Tokens {
		if !strings.HasPrefix(t.POS, "VB") {
			continue
		}
		k := sy.toTok[p]
		if k < 0 || k == speechVerb || taken(k) || insideName(ms, k) || speechVerbs[toks[k].lower] {
			continue
		}
		// a participle that modifies a noun describes it ("the troops
		// sent to Mali"); an auxiliary or copula is no act
		if sy.hasGov(p, func(r string) bool { return rel(r, "acl") || r == "amod" || rel(r, "aux") || r == "cop" }) {
			continue
		}
		// what is asked for, hoped for or conditional is not done: "urged
		// X to stop", "if Y attacks", "whether Z will sign"
		if sy.hasGov(p, func(r string) bool { return r == "xcomp" || r == "csubj" }) || sy.marked(p) {
			continue
		}
		// the verb of an event noun our lexicon read ("provided
		// peacekeeping training"): one act, already coded
		if sy.governsTaken(p, taken) {
			continue
		}
		res, ok := rd.Match(p)
		if !ok || res.Code == "" || strings.Contains(res.Code, "-") || res.Code == "010" {
			continue
		}
		code := res.Code
		if sy.passive(p) && res.Passive != "" {
			code = res.Passive
		}
		typ, sub := typeForCode(code)
		out = append(out, dictHit{i: k, tr: trigger{words: []string{t.Lemma}, typ: typ, cameo: code, subtype: sub, frame: frameForCode(code), dict: true}})
	}
	return out
}

// frameForCode is the frame that reads the participants of an act coded
// by the dictionary: a visit, a hosting, a meeting of sides, or a source
// acting on a target.
func frameForCode(code string) frameName {
	switch {
	case code == "042":
		return frameVisit
	case code == "043":
		return frameHost
	case code == "040" || code == "041" || code == "044" || code == "046":
		return frameMeet
	}
	return frameSVO
}

// hasGov reports whether some governor links to v by a relation that
// passes keep.
func (sy *syntax) hasGov(v int, keep func(string) bool) bool {
	return len(sy.govs(v, keep)) > 0
}

// marked reports whether the clause of verb v opens with "to", "if",
// "unless" or "whether": an infinitive, a condition or a question.
func (sy *syntax) marked(v int) bool {
	for _, k := range sy.kids(v, func(r string) bool { return r == "mark" }) {
		switch sy.s.Tokens[k].Lemma {
		case "to", "if", "unless", "whether":
			return true
		}
	}
	return false
}

// governsTaken reports whether the verb v has as object, or as the head
// of its object, a token a trigger already took.
func (sy *syntax) governsTaken(v int, taken func(int) bool) bool {
	for _, o := range sy.kids(v, func(r string) bool { return r == "obj" || rel(r, "nsubj:pass") }) {
		for _, w := range append([]int{o}, sy.kids(o, func(r string) bool { return r == "compound" || r == "amod" })...) {
			if k := sy.toTok[w]; k >= 0 && taken(k) {
				return true
			}
		}
	}
	return false
}
