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
// It is the only list of diff formats. The formats a person reads are wrapped in textsafe.ForPeople; JSON escapes
// control characters itself.
var Formats = map[string]Formatter{
	"text":     textsafe.ForPeople(Text),
	"markdown": textsafe.ForPeople(Markdown),
	"json":     JSON,
}

// FormatNames lists the format names, sorted.
func FormatNames() string { return names.List(Formats) }
