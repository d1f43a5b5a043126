package corenlp_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// TestCoref asks the real server for the chains of an invented text with
// characters outside ASCII before the mentions, so that the byte offsets
// are checked too. The first request loads NER and the coreference
// models: a minute or more.
func TestCoref(t *testing.T) {
	u := serverURL(t)
	c := corenlp.New(corenlp.Config{URLs: []string{u}, Timeout: 5 * time.Minute, Tries: 1})
	text := "“Bilateral ties” — Foreign Minister José Núñez arrived in Oslo on Monday.\n\n" +
		"He met the Norwegian prime minister, who thanked him for the visit. Spain said it would reply."
	for _, algo := range []string{corenlp.CorefStatistical, corenlp.CorefDeterministic} {
		t.Run(algo, func(t *testing.T) {
			if algo == corenlp.CorefDeterministic && testing.Short() {
				t.Skip("dcoref loads the constituency parser: not in -short")
			}
			doc, err := c.Coref(context.Background(), text, algo)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Annotators != corenlp.CorefAnnotators(algo) {
				t.Errorf("Annotators = %q, want %q", doc.Annotators, corenlp.CorefAnnotators(algo))
			}
			if len(doc.Sentences) != 3 {
				t.Errorf("%d sentences %v, want 3", len(doc.Sentences), doc.Sentences)
			}
			var found *corenlp.CorefChain
			for i, ch := range doc.Chains {
				for _, m := range ch.Mentions {
					if m.Text != text[m.Start:m.End] {
						t.Errorf("mention %q at [%d,%d) slices to %q", m.Text, m.Start, m.End, text[m.Start:m.End])
					}
					if m.Sentence < 0 || m.Sentence >= len(doc.Sentences) ||
						m.Start < doc.Sentences[m.Sentence][0] || m.End > doc.Sentences[m.Sentence][1] {
						t.Errorf("mention %q at [%d,%d) outside its sentence %d", m.Text, m.Start, m.End, m.Sentence)
					}
				}
				if strings.Contains(ch.Mentions[ch.Representative].Text, "Núñez") {
					found = &doc.Chains[i]
				}
			}
			if found == nil {
				t.Fatalf("no chain named by José Núñez in %+v", doc.Chains)
			}
			he := strings.Index(text, "He met")
			var pron []string
			for _, m := range found.Mentions {
				if m.Type == "PRONOMINAL" {
					pron = append(pron, m.Text)
				}
				if m.Text == "He" && m.Start != he {
					t.Errorf("He at %d, want %d", m.Start, he)
				}
			}
			if len(pron) == 0 || pron[0] != "He" || !found.Proper() {
				t.Errorf("chain of José Núñez: pronouns %q, proper %v; want He first, and a proper name", pron, found.Proper())
			}
		})
	}
	if _, err := c.Coref(context.Background(), text, "neural"); err == nil {
		t.Error("an unknown algorithm was accepted")
	}
}
