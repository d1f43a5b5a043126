package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// event is an event found in the article, before it becomes a node.
type event struct {
	typ, subtype, cameo string
	label               string
	date, end           string
	precision           string
	modality            string
	attribution         *entity
	parts               []part
	evidence            []Span
	ordinal, count      int
	origin              string // an anniversary's origin year
	topic               string
	key                 string // merge key within the article
	conflict            *event // the conflict an event belongs to or is about
	since               bool
	sent                int
	confidence          float64
	dated               bool      // the date came from the text, not from the context
	side                []*entity // a meeting's subject side, when it meets named others
	trigger             string    // the words that name the act, as written ("met with")
	targetFrom          string    // where a target the sentence does not name came from ("headline")
	stance              bool      // a stance named by a noun, toward no one the sentence names
}

type part struct {
	role string
	ent  *entity
}

func (e *event) addPart(role string, x *entity) {
	if x == nil {
		return
	}
	for _, p := range e.parts {
		if p.ent == x && p.role == role {
			return
		}
	}
	e.parts = append(e.parts, p0(role, x))
}

func p0(role string, x *entity) part { return part{role: role, ent: x} }

func (e *event) has(x *entity) bool {
	for _, p := range e.parts {
		if p.ent == x {
			return true
		}
	}
	return false
}

func (e *event) addEvidence(s Span) {
	for _, o := range e.evidence {
		if o == s {
			return
		}
	}
	e.evidence = append(e.evidence, s)
}

// speechVerbs introduce reported speech.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "noted": true, "notes": true,
	"stated": true, "states": true, "told": true, "stressed": true, "emphasized": true, "emphasised": true,
	"underlined": true, "announced": true, "declared": true, "remarked": true, "explained": true,
	"insisted": true, "claimed": true, "asserted": true, "reiterated": true,
	"recalled": true, "affirmed": true, "confirmed": true, "wrote": true, "tweeted": true,
}

