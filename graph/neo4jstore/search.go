package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var search = mustQuery("search")

// Search returns the entities (by name or alias), events (by label, topic
// or subtype) and articles (by title) that match every word of text,
// best first, at most first of them (capped at graph.MaxPageSize). A
// word matches itself or any longer word it begins, and a whole-word
// match scores higher. Text without words returns nothing.
func (s *Store) Search(ctx context.Context, text string, first int) ([]graph.SearchHit, error) {
	q, err := fulltextQuery(text)
	if err != nil {
		return nil, err
	}
	if q == "" {
		return []graph.SearchHit{}, nil
	}
	limit := graph.PageRequest{First: first}.Size()
	hits, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.SearchHit, error) {
		return collect(ctx, tx, search, map[string]any{"text": q, "limit": limit}, func(r *neo4j.Record) (graph.SearchHit, error) {
			var h graph.SearchHit
			var err error
			if h.ID, _, err = neo4j.GetRecordValue[string](r, "id"); err != nil {
				return h, err
			}
			if h.Type, _, err = neo4j.GetRecordValue[string](r, "type"); err != nil {
				return h, err
			}
			if h.Name, _, err = neo4j.GetRecordValue[string](r, "name"); err != nil {
				return h, err
			}
			h.Score, _, err = neo4j.GetRecordValue[float64](r, "score")
			return h, err
		})
	})
	if err != nil {
		return nil, s.fail("search", text, err)
	}
	return hits, nil
}

// fulltextQuery turns what a user typed into a Lucene query for the
// full-text indexes: every word required, matching itself (boosted) or as
// a prefix. Only letters and digits make words, so no input can be Lucene
// syntax; it returns "" when text has no word, and an error wrapping
// graph.ErrInvalid when it has more than graph.MaxTextBytes or
// graph.MaxTextWords.
func fulltextQuery(text string) (string, error) {
	if len(text) > graph.MaxTextBytes {
		return "", fmt.Errorf("text of %d bytes: at most %d: %w", len(text), graph.MaxTextBytes, graph.ErrInvalid)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > graph.MaxTextWords {
		return "", fmt.Errorf("text of %d words: at most %d: %w", len(words), graph.MaxTextWords, graph.ErrInvalid)
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("+(" + w + "^2 " + w + "*)")
	}
	return b.String(), nil
}
