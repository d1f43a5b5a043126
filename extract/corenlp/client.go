package corenlp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// ErrUnavailable is wrapped by the error of a Parse that found nothing
// listening at any of the configured servers.
var ErrUnavailable = errors.New("corenlp: parser server unavailable")

// Defaults taken for the zero fields of Config.
const (
	DefaultURL            = "http://127.0.0.1:9000"
	DefaultAnnotators     = "tokenize,ssplit,pos,lemma,depparse"
	DefaultVersion        = "4.5.10"
	DefaultTimeout        = 2 * time.Minute
	DefaultTries          = 3
	DefaultBackoff        = 200 * time.Millisecond
	DefaultPerServer      = 2
	DefaultCacheSize      = 50000
	DefaultChunkSentences = 64
	// DefaultChunkBytes keeps a request well below the server's default
	// maxCharLength of 100,000 characters.
	DefaultChunkBytes = 20000
)

// Config sets up a Client. Zero fields take the defaults above.
type Config struct {
	// URLs are the servers; chunks are spread over them.
	URLs []string
	// Timeout bounds one HTTP request.
	Timeout time.Duration
	// Tries is how many times a chunk is sent before its transient
	// failure (5xx, timeout, dropped connection) is returned.
	Tries int
	// Backoff is the wait before the second try; it doubles after.
	Backoff time.Duration
	// PerServer bounds the requests in flight to one server, over all
	// the Parse calls of the Client.
	PerServer int
	// CacheSize is how many sentence parses are kept in memory; negative
	// keeps none.
	CacheSize int
	// CacheDir, when set, keeps every parse on disk as well, one file a
	// sentence, shared across processes.
	CacheDir string
	// Annotators is the server's pipeline; add ner for Token.NER.
	Annotators string
	// Version is the server's CoreNLP version. The server does not report
	// it through its API, so it is named here; it is part of Parser and of
	// the cache keys.
	Version string
	// ChunkSentences and ChunkBytes bound one request. A sentence longer
	// than ChunkBytes is sent alone.
	ChunkSentences int
	ChunkBytes     int
}

func (cfg Config) withDefaults() Config {
	if len(cfg.URLs) == 0 {
		cfg.URLs = []string{DefaultURL}
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&cfg.Tries, DefaultTries)
	def(&cfg.PerServer, DefaultPerServer)
	def(&cfg.ChunkSentences, DefaultChunkSentences)
	def(&cfg.ChunkBytes, DefaultChunkBytes)
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.Annotators == "" {
		cfg.Annotators = DefaultAnnotators
	}
	if cfg.Version == "" {
		cfg.Version = DefaultVersion
	}
	return cfg
}

// Client parses sentences with one or more CoreNLP servers. Make one with
// New; it is safe for concurrent use.
type Client struct {
	cfg     Config
	parser  string
	query   string // "/?properties=..." of every request
	http    *http.Client
	servers []*server
	next    atomic.Uint64
	mem     *lru // nil: no memory cache
	disk    *diskCache
}

// server is one CoreNLP server and its free request slots.
type server struct {
	url   string
	slots chan struct{}
}

// New returns a client for the servers of cfg. It does not contact them:
// the first Parse that needs one does.
func New(cfg Config) *Client {
	cfg = cfg.withDefaults()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = cfg.PerServer
	c := &Client{
		cfg:    cfg,
		parser: "corenlp-" + cfg.Version + " " + cfg.Annotators,
		query:  "/?properties=" + url.QueryEscape(properties(cfg.Annotators)),
		http:   &http.Client{Transport: tr, Timeout: cfg.Timeout},
	}
	for _, u := range cfg.URLs {
		c.servers = append(c.servers, &server{url: strings.TrimRight(u, "/"), slots: make(chan struct{}, cfg.PerServer)})
	}
	if cfg.CacheSize > 0 {
		c.mem = newLRU(cfg.CacheSize)
	}
	if cfg.CacheDir != "" {
		c.disk = &diskCache{dir: cfg.CacheDir}
	}
	return c
}

// Parser names the parser, its version and annotators, as Document.Parser
// does: "corenlp-4.5.10 tokenize,ssplit,pos,lemma,depparse".
func (c *Client) Parser() string { return c.parser }

