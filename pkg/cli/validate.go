package cli

import (
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/spf13/cobra"
)

// NewCmdValidate builds `cxmap validate PATH...`.
func NewCmdValidate(io *IOStreams, runF func(*CheckOptions) error) *cobra.Command {
	o := &CheckOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check journey files against the format: structure, types and references",
		Long: `Check journey files against the format: YAML syntax, structure, types,
required and unknown keys, ids and references.

PATH is a file, a directory (walked for *.yaml and *.yml journeys), or - for
standard input. Messages read path:line:col: level: message [rule].

Exit status: 0 clean, 1 errors found, 2 usage or I/O error.`,
		Example: `  cxmap validate examples/
  cat journey.yaml | cxmap validate - --stdin-filename journey.yaml
  cxmap validate -f json journeys/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return validateRun(o)
		},
	}
	o.bind(cmd)
	return cmd
}

// validateRun checks structure only. The configuration is still read, for
// its ignore globs; the lint rules' metadata goes to SARIF so that the
// validation rules carry their descriptions and help links.
func validateRun(o *CheckOptions) error {
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return runCheck(o, nil, lint.Metadata(), cfg.Ignore)
}
