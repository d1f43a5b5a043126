package resolver

import (
	"context"
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dipgraph/dipgraph/server/gql"
)

// ingestArticles ingests a batch of articles one by one, each in its own
// transaction. An article whose input the caller can fix gets user
// errors in its result; one that fails in the store gets an error in the
// response at its result's path, presented by the server like any other,
// and a result without article or summary. The others go on.
func (r *Resolver) ingestArticles(ctx context.Context, in gql.IngestArticlesInput) (*gql.IngestArticlesPayload, error) {
	out := &gql.IngestArticlesPayload{Results: []gql.IngestArticlePayload{}, UserErrors: []gql.UserError{}}
	if n := len(in.Articles); n == 0 || n > maxBatch {
		out.UserErrors = append(out.UserErrors, gql.UserError{Field: []string{"input", "articles"},
			Message: fmt.Sprintf("Give from 1 to %d articles, not %d.", maxBatch, n)})
		return out, nil
	}
	for i, a := range in.Articles {
		field := []string{"input", "articles", strconv.Itoa(i)}
		res, err := r.ingestOne(ctx, a, field...)
		if err != nil {
			addErrorAt(ctx, err, "results", i)
			res = &gql.IngestArticlePayload{UserErrors: []gql.UserError{}}
		}
		out.Results = append(out.Results, *res)
		if res.Summary != nil {
			out.IngestedCount++
		} else {
			out.FailedCount++
		}
	}
	return out, nil
}

// ingestOne extracts and stores one article. User errors are reported
// with their field under path. The article is counted (CountIngest) by
// what became of it.
func (r *Resolver) ingestOne(ctx context.Context, in gql.IngestArticleInput, path ...string) (*gql.IngestArticlePayload, error) {
	b, userErrs, err := r.batch(ctx, in, path...)
	if err != nil {
		r.counter.Article("failed")
		return nil, err
	}
	if len(userErrs) > 0 {
		r.counter.Article("skipped")
		return userErrorPayload(userErrs), nil
	}
	sum, err := r.store.Ingest(ctx, b)
	if err != nil {
		r.counter.Article("failed")
		return nil, fmt.Errorf("ingest %s: %w", b.Article.ID, err)
	}
	if sum.Changed {
		r.counter.Article("ingested")
	} else {
		r.counter.Article("unchanged")
	}
	return ingestPayload(b, sum), nil
}

// addErrorAt adds err to the response at the path of the field being
// resolved followed by rest (field names and list indexes). The server's
// error presenter still decides what the client sees of it.
func addErrorAt(ctx context.Context, err error, rest ...any) {
	path := graphql.GetPath(ctx)
	for _, p := range rest {
		switch x := p.(type) {
		case string:
			path = append(path, ast.PathName(x))
		case int:
			path = append(path, ast.PathIndex(x))
		}
	}
	graphql.AddError(ctx, &gqlerror.Error{Err: err, Message: err.Error(), Path: path})
}
