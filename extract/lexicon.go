package extract

import (
	"sort"
	"strings"
)

// trigger is a row of triggers.tsv (special frames) or verbs.tsv (the
// CAMEO verb lexicon).
type trigger struct {
	words   []string // lower-case; "x*" any ending, "x+" a verb's inflections, "..." a short gap
	typ     string
	cameo   string
	subtype string
	frame   frameName
	dict    bool // coded by the CAMEO dictionary on the parse: both sides must be named
	row     int  // the row's index in LexiconRows, for the lexicon report
}

// stopCode marks a verbs.tsv row whose phrase is no event ("press
// release", "occupied territories"): where it matches, the scan passes
// over its tokens and codes nothing.
const stopCode = "-"

// stop reports whether the trigger is a stop phrase.
func (t trigger) stop() bool { return t.cameo == stopCode }

// maxGap is how many tokens "..." may skip.
const maxGap = 6

// irregular verb forms, keyed by lemma.
var irregular = wordForms("irregular")

// verbEndings may follow a verb stem written "stem+" (as may nothing):
// mediat+ matches mediate, mediated, mediates, mediating; ratif+ matches
// ratify, ratified.
var verbEndings = wordSet("verb-endings")

// wordMatches reports whether a lower-case token matches one pattern word.
func wordMatches(w, tok string) bool {
	switch {
	case strings.HasSuffix(w, "*"):
		return strings.HasPrefix(tok, w[:len(w)-1])
	case strings.HasSuffix(w, "+"):
		stem := w[:len(w)-1]
		// a final e drops before -ing and -ed: urge -> urging, urged
		if strings.HasSuffix(stem, "e") && len(tok) > len(stem) && strings.HasPrefix(tok, stem[:len(stem)-1]) {
			if r := tok[len(stem)-1:]; r == "ing" || r == "ed" {
				return true
			}
		}
		if !strings.HasPrefix(tok, stem) {
			for _, f := range irregular[stem] {
				if tok == f {
					return true
				}
			}
			return false
		}
		rest := tok[len(stem):]
		if rest == "" || verbEndings[rest] { // the bare stem, or an ending
			return true
		}
		// a doubled final consonant: ban -> banned, slam -> slamming
		if len(rest) >= 3 && len(stem) > 0 && rest[0] == stem[len(stem)-1] && (rest[1:] == "ed" || rest[1:] == "ing") {
			return true
		}
		return false
	}
	return w == tok
}

// match reports how many tokens from toks[i] the trigger spans, or 0.
func (t trigger) match(toks []token, i int) int {
	k := i
	for wi := 0; wi < len(t.words); wi++ {
		w := t.words[wi]
		if w == "..." {
			// skip up to maxGap tokens until the next word matches
			if wi+1 >= len(t.words) {
				return 0
			}
			next := t.words[wi+1]
			found := false
			for g := 0; g <= maxGap && k+g < len(toks); g++ {
				tk := toks[k+g]
				if tk.text == "." || tk.text == ";" || tk.text == ":" {
					break
				}
				if wordMatches(next, tk.lower) {
					k += g
					found = true
					break
				}
			}
			if !found {
				return 0
			}
			continue
		}
		if k >= len(toks) || !wordMatches(w, toks[k].lower) {
			return 0
		}
		k++
	}
	return k - i
}

// loadTriggers reads the special frames of triggers.tsv, then the CAMEO
// verb lexicon of verbs.tsv, whose rows take their event type from the
// code. Longer patterns are tried first; on equal length, triggers.tsv wins.
func loadTriggers() []trigger {
	var out []trigger
	for i, r := range lexiconRows() {
		t := trigger{words: strings.Fields(r.Pattern), cameo: r.Code, frame: frameName(r.Frame), row: i}
		switch {
		case r.File == "triggers.tsv":
			t.typ, t.subtype = r.typ, r.subtype
		case r.Code == stopCode:
			t.frame = ""
		default:
			t.typ, t.subtype = typeForCode(r.Code)
		}
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool { return patternLen(out[i]) > patternLen(out[j]) })
	return out
}

// LexiconRow is one row of the event lexicons, gazetteer/triggers.tsv and
// gazetteer/verbs.tsv, with its line in the file.
type LexiconRow struct {
	File    string // "triggers.tsv" or "verbs.tsv"
	Line    int    // 1-based
	Pattern string
	Code    string // the CAMEO code; "-" for a stop phrase of verbs.tsv
	Frame   string

	typ, subtype string // triggers.tsv's own event type and subtype
}

// LexiconRows returns the rows of the event lexicons, triggers.tsv's then
// verbs.tsv's, in file order. It leaves out the rows the extractor skips
// (no pattern, or in verbs.tsv no code).
func LexiconRows() []LexiconRow { return lexiconRows() }

