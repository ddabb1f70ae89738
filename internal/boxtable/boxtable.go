// Package boxtable draws tables for a terminal in light box-drawing lines:
// a header, then rows with no rule between them, each column padded by a
// space each side. It is the one table drawer of the terminal outputs (the
// report's tables and `cxmap history`); it replaced tablewriter, whose
// package initialisers ran in every command (an 8,192-entry width cache
// and an error pool, about a tenth of `cxmap version`'s start-up; issue
// 18), and which drew the report's tables at 3.5x the CPU of parsing the
// YAML (docs/report.md, "Speed").
package boxtable

import (
	"bufio"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Write draws the table. widths[i] is column i's width including the
// padding (Widths computes them when the cells are not wrapped to a width
// already). Cells may hold line breaks: a row is as tall as its tallest
// cell. The header is left-aligned; a row's cell is right-aligned where
// right(i) is true (nil: none). paint, when set, decorates a row's cell
// line after it was measured (a rating colour).
func Write(bw *bufio.Writer, header []string, rows [][]string, widths []int, right func(col int) bool, paint func(col int, line string) string) {
	rule := func(left, mid, end string) {
		bw.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				bw.WriteString(mid)
			}
			for k := 0; k < w; k++ {
				bw.WriteString("─")
			}
		}
		bw.WriteString(end)
		bw.WriteByte('\n')
	}
	lines := make([][]string, len(widths))
	row := func(cells []string, right func(int) bool, paint func(int, string) string) {
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
				pad := w - 2 - Width(text)
				if paint != nil {
					text = paint(i, text)
				}
				bw.WriteByte(' ')
				if right != nil && right(i) {
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
	row(header, nil, nil)
	rule("├", "┼", "┤")
	for _, r := range rows {
		row(r, right, paint)
	}
	rule("└", "┴", "┘")
}

// Widths are the column widths that fit every line of every cell, padding
// included.
func Widths(header []string, rows [][]string) []int {
	widths := make([]int, len(header))
	fit := func(cells []string) {
		for i, c := range cells {
			if i >= len(widths) {
				break
			}
			for _, line := range strings.Split(c, "\n") {
				widths[i] = max(widths[i], Width(line)+2)
			}
		}
	}
	fit(header)
	for _, r := range rows {
		fit(r)
	}
	return widths
}

func spaces(bw *bufio.Writer, n int) {
	for ; n > 0; n-- {
		bw.WriteByte(' ')
	}
}

// Width is the terminal width of s, as go-runewidth measures it. Nearly
// every cell is printable ASCII (its length) or adds only Latin letters and
// the punctuation, arrows and symbols of U+2010..U+2BFF (·, –, ≤, ⏎),
// where the width of the string is the sum of its runes' widths; only text
// with combining marks, joiners or other scripts needs runewidth's
// grapheme clustering, which costs ten times more.
func Width(s string) int {
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
