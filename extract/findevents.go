package extract

import (
	"slices"
	"strings"
)

// endsMention reports whether a mention ends right before token k.
func endsMention(ms []mention, k int) bool {
	for _, m := range ms {
		if m.tok+m.toks == k {
			return true
		}
	}
	return false
}

// findEvents reads the events of sentence si, in named steps: the clause
// reported and its speaker, the events of the sentence as a whole
// (statements, relations, demands), the triggers found in it, those left
// once the ones that are no act of their own are dropped, each read by its
// frame, then the verbs only the CAMEO dictionary knows.
func (x *extraction) findEvents(si int) {
	d := x.d
	s := d.sents[si]
	toks := s.tokens
	ms := d.ments[si]
	cl := d.attribution(si, ms)
	x.lastSubj = nil
	defer func() { x.clause = clause{verb: -1} }()
	cl = x.actNotReport(toks, cl)
	x.clause = cl
	sentDates := x.lazyDates(s)
	x.sentenceEvents(si, toks, ms, cl, sentDates)
	hits, firstVerb := x.triggerHits(si, toks, ms, cl)
	hits, firstVerb = dropParticiples(toks, ms, hits, firstVerb)
	hits = dropAppealed(toks, hits)
	hits, firstVerb = foldIntents(toks, hits, firstVerb)
	hits = x.dropPurposeMeetings(si, hits)
	hits = x.dropTopics(si, hits)
	x.readHits(si, toks, ms, cl, hits, firstVerb, sentDates)
	x.readDictionaryVerbs(si, ms, cl, hits, sentDates)
}

// actNotReport undoes a clause whose speech verb opens a longer trigger:
// "claimed responsibility", "denied charges" are an act, not a report.
func (x *extraction) actNotReport(toks []token, cl clause) clause {
	if cl.verb >= 0 && cl.verb < len(toks) {
		for _, ti := range x.triggers.candidates(toks[cl.verb].lower) {
			if tr := x.triggers.all[ti]; !tr.stop() && patternLen(tr) > 1 && tr.match(toks, cl.verb) > 0 {
				cl = clause{from: 0, to: len(toks), verb: -1}
				break
			}
		}
	}
	return cl
}

// lazyDates returns the dates of sentence s, read only when it holds an
// act, and once.
func (x *extraction) lazyDates(s sentence) func() []dateRef {
	var dates []dateRef
	read := false
	sentDates := func() []dateRef {
		if !read {
			dates = findDates(s.text, s.Start, x.ref, x.haveRef, looksAhead(s.text))
			read = true
		}
		return dates
	}
	return sentDates
}

// sentenceEvents reads what the sentence as a whole says, before its
// triggers: whom its groups stand for, its speaker's statement, the
// relations it states and a demand outside reported speech.
func (x *extraction) sentenceEvents(si int, toks []token, ms []mention, cl clause, sentDates func() []dateRef) {
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
				return
			}
			break
		}
		x.voiceDemand(si, toks, ms, sentDates)
	}
}

// voiceDemand reads a release's own words as its issuer's: "Eritrean
// forces must withdraw" in a statement of a government demands it of
// them, in the name of whoever signs the release or else the government.
// Quoted words are another's and are left alone.
func (x *extraction) voiceDemand(si int, toks []token, ms []mention, sentDates func() []dateRef) {
	d := x.d
	if d.publisher == "" {
		return
	}
	speaker := d.signer
	if speaker == nil {
		speaker = d.countryEntity(d.publisher)
	}
	if speaker == nil {
		return
	}
	for k, t := range toks {
		if (t.lower == "must" || t.lower == "should") && !d.inQuote(si, k) {
			x.demand(si, clause{speaker: speaker, from: 0, to: len(toks), verb: -1}, ms, sentDates())
			return
		}
	}
}

// hit is a trigger matched at tokens [i, i+n) of a sentence.
type hit struct {
	tr      trigger
	i, n    int
	planned bool // the complement of an intent: "willing to withdraw"
}

// triggerHits finds the triggers of the sentence, left to right, each
// extended by the triggers of its own type after it, and the first that
// is a verb (or a resolution), or -1.
func (x *extraction) triggerHits(si int, toks []token, ms []mention, cl clause) ([]hit, int) {
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
			if firstVerb < 0 && (isVerbal(tr, toks[i].lower) || tr.frame == frameResolution) {
				firstVerb = i // a resolution's topic ("on withdrawal of forces") is no act either
			}
			i += n - 1
			break
		}
	}
	return hits, firstVerb
}

// dropParticiples drops a participle right after its noun, which
// describes the noun when another verb of the clause is the act.
func dropParticiples(toks []token, ms []mention, hits []hit, firstVerb int) ([]hit, int) {
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
						if isVerbal(h2.tr, toks[h2.i].lower) || h2.tr.frame == frameResolution {
							firstVerb = h2.i
							break
						}
					}
				}
				break
			}
		}
	}
	return hits, firstVerb
}

