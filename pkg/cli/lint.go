package cli

import "github.com/spf13/cobra"

// LintOptions are the flags of `cxmap lint`.
type LintOptions struct {
	IO *IOStreams
}

// NewCmdLint is a placeholder until the command lands.
func NewCmdLint(io *IOStreams, runF func(*LintOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "lint",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("lint is not implemented yet")
		},
	}
}
