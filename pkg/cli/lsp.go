package cli

import (
	"errors"
	"os"

	"github.com/cxmap/cxmap/pkg/lsp"
	"github.com/spf13/cobra"
)

// LSPOptions are the flags of `cxmap lsp`.
type LSPOptions struct {
	IO         *IOStreams
	ConfigPath string
	Baseline   string
	Stdio      bool
}

// NewCmdLSP builds `cxmap lsp`.
func NewCmdLSP(io *IOStreams, runF func(*LSPOptions) error) *cobra.Command {
	o := &LSPOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (LSP over standard input and output) for editors",
		Long: `Run the cxmap language server: an editor starts it and speaks the Language
Server Protocol (3.17) with it over standard input and output.

As you type, it shows exactly what ` + "`cxmap lint`" + ` run in the workspace folder
reports (the same .cxmap.yaml, inline ignores and catalogs; with --baseline
FILE, or the editor's initializationOptions {"baseline": FILE}, what
` + "`cxmap lint --baseline FILE`" + ` reports); it
completes keys, values and ids (lanes, sources and personas of the
catalogs too), shows what an id names, jumps to definitions and
references across a journey and its catalogs, renames an id everywhere it
is used, outlines stages and steps, offers quick fixes, and formats a file
as ` + "`cxmap fmt`" + ` does.

docs/editors.md shows how to set up VS Code, Neovim and Helix.`,
		Example: `  cxmap lsp            # started by the editor, not by hand`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return lspRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.ConfigPath, "config", "", "read configuration from `FILE` instead of the nearest .cxmap.yaml")
	f.StringVar(&o.Baseline, "baseline", "", "show only findings not recorded in lint baseline `FILE`, as cxmap lint --baseline (relative to the workspace folder)")
	// Editors (vscode-languageclient among them) pass --stdio; it is the
	// only transport, so the flag is accepted and changes nothing.
	f.BoolVar(&o.Stdio, "stdio", false, "talk over standard input and output (the default and only transport)")
	return cmd
}

func lspRun(o *LSPOptions) error {
	lsp.Version = Version
	opts := lsp.Options{ConfigPath: o.ConfigPath, Baseline: o.Baseline, Log: o.IO.ErrOut}
	if o.IO.Dir == "" {
		opts.Chdir = os.Chdir
	}
	err := lsp.New(o.IO.Out, opts).Run(o.IO.In)
	if errors.Is(err, lsp.ErrNoShutdown) {
		return &ExitError{Code: 1}
	}
	return err
}
