package graph

import "time"

// Curation kinds.
const (
	// CurationMerge: the entity From was merged into To; an article that
	// names From names To.
	CurationMerge = "merge"
	// CurationSplit: in Article, the entity From is To.
	CurationSplit = "split"
)

// Curation is an analyst's decision about identity, kept so that
// re-ingesting an article does not undo it.
type Curation struct {
	ID      string
	Kind    string // CurationMerge or CurationSplit
	From    string // the entity id an article yields
	To      string // the entity id to file it under
	Article string // for CurationSplit: the article the decision is about
	At      time.Time
}

// maxCurationHops bounds how many decisions CurationMap follows for one
// id.
const maxCurationHops = 16

// CurationMap returns the entity ids that rules rewrite in the batch of
// article: for each id in ids, follow the decisions from it (a split for
// this article first, then a merge) until none applies. Ids no rule
// touches are absent from the map, and so are ids whose decisions run in
// a cycle (which MergeEntities never records).
func CurationMap(article string, rules []Curation, ids []string) map[string]string {
	merges := map[string]string{}
	splits := map[string]string{}
	for _, c := range rules {
		switch c.Kind {
		case CurationMerge:
			merges[c.From] = c.To
		case CurationSplit:
			if c.Article == article {
				splits[c.From] = c.To
			}
		}
	}
	out := map[string]string{}
	for _, id := range ids {
		cur := id
		seen := map[string]bool{id: true}
		for hop := 0; hop < maxCurationHops; hop++ {
			to, ok := splits[cur]
			if !ok {
				to, ok = merges[cur]
			}
			if !ok {
				break
			}
			if seen[to] {
				cur = id // a cycle decides nothing
				break
			}
			seen[to] = true
			cur = to
		}
		if cur != id {
			out[id] = cur
		}
	}
	return out
}

// DeleteSummary says what deleting an article removed.
type DeleteSummary struct {
	ArticleID string
	// DeletedEvents are the events only the article reported (sorted).
	DeletedEvents []string
	// KeptEvents are the events other articles report too: they stay and
	// lose only the article's evidence and the participants only it gave
	// (sorted).
	KeptEvents []string
	// DeletedEntities are the entities left without any mention,
	// participation or relation (sorted).
	DeletedEntities []string
	// DeletedRelations counts the relations only the article supported.
	DeletedRelations int
	// RestoredEvents are the kept events whose date, confidence, or
	// groups or sectors of a participant, the article alone had given:
	// they now hold what the other reports say (sorted).
	RestoredEvents []string
	// RestoredEntities are the entities that lost aliases only the
	// article had given (sorted).
	RestoredEntities []string
}
