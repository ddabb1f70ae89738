package yamledit

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is a file's bytes with the offsets of its lines, counted as the
// YAML parser counts them ("\n", "\r\n" and a lone "\r" each end a line).
type source struct {
	b     []byte
	lines []int // byte offset of the start of each line; lines[0] == 0
}

func newSource(b []byte) *source {
	s := &source{b: b, lines: []int{0}}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			s.lines = append(s.lines, i+1)
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// lineStart is the offset of 1-based line l (len(b) past the end).
func (s *source) lineStart(l int) int {
	if l < 1 {
		return 0
	}
	if l > len(s.lines) {
		return len(s.b)
	}
	return s.lines[l-1]
}

// lineEnd is the offset of line l's break (or of the end of the file).
func (s *source) lineEnd(l int) int {
	end := len(s.b)
	if l < len(s.lines) {
		end = s.lines[l]
	}
	for end > s.lineStart(l) && (s.b[end-1] == '\n' || s.b[end-1] == '\r') {
		end--
	}
	return end
}

// nextLine is the offset just after line l's break.
func (s *source) nextLine(l int) int { return s.lineStart(l + 1) }

// lineOf is the 1-based line holding offset off.
func (s *source) lineOf(off int) int {
	lo, hi := 0, len(s.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

// offset turns a parser position (1-based line, 1-based column counting
// characters) into a byte offset.
func (s *source) offset(line, col int) int {
	off := s.lineStart(line)
	end := s.lineEnd(line)
	for c := 1; c < col && off < end; c++ {
		_, n := utf8.DecodeRune(s.b[off:])
		off += n
	}
	return off
}

// nodeOffset is where node n starts.
func (s *source) nodeOffset(n *yaml.Node) int { return s.offset(n.Line, n.Column) }

// indentOf is the number of leading spaces of line l.
func (s *source) indentOf(l int) int {
	i := s.lineStart(l)
	end := s.lineEnd(l)
	n := 0
	for i+n < end && s.b[i+n] == ' ' {
		n++
	}
	return n
}

// blankOrComment reports whether line l holds nothing but white space or a
// comment.
func (s *source) blankOrComment(l int) (blank, comment bool) {
	t := bytes.TrimLeft(s.b[s.lineStart(l):s.lineEnd(l)], " \t")
	return len(t) == 0, len(t) > 0 && t[0] == '#'
}

// scalarEnd finds where scalar node n, starting at off, ends in the source.
// owner is the column (0-based) of what owns the scalar (its key, or the
// "-" of its list item): continuation lines of a multi-line plain scalar are
// indented more. inFlow is true inside [...] or {...}. ok is false when the
// text cannot be delimited (the caller then re-encodes instead of splicing).
func (s *source) scalarEnd(n *yaml.Node, off int, owner int, inFlow bool) (end int, ok bool) {
	b := s.b
	// An anchor (&name) or tag (!tag) written before the value.
	for off < len(b) && (b[off] == '&' || b[off] == '!') {
		for off < len(b) && b[off] != ' ' && b[off] != '\t' && b[off] != '\n' && b[off] != '\r' {
			off++
		}
		for off < len(b) && (b[off] == ' ' || b[off] == '\t') {
			off++
		}
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if off >= len(b) || b[off] != '"' {
			return 0, false
		}
		for i := off + 1; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1, true
			}
		}
		return 0, false
	case n.Style&yaml.SingleQuotedStyle != 0:
		if off >= len(b) || b[off] != '\'' {
			return 0, false
		}
		for i := off + 1; i < len(b); i++ {
			if b[i] == '\'' {
				if i+1 < len(b) && b[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, true
			}
		}
		return 0, false
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		line := s.lineOf(off)
		// Content lines are blank or indented at least as the first
		// non-blank one, which is indented more than the owner.
		last := line
		indent := -1
		for l := line + 1; l <= len(s.lines); l++ {
			if blank, _ := s.blankOrComment(l); blank {
				continue // blank lines are the scalar's only when more follows
			}
			in := s.indentOf(l)
			if indent < 0 {
				if in <= owner {
					break
				}
				indent = in
			}
			if in < indent {
				break
			}
			last = l
		}
		return s.lineEnd(last), true
	}
	// Plain.
	if n.Tag == "!!null" && n.Value == "" {
		return off, true
	}
	line := s.lineOf(off)
	end = plainLineEnd(b[off:s.lineEnd(line)], inFlow) + off
	if inFlow || plainValue(b[off:end]) == n.Value {
		return end, plainValue(b[off:end]) == n.Value || inFlow
	}
	// A multi-line plain scalar: continuation lines indented past the owner.
	for l := line + 1; l <= len(s.lines); l++ {
		blank, comment := s.blankOrComment(l)
		if comment {
			break
		}
		if blank {
			continue
		}
		if s.indentOf(l) <= owner {
			break
		}
		st := s.lineStart(l)
		e := plainLineEnd(b[st:s.lineEnd(l)], false) + st
		if e < s.lineEnd(l) && !onlyComment(b[e:s.lineEnd(l)]) {
			break // "key: value" on the next line
		}
		end = e
		if foldPlain(b[off:end]) == n.Value {
			return end, true
		}
	}
	return end, foldPlain(b[off:end]) == n.Value
}

func onlyComment(b []byte) bool {
	t := bytes.TrimLeft(b, " \t")
	return len(t) == 0 || t[0] == '#'
}

// plainLineEnd is the length of a plain scalar's text on one line: up to a
// comment (" #"), in flow context up to ",", "]", "}" or ": ", trailing
// white space left out.
func plainLineEnd(b []byte, inFlow bool) int {
	end := len(b)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '#' && i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
			end = i
			break
		}
		if inFlow && (c == ',' || c == ']' || c == '}') {
			end = i
			break
		}
		if c == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t' || (inFlow && strings.ContainsRune(",]}", rune(b[i+1])))) {
			end = i
			break
		}
	}
	for end > 0 && (b[end-1] == ' ' || b[end-1] == '\t') {
		end--
	}
	return end
}

func plainValue(b []byte) string { return string(bytes.TrimRight(b, " \t")) }

// foldPlain folds a multi-line plain scalar's text as YAML reads it: line
// breaks with their indentation become one space, blank lines a newline.
func foldPlain(b []byte) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n"), "\n")
	var out strings.Builder
	pendingBlank := 0
	for i, l := range lines {
		l = strings.Trim(l, " \t")
		if i > 0 && l == "" {
			pendingBlank++
			continue
		}
		if i > 0 {
			if pendingBlank > 0 {
				out.WriteString(strings.Repeat("\n", pendingBlank))
			} else {
				out.WriteByte(' ')
			}
		}
		pendingBlank = 0
		out.WriteString(l)
	}
	return out.String()
}
