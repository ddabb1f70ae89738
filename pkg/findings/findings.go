// Package findings writes findings in the formats of `cxmap validate` and
// `cxmap lint` (-f): one file per format, all behind Printer, chosen by
// name through Formats.
package findings

import (
	"io"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/finding"
)

// Report is everything a printer may show.
type Report struct {
	Findings []finding.Finding // sorted
	Files    int               // how many files were checked
	Rules    []finding.Rule    // metadata for the rules that may appear
	Color    bool              // text: use ANSI colour
	// Version is the tool version (SARIF driver).
	Version string
	// Errors are the inputs that could not be read (the command exits 2):
	// the summary says so, and SARIF marks the run as not successful so
	// that an upload does not close alerts for files never checked.
	Errors []string
}

// Printer writes a report to w.
type Printer func(w io.Writer, r Report) error

// Formats is the only list of findings formats (help, completion, errors
// and the -o extension that picks a format are made from it). A new format
// is one file and one entry here (docs/decisions.md, "Registries").
var Formats = registry.New("-f",
	registry.Format[Printer]{Meta: registry.Meta{Name: "github", Help: "GitHub Actions annotations", Machine: true}, Write: GitHub},
	registry.Format[Printer]{Meta: registry.Meta{Name: "gitlab", Help: "GitLab Code Quality", Machine: true}, Write: GitLab},
	registry.Format[Printer]{Meta: registry.Meta{Name: "json", Ext: "json", Help: "one document", Machine: true}, Write: JSON},
	registry.Format[Printer]{Meta: registry.Meta{Name: "junit", Help: "JUnit XML", Machine: true}, Write: JUnit},
	registry.Format[Printer]{Meta: registry.Meta{Name: "sarif", Ext: "sarif", Help: "SARIF 2.1.0, for code scanning", Machine: true}, Write: SARIF},
	registry.Format[Printer]{Meta: registry.Meta{Name: "text", Help: "for a terminal"}, Write: Text},
)

// Lookup returns the printer for name, or an error listing the formats
// (with a suggestion when name looks like a typo of one).
func Lookup(name string) (Printer, error) {
	f, err := Formats.Lookup(name)
	return f.Write, err
}
