package server

import (
	"testing"
	"time"
)

func TestKeyring(t *testing.T) {
	k := newKeyring([]string{" alpha-key ", "", "beta-key"})
	if !k.on() || len(k.digests) != 2 {
		t.Fatalf("keyring of two keys and a blank: on=%v, %d digests", k.on(), len(k.digests))
	}
	for key, want := range map[string]bool{"alpha-key": true, "beta-key": true, "": false, "alpha": false,
		"alpha-key ": false, "gamma-key": false} {
		if got := k.match(key); got != want {
			t.Errorf("match(%q) = %v, want %v", key, got, want)
		}
	}
	if newKeyring(nil).on() || newKeyring([]string{" ", ""}).on() {
		t.Error("a keyring of no keys is on")
	}
}

func TestRateLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newRateLimiter(2, 3)
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait != 500*time.Millisecond {
		t.Errorf("beyond the burst: allow = %v, wait %v; want refused, 500ms", ok, wait)
	}
	if ok, _ := l.allow("b"); !ok {
		t.Error("another client refused: buckets are per client")
	}
	now = now.Add(500 * time.Millisecond)
	if ok, _ := l.allow("a"); !ok {
		t.Error("refused after the wait it gave")
	}
	now = now.Add(time.Hour)
	l.sweep(now)
	if len(l.seen) != 0 {
		t.Errorf("%d buckets left after an idle hour, want none", len(l.seen))
	}
}
