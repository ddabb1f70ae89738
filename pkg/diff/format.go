package diff

import (
	"io"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
)

// FormatOptions are what a format may need to know about where it writes.
type FormatOptions struct {
	// Color allows ANSI colour in the text format; every change also has a
	// mark (+ - ~) and, where it matters, a word (improved, regressed...).
	Color bool
	// Locale gives the picture's fixed words (nil: English), Theme its
	// look (nil: cxmap's own); Rows its optional rows; Scale the PNG's
	// pixels per point (0: 2); Stderr gets Graphviz's start warning.
	Locale *locale.Locale
	Theme  *theme.Theme
	Rows   []string
	Scale  float64
	Stderr io.Writer
}

// Formatter writes a diff in one format.
type Formatter func(w io.Writer, d *Diff, o FormatOptions) error

// Writers are one format's writers: for one journey's Diff (`diff OLD
// NEW`, `diff FUTURE`) and for a revision range's Set (`diff REV1 REV2`).
// A format name has both or the registry refuses it.
type Writers struct {
	Diff Formatter
	Set  SetFormatter
}

// Formats is the only list of diff formats (help, completion, errors and
// docs/diff.md's sections are made from it). The formats a person reads
// are wrapped in textsafe.ForPeople; JSON escapes control characters
// itself. A new format is one file with both writers and one entry here
// (docs/decisions.md, "Registries").
var Formats = registry.New("-f",
	registry.Format[Writers]{Meta: registry.Meta{Name: "json", Ext: "json", Help: "one document, fields in docs/diff.md", Machine: true},
		Write: Writers{JSON, SetJSON}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "a pull-request comment"},
		Write: Writers{textsafe.ForPeople(Markdown), textsafe.ForPeople(SetMarkdown)}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "text", Help: "for a terminal"},
		Write: Writers{textsafe.ForPeople(Text), textsafe.ForPeople(SetText)}},
	// The picture of the change (picture.go): files, one per journey, in
	// a directory (-o DIR).
	registry.Format[Writers]{Meta: registry.Meta{Name: "svg", Ext: "svg", Help: "the picture: NEW's blueprint with the changes marked (-o DIR)", Binary: true},
		Write: Writers{SVG, pictureSet("svg")}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "png", Ext: "png", Help: "the picture as PNG (-o DIR)", Binary: true},
		Write: Writers{PNG, pictureSet("png")}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "pdf", Ext: "pdf", Help: "the picture as PDF (-o DIR)", Binary: true},
		Write: Writers{PDF, pictureSet("pdf")}},
)
