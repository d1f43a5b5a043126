package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// evalDir is where the shared evaluation files live: $DIPGRAPH_EVAL, or
// ../shared/eval beside the checkout. Tests that need it skip without it.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DIPGRAPH_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "score.py")); err != nil {
		t.Skipf("eval suite not found at %s (set DIPGRAPH_EVAL to the folder holding score.py): %v", dir, err)
	}
	return dir
}

// TestEvalMatchesScorePy builds the binary and checks that `dipgraph eval
// articles|events --json FILE` prints the very figures of the official
// scorer, `score.py articles|events FILE --json --bin BIN`. Both run the
// binary as a process with this environment, so whatever the extractor
// needs from it (a parser's address, say) reaches both alike.
func TestEvalMatchesScorePy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs the extractor on the eval suites")
	}
	dir := evalDir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skipf("python3 not found, cannot run score.py: %v", err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go not found, cannot build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "dipgraph")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tc := range []struct{ name, suite, file string }{
		{name: "articles", suite: "articles", file: "articles-dev.jsonl"},
		{name: "events", suite: "events", file: "events-dev.jsonl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(dir, tc.file)
			// FILE right after the suite: argparse takes no optional
			// positional after the flags
			want := figures(t, python, filepath.Join(dir, "score.py"), tc.suite, file, "--json", "--bin", bin)
			got := figures(t, bin, "eval", tc.suite, "--json", file)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("dipgraph eval %s disagrees with score.py on %s (-score.py +dipgraph):\n%s", tc.suite, tc.file, diff)
			}
		})
	}
}

// figures runs a command and decodes the one JSON object it prints.
func figures(t *testing.T, name string, args ...string) map[string]any {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, stderr.Bytes())
	}
	var m map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		t.Fatalf("%s printed no JSON object: %v\n%s", cmd, err, stdout.Bytes())
	}
	return m
}