// Parse parses each span text[a:b] of spans as one sentence and returns
// the parses in text order, with byte offsets into text. Spans that are
// blank, or that the server refuses alone (too long), get no sentence in
// the Document. It fails when a span is out of range, when no server
// answers (an error wrapping ErrUnavailable), when a chunk still fails
// after Config.Tries tries, or when ctx is done.
func (c *Client) Parse(ctx context.Context, text string, spans [][2]int) (*parse.Document, error) {
	todo, err := sortedSpans(text, spans)
	if err != nil {
		return nil, err
	}
	got := make([]*parse.Sentence, len(todo))
	var miss []int // indexes into todo
	for i, sp := range todo {
		if s, ok := c.cached(text[sp[0]:sp[1]]); ok {
			got[i] = shift(s, sp[0])
		} else {
			miss = append(miss, i)
		}
	}
	lines := make([]string, len(miss))
	for k, i := range miss {
		lines[k] = text[todo[i][0]:todo[i][1]]
	}
	parsed, err := c.parseLines(ctx, lines)
	if err != nil {
		return nil, err
	}
	for k, i := range miss {
		if parsed[k] != nil {
			c.store(lines[k], *parsed[k])
			got[i] = shift(*parsed[k], todo[i][0])
		}
	}
	doc := &parse.Document{Parser: c.parser, Sentences: []parse.Sentence{}}
	for _, s := range got {
		if s != nil {
			doc.Sentences = append(doc.Sentences, *s)
		}
	}
	return doc, nil
}

// sortedSpans checks spans against text and returns them sorted by start,
// without duplicates and blank ones.
func sortedSpans(text string, spans [][2]int) ([][2]int, error) {
	out := make([][2]int, 0, len(spans))
	for _, sp := range spans {
		if sp[0] < 0 || sp[1] < sp[0] || sp[1] > len(text) {
			return nil, fmt.Errorf("corenlp: span [%d,%d) out of the text's %d bytes", sp[0], sp[1], len(text))
		}
		if strings.TrimSpace(text[sp[0]:sp[1]]) != "" {
			out = append(out, sp)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	uniq := out[:0]
	for i, sp := range out {
		if i == 0 || sp != out[i-1] {
			uniq = append(uniq, sp)
		}
	}
	return uniq, nil
}

// parseLines parses each line as one sentence, in chunks sent in
// parallel. A nil result is a line that got no parse. The first chunk to
// fail cancels the others.
func (c *Client) parseLines(ctx context.Context, lines []string) ([]*parse.Sentence, error) {
	out := make([]*parse.Sentence, len(lines))
	chunks := c.chunks(lines)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for n, ch := range chunks {
		wg.Go(func() {
			res, err := c.parseChunk(ctx, lines[ch.from:ch.to])
			if err != nil {
				once.Do(func() {
					first = err
					if errors.Is(err, ErrUnavailable) || ctx.Err() != nil {
						cancel()
						return
					}
					first = fmt.Errorf("corenlp: chunk %d of %d (sentences %d-%d of the call, %d bytes): %w",
						n+1, len(chunks), ch.from+1, ch.to, ch.bytes, err)
					cancel()
				})
				return
			}
			copy(out[ch.from:ch.to], res)
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return out, nil
}

// chunk is a run lines[from:to] sent in one request.
type chunk struct{ from, to, bytes int }

// chunks cuts lines into runs of at most ChunkSentences lines and
// ChunkBytes bytes; a longer line is a chunk of its own.
func (c *Client) chunks(lines []string) []chunk {
	var out []chunk
	cur := chunk{}
	for i, l := range lines {
		n := len(l) + 1
		if cur.to > cur.from && (cur.to-cur.from >= c.cfg.ChunkSentences || cur.bytes+n > c.cfg.ChunkBytes) {
			out = append(out, cur)
			cur = chunk{from: i, to: i}
		}
		cur.to, cur.bytes = i+1, cur.bytes+n
	}
	if cur.to > cur.from {
		out = append(out, cur)
	}
	return out
}

// shift returns s, whose offsets are relative to its sentence, with its
// offsets moved by base. The copy shares nothing with s.
func shift(s parse.Sentence, base int) *parse.Sentence {
	out := parse.Sentence{Start: s.Start + base, End: s.End + base,
		Tokens: make([]parse.Token, len(s.Tokens)), Deps: make([]parse.Dep, len(s.Deps))}
	copy(out.Deps, s.Deps)
	for i, t := range s.Tokens {
		t.Start += base
		t.End += base
		out.Tokens[i] = t
	}
	return &out
}
