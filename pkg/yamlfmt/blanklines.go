package yamlfmt

import (
	"bytes"
	"sort"

	"go.yaml.in/yaml/v3"
)

// onlyBlankLinesDiffer reports whether out is the source with blank lines
// added or removed only where YAML ignores them, so that it holds the same
// data and the same comments in the same places, and Format can skip
// parsing it again (the check that costs as much as the first parse; issue
// 19's speed goal). That holds when every other line is the same, byte for
// byte and in the same order, and each place where the number of blank
// lines differs is
//
//   - before a line that starts an entry of a block mapping or list (a key,
//     or an item after its "- "), so no scalar runs across it: a blank line
//     inside a plain or quoted scalar that spans lines, or inside a block
//     scalar, would be a line break of the value; or
//   - before a comment on its own line (never inside a scalar); or
//   - at the very start or end of the file,
//
// and no block scalar keeps its trailing blank lines (|+ or >+), the one
// value a blank line after it would change. Anything else (an indent, a
// quote, a key moved, a line break at the end of the file) answers false,
// and Format makes its full check.
func (l *fileLayout) onlyBlankLinesDiffer(out []byte) bool {
	in := l.d.Bytes()
	if bytes.IndexByte(in, '\r') >= 0 {
		return false // lines as l.lines counts them, and no CRLF question
	}
	checkedKeep := false
	line := 1 // the source line in starts on
	for first := true; ; first = false {
		bi, restIn := skipBlankLines(in)
		bo, restOut := skipBlankLines(out)
		line += bi
		if bi != bo {
			if !checkedKeep {
				if keepsTrailingBlanks(l.d.Root(), l.lines) {
					return false
				}
				checkedKeep = true
			}
			if !first && len(restIn) > 0 && !l.safeBoundary(line) {
				return false
			}
		}
		if len(restIn) == 0 || len(restOut) == 0 {
			return len(restIn) == 0 && len(restOut) == 0
		}
		li, lo := lineLen(restIn), lineLen(restOut)
		if !bytes.Equal(restIn[:li], restOut[:lo]) {
			return false
		}
		in, out = restIn[li:], restOut[lo:]
		line++
	}
}

// skipBlankLines counts the blank lines (spaces and tabs only, then "\n")
// at the start of b and returns what follows them.
func skipBlankLines(b []byte) (int, []byte) {
	n := 0
	for {
		i := 0
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i >= len(b) || b[i] != '\n' {
			return n, b
		}
		n++
		b = b[i+1:]
	}
}

// lineLen is the length of b's first line with its "\n".
func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}

// safeBoundary reports whether source line n starts an entry of a block
// collection (only spaces and "- " before it) or holds a comment alone.
func (l *fileLayout) safeBoundary(n int) bool {
	if n < 1 || n > len(l.lines) {
		return false
	}
	text := l.lines[n-1]
	i := sort.Search(len(l.entries), func(i int) bool { return l.entries[i].line >= n })
	for ; i < len(l.entries) && l.entries[i].line == n; i++ {
		if e := l.entries[i]; e.block && e.col-1 <= len(text) && onlyDashes(text[:e.col-1]) {
			return true
		}
	}
	k := sort.Search(len(l.comments), func(k int) bool { return l.comments[k].Line >= n })
	return k < len(l.comments) && l.comments[k].Line == n && l.comments[k].OwnLine
}

// onlyDashes: spaces and list dashes each followed by a space.
func onlyDashes(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == ' ':
		case b[i] == '-' && i+1 < len(b) && b[i+1] == ' ':
		default:
			return false
		}
	}
	return true
}

// keepsTrailingBlanks reports whether a block scalar under n has the keep
// indicator (|+, >+, |2+ ...), whose value takes the blank lines after it.
func keepsTrailingBlanks(n *yaml.Node, lines [][]byte) bool {
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		if n.Line < 1 || n.Line > len(lines) {
			return true
		}
		header := lines[n.Line-1]
		if n.Column-1 < len(header) {
			header = header[n.Column-1:]
		}
		if i := bytes.IndexByte(header, '#'); i >= 0 {
			header = header[:i]
		}
		return bytes.IndexByte(header, '+') >= 0
	}
	for _, c := range n.Content {
		if keepsTrailingBlanks(c, lines) {
			return true
		}
	}
	return false
}
