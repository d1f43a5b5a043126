package server

import (
	"fmt"
	"net/http"
)

// addRoutes registers every route of the API on mux.
func addRoutes(mux *http.ServeMux, cfg Config, gql, exports http.Handler) {
	mux.Handle("POST /graphql", gql)
	mux.Handle("GET /graphql", gql) // queries only; mutations need POST
	// GraphiQL's scripts and styles are served from here too (graphiql.go),
	// and its security policy allows no others.
	mux.Handle("GET /graphiql", graphiqlPage)
	mux.Handle("GET "+graphiqlAssetPath, graphiqlAssetHandler())
	// The web page and its bundle (page.go), under a policy that allows
	// only them and the API.
	page, pageAssets := pageHandler()
	mux.Handle("GET /{$}", page)
	mux.Handle("GET "+pageAssetPath, pageAssets)
	mux.HandleFunc("GET /favicon.ico", noContent) // browsers ask; there is none
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /export/{format}", exports) // a selection as a file: server/export
	mux.Handle("GET /readyz", readyz(cfg.Checks, cfg.Logger))
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics.Handler()) // Prometheus text format (metrics.go)
	}
}

// routed notes in the request being served the pattern of mux that
// matches it, before next (the checks, then mux) runs, for the access
// log's metrics: a label of bounded cardinality, where the path is not.
func routed(mux *http.ServeMux, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if req := requestOf(r.Context()); req != nil {
			_, req.route = mux.Handler(r)
		}
		next.ServeHTTP(w, r)
	})
}

// healthz reports that the process serves requests. It does not reach the
// store: /readyz does (ops.go).
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// noContent answers 204 with nothing.
func noContent(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }

// limitBody refuses request bodies larger than n bytes: one that says so
// in Content-Length at once with 413, one that grows past it while read.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			refuse(w, http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("the request body exceeds %d bytes", n))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
