package diff

import (
	"io"
	"maps"
	"slices"
	"strings"
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
var Formats = map[string]Formatter{
	"text":     Text,
	"markdown": Markdown,
	"json":     JSON,
}

// FormatNames lists the format names, sorted.
func FormatNames() string {
	return strings.Join(slices.Sorted(maps.Keys(Formats)), ", ")
}
