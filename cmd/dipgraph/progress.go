package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far ingest is: a progress bar (articles, rate, ETA)
// when w is a terminal, else a plain line every so often. A nil progress
// shows nothing.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	every time.Duration
	last  time.Time
	// total is the number of articles of the inputs, once counted; 0
	// while unknown.
	total atomic.Int64
	known bool // the bar's max is set
}

// newProgress returns the progress of an ingest writing to w. total
// counts the inputs' articles in the background (-1: not countable).
func newProgress(w io.Writer, every time.Duration, total func() int) *progress {
	p := &progress{w: w, every: every, last: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	go func() {
		if n := total(); n > 0 {
			p.total.Store(int64(n))
		}
	}()
	return p
}

// ticker calls f every p.every (for the plain lines, which appear even
// while nothing is stored) until the returned function is called.
func (p *progress) ticker(f func()) (stop func()) {
	if p == nil || p.bar != nil || p.every <= 0 {
		return func() {}
	}
	t := time.NewTicker(p.every)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				f()
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// show shows st: on the bar at once, as a line when p.every has passed
// since the last one, or final.
func (p *progress) show(st ingestStats, final bool) {
	if p == nil {
		return
	}
	total := p.total.Load()
	if p.bar != nil {
		if total > 0 && !p.known {
			p.known = true
			p.bar.ChangeMax64(total)
		}
		_ = p.bar.Set(st.read)
		if final {
			_ = p.bar.Finish()
		}
		return
	}
	if !final && time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	secs := time.Since(st.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(st.read) / secs
	}
	of := ""
	if total > 0 {
		of = fmt.Sprintf(" of %d", total)
		if rate > 0 && int64(st.read) < total {
			of += fmt.Sprintf(", %s left", (time.Duration(float64(total-int64(st.read))/rate) * time.Second).Round(time.Second))
		}
	}
	state := "ingest:"
	if final {
		state = "ingest done:"
	}
	fmt.Fprintf(p.w, "%s %d read%s, %d stored (%d new or changed, %d unchanged), %d skipped, %.1f articles/s\n",
		state, st.read, of, st.ingested+st.unchanged, st.ingested, st.unchanged, st.skipped, rate)
}

// countArticles returns a function that counts the articles of paths as
// ingest reads them (one a non-empty line of JSONL or of extract's
// output, one a text file), or -1 when they cannot be counted ahead (-
// for stdin).
func countArticles(paths []string, graphs bool) func() int {
	return func() int {
		n := 0
		err := expand(paths, func(p string) error {
			if p == "-" {
				return errUncountable
			}
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			if !st.IsDir() {
				c, err := countFile(p, graphs)
				n += c
				return err
			}
			return filepath.WalkDir(p, func(f string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".jsonl") || strings.HasSuffix(f, ".jsonl.gz") {
					c, err := countFile(f, false)
					n += c
					return err
				}
				return nil
			})
		})
		if err != nil {
			return -1
		}
		return n
	}
}

var errUncountable = fmt.Errorf("stdin cannot be counted ahead")

// countFile counts the articles of one file: its non-empty lines when it
// holds JSON lines, else one.
func countFile(path string, lines bool) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return 0, err
		}
		defer gz.Close()
		r = gz
	}
	br := bufio.NewReaderSize(r, 1<<20)
	if !lines && !strings.HasSuffix(path, ".jsonl") && !strings.HasSuffix(path, ".jsonl.gz") {
		head, _ := br.Peek(64)
		if !strings.HasPrefix(strings.TrimLeft(string(head), " \t\r\n\ufeff"), "{") {
			return 1, nil
		}
	}
	n := 0
	nonEmpty := false
	for {
		b, err := br.ReadSlice('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			nonEmpty = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if nonEmpty {
			n++
		}
		nonEmpty = false
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
