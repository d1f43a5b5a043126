package corenlp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// statusError is a response other than 200 OK.
type statusError struct {
	url  string
	code int
	msg  string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("%s answered %d %s", e.url, e.code, e.msg)
}

// refused reports whether the server refused the request itself (4xx),
// so that sending it again is no use.
func refused(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.code >= 400 && se.code < 500
}

// parseChunk parses lines, one sentence each, in one request. When the
// server refuses a chunk of several lines, or answers it with a token
// across two lines (its tokenizer reads "<A\nB>" as one SGML token), each
// line is sent alone; a line refused or so answered alone gets no parse.
func (c *Client) parseChunk(ctx context.Context, lines []string) ([]*parse.Sentence, error) {
	body := make([]byte, 0, 64)
	for i, l := range lines {
		if i > 0 {
			body = append(body, '\n')
		}
		body = appendLine(body, l)
	}
	res, err := c.post(ctx, body)
	if err != nil && !refused(err) {
		return nil, err
	}
	if err == nil {
		out, err := decode(res, body, lines)
		if err == nil {
			return out, nil
		}
	}
	if len(lines) == 1 {
		return []*parse.Sentence{nil}, nil
	}
	out := make([]*parse.Sentence, len(lines))
	for i := range lines {
		one, err := c.parseChunk(ctx, lines[i:i+1])
		if err != nil {
			return nil, err
		}
		out[i] = one[0]
	}
	return out, nil
}

// post sends body to a server with the parse request's query.
func (c *Client) post(ctx context.Context, body []byte) ([]byte, error) {
	return c.postQuery(ctx, c.query, body)
}

// postQuery sends body to a server with query ("/?properties=..."),
// trying again after transient failures with a doubling wait. A server
// with nothing listening is passed over for the next one; when every
// server is so, the error wraps ErrUnavailable.
func (c *Client) postQuery(ctx context.Context, query string, body []byte) ([]byte, error) {
	down := map[*server]bool{}
	wait := c.cfg.Backoff
	var last error
	for try := 1; try <= c.cfg.Tries; {
		s := c.servers[c.next.Add(1)%uint64(len(c.servers))]
		if down[s] {
			continue
		}
		res, err := c.send(ctx, s, query, body)
		switch {
		case err == nil:
			return res, nil
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case refused(err):
			return nil, err
		case unreachable(err):
			down[s] = true
			if len(down) == len(c.servers) {
				return nil, fmt.Errorf("%w: nothing listening at %s; start it with make corenlp", ErrUnavailable, c.urls())
			}
			continue
		}
		last = err
		if try == c.cfg.Tries {
			break
		}
		try++
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		wait *= 2
	}
	return nil, fmt.Errorf("%d tries: %w", c.cfg.Tries, last)
}

func (c *Client) urls() string {
	var us []string
	for _, s := range c.servers {
		us = append(us, s.url)
	}
	return strings.Join(us, ", ")
}

// unreachable reports whether err says nothing listens at the address.
func unreachable(err error) bool {
	var dns *net.DNSError
	return errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &dns)
}

// send makes one request to s with query, waiting for one of its slots.
func (c *Client) send(ctx context.Context, s *server, query string, body []byte) ([]byte, error) {
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.slots }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+query, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	res, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: read answer: %w", s.url, err)
	}
	if resp.StatusCode != http.StatusOK {
		msg, _, _ := strings.Cut(strings.TrimSpace(string(res)), "\n")
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return nil, &statusError{url: s.url, code: resp.StatusCode, msg: msg}
	}
	if !json.Valid(res) {
		return nil, fmt.Errorf("%s: answer is not whole JSON (%d bytes)", s.url, len(res))
	}
	return res, nil
}

// properties are the annotators and output settings sent with a request.
func properties(annotators string) string {
	b, _ := json.Marshal(map[string]string{
		"annotators":     annotators,
		"outputFormat":   "json",
		"ssplit.eolonly": "true",
	})
	return string(b)
}
