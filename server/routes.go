package server

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// maxRequestBytes bounds a request body: a query, or an article to ingest.
const maxRequestBytes = 8 << 20

// addRoutes registers every route of the API on mux.
func addRoutes(mux *http.ServeMux, cfg Config, gql http.Handler) {
	mux.Handle("POST /graphql", limitBody(gql))
	mux.Handle("GET /graphql", gql) // queries only; mutations need POST
	// GraphiQL loads its scripts and styles from a CDN (jsdelivr), so the
	// page stays blank where the browser cannot reach it.
	mux.Handle("GET /graphiql", playground.Handler("dipgraph GraphiQL", "/graphql"))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz(cfg.Checks, cfg.Logger))
}

// healthz reports that the process serves requests. It does not reach the
// store: /readyz does (ops.go).
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// limitBody refuses request bodies larger than maxRequestBytes.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
		next.ServeHTTP(w, r)
	})
}
