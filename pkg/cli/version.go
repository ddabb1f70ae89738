package cli

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// Commit and Date are stamped by release builds next to Version
// (.goreleaser.yaml, `make build`):
//
//	-X github.com/cxmap/cxmap/pkg/cli.Commit=... -X github.com/cxmap/cxmap/pkg/cli.Date=...
//
// Left empty, they come from the VCS information `go build` records in a
// git checkout, if any.
var (
	Commit = ""
	Date   = ""
)

// BuildInfo is what `cxmap version --json` prints.
type BuildInfo struct {
	Version       string `json:"version"`
	Commit        string `json:"commit"`
	Date          string `json:"date"`
	FormatVersion int    `json:"formatVersion"`
	Go            string `json:"go"`
	OS            string `json:"os"`
	Arch          string `json:"arch"`
}

// NewCmdVersion prints the build's version, format version and Go version.
func NewCmdVersion(io *IOStreams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the cxmap version",
		Long: `Print the cxmap version, the journey format version it reads, and the Go
version and platform it was built with. --json adds the commit and build
date that release builds stamp.`,
		Example: "  cxmap version\n  cxmap version --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			bi := buildInfo()
			if asJSON {
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(bi)
			}
			fmt.Fprintf(io.Out, "cxmap %s (journey format %d, %s %s/%s)\n", bi.Version, bi.FormatVersion, bi.Go, bi.OS, bi.Arch)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print version, commit, date, format version, Go version, OS and architecture as JSON")
	return cmd
}

// buildInfo collects the stamped values, filling gaps from the build's
// own records.
func buildInfo() BuildInfo {
	bi := BuildInfo{Version: version(), Commit: Commit, Date: Date, FormatVersion: journey.FormatVersion, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	// GoReleaser stamps "none" and the zero time when it finds no git
	// state (a snapshot in a clone without a remote).
	if bi.Commit == "none" {
		bi.Commit = ""
	}
	if strings.HasPrefix(bi.Date, "0001-01-01") {
		bi.Date = ""
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && bi.Commit == "":
				bi.Commit = s.Value
			case s.Key == "vcs.time" && bi.Date == "":
				bi.Date = s.Value
			}
		}
	}
	return bi
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
