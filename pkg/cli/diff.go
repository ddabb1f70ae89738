package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

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
regressed); critical and emotion changes; metric movements and targets now
met or lost; pains and opportunities added or removed; touchpoints, lanes,
stages and sources added, removed or renamed.

OLD and NEW are files, or REV:PATH to read PATH as it was in git revision REV
(PATH relative to the working directory). A file that exists on disk is
always read from disk.

Exit status: 0 compared, 1 a version is not a valid journey (or, with
--fail-on-regression, a rating got worse or a met target was lost), 2 usage,
I/O or git error.`,
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
	f.BoolVar(&o.FailOnRegression, "fail-on-regression", false, "exit 1 when a rating got worse or a met target was lost")
	f.StringVar(&o.Color, "color", "auto", "colour text output: auto, always, never (--color alone means always; write --color=never)")
	f.Lookup("color").NoOptDefVal = "always"
	return cmd
}

func diffRun(o *DiffOptions) error {
	format, ok := diff.Formats[o.Format]
	if !ok {
		return usageErr("format %q is not one of %s", o.Format, diff.FormatNames())
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
	data, err := gitShow(io, rev, path)
	if err != nil {
		return nil, false, &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%s: %v", arg, err)}
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

// gitShow runs `git show REV:./PATH` in the working directory: "./" makes
// git resolve PATH relative to that directory, not the repository root.
func gitShow(io *IOStreams, rev, path string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("reading from git: git is not installed or not on PATH")
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
	cmd := exec.Command("git", "show", spec)
	cmd.Dir = io.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("git show %s: %s", spec, msg)
	}
	if stdout.Len() > journey.MaxFileSize {
		return stdout.Bytes()[:journey.MaxFileSize+1], nil
	}
	return stdout.Bytes(), nil
}
