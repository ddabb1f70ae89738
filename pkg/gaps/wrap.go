package gaps

import (
	"strings"
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
	n := len(header)
	natural := make([]int, n)
	longest := make([]int, n)
	mass := make([]int, n) // how much text a column holds
	measure := func(i int, s string) {
		for _, line := range strings.Split(s, "\n") {
			lw := runewidth.StringWidth(line) + 2
			mass[i] += lw
			if lw > natural[i] {
				natural[i] = lw
			}
			if i < len(wrap) && wrap[i] {
				extra := 2
				if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "  ") {
					extra = 4
				}
				for _, word := range strings.Fields(line) {
					for _, part := range hyphenParts(word) {
						if ww := runewidth.StringWidth(part) + extra; ww > longest[i] {
							longest[i] = ww
						}
					}
				}
			}
		}
	}
	for i, h := range header {
		measure(i, h)
	}
	for _, row := range rows {
		for i := 0; i < n && i < len(row); i++ {
			measure(i, row[i])
		}
	}
	min := make([]int, n)
	total := n + 1
	for i := range natural {
		min[i] = natural[i]
		if i < len(wrap) && wrap[i] {
			min[i] = max(10, std(longest[i], 24))
			for _, line := range strings.Split(header[i], "\n") {
				min[i] = max(min[i], runewidth.StringWidth(line)+2)
			}
			min[i] = std(min[i], natural[i])
		}
		total += natural[i]
	}
	if total <= width {
		return natural, true
	}
	// Start wrappable columns at their soft minimum (whole words), then
	// share the room left in proportion to how much text each holds, never
	// past its natural width.
	widths := append([]int(nil), min...)
	room := width - (n + 1)
	for i := range widths {
		room -= widths[i]
	}
	for room > 0 {
		totalMass := 0
		for i := range widths {
			if widths[i] < natural[i] {
				totalMass += mass[i]
			}
		}
		if totalMass == 0 {
			break
		}
		given := 0
		for i := range widths {
			if widths[i] < natural[i] {
				g := std(room*mass[i]/totalMass, natural[i]-widths[i])
				widths[i] += g
				given += g
			}
		}
		room -= given
		if given == 0 {
			// Rounding left a few columns: one each, most text first.
			best := -1
			for i := range widths {
				if widths[i] < natural[i] && (best < 0 || mass[i] > mass[best]) {
					best = i
				}
			}
			widths[best]++
			room--
		}
	}
	if room >= 0 {
		return widths, true
	}
	// Still too wide at the soft minimum: narrow the widest wrappable
	// column down to 8 (words break); the caller may prefer another layout.
	total = n + 1
	for i := range widths {
		total += widths[i]
	}
	for total > width {
		best := -1
		for i := range widths {
			if i < len(wrap) && wrap[i] && widths[i] > std(8, natural[i]) && (best < 0 || widths[i] > widths[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		widths[best]--
		total--
	}
	return widths, false
}

func std(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// wrapCell wraps each line of s to width display columns: words fill a
// line greedily, a word too long for a line is broken, and a "- " item keeps
// its continuation lines indented under its text.
func wrapCell(s string, width int) string {
	if width < 4 {
		width = 4
	}
	var out []string
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if runewidth.StringWidth(line) <= width {
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
			ww := runewidth.StringWidth(word)
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
				ww = runewidth.StringWidth(word)
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

// hyphenParts splits a word after each hyphen ("plan-review-team" →
// "plan-", "review-", "team"): the places wrapCell prefers to break it.
func hyphenParts(word string) []string {
	var parts []string
	for {
		k := strings.IndexByte(word, '-')
		if k < 0 || k == len(word)-1 {
			return append(parts, word)
		}
		parts = append(parts, word[:k+1])
		word = word[k+1:]
	}
}
