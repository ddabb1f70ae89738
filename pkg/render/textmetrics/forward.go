// Package textmetrics is the old home of pkg/textmetrics, which moved below
// the check stage so that lint can measure labels without importing an
// output package (docs/decisions.md, "Pipeline direction"). It forwards
// the calls pkg/deck still makes while that package is being reworked on
// another branch; when pkg/deck imports pkg/textmetrics, delete this
// package.
package textmetrics

import "github.com/cxmap/cxmap/pkg/textmetrics"

// Width forwards to textmetrics.Width.
func Width(s string, size float64, bold bool) float64 { return textmetrics.Width(s, size, bold) }

// LineHeight forwards to textmetrics.LineHeight.
func LineHeight(size float64) float64 { return textmetrics.LineHeight(size) }

// Wrap forwards to textmetrics.Wrap.
func Wrap(text string, maxWidth, size float64, bold bool, maxLines int) ([]string, bool) {
	return textmetrics.Wrap(text, maxWidth, size, bold, maxLines)
}
