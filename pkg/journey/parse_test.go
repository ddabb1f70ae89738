package journey

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

// want is one expected finding, read from a fixture's `# want:` header:
// `# want: RULE LINE:COL MESSAGE-PREFIX`.
type want struct {
	rule      string
	line, col int
	msg       string
}

func readWants(t *testing.T, data []byte) []want {
	t.Helper()
	var ws []want
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "# want: ")
		if !ok {
			continue
		}
		var w want
		parts := strings.SplitN(rest, " ", 3)
		if len(parts) != 3 {
			t.Fatalf("bad want line %q", sc.Text())
		}
		w.rule, w.msg = parts[0], parts[2]
		if _, err := fmt.Sscanf(parts[1], "%d:%d", &w.line, &w.col); err != nil {
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
			if len(got) != len(wants) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(wants), list(got))
			}
			for i, w := range wants {
				g := got[i]
				if g.Rule != w.rule || g.Line != w.line || g.Column != w.col || !strings.HasPrefix(g.Message, w.msg) {
					t.Errorf("finding %d:\n got  %s %d:%d %s\n want %s %d:%d %s", i, g.Rule, g.Line, g.Column, g.Message, w.rule, w.line, w.col, w.msg)
				}
				if g.Level != finding.Error || g.Path != f {
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
