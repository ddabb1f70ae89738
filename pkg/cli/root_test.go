package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
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

// TestVerbNames: each entry of verbs names the command its constructor
// builds, so that rootFor finds the command a command line names.
func TestVerbNames(t *testing.T) {
	io, _, _ := TestStreams("")
	seen := map[string]bool{}
	for _, v := range verbs {
		if got := v.cmd(io).Name(); got != v.name {
			t.Errorf("verbs lists %q for the command named %q", v.name, got)
		}
		if seen[v.name] {
			t.Errorf("verbs lists %q twice", v.name)
		}
		seen[v.name] = true
	}
}

// TestRootForIsTheTree: a command line that names a command is answered
// the same by the root holding that command alone (rootFor, what Main
// builds) as by the whole tree: help, usage errors and exit codes of every
// command and subcommand, and the whole tree where the first word is not
// a command.
func TestRootForIsTheTree(t *testing.T) {
	whole := func(io *IOStreams, _ []string) *cobra.Command { return NewRootCmd(io) }
	var lines [][]string
	io, _, _ := TestStreams("")
	for _, c := range NewRootCmd(io).Commands() {
		lines = append(lines, []string{c.Name(), "--help"}, []string{c.Name(), "--no-such-flag"})
		for _, sub := range c.Commands() {
			lines = append(lines, []string{c.Name(), sub.Name(), "--help"})
		}
	}
	lines = append(lines, []string{}, []string{"--help"}, []string{"--version"}, []string{"valdate"},
		[]string{"help", "validate"}, []string{"version"}, []string{"version", "--json"},
		[]string{"validate", "no-such-file.yaml"}, []string{"__complete", "ren"}, []string{"__complete", "render", "-f", ""})
	for _, args := range lines {
		wantIO, wantOut, wantErr := TestStreams("")
		want := mainWith(args, wantIO, whole)
		gotIO, gotOut, gotErr := TestStreams("")
		got := mainWith(args, gotIO, rootFor)
		if got != want || gotOut.String() != wantOut.String() || gotErr.String() != wantErr.String() {
			t.Errorf("cxmap %q: with the command alone: exit %d, stdout\n%s\nstderr\n%s\nwith the whole tree: exit %d, stdout\n%s\nstderr\n%s",
				args, got, gotOut, gotErr, want, wantOut, wantErr)
		}
	}
	if n := len(rootFor(io, []string{"version"}).Commands()); n != 1 {
		t.Errorf("cxmap version builds %d commands, want 1", n)
	}
}
