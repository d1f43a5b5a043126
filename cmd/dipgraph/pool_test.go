package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestInOrder: results come back in input order however long each takes,
// a failing or panicking value is handed on with its error and the rest
// go on, no more than n run at once, and an error of done stops the run.
func TestInOrder(t *testing.T) {
	ins := make([]int, 40)
	for i := range ins {
		ins[i] = i
	}
	var running, most atomic.Int32
	work := func(ctx context.Context, i int) (string, error) {
		now := running.Add(1)
		defer running.Add(-1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		time.Sleep(time.Duration((i*7)%5) * time.Millisecond) // later ones often finish first
		switch i {
		case 3:
			return "", errors.New("bad article")
		case 5:
			panic("extractor bug")
		}
		return fmt.Sprint(i), nil
	}
	for _, n := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("workers=%d", n), func(t *testing.T) {
			most.Store(0)
			var got []string
			err := inOrder(context.Background(), n, each(ins), work, func(i int, s string, err error) error {
				if err != nil {
					s = fmt.Sprintf("%d: %v", i, err)
				}
				got = append(got, s)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := range ins {
				switch i {
				case 3:
					want = append(want, "3: bad article")
				case 5:
					want = append(want, "5: extractor failed: extractor bug")
				default:
					want = append(want, fmt.Sprint(i))
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
			if m := most.Load(); m > int32(n) {
				t.Errorf("%d ran at once, want at most %d", m, n)
			}
		})
	}
	t.Run("stop", func(t *testing.T) {
		stop := errors.New("write failed")
		var seen []string
		err := inOrder(context.Background(), 4, each(ins), func(ctx context.Context, i int) (string, error) {
			return fmt.Sprint(i), nil
		}, func(i int, s string, err error) error {
			seen = append(seen, s)
			if i == 10 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("err = %v, want %v", err, stop)
		}
		if got := strings.Join(seen, " "); got != "0 1 2 3 4 5 6 7 8 9 10" {
			t.Errorf("done saw %q, want 0 to 10", got)
		}
	})
	t.Run("feed error", func(t *testing.T) {
		bad := errors.New("unreadable file")
		n := 0
		err := inOrder(context.Background(), 2, func(yield func(int) error) error {
			for i := range 3 {
				if err := yield(i); err != nil {
					return err
				}
			}
			return bad
		}, func(ctx context.Context, i int) (int, error) { return i, nil }, func(int, int, error) error {
			n++
			return nil
		})
		if !errors.Is(err, bad) || n != 3 {
			t.Errorf("err = %v after %d values, want %v after 3", err, n, bad)
		}
	})
}
