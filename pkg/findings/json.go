package findings

import (
	"encoding/json"
	"io"

	"github.com/cxmap/cxmap/pkg/finding"
)

// JSON writes the findings as an array of {path, line, column, endLine,
// endColumn, level, rule, message} (README.md, "Commands"); none is `[]`.
func JSON(w io.Writer, r Report) error {
	fs := r.Findings
	if fs == nil {
		fs = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(fs)
}
