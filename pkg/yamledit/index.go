package yamledit

import (
	"bytes"
	"slices"

	"go.yaml.in/yaml/v3"
)

// extent is where a node is written: [start, end) in the source, the
// column (0-based) of what owns it, and whether it is inside a flow
// collection. ok is false when the text could not be delimited.
type extent struct {
	start, end int
	owner      int
	inFlow     bool
	ok         bool
}

// index holds the extent of every node of a parsed document.
type index struct {
	src *source
	ext map[*yaml.Node]extent
}

func newIndex(src *source, doc *yaml.Node) *index {
	ix := &index{src: src, ext: map[*yaml.Node]extent{}}
	if len(doc.Content) > 0 {
		ix.walk(doc.Content[0], -1, false)
	}
	return ix
}

// walk records n's extent and its children's, and returns n's.
func (ix *index) walk(n *yaml.Node, owner int, inFlow bool) extent {
	s := ix.src
	e := extent{start: s.nodeOffset(n), owner: owner, inFlow: inFlow, ok: true}
	switch n.Kind {
	case yaml.ScalarNode:
		e.end, e.ok = s.scalarEnd(n, e.start, owner, inFlow)
	case yaml.AliasNode:
		e.end = e.start + 1 + len(n.Value)
		e.ok = e.end <= len(s.b) && s.b[e.start] == '*'
	case yaml.MappingNode, yaml.SequenceNode:
		flow := n.Style&yaml.FlowStyle != 0 || inFlow
		end := e.start
		if flow {
			end = e.start + 1
		}
		childOwner := n.Column - 1 // a block list's "-" column
		for i, c := range n.Content {
			o := childOwner
			if n.Kind == yaml.MappingNode {
				if i%2 == 1 {
					o = n.Content[i-1].Column - 1 // a value is owned by its key
					if c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == "" {
						// "key:" with nothing: the value ends at the colon.
						ke := ix.ext[n.Content[i-1]]
						colon := ke.end
						for colon < len(s.b) && s.b[colon] != ':' {
							colon++
						}
						ix.ext[c] = extent{start: colon + 1, end: colon + 1, owner: o, inFlow: flow, ok: ke.ok}
						end = max(end, colon+1)
						continue
					}
				} else {
					o = c.Column - 1
				}
			}
			ce := ix.walk(c, o, flow)
			if !ce.ok {
				e.ok = false
			}
			end = max(end, ce.end)
		}
		if n.Style&yaml.FlowStyle != 0 {
			closer := byte(']')
			if n.Kind == yaml.MappingNode {
				closer = '}'
			}
			end = skipToCloser(s.b, end, closer)
			if end < 0 {
				e.ok = false
				end = e.start
			}
		}
		e.end = end
	}
	ix.ext[n] = e
	return e
}

// skipToCloser finds the closing bracket at or after off, passing white
// space, commas and comments; it returns the offset after it, or -1.
func skipToCloser(b []byte, off int, closer byte) int {
	for i := off; i < len(b); i++ {
		switch b[i] {
		case ' ', '\t', '\n', '\r', ',':
		case '#':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case closer:
			return i + 1
		default:
			return -1
		}
	}
	return -1
}

// Comment is one "#" comment in the source: its line, column (1-based,
// characters), byte offset, text (from "#", trailing space trimmed) and
// whether it is alone on its line.
type Comment struct {
	Line, Col int
	Off       int
	Text      string
	OwnLine   bool
}

// Comments lists the file's comments in order. ok is false when the end of
// a scalar could not be found, so that a "#" in it might have been taken for
// a comment or missed.
func (d *Doc) Comments() ([]Comment, bool) {
	if !hashCandidate(d.src) {
		return nil, true // no "#" that could start a comment: no index needed
	}
	return d.ix().comments()
}

// hashCandidate reports whether b has a "#" at a line's start or after
// white space.
func hashCandidate(b []byte) bool {
	for i := bytes.IndexByte(b, '#'); i >= 0; {
		if i == 0 || b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n' || b[i-1] == '\r' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '#')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Offset is the byte offset of node n in Bytes(), and End where its text
// ends (ok false when unknown).
func (d *Doc) Offset(n *yaml.Node) (start, end int, ok bool) {
	e, found := d.ix().ext[n]
	return e.start, e.end, found && e.ok
}

// comments lists the source's comments, found as "#" outside every scalar
// at the start of a line or after white space. ok is false when a node's
// extent is unknown (a scalar could hide one).
func (ix *index) comments() ([]Comment, bool) {
	s := ix.src
	// The scalars' spans, sorted; a '#' inside one is text.
	type rng struct{ a, b int }
	var spans []rng
	ok := true
	for n, e := range ix.ext {
		if n.Kind != yaml.ScalarNode && n.Kind != yaml.AliasNode {
			continue
		}
		if !e.ok {
			ok = false
			continue
		}
		if e.end > e.start {
			spans = append(spans, rng{e.start, e.end})
		}
	}
	slices.SortFunc(spans, func(x, y rng) int { return x.a - y.a })
	inside := func(off int) bool {
		i, _ := slices.BinarySearchFunc(spans, off, func(r rng, o int) int {
			switch {
			case r.b <= o:
				return -1
			case r.a > o:
				return 1
			}
			return 0
		})
		return i < len(spans) && spans[i].a <= off && off < spans[i].b
	}
	var out []Comment
	for l := 1; l <= len(s.lines); l++ {
		a, z := s.lineStart(l), s.lineEnd(l)
		for i := a; i < z; i++ {
			if s.b[i] != '#' || (i > a && s.b[i-1] != ' ' && s.b[i-1] != '\t') || inside(i) {
				continue
			}
			text := string(trimRight(s.b[i:z]))
			_, own := s.blankOrComment(l)
			out = append(out, Comment{Line: l, Col: 1 + runeCount(s.b[a:i]), Off: i, Text: text, OwnLine: own})
			break
		}
	}
	return out, ok
}

func trimRight(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func runeCount(b []byte) int {
	n := 0
	for range string(b) {
		n++
	}
	return n
}
