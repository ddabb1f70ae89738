package cli

import "github.com/spf13/cobra"

// DiffOptions are the flags of `cxmap diff`.
type DiffOptions struct {
	IO *IOStreams
}

// NewCmdDiff is a placeholder until the command lands.
func NewCmdDiff(io *IOStreams, runF func(*DiffOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "diff",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("diff is not implemented yet")
		},
	}
}
