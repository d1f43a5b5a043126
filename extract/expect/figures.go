package expect

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what the held-out scorer (shared/eval/score.py) and its
// Go twins, ScoreArticles and ScoreEvents, share: the figures they report,
// their text form, and the few Python string rules score.py keys on.

// PRF is a precision / recall tally as score.py reports it.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

// PRF computes the figures of a tally the way score.py's prf does, to the
// last bit.
func (c Counts) PRF() PRF {
	return PRF{Precision: c.P(), Recall: c.R(), F1: c.F1(), TP: c.TP, FP: c.FP, FN: c.FN}
}

// tally counts a predicted set against a wanted one.
func tally[K comparable](c *Counts, pred, want map[K]bool) {
	for k := range pred {
		if want[k] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for k := range want {
		if !pred[k] {
			c.FN++
		}
	}
}

// writePRF prints a line of score.py's text output:
// "events     P 0.195  R 0.283  F1 0.231  (tp 43 fp 178 fn 109)".
func writePRF(w io.Writer, name string, p PRF) {
	fmt.Fprintf(w, "%-10s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
		name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
}

// pyFloat prints a float as Python's repr does: 0.71875, 0.0, 1e-05.
func pyFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// side is score.py's side(): the country of one side of an event, upper
// case, or "" when it is unknown or an international body ("IGO...").
func side(country string) string {
	c := strings.ToUpper(country)
	if c == "" || strings.HasPrefix(c, "IGO") {
		return ""
	}
	return c
}

// rootKey is score.py's root_key(): the CAMEO root of a code, with 036
// (intent to meet or negotiate) counted as 04.
func rootKey(code string) string {
	if strings.HasPrefix(code, "036") {
		return "04"
	}
	return prefix(code, 2)
}

// prefix is Python's s[:n]: the first n characters.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// surname is score.py's surname(): the last word of a name that begins
// with a capital, lower case ("Sergey V. Lavrov" -> "lavrov"), or the
// whole name lower case when no word does.
func surname(name string) string {
	last := ""
	for _, w := range strings.FieldsFunc(strings.ReplaceAll(name, ".", " "), pySpace) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.In(r, unicode.Upper, unicode.Other_Uppercase) {
			last = w
		}
	}
	if last == "" {
		return pyLower(name)
	}
	return pyLower(last)
}

// pySpace is Python's str.isspace, which also counts the separators
// U+001C..U+001F.
func pySpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// pyLower is Python's str.lower for the names it meets: Go's ToLower but
// for the dotted capital I, which Python lowers to "i" and a combining dot.
// (Python's final sigma is not copied.)
func pyLower(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u0130", "i\u0307"))
}
