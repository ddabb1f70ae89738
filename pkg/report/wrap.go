package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Column widths and text wrapping for the table format: measured on plain
// text (colour is added after), in terminal display columns.

// fitWidthsOK sizes columns (content plus one space each side, borders
// counted) to fit width. A table that fits at its natural widths keeps
// them. Otherwise wrappable columns start at a soft minimum (their header
// and longest word or hyphen part, up to 22 characters, at least 8) and
// share the rest of the width in proportion to how much text they hold; if
// even the minimums do not fit, the widest go down to 8 and words break.
// Fixed columns (ratings, numbers) never shrink, so a very narrow terminal
// may still see a wide table. ok reports whether the table fits width
// without breaking words.
func fitWidthsOK(header []string, rows [][]string, wrap []bool, width int) ([]int, bool) {
	cols := measureColumns(header, rows, wrap)
	borders := len(cols) + 1
	natural := make([]int, len(cols))
	for i, c := range cols {
		natural[i] = c.natural
	}
	if borders+sum(natural) <= width {
		return natural, true
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = c.soft
	}
	if room := width - borders - sum(widths); room >= 0 {
		shareRoom(widths, cols, room)
		return widths, true
	}
	squeeze(widths, cols, width-borders)
	return widths, false
}

// column is what fitWidthsOK knows of a column, in display columns with a
// space of padding each side.
type column struct {
	wrap    bool
	natural int // its widest line
	mass    int // how much text it holds (sum of line widths)
	soft    int // the narrowest it goes without breaking a word
}

func measureColumns(header []string, rows [][]string, wrap []bool) []column {
	cols := make([]column, len(header))
	longest := make([]int, len(header)) // widest word or hyphen part
	measure := func(i int, s string) {
		c := &cols[i]
		for rest := s; ; {
			line, more := nextLine(&rest)
			lw := displayWidth(line) + 2
			c.mass += lw
			c.natural = max(c.natural, lw)
			// No part of a line is wider than the line.
			if c.wrap && lw > longest[i] {
				indent := 2 // a "- " item's continuation lines are indented
				if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "  ") {
					indent = 4
				}
				longest[i] = max(longest[i], widestPart(line)+indent)
			}
			if !more {
				return
			}
		}
	}
	for i, h := range header {
		cols[i].wrap = i < len(wrap) && wrap[i]
		measure(i, h)
	}
	for _, row := range rows {
		for i := 0; i < len(cols) && i < len(row); i++ {
			measure(i, row[i])
		}
	}
	for i := range cols {
		c := &cols[i]
		c.soft = c.natural
		if c.wrap {
			c.soft = max(10, min(longest[i], 24))
			for _, line := range strings.Split(header[i], "\n") {
				c.soft = max(c.soft, displayWidth(line)+2)
			}
			c.soft = min(c.soft, c.natural)
		}
	}
	return cols
}

// shareRoom gives room to the columns below their natural width, in
// proportion to how much text each holds, never past its natural width.
func shareRoom(widths []int, cols []column, room int) {
	for room > 0 {
		totalMass := 0
		for i, c := range cols {
			if widths[i] < c.natural {
				totalMass += c.mass
			}
		}
		if totalMass == 0 {
			return
		}
		given := 0
		for i, c := range cols {
			if widths[i] < c.natural {
				g := min(room*c.mass/totalMass, c.natural-widths[i])
				widths[i] += g
				given += g
			}
		}
		room -= given
		if given == 0 {
			// Rounding left a few columns: one each, most text first.
			best := -1
			for i, c := range cols {
				if widths[i] < c.natural && (best < 0 || c.mass > cols[best].mass) {
					best = i
				}
			}
			widths[best]++
			room--
		}
	}
}

// squeeze narrows the widest wrappable column, one column at a time, until
// the widths fit inner (width less borders) or every wrappable column is
// down to 8 (or its natural width): words will break.
func squeeze(widths []int, cols []column, inner int) {
	for total := sum(widths); total > inner; total-- {
		best := -1
		for i, c := range cols {
			if c.wrap && widths[i] > min(8, c.natural) && (best < 0 || widths[i] > widths[best]) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		widths[best]--
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// wrapCell wraps each line of s to width display columns: words fill a
// line greedily, a word too long for a line is broken, and a "- " item keeps
// its continuation lines indented under its text.
func wrapCell(s string, width int) string {
	if width < 4 {
		width = 4
	}
	if fitsWidth(s, width) {
		return s // most cells: nothing to wrap, nothing to allocate
	}
	var out []string
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if displayWidth(line) <= width {
			out = append(out, line)
			continue
		}
		indent := ""
		b.Reset()
		if strings.HasPrefix(line, "- ") {
			b.WriteString("- ")
			indent, line = "  ", line[2:]
		}
		col, empty := len(indent), true
		newLine := func() {
			out = append(out, b.String())
			b.Reset()
			b.WriteString(indent)
			col, empty = len(indent), true
		}
		for _, word := range strings.Fields(line) {
			ww := displayWidth(word)
			if !empty && col+1+ww > width {
				newLine()
			}
			if !empty {
				b.WriteByte(' ')
				col++
			}
			for col+ww > width {
				head := runewidth.Truncate(word, width-col, "")
				// Prefer to break after a hyphen that fits.
				if k := strings.LastIndexByte(head, '-'); k > 0 && k < len(word)-1 {
					head = word[:k+1]
				}
				if head == "" {
					_, size := utf8.DecodeRuneInString(word)
					head = word[:size]
				}
				b.WriteString(head)
				newLine()
				word = word[len(head):]
				ww = displayWidth(word)
			}
			if word != "" {
				b.WriteString(word)
				col += ww
				empty = false
			}
		}
		if !empty {
			out = append(out, b.String())
		}
	}
	return strings.Join(out, "\n")
}

// fitsWidth reports whether every line of s is at most width wide.
func fitsWidth(s string, width int) bool {
	for rest := s; ; {
		line, more := nextLine(&rest)
		if displayWidth(line) > width {
			return false
		}
		if !more {
			return true
		}
	}
}

// nextLine cuts the first line off *rest; more is false for the last line.
func nextLine(rest *string) (line string, more bool) {
	line, tail, more := strings.Cut(*rest, "\n")
	*rest = tail
	return line, more
}

// widestPart is the width of the widest word of line, a word counting in
// parts split after each hyphen ("plan-review-team" → "plan-", "review-",
// "team"): the places wrapCell prefers to break it.
func widestPart(line string) int {
	best := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(line) {
			r, size := utf8.DecodeRuneInString(line[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		for word := line[i:j]; ; {
			k := strings.IndexByte(word, '-')
			if k < 0 || k == len(word)-1 {
				best = max(best, displayWidth(word))
				break
			}
			best = max(best, displayWidth(word[:k+1]))
			word = word[k+1:]
		}
		i = j
	}
	return best
}
