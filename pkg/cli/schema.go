package cli

import "github.com/spf13/cobra"

// NewCmdSchema is a placeholder until the command lands.
func NewCmdSchema(io *IOStreams, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "schema",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("schema is not implemented yet")
		},
	}
}
