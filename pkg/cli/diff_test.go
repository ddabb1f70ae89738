package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/gittest"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

const diffFixtures = "../../testdata/diff/fixtures"

func TestNewCmdDiffFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *DiffOptions
	cmd := NewCmdDiff(io, func(o *DiffOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"HEAD~1:a.yaml", "a.yaml", "-f", "markdown", "--fail-on-regression", "--color", "always"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Old != "HEAD~1:a.yaml" || got.New != "a.yaml" || got.Format != "markdown" || !got.FailOnRegression || got.Color != "always" {
		t.Errorf("options = %+v", got)
	}
	// Three arguments are two revisions and a path...
	cmd = NewCmdDiff(io, func(o *DiffOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"main", "HEAD", "journeys/"})
	if err := cmd.Execute(); err != nil || !got.Range || got.Old != "main" || got.New != "HEAD" || len(got.Paths) != 1 {
		t.Errorf("revision range: %v, options %+v", err, got)
	}
	// ...unless the first two are files or REV:PATH.
	cmd = NewCmdDiff(io, func(o *DiffOptions) error { return nil })
	cmd.SetArgs([]string{"HEAD~1:a.yaml", "b.yaml", "c.yaml"})
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	if code := codeOf(cmd.Execute()); code != ExitUsage {
		t.Errorf("three arguments: exit %d, want 2", code)
	}
	// One argument is a future state compared with its baseline.
	cmd = NewCmdDiff(io, func(o *DiffOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"future.yaml", "--strict"})
	if err := cmd.Execute(); err != nil || got.Old != "" || got.New != "future.yaml" || !got.Strict {
		t.Errorf("one argument: %v, options %+v", err, got)
	}
}

// TestColorFlagLikeLint: diff and report take --color as validate and lint
// do: a value is required, the default is auto.
func TestColorFlagLikeLint(t *testing.T) {
	io, _, _ := TestStreams("")
	for name, build := range map[string]func() (*cobra.Command, *string){
		"diff": func() (*cobra.Command, *string) {
			var c string
			return NewCmdDiff(io, func(o *DiffOptions) error { c = o.Color; return nil }), &c
		},
		"report": func() (*cobra.Command, *string) {
			var c string
			return NewCmdReport(io, func(o *ReportOptions) error { c = o.Color; return nil }), &c
		},
	} {
		cmd, got := build()
		cmd.SetArgs([]string{"a.yaml", "b.yaml"})
		if err := cmd.Execute(); err != nil || *got != "auto" {
			t.Errorf("%s: default --color = %q (%v), want auto", name, *got, err)
		}
		cmd, _ = build()
		cmd.SetArgs([]string{"a.yaml", "b.yaml", "--color"})
		cmd.SetOut(&strings.Builder{})
		cmd.SetErr(&strings.Builder{})
		if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "needs an argument") {
			t.Errorf("%s: --color without a value: %v, want an error like lint's", name, err)
		}
	}
	if _, err := colorFlag("sometimes", io); codeOf(err) != ExitUsage {
		t.Errorf("--color sometimes: %v", err)
	}
}

func TestDiffDirectory(t *testing.T) {
	io, _, _ := TestStreams("")
	err := diffRun(&DiffOptions{IO: io, Old: diffFixtures, New: diffFixtures + "/new.yaml", Format: "text"})
	if codeOf(err) != ExitUsage || !strings.Contains(err.Error(), diffFixtures+" is a directory") {
		t.Errorf("diff DIR FILE: %v", err)
	}
}

func TestDiffRun(t *testing.T) {
	old, new := diffFixtures+"/old.yaml", diffFixtures+"/new.yaml"
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("cxmap: 1\nid: x\ntitle: x\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: A\n        rating: amber\n"), 0o644)
	for _, c := range []struct {
		name      string
		o         DiffOptions
		code      int
		out, errs []string
	}{
		{name: "text", o: DiffOptions{Old: old, New: new, Format: "text"},
			out: []string{"Building permit (current state) → Building permit, redesigned (future state)", "rating Working well → Very unhappy  regressed"}},
		{name: "regression fails", o: DiffOptions{Old: old, New: new, Format: "json", FailOnRegression: true},
			code: 1, out: []string{`"regression": true`}},
		{name: "no regression passes", o: DiffOptions{Old: old, New: old, Format: "text", FailOnRegression: true},
			out: []string{"no changes"}},
		{name: "invalid new", o: DiffOptions{Old: old, New: bad, Format: "text"}, code: 1, errs: []string{"bad.yaml:10:", "amber"}},
		{name: "missing file", o: DiffOptions{Old: old, New: "missing.yaml", Format: "text"}, code: 2, errs: []string{"missing.yaml: no such file"}},
		{name: "bad format", o: DiffOptions{Old: old, New: new, Format: "html"}, code: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			io, out, errOut := TestStreams("")
			c.o.IO = io
			err := diffRun(&c.o)
			if err != nil {
				errOut.WriteString(err.Error())
			}
			if got := codeOf(err); got != c.code {
				t.Fatalf("exit %d (%v), want %d; stderr:\n%s", got, err, c.code, errOut)
			}
			for _, s := range c.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range c.errs {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
		})
	}
}

