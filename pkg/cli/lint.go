package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
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
	results, ioFailed := o.load(ignore)
	var all []finding.Finding
	files := 0
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		files++
		all = append(all, r.Findings...)
		if r.Journey != nil && check != nil {
			all = append(all, check(r.Journey)...)
		}
	}
	finding.Sort(all)
	all = finding.Dedup(all)
	// A file is not a terminal: colour only when asked for explicitly.
	rep := printer.Report{Findings: all, Files: files, Rules: rules, Color: o.Color == "always", Version: Version}
	var buf bytes.Buffer
	if err := p(&buf, rep); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if err := writeFileAtomic(output, buf.Bytes()); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
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

// writeFileAtomic writes data to a temporary file beside path and renames it
// into place, so a reader never sees half a report.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %v", path, unwrapPath(err))
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %v", path, unwrapPath(werr))
	}
	return nil
}

// unwrapPath drops the temporary file's name from an error.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
