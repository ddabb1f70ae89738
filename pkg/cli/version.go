package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// NewCmdVersion prints the build's version, format version and Go version.
func NewCmdVersion(io *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the cxmap version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(io.Out, "cxmap %s (journey format %d, %s %s/%s)\n", version(), journey.FormatVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}

// version is the -ldflags version, or the module version of a
// `go install`ed binary, or "dev".
func version() string {
	if Version == "dev" {
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
	}
	return Version
}
