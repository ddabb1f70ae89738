package journey

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

// want is one expected finding, read from a fixture's `# want:` header:
// `# want: RULE LINE:COL MESSAGE-PREFIX`, or `# want: RULE FILE:LINE:COL
// MESSAGE-PREFIX` for a finding in another file (a catalog), FILE relative
// to the fixture's directory.
type want struct {
	rule      string
	path      string // "" for the fixture itself
	line, col int
	msg       string
}

func readWants(t *testing.T, data []byte) []want {
	t.Helper()
	var ws []want
	for _, l := range Lines(data) { // fixtures with "\r" line endings too
		text := strings.TrimRight(string(l), "\r\n")
		rest, ok := strings.CutPrefix(text, "# want: ")
		if !ok {
			continue
		}
		var w want
		parts := strings.SplitN(rest, " ", 3)
		if len(parts) != 3 {
			t.Fatalf("bad want line %q", text)
		}
		w.rule, w.msg = parts[0], parts[2]
		pos := parts[1]
		if strings.Count(pos, ":") == 2 {
			i := strings.Index(pos, ":")
			w.path, pos = pos[:i], pos[i+1:]
		}
		if _, err := fmt.Sscanf(pos, "%d:%d", &w.line, &w.col); err != nil {
			t.Fatalf("bad want position %q", parts[1])
		}
		ws = append(ws, w)
	}
	return ws
}

// TestFixtures checks every fixture under testdata/validate: each finding's
// rule, line, column and message prefix, and nothing more.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/validate/*.yaml")
	if len(files) < 15 {
		t.Fatalf("expected the validation fixtures, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wants := readWants(t, data)
			j, got := Parse(f, data)
			if len(wants) == 0 && j == nil {
				t.Fatalf("expected a valid journey, got %v", got)
			}
			if len(wants) > 0 && j != nil {
				t.Fatalf("expected findings, got a valid journey")
			}
			finding.Sort(got)
			for i := range wants {
				if wants[i].path == "" {
					wants[i].path = f
				} else {
					wants[i].path = filepath.Join(filepath.Dir(f), wants[i].path)
				}
			}
			sort.SliceStable(wants, func(a, b int) bool {
				x, y := wants[a], wants[b]
				if x.path != y.path {
					return x.path < y.path
				}
				if x.line != y.line {
					return x.line < y.line
				}
				return x.col < y.col
			})
			if len(got) != len(wants) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(wants), list(got))
			}
			for i, w := range wants {
				g := got[i]
				if g.Rule != w.rule || g.Line != w.line || g.Column != w.col || !strings.HasPrefix(g.Message, w.msg) {
					t.Errorf("finding %d:\n got  %s %d:%d %s\n want %s %d:%d %s", i, g.Rule, g.Line, g.Column, g.Message, w.rule, w.line, w.col, w.msg)
				}
				if g.Level != finding.Error || g.Path != w.path {
					t.Errorf("finding %d: level %v path %q", i, g.Level, g.Path)
				}
				if g.EndLine < g.Line || (g.EndLine == g.Line && g.EndColumn <= g.Column) {
					t.Errorf("finding %d: end %d:%d is not after start", i, g.EndLine, g.EndColumn)
				}
			}
		})
	}
}

