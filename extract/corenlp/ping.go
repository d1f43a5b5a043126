package corenlp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Ping reports whether the client can parse: nil when one of its servers
// answers GET /ping, else an error wrapping ErrUnavailable that names the
// servers. It sends nothing to parse and reads no cache.
func (c *Client) Ping(ctx context.Context) error {
	var errs []error
	for _, s := range c.servers {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"/ping", nil)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<10))
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		errs = append(errs, fmt.Errorf("%s/ping: %s", s.url, resp.Status))
	}
	return fmt.Errorf("%w (%s): %w", ErrUnavailable, c.urls(), errors.Join(errs...))
}
