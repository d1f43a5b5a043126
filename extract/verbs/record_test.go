package verbs_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// The recorded parses. go test ./extract/verbs -record rewrites them from
// the CoreNLP server at -corenlp; without -record the tests need no server.
var (
	record  = flag.Bool("record", false, "parse the test sentences with CoreNLP and rewrite "+fixtures)
	corenlp = flag.String("corenlp", "http://127.0.0.1:9000", "CoreNLP server used by -record")
)

const fixtures = "testdata/parses.json"

// fixture is one recorded sentence.
type fixture struct {
	Text     string         `json:"text"`
	Sentence parse.Sentence `json:"sentence"`
}

// parserName names the parser of the recorded parses.
const parserName = "Stanford CoreNLP 4.5.10 tokenize,ssplit,pos,lemma,depparse (enhanced++)"

// recording is the file format: the parser, then one parse a sentence.
type recording struct {
	Parser    string    `json:"parser"`
	Sentences []fixture `json:"sentences"`
}

// loadParses returns the recorded parse of every text, recording them
// first when -record is set.
func loadParses(t testing.TB, texts []string) map[string]parse.Sentence {
	t.Helper()
	if *record {
		rec := recording{Parser: parserName}
		for _, text := range texts {
			s, err := parseText(*corenlp, text)
			if err != nil {
				t.Fatalf("record %q: %v", text, err)
			}
			rec.Sentences = append(rec.Sentences, fixture{text, s})
		}
		b, err := json.MarshalIndent(rec, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fixtures, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(fixtures)
	if err != nil {
		t.Fatalf("%v (go test -record rewrites it)", err)
	}
	var rec recording
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	out := map[string]parse.Sentence{}
	for _, f := range rec.Sentences {
		out[f.Text] = f.Sentence
	}
	return out
}

// coreNLPDoc is the part of CoreNLP's JSON output the fixtures keep.
type coreNLPDoc struct {
	Sentences []struct {
		Tokens []struct {
			Index int    `json:"index"`
			Word  string `json:"word"`
			Lemma string `json:"lemma"`
			POS   string `json:"pos"`
			Begin int    `json:"characterOffsetBegin"`
			End   int    `json:"characterOffsetEnd"`
		} `json:"tokens"`
		Deps []struct {
			Dep       string `json:"dep"`
			Governor  int    `json:"governor"`
			Dependent int    `json:"dependent"`
		} `json:"enhancedPlusPlusDependencies"`
	} `json:"sentences"`
}

// parseText sends one sentence to the CoreNLP server and converts the
// answer: 1-based indices become 0-based, the root's governor -1. The
// texts are ASCII, so CoreNLP's character offsets are byte offsets.
func parseText(server, text string) (parse.Sentence, error) {
	props := `{"annotators":"tokenize,ssplit,pos,lemma,depparse","outputFormat":"json","ssplit.eolonly":"true"}`
	c := &http.Client{Timeout: 30 * time.Second}
	resp, err := c.Post(server+"/?properties="+url.QueryEscape(props), "text/plain; charset=utf-8", strings.NewReader(text))
	if err != nil {
		return parse.Sentence{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return parse.Sentence{}, fmt.Errorf("corenlp: %s", resp.Status)
	}
	var doc coreNLPDoc
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		return parse.Sentence{}, err
	}
	if len(doc.Sentences) != 1 {
		return parse.Sentence{}, fmt.Errorf("corenlp: %d sentences, want 1", len(doc.Sentences))
	}
	d := doc.Sentences[0]
	s := parse.Sentence{Start: 0, End: len(text)}
	for _, tk := range d.Tokens {
		s.Tokens = append(s.Tokens, parse.Token{Text: tk.Word, Start: tk.Begin, End: tk.End, POS: tk.POS, Lemma: tk.Lemma})
	}
	for _, e := range d.Deps {
		s.Deps = append(s.Deps, parse.Dep{Gov: e.Governor - 1, Dep: e.Dependent - 1, Rel: e.Dep})
	}
	return s, nil
}
