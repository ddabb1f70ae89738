package cli

import (
	"time"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/spf13/cobra"
)

// LintOptions are the flags of `cxmap lint`: validate's, plus configuration,
// inline ignores and the report file.
type LintOptions struct {
	CheckOptions
	NoInlineIgnore bool
	// Now is today's date for stale-journey (tests fix it); nil is time.Now.
	Now func() time.Time
	// NewFromRev, Baseline and WriteBaseline gate only what is new
	// (lint_new.go).
	NewFromRev    string
	Baseline      string
	WriteBaseline string
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

To gate only what is new on an old repository: --new-from-rev REV reports
only findings on lines changed since REV (git diff -U0, renames followed;
untracked files are new throughout). --write-baseline FILE records today's
findings (by rule, file, and the step, lane, stage, source or persona they
are about, never by line) and --baseline FILE then reports only findings
not recorded, so moving lines does not bring them back. Validation errors
are always reported. Every output format shows only what is left.

Exit status: 0 clean, 1 findings at or above --fail-level (or more warnings
than --max-warnings), 2 usage, configuration or I/O error.`,
		Example: `  cxmap lint examples/
  cxmap lint -f sarif -o cxmap.sarif journeys/
  cxmap lint --fail-level warning --max-warnings 10 journeys/
  cxmap lint --new-from-rev origin/main -f github journeys/
  cxmap lint --write-baseline .cxmap-baseline.json journeys/
  cxmap lint --baseline .cxmap-baseline.json -f sarif -o lint.sarif journeys/`,
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
	f.BoolVar(&o.NoInlineIgnore, "no-inline-ignore", false, "report findings that # cxmap:ignore comments would silence")
	f.StringVar(&o.NewFromRev, "new-from-rev", "", "report only findings on lines changed since git revision `REV` (renames followed)")
	f.StringVar(&o.Baseline, "baseline", "", "report only findings not recorded in baseline `FILE` (see --write-baseline)")
	f.StringVar(&o.WriteBaseline, "write-baseline", "", "record today's findings in `FILE` (atomically); the run then reports none of them")
	return cmd
}

// lintRun loads the configuration, then runs the shared check with the
// lint rules.
func lintRun(o *LintOptions) error {
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	lo, err := lint.Configure(cfg)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	lo.NoInlineIgnore = o.NoInlineIgnore
	lo.Now = o.Now
	check := func(j *journey.Journey) []finding.Finding { return lint.Lint(j, lo) }
	if o.NewFromRev != "" || o.Baseline != "" || o.WriteBaseline != "" {
		if check, err = o.gateNew(check); err != nil {
			return err
		}
	}
	return runCheck(&o.CheckOptions, check, lint.Metadata(), cfg.Ignore)
}
