package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// row is one data line of a TSV file.
type row struct {
	file string
	line int
	f    []string
}

func (r row) errf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", filepath.Base(r.file), r.line, fmt.Sprintf(format, args...))
}

// readTSV reads a gazetteer file: UTF-8, '#' comment lines, tab-separated
// fields (exactly ncols of them), no space at either end of a field or of a
// '|'-separated list item, no empty list item, no blank line.
func readTSV(path string, ncols int) (comments []string, rows []row, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return parseTSV(path, data, ncols)
}

func parseTSV(path string, data []byte, ncols int) (comments []string, rows []row, err error) {
	if !utf8.Valid(data) {
		return nil, nil, fmt.Errorf("%s: not valid UTF-8", path)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return nil, nil, fmt.Errorf("%s: no newline at end of file", path)
	}
	text := strings.TrimSuffix(string(data), "\n")
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if strings.HasSuffix(line, " ") || strings.Contains(line, "\r") {
			return nil, nil, fmt.Errorf("%s:%d: trailing space or CR", path, n)
		}
		if strings.HasPrefix(line, "#") {
			if len(rows) > 0 {
				return nil, nil, fmt.Errorf("%s:%d: comment after data", path, n)
			}
			comments = append(comments, line)
			continue
		}
		if line == "" {
			return nil, nil, fmt.Errorf("%s:%d: blank line", path, n)
		}
		f := strings.Split(line, "\t")
		if len(f) != ncols {
			return nil, nil, fmt.Errorf("%s:%d: %d fields, want %d", path, n, len(f), ncols)
		}
		for _, v := range f {
			if v != strings.TrimSpace(v) || strings.Contains(v, "  ") {
				return nil, nil, fmt.Errorf("%s:%d: stray space in field %q", path, n, v)
			}
			if v == "" {
				continue
			}
			items := strings.Split(v, "|")
			seen := map[string]bool{}
			for _, it := range items {
				if it == "" || it != strings.TrimSpace(it) {
					return nil, nil, fmt.Errorf("%s:%d: empty or padded list item in %q", path, n, v)
				}
				if seen[it] {
					return nil, nil, fmt.Errorf("%s:%d: %q listed twice", path, n, it)
				}
				seen[it] = true
			}
		}
		rows = append(rows, row{file: path, line: n, f: f})
	}
	return comments, rows, nil
}

// sortFile rewrites a hand-kept file with its data rows sorted by the first
// column (then by the whole line), keeping the leading comment lines.
func sortFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var comments, lines []string
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		l = strings.TrimRight(l, " \r")
		switch {
		case l == "":
		case strings.HasPrefix(l, "#") && len(lines) == 0:
			comments = append(comments, l)
		default:
			lines = append(lines, l)
		}
	}
	sortLines(lines)
	var b bytes.Buffer
	for _, l := range append(comments, lines...) {
		b.WriteString(l + "\n")
	}
	return writeIfChanged(path, b.Bytes())
}

func sortLines(lines []string) {
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := firstField(lines[i]), firstField(lines[j])
		if a != b {
			return a < b
		}
		return lines[i] < lines[j]
	})
}

func firstField(l string) string {
	k, _, _ := strings.Cut(l, "\t")
	return k
}
