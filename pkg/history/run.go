package history

import (
	"context"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/gitrev"
)

// Options say where the history is read and how it is written.
type Options struct {
	// Repo is the repository the file is in (its Dir: the directory the
	// file's path is relative to).
	Repo gitrev.Repo
	// Format is the entry of Formats to write (pkg/cli looks the -f name
	// up); a zero Format writes the table.
	Format registry.Format[Formatter]
	// Out receives the history.
	Out io.Writer
}

// Run is the history verb: it reads the history of file (Build) and writes
// it in o.Format to o.Out. Nothing is written when the history cannot be
// read. The error of a history that cannot be read names file.
func Run(ctx context.Context, file string, o Options) error {
	f := o.Format
	if f.Write == nil {
		f, _ = Formats.Get("table")
	}
	h, err := BuildContext(ctx, o.Repo, file)
	if err != nil {
		return fmt.Errorf("history of %s: %w", file, err)
	}
	return f.Write(o.Out, h)
}
