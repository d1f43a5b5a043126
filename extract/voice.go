package extract

import "strings"

// The voice of a press release: in an article its government issues
// (publisher.go), "we", "us" and "our" of the release's own narrative are
// that government. Inside a quotation they are the quoted speaker's, who
// may be anyone, so they are left alone there.

// voicePronouns are the first-person plural words that speak for the
// issuing government.
var voicePronouns = map[string]bool{"we": true, "us": true, "our": true, "ours": true, "ourselves": true}

// voiceAt reads the issuing government's voice at toks[i] of sentence si:
// "we", "us" (in lower case: "US" is the country), "our", "our" before
// a body ("our government", "our embassy"), or its government body named
// alone ("the Administration"). It returns the mention and the
// number of tokens read, or 0.
func (d *doc) voiceAt(si int, toks []token, i int) (mention, int) {
	t := toks[i]
	if d.publisher == "" || t.text == "US" || t.text == "OUR" {
		return mention{}, 0
	}
	if t.lower == "the" && i+1 < len(toks) && toks[i+1].isCap() {
		// "the Administration", "the Government": the issuing government
		// names itself by its body alone ("the Government of Romania" is
		// another's)
		b, n := d.matchBody(toks[i+1:])
		if n == 0 || b.kind != "gov" || ofAfter(toks, i+1+n) || d.inQuote(si, i) {
			return mention{}, 0
		}
		if c := d.countryEntity(d.publisher); c != nil {
			return d.bodyMention(b, c, toks, i, i+1+n), 1 + n
		}
		return mention{}, 0
	}
	if n := ownActionAt(toks, i); n > 0 && !d.inQuote(si, i) {
		// "Today's action imposes visa restrictions": the release's own act
		if c := d.countryEntity(d.publisher); c != nil {
			return mention{Span: Span{t.start, toks[i+n-1].end}, ent: c, tok: i, toks: n, form: 'p'}, n
		}
		return mention{}, 0
	}
	if !voicePronouns[t.lower] || d.inQuote(si, i) {
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

// actionNouns name what a release announces its government does.
var actionNouns = map[string]bool{"action": true, "actions": true, "measures": true, "designation": true,
	"designations": true}

// ownActionAt returns how many tokens at toks[i] name the issuing
// government's own act: "Today's action", "today's designations", and at
// the start of a sentence "This action", "These measures". Or 0.
func ownActionAt(toks []token, i int) int {
	w := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].lower
		}
		return ""
	}
	n := 0
	switch {
	case w(0) == "today" && w(1) == "'s" && actionNouns[w(2)]:
		n = 3 // the tokenizer splits the possessive
	case (w(0) == "today's" || w(0) == "today’s") && actionNouns[w(1)]:
		n = 2
	case (w(0) == "this" || w(0) == "these") && i == 0 && actionNouns[w(1)]:
		n = 2
	}
	if w(n) == "by" || w(n) == "of" {
		return 0 // "today's action by the Council" is another's
	}
	return n
}

// ofAfter reports whether the noun phrase that goes on at toks[k] names
// whose body it is: "of Romania", "and people of Israel".
func ofAfter(toks []token, k int) bool {
	if k < len(toks) && toks[k].lower == "of" {
		return true
	}
	if k >= len(toks) || toks[k].lower != "and" && toks[k].lower != "," {
		return false
	}
	for j := k + 1; j < len(toks) && j < k+4; j++ {
		if toks[j].lower == "of" {
			return true
		}
		if !toks[j].isWord() {
			return false
		}
	}
	return false
}

// inQuote reports whether token k of sentence si lies inside quotation
// marks opened in its paragraph: straight quotes toggle, curly ones open
// and close. A quotation may run over several sentences. The marks of the
// sentences before are counted once an article (quoteStates).
func (d *doc) inQuote(si, k int) bool {
	if len(d.quotes) != len(d.sents) {
		d.quotes = quoteStates(d.sents)
	}
	q := d.quotes[si]
	for _, t := range d.sents[si].tokens[:k] {
		q = q.after(t)
	}
	return q.depth > 0 || q.straight
}

