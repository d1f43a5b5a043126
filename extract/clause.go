package extract

import "strings"

// speechVerbs introduce reported speech.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "noted": true, "notes": true,
	"stated": true, "states": true, "told": true, "stressed": true, "emphasized": true, "emphasised": true,
	"underlined": true, "announced": true, "declared": true, "remarked": true, "explained": true,
	"insisted": true, "claimed": true, "asserted": true, "reiterated": true,
	"recalled": true, "affirmed": true, "confirmed": true, "wrote": true, "tweeted": true,
}

// clause is the reported content of a sentence and who said it.
type clause struct {
	speaker  *entity
	from, to int // token range of the content
	verb     int // token index of the speech verb, or -1
}

// attribution finds the speaker of a sentence: "..., said X", "X said that ...".
func (d *doc) attribution(si int, ms []mention) clause {
	toks := d.sents[si].tokens
	c := clause{from: 0, to: len(toks), verb: -1}
	for i, t := range toks {
		if coveredBy(ms, i) || (i > 0 && t.isCap()) {
			continue // "the United States" states nothing
		}
		isVerb := speechVerbs[t.lower] || t.lower == "reported" || t.lower == "reports"
		if !isVerb && t.lower == "went" && i+3 < len(toks) && toks[i+1].lower == "on" && toks[i+2].lower == "to" && toks[i+3].lower == "say" {
			isVerb = true
		}
		if !isVerb && t.lower == "according" && i+1 < len(toks) && toks[i+1].lower == "to" {
			// "..., according to X": X is the source, the rest is content
			c.verb, c.to = i, i
			if i > 0 && toks[i-1].text == "," {
				c.to = i - 1
			}
			if m := firstMentionFrom(ms, i+2, 6); m != nil && m.ent != nil && isSpeaker(m.ent) {
				c.speaker = personAfter(ms, m)
			}
			return c
		}
		if !isVerb {
			continue
		}
		// A trailing attribution: "<content>, a senior Israeli official said
		// on Wednesday." The content is what comes before the comma.
		if comma := trailingComma(toks, i); comma >= 0 {
			c.verb, c.from, c.to = i, 0, comma
			for k := len(ms) - 1; k >= 0; k-- {
				if ms[k].tok > comma && ms[k].tok < i && ms[k].ent != nil && isSpeaker(ms[k].ent) {
					c.speaker = personAfter(ms, &ms[k])
					break
				}
			}
			if m := firstMentionFrom(ms, i+1, 8); c.speaker == nil && m != nil && m.ent != nil && isSpeaker(m.ent) {
				c.speaker = personAfter(ms, m)
			}
			return c
		}
		// speaker after the verb: ", said Zakharova", ", she added"
		if m := firstMentionFrom(ms, i+1, 8); m != nil && m.ent != nil && isSpeaker(m.ent) && i > 0 && isCommaOrQuote(toks[i-1].text) {
			c.speaker, c.verb, c.to = personAfter(ms, m), i, i
			return c
		}
		// speaker before the verb: "Zakharova said (that) ...", "She noted that"
		if m := lastMentionBefore(ms, i, 3); m != nil && m.ent != nil && isSpeaker(m.ent) {
			c.speaker, c.verb, c.from = m.ent, i, i+1
			if c.from < len(toks) && toks[c.from].lower == "that" {
				c.from++
			}
			return c
		}
	}
	return c
}

// trailingComma returns the comma that opens a trailing attribution ending
// with the speech verb at i ("..., the White House announced Tuesday."),
// or -1. After the verb only a few words may follow (a time, "here").
func trailingComma(toks []token, i int) int {
	rest := 0
	for k := i + 1; k < len(toks); k++ {
		if toks[k].text != "." && !isCloser(toks[k].text) {
			rest++
		}
	}
	if rest > 5 {
		return -1
	}
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		switch toks[k].text {
		case ",", "”", "\"":
			if k == 0 {
				return -1
			}
			if toks[k].text != "," && toks[k-1].text == "," {
				return k - 1
			}
			return k
		case ".", ";", ":":
			return -1
		}
	}
	return -1
}

// personAfter prefers a person to the body he speaks for: "said Russian
// Foreign Ministry's Spokeswoman Maria Zakharova".
func personAfter(ms []mention, m *mention) *entity {
	if m.ent.typ == TypePerson {
		return m.ent
	}
	for k := range ms {
		if ms[k].tok > m.tok && ms[k].tok <= m.tok+m.toks+3 && ms[k].ent != nil && ms[k].ent.typ == TypePerson {
			return ms[k].ent
		}
	}
	return m.ent
}

func isSpeaker(e *entity) bool {
	return e.typ == TypePerson || e.typ == TypeOrganization || e.typ == TypeCountry || e.typ == TypePlace || e.typ == typeGroup
}

func isCommaOrQuote(s string) bool {
	return s == "," || s == "”" || s == "\"" || s == "’" || s == "'"
}

func firstMentionFrom(ms []mention, tok, within int) *mention {
	for k := range ms {
		if ms[k].tok >= tok && ms[k].tok < tok+within && ms[k].form != 'm' {
			return &ms[k]
		}
	}
	return nil
}

