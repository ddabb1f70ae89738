package yamlfmt

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// emitter writes the canonical text of a node tree whose styles restyle set
// and whose comments attach placed (HeadComment lines, blankMark for a
// blank line; LineComment). It is much cheaper than yaml.v3's emitter,
// which Format still uses for a file with anchors, aliases or tags
// (canEmit).
type emitter struct {
	b    bytes.Buffer
	flow map[*yaml.Node]bool
}

// canEmit reports whether the tree has only what the emitter writes: no
// anchors, aliases or explicit tags.
func canEmit(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode || n.Style&yaml.TaggedStyle != 0 {
		return false
	}
	for _, c := range n.Content {
		if !canEmit(c) {
			return false
		}
	}
	return true
}

func emit(root *yaml.Node, flow map[*yaml.Node]bool, leading, trailing []string) ([]byte, error) {
	e := &emitter{flow: flow}
	e.comments(leading, 0)
	if err := e.mapping(root, 0, false); err != nil {
		return nil, err
	}
	e.comments(trailing, 0)
	return e.b.Bytes(), nil
}

func (e *emitter) pad(n int) {
	for range n {
		e.b.WriteByte(' ')
	}
}

func (e *emitter) comments(lines []string, indent int) {
	for _, l := range lines {
		if l == blankMark {
			e.b.WriteByte('\n')
			continue
		}
		e.pad(indent)
		e.b.WriteString(l)
		e.b.WriteByte('\n')
	}
}

func (e *emitter) head(n *yaml.Node, indent int) {
	if n.HeadComment != "" {
		e.comments(strings.Split(n.HeadComment, "\n"), indent)
	}
}

func lineComment(c string) string {
	if c == "" {
		return ""
	}
	return " " + c
}

// mapping writes a block mapping at indent; inline: its first key follows
// a "- " already written.
func (e *emitter) mapping(m *yaml.Node, indent int, inline bool) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if i > 0 || !inline {
			e.head(k, indent)
			e.pad(indent)
		} else if k.HeadComment != "" {
			return fmt.Errorf("a comment above key %q cannot be placed", k.Value)
		}
		if k.Kind != yaml.ScalarNode || strings.ContainsAny(k.Value, "\n\r") {
			return fmt.Errorf("key %q is not a one-line text", k.Value)
		}
		e.b.WriteString(scalarText(k, false))
		e.b.WriteByte(':')
		if err := e.value(k, v, indent); err != nil {
			return err
		}
	}
	return nil
}

// value writes what follows "key:" or "-": owner's line comment goes on
// the same line.
func (e *emitter) value(owner, v *yaml.Node, indent int) error {
	lc := owner.LineComment
	if v.LineComment != "" {
		lc = v.LineComment
	}
	switch {
	case v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return e.blockScalar(v, indent, lc)
	case v.Kind == yaml.ScalarNode:
		if text := scalarText(v, false); text != "" {
			e.b.WriteByte(' ')
			e.b.WriteString(text)
		}
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
	case v.Kind == yaml.SequenceNode && (e.flow[v] || len(v.Content) == 0):
		e.b.WriteString(" [")
		for i, c := range v.Content {
			if i > 0 {
				e.b.WriteString(", ")
			}
			e.b.WriteString(scalarText(c, true))
		}
		e.b.WriteByte(']')
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
	case v.Kind == yaml.MappingNode && len(v.Content) == 0:
		e.b.WriteString(" {}")
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
	case v.Kind == yaml.MappingNode:
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
		return e.mapping(v, indent+2, false)
	case v.Kind == yaml.SequenceNode:
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
		return e.sequence(v, indent+2)
	default:
		return fmt.Errorf("a %v node cannot be written", v.Kind)
	}
	return nil
}

func (e *emitter) sequence(s *yaml.Node, indent int) error {
	for _, c := range s.Content {
		e.head(c, indent)
		e.pad(indent)
		e.b.WriteByte('-')
		if c.Kind == yaml.MappingNode && len(c.Content) > 0 {
			e.b.WriteByte(' ')
			if c.LineComment != "" {
				return fmt.Errorf("comment %q cannot be placed", c.LineComment)
			}
			if err := e.mapping(c, indent+2, true); err != nil {
				return err
			}
			continue
		}
		if err := e.value(c, c, indent); err != nil {
			return err
		}
	}
	return nil
}

// blockScalar writes a literal or folded scalar: its header and text come
// from yaml.v3 (chomping and indentation indicators are subtle); folded
// lines longer than maxFlowWidth are broken at single spaces.
func (e *emitter) blockScalar(v *yaml.Node, indent int, lc string) error {
	c := *v
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&c); err != nil {
		return err
	}
	enc.Close()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	header := lines[0]
	if !strings.HasPrefix(header, "|") && !strings.HasPrefix(header, ">") {
		// yaml.v3 chose another style: write its text as is, on one line.
		if len(lines) > 1 {
			return fmt.Errorf("value %.20q cannot be written on one line", v.Value)
		}
		e.b.WriteByte(' ')
		e.b.WriteString(header)
		e.b.WriteString(lineComment(lc))
		e.b.WriteByte('\n')
		return nil
	}
	e.b.WriteByte(' ')
	e.b.WriteString(header)
	e.b.WriteString(lineComment(lc))
	e.b.WriteByte('\n')
	folded := header[0] == '>'
	if !strings.Contains(header, "+") {
		for len(lines) > 1 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1] // not text: chomped
		}
	}
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			e.b.WriteByte('\n')
			continue
		}
		// yaml.v3 indents the text by 2 under a scalar at column 0.
		line := strings.Repeat(" ", indent) + l
		if folded && !strings.HasPrefix(l, "   ") && utf8.RuneCountInString(line) > maxFlowWidth {
			line = refold(line, indent+2)
		}
		e.b.WriteString(line)
		e.b.WriteByte('\n')
	}
	return nil
}

// scalarText is a scalar as written: plain, or double-quoted when restyle
// chose that (quoted with YAML's escapes).
func scalarText(n *yaml.Node, _ bool) string {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return doubleQuote(n.Value)
	}
	return n.Value
}

// doubleQuote writes s as a YAML double-quoted scalar.
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case 0:
			b.WriteString(`\0`)
		case '\u0085':
			b.WriteString(`\N`)
		case '\u00a0':
			b.WriteString(`\_`)
		case '\u2028':
			b.WriteString(`\L`)
		case '\u2029':
			b.WriteString(`\P`)
		case '\ufeff':
			b.WriteString(`\ufeff`)
		default:
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
