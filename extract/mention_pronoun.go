package extract

import "strings"

// pronoun kinds
func pronounGender(lower string) byte {
	switch lower {
	case "he", "him", "his":
		return 'm'
	case "she", "her", "hers":
		return 'f'
	}
	return 0
}

// touch records that a person was mentioned last, for pronoun resolution.
func (d *doc) touch(p *entity) {
	for i, q := range d.persons {
		if q == p {
			d.persons = append(d.persons[:i], d.persons[i+1:]...)
			break
		}
	}
	d.persons = append(d.persons, p)
}

func (d *doc) recentPerson(match func(*entity) bool) *entity {
	for i := len(d.persons) - 1; i >= 0; i-- {
		if match(d.persons[i]) {
			return d.persons[i]
		}
	}
	return nil
}

// pronoun recognises "he" and "she" as the person last spoken of whose
// gender fits.
func (sc *mentionScan) pronoun() bool {
	d, t := sc.d, sc.toks[sc.i]
	// Pronouns.
	if g := pronounGender(t.lower); g != 0 && (t.lower == "he" || t.lower == "she") {
		if p := d.recentPerson(func(e *entity) bool { return e.gender == g || e.gender == 0 }); p != nil {
			sc.out = append(sc.out, mention{Span: Span{t.start, t.end}, ent: p, tok: sc.i, toks: 1, form: 'p'})
		}
		sc.i++
		return true
	}
	return false
}

// itPronoun recognises "it" as the country or body last spoken of, when
// it acts.
func (sc *mentionScan) itPronoun() bool {
	d, toks, t := sc.d, sc.toks, sc.toks[sc.i]
	// "it" for the country or body spoken of: "Israel announced it would free"
	if t.lower == "it" && d.lastThing != nil && sc.i+1 < len(toks) && itActs(toks[sc.i+1].lower) {
		sc.out = append(sc.out, mention{Span: Span{t.start, t.end}, ent: d.lastThing, tok: sc.i, toks: 1, form: 'p'})
		sc.i++
		return true
	}
	return false
}

// signer recognises the issuing government's signer speaking as "I".
func (sc *mentionScan) signer() bool {
	d, toks, si := sc.d, sc.toks, sc.si
	// "we", "our government": the issuing government's voice
	if m, n := d.signerAt(si, toks, sc.i); n > 0 {
		sc.out = append(sc.out, m)
		d.touch(m.ent)
		sc.i += n
		return true
	}
	return false
}

// voice recognises the issuing government's "we" and "our government".
func (sc *mentionScan) voice() bool {
	d, toks, si := sc.d, sc.toks, sc.si
	if m, n := d.voiceAt(si, toks, sc.i); n > 0 {
		sc.out = append(sc.out, m)
		sc.i += n
		return true
	}
	return false
}

// itActs reports whether the word after "it" makes it an actor rather than
// an expletive ("it would free", not "it is planned").
func itActs(w string) bool {
	switch w {
	case "will", "would", "could", "can", "has", "had", "said", "says", "wants", "plans", "intends", "must", "should":
		return true
	case "is", "was", "were", "are", "be":
		return false
	}
	return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}
