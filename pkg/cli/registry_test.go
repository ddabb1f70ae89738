package cli

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/findings"
	"github.com/cxmap/cxmap/pkg/history"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/report"
)

// families are every registry of names the commands take, with the
// command that takes them, the arguments that get as far as checking the
// flag, and a doc that must describe each name (docRe: how; %s is the
// name).
var families = []struct {
	cmd   []string // the command, for --help and completion
	flag  string   // the flag that takes the names
	args  []string // arguments after the flag's value
	reg   registry.Family
	doc   string
	docRe string
}{
	{[]string{"lint"}, "-f", []string{"x.yaml"}, findings.Formats, "../../README.md", "`%s`"},
	{[]string{"validate"}, "-f", []string{"x.yaml"}, findings.Formats, "../../README.md", "`%s`"},
	{[]string{"report"}, "-f", []string{"x.yaml"}, report.Formats, "../../docs/report.md", "(?m)^### %s\\b"},
	{[]string{"report"}, "--by", []string{"x.yaml"}, report.Views, "../../docs/report.md", "--by %s"},
	{[]string{"diff"}, "-f", []string{"x.yaml", "y.yaml"}, diff.Formats, "../../docs/diff.md", "(?m)^### %s\\b"},
	{[]string{"history"}, "-f", []string{"x.yaml"}, history.Formats, "../../docs/cli/cxmap_history.md", "\\b%s\\b"},
	{[]string{"render"}, "-f", []string{"x.yaml"}, render.Formats, "../../docs/rendering.md", "(?i)\\b%s\\b"},
	{[]string{"render"}, "--rows", []string{"x.yaml"}, layout.OptionalRows, "../../docs/rendering.md", "`%s`"},
	{[]string{"deck"}, "-f", []string{"x.yaml"}, deck.Formats, "../../docs/deck.md", "(?mi)^## %s\\b"},
	{[]string{"man"}, "--format", []string{"dir"}, manFormats, "", ""},
	{[]string{"measure"}, "-f", []string{"x.csv"}, measure.Formats, "../../docs/cli/cxmap_measure.md", "\\b%s\\b"},
	{[]string{"import"}, "--from", []string{"x.csv", "-o", "-"}, importSources, "../../docs/import.md", "\\b%s\\b"},
}

