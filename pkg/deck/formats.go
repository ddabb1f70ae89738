package deck

import (
	"io"

	"github.com/cxmap/cxmap/internal/registry"
)

// Writer writes a built deck in one format.
type Writer func(w io.Writer, d *Deck) error

// Formats are the formats of `cxmap deck`, in the order files are made:
// the only list of them (help, the -f default, completion and errors are
// made from it; docs/decisions.md, "Registries").
var Formats = registry.New("-f",
	registry.Format[Writer]{Meta: registry.Meta{Name: "pdf", Ext: "pdf", Help: "vector, one page per slide", Binary: true}, Write: PDF},
	registry.Format[Writer]{Meta: registry.Meta{Name: "pptx", Ext: "pptx", Help: "PowerPoint; blueprint pages as pictures, the rest native text and tables", Binary: true}, Write: PPTX},
)
