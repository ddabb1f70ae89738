package cli

import "github.com/spf13/cobra"

// ReportOptions are the flags of `cxmap report`.
type ReportOptions struct {
	IO *IOStreams
}

// NewCmdReport is a placeholder until the command lands.
func NewCmdReport(io *IOStreams, runF func(*ReportOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "report",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("report is not implemented yet")
		},
	}
}
