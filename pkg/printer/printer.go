// Package printer writes findings in the formats SPEC "Commands" names: text,
// json, sarif and github. One file per format, all behind Printer, chosen by
// name through Formats.
package printer

import (
	"io"

	"github.com/cxmap/cxmap/internal/names"
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

// Formats maps a format name to its printer: the only list of findings
// formats (help, completion and errors are made from it). A new format is
// one file and one line here.
var Formats = map[string]Printer{
	"text":   Text,
	"json":   JSON,
	"sarif":  SARIF,
	"github": GitHub,
	"gitlab": GitLab,
	"junit":  JUnit,
}

// Names lists the format names, sorted, for help and error messages.
func Names() string { return names.List(Formats) }

// Lookup returns the printer for name, or an error listing the formats
// (with a suggestion when name looks like a typo of one).
func Lookup(name string) (Printer, error) { return names.Lookup("format", name, Formats) }
