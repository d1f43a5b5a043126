package extract

import (
	"strings"
	"unicode/utf8"
)

// Sentences returns the byte spans of the body sentences of in that may
// hold an event: those with a word that can start a trigger of the verb
// lexicon and a mention of someone (a country, a person, a body, a group,
// a pronoun read as one of them): a frame reads its sides from mentions,
// so the parse of a sentence naming no one changes nothing. These are the
// sentences worth sending to a parser; the caller parses text[s.Start:s.End]
// for each and hands the result back to Extract as in.Parse. Sentences
// fails only where Extract would (empty or not UTF-8 text). Spans are in
// text order.
func Sentences(in Input) ([]Span, error) {
	if err := usable(in); err != nil {
		return nil, err
	}
	x, _ := begin(in)
	d := x.d
	var out []Span
	for si, s := range d.sents {
		// mentions are read in order, as Extract reads them: who "he" is
		// depends on the sentences before
		d.ments[si] = d.findMentions(si)
		if !names(d.ments[si]) {
			continue
		}
		for _, t := range s.tokens {
			if t.isWord() && triggers.startsEvent(t.lower) {
				out = append(out, s.Span)
				break
			}
		}
	}
	return out, nil
}

// names reports whether some mention of ms stands for an entity.
func names(ms []mention) bool {
	for _, m := range ms {
		if m.ent != nil {
			return true
		}
	}
	return false
}

// BodySentences returns the byte spans of every body sentence of in, in
// text order: all a parser would read of the article, where Sentences
// picks those worth reading. It fails where Sentences does.
func BodySentences(in Input) ([]Span, error) {
	return sentenceSpans(in, func(sentence) bool { return true })
}

// usable returns the error Extract gives for text it cannot read, or nil.
func usable(in Input) error {
	if strings.TrimSpace(in.Text) == "" {
		return ErrEmpty
	}
	if !utf8.ValidString(in.Text) {
		return ErrInvalidUTF8
	}
	return nil
}

func sentenceSpans(in Input, keep func(sentence) bool) ([]Span, error) {
	if err := usable(in); err != nil {
		return nil, err
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