// prepositions that make the following mention an object, not a subject.
var prepositions = map[string]bool{
	"of": true, "with": true, "to": true, "in": true, "from": true, "against": true, "by": true,
	"for": true, "on": true, "at": true, "between": true, "among": true, "into": true, "about": true,
	"towards": true, "toward": true, "including": true, "than": true, "over": true,
	"outside": true, "inside": true, "near": true, "across": true, "through": true, "along": true,
	"beside": true, "behind": true, "during": true, "under": true,
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
			if i > 2 && toks[i-1].lower == "to" { // "went on to say"
				c.from = i + 1
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

// isActor says whether a mention can be a participant: not a mere modifier
// and not a place name used as a location only.
func isActor(m mention) bool {
	if m.form == 'm' || m.form == 'g' || m.ent == nil {
		return false
	}
	switch m.ent.typ {
	case TypePerson, TypeCountry, typeGroup:
		return true
	case TypeOrganization:
		return m.ent.orgKind != "media" // a news agency reports, it does not act
	case TypePlace:
		return m.form == 'c' || m.form == 'a'
	case TypeRegion:
		return m.form == 'a' // "Darfur rebels"
	}
	return false
}

// governed reports whether the mention follows a preposition ("co-chairs of
// the OSCE Minsk Group"), and so is not the subject of a verb. A mention
// joined by "and" to a governed one is governed too ("between A and B").
func governed(toks []token, ms []mention, m mention) bool {
	for depth := 0; depth < 8; depth++ {
		k := m.tok - 1
		for k >= 0 && (toks[k].lower == "the" || toks[k].lower == "other" || toks[k].lower == "its" || toks[k].lower == "their") {
			k--
		}
		if k < 0 {
			return false
		}
		if prepositions[toks[k].lower] {
			// "Demonstrators in Baghdad", "Opposition groups in Zimbabwe":
			// the place names the group, which acts
			if (toks[k].lower == "in" || toks[k].lower == "from" || toks[k].lower == "of") && k > 0 && groupNouns[toks[k-1].lower] && !groupBefore(ms, k) {
				return false
			}
			return true
		}
		if toks[k].lower != "and" && toks[k].text != "," {
			return false
		}
		prev := -1
		for j := range ms {
			if ms[j].tok+ms[j].toks == k {
				prev = j
			}
		}
		if prev < 0 {
			return false
		}
		m = ms[prev]
	}
	return false
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

// endsMention reports whether a mention ends right before token k.
func endsMention(ms []mention, k int) bool {
	for _, m := range ms {
		if m.tok+m.toks == k {
			return true
		}
	}
	return false
}

// groupBefore reports whether a group mention ends at token k: "Protesters
// in Paris" names its own actor.
func groupBefore(ms []mention, k int) bool {
	for _, m := range ms {
		if m.tok+m.toks == k && m.ent != nil && m.ent.typ == typeGroup {
			return true
		}
	}
	return false
}

// subjectBefore finds the actor a verb at tok is about: the nearest actor
// before it in the clause that is not governed by a preposition.
func subjectBefore(toks []token, ms []mention, from, tok int) *mention {
	return subjectOrGroup(toks, ms, from, tok, false)
}

// subjectOrGroup is subjectBefore that may also return a group mention
// ("the two leaders") when groups is true.
func subjectOrGroup(toks []token, ms []mention, from, tok int, groups bool) *mention {
	// an unresolved pronoun just before the verb is its subject: do not
	// reach back past it ("... after it annexed Crimea")
	blockAt := -1
	for k := tok - 1; k >= from && k >= tok-3; k-- {
		if w := toks[k].lower; w == "it" || w == "they" || w == "we" || w == "who" || w == "which" {
			if !coveredBy(ms, k) {
				blockAt = k
			}
			break
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.tok >= tok || m.tok < from || m.tok < blockAt {
			continue
		}
		if !isActor(m) && m.form != 'p' && !(groups && m.form == 'g' && len(m.group) > 0) {
			continue
		}
		if governed(toks, ms, m) || inApposition(toks, ms, m, tok) {
			continue
		}
		return &ms[k]
	}
	return nil
}

// appositionOpeners begin a phrase set off by commas that describes the
// actor before it: "Estonia, a small country in Northern Europe, ...".
var appositionOpeners = map[string]bool{"a": true, "an": true, "the": true, "one": true, "home": true}

// appositionHeads are offices that open an apposition to a person:
// "Ali Aliyev, chairman of the Civic Solidarity Party, met ...".
var appositionHeads = map[string]bool{"president": true, "minister": true, "secretary": true,
	"ambassador": true, "commander": true, "founder": true, "governor": true, "mayor": true,
	"deputy": true, "former": true, "general": true, "prime": true, "foreign": true, "senior": true,
	"vice": true, "acting": true, "speaker": true, "co-chair": true, "co-chairman": true}

// inApposition reports whether the mention m lies in an apposition to an
// actor before the verb at tok: in "Pakistan, a key U.S. ally in the war
// against terrorism, has refused ..." the subject is Pakistan, not the
// United States.
func inApposition(toks []token, ms []mention, m mention, tok int) bool {
	return insideSpan(appositions(toks, ms, tok), m.tok)
}

// insideSpan reports whether token k lies between the commas of a span.
func insideSpan(spans [][2]int, k int) bool {
	for _, a := range spans {
		if k > a[0] && k < a[1] {
			return true
		}
	}
	return false
}

// appositions returns the comma pairs that set off an apposition before the
// verb at tok: the first comma follows an actor and comes before a
// determiner ("Estonia, a small but strong country in Northern Europe,"),
// the second comes before the verb.
func appositions(toks []token, ms []mention, tok int) [][2]int {
	var out [][2]int
	for _, h := range ms {
		open := h.tok + h.toks
		if open+1 >= tok || toks[open].text != "," || !(appositionOpeners[toks[open+1].lower] || appositionHeads[toks[open+1].lower] || headNouns[toks[open+1].lower]) ||
			!isActor(h) || governed(toks, ms, h) {
			continue
		}
		for k := open + 1; k < tok; k++ {
			if w := toks[k].text; w == "," {
				out = append(out, [2]int{open, k})
				break
			} else if w == "." || w == ";" || w == ":" {
				break
			}
		}
	}
	return out
}

// actorsAfter lists the actors after tok, up to the end of the clause.
func actorsAfter(toks []token, ms []mention, tok, to int) []mention {
	var out []mention
	for _, m := range ms {
		if m.tok > tok && m.tok < to && (isActor(m) || m.form == 'p') {
			out = append(out, m)
		}
	}
	return out
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
			// "is about to leave for Turkey"
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

// findEvents reads the events of sentence si.
func (x *extraction) findEvents(si int) {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	ms := d.ments[si]
	cl := d.attribution(si, ms)
	x.lastSubj = nil
	defer func() { x.clause = clause{verb: -1} }()
	// "claimed responsibility", "denied charges": an act, not a report
	if cl.verb >= 0 && cl.verb < len(toks) {
		for _, ti := range x.triggers.candidates(toks[cl.verb].lower) {
			if tr := x.triggers.all[ti]; !tr.stop() && patternLen(tr) > 1 && tr.match(toks, cl.verb) > 0 {
				cl = clause{from: 0, to: len(toks), verb: -1}
				break
			}
		}
	}
	x.clause = cl
	// the dates of the sentence, read only when it holds an act
	var dates []dateRef
	read := false
	sentDates := func() []dateRef {
		if !read {
			dates = findDates(s.text, s.Start, x.ref, x.haveRef, looksAhead(s.text))
			read = true
		}
		return dates
	}

	// Groups: "our countries" means the speaker's country and the other
	// country spoken of; "the two countries" the two countries named.
	for k := range ms {
		if ms[k].form == 'g' {
			ms[k].group = x.resolveGroup(si, ms, cl)
		}
	}

	// Statements: one per speaker and day.
	if cl.speaker != nil && cl.verb >= 0 {
		x.statement(si, cl, ms, sentDates())
	}

	// Relations stated in the sentence.
	x.relations(si, ms, cl)

	// "X issued a reminder to Iraq that it must cooperate": outside reported
	// speech, the subject of the sentence demands of the one who must.
	if cl.verb < 0 {
		for k, t := range toks {
			if t.lower != "that" {
				continue
			}
			if x0 := subjectBefore(toks, ms, 0, k); x0 != nil {
				x.demand(si, clause{speaker: x0.ent, from: k + 1, to: len(toks), verb: k}, ms, sentDates())
			}
			break
		}
	}

	type hit struct {
		tr      trigger
		i, n    int
		planned bool // the complement of an intent: "willing to withdraw"
	}
	var hits []hit
	firstVerb := -1
	for i := 0; i < len(toks); i++ {
		if i == cl.verb || insideName(ms, i) || adjectival(toks, i) || (i > 0 && toks[i].isCap()) ||
			(monthOf(toks[i].text) != 0 && i+1 < len(toks) && toks[i+1].isNumber()) {
			continue // "March 9", a capitalised word inside a sentence: names, not acts
		}
		for _, ti := range x.triggers.candidates(toks[i].lower) {
			tr := x.triggers.all[ti]
			n := tr.match(toks, i)
			if n == 0 {
				continue
			}
			if tr.stop() {
				i += n - 1 // "press release", "occupied territories": no act
				break
			}
			if x.nounForVerb(si, tr, i) || x.qualifier(si, i, n) {
				continue // "satellite phones", "aid workers": no act
			}
			// "ceasefire agreement", "peace talks": one event, not two
			for more := true; more && i+n < len(toks); {
				more = false
				for _, tj := range x.triggers.candidates(toks[i+n].lower) {
					if t2 := x.triggers.all[tj]; t2.typ == tr.typ {
						if m := t2.match(toks, i+n); m > 0 {
							n += m
							more = true
							break
						}
					}
				}
			}
			hits = append(hits, hit{tr: tr, i: i, n: n})
			if firstVerb < 0 && (isVerbal(tr, toks[i].lower) || tr.frame == "resolution") {
				firstVerb = i // a resolution's topic ("on withdrawal of forces") is no act either
			}
			i += n - 1
			break
		}
	}
	// "the coalition fighting Houthi rebels in Yemen has declared a
	// ceasefire", "used tear gas to disperse demonstrators protesting the
	// results": a participle right after its noun describes it; the other
	// verb of the clause is the act
	for k := 0; k < len(hits); k++ {
		h := hits[k]
		if !strings.HasSuffix(toks[h.i].lower, "ing") || h.i == 0 || !endsMention(ms, h.i) {
			continue
		}
		for j, other := range hits {
			a, b := min(h.i, other.i), max(h.i, other.i)
			if w := toks[other.i].lower; j != k && isVerbal(other.tr, w) && !strings.HasSuffix(w, "ing") && !clauseBetween(toks, a, b) {
				hits = append(hits[:k], hits[k+1:]...)
				k--
				if firstVerb == h.i {
					firstVerb = -1
					for _, h2 := range hits {
						if isVerbal(h2.tr, toks[h2.i].lower) || h2.tr.frame == "resolution" {
							firstVerb = h2.i
							break
						}
					}
				}
				break
			}
		}
	}
	// "urged Libya to hand over the suspects", "called on Arabs to
	// mobilize": what an appeal or demand asks for is not done
	for k := 0; k+1 < len(hits); k++ {
		a, b := hits[k], hits[k+1]
		if r := cameoRoot(a.tr.cameo); (r == "02" || r == "10") && infinitiveBetween(toks, a.i, b.i) &&
			isVerbal(b.tr, toks[b.i].lower) && b.i-a.i <= 10 && !clauseBetween(toks, a.i, b.i) {
			hits = append(hits[:k+1], hits[k+2:]...)
			k--
		}
	}
	// "pledged to expel", "prepared to resume shelling": an intent whose
	// complement is a hostile act is coded by that act
	for k := 0; k+1 < len(hits); k++ {
		a, b := hits[k], hits[k+1]
		if objectOf(a.tr, toks, a.i+a.n, b.i) {
			// "prepared to lift the ban": the intent holds its own verb,
			// and the noun after it is that verb's object, not a second act
			hits = append(hits[:k+1], hits[k+2:]...)
			k--
			continue
		}
		if cameoRoot(a.tr.cameo) == "03" && cameoRoot(b.tr.cameo) >= "10" && isVerbal(b.tr, toks[b.i].lower) &&
			!clauseBetween(toks, a.i, b.i) && b.i-a.i <= 4 {
			if cameoRoot(b.tr.cameo) >= "18" {
				// "prepared to resume shelling": readiness to fight is a show of force
				b.tr.cameo, b.tr.typ, b.tr.subtype = "150", TypeMilitaryAction, "force posture"
				hits[k+1] = b
			}
			hits = append(hits[:k], hits[k+1:]...)
			if firstVerb == a.i {
				firstVerb = b.i
			}
			k--
			continue
		}
		// "is willing to withdraw its troops from Lebanon": an intent whose
		// complement is an act of cooperation is that act, planned, with
		// the complement's own target
		if a.tr.cameo == "030" && isVerbal(a.tr, toks[a.i].lower) || a.tr.cameo == "030" && intentWords[toks[a.i].lower] {
			if r := cameoRoot(b.tr.cameo); r >= "04" && r <= "08" && isVerbal(b.tr, toks[b.i].lower) &&
				!clauseBetween(toks, a.i, b.i) && b.i-a.i <= 4 {
				b.planned = true
				hits[k+1] = b
				hits = append(hits[:k], hits[k+1:]...)
				if firstVerb == a.i {
					firstVerb = b.i
				}
				k--
			}
		}
	}
	// "met Lavrov to discuss the war": a meeting that is the purpose of
	// another meeting is that meeting, not one more
	for k := 0; k < len(hits); k++ {
		if h := hits[k]; h.tr.typ == TypeMeeting && slices.ContainsFunc(hits, func(o hit) bool {
			return o.i < h.i && o.tr.typ == TypeMeeting && x.purposeOf(si, h.i, o.i)
		}) {
			hits = append(hits[:k], hits[k+1:]...)
			k--
		}
	}
	lastVerb := firstVerb
	for _, h := range hits {
		special := h.tr.frame == "conflict" || h.tr.frame == "anniversary" || h.tr.frame == "resolution"
		// A noun after the main verb is its object or a detail ("agreed to
		// a ceasefire after two days of fighting"), not an event of its own;
		// conflicts, anniversaries and resolutions are always read.
		if firstVerb >= 0 && h.i > firstVerb && !isVerbal(h.tr, toks[h.i].lower) && !special && !x.ownAgent(si, h.i) {
			continue
		}
		// A later verb with no subject of its own completes the main one
		// ("refused to lift the curfew", "prepared to resume shelling").
		if lastVerb >= 0 && h.i > lastVerb && !special && !clauseBetween(toks, lastVerb, h.i) && !x.ownAgent(si, h.i) {
			continue
		}
		if isVerbal(h.tr, toks[h.i].lower) {
			lastVerb = h.i
		}
		if ev := x.frame(si, h.tr, h.i, h.n, ms, cl, sentDates); ev != nil && h.planned && ev.modality == ModalityAsserted {
			ev.modality = ModalityPlanned
		}
	}
	// verbs our lexicon lacks, coded by the CAMEO dictionary on the parse
	taken := func(k int) bool {
		for _, h := range hits {
			if k >= h.i && k < h.i+h.n {
				return true
			}
		}
		return false
	}
	for _, dh := range x.dictionaryVerbs(si, taken, cl.verb) {
		x.frame(si, dh.tr, dh.i, 1, ms, cl, sentDates)
	}
}

// betweenStates reports whether the parse names two countries on the
// sides of the noun at [i, i+n) whose agents are subjs: a pair ("the
// Iran-Iraq war") or an agent and a patient ("Russia's war in Ukraine").
// A noun that only qualifies another ("war criminals") names no act.
func (x *extraction) betweenStates(si, i, n int, subjs []mention) bool {
	sy := x.d.syn[si]
	for _, h := range sy.trigHeads(i, n) {
		if len(sy.govs(h, func(r string) bool { return r == "compound" })) > 0 {
			return false
		}
	}
	sides := map[string]bool{}
	for _, m := range subjs {
		if c := m.country(); c != "" {
			sides[c] = true
		}
	}
	if len(sides) == 0 {
		return false
	}
	objs, _, _ := x.argObjects(si, i, n)
	for _, m := range objs {
		if c := m.country(); c != "" && m.ent.typ == TypeCountry {
			sides[c] = true
		}
	}
	return len(sides) > 1
}

// sameVisit gives a visit the key of one already read with the same
// visitor and host whose days hold its own, or that its days hold: a tour
// "to A, B and C August 2-12" and then "to B August 7-9" is one visit to
// B, on the narrower days.
func (x *extraction) sameVisit(ev *event, visitor, host *entity) {
	if ev.precision != PrecisionDay {
		return
	}
	lo, hi := ev.date, firstOf(ev.end, ev.date)
	for _, old := range x.events {
		if old.typ != TypeVisit || old.precision != PrecisionDay || firstRole(old, "visitor") != visitor || firstRole(old, "host") != host {
			continue
		}
		olo, ohi := old.date, firstOf(old.end, old.date)
		switch {
		case olo <= lo && hi <= ohi:
			old.date, old.end = ev.date, ev.end
		case lo <= olo && ohi <= hi:
		default:
			continue
		}
		ev.key = old.key
		return
	}
}

// stanceRoots are the roots of stances a noun may name: an appeal, an
// intent, diplomatic cooperation, a demand, disapproval, a rejection, a
// threat ("a call for", "commitment to", "support for", "threats").
var stanceRoots = map[string]bool{"02": true, "03": true, "05": true, "10": true, "11": true, "12": true, "13": true}

// dropStances removes the stances named by a noun that nothing in the
// article aimed at anyone.
func (x *extraction) dropStances() {
	kept := x.events[:0]
	for _, ev := range x.events {
		if ev.stance && !ev.hasRole("target", "party", "participant", "visitor", "host", "appointee") {
			if ev.key != "" && x.byKey[ev.key] == ev {
				delete(x.byKey, ev.key)
			}
			continue
		}
		kept = append(kept, ev)
	}
	x.events = kept
}

// nounTrigger reports whether the parse reads the trigger at [i, i+n) as
// headed by a noun.
func (x *extraction) nounTrigger(si, i, n int) bool {
	sy := x.d.syn[si]
	hs := sy.trigHeads(i, n)
	return len(hs) > 0 && sy.isNoun(hs[0])
}

// purposeOf reports whether the parse reads the verb at the rules' token
// i as the purpose of the one at j: an infinitive clause ("to discuss")
// that hangs on j, directly or through the other side of j ("met with
// officials to discuss").
func (x *extraction) purposeOf(si, i, j int) bool {
	sy := x.d.syn[si]
	pi, pj := sy.at(i), sy.at(j)
	if pi < 0 || pj < 0 || sy.isNoun(pi) {
		return false
	}
	if !slices.ContainsFunc(sy.kids(pi, func(string) bool { return true }), func(k int) bool { return sy.s.Tokens[k].Lemma == "to" }) {
		return false
	}
	for v, n := pi, 0; n < 4; n++ {
		gs := sy.govs(v, func(r string) bool {
			return rel(r, "advcl") || rel(r, "xcomp") || rel(r, "acl") || rel(r, "obl") || rel(r, "obj") || rel(r, "conj")
		})
		if len(gs) == 0 {
			return false
		}
		v = gs[0]
		if v == pj {
			return true
		}
	}
	return false
}

// nounForVerb reports whether the row's first word is a verb ("phone+",
// "attack+") and the parse reads the token at i as a noun: the row's
// inflections are a verb's, and a noun of the same spelling names a thing
// ("satellite phones") or is listed as a noun row of its own, unless it
// takes the act's participants.
func (x *extraction) nounForVerb(si int, tr trigger, i int) bool {
	if !strings.HasSuffix(tr.words[0], "+") {
		return false
	}
	sy := x.d.syn[si]
	p := sy.at(i)
	if p < 0 || !sy.isNoun(p) {
		return false
	}
	// "the release of a citizen", "Khashoggi's killing": a noun with the
	// act's participants names the act
	return len(sy.kids(p, func(r string) bool { return strings.HasPrefix(r, "nmod") })) == 0
}

// qualifier reports whether the parse reads the trigger at [i, i+n) as
// headed by a noun that only qualifies an actor it is a compound of: "aid
// workers", "war criminals" name people, not acts ("aid deliveries", "a
// mediation effort", "summoned the ambassador" still do).
func (x *extraction) qualifier(si, i, n int) bool {
	sy := x.d.syn[si]
	hs := sy.trigHeads(i, n)
	for _, p := range hs {
		outside := true // p is the trigger's head: it hangs on no word of the trigger
		for _, g := range sy.govs(p, func(string) bool { return true }) {
			if slices.Contains(hs, g) {
				outside = false
			}
		}
		if !outside {
			continue
		}
		if !sy.isNoun(p) || sy.ment[p] >= 0 {
			return false
		}
		for _, g := range sy.govs(p, func(r string) bool { return r == "compound" }) {
			if k := sy.ment[g]; g > p && k >= 0 && sy.ms[k].ent != nil && !x.triggerAt(si, sy.toTok[g]) {
				return true // the noun qualifies an actor
			}
		}
		return false
	}
	return false
}

// triggerAt reports whether some trigger row matches at the rules' token k:
// in "ceasefire agreement" both words name the act.
func (x *extraction) triggerAt(si, k int) bool {
	toks := x.d.sents[si].tokens
	if k < 0 || k >= len(toks) {
		return false
	}
	for _, ti := range x.triggers.candidates(toks[k].lower) {
		if tr := x.triggers.all[ti]; !tr.stop() && tr.match(toks, k) > 0 {
			return true
		}
	}
	return false
}

// objectOf reports whether a hit at b is the object of the verb that ends
// the trigger tr, which matched up to end: tr is an intent with its verb
// ("prepared to lift") and only determiners come between.
func objectOf(tr trigger, toks []token, end, b int) bool {
	if cameoRoot(tr.cameo) != "03" || b < end || b > end+1 {
		return false
	}
	to := false
	for _, w := range tr.words[:len(tr.words)-1] {
		to = to || w == "to"
	}
	if !to || tr.words[len(tr.words)-1] == "to" || tr.words[len(tr.words)-1] == "..." {
		return false
	}
	for k := end; k < b; k++ {
		switch toks[k].lower {
		case "the", "a", "an", "its", "their", "all":
		default:
			return false
		}
	}
	return true
}

// isVerbal reports whether a trigger matched a verb rather than a noun:
// its pattern inflects a verb, or the word is a past form.
func isVerbal(tr trigger, first string) bool {
	for _, w := range tr.words {
		if strings.HasSuffix(w, "+") {
			return true
		}
	}
	if strings.HasSuffix(tr.words[0], "*") {
		for _, suf := range []string{"ed", "ing", "es", "e"} {
			if strings.HasSuffix(first, suf) {
				return true
			}
		}
	}
	return strings.HasSuffix(first, "ed") || irregularPast(first)
}

func (x *extraction) resolveGroup(si int, ms []mention, cl clause) []*entity {
	// "the two leaders": the last two people spoken of
	for _, m := range ms {
		if m.form == 'g' && leaderNouns[x.d.sents[si].tokens[m.tok+m.toks-1].lower] {
			// the last two people spoken of who lead: not the spokesperson
			// who reports their meeting, nor the journalist
			var two []*entity
			for k := len(x.d.persons) - 1; k >= 0 && len(two) < 2; k-- {
				p := x.d.persons[k]
				if !strings.Contains(p.title, "Spokes") && p.occupation != "journalist" {
					two = append([]*entity{p}, two...)
				}
			}
			if len(two) == 2 {
				return two
			}
			return nil
		}
	}
	var cs []*entity
	seen := map[*entity]bool{}
	addC := func(e *entity) {
		if e != nil && e.typ == TypeCountry && !seen[e] {
			seen[e] = true
			cs = append(cs, e)
		}
	}
	if cl.speaker != nil && cl.speaker.typ != TypeCountry {
		if c := x.d.countryEntity(cl.speaker.country); c != nil {
			addC(c)
		}
	} else if cl.speaker != nil {
		addC(cl.speaker)
	}
	for _, m := range ms {
		if m.form != 'g' && m.ent != nil && m.ent.typ == TypeCountry {
			addC(m.ent)
		}
	}
	// fall back on the countries most spoken of so far
	if len(cs) < 2 {
		for _, c := range x.salientCountries() {
			addC(c)
			if len(cs) >= 2 {
				break
			}
		}
	}
	if len(cs) > 2 && cl.speaker == nil {
		cs = cs[:2]
	}
	return cs
}

// salientCountries orders the countries by how often they were mentioned.
func (x *extraction) salientCountries() []*entity {
	var cs []*entity
	for _, e := range x.d.order {
		if e.typ == TypeCountry {
			cs = append(cs, e)
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return x.count[cs[i]] > x.count[cs[j]] })
	return cs
}

// praise, criticism and other statement cues, checked in the content.
var statementCues = []struct {
	words []string
	typ   string
	cameo string
}{
	{[]string{"strategic", "partner"}, TypeStatement, "051"},
	{[]string{"praised"}, TypeStatement, "051"},
	{[]string{"hailed"}, TypeStatement, "051"},
	{[]string{"commended"}, TypeStatement, "051"},
	{[]string{"welcomed"}, TypeStatement, "051"},
	{[]string{"friendship"}, TypeStatement, "051"},
	{[]string{"condemned"}, TypeAccusation, "111"},
	{[]string{"criticized"}, TypeAccusation, "111"},
	{[]string{"criticised"}, TypeAccusation, "111"},
	{[]string{"accused"}, TypeAccusation, "112"},
	{[]string{"blamed"}, TypeAccusation, "112"},
}

func (x *extraction) statement(si int, cl clause, ms []mention, dates []dateRef) *event {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	ev := &event{typ: TypeStatement, cameo: "010", modality: ModalityAsserted, attribution: cl.speaker, sent: si}
	if cl.verb >= 0 && cl.verb < len(toks) {
		ev.trigger = toks[cl.verb].text
	}
	for _, t := range toks {
		switch t.lower {
		case "briefing":
			ev.subtype = "briefing"
		case "conference":
			ev.subtype = "press conference"
		case "interview":
			ev.subtype = "interview"
		}
	}
	ev.addPart("speaker", cl.speaker)
	speakerCountry := cl.speaker.country
	if cl.speaker.typ == TypeCountry {
		speakerCountry = cl.speaker.iso3
	}
	content := strings.ToLower(joinLower(toks[cl.from:min(cl.to, len(toks))]))
	for _, cue := range statementCues {
		if strings.Contains(content, strings.Join(cue.words, " ")) {
			ev.cameo = cue.cameo
			break
		}
	}
	if ev.cameo != "010" {
		for _, m := range ms {
			if m.tok >= cl.from && m.tok < cl.to && m.ent != nil && m.ent.typ == TypeCountry && m.ent.iso3 != speakerCountry && m.form != 'm' {
				ev.addPart("target", m.ent)
				break
			}
		}
	}
	// The date of a statement is that of the speech act ("said ... at a
	// briefing Nov. 16"), not a date inside what was said.
	var own []dateRef
	for _, dr := range dates {
		if dr.Start < tokStart(toks, cl.from) || dr.Start >= tokStart(toks, cl.to) || cl.to <= cl.from {
			own = append(own, dr)
		}
	}
	x.demand(si, cl, ms, own)
	x.date(ev, own, toks[cl.verb].start, si)
	if !ev.dated {
		// the same speaker again: the same occasion
		for k := len(x.events) - 1; k >= 0; k-- {
			if o := x.events[k]; o.typ == TypeStatement && o.attribution == cl.speaker {
				ev.date, ev.end, ev.precision = o.date, o.end, o.precision
				break
			}
		}
	}
	ev.key = "statement|" + cl.speaker.id + "|" + ev.date
	return x.merge(ev, Span{s.Start, s.End})
}

// date sets an event's date from the date expression nearest to the
// trigger at offset at, or from the context, or from the publication.
func (x *extraction) date(ev *event, dates []dateRef, at int, si int) {
	best := -1
	bestDist := 1 << 30
	lo, hi := x.clauseAround(si, at)
	for k, dr := range dates {
		if dr.Start < lo || dr.Start >= hi {
			continue // a date of another clause ("..., since taking office in 2003")
		}
		dist := dr.Start - at
		if dist < 0 {
			dist = -dist + 1 // a date after the trigger is a little preferred
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best >= 0 {
		dr := dates[best]
		ev.date, ev.end, ev.precision, ev.since, ev.dated = dr.date, dr.end, dr.precision, dr.since, true
		return
	}
	if x.pubDate == "" {
		ev.date, ev.precision = "", PrecisionUnknown
		return
	}
	ev.date, ev.precision = x.pubDate, PrecisionDerived
}

// merge adds ev to the article's events, or adds its evidence and parts
// to the event with the same key.
func (x *extraction) merge(ev *event, ev0 Span) *event {
	ev.addEvidence(ev0)
	if ev.key != "" {
		if old, ok := x.byKey[ev.key]; ok {
			old.addEvidence(ev0)
			for _, p := range ev.parts {
				old.addPart(p.role, p.ent)
			}
			if old.cameo == "010" && ev.cameo != "010" {
				old.cameo = ev.cameo
			}
			if old.subtype == "" {
				old.subtype = ev.subtype
			}
			if old.trigger == "" {
				old.trigger = ev.trigger
			}
			if old.precision == PrecisionDerived && ev.precision != PrecisionDerived {
				old.date, old.end, old.precision = ev.date, ev.end, ev.precision
			}
			return old
		}
		x.byKey[ev.key] = ev
	}
	x.events = append(x.events, ev)
	return ev
}

// frame fills in the participants of a triggered event.
func (x *extraction) frame(si int, tr trigger, i, n int, ms []mention, cl clause, dates func() []dateRef) *event {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	from, to := 0, len(toks)
	if cl.verb >= 0 {
		if i >= cl.from && i < cl.to {
			from, to = cl.from, cl.to
		}
	}
	ev := &event{typ: tr.typ, cameo: tr.cameo, subtype: tr.subtype, sent: si, trigger: s.text[toks[i].start-s.Start : toks[min(i+n, len(toks))-1].end-s.Start]}
	if cl.speaker != nil && i >= cl.from && i < cl.to {
		ev.attribution = cl.speaker
	}
	ev.modality = modality(toks, from, i)
	ev0 := Span{s.Start, s.End}
	after := i + n
	switch tr.frame {
	case "visit":
		if i > 0 && (toks[i-1].lower == "the" || toks[i-1].lower == "this") && !hasWordAfter(toks, after, "to") {
			// "the visit": the one spoken of before
			if last := x.last(TypeVisit); last != nil {
				last.addEvidence(ev0)
			}
			return nil
		}
		subj, hosts := x.visitArgs(si, i, n, from, to)
		if subj == nil || len(hosts) == 0 {
			return nil
		}
		proto := *ev
		var first *event
		for _, host := range hosts {
			e := proto // "will visit A, B and C": a visit to each
			ev := &e
			visitor := subj.ent
			var hostCountry *entity
			if host.ent.typ == TypePlace {
				hostCountry = d.countryEntity(host.ent.country)
				ev.addPart("destination", host.ent)
			} else {
				hostCountry = host.ent
			}
			if hostCountry == nil || visitor == hostCountry || visitor.country == hostCountry.iso3 && visitor.typ != TypeCountry {
				continue
			}
			ev.addPart("visitor", visitor)
			ev.addPart("host", hostCountry)
			if i > 0 {
				switch toks[i-1].lower {
				case "official", "state", "working", "private", "unofficial", "first":
					ev.subtype = toks[i-1].lower
				}
			}
			x.date(ev, dates(), toks[i].start, si)
			x.inherit(ev, si)
			ev.key = "visit|" + visitor.id + "|" + hostCountry.id + "|" + ev.date
			x.sameVisit(ev, visitor, hostCountry)
			if first == nil {
				first = ev
				continue
			}
			x.merge(ev, ev0)
		}
		if first == nil {
			return nil
		}
		ev = first
	case "meet", "sym":
		if i > 0 && (toks[i-1].lower == "the" || toks[i-1].lower == "this") && !hasWordAfter(toks, after, "with") {
			if last := x.last(tr.typ); last != nil {
				last.addEvidence(ev0)
				if t := topicAfter(toks, i, d.text); t != "" && last.topic == "" {
					last.topic = t
				}
			}
			return nil
		}
		subjs, others, parsed := x.meetArgs(si, i, n, tr.words[0] == "discuss+")
		if !parsed {
			subjs = x.subjectsOf(toks, ms, from, i)
			others = objectsAfter(toks, ms, i+n-1, to)
		}
		if tr.words[0] == "discuss+" && !parsed {
			// "discussed Russia's invasion of Ukraine": what is discussed is
			// the topic; the other side is the one discussed "with"
			others = nil
			for k := i + n; k < to && k < i+n+12; k++ {
				if toks[k].lower == "with" && !withNouns[toks[k-1].lower] {
					others = objectsAfter(toks, ms, k, to)
					break
				}
			}
		}
		if len(subjs) == 0 && len(others) < 2 {
			return nil
		}
		for _, m := range subjs {
			for _, e := range m.entities() {
				ev.addPart("participant", e)
			}
		}
		for _, m := range others {
			if m.ent != nil && m.ent.typ != TypePlace {
				ev.addPart("participant", m.ent)
			}
		}
		// "Blinken will meet with A, B and C": the subject meets each of
		// the others, who need not meet one another
		if len(subjs) > 0 && len(others) > 0 {
			for _, m := range subjs {
				ev.side = append(ev.side, m.entities()...)
			}
		}
		// "Lavrov held talks with [someone the text names in a way not
		// read]": a meeting of one known side is still a meeting
		if len(ev.parts) < 2 && !(len(subjs) > 0 && (tr.frame == "sym" || hasWordAfter(toks, after, "with"))) {
			return nil
		}
		x.date(ev, dates(), toks[i].start, si)
		x.inherit(ev, si)
		if ev.typ == TypeMeeting || ev.typ == TypeNegotiation || ev.typ == TypePhoneCall {
			ev.topic = topicAfter(toks, i, d.text)
		}
		ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	case "anniversary":
		ord := 0
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if o := ordinal(toks[k].lower); o > 0 {
				ord = o
				break
			}
		}
		if ord == 0 {
			return nil
		}
		ev.ordinal = ord
		x.date(ev, dates(), toks[i].start, si)
		if ev.precision == PrecisionDerived {
			ev.date = x.pubYear()
		}
		if len(ev.date) >= 4 {
			ev.date, ev.end = ev.date[:4], ""
			ev.precision = PrecisionYear
			if y, err := strconv.Atoi(ev.date); err == nil {
				ev.origin = strconv.Itoa(y - ord)
			}
		}
		ev.topic = topicAfter(toks, i, d.text)
		for _, m := range ms {
			if m.tok > i && m.form == 'g' {
				for _, e := range m.group {
					ev.addPart("party", e)
				}
			} else if m.tok > i && isActor(m) && m.tok < to {
				ev.addPart("party", m.ent)
			}
		}
		ev.modality = ModalityAsserted
		ev.key = "anniversary|" + strconv.Itoa(ord) + "|" + partKey(ev)
		if strings.Contains(ev.topic, "diplomatic relations") && len(ev.parts) == 2 {
			x.rels = append(x.rels, relation{typ: "DIPLOMATIC_RELATIONS", a: ev.parts[0].ent, b: ev.parts[1].ent, date: ev.origin, ev: ev0})
		}
	case "conflict":
		if subjs, ok := x.argSubjects(si, i, n); ok && x.betweenStates(si, i, n, subjs) {
			// "Russia's war in Ukraine", "the Iran-Iraq war": a war that
			// states wage on each other is their use of force (190),
			// coded as a verb is
			trf := tr
			trf.typ, trf.cameo, trf.subtype, trf.frame = TypeMilitaryAction, "190", "war", "svo"
			if len(subjs) > 1 {
				trf.frame = "sym"
			}
			return x.frame(si, trf, i, n, ms, cl, dates)
		}
		var region *entity
		for _, m := range ms {
			if m.ent != nil && m.ent.typ == TypeRegion && m.tok+m.toks == i {
				region = m.ent
			}
		}
		c := x.conflictFor(region)
		definite := i > 0 && (toks[i-1].lower == "the" || toks[i-1].lower == "ensuing" || toks[i-1].lower == "this")
		if c == nil && region == nil && !hasWordAfter(toks, after, "between") && !definite {
			return nil
		}
		if c == nil && region == nil {
			c = x.last(TypeConflict)
		}
		if c == nil {
			ev.key = "conflict|" + idOf(region)
			ev.modality = ModalityAsserted
			x.date(ev, nil, 0, si)
			if region != nil {
				ev.addPart("location", region)
				ev.label = region.name + " conflict"
			}
			c = x.merge(ev, ev0)
		} else {
			c.addEvidence(ev0)
			if c.attribution != ev.attribution {
				c.attribution = nil // reported in several voices: the publisher's account
			}
		}
		// parties: "between A and B", "the two countries", or the countries of the clause
		for _, m := range ms {
			if m.tok <= i || m.tok >= to {
				continue
			}
			if m.form == 'g' {
				for _, e := range m.group {
					c.addPart("party", e)
				}
			}
		}
		if hasWordAfter(toks, after, "between") || strings.Contains(s.text, "claims against") {
			for _, m := range ms {
				if m.tok > i && m.ent != nil && m.ent.typ == TypeCountry && m.form != 'm' {
					c.addPart("party", m.ent)
				}
			}
		}
		for _, dr := range dates() {
			if dr.since || strings.Contains(strings.ToLower(s.text[max(0, dr.Start-s.Start-20):min(len(s.text), dr.End-s.Start)]), "began") {
				c.date, c.end, c.precision, c.since, c.dated = dr.date, "", dr.precision, true, true
				break
			}
		}
		x.lastConflict = c
		return c
	case "mediate":
		subj := subjectBefore(toks, ms, from, i)
		if subj == nil {
			return nil
		}
		ev.addPart("mediator", subj.ent)
		x.betweenParties(ev, toks, ms, i+n, to)
		x.date(ev, dates(), toks[i].start, si)
		ev.key = "mediation|" + subj.ent.id
		ev.pendingConflict(x, ms, i, toks)
	case "recv":
		// "Kenya received weapons from China", "won support from": the
		// giver after "from" acts, the receiver is its target
		rcv := x.subjectsOf(toks, ms, from, i)
		if len(rcv) > 0 {
			x.lastSubj = rcv
		}
		var giver *mention
		for _, m := range placesAndActorsAfter(toks, ms, i+n-1, clauseEnd(toks, i+n, to, cameoRoot(tr.cameo))) {
			if sameActor(rcv, m.ent) {
				continue
			}
			if m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization || m.ent.typ == TypePerson || m.ent.typ == typeGroup || m.form == 'c' {
				giver = &m
			}
			break
		}
		if giver == nil {
			return nil
		}
		ev.addPart("actor", giver.ent)
		for _, m := range rcv {
			for _, e := range m.entities() {
				ev.addPart("target", e)
			}
		}
		x.date(ev, dates(), toks[i].start, si)
		ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	case "svo", "host", "state":
		srcRole, dstRole := "actor", "target"
		switch {
		case tr.frame == "host":
			srcRole, dstRole = "host", "visitor"
			ev.subtype = "hosted"
		case tr.typ == TypeStatement:
			srcRole = "speaker"
		case tr.typ == TypeMediation:
			srcRole, dstRole = "mediator", "party"
		case tr.typ == TypeAppointment:
			srcRole, dstRole = "appointer", "appointee"
		}
		var srcs []mention
		var dst *mention
		if (toks[i].lower == "killed" || strings.HasPrefix(toks[i].lower, "kill")) && military(ms, from, i) {
			ev.cameo, ev.typ, ev.subtype = "190", TypeMilitaryAction, "" // killing by armed forces is fighting
		}
		passive, parsed := x.parsedPassive(si, i, n)
		if !parsed {
			passive = isPassive(toks, i)
		}
		if tr.frame == "state" {
			passive = false // "is committed to": the subject's stance
		}
		var joined []mention // the targets coordinated with dst, from the parse
		if passive {
			// "Evidence against Russia was presented by the US": the agent is
			// the source; "the journalist was arrested in Niger": by whom,
			// the text does not say
			var subj *mention
			if parsed {
				srcs, _ = x.argSubjects(si, i, n)
				if pats, _ := x.argPatients(si, i, n); len(pats) > 0 {
					subj, joined = &pats[0], pats[1:]
				}
			} else {
				if by := passiveAgent(toks, ms, i+n, to); by != nil {
					srcs = []mention{*by}
				}
				subj = subjectBefore(toks, ms, from, i)
			}
			if subj == nil && !parsed {
				// "a camp for Congolese refugees was attacked": what was
				// struck holds whom it struck
				for k := range ms {
					if m := ms[k]; m.tok >= from && m.tok < i && isActor(m) && m.tok+m.toks <= i {
						subj = &ms[k]
						break
					}
				}
			}
			if subj != nil && (len(srcs) == 0 || subj.ent != srcs[0].ent) {
				dst = subj
			}
		} else {
			var cands []mention
			var preps []string
			if parsed {
				srcs, _ = x.argSubjects(si, i, n)
				cands, preps, _ = x.argObjects(si, i, n)
				parsed = len(cands) > 0 // else the targets by the order of the words
			}
			if len(srcs) == 0 {
				srcs = x.subjectsOf(toks, ms, from, i)
			}
			if !parsed {
				end := clauseEnd(toks, i+n, to, cameoRoot(tr.cameo))
				// a pattern with a gap may hold its target: "rejected [Iraqi
				// President Saddam Hussein's] proposal"
				after := i + n - 1
				for _, w := range tr.words {
					if w == "..." {
						after = i
					}
				}
				cands = placesAndActorsAfter(toks, ms, after, end)
			}
			var place *mention
			for ci, m := range cands {
				if sameActor(srcs, m.ent) {
					continue
				}
				if m.tok < i+n && m.ent.typ == typeGroup && m.ent.country == "" {
					continue // "mobilized army reservists": the pattern's own object, of no country
				}
				if !(m.ent.typ == TypeCountry || m.ent.typ == TypeOrganization || m.ent.typ == TypePerson || m.ent.typ == typeGroup || m.form == 'c') {
					// a region or town: only where an act of force happens
					if locative(toks, m) && place == nil && m.ent.country != "" {
						place = &m
					}
					continue
				}
				if fromProposer(toks, m) {
					// "rejected an offer from Afghanistan": who made it
					dst = &m
					break
				}
				if locative(toks, m) {
					// "in Paris", "outside the embassy": where, not whom;
					// an act of force or a protest is aimed at where it happens
					if place == nil {
						place = &m
					}
					continue
				}
				dst = &m
				if parsed {
					// "attacked Iran and Iraq": the targets linked to the act
					// as the first one is
					for cj := ci + 1; cj < len(cands); cj++ {
						if preps[cj] == preps[ci] && x.coordinated(si, cands[ci], cands[cj]) && isActor(cands[cj]) && !sameActor(srcs, cands[cj].ent) {
							joined = append(joined, cands[cj])
						}
					}
				}
				break
			}
			if dst == nil && place != nil && placeIsTarget(tr.cameo) {
				dst = place
			}
			// "recognized Kosovo", "recognize the new government": recognition
			// is granted to the actor that is the verb's object; "recognize
			// the bravery of the Ukrainian people" grants none
			if tr.cameo == "054" && len(tr.words) == 1 && !namedObject(toks, ms, i+n) {
				return nil
			}
			// force against a group of no country is coded by where it falls
			if dst != nil && place != nil && dst.ent.country == "" && dst.ent.typ == TypeOrganization && (cameoRoot(tr.cameo) >= "18") {
				ev.addPart("location", place.ent)
				dst = place
			}
			if len(srcs) == 0 && place != nil && cameoRoot(tr.cameo) == "14" && place.ent.typ != TypeOrganization {
				// "thousands of people blocked streets in Hong Kong": the
				// protesters are people of the place
				srcs = []mention{*place}
			}
		}
		if tr.dict && (len(srcs) == 0 || dst == nil) {
			return nil // a verb only the dictionary knows: an act between two named sides
		}
		if dst == nil && stanceRoots[cameoRoot(tr.cameo)] && x.nounTrigger(si, i, n) {
			// "the Philippines' commitment to nonproliferation", "support for
			// efforts": a stance named by a noun, toward no one the sentence
			// names, is an act only if the article gives it someone
			// (headline.go); dropStances drops the rest
			ev.stance = true
		}
		if len(srcs) > 0 {
			x.lastSubj = srcs
		}
		if len(srcs) == 0 {
			if dst == nil || tr.frame == "host" {
				return nil
			}
		}
		for _, m := range srcs {
			for _, e := range m.entities() {
				ev.addPart(srcRole, e)
			}
		}
		if dst != nil && parsed {
			ev.addPart(dstRole, dst.ent)
			for _, m := range joined {
				ev.addPart(dstRole, m.ent)
			}
		} else if dst != nil {
			ev.addPart(dstRole, dst.ent)
			// "attacked Iran and Iraq", "tortured Sierra Leonean and
			// Liberian refugees": the targets joined to the first
			last := *dst
			for _, m := range ms {
				if m.tok < last.tok+last.toks || m.tok >= to || !isActor(m) || ev.has(m.ent) {
					continue
				}
				if !joins(toks, ms, last.tok+last.toks, m.tok) {
					break
				}
				ev.addPart(dstRole, m.ent)
				last = m
			}
		}
		if tr.frame == "host" && (len(srcs) == 0 || dst == nil) {
			return nil
		}
		for _, m := range ms {
			if m.tok <= i || m.tok >= to || m.ent == nil || ev.has(m.ent) {
				continue
			}
			// where it happened: a region, or a place or country after "in"
			if m.ent.typ == TypeRegion || (m.tok > 0 && toks[m.tok-1].lower == "in" && (m.ent.typ == TypePlace || m.ent.typ == TypeCountry)) {
				ev.addPart("location", m.ent)
			}
		}
		x.date(ev, dates(), toks[i].start, si)
		if x.lastConflict != nil && (ev.has(firstRole(x.lastConflict, "party")) || len(x.lastConflict.parts) == 0) {
			ev.conflict = x.lastConflict
		}
		ev.key = tr.typ + "|" + partKey(ev) + "|" + ev.date
	case "agreement", "between":
		// the parties: who concludes it (the subject, or "Bolivia's
		// agreement"), and whom it is "with" or "between"
		subjs := subjectsBefore(toks, ms, from, i)
		if len(subjs) == 0 {
			if sp := x.speakerAsSubject(toks, ms, i); sp != nil {
				subjs = []mention{*sp} // "Libya's rival authorities announced a ceasefire"
			}
		}
		for _, m := range subjs {
			for _, e := range m.entities() {
				ev.addPart("party", e)
			}
		}
		k := i + n
		for k < len(toks) && k < i+n+3 && toks[k].lower != "with" && toks[k].lower != "between" && toks[k].lower != "among" {
			k++
		}
		if k < len(toks) && k < i+n+3 {
			for _, m := range objectsAfter(toks, ms, k, clauseEnd(toks, k+1, to, "")) {
				for _, e := range m.entities() {
					if e.typ != TypePlace {
						ev.addPart("party", e)
					}
				}
			}
		}
		for _, m := range ms {
			if m.form == 'g' && m.tok > i && m.tok <= i+n+3 {
				for _, e := range m.group {
					ev.addPart("party", e)
				}
			}
		}
		if len(ev.parts) == 0 && x.lastConflict != nil {
			ev.conflict = x.lastConflict
		}
		if len(ev.parts) == 0 && ev.conflict == nil {
			return nil
		}
		x.date(ev, dates(), toks[i].start, si)
		ev.key = tr.typ + "|" + tr.subtype + "|" + partKey(ev) + "|" + ev.date
	case "resolution":
		var body *entity
		for _, m := range ms {
			if m.ent != nil && m.ent.typ == TypeOrganization && m.tok+m.toks == i {
				body = m.ent
			}
		}
		if body == nil {
			return nil
		}
		ev.addPart("body", body)
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			if c := cardinal(toks[k].lower); c > 0 {
				ev.count = c
				break
			}
		}
		if ev.count == 0 && toks[i].lower == "resolution" {
			ev.count = 1
		}
		for _, m := range ms {
			if m.ent != nil && m.ent != body && (m.ent.typ == TypeCountry) && m.form != 'm' {
				ev.addPart("target", m.ent)
			}
			if m.ent != nil && m.ent.typ == TypeRegion && m.tok > i {
				ev.addPart("location", m.ent)
			}
		}
		ev.topic = topicAfter(toks, i, d.text)
		ev.modality = ModalityAsserted
		x.date(ev, dates(), toks[i].start, si)
		ev.key = "resolution|" + body.id + "|" + partKey(ev) + "|" + ev.topic
	default:
		return nil
	}
	return x.merge(ev, ev0)
}

// withNouns take "with" themselves: in "discussed the partnership with
// Qatar" Qatar is part of the topic, not the side discussed with.
var withNouns = map[string]bool{"partnership": true, "cooperation": true, "relations": true,
	"relationship": true, "ties": true, "engagement": true, "coordination": true, "trade": true,
	"dialogue": true, "talks": true, "agreement": true, "deal": true, "alliance": true, "dispute": true,
	"conflict": true, "war": true, "border": true, "contacts": true, "consultations": true}

// namedObject reports whether a name opens the object at token k, after
// at most a determiner: "recognize Abkhazia", "recognize the Former
// Yugoslav Republic of Macedonia".
func namedObject(toks []token, ms []mention, k int) bool {
	if k < len(toks) {
		switch toks[k].lower {
		case "the", "a", "an", "its", "their", "his", "her":
			k++
		}
	}
	if k >= len(toks) {
		return false
	}
	for _, m := range ms {
		if m.tok <= k && k < m.tok+m.toks {
			return true
		}
	}
	return toks[k].isCap()
}

func idOf(e *entity) string {
	if e == nil {
		return ""
	}
	return e.id
}

func firstRole(e *event, role string) *entity {
	for _, p := range e.parts {
		if p.role == role {
			return p.ent
		}
	}
	return nil
}

// pendingConflict ties an event to the conflict named in its sentence.
func (ev *event) pendingConflict(x *extraction, ms []mention, i int, toks []token) {
	for _, m := range ms {
		if m.ent != nil && m.ent.typ == TypeRegion && m.tok > i {
			ev.addPart("location", m.ent)
			if c := x.conflictFor(m.ent); c != nil {
				ev.conflict = c
			} else if m.tok+m.toks < len(toks) && (toks[m.tok+m.toks].lower == "conflict" || toks[m.tok+m.toks].lower == "war") {
				ev.conflict = &event{key: "conflict|" + m.ent.id} // resolved when the conflict is read
			}
		}
	}
}

// betweenParties adds the sides a mediation is "between" or "among":
// "launched a mediation effort on Saturday between the Emirates and Saudi
// Arabia".
func (x *extraction) betweenParties(ev *event, toks []token, ms []mention, from, to int) {
	k := from
	for k < to && k < from+6 && toks[k].lower != "between" && toks[k].lower != "among" {
		k++
	}
	if k >= to || k >= from+6 {
		return
	}
	for _, m := range objectsAfter(toks, ms, k, clauseEnd(toks, k+1, to, "")) {
		for _, e := range m.entities() {
			if e.typ != TypePlace && !ev.has(e) {
				ev.addPart("party", e)
			}
		}
	}
}

func (x *extraction) conflictFor(region *entity) *event {
	if region == nil {
		return nil
	}
	return x.byKey["conflict|"+region.id]
}

func (x *extraction) last(typ string) *event {
	for k := len(x.events) - 1; k >= 0; k-- {
		if x.events[k].typ == typ {
			return x.events[k]
		}
	}
	return nil
}

// inherit gives an event without a date of its own the date of an event of
// the sentence before that shares a participant with it ("He is expected to
// have talks ..." after "Lavrov will pay a visit ... on Nov. 20").
func (x *extraction) inherit(ev *event, si int) {
	if ev.dated {
		return
	}
	for k := len(x.events) - 1; k >= 0; k-- {
		o := x.events[k]
		if o.sent < si-1 {
			break
		}
		if o.sent != si-1 || !o.dated || o.typ == TypeStatement {
			continue
		}
		for _, p := range ev.parts {
			if o.has(p.ent) {
				ev.date, ev.end, ev.precision = o.date, o.end, o.precision
				if ev.modality == ModalityAsserted {
					ev.modality = o.modality
				}
				return
			}
		}
	}
}

func hasWordAfter(toks []token, i int, w string) bool {
	for k := i; k < len(toks) && k < i+2; k++ {
		if toks[k].lower == w {
			return true
		}
	}
	return false
}

// topicAfter reads "on X", "of X", "since X" after a trigger up to the end of the clause.
func topicAfter(toks []token, i int, text string) string {
	for k := i + 1; k < len(toks) && k < i+12; k++ {
		switch toks[k].lower {
		case "on", "of", "since", "about":
			if k+1 >= len(toks) {
				return ""
			}
			end := k + 1
		scan:
			for ; end < len(toks); end++ {
				switch t := toks[end]; {
				case t.text == "." || t.text == ";" || t.text == "”" || t.text == "\"" || t.lower == "between" || t.lower == "from":
					break scan
				case t.text == "," && end+1 < len(toks) && (speechVerbs[toks[end+1].lower] || isVerbish(toks[end+1].lower) || isCloser(toks[end+1].text)):
					break scan
				case t.lower == "and" && end+1 < len(toks) && isVerbish(toks[end+1].lower):
					break scan
				}
			}
			for end > k+1 && (toks[end-1].text == "," || toks[end-1].lower == "and") {
				end--
			}
			if end > k+1 {
				t := text[toks[k+1].start:toks[end-1].end]
				for _, art := range []string{"the ", "a ", "an "} {
					t = strings.TrimPrefix(t, art)
				}
				return t
			}
			return ""
		}
	}
	return ""
}

func isVerbish(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "is" || w == "was" || w == "will"
}

func partKey(ev *event) string {
	ids := make([]string, 0, len(ev.parts))
	for _, p := range ev.parts {
		ids = append(ids, p.role+":"+p.ent.id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30,
	"fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "twenty-fifth": 25, "thirty-fifth": 35, "seventy-fifth": 75}

func ordinal(w string) int {
	if n, ok := ordinalWords[w]; ok {
		return n
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(w, suf)); err == nil && n > 0 && n < 1000 {
				return n
			}
		}
	}
	return 0
}

var cardinalWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0}

func cardinal(w string) int {
	if n, ok := cardinalWords[w]; ok {
		return n
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 1000 {
		return n
	}
	return 0
}

// relation is a fact between two entities.
type relation struct {
	typ, role string
	a, b      *entity
	date      string
	ev        Span
}

// relations reads "X is an important strategic partner of Y" and
// "X ... co-chairs of ORG".
func (x *extraction) relations(si int, ms []mention, cl clause) {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "strategic" && strings.HasPrefix(toks[i+1].lower, "partner") {
			subj := subjectBefore(toks, ms, cl.from, i)
			if subj == nil || subj.ent.typ != TypeCountry {
				continue
			}
			var other *entity
			for _, m := range ms {
				if m.tok > i+1 && m.tok < cl.to && m.ent != nil && m.ent.typ == TypeCountry && m.ent != subj.ent && m.form != 'm' {
					other = m.ent
					break
				}
			}
			if other == nil && i > 0 && (hasBefore(toks, i, "our", 3)) && cl.speaker != nil {
				other = x.d.countryEntity(cl.speaker.country)
			}
			if other != nil && other != subj.ent {
				a, b := subj.ent, other
				if a.id > b.id {
					a, b = b, a
				}
				x.rels = append(x.rels, relation{typ: "STRATEGIC_PARTNER", a: a, b: b, date: x.sentDate(si), ev: Span{s.Start, s.End}})
			}
		}
		if strings.HasPrefix(toks[i].lower, "co-chair") || toks[i].lower == "members" || toks[i].lower == "member" || toks[i].lower == "chair" {
			if i+1 < len(toks) && toks[i+1].lower == "of" {
				var org *entity
				for _, m := range ms {
					if m.tok > i+1 && m.tok <= i+3 && m.ent != nil && m.ent.typ == TypeOrganization {
						org = m.ent
						break
					}
				}
				subj := subjectBefore(toks, ms, cl.from, i)
				if org != nil && subj != nil && subj.ent.typ == TypeCountry {
					role := strings.TrimSuffix(toks[i].lower, "s")
					x.rels = append(x.rels, relation{typ: "MEMBER_OF", role: role, a: subj.ent, b: org, date: x.sentDate(si), ev: Span{s.Start, s.End}})
				}
			}
		}
	}
}

func hasBefore(toks []token, i int, w string, within int) bool {
	for k := i - 1; k >= 0 && k >= i-within; k-- {
		if toks[k].lower == w {
			return true
		}
	}
	return false
}

// sentDate is the date of the statement a sentence belongs to, or the
// publication date.
func (x *extraction) sentDate(si int) string {
	for _, ev := range x.events {
		if ev.sent == si && ev.typ == TypeStatement {
			return ev.date
		}
	}
	return x.pubDate
}

// eventID hashes what makes an event the same event: its type, its
// participants and its date.
func eventID(ev *event) string {
	h := sha256.New()
	h.Write([]byte(ev.typ + "|" + ev.subtype + "|" + partKey(ev) + "|" + ev.date + "|" + ev.end + "|" + ev.topic + "|" + strconv.Itoa(ev.ordinal)))
	return "event:" + strings.ToLower(ev.typ) + ":" + hex.EncodeToString(h.Sum(nil)[:6])
}

// tokStart is the offset where token i starts, or the end of the last
// token when i is past the end.
func tokStart(toks []token, i int) int {
	if i < len(toks) {
		return toks[i].start
	}
	return toks[len(toks)-1].end
}

// subjectsBefore returns the subject of a verb at tok with the actors
// coordinated with it: "Brazil and the United States are seeking ...".
func subjectsBefore(toks []token, ms []mention, from, tok int) []mention {
	subj := subjectOrGroup(toks, ms, from, tok, true)
	if subj == nil {
		return nil
	}
	out := []mention{*subj}
	cur := *subj
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.tok >= cur.tok || m.tok < from || !isActor(m) {
			continue
		}
		// only "A and B", "A, B and C" may join the subject
		joined := joins(toks, ms, m.tok+m.toks, cur.tok)
		if !joined {
			break
		}
		out = append(out, m)
		cur = m
	}
	// in the order of the text
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func sameActor(ms []mention, e *entity) bool {
	for _, m := range ms {
		if m.ent == e {
			return true
		}
	}
	return false
}

// isPassive reports whether the verb at tok is in the passive voice: "was presented".
func isPassive(toks []token, tok int) bool {
	if statives[toks[tok].lower] {
		return false // "is committed to": a state of the subject, who acts
	}
	for k := tok - 1; k >= 0 && k >= tok-3; k-- {
		switch toks[k].lower {
		case "was", "were", "been", "being", "is", "are", "be":
			return strings.HasSuffix(toks[tok].lower, "ed") || strings.HasSuffix(toks[tok].lower, "en") || irregularPast(toks[tok].lower)
		}
	}
	return false
}

// intentWords open an intent: "willing to", "ready to", "prepared to".
var intentWords = map[string]bool{"willing": true, "ready": true, "prepared": true, "determined": true}

// statives are participles that say how the subject stands, not what was
// done to it: "is committed to", "are determined to", "is opposed to".
var statives = map[string]bool{"committed": true, "determined": true, "prepared": true,
	"opposed": true, "concerned": true, "interested": true, "engaged": true, "involved": true,
	"convinced": true, "pleased": true, "satisfied": true, "disappointed": true, "worried": true,
	"alarmed": true, "dedicated": true, "devoted": true, "inclined": true, "resolved": true,
	"poised": true, "set": true, "obliged": true, "obligated": true, "united": true}

func irregularPast(w string) bool { return irregularForms[w] }

// irregularForms are the irregular verb forms of the lexicon, as a set.
var irregularForms = func() map[string]bool {
	m := map[string]bool{}
	for _, forms := range irregular {
		for _, f := range forms {
			m[f] = true
		}
	}
	return m
}()

// passiveAgent finds "by <actor>" after a verb.
func passiveAgent(toks []token, ms []mention, from, to int) *mention {
	for k := from; k < to && k < from+4; k++ {
		if toks[k].lower != "by" {
			continue
		}
		for j := range ms {
			if ms[j].tok > k && ms[j].tok <= k+3 && isActor(ms[j]) {
				return &ms[j]
			}
		}
	}
	return nil
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

// objectsAfter returns the actor a verb at tok acts on, with the actors
// coordinated with it: "met with A and B", "telephoned A on Tuesday to
// discuss ..." gives A only.
func objectsAfter(toks []token, ms []mention, tok, to int) []mention {
	var out []mention
	for _, m := range ms {
		if m.tok <= tok || m.tok >= to || !(isActor(m) || m.form == 'p') {
			continue
		}
		if len(out) == 0 {
			if m.tok-tok > 8 {
				return nil
			}
			if locative(toks, m) {
				continue // "held talks in the Kremlin"
			}
			out = append(out, m)
			continue
		}
		last := out[len(out)-1]
		joined := joins(toks, ms, last.tok+last.toks, m.tok)
		if !joined {
			break
		}
		out = append(out, m)
	}
	return out
}

// demand reads "X said (that) Y must ...": the speaker demands of Y.
func (x *extraction) demand(si int, cl clause, ms []mention, dates []dateRef) {
	toks := x.d.sents[si].tokens
	for k := cl.from; k < cl.to && k < len(toks); k++ {
		if toks[k].lower != "must" {
			continue // "it will have to attract capital" states a need
		}
		subj := subjectBefore(toks, ms, cl.from, k)
		if subj != nil && subj.ent == cl.speaker {
			return // "we must cooperate": a resolve, not a demand
		}
		s := x.d.sents[si]
		ev := &event{typ: TypeAppeal, subtype: "demand", cameo: "100", modality: ModalityAsserted, sent: si, attribution: cl.speaker}
		ev.addPart("actor", cl.speaker)
		if subj != nil {
			ev.addPart("target", subj.ent) // "the oppression must end": a demand of no one named
		}
		x.date(ev, dates, toks[k].start, si)
		ev.key = "demand|" + partKey(ev) + "|" + ev.date
		x.merge(ev, Span{s.Start, s.End})
		return
	}
}

// groupNouns name people who act together; "<group> in/from/of <place>"
// stands for a party of that place.
var groupNouns = map[string]bool{
	"demonstrators": true, "protesters": true, "protestors": true, "students": true, "activists": true,
	"workers": true, "rebels": true, "groups": true, "group": true, "elders": true, "leaders": true,
	"farmers": true, "refugees": true, "prisoners": true, "people": true, "residents": true,
	"villagers": true, "militants": true, "insurgents": true, "guerrillas": true, "supporters": true,
	"parties": true, "party": true, "opposition": true, "thousands": true, "hundreds": true,
	"court": true, "member": true, "members": true, "union": true, "coalition": true, "army": true,
	"officials": true, "authorities": true, "police": true, "troops": true, "forces": true, "soldiers": true,
	"government": true, "parliament": true, "lawmakers": true, "citizens": true, "nationals": true,
}

// subjectsOf finds the subjects of a verb at tok; a verb right after "and"
// with no subject of its own shares the subject of the verb before it
// ("The Secretary welcomed X and praised Y").
func (x *extraction) subjectsOf(toks []token, ms []mention, from, tok int) []mention {
	if tok > 0 && toks[tok-1].lower == "and" && len(x.lastSubj) > 0 {
		return x.lastSubj
	}
	if subj := x.speakerAsSubject(toks, ms, tok); subj != nil {
		return []mention{*subj}
	}
	// the subject lies in the verb's own clause: "..., but clashes went on";
	// a "but" inside an apposition opens no clause ("Estonia, a small but
	// strong country, has launched ...")
	apps := appositions(toks, ms, tok)
	for k := tok - 1; k > from; k-- {
		if insideSpan(apps, k) {
			continue
		}
		switch toks[k].lower {
		case "but", ";", "while", "whereas", "although", "though", "because":
			from = k + 1
		}
		if from == k+1 {
			break
		}
	}
	return subjectsBefore(toks, ms, from, tok)
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

// placeIsTarget reports whether an act with this code is aimed at the
// place where it happens when no one else is named: force, coercion,
// protest, yielding, investigation.
func placeIsTarget(code string) bool {
	switch cameoRoot(code) {
	case "01", "08", "09", "10", "13", "14", "15", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// locative reports whether a mention is governed by a preposition of place
// or time.
func locative(toks []token, m mention) bool {
	k := m.tok - 1
	for k >= 0 && (toks[k].lower == "the" || toks[k].lower == "its" || toks[k].lower == "their" || directions[toks[k].lower]) {
		k-- // "in northeastern Nigeria"
	}
	if k < 0 {
		return false
	}
	if toks[k].lower == "of" && k > 0 && directions[toks[k-1].lower] {
		return true // "southwest of Baghdad"
	}
	switch toks[k].lower {
	case "in", "at", "near", "outside", "inside", "across", "through", "along", "from", "during", "into", "within":
		return true
	}
	return false
}

// proposalNouns name what one side puts to another: rejecting, accepting
// or answering one is aimed at who made it.
var proposalNouns = map[string]bool{"offer": true, "offers": true, "appeal": true, "appeals": true,
	"proposal": true, "proposals": true, "demand": true, "demands": true, "request": true,
	"requests": true, "invitation": true, "invitations": true, "call": true, "calls": true,
	"plan": true, "bid": true, "initiative": true, "ultimatum": true, "overture": true,
	"overtures": true, "plea": true, "pleas": true, "suggestion": true, "proposition": true}

// fromProposer reports whether a mention names who made a proposal just
// before it: "an offer from Afghanistan", "an appeal by President Gbagbo".
func fromProposer(toks []token, m mention) bool {
	k := m.tok - 1
	for k >= 0 && (toks[k].lower == "the" || toks[k].isCap() && toks[k].isWord()) {
		k-- // "from the US President"
	}
	if k < 1 || toks[k].lower != "from" && toks[k].lower != "by" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if proposalNouns[toks[j].lower] {
			return true
		}
	}
	return false
}

// coveredBy reports whether token k lies inside a mention.
func coveredBy(ms []mention, k int) bool {
	for _, m := range ms {
		if k >= m.tok && k < m.tok+m.toks {
			return true
		}
	}
	return false
}

// joins reports whether toks[a:b] join two actors into one list: "and",
// a comma, "the", or a modifier such as "Russian" in "X and Russian
// President Y".
func joins(toks []token, ms []mention, a, b int) bool {
	if b <= a || b-a > 4 {
		return false
	}
	words := 0
	for k := a; k < b; k++ {
		g := toks[k]
		switch {
		case g.lower == "and" || g.text == "," || g.lower == "the":
		case modifierAt(ms, k):
			continue
		default:
			return false
		}
		words++
	}
	return words > 0 && words <= 2
}

func modifierAt(ms []mention, k int) bool {
	for _, m := range ms {
		if m.form == 'm' && k >= m.tok && k < m.tok+m.toks {
			return true
		}
	}
	return false
}

// entities returns what a mention refers to: its entity, or a group's members.
func (m mention) entities() []*entity {
	if m.form == 'g' {
		return m.group
	}
	if m.ent == nil {
		return nil
	}
	return []*entity{m.ent}
}

// clauseAround returns the byte range of the clause of sentence si that
// holds offset at: from the boundary before it to the boundary after it.
func (x *extraction) clauseAround(si, at int) (int, int) {
	s := x.d.sents[si]
	lo, hi := s.Start, s.End
	for _, t := range s.tokens {
		if !dateBoundary(t.lower) {
			continue
		}
		if t.end <= at && t.end > lo {
			lo = t.end
		}
		if t.start > at && t.start < hi {
			hi = t.start
		}
	}
	return lo, hi
}

// dateBoundary lists the words that end the reach of a date: "since
// taking office in 2003" dates the taking office, not the visit.
func dateBoundary(w string) bool {
	switch w {
	case ";", "since", "while", "whereas", "after", "before", "when", "until", "which", "who", "because", "although":
		return true
	}
	return false
}

// military reports whether the subject of a verb at tok is an armed force:
// "Russian aircraft killed ...", "Israeli troops shot ...".
func military(ms []mention, from, tok int) bool {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.tok >= tok || m.tok < from {
			continue
		}
		return m.sector == "MIL"
	}
	return false
}

// insideName reports whether token k lies in the name of an entity (not at
// its title): "General Agreement on Tariffs and Trade" holds no agreement.
func insideName(ms []mention, k int) bool {
	for _, m := range ms {
		if k >= m.tok && k < m.tok+m.toks && m.ent != nil && m.ent.typ != TypePerson && m.form != 'a' {
			return true
		}
		// "riot police": a word before a group's head names no act; the
		// head itself may ("demonstrators gathered")
		if k >= m.tok && k < m.tok+m.toks-1 && m.ent != nil && m.ent.typ == typeGroup {
			return true
		}
	}
	return false
}

// placesAndActorsAfter lists the actors after tok and the regions and
// places named there, up to the clause end.
func placesAndActorsAfter(toks []token, ms []mention, tok, to int) []mention {
	var out []mention
	for _, m := range ms {
		if m.tok <= tok || m.tok >= to || m.ent == nil {
			continue
		}
		if isActor(m) || m.form == 'p' || m.ent.typ == TypeRegion || m.ent.typ == TypePlace {
			out = append(out, m)
		}
	}
	return out
}

// directions are the words of where within a place: "northern Iraq",
// "southwest of Baghdad".
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "central": true, "north-east": true, "north-west": true,
	"south-east": true, "south-west": true, "north-eastern": true, "north-western": true,
	"south-eastern": true, "south-western": true, "occupied": true, "neighbouring": true, "neighboring": true,
}

// adjectival reports whether a participle at i modifies a noun ("the
// occupied West Bank", "a planned visit", "Imprisoned opposition leader
// Alexei Navalny has started ...") rather than stating an act.
func adjectival(toks []token, i int) bool {
	w := toks[i].lower
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || irregularPast(w)) {
		return false
	}
	if i == 0 {
		// a participle opening the sentence before a noun phrase; "Backed
		// by Russia, ..." opens a clause that states an act
		if len(toks) < 2 || !toks[1].isWord() {
			return false
		}
		switch toks[1].lower {
		case "by", "in", "on", "at", "to", "for", "with", "from", "after", "against", "into", "out", "off", "up", "down", "over":
			return false
		}
		return true
	}
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) {
		return false
	}
	switch toks[i-1].lower {
	case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those":
		return true
	}
	return false
}

// speakerAsSubject gives an act reported without a subject of its own the
// speaker as its subject: "X announced a ceasefire", "X said they are
// committed to ...", "X says it will begin an operation".
func (x *extraction) speakerAsSubject(toks []token, ms []mention, tok int) *mention {
	cl := x.clause
	if cl.speaker == nil || cl.verb < 0 || tok < cl.from || tok >= cl.to || cl.from <= cl.verb {
		return nil
	}
	if s := subjectBefore(toks, ms, cl.from, tok); s != nil {
		return nil // the content names its own subject
	}
	// "announced a ceasefire", "declared a state of siege": the act is the
	// object of the verb; "said the sailors had violated" is a clause
	direct := false
	if v := toks[cl.verb].lower; (v == "announced" || v == "declared") && cl.from == cl.verb+1 && tok-cl.verb <= 5 {
		direct = true
		for k := cl.verb + 1; k < tok; k++ {
			switch toks[k].lower {
			case "had", "has", "have", "was", "were", "is", "are", "will", "would", "that":
				direct = false
			}
		}
	}
	pronoun := false
	for k := tok - 1; k >= cl.from && k >= tok-4; k-- {
		if w := toks[k].lower; w == "it" || w == "they" || w == "we" || w == "he" || w == "she" {
			pronoun = true
		}
	}
	if !direct && !pronoun {
		return nil
	}
	return &mention{ent: cl.speaker, tok: cl.verb, form: 'n'}
}
