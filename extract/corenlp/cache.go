package corenlp

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"github.com/dipgraph/dipgraph/extract/parse"
)

// key names the parse of sentence by this client's parser: the SHA-256 of
// the parser and the sentence text.
func (c *Client) key(sentence string) string {
	h := sha256.New()
	h.Write([]byte(c.parser))
	h.Write([]byte{0})
	h.Write([]byte(sentence))
	return hex.EncodeToString(h.Sum(nil))
}

// cached returns the sentence-relative parse of sentence from memory or
// disk.
func (c *Client) cached(sentence string) (parse.Sentence, bool) {
	if c.mem == nil && c.disk == nil {
		return parse.Sentence{}, false
	}
	k := c.key(sentence)
	if c.mem != nil {
		if s, ok := c.mem.get(k); ok {
			return s, true
		}
	}
	if c.disk != nil {
		if s, ok := c.disk.get(k, c.parser); ok {
			if c.mem != nil {
				c.mem.put(k, s)
			}
			return s, true
		}
	}
	return parse.Sentence{}, false
}

// store keeps the sentence-relative parse s of sentence.
func (c *Client) store(sentence string, s parse.Sentence) {
	if c.mem == nil && c.disk == nil {
		return
	}
	k := c.key(sentence)
	if c.mem != nil {
		c.mem.put(k, s)
	}
	if c.disk != nil {
		c.disk.put(k, c.parser, s)
	}
}

// lru is a bounded map from key to parse that drops the least recently
// used entry. The parses it holds are never modified.
type lru struct {
	mu  sync.Mutex
	max int
	ll  *list.List // of *lruEntry, most recent first
	m   map[string]*list.Element
}

type lruEntry struct {
	key string
	s   parse.Sentence
}

func newLRU(max int) *lru {
	return &lru{max: max, ll: list.New(), m: map[string]*list.Element{}}
}

func (l *lru) get(k string) (parse.Sentence, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.m[k]
	if !ok {
		return parse.Sentence{}, false
	}
	l.ll.MoveToFront(e)
	return e.Value.(*lruEntry).s, true
}

func (l *lru) put(k string, s parse.Sentence) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.m[k]; ok {
		l.ll.MoveToFront(e)
		return
	}
	l.m[k] = l.ll.PushFront(&lruEntry{key: k, s: s})
	for l.ll.Len() > l.max {
		last := l.ll.Back()
		l.ll.Remove(last)
		delete(l.m, last.Value.(*lruEntry).key)
	}
}

// diskCache keeps one JSON file a parse under dir, named by its key. It
// is best effort: a file that cannot be read or written is a miss.
type diskCache struct{ dir string }

// diskEntry is the content of a cache file.
type diskEntry struct {
	Parser   string         `json:"parser"`
	Sentence parse.Sentence `json:"sentence"`
}

func (d *diskCache) path(k string) string { return filepath.Join(d.dir, k[:2], k+".json") }

func (d *diskCache) get(k, parser string) (parse.Sentence, bool) {
	b, err := os.ReadFile(d.path(k))
	if err != nil {
		return parse.Sentence{}, false
	}
	var e diskEntry
	if json.Unmarshal(b, &e) != nil || e.Parser != parser {
		return parse.Sentence{}, false
	}
	return e.Sentence, true
}

// put writes the file whole under a temporary name and renames it into
// place, so that a reader in another process never sees half a file.
func (d *diskCache) put(k, parser string, s parse.Sentence) {
	b, err := json.Marshal(diskEntry{Parser: parser, Sentence: s})
	if err != nil {
		return
	}
	p := d.path(k)
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(b)
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), p) != nil {
		os.Remove(f.Name())
	}
}