// quoteState is how many curly quotations are open, and whether a
// straight one is.
type quoteState struct {
	depth    int
	straight bool
}

// after returns the state after token t.
func (q quoteState) after(t token) quoteState {
	switch t.text {
	case "“", "«":
		q.depth++
	case "”", "»":
		if q.depth > 0 {
			q.depth--
		}
	case "\"":
		q.straight = !q.straight
	}
	return q
}

// quoteStates returns the quotation state at the start of each sentence:
// none at the start of a paragraph, else that after the sentence before.
func quoteStates(sents []sentence) []quoteState {
	out := make([]quoteState, len(sents))
	for si := 1; si < len(sents); si++ {
		if sents[si-1].para != sents[si].para {
			continue
		}
		q := out[si-1]
		for _, t := range sents[si-1].tokens {
			q = q.after(t)
		}
		out[si] = q
	}
	return out
}

// The signer of a release speaks as "I": "Ann Smith, Secretary of
// Defense" on a header line, or "Statement by President Ann Smith on ..."
// as its title. Outside quotations "I", "me" and "my" are the signer.

// signerPronouns are the first-person singular words that speak for the
// signer.
var signerPronouns = map[string]bool{"i": true, "me": true, "my": true, "myself": true}

// findSigner sets d.signer from the header lines or the title of a release
// its government issues.
func (d *doc) findSigner(in Input, head []string) {
	if d.publisher == "" {
		return
	}
	for _, l := range head {
		name, office, ok := strings.Cut(l, ", ")
		if !ok || len(l) > maxHeaderLen || strings.ContainsAny(office, ",.;:") && !strings.HasSuffix(office, ".") {
			continue
		}
		if e, ok := d.titleIn(tokenize(office, 0)); ok {
			if p := d.signerPerson(tokenize(name, 0), e); p != nil {
				d.signer = p
				return
			}
		}
	}
	// "Statement by President Ann Smith on the Floods"
	toks := tokenize(in.Title, 0)
	if len(toks) < 4 || toks[1].lower != "by" && toks[1].lower != "from" {
		return
	}
	for k := 2; k < len(toks) && k <= 4; k++ {
		if es, m := d.g.lookup(toks[k:]); m > 0 && es[0].kind == kindTitle {
			if nn := d.nameAt(toks, k+m); nn >= 2 {
				d.signer = d.signerPerson(toks[k+m:k+m+nn], es[0])
			}
			return
		}
	}
}

// titleIn returns the first office named in toks.
func (d *doc) titleIn(toks []token) (entry, bool) {
	for k := range toks {
		if es, m := d.g.lookup(toks[k:]); m > 0 && es[0].kind == kindTitle {
			return es[0], true
		}
	}
	return entry{}, false
}

// signerPerson returns the person named by toks, two to five words, in
// office e: a known figure, or a new person of the office's country.
func (d *doc) signerPerson(toks []token, e entry) *entity {
	if len(toks) < 2 || len(toks) > 5 {
		return nil
	}
	for _, t := range toks {
		if t.isWord() && !t.isCap() {
			return nil
		}
	}
	if f := d.figureAt(toks, 0, len(toks), e.title); f != nil {
		return d.figurePerson(f)
	}
	p := d.personEntity(toksText(toks))
	if p.title == "" {
		p.title, p.sector = e.title, e.sector
	}
	if p.country == "" {
		p.country = d.officeCountry(e)
	}
	return p
}

// toksText joins tokens with single spaces, keeping an initial's dot.
func toksText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.text != "." {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// signerAt reads "I", "me" or "my" at toks[i] of sentence si as the
// signer of the release, outside quotations.
func (d *doc) signerAt(si int, toks []token, i int) (mention, int) {
	t := toks[i]
	if d.signer == nil || !signerPronouns[t.lower] || t.text == "ME" || d.inQuote(si, i) {
		return mention{}, 0
	}
	return mention{Span: Span{t.start, t.end}, ent: d.signer, tok: i, toks: 1, form: 'p'}, 1
}
