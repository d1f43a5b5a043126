package extract

import "strings"

// countryPair reads a word of hyphen-joined countries or demonyms that
// the gazetteer does not know whole ("Iran-Iraq", "Israeli-Palestinian")
// as one mention of each country, on its own part of the word.
func (d *doc) countryPair(toks []token, i int) []mention {
	t := toks[i]
	if !t.isCap() || !strings.Contains(t.text, "-") || hyphenAdjective(t.text) {
		return nil
	}
	if _, n := d.lookAt(toks, i); n > 0 {
		return nil // "Nagorno-Karabakh", "Guinea-Bissau"
	}
	var out []mention
	at := t.start
	for _, part := range strings.Split(t.text, "-") {
		es, n := d.g.lookup([]token{{text: part, lower: strings.ToLower(part)}})
		if n != 1 || len(es) == 0 || es[0].kind != kindCountry && es[0].kind != kindDemonym {
			return nil
		}
		form := byte('n')
		if es[0].kind == kindDemonym {
			form = 'd'
		}
		out = append(out, mention{Span: Span{at, at + len(part)}, ent: d.entityFor(es[0]), tok: i, toks: 1, form: form})
		at += len(part) + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// hyphenAdjective reports whether a capitalised word is a compound
// adjective, no part of a name: "Russian-made", "Saudi-led", "Iran-backed",
// "Kremlin-run". A lower-case part that is no participle or such word is
// a name's syllable: "Lho Shin-yong", "Kim Dae-jung".
func hyphenAdjective(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k < 0 || k+1 >= len(w) {
		return false
	}
	r := w[k+1]
	if r < 'a' || r > 'z' {
		return false
	}
	rest := w[k+1:]
	return strings.HasSuffix(rest, "ed") || strings.HasSuffix(rest, "ing") || adjectiveParts[rest]
}

// adjectiveParts end compound adjectives without a participle's ending.
var adjectiveParts = map[string]bool{"made": true, "run": true, "born": true, "style": true, "like": true,
	"wide": true, "era": true, "type": true, "friendly": true, "free": true, "bound": true, "built": true,
	"grown": true, "torn": true, "held": true, "led": true, "old": true, "long": true, "level": true}

// joinedPair recognises two countries joined into one word.
func (sc *mentionScan) joinedPair() bool {
	d, toks := sc.d, sc.toks
	// "the Iran-Iraq war", "Israeli-Palestinian talks": a pair of
	// countries joined into one word names both
	if ps := d.countryPair(toks, sc.i); len(ps) > 0 {
		sc.out = append(sc.out, ps...)
		sc.i++
		return true
	}
	return false
}

// countryGroup recognises a group of countries ("both countries"),
// resolved later to whom it stands for.
func (sc *mentionScan) countryGroup() bool {
	toks, t := sc.toks, sc.toks[sc.i]
	// "our countries", "both countries", "the two countries", "our two countries"
	if n := groupCountries(toks, sc.i); n > 0 {
		sc.out = append(sc.out, mention{Span: Span{t.start, toks[sc.i+n-1].end}, tok: sc.i, toks: n, form: 'g'})
		sc.i += n
		return true
	}
	return false
}

func groupCountries(toks []token, i int) int {
	w := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].lower
		}
		return ""
	}
	switch {
	case (w(0) == "our" || w(0) == "both") && (w(1) == "countries" || w(1) == "nations" || w(1) == "states"):
		return 2
	case (w(0) == "our" || w(0) == "the") && (w(1) == "two" || w(1) == "both") && (w(2) == "countries" || w(2) == "nations" || w(2) == "states" || w(2) == "sides" || leaderNouns[w(2)]):
		return 3
	case w(0) == "both" && leaderNouns[w(1)]:
		return 2
	case w(0) == "the" && leaderNouns[w(1)] && w(2) != "of" && w(2) != "from" && w(2) != "in":
		return 2 // "the leaders": those who met (resolveGroup)
	}
	return 0
}
