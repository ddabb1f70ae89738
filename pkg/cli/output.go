package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/inputs"
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

// checkOutput refuses (exit 2), before anything is read or written, a file
// a command would write over one of its inputs: a file or directory entry
// that paths name or a walk of them would read, the file --stdin-filename
// names (in in), or the configuration file in use (configPath, or the
// .cxmap.yaml found from the working directory). See inputs.CheckOutput.
// target "" or "-" is standard output and always fine.
func checkOutput(streams *IOStreams, target string, paths []string, in inputs.Options, configPath string) error {
	if target == "" || target == "-" {
		return nil
	}
	if configPath == "" {
		configPath, _ = config.Find(streams.Dir)
	}
	if err := inputs.CheckOutput(target, paths, in, configPath); err != nil {
		return usageErr("%v", err)
	}
	return nil
}

// outputFile resolves -o for a command that writes one file: a directory
// (one that exists, or a name ending in a slash) gets name inside it,
// anything else is the file itself.
func outputFile(streams *IOStreams, target, name string) string {
	if strings.HasSuffix(target, "/") || strings.HasSuffix(target, string(filepath.Separator)) {
		return filepath.Join(target, name)
	}
	p := target
	if streams.Dir != "" && !filepath.IsAbs(p) {
		p = filepath.Join(streams.Dir, p)
	}
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return filepath.Join(target, name)
	}
	return target
}
