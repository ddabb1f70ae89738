package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/findings"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// CheckOptions are the flags validate and lint share.
type CheckOptions struct {
	IO            *IOStreams
	Paths         []string
	Format        string
	StdinFilename string
	Color         string
	FailLevel     string
	MaxWarnings   int
	Verbose       bool
	// Output is -o: write the report to this file (atomically) and a
	// one-line summary to standard error; "-" is standard output.
	Output string
	// ConfigPath is --config; "" means look for .cxmap.yaml upwards.
	ConfigPath string
	// SkipNonJourneys skips named files that are not journeys, as a walk
	// does (for pre-commit, which names every changed YAML file).
	SkipNonJourneys bool
	// Filter, when set, keeps the findings to report, after they are
	// sorted (lint's --new-from-rev and --baseline, lint_new.go).
	Filter func([]finding.Finding) ([]finding.Finding, error)
	// PreCommit is --pre-commit (hidden; .pre-commit-hooks.yaml sets it):
	// the command line must hold "--", so that the staged file names
	// pre-commit appends are never read as flags (docs/ci/README.md).
	PreCommit bool
}

func (o *CheckOptions) bind(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&o.Format, "format", "f", "", "output format: "+findings.Formats.List()+" (default text, or github when GITHUB_ACTIONS=true)")
	completeNames(cmd, "format", findings.Formats, false)
	f.StringVar(&o.StdinFilename, "stdin-filename", "", "name standard input in messages when reading \"-\"")
	f.StringVar(&o.Color, "color", "auto", "colour text output: auto, always, never")
	f.StringVar(&o.FailLevel, "fail-level", "error", "exit 1 on findings at or above this level: error, warning, info")
	f.IntVar(&o.MaxWarnings, "max-warnings", -1, "exit 1 when there are more warnings than this (-1: no limit)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "list files skipped because they are not journeys")
	f.StringVarP(&o.Output, "output", "o", "", "write the report to `FILE` (atomically) and a summary to stderr; a .sarif or .json name picks that format")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration from `FILE` instead of the nearest .cxmap.yaml")
	f.BoolVar(&o.SkipNonJourneys, "skip-non-journeys", false, "skip named files that are not journeys (no top-level cxmap key), as directory walks do; for pre-commit")
	bindPreCommit(cmd, f, &o.PreCommit)
}

// format resolves the output format, defaulting to github inside GitHub Actions.
func (o *CheckOptions) format() (findings.Printer, error) {
	name := o.Format
	if name == "" {
		// -o report.sarif means SARIF without also saying -f sarif: the
		// format whose extension the file has.
		name = "text"
		if o.IO.Getenv("GITHUB_ACTIONS") == "true" {
			name = "github"
		}
		if f, ok := findings.Formats.ByExt(filepath.Ext(o.Output)); ok {
			name = f.Name
		}
	}
	p, err := findings.Lookup(name)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return p, nil
}

// color decides whether text output is coloured.
func (o *CheckOptions) color() (bool, error) { return colorFlag(o.Color, o.IO) }

// load reads every input, returning the per-file results and whether any
// input could not be read (exit 2).
func (o *CheckOptions) load(ignore []string, each func(*inputs.Result)) ([]inputs.Result, []string) {
	in := inputs.Options{Stdin: o.IO.In, StdinFilename: o.StdinFilename, Ignore: ignore, Each: each, CheckCatalogs: true, SkipNamedNonJourneys: o.SkipNonJourneys}
	if o.Verbose {
		in.Verbose = o.IO.ErrOut
	}
	results := inputs.Load(o.Paths, in)
	var unread []string
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", r.Err)
			unread = append(unread, r.Err.Error())
		}
	}
	return results, unread
}

// exitFor decides the exit code from the findings and the failing level.
func (o *CheckOptions) exitFor(fs []finding.Finding) (int, error) {
	if o.MaxWarnings < -1 {
		return 0, usageErr("--max-warnings %d is negative: give the number of warnings allowed (0 or more), or -1 for no limit", o.MaxWarnings)
	}
	fail, err := finding.ParseLevel(o.FailLevel)
	if err != nil || fail == finding.Off {
		return 0, usageErr("--fail-level %q is not one of error, warning, info", o.FailLevel)
	}
	warnings := 0
	failed := false
	for _, f := range fs {
		if f.Level >= fail {
			failed = true
		}
		if f.Level == finding.Warning {
			warnings++
		}
	}
	if o.MaxWarnings >= 0 && warnings > o.MaxWarnings {
		if fs != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %d warnings are more than --max-warnings %d allows\n", warnings, o.MaxWarnings)
		}
		failed = true
	}
	if failed {
		return ExitFindings, nil
	}
	return ExitOK, nil
}

// runCheck is the shared body of validate and lint: load, check each valid
// journey with lint (nil for validate), print, and decide the exit code.
func runCheck(o *CheckOptions, lint func(*journey.Journey) []finding.Finding, rules []finding.Rule, ignore []string) error {
	if o.Output == "-" {
		o.Output = ""
	}
	// Flags first: `--color FILE` takes the file as the colour, and saying
	// so is clearer than "no journey files given".
	p, err := o.format()
	if err != nil {
		return err
	}
	color, err := o.color()
	if err != nil {
		return err
	}
	if _, err := o.exitFor(nil); err != nil {
		return err
	}
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap validate|lint PATH... (a file, a directory, or - for standard input)")
	}
	// Before anything is read: -o must not name an input (the
	// configuration file too), or a file the walk would read as one, or
	// the run would destroy what it checks.
	if err := checkOutput(o.IO, o.Output, o.Paths, inputs.Options{StdinFilename: o.StdinFilename, Ignore: ignore}, o.ConfigPath); err != nil {
		return err
	}
	// Lint each journey in the worker that parsed it, then let it go: only
	// findings are kept, so memory does not grow with the portfolio.
	results, unread := o.load(ignore, func(r *inputs.Result) {
		if r.Journey != nil && lint != nil {
			r.Findings = append(r.Findings, lint(r.Journey)...)
		}
		r.Journey = nil
	})
	var all []finding.Finding
	files := 0
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		files++
		all = append(all, r.Findings...)
	}
	if files == 0 && len(unread) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: no journey files found in %s\n", strings.Join(o.Paths, " "))
	}
	finding.Sort(all)
	all = finding.Dedup(all)
	if o.Filter != nil {
		if all, err = o.Filter(all); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	rep := findings.Report{Findings: all, Files: files, Rules: rules, Color: color, Version: Version, Errors: unread}
	if o.Output == "" {
		if err := p(o.IO.Out, rep); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	} else {
		// A file is not a terminal: colour only when asked for explicitly.
		rep.Color = o.Color == "always"
		err := fsutil.WriteAtomic(o.Output, 0o644, func(w io.Writer) error { return p(w, rep) })
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		fmt.Fprintf(o.IO.ErrOut, "%s: %s\n", o.Output, findings.Summary(rep))
	}
	if len(unread) > 0 {
		return &ExitError{Code: ExitUsage}
	}
	code, _ := o.exitFor(all)
	if code != ExitOK {
		return &ExitError{Code: code}
	}
	return nil
}

// splitList reads a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
