package diff

import (
	"io"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/internal/textsafe"
)

// FormatOptions are what a format may need to know about where it writes.
type FormatOptions struct {
	// Color allows ANSI colour in the text format; every change also has a
	// mark (+ - ~) and, where it matters, a word (improved, regressed...).
	Color bool
}

// Formatter writes a diff in one format.
type Formatter func(w io.Writer, d *Diff, o FormatOptions) error

// Formats maps a format name to its writer.
// It is the only list of diff formats. The formats a person reads are wrapped in forPeople; JSON escapes
// control characters itself.
var Formats = map[string]Formatter{
	"text":     forPeople(Text),
	"markdown": forPeople(Markdown),
	"json":     JSON,
}

// forPeople makes a format safe to show in a terminal, a CI log or a
// pull-request comment (docs/decisions.md, "Output safety"): it writes a
// copy of the diff in which every text has its control characters shown
// escaped (textsafe.Block), through a writer that keeps any line from
// starting with "::" (textsafe.Guard).
func forPeople(f Formatter) Formatter {
	return func(w io.Writer, d *Diff, o FormatOptions) error {
		g := textsafe.NewGuard(w)
		if err := f(g, textsafe.Copy(d, textsafe.Block), o); err != nil {
			return err
		}
		return g.Flush()
	}
}

// FormatNames lists the format names, sorted.
func FormatNames() string { return names.List(Formats) }
