package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, number or punctuation mark with its byte offsets in the
// article text.
type token struct {
	start, end int
	text       string
	lower      string
}

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (t token) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) isNumber() bool {
	for _, r := range t.text {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t.text != ""
}

// sentence is a span of the text and its tokens.
type sentence struct {
	Span
	para   int
	tokens []token
	text   string
}

// abbreviations that end with a period without ending a sentence.
var abbreviations = wordSet("abbreviations")

// sentenceOpeners end a sentence after an abbreviation that may close one
// (gazetteer/words/sentence-openers.txt).
var sentenceOpeners = wordSet("sentence-openers")

// tokenize splits s (which starts at byte offset base of the article) into tokens.
// Words keep inner hyphens, apostrophes and dotted abbreviations (U.S., U.N.).
func tokenize(s string, base int) []token {
	out := make([]token, 0, len(s)/5+1) // about one token in five bytes of news
	// ASCII text is lower-cased once, each token's lower case a slice of it
	lowerAll := ""
	if isASCII(s) {
		lowerAll = strings.ToLower(s)
	}
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			i += w
			for i < len(s) {
				r, w = utf8.DecodeRuneInString(s[i:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					i += w
					continue
				}
				if r == '-' || r == '\'' || r == '’' || r == '.' || r == ',' {
					// joiner inside a word: "Nagorno-Karabakh", "U.S.", "20,000", "Côte d'Ivoire"
					if i+w < len(s) {
						r2, _ := utf8.DecodeRuneInString(s[i+w:])
						if r == ',' && !(unicode.IsDigit(r2) && i > 0 && isDigitByte(s[i-1])) {
							break
						}
						if r == '.' && !(unicode.IsLetter(r2) && i-start == 1) && !(unicode.IsDigit(r2) && isDigitByte(s[i-1])) {
							break
						}
						if (r == '\'' || r == '’') && unicode.IsLetter(r2) && strings.HasPrefix(s[i+w:], "s") && !isLetterAt(s, i+w+1) {
							break // possessive: "Russia's" -> "Russia" + "'s"
						}
						if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
							i += w
							continue
						}
					}
				}
				break
			}
			// dotted abbreviation: U.S. U.N.
			if i < len(s) && s[i] == '.' && isDottedAbbrev(s[start:i]) {
				i++
			}
		} else if (r == '\'' || r == '’') && strings.HasPrefix(s[i+w:], "s") && !isLetterAt(s, i+w+1) {
			i += w + 1 // 's
		} else {
			i += w
		}
		t := s[start:i]
		var lower string
		if lowerAll != "" {
			lower = lowerAll[start:i]
		} else {
			lower = strings.ToLower(t)
			if strings.Contains(lower, "’") {
				lower = strings.ReplaceAll(lower, "’", "'") // "People’s" reads as "People's"
			}
		}
		out = append(out, token{start: base + start, end: base + i, text: t, lower: lower})
	}
	return out
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// isDottedAbbrev reports whether w looks like "U.S" or "U.N" (letters
// separated by dots), so that the final dot belongs to it.
func isDottedAbbrev(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// splitSentences splits the body paragraphs into sentences.
func splitSentences(text string, paras []Span) []sentence {
	var out []sentence
	for pi, p := range paras {
		toks := tokenize(text[p.Start:p.End], p.Start)
		begin := 0
		for i := 0; i < len(toks); i++ {
			t := toks[i].text
			if t != "." && t != "!" && t != "?" {
				continue
			}
			if t == "." && i > 0 {
				prev := toks[i-1]
				if prev.end == toks[i].start && (abbreviations[prev.lower] || (len(prev.text) == 1 && prev.isCap())) &&
					!(i+1 < len(toks) && toks[i+1].isCap() && sentenceOpeners[toks[i+1].lower]) {
					continue // "Nov. 16", "J. Smith", but "Hun Sen. He said"
				}
			}
			end := i + 1
			// closing quotes and brackets belong to the sentence
			for end < len(toks) && isCloser(toks[end].text) {
				end++
			}
			if end < len(toks) {
				n := toks[end]
				if !(n.isCap() || isOpener(n.text) || n.isNumber()) {
					continue
				}
			}
			out = append(out, mkSentence(text, pi, toks[begin:end]))
			begin = end
			i = end - 1
		}
		if begin < len(toks) {
			out = append(out, mkSentence(text, pi, toks[begin:]))
		}
	}
	return out
}

func mkSentence(text string, para int, toks []token) sentence {
	s := Span{toks[0].start, toks[len(toks)-1].end}
	return sentence{Span: s, para: para, tokens: toks, text: text[s.Start:s.End]}
}

func isCloser(t string) bool {
	switch t {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "\"", "“", "‘", "'", "(", "[", "«":
		return true
	}
	return false
}
