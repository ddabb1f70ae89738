package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdReportFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *ReportOptions
	cmd := NewCmdReport(io, func(o *ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "dir", "-f", "csv", "--only", "red,yellow", "--critical", "--stage", "apply", "--color", "never"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Paths, " ") != "a.yaml dir" || got.Format != "csv" || got.Only != "red,yellow" || !got.Critical || got.Stage != "apply" || got.Color != "never" {
		t.Errorf("options = %+v", got)
	}
}

const reportFixtures = "../../testdata/report/fixtures"

// codeOf is the exit code an error from a run function leads to.
func codeOf(err error) int {
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return -1
}

func TestReportRun(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("cxmap: 1\nid: Bad_Id\ntitle: x\nstages: []\n"), 0o644)
	for _, c := range []struct {
		name      string
		o         ReportOptions
		code      int
		out, errs []string // substrings
		noOut     bool
	}{
		{name: "table", o: ReportOptions{Paths: []string{reportFixtures + "/permit.yaml"}, Format: "table"},
			out: []string{"Building permit | application (current)", "│ Very"}},
		{name: "json", o: ReportOptions{Paths: []string{reportFixtures}, Format: "json"},
			out: []string{`"portfolio": [`, `"criticalAtRisk": 2`}},
		{name: "filters", o: ReportOptions{Paths: []string{reportFixtures + "/permit.yaml"}, Format: "csv", Only: "yellow", Critical: true},
			out: []string{"upload-plans"}},
		{name: "invalid still reports others", o: ReportOptions{Paths: []string{bad, reportFixtures + "/library.yaml"}, Format: "markdown"},
			code: 1, out: []string{"## Library card"}, errs: []string{"bad.yaml:2:", "[schema]"}},
		{name: "bad format", o: ReportOptions{Paths: []string{reportFixtures}, Format: "pdf"}, code: 2, noOut: true},
		{name: "bad rating", o: ReportOptions{Paths: []string{reportFixtures}, Format: "table", Only: "amber"}, code: 2, noOut: true},
		{name: "unknown stage", o: ReportOptions{Paths: []string{reportFixtures}, Format: "table", Stage: "nope"}, code: 2, noOut: true},
		{name: "missing file", o: ReportOptions{Paths: []string{"missing.yaml"}, Format: "table"}, code: 2, errs: []string{"missing.yaml"}},
		{name: "no paths", o: ReportOptions{Format: "table"}, code: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			io, out, errOut := TestStreams("")
			c.o.IO = io
			err := reportRun(&c.o)
			if got := codeOf(err); got != c.code {
				t.Fatalf("exit %d (%v), want %d; stderr:\n%s", got, err, c.code, errOut)
			}
			for _, s := range c.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if strings.Contains(out.String(), "find-rules") && c.name == "filters" {
				t.Error("--only yellow --critical listed find-rules (not critical)")
			}
			for _, s := range c.errs {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if c.noOut && out.Len() > 0 {
				t.Errorf("wrote output on a usage error:\n%s", out)
			}
		})
	}
}

func TestReportColor(t *testing.T) {
	io, out, _ := TestStreams("")
	io.OutTTY = true
	if err := reportRun(&ReportOptions{IO: io, Paths: []string{reportFixtures + "/library.yaml"}, Format: "table", Color: "auto"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[31mVery unhappy\x1b[0m") && !strings.Contains(out.String(), "\x1b[31mVery\x1b[0m") {
		t.Error("no colour on a terminal")
	}
	io, out, _ = TestStreams("")
	io.OutTTY = true
	io.Getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	reportRun(&ReportOptions{IO: io, Paths: []string{reportFixtures + "/library.yaml"}, Format: "table", Color: "auto"})
	if strings.Contains(out.String(), "\x1b[") || !strings.Contains(out.String(), "Very") {
		t.Error("NO_COLOR must drop colour and keep the word")
	}
}

// TestReportFlagWords: ratings are words, so --only takes any case (as
// --fail-level does); an unknown --stage names the stages there are.
func TestReportFlagWords(t *testing.T) {
	io, out, _ := TestStreams("")
	err := reportRun(&ReportOptions{IO: io, Paths: []string{reportFixtures + "/permit.yaml"}, Format: "csv", Only: "YELLOW", Critical: true})
	if err != nil || !strings.Contains(out.String(), "upload-plans") {
		t.Errorf("--only YELLOW: %v\n%s", err, out)
	}
	io, _, _ = TestStreams("")
	err = reportRun(&ReportOptions{IO: io, Paths: []string{reportFixtures + "/permit.yaml"}, Format: "table", Stage: "nope"})
	if codeOf(err) != ExitUsage || !strings.Contains(fmt.Sprint(err), `no journey has a stage "nope"; the stages are: discover, apply`) {
		t.Errorf("--stage nope: %v", err)
	}
}