func list(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

// TestLimits covers the inputs too large or odd to commit as fixtures.
func TestLimits(t *testing.T) {
	big := append([]byte("cxmap: 1\nid: big\ntitle: T\ndescription: \""), bytes.Repeat([]byte("x"), MaxFileSize)...)
	deeper := "cxmap: 1\nid: x\ntitle: T\nstages: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	tests := []struct {
		name string
		data []byte
		rule string
		line int
		msg  string
	}{
		{"too large", big, RuleSyntax, 1, "file is larger than the 10 MiB limit"},
		{"invalid utf-8", []byte("cxmap: 1\nid: x\ntitle: caf\xe9\n"), RuleSyntax, 3, "file is not valid UTF-8 (byte 0xe9)"},
		{"utf-16", []byte("\xff\xfec\x00x\x00"), RuleSyntax, 1, "file is not valid UTF-8 (byte 0xff); it looks like UTF-16"},
		{"nesting past the parser's own limit", []byte(deeper), RuleSyntax, 4, "nesting is deeper than the limit of 64 levels"},
		{"whitespace only", []byte("\n   \n"), RuleSchema, 1, "file is empty"},
		{"null document", []byte("~\n"), RuleSchema, 1, "file is empty"},
		{"merge key", []byte("cxmap: 1\nid: x\ntitle: T\nbase: &b {id: a, name: A}\nstages: [{<<: *b}]\n"), RuleSchema, 4, "unknown key \"base\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j, fs := Parse("f.yaml", tc.data)
			if j != nil || len(fs) == 0 {
				t.Fatalf("expected an error, got %v", fs)
			}
			finding.Sort(fs)
			f := fs[0]
			if f.Rule != tc.rule || f.Line != tc.line || !strings.HasPrefix(f.Message, tc.msg) {
				t.Errorf("got %s", f)
			}
		})
	}
}

// TestSkipNonJourney: walked YAML that is not a journey is skipped, and the
// same file named explicitly is an error.
func TestSkipNonJourney(t *testing.T) {
	for _, data := range []string{"name: ci\non: push\n", "- a\n- b\n", "", "# only a comment\n", "key: [unclosed\n"} {
		_, fs, skipped := ParseOpts("x.yaml", []byte(data), Options{SkipNonJourney: true})
		if !skipped || fs != nil {
			t.Errorf("%q: skipped=%v findings=%v", data, skipped, fs)
		}
		_, fs, skipped = ParseOpts("x.yaml", []byte(data), Options{})
		if skipped || len(fs) == 0 {
			t.Errorf("%q named explicitly: skipped=%v findings=%v", data, skipped, fs)
		}
	}
	// A broken file that is meant to be a journey is still reported.
	_, fs, skipped := ParseOpts("x.yaml", []byte("cxmap: 1\nid: [\n"), Options{SkipNonJourney: true})
	if skipped || len(fs) == 0 {
		t.Errorf("broken journey: skipped=%v findings=%v", skipped, fs)
	}
}

// TestNumbersAsWritten: integers written as floats or in other YAML
// spellings are read as the schema accepted them.
func TestNumbersAsWritten(t *testing.T) {
	for _, tc := range []struct {
		emotion string
		want    int
	}{{"2", 2}, {"2.0", 2}, {"1e0", 1}, {"-2.0", -2}, {"0x1", 1}} {
		data := "cxmap: 1.0\nid: n\ntitle: N\nstages: [{id: s, name: S, steps: [{id: a, action: A, emotion: " + tc.emotion + "}]}]\n"
		j, fs := Parse("n.yaml", []byte(data))
		if j == nil {
			t.Fatalf("emotion %s: %v", tc.emotion, fs)
		}
		if e := j.Stages[0].Steps[0].Emotion; e == nil || *e != tc.want || j.Version != 1 {
			t.Errorf("emotion %s: got %v, version %d", tc.emotion, e, j.Version)
		}
	}
	for _, v := range []string{"1e3", "99999999999999999999999"} {
		_, fs := Parse("v.yaml", []byte("cxmap: "+v+"\nid: v\n"))
		if len(fs) != 1 || fs[0].Rule != RuleVersion {
			t.Errorf("cxmap: %s: got %v", v, fs)
		}
	}
}

