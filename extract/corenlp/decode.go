package corenlp

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// appendLine appends l to b as one line the server reads as one sentence:
// characters the tokenizer takes for a line break (\n, \r, \v, \f, NEL,
// U+2028, U+2029), tabs, the byte-order mark and bytes that are not UTF-8
// become spaces or '?', byte for byte, so offsets into the line are
// offsets into l.
func appendLine(b []byte, l string) []byte {
	for i := 0; i < len(l); {
		r, w := utf8.DecodeRuneInString(l[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			b = append(b, '?')
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' ||
			r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF:
			b = append(b, strings.Repeat(" ", w)...)
		default:
			b = append(b, l[i:i+w]...)
		}
		i += w
	}
	return b
}

// answer is the part of the server's JSON that is read.
type answer struct {
	Sentences []struct {
		Tokens []struct {
			Word  string `json:"word"`
			Lemma string `json:"lemma"`
			POS   string `json:"pos"`
			NER   string `json:"ner"`
			Begin int    `json:"characterOffsetBegin"`
			End   int    `json:"characterOffsetEnd"`
		} `json:"tokens"`
		Deps []struct {
			Rel       string `json:"dep"`
			Governor  int    `json:"governor"`
			Dependent int    `json:"dependent"`
		} `json:"enhancedPlusPlusDependencies"`
	} `json:"sentences"`
}

// decode reads the server's answer to body, the lines joined by "\n",
// into one sentence a line with offsets relative to the line. The server
// should give one sentence a line; when it gives several for a line they
// are merged, and a line it gives none (nothing but what its tokenizer
// drops) gets nil.
func decode(res, body []byte, lines []string) ([]*parse.Sentence, error) {
	var a answer
	if err := json.Unmarshal(res, &a); err != nil {
		return nil, fmt.Errorf("decode answer: %w", err)
	}
	pos := utf16ToByte(body)
	starts := make([]int, len(lines)) // byte offset of each line in body
	for i := 1; i < len(lines); i++ {
		starts[i] = starts[i-1] + len(lines[i-1]) + 1
	}
	out := make([]*parse.Sentence, len(lines))
	for _, s := range a.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		first := s.Tokens[0].Begin
		if first < 0 || first >= len(pos) {
			return nil, fmt.Errorf("token offset %d out of the %d characters sent", first, len(pos)-1)
		}
		li := sort.SearchInts(starts, pos[first]+1) - 1
		base := starts[li]
		if out[li] == nil {
			out[li] = &parse.Sentence{End: len(lines[li]), Tokens: []parse.Token{}, Deps: []parse.Dep{}}
		}
		sent := out[li]
		off := len(sent.Tokens)
		for _, t := range s.Tokens {
			if t.Begin < 0 || t.End < t.Begin || t.End >= len(pos) || pos[t.End]-base > len(lines[li]) {
				return nil, fmt.Errorf("token %q at [%d,%d) out of its line", t.Word, t.Begin, t.End)
			}
			sent.Tokens = append(sent.Tokens, parse.Token{Text: t.Word, Start: pos[t.Begin] - base, End: pos[t.End] - base,
				POS: t.POS, Lemma: strings.ToLower(t.Lemma), NER: t.NER})
		}
		seen := map[parse.Dep]bool{}
		for _, d := range s.Deps {
			if d.Dependent < 1 || d.Dependent > len(s.Tokens) || d.Governor < 0 || d.Governor > len(s.Tokens) {
				return nil, fmt.Errorf("dependency %s %d->%d out of its sentence of %d tokens", d.Rel, d.Governor, d.Dependent, len(s.Tokens))
			}
			dep := parse.Dep{Gov: -1, Dep: off + d.Dependent - 1, Rel: d.Rel}
			if d.Governor > 0 {
				dep.Gov = off + d.Governor - 1
			}
			if !seen[dep] {
				seen[dep] = true
				sent.Deps = append(sent.Deps, dep)
			}
		}
	}
	return out, nil
}

// utf16ToByte maps each UTF-16 offset into body (as the server counts,
// in Java chars) to a byte offset; the offset one past the end included.
// body is valid UTF-8 (appendLine made it so).
func utf16ToByte(body []byte) []int {
	pos := make([]int, 0, len(body)+1)
	for i := 0; i < len(body); {
		r, w := utf8.DecodeRune(body[i:])
		pos = append(pos, i)
		if r >= 0x10000 {
			pos = append(pos, i) // the low surrogate: inside the rune
		}
		i += w
	}
	return append(pos, len(body))
}
