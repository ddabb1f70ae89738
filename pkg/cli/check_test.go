package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

func writeJourney(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "j.yaml")
	data := "cxmap: 1\nid: j\ntitle: J\nstages: [{id: s, name: S, steps: [{id: a, action: A}]}]\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fakeLint reports one finding per given level on every journey.
func fakeLint(levels ...finding.Level) func(*journey.Journey) []finding.Finding {
	return func(j *journey.Journey) []finding.Finding {
		var fs []finding.Finding
		for i, l := range levels {
			fs = append(fs, finding.Finding{Path: j.Path, Line: 1 + i, Column: 1, EndLine: 1 + i, EndColumn: 2, Level: l, Rule: "fake-" + l.String(), Message: "m"})
		}
		return fs
	}
}

func TestRunCheckExitCodes(t *testing.T) {
	path := writeJourney(t)
	tests := []struct {
		name   string
		levels []finding.Level
		fail   string
		maxW   int
		want   int
	}{
		{"clean", nil, "error", -1, ExitOK},
		{"warning under error level", []finding.Level{finding.Warning}, "error", -1, ExitOK},
		{"warning at warning level", []finding.Level{finding.Warning}, "warning", -1, ExitFindings},
		{"info at info level", []finding.Level{finding.Info}, "info", -1, ExitFindings},
		{"info at warning level", []finding.Level{finding.Info}, "warning", -1, ExitOK},
		{"error", []finding.Level{finding.Error}, "error", -1, ExitFindings},
		{"max warnings exceeded", []finding.Level{finding.Warning, finding.Warning}, "error", 1, ExitFindings},
		{"max warnings met", []finding.Level{finding.Warning}, "error", 1, ExitOK},
		{"bad fail level", nil, "fatal", -1, ExitUsage},
		{"negative max warnings", nil, "error", -5, ExitUsage},
		{"max warnings -1 is no limit", []finding.Level{finding.Warning}, "error", -1, ExitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, _, _ := TestStreams("")
			o := &CheckOptions{IO: io, Paths: []string{path}, FailLevel: tc.fail, MaxWarnings: tc.maxW, Color: "auto"}
			err := runCheck(o, fakeLint(tc.levels...), nil, nil)
			if got := exitCode(err); got != tc.want {
				t.Errorf("exit %d, want %d (%v)", got, tc.want, err)
			}
		})
	}
}

func TestFormatAndColorDefaults(t *testing.T) {
	path := writeJourney(t)
	tests := []struct {
		name  string
		env   map[string]string
		tty   bool
		color string
		want  string
	}{
		{"plain", nil, false, "auto", "j.yaml:1:1: warning: m [fake-warning]"},
		{"tty colours", nil, true, "auto", "\x1b[33mwarning"},
		{"NO_COLOR wins on a tty", map[string]string{"NO_COLOR": "1"}, true, "auto", "j.yaml:1:1: warning: m"},
		{"always", nil, false, "always", "\x1b[33mwarning"},
		{"github actions", map[string]string{"GITHUB_ACTIONS": "true"}, false, "auto", "::warning file="},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, out, _ := TestStreams("")
			io.OutTTY = tc.tty
			io.Getenv = func(k string) string { return tc.env[k] }
			o := &CheckOptions{IO: io, Paths: []string{path}, FailLevel: "error", MaxWarnings: -1, Color: tc.color}
			err := runCheck(o, fakeLint(finding.Warning), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output %q does not contain %q", out.String(), tc.want)
			}
		})
	}
}

func TestValidateFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *CheckOptions
	cmd := NewCmdValidate(io, func(o *CheckOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"-f", "json", "--stdin-filename", "x.yaml", "--fail-level", "warning", "--max-warnings", "3", "--color", "never", "-", "dir"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "json" || got.StdinFilename != "x.yaml" || got.FailLevel != "warning" || got.MaxWarnings != 3 || got.Color != "never" || strings.Join(got.Paths, ",") != "-,dir" {
		t.Errorf("options: %+v", got)
	}
}
