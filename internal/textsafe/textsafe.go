// Package textsafe makes text from a journey file (titles, labels, paths)
// safe to show to a person: in a terminal, in a CI log, in Markdown posted
// as a pull-request comment. It is the one place that decides how control
// characters, line breaks, workflow-command lines and @mentions are shown
// (docs/decisions.md, "Output safety"). Machine formats (JSON, SARIF) do
// not use it: their encoders escape control characters per their spec.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// LineBreak is what a line break inside one-line text is shown as.
const LineBreak = "⏎"

// needs reports whether s holds anything Block or Line would change: a C0
// or C1 control character, DEL, or U+2028/U+2029.
func needs(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0: // C1
			return true
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9): // U+2028, U+2029
			return true
		}
	}
	return false
}

// IsControl reports whether r is a C0 or C1 control character or DEL.
func IsControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// visible writes a control character the way Go quotes it (\x1b, \a is
// written \x07, \u009b), so a reader sees what the file holds and the
// terminal receives only printable characters.
func visible(b *strings.Builder, r rune) {
	if r < 0x80 {
		fmt.Fprintf(b, `\x%02x`, r)
	} else {
		fmt.Fprintf(b, `\u%04x`, r)
	}
}

// Block makes text safe for a terminal while keeping its lines: every line
// break (CRLF, CR, LF, U+2028, U+2029) becomes "\n", a tab a space, and any
// other control character is shown escaped (ESC as \x1b). Text without
// control characters is returned as it is, without allocating.
func Block(s string) string { return clean(s, "\n") }

// Line is Block for text that must stay on one line: a line break is shown
// as ⏎.
func Line(s string) string { return clean(s, LineBreak) }

func clean(s, nl string) string {
	if !needs(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
			b.WriteString(nl)
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteString(nl)
		case r == '\t':
			b.WriteByte(' ')
		case IsControl(r):
			visible(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
