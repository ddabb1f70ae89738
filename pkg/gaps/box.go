package gaps

import (
	"bufio"
	"strings"

	"github.com/mattn/go-runewidth"
)

// drawBox draws the step table: a header, then rows with no rule between
// them, in light box-drawing lines, each column widths[i] wide including a
// space of padding each side, as tablewriter's light style draws it (the
// count tables still use tablewriter). Cells are already wrapped to their
// width: drawBox only splits them into lines and pads them, measuring each
// line once. paint, when set, decorates a cell line after it was measured
// (the rating colour).
//
// The step table is where nearly all of a large report's lines are, and
// drawing it here instead of through tablewriter costs a fifth of the CPU
// (docs/report.md, "Speed").
func drawBox(bw *bufio.Writer, header []string, rows [][]string, widths []int, paint func(col int, line string) string) {
	rule := func(left, mid, right string) {
		bw.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				bw.WriteString(mid)
			}
			for k := 0; k < w; k++ {
				bw.WriteString("─")
			}
		}
		bw.WriteString(right)
		bw.WriteByte('\n')
	}
	lines := make([][]string, len(widths))
	row := func(cells []string, paint func(int, string) string) {
		height := 1
		for i := range widths {
			lines[i] = lines[i][:0]
			if i < len(cells) {
				lines[i] = splitLines(lines[i], cells[i])
			}
			height = max(height, len(lines[i]))
		}
		for k := 0; k < height; k++ {
			bw.WriteString("│")
			for i, w := range widths {
				if i > 0 {
					bw.WriteString("│")
				}
				text := ""
				if k < len(lines[i]) {
					text = lines[i][k]
				}
				pad := w - 2 - runewidth.StringWidth(text)
				if paint != nil {
					text = paint(i, text)
				}
				bw.WriteByte(' ')
				bw.WriteString(text)
				for ; pad > 0; pad-- {
					bw.WriteByte(' ')
				}
				bw.WriteByte(' ')
			}
			bw.WriteString("│\n")
		}
	}
	rule("┌", "┬", "┐")
	row(header, nil)
	rule("├", "┼", "┤")
	for _, r := range rows {
		row(r, paint)
	}
	rule("└", "┴", "┘")
}

// splitLines appends the lines of s to dst.
func splitLines(dst []string, s string) []string {
	for {
		k := strings.IndexByte(s, '\n')
		if k < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:k])
		s = s[k+1:]
	}
}
