package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var articleByID = mustQuery("article_by_id")

// Article returns the article with the given id and its full text, or
// graph.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (graph.Article, error) {
	a, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Article, error) {
		return single(ctx, tx, articleByID, map[string]any{"id": id}, articleRecord)
	})
	if err != nil {
		return graph.Article{}, s.fail("article", id, err)
	}
	return a, nil
}

func articleRecord(r *neo4j.Record) (graph.Article, error) {
	n, _, err := neo4j.GetRecordValue[neo4j.Node](r, r.Keys[0])
	if err != nil {
		return graph.Article{}, err
	}
	return articleFromNode(n), nil
}

// articleFromNode maps an :Article node; publishedAt, which only serves
// queries, is not part of graph.Article.
func articleFromNode(n neo4j.Node) graph.Article {
	p := n.Props
	return graph.Article{
		ID:        str(p, "id"),
		Title:     str(p, "title"),
		Published: str(p, "published"),
		Source:    str(p, "source"),
		Section:   str(p, "section"),
		Author:    str(p, "author"),
		Dateline:  str(p, "dateline"),
		URL:       str(p, "url"),
		Text:      str(p, "text"),
	}
}
