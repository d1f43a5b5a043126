package extract

import "testing"

func TestLexiconRows(t *testing.T) {
	rows := LexiconRows()
	if len(rows) == 0 || rows[0].File != "triggers.tsv" || rows[len(rows)-1].File != "verbs.tsv" {
		t.Fatalf("rows: %d, want triggers.tsv's then verbs.tsv's", len(rows))
	}
	for _, r := range rows {
		if r.Line <= 0 || r.Pattern == "" {
			t.Errorf("bad row %+v", r)
		}
	}
}

func TestLexiconFires(t *testing.T) {
	res, err := Extract(Input{
		Text:      "Russian Foreign Minister Sergey Lavrov visited Azerbaijan on Monday.",
		Published: "2017-11-16T11:54:00+04:00",
	})
	if err != nil {
		t.Fatal(err)
	}
	fires := LexiconFires(res)
	if len(fires) == 0 {
		t.Fatalf("no events in %+v", res.Nodes)
	}
	rows := LexiconRows()
	for _, f := range fires {
		i := f.Row
		if i < 0 {
			t.Errorf("an event no row explains: %v", fires)
			continue
		}
		if got := rows[i]; got.File != "triggers.tsv" || got.Pattern != "visit*" {
			t.Errorf("fired %+v, want triggers.tsv's visit*", got)
		}
	}
	for _, c := range []struct {
		words, code string
		want        string // pattern, or "" for none
	}{
		{"visited", "042", "visit*"},
		{"met with", "040", "met"},
		{"xyzzy", "010", ""},
	} {
		got := ""
		if i := firedRow(c.words, c.code); i >= 0 {
			got = rows[i].Pattern
		}
		if got != c.want {
			t.Errorf("firedRow(%q, %q) = %q, want %q", c.words, c.code, got, c.want)
		}
	}
}
