package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// lexiconDir writes a gazetteer directory holding the two lexicons, the
// known-problems list and, where extract/lexicon.go's generator finds it,
// a small codebook.
func lexiconDir(t *testing.T, verbs, triggers, known string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "gazetteer")
	cb := filepath.Join(dir, codebookFile)
	if err := os.MkdirAll(filepath.Dir(cb), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		cb:                               "# codes\n04\n040\n042\n057\n19\n190\n195\n",
		filepath.Join(dir, verbsFile):    "# pattern code frame\n" + verbs,
		filepath.Join(dir, triggersFile): "# pattern type code subtype frame\n" + triggers,
		filepath.Join(dir, knownFile):    "# file pattern problem\n" + known,
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckLexiconsRejectsBadRows(t *testing.T) {
	for name, tc := range map[string]struct{ verbs, triggers, known, want string }{
		"duplicate pattern":       {verbs: "bomb+\t195\tsvo\nbomb+\t195\tsvo\n", want: `"bomb+" twice`},
		"duplicate stop phrase":   {verbs: "press release*\t-\npress release*\t-\n", want: "twice"},
		"coded twice":             {verbs: "bomb+\t195\tsvo\nbomb+\t190\tsvo\n", want: "coded twice"},
		"coded twice across":      {verbs: "visit*\t042\tsym\n", triggers: "visit*\tVisit\t042\t\tvisit\n", want: "coded twice"},
		"shadowed by triggers":    {verbs: "visit*\t042\tvisit\n", triggers: "visit*\tVisit\t042\t\tvisit\n", want: "twice"},
		"code not in codebook":    {verbs: "hack+\t176\tsvo\n", want: "not in the CAMEO codebook"},
		"trigger code":            {triggers: "summit\tMeeting\t0401\t\tmeet\n", want: "not in the CAMEO codebook"},
		"unknown frame":           {verbs: "bomb+\t195\tattack\n", want: `unknown frame "attack"`},
		"unknown trigger frame":   {triggers: "summit\tMeeting\t040\t\tgather\n", want: "unknown frame"},
		"unknown event type":      {triggers: "summit\tGathering\t040\t\tmeet\n", want: "unknown event type"},
		"no frame":                {verbs: "bomb+\t195\n", want: "no frame"},
		"stop phrase with frame":  {verbs: "press release*\t-\tsvo\n", want: "stop phrase"},
		"upper case":              {verbs: "Bomb+\t195\tsvo\n", want: "bad word"},
		"gap at the end":          {verbs: "bomb+ ...\t195\tsvo\n", want: "gap"},
		"stray space":             {verbs: "bomb+ \t195\tsvo\n", want: "stray space"},
		"field count":             {triggers: "summit\tMeeting\t040\tmeet\n", want: "fields"},
		"stale known problem":     {verbs: "bomb+\t195\tsvo\n", known: "verbs.tsv\tbomb+\tcodebook\n", want: "no longer occurs"},
		"unknown kind of problem": {verbs: "bomb+\t195\tsvo\n", known: "verbs.tsv\tbomb+\tugly\n", want: "unknown problem"},
	} {
		t.Run(name, func(t *testing.T) {
			var errs []string
			checkLexicons(lexiconDir(t, tc.verbs, tc.triggers, tc.known),
				func(e error) { errs = append(errs, e.Error()) }, func(string, ...any) {})
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("errors %q, want one with %q", errs, tc.want)
			}
		})
	}
}

func TestCheckLexiconsAcceptsGoodRows(t *testing.T) {
	verbs := "# -- stop phrases\npress release*\t-\n# -- visits\nvisit+ ... capital\t042\tvisit\nbomb+\t195\tsvo\nhack+\t176\tsvo\nair strike*\t195\tsym\n"
	triggers := "air strike*\tMilitaryAction\t195\tairstrike\tsvo\nanniversary\tAnniversary\t\t\tanniversary\n"
	known := "verbs.tsv\tair strike*\tcoded twice\nverbs.tsv\thack+\tcodebook\n"
	var errs, warnings []string
	checkLexicons(lexiconDir(t, verbs, triggers, known), func(e error) { errs = append(errs, e.Error()) },
		func(f string, a ...any) { warnings = append(warnings, f) })
	if len(errs) > 0 {
		t.Errorf("errors %q", errs)
	}
	if len(warnings) != 2 {
		t.Errorf("%d warnings, want 2 (the listed problems)", len(warnings))
	}
}

