package export

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// writeWindow is how long a streaming response may go without a write
// before the server gives up on its client; each page written extends
// it, so a long export lives as long as it moves.
const writeWindow = time.Minute

// Handler serves GET /export/{format}?<filter>: the selection the query
// parameters name (FilterParams) in the format, with its content type and
// a Content-Disposition naming the download (dipgraph.graphml, ...). An
// unknown format is 404, a filter it cannot read 400; both are plain
// text. An error after the first byte is logged and the connection cut,
// so the client sees a broken download rather than a short one. now
// gives the export's time; logger receives internal errors.
func Handler(src Source, now func() time.Time, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ft, ok := Lookup(r.PathValue("format"))
		if !ok {
			http.Error(w, fmt.Sprintf("unknown export format %q; formats: %v", r.PathValue("format"), FormatNames()), http.StatusNotFound)
			return
		}
		f, err := ParseFilter(r.URL.Query())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		sw := &streamWriter{w: w, rc: http.NewResponseController(w), format: ft}
		err = Write(r.Context(), sw, ft.Name, src, f, Options{Now: now()})
		switch {
		case err == nil:
			sw.start() // an empty export still has its headers
		case sw.started:
			if r.Context().Err() == nil { // not a client that went away
				logger.Error("export", "format", ft.Name, "query", r.URL.RawQuery, "err", err)
			}
			panic(http.ErrAbortHandler)
		case errors.Is(err, graph.ErrInvalid):
			http.Error(w, err.Error(), http.StatusBadRequest)
		default:
			logger.Error("export", "format", ft.Name, "query", r.URL.RawQuery, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	})
}

// streamWriter sends the headers with the first bytes and pushes the
// write deadline on with every write.
type streamWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	format  Format
	started bool
}

func (s *streamWriter) start() {
	if s.started {
		return
	}
	s.started = true
	h := s.w.Header()
	h.Set("Content-Type", s.format.ContentType)
	h.Set("Content-Disposition", `attachment; filename="`+s.format.FileName()+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	s.w.WriteHeader(http.StatusOK)
}

func (s *streamWriter) Write(p []byte) (int, error) {
	s.start()
	_ = s.rc.SetWriteDeadline(time.Now().Add(writeWindow)) // not every writer has one
	return s.w.Write(p)
}
