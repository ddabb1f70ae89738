package cli

import "github.com/spf13/cobra"

// NewCmdInit is a placeholder until the command lands.
func NewCmdInit(io *IOStreams, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "init",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("init is not implemented yet")
		},
	}
}
