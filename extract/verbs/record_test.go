package verbs_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/extract/corenlp"
	"github.com/dipgraph/dipgraph/extract/parse"
)

// The recorded parses. go test ./extract/verbs -record rewrites them from
// the CoreNLP server at -corenlp; without -record the tests need no server.
var (
	record    = flag.Bool("record", false, "parse the test sentences with CoreNLP and rewrite "+fixtures)
	serverURL = flag.String("corenlp", corenlp.DefaultURL, "CoreNLP server used by -record")
)

const fixtures = "testdata/parses.json"

// fixture is one recorded sentence.
type fixture struct {
	Text     string         `json:"text"`
	Sentence parse.Sentence `json:"sentence"`
}

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
		// the project's parser client, as the extractor is fed
		c := corenlp.New(corenlp.Config{URLs: []string{*serverURL}, CacheSize: -1})
		rec := recording{Parser: c.Parser()}
		for _, text := range texts {
			doc, err := c.Parse(context.Background(), text, [][2]int{{0, len(text)}})
			if err != nil || len(doc.Sentences) != 1 {
				t.Fatalf("record %q: %v", text, err)
			}
			rec.Sentences = append(rec.Sentences, fixture{text, doc.Sentences[0]})
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
