package server

import (
	"context"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The limits on one request, besides the complexity limit (see
// DefaultComplexityLimit) and the largest page (graph.MaxPageSize).
const (
	// DefaultDepthLimit is how deep a query's selections may nest when
	// Config.DepthLimit is zero. Introspection fields do not count.
	DefaultDepthLimit = 12
	// DefaultTokenLimit is how many tokens the parser reads of a query
	// when Config.TokenLimit is zero, so an enormous query costs no more
	// than reading it.
	DefaultTokenLimit = 5000
	// DefaultTimeout is how long one query may take when Config.Timeout
	// is zero.
	DefaultTimeout = 10 * time.Second
	// DefaultMutationTimeout is how long one mutation may take when
	// Config.MutationTimeout is zero: a batch of articles takes longer
	// than a query, and must still end before an HTTP server's write
	// timeout (cmd's is a minute).
	DefaultMutationTimeout = 50 * time.Second
)

// DefaultMaxBodyBytes bounds a request body (a query, or articles to
// ingest) when Config.MaxBodyBytes is zero.
const DefaultMaxBodyBytes = 8 << 20

// timeoutOf returns how long the operation of ctx may run.
func timeoutOf(ctx context.Context, cfg Config) time.Duration {
	if isMutation(ctx) {
		return cfg.MutationTimeout
	}
	return cfg.Timeout
}

// isMutation reports whether the operation of ctx is a mutation.
func isMutation(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Mutation
}

// codeDepth is the extensions.code of a query refused for its depth.
const codeDepth = "DEPTH_LIMIT_EXCEEDED"

// depthLimit is a handler extension that refuses, before anything runs,
// an operation whose selections nest deeper than max. A field at the top
// of the operation has depth 1; fragments count where they are spread.
type depthLimit struct{ max int }

var (
	_ graphql.HandlerExtension        = depthLimit{}
	_ graphql.OperationContextMutator = depthLimit{}
)

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(rc.Operation.SelectionSet, rc.Doc.Fragments); depth > d.max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, d.max)
		errcode.Set(err, codeDepth)
		return err
	}
	return nil
}

// selectionDepth returns how deep set nests. Validation has run, so
// fragments do not spread into themselves.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue // introspection, however deep GraphiQL asks
			}
			d = 1 + selectionDepth(s.SelectionSet, fragments)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, fragments)
		case *ast.FragmentSpread:
			if f := fragments.ForName(s.Name); f != nil {
				d = selectionDepth(f.SelectionSet, fragments)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
