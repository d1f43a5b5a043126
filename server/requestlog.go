package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// requestIDHeader carries a request's id, in from a proxy that set one
// and out in every response.
const requestIDHeader = "X-Request-Id"

// request is what the server knows of the request being served, kept in
// its context: its id for every log line, and what the access log adds
// once the handler has run.
type request struct {
	id        string
	operation string // the GraphQL operation, set while it runs
	route     string // the route pattern that matched, set by routed
}

type requestKey struct{}

// requestOf returns the request of ctx, or nil.
func requestOf(ctx context.Context) *request {
	r, _ := ctx.Value(requestKey{}).(*request)
	return r
}

// goodRequestID is what an incoming X-Request-Id must look like to be
// kept; anything else is replaced, so no client writes into the logs.
var goodRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests gives every request an id (the client's X-Request-Id when
// it is a plain token, else a new one), sends it back in X-Request-Id,
// puts it in the context, where every log line of the request finds it
// (see requestIDHandler), and logs one line per request: method, path,
// status, size, duration and GraphQL operation. Headers and bodies are
// never logged, so neither are keys or passwords. metrics, when not nil,
// counts the request by route and status.
func logRequests(log *slog.Logger, metrics *Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		req := &request{id: r.Header.Get(requestIDHeader)}
		if !goodRequestID.MatchString(req.id) {
			req.id = newRequestID()
		}
		w.Header().Set(requestIDHeader, req.id)
		ctx := context.WithValue(r.Context(), requestKey{}, req)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(ctx))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		took := time.Since(start)
		metrics.observeHTTP(req.route, r.Method, sw.status, took)
		attrs := []slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
			slog.Float64("ms", float64(took.Microseconds())/1000)}
		if req.operation != "" {
			attrs = append(attrs, slog.String("operation", req.operation))
		}
		log.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
	})
}

// noteOperation records the GraphQL operation of ctx in its request, for
// the access log: its name (as the query names it), or its type when it
// has none.
func noteOperation(ctx context.Context) {
	req := requestOf(ctx)
	if req == nil || !graphql.HasOperationContext(ctx) {
		return
	}
	oc := graphql.GetOperationContext(ctx)
	if op := oc.Operation; op != nil {
		req.operation = op.Name
		if op.Name == "" {
			req.operation = string(op.Operation)
		}
	}
}

// requestIDHandler adds the request_id of the request being served to
// every record logged with its context.
type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if req := requestOf(ctx); req != nil {
		r.AddAttrs(slog.String("request_id", req.id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}
