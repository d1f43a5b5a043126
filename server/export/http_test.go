package export

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// failingSource fails its first page.
type failingSource struct{ *fakeSource }

func (failingSource) SelectionEvents(context.Context, graph.EventFilter, string, int) (graph.EventPage, error) {
	return graph.EventPage{}, errors.New("neo4jstore: events: connection refused")
}

func TestHandler(t *testing.T) {
	serve := func(src Source) *httptest.Server {
		mux := http.NewServeMux()
		mux.Handle("GET /export/{format}", Handler(src, func() time.Time { return exportTime }, slog.New(slog.DiscardHandler)))
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		return srv
	}
	srv := serve(seedSource())
	for _, tc := range []struct {
		path, status, contentType, disposition, body string
	}{
		{"/export/graphml", "200 OK", "application/graphml+xml; charset=utf-8", `attachment; filename="dipgraph.graphml"`, "<graphml"},
		{"/export/ics?type=visit", "200 OK", "text/calendar; charset=utf-8", `attachment; filename="dipgraph.ics"`, "UID:event:visit-2017-11-20@dipgraph"},
		{"/export/csv?type=Sanction", "200 OK", "text/csv; charset=utf-8; header=present", `attachment; filename="dipgraph.csv"`, "event_id,date"},
		{"/export/timelinejs", "200 OK", "application/json", `attachment; filename="dipgraph.timeline.json"`, `"unique_id":"event:visit-2017-11-20"`},
		{"/export/gephi-nodes", "200 OK", "text/csv; charset=utf-8; header=present", `attachment; filename="dipgraph.nodes.csv"`, "Id,Label"},
		{"/export/pdf", "404 Not Found", "text/plain; charset=utf-8", "", "unknown export format"},
		{"/export/csv?type=picnic", "400 Bad Request", "text/plain; charset=utf-8", "", "no event type"},
		{"/export/csv?from=2018&to=2017", "400 Bad Request", "text/plain; charset=utf-8", "", "after"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.Status != tc.status || resp.Header.Get("Content-Type") != tc.contentType ||
				resp.Header.Get("Content-Disposition") != tc.disposition || !strings.Contains(string(body), tc.body) {
				t.Errorf("GET %s: %s, %q, %q, body %.200q; want %s, %q, %q, body with %q", tc.path, resp.Status,
					resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), body,
					tc.status, tc.contentType, tc.disposition, tc.body)
			}
		})
	}
	t.Run("a store error before the first byte", func(t *testing.T) {
		resp, err := http.Get(serve(failingSource{seedSource()}).URL + "/export/csv")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusInternalServerError || strings.Contains(string(body), "connection refused") {
			t.Errorf("GET with a failing store: %s %q; want 500 without the store's message", resp.Status, body)
		}
	})
}
