package draw

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// wordJoiner is an invisible character put after an "&" that would
// otherwise read as an entity: Graphviz's SVG writer leaves "&lt;" and the
// like unescaped (it takes them for entities the author meant), so a user's
// literal "&lt;" would show as "<". With the joiner it shows as typed.
// The SVG does not keep it (unguard): Graphviz has escaped the "&" by then.
// The DOT output keeps it (it is Graphviz's input), and the PNG and PDF do
// not draw it.
const wordJoiner = "\u2060"

var entityLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[A-Za-z0-9]*|#[0-9]*|#[xX][0-9A-Fa-f]*);`) })

// Clean makes user text safe to carry anywhere: invalid UTF-8 is replaced,
// white space (newlines, tabs) becomes a plain space, and control and
// non-characters, which XML forbids, are dropped.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		case r == 0xFFFE || r == 0xFFFF || (r >= 0xFDD0 && r <= 0xFDEF):
		case r == utf8.RuneError:
			b.WriteRune(r)
		case !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Co, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// guardEntities puts a word joiner after each "&" that starts something
// shaped like an entity reference.
func guardEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '&' && entityLike().MatchString(s[i+1:]) {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

// HTML escapes user text for the inside of a Graphviz HTML-like label, so
// markup in it is shown, never interpreted. Graphviz expands backslash
// sequences (\N, \G, \L) even in HTML-like text (and after decoding
// entities, so &#92; does not help): a backslash is doubled.
func HTML(s string) string {
	return escapeXML(guardEntities(Clean(s)), `\\`)
}

// escapeXML writes the five XML specials of s as references, and each
// backslash as backslash: the one XML escaper of the HTML-like labels
// Graphviz reads (HTML) and the SVG cxmap writes itself (xmlText).
func escapeXML(s, backslash string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\\':
			b.WriteString(backslash)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Quoted writes user text as a DOT double-quoted string for an escString
// attribute (tooltip): quotes are escaped, and each backslash becomes four,
// because Graphviz expands escapes in a tooltip twice (measured: "\\\\N"
// shows as \N, "\\N" as the node's name), so \N, \G and \L stay literal.
func Quoted(s string) string {
	s = guardEntities(Clean(s))
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
