package cli

import (
	"bytes"
	goldenfile "github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/internal/sarifcheck"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

var lintToday = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

func TestNewCmdLintFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *LintOptions
	cmd := NewCmdLint(io, func(o *LintOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--config", "ci.yaml", "--no-inline-ignore", "-o", "out.sarif", "-f", "sarif", "--fail-level", "warning", "--max-warnings", "3", "a.yaml", "dir/"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.ConfigPath != "ci.yaml" || !got.NoInlineIgnore || got.Output != "out.sarif" || got.Format != "sarif" ||
		got.FailLevel != "warning" || got.MaxWarnings != 3 || strings.Join(got.Paths, ",") != "a.yaml,dir/" {
		t.Errorf("options = %+v", got)
	}
}

// lintAt runs lint from the repository root on the golden fixtures.
func lintAt(t *testing.T, o *LintOptions) (string, string, int) {
	t.Helper()
	if _, err := os.Stat("go.mod"); err != nil {
		t.Chdir("../..")
	}
	io, out, errOut := TestStreams("")
	io.Dir = t.TempDir() // no .cxmap.yaml above it
	o.IO = io
	if o.Now == nil {
		o.Now = lintToday
	}
	err := lintRun(o)
	if ee, ok := err.(*ExitError); ok && ee.Msg != "" {
		errOut.WriteString(ee.Msg + "\n")
	}
	return out.String(), errOut.String(), exitCode(err)
}

func goldenOptions(format string) *LintOptions {
	return &LintOptions{
		CheckOptions: CheckOptions{Paths: []string{"testdata/lint/gaps.yaml", "testdata/lint/clean.yaml"}, Format: format, FailLevel: "error", MaxWarnings: -1, ConfigPath: "testdata/lint/cxmap.yaml"},
	}
}

func TestLintGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := lintAt(t, goldenOptions(format))
			if code != ExitFindings || errOut != "" {
				t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errOut)
			}
			golden(t, "testdata/lint/golden/gaps."+format, []byte(out))
			if format == "sarif" {
				sarifcheck.Validate(t, []byte(out))
			}
		})
	}
}

func TestLintExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name      string
		paths     []string
		failLevel string
		maxWarn   int
		config    string
		want      int
	}{
		{"clean file", []string{"testdata/lint/clean.yaml"}, "error", -1, "", ExitOK},
		{"clean at info", []string{"testdata/lint/clean.yaml"}, "info", -1, "", ExitOK},
		{"errors", []string{"testdata/lint/gaps.yaml"}, "error", -1, "", ExitFindings},
		{"errors turned off, warnings left", []string{"testdata/lint/gaps.yaml"}, "error", -1, "testdata/lint/warnings-only.yaml", ExitOK},
		{"too many warnings", []string{"testdata/lint/gaps.yaml"}, "error", 3, "testdata/lint/warnings-only.yaml", ExitFindings},
		{"fail at warning", []string{"testdata/lint/gaps.yaml"}, "warning", -1, "testdata/lint/warnings-only.yaml", ExitFindings},
		{"missing file", []string{"testdata/lint/nope.yaml"}, "error", -1, "", ExitUsage},
		{"missing config", []string{"testdata/lint/clean.yaml"}, "error", -1, "testdata/lint/nope-config.yaml", ExitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := &LintOptions{CheckOptions: CheckOptions{Paths: tc.paths, FailLevel: tc.failLevel, MaxWarnings: tc.maxWarn, ConfigPath: tc.config}}
			if out, errOut, code := lintAt(t, o); code != tc.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.want, out, errOut)
			}
		})
	}
}

func TestLintConfigError(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".cxmap.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  unrated-step: loud\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	io, out, _ := TestStreams("")
	io.Dir = filepath.Join(dir)
	err := lintRun(&LintOptions{CheckOptions: CheckOptions{IO: io, Paths: []string{"x.yaml"}, FailLevel: "error"}})
	want := cfg + `:2:17: rule "unrated-step": level "loud" is not one of off, info, warning, error`
	if exitCode(err) != ExitUsage || err.Error() != want || out.Len() != 0 {
		t.Errorf("got exit %d, %q, stdout %q; want exit 2, %q", exitCode(err), err, out, want)
	}
}

func TestLintConfigDiscoveryAndIgnore(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "clients", "acme")
	must(t, os.MkdirAll(filepath.Join(nested, "drafts"), 0o755))
	gaps, err := os.ReadFile("../../testdata/lint/gaps.yaml")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(nested, "gaps.yaml"), gaps, 0o644))
	must(t, os.WriteFile(filepath.Join(nested, "drafts", "gaps.yaml"), gaps, 0o644))
	must(t, os.WriteFile(filepath.Join(root, ".cxmap.yaml"), []byte(
		"rules:\n  missing-touchpoint: off\n  empty-stage: warning\n  rating-emotion-mismatch: warning\nignore: [drafts/**]\n"), 0o644))
	io, out, _ := TestStreams("")
	io.Dir = nested
	err = lintRun(&LintOptions{CheckOptions: CheckOptions{IO: io, Paths: []string{nested}, FailLevel: "error", MaxWarnings: -1}, Now: lintToday})
	if exitCode(err) != ExitOK {
		t.Errorf("exit %d, want 0 (errors configured away)\n%s", exitCode(err), out)
	}
	text := out.String()
	if strings.Contains(text, "missing-touchpoint") || strings.Contains(text, "drafts") || !strings.Contains(text, "warning: stage \"renew\" has no steps") {
		t.Errorf("configuration not applied:\n%s", text)
	}
	if !strings.HasSuffix(text, "1 file checked: 0 errors, 12 warnings, 2 info\n") {
		t.Errorf("summary:\n%s", text)
	}
}

func TestLintNoInlineIgnore(t *testing.T) {
	o := goldenOptions("text")
	o.Paths = []string{"testdata/lint/gaps.yaml"}
	o.NoInlineIgnore = true
	out, _, _ := lintAt(t, o)
	if !strings.Contains(out, `step "pay" has no rating`) || strings.Contains(out, "unused-ignore") {
		t.Errorf("--no-inline-ignore: ignores still applied:\n%s", out)
	}
}

func TestLintOutputFile(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "lint.sarif")
	o := goldenOptions("sarif")
	o.Output = report
	out, errOut, code := lintAt(t, o)
	if code != ExitFindings || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing on stdout", code, out)
	}
	if want := report + ": 2 files checked: 3 errors, 10 warnings, 3 info\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	got, err := os.ReadFile(report)
	must(t, err)
	want, err := os.ReadFile("testdata/lint/golden/gaps.sarif")
	must(t, err)
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden sarif", report)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// An unwritable place is an I/O error (exit 2), and nothing is left.
	o = goldenOptions("text")
	o.Output = filepath.Join(dir, "missing", "lint.txt")
	_, errOut, code = lintAt(t, o)
	if code != ExitUsage || !strings.Contains(errOut, "writing "+o.Output+": no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
