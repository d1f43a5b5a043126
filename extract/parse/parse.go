package parse

// Token is one token of a parsed sentence.
type Token struct {
	// Text is the token as the parser read it.
	Text string `json:"text"`
	// Start and End are byte offsets into the article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// POS is the Penn Treebank tag (NNP, VBD, IN, ...).
	POS string `json:"pos"`
	// Lemma is the dictionary form in lower case where the parser gives one.
	Lemma string `json:"lemma"`
	// NER is the named-entity class (PERSON, LOCATION, ORGANIZATION, MISC,
	// O) when the parser ran a recogniser, else empty.
	NER string `json:"ner,omitempty"`
}

// Dep is one typed dependency between two tokens of a sentence.
type Dep struct {
	// Gov is the governor's index in Sentence.Tokens, -1 for the root.
	Gov int `json:"gov"`
	// Dep is the dependent's index in Sentence.Tokens.
	Dep int `json:"dep"`
	// Rel is the enhanced++ relation as the parser names it: nsubj,
	// obj, obl:with, nmod:poss, conj:and, nsubj:pass, obl:agent, ...
	Rel string `json:"rel"`
}

// Sentence is one parsed sentence.
type Sentence struct {
	// Start and End are the byte span of the sentence in the article text.
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
	// Deps are the enhanced++ dependencies (a token may have several
	// governors: a subject shared by two coordinated verbs has both).
	Deps []Dep `json:"deps"`
}

// Document is the parse of the sentences of one article that were sent to
// the parser, in text order, with the parser's identity.
type Document struct {
	// Parser names the parser and its version and settings, so that a
	// recorded or cached parse is never read as another parser's.
	Parser    string     `json:"parser"`
	Sentences []Sentence `json:"sentences"`
}

// At returns the parse of the sentence that starts at byte offset start,
// or nil.
func (d *Document) At(start int) *Sentence {
	if d == nil {
		return nil
	}
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].Start < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start == start {
		return &d.Sentences[lo]
	}
	return nil
}
