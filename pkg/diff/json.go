package diff

import (
	"encoding/json"
	"io"
)

// JSON writes the diff as one indented JSON object whose field names are
// the json tags of Diff (documented in docs/diff.md); lists are [] when
// empty, a missing value is null.
func JSON(w io.Writer, d *Diff, _ FormatOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		*Diff
		Regression bool `json:"regression"`
	}{d, d.Regression()})
}
