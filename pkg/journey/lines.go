package journey

import (
	"bytes"
	"unicode/utf8"
)

// Lines splits data into lines the way the YAML parser counts them, so that
// every line:col cxmap computes from the raw bytes agrees with the
// parser's: "\n", "\r\n" and a lone "\r" (old Mac line endings) each end a
// line. Each line keeps its line break; joining them gives data back.
func Lines(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		n := lineLen(data)
		out = append(out, data[:n])
		data = data[n:]
	}
	return out
}

// lineLen is the length of data's first line, its break included.
func lineLen(data []byte) int {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0:
		return len(data)
	case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
		return i + 2
	}
	return i + 1
}

// lineCol turns a byte offset into a 1-based line and code-point column,
// counting line breaks as Lines does.
func lineCol(b []byte, off int) (int, int) {
	line, start := 1, 0
	for start < len(b) {
		end := start + lineLen(b[start:])
		if off < end || (end == len(b) && b[end-1] != '\n' && b[end-1] != '\r') {
			break // off is on this line (perhaps on its break, or at its end)
		}
		line++
		start = end
	}
	return line, 1 + utf8.RuneCount(b[start:off])
}