// topicWords head what is talked about, not done: the verbs and nouns of
// discussion (gazetteer/words/topic-words.txt).
var topicWords = wordSet("topic-words")

// dropTopics drops the acts named by nouns that are what a meeting or a
// speaker discusses ("will discuss shared priorities, including
// peacekeeping", "address the pandemic and the war", "the discussion
// centered on countering threats"): a topic is no act reported as done,
// unless it names its own agent ("discussed Russia's invasion of X").
// The parse tells: the noun hangs, through objects, obliques, nominal
// modifiers, conjuncts and appositions, on a verb or noun of discussion.
func (x *extraction) dropTopics(si int, hits []hit) []hit {
	sy := x.d.syn[si]
	if sy == nil {
		return hits
	}
	kept := hits[:0]
	for _, h := range hits {
		if x.nounTrigger(si, h.i, h.n) && !x.ownAgent(si, h.i) && sy.underTopic(sy.trigHeads(h.i, h.n)[0]) {
			continue
		}
		kept = append(kept, h)
	}
	return kept
}

// dropAppealed drops the act an appeal or a demand asks for, which is not
// done.
func dropAppealed(toks []token, hits []hit) []hit {
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
	return hits
}

// foldIntents folds an intent into its complement: the noun object of an
// intent's own verb is no second act, an intent to act with hostility is
// coded by that act, and an intent to cooperate is that act, planned.
func foldIntents(toks []token, hits []hit, firstVerb int) ([]hit, int) {
	// "pledged to expel", "ready to resume shelling": an intent whose
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
				// "ready to resume shelling": readiness to fight is a show of force
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
	return hits, firstVerb
}

// dropPurposeMeetings drops a meeting that is the purpose of another
// meeting of the sentence.
func (x *extraction) dropPurposeMeetings(si int, hits []hit) []hit {
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
	return hits
}

// readHits reads each trigger left by its frame, but for a noun after the
// main verb and a later verb with no subject of its own, which complete
// the main act.
func (x *extraction) readHits(si int, toks []token, ms []mention, cl clause, hits []hit, firstVerb int, sentDates func() []dateRef) {
	lastVerb := firstVerb
	for _, h := range hits {
		special := h.tr.frame == frameConflict || h.tr.frame == frameAnniversary || h.tr.frame == frameResolution
		// A noun after the main verb is its object or a detail ("agreed to
		// a ceasefire after two days of fighting"), not an event of its own;
		// conflicts, anniversaries and resolutions are always read.
		if firstVerb >= 0 && h.i > firstVerb && !isVerbal(h.tr, toks[h.i].lower) && !special && !x.ownAgent(si, h.i) && !x.conjunctObject(si, h.i, h.n, firstVerb) {
			continue
		}
		// A later verb with no subject of its own completes the main one
		// ("refused to lift the curfew", "ready to resume shelling").
		if lastVerb >= 0 && h.i > lastVerb && !special && !clauseBetween(toks, lastVerb, h.i) && !x.ownAgent(si, h.i) && !x.conjunctObject(si, h.i, h.n, lastVerb) {
			continue
		}
		if isVerbal(h.tr, toks[h.i].lower) {
			lastVerb = h.i
		}
		if ev := x.frame(si, h.tr, h.i, h.n, ms, cl, sentDates); ev != nil && h.planned && ev.modality == ModalityAsserted {
			ev.modality = ModalityPlanned
		}
	}
}

// conjunctObject reports whether the noun trigger at the rules' token i
// is, by the parse, the object of a verb coordinated with the main verb
// at firstVerb: "expressed concern about X and reaffirmed their support
// for Y" holds two acts, the second named by the noun the second verb
// takes.
func (x *extraction) conjunctObject(si, i, n, firstVerb int) bool {
	sy := x.d.syn[si]
	if sy == nil {
		return false
	}
	hs, pf := sy.trigHeads(i, n), sy.at(firstVerb)
	if len(hs) == 0 || pf < 0 || !sy.isNoun(hs[0]) {
		return false
	}
	for _, v := range sy.govs(hs[0], func(r string) bool { return rel(r, "obj") }) {
		if v != pf && slices.Contains(sy.govs(v, func(r string) bool { return rel(r, "conj") }), pf) {
			return true
		}
	}
	return false
}

// readDictionaryVerbs reads the verbs our lexicon lacks, coded by the CAMEO
// dictionary on the parse, where no trigger was found.
func (x *extraction) readDictionaryVerbs(si int, ms []mention, cl clause, hits []hit, sentDates func() []dateRef) {
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

func isVerbish(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "is" || w == "was" || w == "will"
}

// intentWords open an intent: "willing to", "ready to", "prepared to".
var intentWords = map[string]bool{"willing": true, "ready": true, "prepared": true, "determined": true}

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
