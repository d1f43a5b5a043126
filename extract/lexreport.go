package extract

// LexiconFire is one event of an extraction with the lexicon row that made
// it: Row indexes LexiconRows, or is -1 when no row explains the event.
type LexiconFire struct {
	Row     int
	Trigger string // the event's trigger words
	Code    string // its CAMEO code
}

// LexiconFires names, for each event of an extraction, the lexicon row that
// made it (see LexiconFire): the
// first row, in the order the extractor tries them, that matches the
// event's trigger words from their start and gives the event's CAMEO code
// (or, when none does, the first that matches them at all; a frame may
// recode its event). It counts event nodes: an event read twice in an
// article (one visit reported in two sentences) is one. Stop phrases make
// no event and so never appear.
func LexiconFires(res Result) []LexiconFire {
	loadTables()
	var out []LexiconFire
	for _, n := range res.Nodes {
		if !IsEventType(n.Type) {
			continue
		}
		words, _ := n.Properties[PropTrigger].(string)
		code, _ := n.Properties[PropCAMEO].(string)
		out = append(out, LexiconFire{Row: firedRow(words, code), Trigger: words, Code: code})
	}
	return out
}

// firedRow finds the row whose pattern starts the trigger words.
func firedRow(words, code string) int {
	toks := tokenize(words, 0)
	if len(toks) == 0 {
		return -1
	}
	any := -1
	for _, ti := range triggers.candidates(toks[0].lower) {
		tr := triggers.all[ti]
		if tr.stop() || tr.match(toks, 0) == 0 {
			continue
		}
		if tr.cameo == code {
			return tr.row
		}
		if any < 0 {
			any = tr.row
		}
	}
	return any
}
