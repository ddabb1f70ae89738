package cli

import (
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
			return runCheck(o, nil, nil, nil)
		},
	}
	o.bind(cmd)
	return cmd
}
