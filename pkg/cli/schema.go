package cli

import (
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// SchemaOptions are the flags of `cxmap schema`.
type SchemaOptions struct {
	IO     *IOStreams
	Config bool
	// Theme prints the theme file's schema instead.
	Theme bool
}

// NewCmdSchema builds `cxmap schema`.
func NewCmdSchema(io *IOStreams, runF func(*SchemaOptions) error) *cobra.Command {
	o := &SchemaOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the journey format (for editors)",
		Long: `Print the JSON Schema of the journey format. Editors with the YAML
language server use it for completion, hover help and checks as you type:
save it as journey.schema.json and start a journey file with

  # yaml-language-server: $schema=./journey.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return schemaRun(o)
		},
	}
	cmd.Flags().BoolVar(&o.Config, "config", false, "print the schema of the .cxmap.yaml configuration file instead")
	cmd.Flags().BoolVar(&o.Theme, "theme", false, "print the schema of a theme file instead (cxmap theme)")
	cmd.MarkFlagsMutuallyExclusive("config", "theme")
	return cmd
}

func schemaRun(o *SchemaOptions) error {
	data := journey.SchemaJSON
	if o.Theme {
		data = theme.Schema
	}
	if o.Config {
		data = config.Schema
	}
	_, err := o.IO.Out.Write(data)
	return err
}
