package draw

import (
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// Every colour comes from the grid's Brand (layout.Brand: the theme,
// resolved once for every drawer); draw keeps no palette of its own.

// lineStyle is how each line of the blueprint is drawn, so the three are
// told apart at a glance: interaction dashed, visibility solid and heavy
// (the one that matters most: what the customer cannot see), internal
// interaction dotted. Labels are bold in the line's colour.
type lineStyle struct {
	style, color string
	pen          float64
}

func lineStyleOf(b *layout.Brand, kind layout.LineKind) lineStyle {
	switch kind {
	case layout.LineVisibility:
		return lineStyle{"solid", b.Text, 2.4}
	case layout.LineInternal:
		return lineStyle{"dotted", b.Line, 1.4}
	}
	return lineStyle{"dashed", b.Line, 1.2}
}

// bgColor is the DOT bgcolor: "white" for a white background, as before
// themes.
func bgColor(b *layout.Brand) string {
	if strings.EqualFold(b.Background, "#FFFFFF") {
		return "white"
	}
	return b.Background
}

// fontName is the font family the DOT names.
func fontName(b *layout.Brand) string {
	if b.Font == "" {
		return "Arial"
	}
	return b.Font
}
