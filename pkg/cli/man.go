package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// ManOptions are the flags of `cxmap man`.
type ManOptions struct {
	IO     *IOStreams
	Format string // man or markdown
	Dir    string
}

// NewCmdMan writes the command reference, generated from the commands
// themselves: man pages for release archives and packagers, or the
// markdown in docs/cli.
func NewCmdMan(io *IOStreams, runF func(*ManOptions) error) *cobra.Command {
	o := &ManOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages (or the markdown command reference) to DIR",
		Long: `Write one man page per command (cxmap.1, cxmap-lint.1, ...) to DIR, or
with --format markdown the command reference that docs/cli holds.

The pages are generated from the commands' own help, so they always match
the binary. Release archives carry the man pages; from a checkout,
'make man' writes them to out/man and 'make docs' refreshes docs/cli.
The date on man pages is the build date of a release build, else
SOURCE_DATE_EPOCH, else today.`,
		Example: "  cxmap man /usr/local/share/man/man1\n  cxmap man --format markdown docs/cli",
		Args:    cobra.ExactArgs(1),
		Hidden:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			if runF != nil {
				return runF(o)
			}
			return runMan(cmd.Root(), o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "man", "what to write: "+manFormats.Help())
	completeNames(cmd, "format", manFormats, false)
	return cmd
}

// manWriter writes the pages of root's command tree into dir.
type manWriter func(root *cobra.Command, dir string) error

// manFormats are what `cxmap man` writes: the only list of them.
var manFormats = registry.New("--format",
	registry.Format[manWriter]{Meta: registry.Meta{Name: "man", Ext: "1", Help: "man pages, section 1"}, Write: writeMan},
	registry.Format[manWriter]{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "the command reference in docs/cli"}, Write: doc.GenMarkdownTree},
)

func runMan(root *cobra.Command, o *ManOptions) error {
	format, err := manFormats.Lookup(o.Format)
	if err != nil {
		return usageErr("%v", err)
	}
	tmp, err := os.MkdirTemp("", "cxmap-man-")
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	defer os.RemoveAll(tmp)
	if err := writeReference(root, format.Write, tmp); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	// Copy into DIR, each file atomically, so a failure never leaves a
	// half-written page.
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	names, err := filepath.Glob(filepath.Join(tmp, "*"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		if err := fsutil.WriteFileAtomic(filepath.Join(o.Dir, filepath.Base(n)), data, 0o644); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	fmt.Fprintf(o.IO.ErrOut, "wrote %s to %s\n", textsafe.Plural(len(names), o.Format+" page", o.Format+" pages"), o.Dir)
	return nil
}

// writeReference generates the pages for root's command tree into dir.
func writeReference(root *cobra.Command, write manWriter, dir string) error {
	root.DisableAutoGenTag = true // no generation date in the markdown
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	return write(root, dir)
}

// writeMan writes one man page per command into dir.
func writeMan(root *cobra.Command, dir string) error {
	date := manDate()
	return doc.GenManTree(root, &doc.GenManHeader{
		Title:   strings.ToUpper(root.Name()),
		Section: "1",
		Source:  "cxmap " + version(),
		Manual:  "cxmap manual",
		Date:    &date,
	}, dir)
}

// manDate is the build date of a stamped build, else SOURCE_DATE_EPOCH,
// else now.
func manDate() time.Time {
	if t, err := time.Parse(time.RFC3339, Date); err == nil {
		return t.UTC()
	}
	var sec int64
	if _, err := fmt.Sscan(os.Getenv("SOURCE_DATE_EPOCH"), &sec); err == nil {
		return time.Unix(sec, 0).UTC()
	}
	return time.Now().UTC()
}