func lastMentionBefore(ms []mention, tok, within int) *mention {
	for k := len(ms) - 1; k >= 0; k-- {
		end := ms[k].tok + ms[k].toks
		if end <= tok && end >= tok-within && ms[k].form != 'm' {
			return &ms[k]
		}
	}
	return nil
}

// infinitiveBetween reports whether a "to" opens, at most two words
// before b, the infinitive b belongs to ("asked France to stop selling
// weapons"), after a.
func infinitiveBetween(toks []token, a, b int) bool {
	for k := b - 1; k > a && k >= b-3; k-- {
		if toks[k].lower == "to" {
			return true
		}
	}
	return false
}

// modality reads the words before a trigger in its clause.
func modality(toks []token, from, tok int) string {
	lo := tok - 6
	for k := tok - 1; k >= 0 && k >= tok-4; k-- {
		if toks[k].lower == "to" {
			// "will meet with the Prime Minister and other senior officials
			// to discuss", "the need to seize the momentum ... to secure a
			// lasting ceasefire": an infinitive and its object are as
			// planned or as hypothetical as the words they complete
			lo = tok - 30
			break
		}
	}
	if lo < from {
		lo = from
	}
	neg, planned, hypo := false, false, false
	for k := lo; k < tok; k++ {
		if k > 0 && toks[k].isCap() {
			continue // "Theresa May" holds no modal
		}
		switch toks[k].lower {
		case "not", "n't", "never", "no", "refused", "failed", "denied", "cancelled", "canceled", "postponed":
			if k >= tok-3 {
				neg = true
			}
		case "will", "shall", "expected", "planned", "plans", "plan", "scheduled", "set", "intends", "going", "upcoming", "forthcoming", "next":
			planned = true
		case "due":
			// "is due to visit" plans; "died due to torture" gives a cause
			if k > 0 {
				switch toks[k-1].lower {
				case "is", "are", "was", "were", "be", "been", "'s", "also", "now":
					planned = true
				}
			}
		case "if", "could", "may", "might", "possible", "possibly", "unless", "should", "must", "ought":
			hypo = true // "Libya must hand over the suspects": asked for, not done
		case "need", "needs", "importance", "opportunity", "ways", "preparedness", "readiness":
			// "the need to seize this opportunity", "the importance of
			// continuing to support", "discussed ways to deepen": what is
			// needed or weighed is not done
			if k+1 < tok && (toks[k+1].lower == "to" || toks[k+1].lower == "of" || toks[k+1].lower == "for") {
				hypo = true
			}
		case "forward":
			// "looks forward to receiving", "look forward to working"
			if k > 0 && strings.HasPrefix(toks[k-1].lower, "look") {
				planned = true
			}
		case "about":
			// "is about to leave for Chile"
			if k+1 < tok && toks[k+1].lower == "to" && k > 0 && (toks[k-1].lower == "is" || toks[k-1].lower == "are" || toks[k-1].lower == "was" || toks[k-1].lower == "were") {
				planned = true
			}
		case "would": // reported future: "said it would release"
			planned = true
		}
	}
	switch {
	case len(toks) > 0 && toks[len(toks)-1].text == "?":
		return ModalityHypothetical // "Why aren't we sanctioning China?" asserts no act
	case neg:
		return ModalityNegated
	case planned:
		return ModalityPlanned
	case hypo:
		return ModalityHypothetical
	}
	return ModalityAsserted
}

// clauseBetween reports whether a clause boundary separates two triggers:
// then the later one is an act of its own ("cooperates with X, continues
// to assist Y"), not the complement of the first ("refused to lift").
func clauseBetween(toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		switch toks[k].lower {
		case ",", ";", "and", "but", "while", "as", "after", "before", "when", "whereas", "which", "who":
			return true
		}
	}
	return false
}

// clauseEnd returns where the clause that starts at k ends: at a comma,
// a semicolon or a word that opens another clause.
//
// "demanded that X ...", "warned that X ..." name their target in the
// clause that follows, and a threat its target in its condition ("if X").
func clauseEnd(toks []token, k, to int, root string) int {
	for ; k < to; k++ {
		switch w := toks[k].lower; w {
		case ",", ";", ":", "which", "who", "whom", "while", "whereas", "but", "because", "after",
			"before", "when", "until", "since", "although", "though":
			return k
		case "and":
			// "condemned the sanctions and warned that ...": a new verb
			if k+1 < to && (strings.HasSuffix(toks[k+1].lower, "ed") || speechVerbs[toks[k+1].lower]) {
				return k
			}
		case "if", "unless":
			if root != "13" {
				return k
			}
		}
	}
	return to
}

// reportedFrom returns where the reported words start for dating: after
// a "that" within a few words of a speech verb followed by its words
// ("said that", "said on Saturday that", "told reporters in Tokyo that"),
// so that the words between belong to the speech act; else cl.from.
func (cl clause) reportedFrom(toks []token) int {
	if cl.verb < 0 || cl.from != cl.verb+1 {
		return cl.from
	}
	for k := cl.from; k < len(toks) && k < cl.from+7; k++ {
		switch toks[k].lower {
		case "that":
			return k + 1
		case ",", ";", ":", "\"", "“", ".":
			return cl.from
		}
	}
	return cl.from
}
