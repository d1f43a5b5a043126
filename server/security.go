package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"math"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// codeUnauthenticated is the extensions.code of a request that needs an
// API key and has none, or a wrong one; codeRateLimited of one refused
// by the rate limit.
const (
	codeUnauthenticated = "UNAUTHENTICATED"
	codeRateLimited     = "RATE_LIMITED"
	codeTooLarge        = "REQUEST_TOO_LARGE"
)

// keyring holds the API keys as SHA-256 digests: the keys themselves are
// not kept. Comparing digests in constant time, against every key, tells
// nothing of a key through timing.
type keyring struct{ digests [][sha256.Size]byte }

func newKeyring(keys []string) keyring {
	var k keyring
	for _, key := range keys {
		if key = strings.TrimSpace(key); key != "" {
			k.digests = append(k.digests, sha256.Sum256([]byte(key)))
		}
	}
	return k
}

// on reports whether any key is configured, so writes need one.
func (k keyring) on() bool { return len(k.digests) > 0 }

// match reports whether key is one of the keys.
func (k keyring) match(key string) bool {
	d := sha256.Sum256([]byte(key))
	found := 0
	for i := range k.digests {
		found |= subtle.ConstantTimeCompare(d[:], k.digests[i][:])
	}
	return found == 1
}

type authKey struct{}

// authenticated reports whether the request of ctx presented a valid key.
func authenticated(ctx context.Context) bool {
	ok, _ := ctx.Value(authKey{}).(bool)
	return ok
}

// authenticate reads "Authorization: Bearer KEY". A valid key marks the
// request authenticated (mutations need that when keys are configured,
// see requireKeyForMutations); a header with anything else is refused at
// once with 401, whatever the request, so a wrong key never passes for no
// key. With keyedReads every request but the health checks needs a key.
func authenticate(keys keyring, keyedReads bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			if keys.on() && keyedReads && r.URL.Path != "/healthz" && r.URL.Path != "/readyz" {
				refuse(w, http.StatusUnauthorized, codeUnauthenticated, "an API key is required: send Authorization: Bearer <key>")
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		key, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || !keys.on() || !keys.match(strings.TrimSpace(key)) {
			refuse(w, http.StatusUnauthorized, codeUnauthenticated, "invalid API key")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, true)))
	})
}

// refuse writes a GraphQL-shaped error response with status and code.
func refuse(w http.ResponseWriter, status int, code, msg string) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dipgraph"`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": msg, "extensions": map[string]any{"code": code}}}})
}

// cors answers cross-origin requests from the origins of allow and no
// other: without an allowlist no CORS header is ever sent, so browsers
// keep pages of other sites from reading the API. A preflight from an
// origin not allowed gets 403.
func cors(allow []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Origin")
		allowed := slices.Contains(allow, origin)
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if allowed {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Expose-Headers", requestIDHeader)
		}
		if preflight {
			if !allowed {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
			w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, "+requestIDHeader)
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries: no sniffing,
// no framing, no referrer, and a content security policy that lets a
// response load nothing (the API's JSON) or, for the GraphiQL page, only
// the pinned GraphiQL files (see graphiqlCSP), and for the web page at /
// only its bundle and the API (see pageCSP).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		switch r.URL.Path {
		case "/graphiql":
			h.Set("Content-Security-Policy", graphiqlCSP)
		case "/":
			h.Set("Content-Security-Policy", pageCSP)
		default:
			h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		}
		next.ServeHTTP(w, r)
	})
}

// rateLimiter gives each client (its IP address) a token bucket of burst
// tokens refilled at rate a second; a request takes one or is refused
// with 429 and Retry-After.
type rateLimiter struct {
	rate  float64
	burst float64
	mu    sync.Mutex
	seen  map[string]*bucket
	now   func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxClients bounds how many buckets are kept; beyond it, the buckets of
// clients that have been idle long enough to be full again are dropped.
const maxClients = 10000

func newRateLimiter(rate float64, burst int) *rateLimiter {
	if burst < 1 {
		burst = max(1, int(math.Ceil(2*rate)))
	}
	return &rateLimiter{rate: rate, burst: float64(burst), seen: map[string]*bucket{}, now: time.Now}
}

// allow takes a token of client's bucket; when there is none it returns
// false and how long until there is.
func (l *rateLimiter) allow(client string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.seen[client]
	if !ok {
		if len(l.seen) >= maxClients {
			l.sweep(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.seen[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// sweep drops the buckets that would be full by now.
func (l *rateLimiter) sweep(now time.Time) {
	for c, b := range l.seen {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.seen, c)
		}
	}
}

// limitRate refuses a client's requests beyond its rate; the health checks,
// the metrics scrape and the static files of GraphiQL and the web page are not counted.
func limitRate(l *rateLimiter, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" || strings.HasPrefix(r.URL.Path, graphiqlAssetPath) ||
			strings.HasPrefix(r.URL.Path, pageAssetPath) {
			next.ServeHTTP(w, r)
			return
		}
		client, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			client = r.RemoteAddr
		}
		if ok, wait := l.allow(client); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			refuse(w, http.StatusTooManyRequests, codeRateLimited, "too many requests; retry later")
			return
		}
		next.ServeHTTP(w, r)
	})
}
