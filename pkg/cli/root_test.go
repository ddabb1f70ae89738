package cli

import (
	"regexp"
	"strings"
	"testing"
)

// TestMessagesAreSafe: a path is printed on standard error as part of an
// I/O error; whatever it holds, no line of standard error starts with "::"
// (a GitHub Actions workflow command) and no control character reaches the
// terminal (issue 8, item 4; docs/decisions.md, "Output safety").
func TestMessagesAreSafe(t *testing.T) {
	command := regexp.MustCompile(`(?m)^\s*::`)
	for _, args := range [][]string{
		{"lint", "-f", "github", "missing\n::error title=t::X\x1b[2J.yaml"},
		{"validate", "missing\n::add-mask::s.yaml"},
		{"report", "missing\n  ::stop-commands::t\a.yaml"},
	} {
		streams, out, errOut := TestStreams("")
		if code := Main(args, streams); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
		for name, s := range map[string]string{"stdout": out.String(), "stderr": errOut.String()} {
			if command.MatchString(s) {
				t.Errorf("%q: a line of %s starts with '::':\n%s", args, name, s)
			}
			if strings.ContainsAny(s, "\x1b\a") {
				t.Errorf("%q: %s holds a control character: %q", args, name, s)
			}
		}
		if !strings.Contains(errOut.String(), "missing") {
			t.Errorf("%q: stderr does not name the path: %q", args, errOut.String())
		}
	}
}

// TestRootHelpNamesEveryCommand: `cxmap --help` says what each visible
// command is for, in its description, not only in cobra's list.
func TestRootHelpNamesEveryCommand(t *testing.T) {
	io, _, _ := TestStreams("")
	root := NewRootCmd(io)
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if !regexp.MustCompile(`\b` + c.Name() + `\b`).MatchString(root.Long) {
			t.Errorf("cxmap --help does not describe %s:\n%s", c.Name(), root.Long)
		}
	}
}
