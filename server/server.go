package server

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/resolver"
)

// Store is everything the server needs from storage: the resolver
// package's Reader, BatchReader and Ingester together.
type Store = resolver.Store

// DefaultComplexityLimit is the largest query cost accepted when
// Config.ComplexityLimit is zero. Every selected field costs 1, and a
// connection's selection counts once per item of the page it may return:
// a page of 20 events with 10 fields each costs about 200.
const DefaultComplexityLimit = 1000

// Config holds the server's dependencies and settings.
type Config struct {
	// Store reads and writes the graph. Required.
	Store Store
	// Logger receives internal errors and recovered panics; nil discards them.
	Logger *slog.Logger
	// ComplexityLimit bounds the cost of one query; zero means
	// DefaultComplexityLimit.
	ComplexityLimit int
}

// queryCacheSize is how many parsed queries the server keeps.
const queryCacheSize = 1000

// New returns the HTTP handler of the API: the routes of routes.go. It
// panics when cfg.Store is nil, which is a programming error.
func New(cfg Config) http.Handler {
	if cfg.Store == nil {
		panic("server.New: nil Store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ComplexityLimit == 0 {
		cfg.ComplexityLimit = DefaultComplexityLimit
	}
	mux := http.NewServeMux()
	addRoutes(mux, newGraphQL(cfg))
	return mux
}

// newGraphQL returns the GraphQL handler, built explicitly: POST and GET
// transports (GET serves queries only), a cache of parsed queries, the
// complexity limit, introspection, per-operation dataloaders and the error
// policy of errors.go.
func newGraphQL(cfg Config) http.Handler {
	res := resolver.New(cfg.Store)
	srv := handler.New(gql.NewExecutableSchema(gql.Config{
		Resolvers:  res,
		Complexity: resolver.Complexity(),
	}))
	srv.AddTransport(transport.POST{})
	srv.AddTransport(transport.GET{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	srv.SetErrorPresenter(presentError(cfg.Logger))
	srv.SetRecoverFunc(recoverPanic(cfg.Logger))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(res.WithLoaders(ctx))
	})
	return srv
}
