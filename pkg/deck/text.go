package deck

import (
	"strings"

	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// Text sizes in logical px; nothing on a slide is smaller than MinBodyPx
// except picture labels.
const (
	Margin    = 60.0
	TitleY    = 36.0
	TitlePx   = 44.0
	BodyPx    = 22.0
	TablePx   = 19.0
	SmallPx   = 16.0
	ContentY  = 120.0
	BottomGap = 56.0
)

func lineH(size float64) float64 { return textmetrics.LineHeight(size) }

// wrap breaks s into lines no wider than w at size px (maxLines <= 0:
// all). A text cut short ends at a word boundary with an ellipsis, never
// in the middle of a word ("scanned passports of all…"; the full text is
// in the speaker notes).
func wrap(s string, w, size float64, bold bool, maxLines int) []string {
	lines, cut := textmetrics.Wrap(s, w, size, bold, maxLines)
	if cut && len(lines) > 0 {
		last := strings.TrimSuffix(lines[len(lines)-1], textmetrics.Ellipsis)
		if i := strings.LastIndexByte(strings.TrimRight(last, " "), ' '); i > 0 {
			last = last[:i]
		}
		lines[len(lines)-1] = strings.TrimRight(last, " ,;:-–—") + textmetrics.Ellipsis
	}
	return lines
}

// text is a text shape at (x, y), w wide, as tall as its wrapped lines.
func text(x, y, w float64, s string, size float64, bold bool, color string, maxLines int) Shape {
	lines := wrap(s, w, size, bold, maxLines)
	return Shape{Kind: ShapeText, Rect: Rect{x, y, w, float64(len(lines)) * lineH(size)}, Lines: lines, Size: size, Bold: bold, Color: color}
}

// heading is a slide's title line.
func (br *builder) heading(sz Size, title string) Shape {
	return br.text(Margin, TitleY, sz.W-2*Margin, title, TitlePx, true, br.bandFill, 1)
}

// footer is the small line at the bottom right of every slide.
func (br *builder) footer(sz Size, s string) Shape {
	sh := br.text(Margin, sz.H-40, sz.W-2*Margin, s, SmallPx, false, br.muted, 1)
	return sh
}

func textWidth(s string, size float64, bold bool) float64 { return textmetrics.Width(s, size, bold) }
