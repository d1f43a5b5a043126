package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dipgraph/dipgraph/graph"
)

// The values of extensions.code in GraphQL errors. gqlgen adds its own for
// requests it rejects before running them (GRAPHQL_PARSE_FAILED,
// GRAPHQL_VALIDATION_FAILED, COMPLEXITY_LIMIT_EXCEEDED).
const (
	codeNotFound    = "NOT_FOUND"
	codeInvalid     = "BAD_USER_INPUT"
	codeConflict    = "CONFLICT"
	codeUnavailable = "UNAVAILABLE"
	codeTimeout     = "TIMEOUT"
	codeTokenLimit  = "TOKEN_LIMIT_EXCEEDED"
	codeInternal    = "INTERNAL_SERVER_ERROR"
)

// errPanic marks the error a recovered panic turns into; the panic is
// logged already.
var errPanic = errors.New("panic")

// presentError returns the error presenter: the single place where an
// error becomes what a client sees. The graph's sentinel errors get their
// code, and so does running out of time; every other error from a
// resolver is logged and reported as "internal error", so that no store or
// driver message leaks.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		e := graphql.DefaultErrorPresenter(ctx, err)
		if e.Err == nil {
			// gqlgen's own verdict on the request (a parse, validation,
			// depth or complexity error): written for the client already.
			// The parser's token limit gets a code of its own.
			if strings.HasPrefix(e.Message, "exceeded token limit") {
				e.Extensions = map[string]any{"code": codeTokenLimit}
			}
			return e
		}
		out := &gqlerror.Error{Path: e.Path, Locations: e.Locations}
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
			// Whatever the store made of its cancelled call.
			out.Message = "the request took too long and was stopped"
			if dl, ok := ctx.Deadline(); ok && graphql.HasOperationContext(ctx) {
				start := graphql.GetOperationContext(ctx).Stats.OperationStart
				out.Message = fmt.Sprintf("the request took longer than %s and was stopped", dl.Sub(start).Round(10*time.Millisecond))
			}
			out.Extensions = map[string]any{"code": codeTimeout}
		case errors.Is(err, graph.ErrNotFound):
			out.Message = "not found"
			out.Extensions = map[string]any{"code": codeNotFound}
		case errors.Is(err, graph.ErrInvalid):
			// Errors wrapping ErrInvalid describe the input the caller sent;
			// the code says it is invalid.
			out.Message = strings.TrimSuffix(e.Err.Error(), ": "+graph.ErrInvalid.Error())
			out.Extensions = map[string]any{"code": codeInvalid}
		case errors.Is(err, graph.ErrConflict):
			out.Message = "conflict with stored data"
			out.Extensions = map[string]any{"code": codeConflict}
		case errors.Is(err, graph.ErrUnavailable):
			log.WarnContext(ctx, "graphql: store unavailable", "path", e.Path.String(), "err", err)
			out.Message = "the database cannot be reached now; try again later"
			out.Extensions = map[string]any{"code": codeUnavailable}
		default:
			if !errors.Is(err, errPanic) {
				log.ErrorContext(ctx, "graphql: internal error", "path", e.Path.String(), "err", err)
			}
			out.Message = "internal error"
			out.Extensions = map[string]any{"code": codeInternal}
		}
		return out
	}
}

// recoverPanic returns the recover function: it logs a panic in a resolver
// with its stack and turns it into an internal error.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		path := ""
		if fc := graphql.GetFieldContext(ctx); fc != nil {
			path = fc.Path().String()
		}
		log.ErrorContext(ctx, "graphql: panic", "path", path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errPanic
	}
}