func lexiconRows() []LexiconRow {
	var out []LexiconRow
	for _, f := range []string{"triggers.tsv", "verbs.tsv"} {
		b, _ := gazetteerFS.ReadFile("gazetteer/" + f)
		for n, l := range strings.Split(string(b), "\n") {
			l = strings.TrimRight(l, "\r")
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			r := strings.Split(l, "\t")
			row := LexiconRow{File: f, Line: n + 1, Pattern: col(r, 0)}
			if f == "triggers.tsv" {
				row.typ, row.Code, row.subtype, row.Frame = col(r, 1), col(r, 2), col(r, 3), col(r, 4)
				if row.Pattern == "" {
					continue
				}
			} else {
				row.Code, row.Frame = col(r, 1), col(r, 2)
				if row.Pattern == "" || row.Code == "" {
					continue
				}
			}
			out = append(out, row)
		}
	}
	return out
}

func patternLen(t trigger) int {
	n := 0
	for _, w := range t.words {
		if w != "..." {
			n++
		}
	}
	return n
}

// typeForCode gives the event type (and subtype) that is home to a CAMEO code.
func typeForCode(code string) (string, string) {
	switch {
	case code == "036":
		return TypeMeeting, "intent to meet"
	case code == "0356" || code == "0871":
		return TypeAgreement, "ceasefire"
	case code == "041":
		return TypePhoneCall, ""
	case code == "042" || code == "043":
		return TypeVisit, ""
	case code == "045" || code == "039" || code == "038":
		return TypeMediation, ""
	case code == "046":
		return TypeNegotiation, ""
	case code == "057":
		return TypeAgreement, "agreement"
	case code == "054":
		return TypeCooperation, "recognition"
	case code == "163":
		return TypeSanction, ""
	}
	switch cameoRoot(code) {
	case "01":
		return TypeStatement, ""
	case "02":
		return TypeAppeal, ""
	case "03":
		return TypeCooperation, "intent"
	case "04":
		return TypeMeeting, ""
	case "05":
		if code >= "051" && code <= "053" || code == "055" || code == "056" {
			return TypeStatement, ""
		}
		return TypeCooperation, "diplomatic"
	case "06":
		return TypeCooperation, "material"
	case "07":
		return TypeAid, ""
	case "08":
		return TypeYield, ""
	case "09":
		return TypeInvestigation, ""
	case "10":
		return TypeAppeal, "demand"
	case "11":
		return TypeAccusation, ""
	case "12":
		return TypeRejection, ""
	case "13":
		return TypeThreat, ""
	case "14":
		return TypeProtest, ""
	case "15":
		return TypeMilitaryAction, "force posture"
	case "16":
		return TypeReduceRelations, ""
	case "17":
		return TypeCoercion, ""
	case "18":
		return TypeMilitaryAction, "assault"
	case "19":
		return TypeMilitaryAction, ""
	case "20":
		return TypeMilitaryAction, "mass violence"
	}
	return TypeStatement, ""
}

// triggerIndex finds the triggers that may start at a word without trying
// them all: by the exact first word, and by the stem of "x*" and "x+".
type triggerIndex struct {
	all     []trigger
	exact   map[string][]int
	stems   map[string][]int
	maxStem int
	stemLen []bool          // stemLen[l]: some stem has l bytes
	pre3    map[string]bool // the first three letters of the stems of three or more
}

func newTriggerIndex(ts []trigger) *triggerIndex {
	ix := &triggerIndex{all: ts, exact: map[string][]int{}, stems: map[string][]int{}, pre3: map[string]bool{}}
	for i, t := range ts {
		w := t.words[0]
		switch {
		case strings.HasSuffix(w, "*") || strings.HasSuffix(w, "+"):
			stem := w[:len(w)-1]
			if strings.HasSuffix(w, "+") {
				for _, f := range irregular[stem] {
					ix.exact[f] = append(ix.exact[f], i)
				}
				if strings.HasSuffix(stem, "e") {
					stem = stem[:len(stem)-1] // urge+ matches "urging"
				}
			}
			ix.stems[stem] = append(ix.stems[stem], i)
			if len(stem) > ix.maxStem {
				ix.maxStem = len(stem)
			}
			for len(ix.stemLen) <= len(stem) {
				ix.stemLen = append(ix.stemLen, false)
			}
			ix.stemLen[len(stem)] = true
			if len(stem) >= 3 {
				ix.pre3[stem[:3]] = true
			}
		default:
			ix.exact[w] = append(ix.exact[w], i)
		}
	}
	return ix
}

// startsEvent reports whether some event trigger (not a stop phrase) may
// start at the word w.
func (ix *triggerIndex) startsEvent(w string) bool {
	for _, i := range ix.candidates(w) {
		if !ix.all[i].stop() {
			return true
		}
	}
	return false
}

// candidates returns the indexes, in priority order, of the triggers whose
// first word may match w.
func (ix *triggerIndex) candidates(w string) []int {
	out := ix.exact[w]
	n := len(w)
	if n > ix.maxStem {
		n = ix.maxStem
	}
	for l := 1; l <= n; l++ {
		if l == 3 && !ix.pre3[w[:3]] {
			break // no stem of three or more letters starts so
		}
		if !ix.stemLen[l] {
			continue // no stem so long: no lookup
		}
		if c, ok := ix.stems[w[:l]]; ok {
			if len(out) == 0 {
				out = c
				continue
			}
			merged := make([]int, 0, len(out)+len(c))
			merged = append(append(merged, out...), c...)
			sort.Ints(merged) // a new slice: the index itself is never written
			out = merged
		}
	}
	return out
}
