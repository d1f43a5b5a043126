package corenlp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"unicode/utf8"
)

// The coreference systems of CoreNLP 4.5.10 that Coref can ask for.
const (
	// CorefStatistical is the statistical mention-ranking system
	// (coref.algorithm=statistical) on the dependency parse.
	CorefStatistical = "statistical"
	// CorefDeterministic is the rule-based sieve system (dcoref); it
	// reads the constituency parse, so the pipeline adds parse.
	CorefDeterministic = "dcoref"
)

// corefAnnotators are the pipelines Coref asks for. NER runs its default
// English models and numeric classifiers, without SUTime or the
// fine-grained pass: what coreference reads (a mention's entity type), at
// less cost.
var corefAnnotators = map[string]string{
	CorefStatistical:   "tokenize,ssplit,pos,lemma,ner,depparse,coref",
	CorefDeterministic: "tokenize,ssplit,pos,lemma,ner,parse,dcoref",
}

// CorefDocument is CoreNLP's reading of one whole text: its sentences and
// coreference chains. Offsets are byte offsets into the text given to
// Coref.
type CorefDocument struct {
	// Annotators is the pipeline the server ran.
	Annotators string
	// Sentences are the server's sentences, [start, end) in text order.
	Sentences [][2]int
	// Chains are the chains of two or more mentions, ordered by their
	// first mention.
	Chains []CorefChain
}

// CorefChain is one entity of the text as the server sees it.
type CorefChain struct {
	// Mentions are in text order.
	Mentions []CorefMention
	// Representative indexes Mentions: the mention the server names the
	// chain by (usually its first proper name).
	Representative int
}

// CorefMention is one mention of a chain.
type CorefMention struct {
	Start, End int    // byte offsets into the text
	Text       string // text[Start:End]
	Sentence   int    // index into CorefDocument.Sentences
	// Type is PROPER, NOMINAL, PRONOMINAL or LIST.
	Type string
	// Number, Gender and Animacy are the server's guesses (SINGULAR,
	// MALE, ANIMATE, ... or UNKNOWN).
	Number, Gender, Animacy string
}

// Proper reports whether the chain holds a proper-name mention.
func (c CorefChain) Proper() bool {
	for _, m := range c.Mentions {
		if m.Type == "PROPER" {
			return true
		}
	}
	return false
}

// CorefAnnotators returns the annotators Coref sends for algorithm, or
// "" for an algorithm it does not know.
func CorefAnnotators(algorithm string) string { return corefAnnotators[algorithm] }

// Coref sends text whole, as one document (coreference crosses
// sentences, so it cannot be cut into the chunks Parse sends, nor
// cached a sentence at a time), through the pipeline of algorithm
// (CorefStatistical or CorefDeterministic) and returns its chains. The
// server splits the sentences itself, a blank line ending one too. It
// uses the Client's servers, tries and timeout, but no cache. text must
// be UTF-8 and no longer than the server's maxCharLength.
func (c *Client) Coref(ctx context.Context, text, algorithm string) (*CorefDocument, error) {
	ann := corefAnnotators[algorithm]
	if ann == "" {
		return nil, fmt.Errorf("corenlp: unknown coreference algorithm %q (want %q or %q)", algorithm, CorefStatistical, CorefDeterministic)
	}
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("corenlp: coreference: text is not UTF-8")
	}
	props := map[string]string{
		"annotators":                    ann,
		"outputFormat":                  "json",
		"ssplit.newlineIsSentenceBreak": "two",
		"ner.applyFineGrained":          "false",
		"ner.useSUTime":                 "false",
		"ner.buildEntityMentions":       "true",
		// the constituency parser's time grows with the cube of a
		// sentence's length: longer ones get a flat parse
		"parse.maxlen": "80",
	}
	if algorithm == CorefStatistical {
		props["coref.algorithm"] = CorefStatistical
	}
	b, _ := json.Marshal(props)
	res, err := c.postQuery(ctx, "/?properties="+url.QueryEscape(string(b)), []byte(text))
	if err != nil {
		return nil, fmt.Errorf("corenlp: coreference (%s): %w", algorithm, err)
	}
	doc, err := decodeCoref(res, text)
	if err != nil {
		return nil, fmt.Errorf("corenlp: coreference (%s): %w", algorithm, err)
	}
	doc.Annotators = ann
	return doc, nil
}

