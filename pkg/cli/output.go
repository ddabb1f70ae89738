package cli

import (
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/finding"
)

// Output helpers every command shares.

// printFindings writes a file's findings the way `validate` does in text.
func printFindings(w io.Writer, fs []finding.Finding) {
	fs = append([]finding.Finding(nil), fs...)
	finding.Sort(fs)
	for _, f := range finding.Dedup(fs) {
		fmt.Fprintln(w, f.String())
	}
}

// colorFlag decides colour from --color and the terminal: auto colours only
// a terminal, and never when NO_COLOR is set.
func colorFlag(v string, io *IOStreams) (bool, error) {
	switch v {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return io.OutTTY && io.Getenv("NO_COLOR") == "", nil
	}
	return false, usageErr("--color %q is not one of auto, always, never (write --color=always)", v)
}
