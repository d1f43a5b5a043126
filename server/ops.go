package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Check is one dependency /readyz asks about: the database, the parser.
type Check struct {
	// Name is what /readyz calls it: "neo4j", "parser".
	Name string
	// Check returns nil when the dependency can serve requests now.
	Check func(context.Context) error
}

// checkTimeout bounds how long /readyz waits for one check.
const checkTimeout = 3 * time.Second

// readyz answers 200 when every check passes and 503 otherwise, with a
// line per check ("neo4j: ok", "parser: not ready"). Why a check failed
// is logged, not sent: it may name hosts and errors of the database.
func readyz(checks []Check, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
		defer cancel()
		errs := make([]error, len(checks))
		var wg sync.WaitGroup
		for i, c := range checks {
			wg.Go(func() { errs[i] = c.Check(ctx) })
		}
		wg.Wait()
		var b strings.Builder
		status := http.StatusOK
		for i, c := range checks {
			if errs[i] != nil {
				status = http.StatusServiceUnavailable
				log.WarnContext(r.Context(), "not ready", "check", c.Name, "err", errs[i])
				fmt.Fprintf(&b, "%s: not ready\n", c.Name)
				continue
			}
			fmt.Fprintf(&b, "%s: ok\n", c.Name)
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		w.Write([]byte(b.String()))
	}
}
