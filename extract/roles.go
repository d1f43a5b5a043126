package extract

import (
	"slices"
	"sort"
	"strings"
)

// prepositions that make the following mention an object, not a subject.
var prepositions = map[string]bool{
	"of": true, "with": true, "to": true, "in": true, "from": true, "against": true, "by": true,
	"for": true, "on": true, "at": true, "between": true, "among": true, "into": true, "about": true,
	"towards": true, "toward": true, "including": true, "than": true, "over": true,
	"outside": true, "inside": true, "near": true, "across": true, "through": true, "along": true,
	"beside": true, "behind": true, "during": true, "under": true,
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
			// "Demonstrators in Baghdad", "Opposition groups in Ruritania":
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
// determiner ("Ruritania, a small but proud country in the Alps,"),
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

func (x *extraction) resolveGroup(si int, ms []mention, cl clause) []*entity {
	// "the two leaders": the last two people spoken of
	for _, m := range ms {
		if m.form == 'g' && leaderNouns[x.d.sents[si].tokens[m.tok+m.toks-1].lower] {
			if toks := x.d.sents[si].tokens; m.toks == 2 && toks[m.tok].lower == "the" {
				// "the leaders": those of the last meeting or call
				if met := x.lastMet(); len(met) > 0 {
					return met
				}
			}
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

// lastMet returns the people and countries of the last meeting, call or
// talks of the article, in order, or nil when it had fewer than two
// sides.
func (x *extraction) lastMet() []*entity {
	for k := len(x.events) - 1; k >= 0; k-- {
		ev := x.events[k]
		if ev.typ != TypeMeeting && ev.typ != TypePhoneCall && ev.typ != TypeNegotiation {
			continue
		}
		// the known ones: "held a call with transatlantic leaders ... the
		// leaders expressed" stands for the caller and leaders not named
		var out []*entity
		n := 0
		for _, p := range ev.parts {
			if p.role != "party" && p.role != "participant" {
				continue
			}
			n++
			if (p.ent.typ == TypePerson || p.ent.typ == TypeCountry) && !slices.Contains(out, p.ent) {
				out = append(out, p.ent)
			}
		}
		if n < 2 {
			return nil
		}
		return out
	}
	return nil
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

func hasWordAfter(toks []token, i int, w string) bool {
	for k := i; k < len(toks) && k < i+2; k++ {
		if toks[k].lower == w {
			return true
		}
	}
	return false
}

func hasBefore(toks []token, i int, w string, within int) bool {
	for k := i - 1; k >= 0 && k >= i-within; k-- {
		if toks[k].lower == w {
			return true
		}
	}
	return false
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

// statives are participles that say how the subject stands, not what was
// done to it: "is committed to", "are determined to", "is opposed to".
var statives = map[string]bool{"committed": true, "determined": true, "prepared": true,
	"opposed": true, "concerned": true, "interested": true, "engaged": true, "involved": true,
	"convinced": true, "pleased": true, "satisfied": true, "disappointed": true, "worried": true,
	"alarmed": true, "dedicated": true, "devoted": true, "inclined": true, "resolved": true,
	"poised": true, "set": true, "obliged": true, "obligated": true, "united": true}

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
	// "announced a ceasefire", "declared a curfew": the act is the
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
