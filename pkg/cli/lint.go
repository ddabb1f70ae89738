package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/cxmap/cxmap/pkg/printer"
	"github.com/spf13/cobra"
)

// LintOptions are the flags of `cxmap lint`: validate's, plus configuration,
// inline ignores and the report file.
type LintOptions struct {
	CheckOptions
	// ConfigPath is --config; "" means look for .cxmap.yaml upwards.
	ConfigPath     string
	NoInlineIgnore bool
	// Output is -o: write the report to this file, a summary to stderr.
	Output string
	// Now is today's date for stale-journey (tests fix it); nil is time.Now.
	Now func() time.Time
}

// NewCmdLint builds `cxmap lint PATH...`.
func NewCmdLint(io *IOStreams, runF func(*LintOptions) error) *cobra.Command {
	o := &LintOptions{CheckOptions: CheckOptions{IO: io}}
	cmd := &cobra.Command{
		Use:   "lint PATH...",
		Short: "Validate journey files, then check them against the quality rules",
		Long: `Validate journey files, then check each valid one against the quality rules:
missing touchpoints and ratings, red steps without opportunities, unowned
opportunities, unsourced ratings, unused lanes and sources, stale maps, ...
` + "`cxmap rules`" + ` lists them all with how to fix each.

Configuration comes from .cxmap.yaml, found by walking up from the working
directory, or from --config FILE:

  rules:
    unsourced-rating: off                     # off, info, warning, error
    stale-journey: {level: warning, days: 90}
  ignore:
    - drafts/**

A comment "# cxmap:ignore RULE-ID [reason]" at the end of a step's (or
touchpoint's, or any entry's) line silences that rule there; above the first
key, for the whole file. An ignore that silences nothing is reported
(unused-ignore).

Exit status: 0 clean, 1 findings at or above --fail-level (or more warnings
than --max-warnings), 2 usage, configuration or I/O error.`,
		Example: `  cxmap lint examples/
  cxmap lint -f sarif -o cxmap.sarif journeys/
  cxmap lint --fail-level warning --max-warnings 10 journeys/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return lintRun(o)
		},
	}
	o.bind(cmd)
	f := cmd.Flags()
	f.StringVar(&o.ConfigPath, "config", "", "read configuration from `FILE` instead of the nearest .cxmap.yaml")
	f.BoolVar(&o.NoInlineIgnore, "no-inline-ignore", false, "report findings that # cxmap:ignore comments would silence")
	f.StringVarP(&o.Output, "output", "o", "", "write the report to `FILE` (atomically) and a summary to stderr; .sarif and .json imply the format")
	return cmd
}

// lintRun loads the configuration, then runs the shared check with the
// lint rules.
func lintRun(o *LintOptions) error {
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	lo := cfg.Lint()
	lo.NoInlineIgnore = o.NoInlineIgnore
	lo.Now = o.Now
	check := func(j *journey.Journey) []finding.Finding { return lint.Lint(j, lo) }
	if o.Format == "" {
		// -o report.sarif means SARIF without also saying -f sarif.
		switch filepath.Ext(o.Output) {
		case ".sarif":
			o.Format = "sarif"
		case ".json":
			o.Format = "json"
		}
	}
	if o.Output == "" || o.Output == "-" {
		return runCheck(&o.CheckOptions, check, lint.PrinterRules(), cfg.Ignore)
	}
	return runCheckTo(&o.CheckOptions, o.Output, check, lint.PrinterRules(), cfg.Ignore)
}

// runCheckTo is runCheck writing the report to a file instead of standard
// output, with the one-line summary on standard error. It stays here until
// check.go grows an Output option for validate too (then runCheck does this
// when o.Output is set, and this function goes).
func runCheckTo(o *CheckOptions, output string, check func(*journey.Journey) []finding.Finding, rules []printer.Rule, ignore []string) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap lint PATH... (a file, a directory, or - for standard input)")
	}
	p, err := o.format()
	if err != nil {
		return err
	}
	if _, err := o.color(); err != nil {
		return err
	}
	if _, err := o.exitFor(nil); err != nil {
		return err
	}
	results, ioFailed := o.load(ignore, func(r *inputs.Result) {
		if r.Journey != nil && check != nil {
			r.Findings = append(r.Findings, check(r.Journey)...)
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
	if files == 0 && !ioFailed {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: no journey files found in %s\n", strings.Join(o.Paths, " "))
	}
	finding.Sort(all)
	all = finding.Dedup(all)
	// A file is not a terminal: colour only when asked for explicitly.
	rep := printer.Report{Findings: all, Files: files, Rules: rules, Color: o.Color == "always", Version: Version}
	var buf bytes.Buffer
	if err := p(&buf, rep); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if err := fsutil.WriteFileAtomic(output, buf.Bytes(), 0o644); err != nil {
		// Name the report, not the temporary file beside it.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("writing %s: %v", output, err)}
	}
	fmt.Fprintf(o.IO.ErrOut, "%s: %s\n", output, printer.Summary(rep))
	if ioFailed {
		return &ExitError{Code: ExitUsage}
	}
	if code, _ := o.exitFor(all); code != ExitOK {
		return &ExitError{Code: code}
	}
	return nil
}
