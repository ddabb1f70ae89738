package cli

import "github.com/spf13/cobra"

// RenderOptions are the flags of `cxmap render`.
type RenderOptions struct {
	IO *IOStreams
}

// NewCmdRender is a placeholder until the command lands.
func NewCmdRender(io *IOStreams, runF func(*RenderOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "render",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("render is not implemented yet")
		},
	}
}
