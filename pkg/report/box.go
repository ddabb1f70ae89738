package report

import (
	"bufio"

	"github.com/cxmap/cxmap/internal/boxtable"
)

// drawBox draws a table (internal/boxtable): a header, then rows; columns
// from numFrom on (0: none) are numbers, right-aligned below a
// left-aligned header. Cells are already wrapped to their width. paint,
// when set, decorates a cell line after it was measured (the rating
// colour).
func drawBox(bw *bufio.Writer, header []string, rows [][]string, widths []int, numFrom int, paint func(col int, line string) string) {
	var right func(int) bool
	if numFrom > 0 {
		right = func(i int) bool { return i >= numFrom }
	}
	boxtable.Write(bw, header, rows, widths, right, paint)
}

// displayWidth is the terminal width of s (boxtable.Width).
func displayWidth(s string) int { return boxtable.Width(s) }