// corefAnswer is the part of the server's JSON that Coref reads.
type corefAnswer struct {
	Sentences []struct {
		Tokens []struct {
			Begin int `json:"characterOffsetBegin"`
			End   int `json:"characterOffsetEnd"`
		} `json:"tokens"`
	} `json:"sentences"`
	Corefs map[string][]struct {
		Type           string `json:"type"`
		Number         string `json:"number"`
		Gender         string `json:"gender"`
		Animacy        string `json:"animacy"`
		Start          int    `json:"startIndex"` // 1-based token, in its sentence
		End            int    `json:"endIndex"`   // exclusive
		SentNum        int    `json:"sentNum"`    // 1-based
		Representative bool   `json:"isRepresentativeMention"`
	} `json:"corefs"`
}

// decodeCoref reads the server's answer for text: token indexes become
// byte offsets (the server counts UTF-16 units). Chains of one mention
// are dropped.
func decodeCoref(res []byte, text string) (*CorefDocument, error) {
	var a corefAnswer
	if err := json.Unmarshal(res, &a); err != nil {
		return nil, fmt.Errorf("decode answer: %w", err)
	}
	pos := utf16ToByte([]byte(text))
	at := func(u int) (int, error) {
		if u < 0 || u >= len(pos) {
			return 0, fmt.Errorf("offset %d out of the %d characters sent", u, len(pos)-1)
		}
		return pos[u], nil
	}
	doc := &CorefDocument{Sentences: make([][2]int, len(a.Sentences)), Chains: []CorefChain{}}
	for i, s := range a.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		start, err := at(s.Tokens[0].Begin)
		if err != nil {
			return nil, err
		}
		end, err := at(s.Tokens[len(s.Tokens)-1].End)
		if err != nil {
			return nil, err
		}
		doc.Sentences[i] = [2]int{start, end}
	}
	ids := make([]string, 0, len(a.Corefs))
	for id := range a.Corefs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { // numeric ids; any order is made stable below
		a, _ := strconv.Atoi(ids[i])
		b, _ := strconv.Atoi(ids[j])
		return a < b
	})
	for _, id := range ids {
		ms := a.Corefs[id]
		if len(ms) < 2 {
			continue
		}
		var ch CorefChain
		for _, m := range ms {
			si := m.SentNum - 1
			if si < 0 || si >= len(a.Sentences) {
				return nil, fmt.Errorf("chain %s: sentence %d of %d", id, m.SentNum, len(a.Sentences))
			}
			toks := a.Sentences[si].Tokens
			if m.Start < 1 || m.End <= m.Start || m.End-1 > len(toks) {
				return nil, fmt.Errorf("chain %s: tokens [%d,%d) of a sentence of %d", id, m.Start, m.End, len(toks))
			}
			start, err := at(toks[m.Start-1].Begin)
			if err != nil {
				return nil, err
			}
			end, err := at(toks[m.End-2].End)
			if err != nil {
				return nil, err
			}
			if m.Representative {
				ch.Representative = len(ch.Mentions)
			}
			ch.Mentions = append(ch.Mentions, CorefMention{Start: start, End: end, Text: text[start:end], Sentence: si,
				Type: m.Type, Number: m.Number, Gender: m.Gender, Animacy: m.Animacy})
		}
		rep := ch.Mentions[ch.Representative]
		sort.SliceStable(ch.Mentions, func(i, j int) bool { return ch.Mentions[i].Start < ch.Mentions[j].Start })
		for i, m := range ch.Mentions {
			if m == rep {
				ch.Representative = i
				break
			}
		}
		doc.Chains = append(doc.Chains, ch)
	}
	sort.SliceStable(doc.Chains, func(i, j int) bool { return doc.Chains[i].Mentions[0].Start < doc.Chains[j].Mentions[0].Start })
	return doc, nil
}
