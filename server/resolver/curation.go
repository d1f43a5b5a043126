package resolver

import (
	"context"
	"strings"

	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/node"
)

// deleteArticle deletes an article and returns what went and what stayed.
func (r *Resolver) deleteArticle(ctx context.Context, in gql.DeleteArticleInput) (*gql.DeleteArticlePayload, error) {
	out := &gql.DeleteArticlePayload{DeletedEvents: []string{}, KeptEvents: []node.Event{}, DeletedEntities: []string{}, UserErrors: []gql.UserError{}}
	if strings.TrimSpace(in.ID) == "" {
		out.UserErrors = append(out.UserErrors, gql.UserError{Field: []string{"input", "id"}, Message: "Give the id of an article."})
		return out, nil
	}
	sum, err := r.store.DeleteArticle(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	kept, err := r.loaders(ctx).events.LoadAll(ctx, sum.KeptEvents)
	if err != nil {
		return nil, err
	}
	if out.KeptEvents, err = eventNodes(kept); err != nil {
		return nil, err
	}
	out.ArticleID = &sum.ArticleID
	out.DeletedEvents = append(out.DeletedEvents, sum.DeletedEvents...)
	out.DeletedEntities = append(out.DeletedEntities, sum.DeletedEntities...)
	out.DeletedRelations = sum.DeletedRelations
	return out, nil
}

// mergeEntities merges drop into keep and returns keep as it is now.
func (r *Resolver) mergeEntities(ctx context.Context, in gql.MergeEntitiesInput) (*gql.MergeEntitiesPayload, error) {
	out := &gql.MergeEntitiesPayload{UserErrors: []gql.UserError{}}
	for _, f := range []struct{ name, v string }{{"keep", in.Keep}, {"drop", in.Drop}} {
		if strings.TrimSpace(f.v) == "" {
			out.UserErrors = append(out.UserErrors, gql.UserError{Field: []string{"input", f.name}, Message: "Give the id of an entity."})
		}
	}
	if in.Keep == in.Drop && in.Keep != "" {
		out.UserErrors = append(out.UserErrors, gql.UserError{Field: []string{"input", "drop"}, Message: "An entity cannot be merged into itself."})
	}
	if len(out.UserErrors) > 0 {
		return out, nil
	}
	e, err := r.store.MergeEntities(ctx, in.Keep, in.Drop)
	if err != nil {
		return nil, err
	}
	out.Entity, err = entityNode(e)
	return out, err
}

// splitEntity splits off a new entity and returns both.
func (r *Resolver) splitEntity(ctx context.Context, in gql.SplitEntityInput) (*gql.SplitEntityPayload, error) {
	out := &gql.SplitEntityPayload{UserErrors: []gql.UserError{}}
	fail := func(field, msg string) {
		out.UserErrors = append(out.UserErrors, gql.UserError{Field: []string{"input", field}, Message: msg})
	}
	switch {
	case strings.TrimSpace(in.ID) == "":
		fail("id", "Give the id of the entity to split.")
	case strings.TrimSpace(in.NewID) == "":
		fail("newId", "Give an id for the new entity.")
	case in.NewID == in.ID:
		fail("newId", "The new entity needs an id of its own.")
	}
	if strings.TrimSpace(in.NewName) == "" {
		fail("newName", "Give a name for the new entity.")
	}
	if len(in.Articles) == 0 {
		fail("articles", "Give at least one article whose mentions move to the new entity.")
	}
	if len(out.UserErrors) > 0 {
		return out, nil
	}
	e, err := r.store.SplitEntity(ctx, in.ID, in.NewID, in.NewName, in.Articles)
	if err != nil {
		return nil, err
	}
	if out.Entity, err = entityNode(e); err != nil {
		return nil, err
	}
	out.Original, err = r.entity(ctx, in.ID)
	return out, err
}
