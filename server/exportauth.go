package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/export"
)

// Publication tells how many articles of an export's selection are
// unpublished at now: the articles reporting the events the filter
// matches (every article for an empty filter) that have no publication
// date, or one after now (a release ingested before its embargo ends).
// It returns an error wrapping graph.ErrInvalid for a filter it cannot
// use and graph.ErrUnavailable when the store cannot be reached.
type Publication interface {
	UnpublishedArticles(ctx context.Context, f graph.EventFilter, now time.Time) (int, error)
}

// guardUnpublished lets GET /export/{format} through without a key only
// when no key is configured, the request has a valid one, or its selection
// holds no unpublished article (see Publication): what is not published
// yet, and what is reported only there, goes to key holders alone. A
// selection that holds some is refused with 401 UNAUTHENTICATED, saying
// how many; with keys and no way to tell (pub nil), every export needs a
// key. The GraphQL reads stay as Config.KeyedReads says. An unknown format
// or a filter that cannot be read passes to next, which says so.
func guardUnpublished(keys keyring, pub Publication, now func() time.Time, log *slog.Logger, next http.Handler) http.Handler {
	if !keys.on() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if authenticated(r.Context()) {
			next.ServeHTTP(w, r)
			return
		}
		if _, ok := export.Lookup(r.PathValue("format")); !ok {
			next.ServeHTTP(w, r)
			return
		}
		f, err := export.ParseFilter(r.URL.Query())
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		if pub == nil {
			refuse(w, http.StatusUnauthorized, codeUnauthenticated, "an export needs an API key: send Authorization: Bearer <key>")
			return
		}
		n, err := pub.UnpublishedArticles(r.Context(), f, now())
		switch {
		case errors.Is(err, graph.ErrInvalid):
			next.ServeHTTP(w, r)
		case errors.Is(err, graph.ErrUnavailable):
			log.WarnContext(r.Context(), "export: unpublished articles", "err", err)
			refuse(w, http.StatusServiceUnavailable, codeUnavailable, "the database is not available; retry later")
		case err != nil:
			log.ErrorContext(r.Context(), "export: unpublished articles", "err", err)
			refuse(w, http.StatusInternalServerError, codeInternal, "internal error")
		case n > 0:
			refuse(w, http.StatusUnauthorized, codeUnauthenticated, fmt.Sprintf(
				"the selection holds %d unpublished article(s) (no publication date, or one still to come): send Authorization: Bearer <key>, or narrow the filter", n))
		default:
			next.ServeHTTP(w, r)
		}
	})
}