// TestWalkedNonJourneysSkipped: what is clearly someone else's file is
// skipped in a walk, however odd it is.
func TestWalkedNonJourneysSkipped(t *testing.T) {
	cases := map[string][]byte{
		"k8s multi-document":  []byte("apiVersion: v1\nkind: A\n---\nkind: B\n"),
		"latin-1":             []byte("name: caf\xe9\n"),
		"utf-16":              []byte("\xff\xfen\x00a\x00m\x00e\x00"),
		"too large, not ours": append([]byte("data: \""), bytes.Repeat([]byte("x"), MaxFileSize)...),
	}
	for name, data := range cases {
		_, fs, skipped := ParseOpts("x.yaml", data, Options{SkipNonJourney: true})
		if !skipped || fs != nil {
			t.Errorf("%s: skipped=%v findings=%v", name, skipped, fs)
		}
	}
	// A journey that is too large is still reported when walked.
	big := append([]byte("cxmap: 1\ndescription: \""), bytes.Repeat([]byte("x"), MaxFileSize)...)
	if _, fs, skipped := ParseOpts("x.yaml", big, Options{SkipNonJourney: true}); skipped || len(fs) != 1 {
		t.Errorf("large journey: skipped=%v findings=%v", skipped, fs)
	}
}

func TestSyntaxPlaces(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line, col  int
		msg        string
	}{
		{"tab indentation", "cxmap: 1\nid: a\ntitle: A\nstages:\n\t- id: s\n", 5, 1, ""},
		{"unknown alias", "cxmap: 1\nid: a\ntitle: *nope\n", 3, 8, ""},
		{"trailing document marker is fine", "cxmap: 1\nid: a\ntitle: A\nstages: [{id: s, name: S}]\n---\n", 0, 0, ""},
		{"not a number", "cxmap: 1\nid: a\ntitle: A\nstages: [{id: s, name: S, steps: [{id: x, action: y, emotion: !!int abc}]}]\n", 4, 63, "emotion must be an integer, found a string (abc)"},
		{"date written as a number", "cxmap: 1\nid: a\ntitle: A\nupdated: 20261101\nstages: [{id: s, name: S}]\n", 4, 10, "updated must be a date written YYYY-MM-DD, found an integer (20261101)"},
		{"merge key", "cxmap: 1\nid: a\ntitle: A\nstages: [{<<: {id: s}, name: S}]\n", 4, 11, `unknown key "<<" in stage 1: merge keys are not supported`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, fs := Parse("s.yaml", []byte(tc.data))
			if tc.line == 0 {
				if j == nil {
					t.Fatalf("expected valid, got %v", fs)
				}
				return
			}
			for _, f := range fs {
				if f.Line == tc.line && f.Column == tc.col && strings.HasPrefix(f.Message, tc.msg) {
					return
				}
			}
			t.Errorf("no finding at %d:%d starting %q in %v", tc.line, tc.col, tc.msg, fs)
		})
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Home insurance claim":      "home-insurance-claim",
		"Führerschein beantragen":   "fuhrerschein-beantragen",
		"Ünïcödé Café — über":       "unicode-cafe-uber",
		"Straße":                    "strasse",
		"日本語":                       "my-id",
		strings.Repeat("long ", 40): strings.TrimRight(strings.Repeat("long-", 12), "-"),
	} {
		if got := Slug(in); got != want || !IsSlug(got) {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLinesAndLineCol: "\n", "\r\n" and a lone "\r" each end a line, as
// for the YAML parser, in Lines and in every position computed from bytes.
func TestLinesAndLineCol(t *testing.T) {
	data := []byte("a\nbc\r\nd\ré\r\rf")
	var got []string
	for _, l := range Lines(data) {
		got = append(got, string(l))
	}
	if want := []string{"a\n", "bc\r\n", "d\r", "é\r", "\r", "f"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Lines = %q, want %q", got, want)
	}
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {2, 2, 1}, {4, 2, 3}, {5, 2, 4}, {6, 3, 1}, {8, 4, 1}, {10, 4, 2}, {11, 5, 1}, {12, 6, 1}, {13, 6, 2},
	} {
		if l, c := lineCol(data, tc.off); l != tc.line || c != tc.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}