// TestRegistriesAreTheOnlyLists: each registry is what the help, shell
// completion, the "did you mean" of a typo and the docs show, so a name
// added to (or removed from) a registry without the rest fails here
// (issue 9, item 2; issue 18, item 1). TestNoListOutsideRegistries fails
// when the names are typed out somewhere else.
func TestRegistriesAreTheOnlyLists(t *testing.T) {
	for _, c := range families {
		name := strings.Join(c.cmd, " ") + " " + c.flag
		want := c.reg.Names()
		// --help names every entry.
		streams, out, _ := TestStreams("")
		Main(append(c.cmd, "--help"), streams)
		for _, n := range want {
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`).MatchString(out.String()) {
				t.Errorf("%s --help does not name %q:\n%s", name, n, out)
			}
		}
		// Completion offers exactly the registry, in its order.
		streams, out, _ = TestStreams("")
		Main(append(append([]string{"__complete"}, c.cmd...), c.flag, ""), streams)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			l, _, _ = strings.Cut(l, "\t")
			if l != "" && !strings.HasPrefix(l, ":") && l != "all" && l != "none" {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s <TAB> offers %q, want %q", name, got, want)
		}
		// A typo gets the one wording: the flag, the list and a suggestion.
		typo := want[0][1:] // drop the first letter
		streams, _, errOut := TestStreams("")
		if code := Main(append(append(c.cmd, c.flag, typo), c.args...), streams); code != ExitUsage {
			t.Errorf("%s %s: exit %d, want %d", name, typo, code, ExitUsage)
		}
		wantMsg := fmt.Sprintf("%s %q is not one of %s", c.flag, typo, c.reg.List())
		if !strings.Contains(errOut.String(), wantMsg) || !strings.Contains(errOut.String(), `did you mean "`+want[0]+`"?`) {
			t.Errorf("%s %s: %q, want %q and did you mean %q", name, typo, errOut.String(), wantMsg, want[0])
		}
		if c.doc == "" {
			continue
		}
		// The docs describe every entry.
		doc, err := os.ReadFile(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range want {
			if !regexp.MustCompile(strings.ReplaceAll(c.docRe, "%s", regexp.QuoteMeta(n))).Match(doc) {
				t.Errorf("%s does not describe %s %q", c.doc, name, n)
			}
		}
	}
}

// TestNoListOutsideRegistries reads every Go file of the program (not the
// tests) and fails on a string that types out two or more names of one
// registry as a comma-separated list ("pdf, pptx", "json,csv"): such a
// list is the one that is forgotten when a format is added. Examples in
// help (cobra's Example) show commands, not lists, and are skipped; so is
// the registry's own declaration, where each name is a string of its own.
func TestNoListOutsideRegistries(t *testing.T) {
	seen := map[string]bool{}
	var res []*regexp.Regexp
	for _, c := range families {
		key := strings.Join(c.reg.Names(), " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		if c.reg == layout.OptionalRows || c.reg == report.Views {
			// their names are everyday words of the domain: "pains and
			// opportunities", "journey, step, lane, metric"
			continue
		}
		alt := strings.Join(c.reg.Names(), "|")
		res = append(res, regexp.MustCompile(`\b(`+alt+`)\s*,\s*(`+alt+`)\b`))
	}
	for _, hit := range listsOutsideRegistries(t, "../..", res) {
		t.Errorf("%s: a list of names outside a registry: %s (take it from the registry: Names, List, Join, Help)", hit.pos, hit.text)
	}
}

type listHit struct{ pos, text string }

// listsOutsideRegistries scans the non-test Go files of pkg/, internal/
// and cmd/ under root for string literals a regexp matches, outside
// cobra Example fields.
func listsOutsideRegistries(t *testing.T, root string, res []*regexp.Regexp) []listHit {
	t.Helper()
	var hits []listHit
	fset := token.NewFileSet()
	for _, dir := range []string{"pkg", "internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if os.IsNotExist(err) {
				return filepath.SkipDir
			}
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if kv, ok := n.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Example" {
						return false
					}
				}
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				for _, re := range res {
					if m := re.FindString(v); m != "" {
						hits = append(hits, listHit{fset.Position(lit.Pos()).String(), strconv.Quote(m)})
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return hits
}

// TestListScanCatchesAForgottenList: the scan finds a hand-typed list (the
// deck's old "-f %q is not one of pdf, pptx") and passes the registry's own
// way of writing one.
func TestListScanCatchesAForgottenList(t *testing.T) {
	dir := t.TempDir()
	src := "package x\n\nimport \"fmt\"\n\nvar names = []string{\"pdf\", \"pptx\"}\n\nfunc f(s string) error { return fmt.Errorf(\"-f %q is not one of pdf, pptx\", s) }\n"
	if err := os.MkdirAll(filepath.Join(dir, "pkg", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pkg", "x", "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\b(pdf|pptx)\s*,\s*(pdf|pptx)\b`)
	hits := listsOutsideRegistries(t, dir, []*regexp.Regexp{re})
	if len(hits) != 1 || !strings.Contains(hits[0].pos, "x.go:7") {
		t.Errorf("hits %v, want one on line 7", hits)
	}
}

// TestRuleIDsComplete: `cxmap rules <TAB>` offers every rule id in the
// registry, and a mistyped id gets a suggestion.
func TestRuleIDsComplete(t *testing.T) {
	streams, out, _ := TestStreams("")
	Main([]string{"__complete", "rules", ""}, streams)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if l != "" && !strings.HasPrefix(l, ":") {
			got = append(got, l)
		}
	}
	if !slices.Equal(got, ruleIDs()) || len(got) == 0 {
		t.Errorf("rules <TAB> offers %q, want %q", got, ruleIDs())
	}
	streams, _, errOut := TestStreams("")
	if code := Main([]string{"rules", "unrated-stpe"}, streams); code != ExitUsage || !strings.Contains(errOut.String(), `did you mean "unrated-step"?`) {
		t.Errorf("rules unrated-stpe: exit %d, %q", code, errOut.String())
	}
}
