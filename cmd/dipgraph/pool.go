package main

import (
	"context"
	"fmt"
	"sync"
)

// inOrder calls work on each value feed yields, on up to n goroutines at
// once, and hands every value with its result to done, one at a time and
// in the order feed yielded them. A panic in work is its value's error,
// so that one bad article loses nothing else. At most a few times n
// values are read ahead of done.
//
// When done returns an error, inOrder cancels the work still running,
// waits for it and returns that error; otherwise it returns feed's. The
// ctx given to work is cancelled then too.
func inOrder[In, Out any](ctx context.Context, n int, feed func(yield func(In) error) error,
	work func(context.Context, In) (Out, error), done func(In, Out, error) error) error {
	n = max(n, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		in    In
		out   Out
		err   error
		ready chan struct{} // closed once out and err are set
	}
	jobs := make(chan *job)
	// queue holds the jobs in feed order; its room lets the workers run
	// ahead of a slow article at the head.
	queue := make(chan *job, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range jobs {
				j.out, j.err = safely(ctx, work, j.in)
				close(j.ready)
			}
		})
	}
	fed := make(chan error, 1)
	go func() {
		defer close(queue)
		defer close(jobs)
		fed <- feed(func(in In) error {
			j := &job{in: in, ready: make(chan struct{})}
			select {
			case queue <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				j.err = ctx.Err()
				close(j.ready)
				return ctx.Err()
			}
			return nil
		})
	}()
	var stop error
	for j := range queue {
		<-j.ready
		if stop != nil {
			continue // draining after a stop
		}
		if err := done(j.in, j.out, j.err); err != nil {
			stop = err
			cancel()
		}
	}
	wg.Wait()
	if stop != nil {
		return stop
	}
	return <-fed
}

// safely calls work, turning a panic into an error.
func safely[In, Out any](ctx context.Context, work func(context.Context, In) (Out, error), in In) (out Out, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	return work(ctx, in)
}

// each yields the values of s in order: a feed for inOrder.
func each[T any](s []T) func(yield func(T) error) error {
	return func(yield func(T) error) error {
		for _, v := range s {
			if err := yield(v); err != nil {
				return err
			}
		}
		return nil
	}
}
