package gaps

import (
	"bufio"
	"strings"

	"github.com/mattn/go-runewidth"
)

// drawBox draws a table: a header, then rows with no rule between them, in
// light box-drawing lines (tablewriter's light style, which the report used
// before), each column widths[i] wide including a space of padding each
// side. Columns from numFrom on (0: none) are numbers, right-aligned below
// a left-aligned header. Cells are already wrapped to their width: drawBox
// only splits them into lines and pads them, measuring each line once.
// paint, when set, decorates a cell line after it was measured (the rating
// colour).
//
// The tables are nearly all of a large report's lines; drawing them here
// instead of through tablewriter took the table format from 3.5x to about
// 1.4x the CPU of parsing the YAML (docs/report.md, "Speed").
func drawBox(bw *bufio.Writer, header []string, rows [][]string, widths []int, numFrom int, paint func(col int, line string) string) {
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
	row := func(cells []string, right bool, paint func(int, string) string) {
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
				pad := w - 2 - displayWidth(text)
				if paint != nil {
					text = paint(i, text)
				}
				bw.WriteByte(' ')
				if right && numFrom > 0 && i >= numFrom {
					spaces(bw, pad)
					bw.WriteString(text)
				} else {
					bw.WriteString(text)
					spaces(bw, pad)
				}
				bw.WriteByte(' ')
			}
			bw.WriteString("│\n")
		}
	}
	rule("┌", "┬", "┐")
	row(header, false, nil)
	rule("├", "┼", "┤")
	for _, r := range rows {
		row(r, true, paint)
	}
	rule("└", "┴", "┘")
}

func spaces(bw *bufio.Writer, n int) {
	for ; n > 0; n-- {
		bw.WriteByte(' ')
	}
}

// displayWidth is the terminal width of s, as go-runewidth measures it.
// Nearly every cell is printable ASCII (its length) or adds only Latin
// letters and the punctuation, arrows and symbols of U+2010..U+2BFF (·, –,
// ≤, ⏎), where the width of the string is the sum of its runes' widths;
// only text with combining marks, joiners or other scripts needs
// runewidth's grapheme clustering, which costs ten times more.
func displayWidth(s string) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return len(s)
	}
	w := 0
	for _, r := range s {
		if (r < 0x20 || r >= 0x7f) && (r < 0xa0 || r >= 0x300) && (r < 0x2010 || r > 0x2bff) {
			return runewidth.StringWidth(s)
		}
		w += runewidth.RuneWidth(r)
	}
	return w
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
