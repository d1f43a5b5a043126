package main

import (
	"math"
	"slices"
	"time"
)

// benchStats summarises the requests of one measurement (or the medians
// of several).
type benchStats struct {
	requests, errors int     // requests sent, and of those failed
	rps              float64 // successful requests per second
	p50, p99         time.Duration
	bytes            int // mean response size of the successful requests
}

// percentile returns the p-th percentile (0 < p <= 100) of sorted by the
// nearest-rank method: the smallest value with at least p% of the values
// at or below it. It is 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// summary gives the stats of the requests named name, or of all requests
// when name is empty. Latencies and sizes count successful requests only;
// requests per second are successful requests over the whole measurement.
func (r runResult) summary(name string) benchStats {
	var s benchStats
	var lat []time.Duration
	total := 0
	for _, x := range r.samples {
		if name != "" && x.name != name {
			continue
		}
		s.requests++
		if x.err != nil {
			s.errors++
			continue
		}
		lat = append(lat, x.latency)
		total += x.bytes
	}
	slices.Sort(lat)
	s.p50, s.p99 = percentile(lat, 50), percentile(lat, 99)
	if len(lat) > 0 {
		s.bytes = total / len(lat)
	}
	if r.elapsed > 0 {
		s.rps = float64(len(lat)) / r.elapsed.Seconds()
	}
	return s
}

// medianStats takes each figure's median over runs, separately.
func medianStats(runs []benchStats) benchStats {
	pick := func(f func(benchStats) float64) float64 {
		v := make([]float64, len(runs))
		for i, r := range runs {
			v[i] = f(r)
		}
		return median(v)
	}
	return benchStats{
		requests: int(pick(func(s benchStats) float64 { return float64(s.requests) })),
		errors:   int(pick(func(s benchStats) float64 { return float64(s.errors) })),
		rps:      pick(func(s benchStats) float64 { return s.rps }),
		p50:      time.Duration(pick(func(s benchStats) float64 { return float64(s.p50) })),
		p99:      time.Duration(pick(func(s benchStats) float64 { return float64(s.p99) })),
		bytes:    int(pick(func(s benchStats) float64 { return float64(s.bytes) })),
	}
}

// median returns the middle value, or the mean of the two middle values
// of an even count; 0 for none.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
