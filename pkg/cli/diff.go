package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// DiffOptions are the flags of `cxmap diff`.
type DiffOptions struct {
	IO               *IOStreams
	Old, New         string
	Format           string
	FailOnRegression bool
	Color            string
}

// NewCmdDiff builds `cxmap diff OLD NEW`.
func NewCmdDiff(io *IOStreams, runF func(*DiffOptions) error) *cobra.Command {
	o := &DiffOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a journey",
		Long: `Show what changed between two versions of a journey: two commits of one
file, or the current and the future state of one journey. Stages, steps,
lanes and sources are matched by id, metrics by name within a step.

Prints added, removed and moved steps; rating changes (improved or
regressed) of steps and of their touchpoint and backstage entries; what an
entry does; critical, emotion, evidence and flow (next) changes; metric
movements and targets now met or lost; pains and opportunities added or
removed; touchpoints, lanes, stages and sources added, removed or renamed.

OLD and NEW are files, or REV:PATH to read PATH as it was in git revision REV
(PATH relative to the working directory). A file that exists on disk is
always read from disk.

Exit status: 0 compared, 1 a version is not a valid journey (or, with
--fail-on-regression, a rating got worse, a step's or a touchpoint's or
backstage entry's, or a met target was lost), 2 usage, I/O or git error.`,
		Example: `  cxmap diff journeys/permit-current.yaml journeys/permit-future.yaml
  cxmap diff HEAD~1:journeys/permit.yaml journeys/permit.yaml
  cxmap diff -f markdown main:journeys/permit.yaml journeys/permit.yaml > comment.md
  cxmap diff --fail-on-regression origin/main:permit.yaml permit.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErr("diff takes two journeys, OLD and NEW (got %d)\nUsage: cxmap diff OLD NEW", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Old, o.New = args[0], args[1]
			if runF != nil {
				return runF(o)
			}
			return diffRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Format, "format", "f", "text", "output format: "+diff.FormatNames())
	completeNames(cmd, "format", names.Sorted(diff.Formats))
	f.BoolVar(&o.FailOnRegression, "fail-on-regression", false, "exit 1 when a rating (a step's, a touchpoint's or a backstage entry's) got worse or a met target was lost")
	f.StringVar(&o.Color, "color", "auto", "colour text output: auto, always, never")
	return cmd
}

func diffRun(o *DiffOptions) error {
	format, err := names.Lookup("format", o.Format, diff.Formats)
	if err != nil {
		return usageErr("%v", err)
	}
	color, err := colorFlag(o.Color, o.IO)
	if err != nil {
		return err
	}
	old, oldOK, err := loadVersion(o.IO, o.Old)
	if err != nil {
		return err
	}
	new, newOK, err := loadVersion(o.IO, o.New)
	if err != nil {
		return err
	}
	if !oldOK || !newOK {
		return &ExitError{Code: ExitFindings, Msg: "cannot compare: fix the journey above first"}
	}
	d := diff.Compare(old, new)
	if err := format(o.IO.Out, d, diff.FormatOptions{Color: color}); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if o.FailOnRegression && d.Regression() {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// loadVersion reads one side of the diff: a file on disk, "-" for standard
// input, or REV:PATH from git. An invalid journey has its findings printed
// to stderr (ok false); an unreadable one is an error (exit 2).
func loadVersion(io *IOStreams, arg string) (*journey.Journey, bool, error) {
	rev, path, fromGit := splitRev(io, arg)
	if !fromGit {
		p := arg
		if io.Dir != "" && !filepath.IsAbs(p) {
			p = filepath.Join(io.Dir, p)
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return nil, false, usageErr("%s is a directory: diff compares two journey files", arg)
		}
		rs := inputs.Load([]string{arg}, inputs.Options{Stdin: io.In})
		if len(rs) != 1 {
			return nil, false, usageErr("%s: not a journey file", arg)
		}
		r := rs[0]
		if r.Err != nil {
			return nil, false, &ExitError{Code: ExitUsage, Msg: r.Err.Error()}
		}
		if r.Journey == nil {
			printFindings(io.ErrOut, r.Findings)
			return nil, false, nil
		}
		return r.Journey, true, nil
	}
	data, err := gitShow(io, arg, rev, path)
	if err != nil {
		return nil, false, err
	}
	j, fs := journey.Parse(arg, data)
	if j == nil {
		printFindings(io.ErrOut, fs)
		return nil, false, nil
	}
	return j, true, nil
}

// splitRev reads REV:PATH. A path that exists on disk wins (a file may have
// a colon in its name), and so does "-".
func splitRev(io *IOStreams, arg string) (rev, path string, ok bool) {
	if arg == "-" {
		return "", "", false
	}
	p := arg
	if io.Dir != "" && !filepath.IsAbs(p) {
		p = filepath.Join(io.Dir, p)
	}
	if _, err := os.Stat(p); err == nil {
		return "", "", false
	}
	rev, path, ok = strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" {
		return "", "", false
	}
	return rev, path, true
}

// gitShow reads REV:PATH from git in the working directory ("./" makes
// git resolve PATH relative to that directory, not the repository root).
// It asks for the object's type first, so a directory in REV is told apart
// from a file, and turns git's errors into words without its command line.
func gitShow(io *IOStreams, arg, rev, path string) ([]byte, error) {
	fail := func(why string) error {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("cannot read %s from git: %s", arg, why)}
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fail("git is not installed or not on PATH")
	}
	if filepath.IsAbs(path) {
		wd := io.Dir
		if wd == "" {
			wd, _ = os.Getwd()
		}
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	spec := rev + ":./" + strings.TrimPrefix(filepath.ToSlash(path), "./")
	kind, err := git(io, "cat-file", "-t", spec)
	if err != nil {
		return nil, fail(gitReason(io, rev, err))
	}
	switch strings.TrimSpace(string(kind)) {
	case "blob":
	case "tree":
		return nil, &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%s: %s is a directory in %s: diff compares two files", arg, path, rev)}
	default:
		return nil, fail(fmt.Sprintf("%s is not a file in %s", path, rev))
	}
	data, err := git(io, "cat-file", "blob", spec)
	if err != nil {
		return nil, fail(gitReason(io, rev, err))
	}
	if len(data) > journey.MaxFileSize {
		return data[:journey.MaxFileSize+1], nil
	}
	return data, nil
}

// gitError is git's first line of complaint, "fatal: " taken off.
type gitError struct{ msg string }

func (e *gitError) Error() string { return e.msg }

func git(io *IOStreams, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = io.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &gitError{msg}
	}
	return stdout.Bytes(), nil
}

// gitReason says why git could not read a file, in the user's words: an
// unknown revision (with a hint when the clone is shallow, the usual cause
// in CI), a path not in that revision, or not a repository.
func gitReason(io *IOStreams, rev string, err error) string {
	msg := err.Error()
	var ge *gitError
	if !errors.As(err, &ge) {
		return msg
	}
	switch {
	case strings.HasPrefix(msg, "invalid object name"), strings.HasPrefix(msg, "not a valid object name"),
		strings.Contains(msg, "unknown revision"):
		why := "unknown revision " + rev
		if out, err := git(io, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(out)) == "true" {
			why += " (in a shallow clone, fetch more history: git fetch --deepen=1 or actions/checkout fetch-depth: 0)"
		}
		return why
	case strings.HasPrefix(msg, "not a git repository"):
		return "not a git repository (or any parent directory)"
	}
	return strings.ReplaceAll(msg, "'", "")
}
