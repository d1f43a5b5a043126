package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dipgraph/dipgraph/server/export"
	"github.com/dipgraph/dipgraph/server/gql"
	"github.com/dipgraph/dipgraph/server/resolver"
)

// Store is everything the server needs from storage: the resolver
// package's Reader, BatchReader and Ingester together.
type Store = resolver.Store

// Extractor reads an ingested article: resolver.Extractor.
type Extractor = resolver.Extractor

// DefaultComplexityLimit is the largest query cost accepted when
// Config.ComplexityLimit is zero. Every selected field costs 1, and a
// list's selection counts once per item it may return (see
// resolver.Complexity): a page of 100 events with their fields,
// participants and evidence costs about 5,500; the same page with each
// participant's own first 20 events about 55,000, which is refused.
const DefaultComplexityLimit = 10000

// Config holds the server's dependencies and settings.
type Config struct {
	// Store reads and writes the graph. Required.
	Store Store
	// Extractor reads the articles of the ingest mutations; nil runs
	// extract.Extract alone, without a parser.
	Extractor Extractor
	// Logger receives a line per request, internal errors and recovered
	// panics, each with the request's id; nil discards them.
	Logger *slog.Logger
	// ComplexityLimit bounds the cost of one query; zero means
	// DefaultComplexityLimit.
	ComplexityLimit int
	// DepthLimit bounds how deep a query nests; zero means
	// DefaultDepthLimit.
	DepthLimit int
	// TokenLimit bounds how many tokens of a query are parsed; zero means
	// DefaultTokenLimit.
	TokenLimit int
	// Timeout bounds how long one query runs; zero means DefaultTimeout.
	// A store call still running then is cancelled.
	Timeout time.Duration
	// MutationTimeout bounds how long one mutation runs; zero means
	// DefaultMutationTimeout.
	MutationTimeout time.Duration
	// LoaderWait is how long the dataloaders collect keys; zero means
	// resolver.DefaultLoaderWait.
	LoaderWait time.Duration
	// Export reads the selections of GET /export/{format}; nil serves no
	// exports (404).
	Export export.Source
	// Publication tells whether an export's selection holds unpublished
	// articles, which need an API key when APIKeys is set (exportauth.go).
	// With keys and no Publication, every export needs a key.
	Publication Publication

	// Checks are what /readyz asks: ready when every one passes.
	Checks []Check

	// APIKeys, when not empty, are the keys a client must send as
	// "Authorization: Bearer KEY" to run a mutation (and, with KeyedReads,
	// anything else but the health checks); others get UNAUTHENTICATED.
	// The server keeps only their SHA-256 digests.
	APIKeys []string
	// KeyedReads makes queries need a key too, when APIKeys is set.
	KeyedReads bool
	// CORSOrigins are the origins whose pages may call the API from a
	// browser; none by default.
	CORSOrigins []string
	// RateLimit is how many requests a second one client (IP address) may
	// make, with bursts of RateBurst (twice the rate when zero); zero
	// means no limit.
	RateLimit float64
	RateBurst int
	// MaxBodyBytes bounds a request body; zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Metrics, when not nil, counts requests, GraphQL operations and
	// ingested articles and is served at GET /metrics (which, like the
	// API, needs a key when KeyedReads is on).
	Metrics *Metrics
	// NoIntrospection refuses the introspection fields (__schema, __type),
	// which GraphiQL needs, so that the schema is not served to anyone.
	NoIntrospection bool
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
	cfg.Logger = slog.New(requestIDHandler{cfg.Logger.Handler()})
	if cfg.ComplexityLimit == 0 {
		cfg.ComplexityLimit = DefaultComplexityLimit
	}
	if cfg.DepthLimit == 0 {
		cfg.DepthLimit = DefaultDepthLimit
	}
	if cfg.TokenLimit == 0 {
		cfg.TokenLimit = DefaultTokenLimit
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MutationTimeout == 0 {
		cfg.MutationTimeout = DefaultMutationTimeout
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	var exports http.Handler = http.NotFoundHandler()
	if cfg.Export != nil {
		exports = export.Handler(cfg.Export, time.Now, cfg.Logger)
		exports = guardUnpublished(newKeyring(cfg.APIKeys), cfg.Publication, time.Now, cfg.Logger, exports)
	}
	mux := http.NewServeMux()
	addRoutes(mux, cfg, newGraphQL(cfg), exports)
	// Outermost first: every request is logged with its id (and counted,
	// by the route it matches) and gets the security headers; then the
	// rate limit, CORS, the body limit and the key check run before any
	// route.
	var h http.Handler = mux
	h = authenticate(newKeyring(cfg.APIKeys), cfg.KeyedReads, h)
	h = limitBody(cfg.MaxBodyBytes, h)
	h = cors(cfg.CORSOrigins, h)
	if cfg.RateLimit > 0 {
		h = limitRate(newRateLimiter(cfg.RateLimit, cfg.RateBurst), h)
	}
	h = securityHeaders(h)
	return logRequests(cfg.Logger, cfg.Metrics, routed(mux, h))
}

// newGraphQL returns the GraphQL handler, built explicitly: POST and GET
// transports (GET serves queries only), a cache of parsed queries, the
// limits (tokens, depth, complexity, time), introspection, per-operation
// dataloaders and the error policy of errors.go.
func newGraphQL(cfg Config) http.Handler {
	res := resolver.New(cfg.Store, cfg.Extractor, cfg.LoaderWait)
	res.CountIngest(cfg.Metrics.Ingest("graphql"))
	keys := newKeyring(cfg.APIKeys)
	srv := handler.New(gql.NewExecutableSchema(gql.Config{
		Resolvers:  res,
		Complexity: resolver.Complexity(),
	}))
	srv.AddTransport(transport.POST{})
	srv.AddTransport(transport.GET{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(cfg.TokenLimit)
	if !cfg.NoIntrospection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(depthLimit{max: cfg.DepthLimit})
	srv.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	srv.SetErrorPresenter(presentError(cfg.Logger))
	srv.SetRecoverFunc(recoverPanic(cfg.Logger))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		// The operation runs when its response handler is called, once
		// for a query or mutation; the deadline ends with it.
		noteOperation(ctx)
		if keys.on() && !authenticated(ctx) && isMutation(ctx) {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message:    "a mutation needs an API key: send Authorization: Bearer <key>",
				Extensions: map[string]any{"code": codeUnauthenticated},
			}}})
		}
		ctx, cancel := context.WithTimeout(ctx, timeoutOf(ctx, cfg))
		respond := cfg.Metrics.observeOperation(ctx, next(res.WithLoaders(ctx)))
		return func(ctx context.Context) *graphql.Response {
			defer cancel()
			return respond(ctx)
		}
	})
	return srv
}