// TestDiffGitRevision commits a journey in a temporary repository, changes
// it, and diffs the committed version against the file, from a
// subdirectory so REV:path must resolve relative to the working directory.
func TestDiffGitRevision(t *testing.T) {
	g := gittest.New(t)
	repo := g.Dir
	sub := filepath.Join(repo, "journeys")
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(diffFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	target := filepath.Join(sub, "permit.yaml")
	g.Commit("current state", map[string]string{"journeys/permit.yaml": read("old.yaml")})
	g.Write(map[string]string{"journeys/permit.yaml": read("new.yaml")})

	run := func(oldArg, newArg string) (int, string, string) {
		io, out, errOut := TestStreams("")
		io.Dir = sub
		err := diffRun(&DiffOptions{IO: io, Old: oldArg, New: newArg, Format: "text"})
		if err != nil {
			errOut.WriteString(err.Error())
		}
		return codeOf(err), out.String(), errOut.String()
	}
	code, out, errs := run("HEAD:permit.yaml", target)
	if code != 0 || !strings.Contains(out, "old: HEAD:permit.yaml (id permit)") || !strings.Contains(out, "rating Very unhappy → Unhappy  improved") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	code, _, errs = run("HEAD:nothere.yaml", target)
	if code != 2 || !strings.Contains(errs, "nothere.yaml") {
		t.Errorf("missing path: exit %d, stderr %q", code, errs)
	}
	code, _, errs = run("no-such-rev:permit.yaml", target)
	if code != 2 || errs != "cannot read no-such-rev:permit.yaml from git: unknown revision no-such-rev" {
		t.Errorf("unknown revision: exit %d, stderr %q", code, errs)
	}
	code, _, errs = run("HEAD~1:permit.yaml", target)
	if code != 2 || strings.Contains(errs, "git show") || strings.Contains(errs, "cat-file") || !strings.Contains(errs, "unknown revision HEAD~1") {
		t.Errorf("HEAD~1 of a one-commit repository: exit %d, stderr %q", code, errs)
	}
	// A directory in the revision is not a journey that fails to parse.
	code, _, errs = run("HEAD:.", target)
	if code != 2 || !strings.Contains(errs, "is a directory in HEAD") {
		t.Errorf("tree: exit %d, stderr %q", code, errs)
	}
	// A shallow clone gets told how to fetch more history.
	shallow := filepath.Join(t.TempDir(), "shallow")
	g.Git("commit", "-q", "--allow-empty", "-m", "second")
	g.Git("clone", "-q", "--depth", "1", "file://"+repo, shallow)
	io, _, _ := TestStreams("")
	io.Dir = filepath.Join(shallow, "journeys")
	err := diffRun(&DiffOptions{IO: io, Old: "HEAD~1:permit.yaml", New: "permit.yaml", Format: "text"})
	if codeOf(err) != 2 || !strings.Contains(fmt.Sprint(err), "shallow clone, fetch more history") {
		t.Errorf("shallow clone: %v", err)
	}
	// Outside a repository.
	io.Dir = t.TempDir()
	err = diffRun(&DiffOptions{IO: io, Old: "HEAD:permit.yaml", New: target, Format: "text"})
	if codeOf(err) != 2 || !strings.Contains(err.Error(), "git") {
		t.Errorf("not a repo: %v", err)
	}
}

// TestDiffGitBlobSizeFirst: a blob over the size limit gets the finding a
// file on disk gets (exit 1); that it is refused from its size, before any
// of it is read, is inputs.TestVersionSizeFirst.
func TestDiffGitBlobSizeFirst(t *testing.T) {
	g := gittest.New(t)
	g.Commit("big", map[string]string{"big.yaml": "cxmap: 1\nid: big\ntitle: Big\nstages: [{id: s, name: S}]\n" + strings.Repeat("#\n", journey.MaxFileSize/2)})
	io, _, errOut := TestStreams("")
	io.Dir = g.Dir
	err := diffRun(&DiffOptions{IO: io, Old: "HEAD:big.yaml", New: "HEAD:big.yaml", Format: "text"})
	if want := "HEAD:big.yaml:1:1: error: file is larger than the 10 MiB limit [yaml-syntax]\n"; codeOf(err) != ExitFindings || !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", codeOf(err), errOut.String(), want)
	}
	for _, rev := range []string{"-x", "--output=/tmp/pwned"} {
		err := diffRun(&DiffOptions{IO: io, Old: rev + ":big.yaml", New: "HEAD:big.yaml", Format: "text"})
		if codeOf(err) != ExitUsage || !strings.Contains(fmt.Sprint(err), "starts with '-': git would read it as an option") {
			t.Errorf("revision %s: %v", rev, err)
		}
	}
}
