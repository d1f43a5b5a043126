package main

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
)

func TestWriteLexiconReport(t *testing.T) {
	rows := []extract.LexiconRow{
		{File: "triggers.tsv", Line: 8, Pattern: "visit*", Code: "042", Frame: "visit"},
		{File: "verbs.tsv", Line: 16, Pattern: "press release*", Code: "-"},
		{File: "verbs.tsv", Line: 30, Pattern: "bomb+", Code: "195", Frame: "svo"},
	}
	var b strings.Builder
	if err := writeLexiconReport(&b, rows, []int{3, 0, 0}, 2, 5, map[string]int{"said\t010": 2}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"# 2 articles, 5 events; 2 events no row explains",
		"3        triggers.tsv:8 visit*",
		"# never fired: 1 of 2 rows (1 stop phrases not counted",
		"verbs.tsv:30\tbomb+\t195\tsvo\n",
		"2\tsaid\t010\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got[strings.Index(got, "# never fired"):], "press release") {
		t.Errorf("a stop phrase listed as never fired:\n%s", got)
	}
}
