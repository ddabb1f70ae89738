package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/yamlfmt"
	"github.com/pmezard/go-difflib/difflib"
	"github.com/spf13/cobra"
)

// FmtOptions are the flags of `cxmap fmt`.
type FmtOptions struct {
	IO         *IOStreams
	Paths      []string
	Check      bool
	Diff       bool
	ConfigPath string
	Verbose    bool
	// SkipNonJourneys: a named file that is not a journey or catalog is
	// skipped as a walked one is (pre-commit passes every YAML file).
	SkipNonJourneys bool
}

// NewCmdFmt builds `cxmap fmt PATH...`.
func NewCmdFmt(io *IOStreams, runF func(*FmtOptions) error) *cobra.Command {
	o := &FmtOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "fmt PATH...",
		Short: "Rewrite journeys and catalogs in the canonical form, every comment kept",
		Long: `Rewrite journey and catalog files in one canonical form: keys in the
order docs/format.md gives, a two-space indent, block style (short lists of
words on one line), quotes only where YAML needs them, a blank line between
stages, and every comment kept where it was (docs/fmt.md).

fmt never changes what a file means: the result is parsed again and must hold
the same data and the same comments at the same places, or the file is left
as it is and named with what could not be kept (exit 2).

PATH is a file, a directory (walked for *.yaml and *.yml journeys and
catalogs) or - (standard input, written to standard output).

Exit status: 0 done (or nothing to change); 1 with --check or --diff when a
file would change; 2 a file refused, a usage or I/O error.`,
		Example: `  cxmap fmt journeys/
  cxmap fmt --check .          # CI: list the files that are not formatted
  cxmap fmt --diff journey.yaml
  cat journey.yaml | cxmap fmt - > formatted.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return fmtRun(o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.Check, "check", false, "write nothing; list the files that would change and exit 1 if any")
	f.BoolVar(&o.Diff, "diff", false, "write nothing; print a unified diff of each change and exit 1 if any")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration (ignore globs) from `FILE` instead of the nearest .cxmap.yaml")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "list the files skipped because they are not journeys or catalogs")
	f.BoolVar(&o.SkipNonJourneys, "skip-non-journeys", false, "skip named files that are not journeys or catalogs, as directory walks do; for pre-commit")
	return cmd
}

// fmtResult is what happened to one file.
type fmtResult struct {
	path    string
	in, out []byte
	skipped bool
	err     error // a refusal or an I/O error: exit 2
}

func fmtRun(o *FmtOptions) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given (name files or directories, or - for standard input)")
	}
	if o.Check && o.Diff {
		return usageErr("--check and --diff cannot be used together")
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	in := inputs.Options{Ignore: cfg.Ignore}
	if o.Verbose {
		in.Verbose = o.IO.ErrOut
	}
	files, errs := inputs.Files(o.Paths, in)
	failed := false
	for _, e := range errs {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", e.Err)
		failed = true
	}
	results := make([]fmtResult, len(files))
	par.For(len(files), 0, func(i int) { results[i] = fmtOne(o, files[i]) })
	changed := 0
	for _, r := range results {
		switch {
		case r.err != nil:
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", r.err)
			failed = true
			continue
		case r.skipped:
			if o.Verbose {
				fmt.Fprintf(o.IO.ErrOut, "%s: skipped: not a journey or catalog\n", r.path)
			}
			continue
		}
		if r.path == "-" {
			if !o.Check && !o.Diff {
				o.IO.Out.Write(r.out)
			}
		}
		if bytes.Equal(r.in, r.out) {
			continue
		}
		changed++
		switch {
		case o.Check:
			fmt.Fprintln(o.IO.Out, r.path)
		case o.Diff:
			writeUnifiedDiff(o.IO.Out, r.path, r.in, r.out)
		case r.path != "-":
			if err := writeKeepingMode(r.path, r.out); err != nil {
				fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %v\n", r.path, err)
				failed = true
			}
		}
	}
	if failed {
		return &ExitError{Code: ExitUsage}
	}
	if changed > 0 && (o.Check || o.Diff) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

func fmtOne(o *FmtOptions, f inputs.File) fmtResult {
	r := fmtResult{path: f.Path}
	var data []byte
	var err error
	if f.Path == "-" {
		data, err = io.ReadAll(io.LimitReader(o.IO.In, journey.MaxFileSize+1))
	} else {
		data, err = inputs.ReadFile(f.Path, journey.MaxFileSize)
	}
	if err != nil {
		r.err = err
		return r
	}
	r.in = data
	named := f.Named && !o.SkipNonJourneys
	if !named && !looksLikeJourneyOrCatalog(data) {
		r.skipped = true
		return r
	}
	out, err := yamlfmt.Format(f.Path, data)
	var refusal *yamlfmt.Refusal
	if errors.As(err, &refusal) && !named && strings.Contains(refusal.Msg, "not a journey or catalog") {
		r.skipped = true
		return r
	}
	r.out, r.err = out, err
	return r
}

// looksLikeJourneyOrCatalog: a top-level cxmap: or cxmap-catalog: line, so
// a walk leaves other YAML alone.
func looksLikeJourneyOrCatalog(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, k := range []string{"cxmap:", "cxmap-catalog:"} {
		if bytes.HasPrefix(data, []byte(k)) || bytes.Contains(data, []byte("\n"+k)) || bytes.Contains(data, []byte("\r"+k)) {
			return true
		}
	}
	return false
}

// writeKeepingMode replaces the file atomically, keeping its permissions.
func writeKeepingMode(path string, data []byte) error {
	// A symbolic link named on the command line: its target is rewritten,
	// the link stays a link.
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	}
	perm := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		perm = st.Mode().Perm()
	}
	return fsutil.WriteFileAtomic(path, data, perm)
}

// writeUnifiedDiff prints a unified diff from a/PATH to b/PATH.
func writeUnifiedDiff(w io.Writer, path string, a, b []byte) {
	text, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(a)), B: difflib.SplitLines(string(b)),
		FromFile: "a/" + path, ToFile: "b/" + path, Context: 3,
	})
	io.WriteString(w, text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		io.WriteString(w, "\n")
	}
}
