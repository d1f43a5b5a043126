package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCurationMap(t *testing.T) {
	rules := []Curation{
		{Kind: CurationMerge, From: "person:sergei-lavrov", To: "person:sergey-lavrov"},
		{Kind: CurationMerge, From: "person:s-lavrov", To: "person:sergei-lavrov"}, // a chain
		{Kind: CurationSplit, From: "person:ali-aliyev", To: "person:ali-aliyev-2", Article: "tass"},
		{Kind: CurationMerge, From: "person:ali-aliyev-2", To: "person:ali-aliev"}, // the split entity merged later
		{Kind: CurationMerge, From: "person:loop-a", To: "person:loop-b"},
		{Kind: CurationMerge, From: "person:loop-b", To: "person:loop-a"},
	}
	ids := []string{"person:sergei-lavrov", "person:s-lavrov", "person:ali-aliyev", "country:AZE", "person:loop-a"}
	for _, tc := range []struct {
		article string
		want    map[string]string
	}{
		{"tass", map[string]string{
			"person:sergei-lavrov": "person:sergey-lavrov",
			"person:s-lavrov":      "person:sergey-lavrov",
			"person:ali-aliyev":    "person:ali-aliev",
		}},
		{"apa", map[string]string{
			"person:sergei-lavrov": "person:sergey-lavrov",
			"person:s-lavrov":      "person:sergey-lavrov",
		}},
	} {
		t.Run(tc.article, func(t *testing.T) {
			got := CurationMap(tc.article, rules, ids)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("CurationMap (-want +got):\n%s", diff)
			}
		})
	}
}
