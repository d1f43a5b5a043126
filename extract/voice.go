package extract

// The voice of a press release: in an article its government issues
// (publisher.go), "we", "us" and "our" of the release's own narrative are
// that government. Inside a quotation they are the quoted speaker's, who
// may be anyone, so they are left alone there.

// voicePronouns are the first-person plural words that speak for the
// issuing government.
var voicePronouns = map[string]bool{"we": true, "us": true, "our": true, "ours": true, "ourselves": true}

// voiceAt reads the issuing government's voice at toks[i] of sentence si:
// "we", "us" (in lower case: "US" is the country), "our", or "our" before
// a body ("our government", "our embassy"). It returns the mention and the
// number of tokens read, or 0.
func (d *doc) voiceAt(si int, toks []token, i int) (mention, int) {
	t := toks[i]
	if d.publisher == "" || !voicePronouns[t.lower] || t.text == "US" || t.text == "OUR" || d.inQuote(si, i) {
		return mention{}, 0
	}
	c := d.countryEntity(d.publisher)
	if c == nil {
		return mention{}, 0
	}
	if t.lower == "our" && i+1 < len(toks) {
		if b, n := d.matchBody(toks[i+1:]); n > 0 && (b.kind == "gov" || b.kind == "mil" || b.kind == "org") {
			return d.bodyMention(b, c, toks, i, i+1+n), 1 + n
		}
	}
	return mention{Span: Span{t.start, t.end}, ent: c, tok: i, toks: 1, form: 'p'}, 1
}

// inQuote reports whether token k of sentence si lies inside quotation
// marks opened in its paragraph: straight quotes toggle, curly ones open
// and close. A quotation may run over several sentences.
func (d *doc) inQuote(si, k int) bool {
	first := si
	for first > 0 && d.sents[first-1].para == d.sents[si].para {
		first--
	}
	depth, straight := 0, false
	for sj := first; sj <= si; sj++ {
		toks := d.sents[sj].tokens
		end := len(toks)
		if sj == si {
			end = k
		}
		for _, t := range toks[:end] {
			switch t.text {
			case "“", "«":
				depth++
			case "”", "»":
				if depth > 0 {
					depth--
				}
			case "\"":
				straight = !straight
			}
		}
	}
	return depth > 0 || straight
}
