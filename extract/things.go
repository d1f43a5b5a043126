package extract

import "strings"

// Names of things are not people. The person recogniser reads two or
// three capitalised words before a verb as a name ("Ann Smith said"); the
// same shape also names documents, meetings and places ("the Joint
// Statement said", "the Strategic Dialogue will", "Camp Ridge Airbase in
// ..."). Their last word gives them away: a noun of that kind, or an
// abstract noun's ending.

// thingHeads end the names of documents, meetings, programmes and places.
var thingHeads = wordSet("thing-heads")

// thingHead reports whether a capitalised word ends the name of a thing
// rather than a person's: "Statement", "Airbase", "Cooperation".
func thingHead(w string) bool {
	w = strings.ToLower(w)
	if thingHeads[w] {
		return true
	}
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ship", "ism", "ogue"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// thingTitleAt reports whether the capitalised words at toks[i] go on
// the name of a thing: "a Memorandum of Understanding Concerning ...",
// "the Treaty on Open Skies", "the Strategy for Sub-Saharan Africa".
func thingTitleAt(toks []token, i int) bool {
	if i < 2 || !toks[i-2].isCap() {
		return false
	}
	if _, body := orgHeads[toks[i-2].lower]; !body && !thingHead(toks[i-2].text) {
		return false // "the Committee on World Food Security" names a body
	}
	switch toks[i-1].lower {
	case "of", "on", "for", "concerning", "regarding":
		return true
	}
	return false
}

// placePrepositions after a name say where it is, not that it acts:
// "Camp Ridge Airbase in Romania".
var placePrepositions = wordSet("place-prepositions")