// extractSource parses the extractor's Go files (not its tests).
func extractSource(t *testing.T) []*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("../../*.go")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no extract sources: %v", err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

func stringLit(e ast.Expr) (string, bool) {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	return "", false
}

func isFrameField(e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && s.Sel.Name == "frame"
}

// TestFramesAreTheExtractorsOwn checks that the generator's frames are
// exactly the frames the extractor compares a trigger's frame with (in a
// switch on x.frame or an x.frame == ..., by a string or a frameName
// constant), so a frame the code handles is accepted and one it does not
// is caught.
func TestFramesAreTheExtractorsOwn(t *testing.T) {
	files := extractSource(t)
	consts := frameConsts(files)
	lit := func(e ast.Expr) (string, bool) {
		if id, ok := e.(*ast.Ident); ok {
			s, ok := consts[id.Name]
			return s, ok
		}
		return stringLit(e)
	}
	used := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SwitchStmt:
				if n.Tag != nil && isFrameField(n.Tag) {
					for _, c := range n.Body.List {
						for _, e := range c.(*ast.CaseClause).List {
							if s, ok := lit(e); ok {
								used[s] = true
							}
						}
					}
				}
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					for _, p := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
						if s, ok := lit(p[1]); ok && isFrameField(p[0]) {
							used[s] = true
						}
					}
				}
			}
			return true
		})
	}
	got, want := sortedSet(frames), sortedSet(used)
	if !slices.Equal(got, want) {
		t.Errorf("generator frames %q, the extractor's %q", got, want)
	}
}

// frameConsts maps the names of the extractor's frameName constants to
// their strings.
func frameConsts(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, sp := range g.Specs {
				v := sp.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "frameName" || len(v.Names) != len(v.Values) {
					continue
				}
				for k, name := range v.Names {
					if s, ok := stringLit(v.Values[k]); ok {
						out[name.Name] = s
					}
				}
			}
		}
	}
	return out
}

// TestEventTypesAreTheExtractorsOwn checks eventTypes against the Type*
// constants of extract/result.go that name events (those after
// TypeStatement, the first event type).
func TestEventTypesAreTheExtractorsOwn(t *testing.T) {
	used := map[string]bool{}
	for _, f := range extractSource(t) {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			events := false
			for _, s := range g.Specs {
				v := s.(*ast.ValueSpec)
				if len(v.Names) != 1 || len(v.Values) != 1 || !strings.HasPrefix(v.Names[0].Name, "Type") {
					continue
				}
				if v.Names[0].Name == "TypeStatement" {
					events = true
				}
				if s, ok := stringLit(v.Values[0]); ok && events {
					used[s] = true
				}
			}
		}
	}
	got, want := sortedSet(eventTypes), sortedSet(used)
	if !slices.Equal(got, want) {
		t.Errorf("generator event types %q, the extractor's %q", got, want)
	}
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestCheckWordsRejectsBadLists(t *testing.T) {
	for name, tc := range map[string]struct{ data, want string }{
		"no header":      {"in\nof\n", "no header"},
		"upper case":     {"# words\nIn\n", "lower-case"},
		"twice":          {"# words\nin\nof\nin\n", `"in" twice`},
		"columns differ": {"# pairs\nfront\tarmed_group\narmy\n", "columns"},
		"repeated form":  {"# forms\nmeet\tmet|met\n", "repeated value"},
		"blank line":     {"# words\nin\n\nof\n", "blank line"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, wordsDir), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, wordsDir, "list.txt"), []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			var errs []string
			checkWords(dir, func(e error) { errs = append(errs, e.Error()) })
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("errors %q, want one with %q", errs, tc.want)
			}
		})
	}
}
