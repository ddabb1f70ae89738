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
	f.BoolVar(&o.NoInlineIgnore, "no-inline-ignore", false, "report findings that # cxmap:ignore comments would silence")
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
	return runCheck(&o.CheckOptions, check, lint.Metadata(), cfg.Ignore)
}
