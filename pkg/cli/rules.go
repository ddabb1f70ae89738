package cli

import "github.com/spf13/cobra"

// RulesOptions are the flags of `cxmap rules`.
type RulesOptions struct {
	IO *IOStreams
}

// NewCmdRules is a placeholder until the command lands.
func NewCmdRules(io *IOStreams, runF func(*RulesOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "rules",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("rules is not implemented yet")
		},
	}
}
