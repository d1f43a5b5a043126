package extract

import (
	"strings"
	"unicode/utf8"
)

// Sentences returns the byte spans of the body sentences of in that may
// hold an event: those with a word that can start a trigger of the verb
// lexicon. These are the sentences worth sending to a parser; the caller
// parses text[s.Start:s.End] for each and hands the result back to Extract
// as in.Parse. Sentences fails only where Extract would (empty or not
// UTF-8 text). Spans are in text order.
func Sentences(in Input) ([]Span, error) {
	return sentenceSpans(in, func(s sentence) bool {
		for _, t := range s.tokens {
			if t.isWord() && triggers.startsEvent(t.lower) {
				return true
			}
		}
		return false
	})
}

// BodySentences returns the byte spans of every body sentence of in, in
// text order: all a parser would read of the article, where Sentences
// picks those worth reading. It fails where Sentences does.
func BodySentences(in Input) ([]Span, error) {
	return sentenceSpans(in, func(sentence) bool { return true })
}

func sentenceSpans(in Input, keep func(sentence) bool) ([]Span, error) {
	if strings.TrimSpace(in.Text) == "" {
		return nil, ErrEmpty
	}
	if !utf8.ValidString(in.Text) {
		return nil, ErrInvalidUTF8
	}
	loadTables()
	h := parseArticle(in.Text, in)
	var out []Span
	for _, s := range splitSentences(in.Text, h.paragraphs) {
		if keep(s) {
			out = append(out, s.Span)
		}
	}
	return out, nil
}
