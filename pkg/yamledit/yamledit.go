// Package yamledit changes a journey or catalog file by its YAML nodes and
// writes it back keeping its comments and the rest of its bytes: every edit
// is spliced into the original text at the edited node's place, so the
// lines it does not touch stay byte for byte as they were. fmt, import's
// update mode, measure and the language server's code actions all edit
// files through it (docs/decisions.md, "One editing layer").
//
//	doc, err := yamledit.Parse(path, data)
//	err = doc.Set(yamledit.P("stages", "id=report", "steps", "id=call", "rating"), "red")
//	err = doc.Append(yamledit.P("stages", "0", "steps", "1", "pains"), "Nobody called back")
//	err = doc.Remove(yamledit.P("lanes", "id=fax"))
//	n, err := doc.RenameID("lane", "phone", "claims-line")
//	os.WriteFile(path, doc.Bytes(), 0o644) // or fsutil's atomic write
//
// Every edit is checked: the new text is parsed again and must hold exactly
// the data the edit means (the document's data with that one change). When
// a splice cannot be made or checked (a flow collection with comments
// inside, an anchor on the edited node), the document is re-encoded from its
// edited node tree instead, which keeps the comments yaml.v3 attaches to
// nodes but not the original layout; Reencoded tells.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// Path names a node from the document's root: a mapping key, or for a list
// an index ("0", "1", ...) or "KEY=VALUE", the item whose KEY is VALUE
// ("id=call-claims-line").
type Path []string

// P builds a Path.
func P(segs ...string) Path { return Path(segs) }

func (p Path) String() string {
	if len(p) == 0 {
		return "(root)"
	}
	return strings.Join(p, "/")
}

// Doc is a parsed file being edited.
type Doc struct {
	path string
	src  []byte
	doc  *yaml.Node
	// ixCache: see ix
	ixCache *index
	// Reencoded is set once an edit fell back to re-encoding the whole
	// document (see the package comment).
	Reencoded bool
}

// Parse reads one YAML document (a journey or a catalog).
func Parse(path string, data []byte) (*Doc, error) {
	d := &Doc{path: path}
	if err := d.load(data); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Doc) load(data []byte) error {
	if len(data) > journey.MaxFileSize {
		return fmt.Errorf("%s: file is larger than the %d MiB limit", d.path, journey.MaxFileSize>>20)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: the file is empty", d.path)
		}
		return fmt.Errorf("%s: %v", d.path, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return fmt.Errorf("%s: the file is empty", d.path)
	}
	if err := dec.Decode(&next); err == nil {
		return fmt.Errorf("%s: the file holds several YAML documents", d.path)
	} else if !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %v", d.path, err)
	}
	d.src, d.doc, d.ixCache = data, &doc, nil
	return nil
}

// ix is the index of node extents, made when first needed.
func (d *Doc) ix() *index {
	if d.ixCache == nil {
		d.ixCache = newIndex(newSource(d.src), d.doc)
	}
	return d.ixCache
}

// Bytes is the file's text with every edit made so far.
func (d *Doc) Bytes() []byte { return d.src }

// Root is the document's root node, for reading (edit through the methods).
func (d *Doc) Root() *yaml.Node { return d.doc.Content[0] }

// Document is the document node above Root (it holds the comments before
// and after everything else).
func (d *Doc) Document() *yaml.Node { return d.doc }

// IsCatalog reports whether the file is a catalog (root key cxmap-catalog).
func (d *Doc) IsCatalog() bool { return valueOf(d.Root(), "cxmap-catalog") != nil }

// Get finds the node at path.
func (d *Doc) Get(path Path) (*yaml.Node, bool) {
	n, err := d.resolve(path)
	return n, err == nil
}

func (d *Doc) errf(path Path, format string, a ...any) error {
	return fmt.Errorf("%s: %s: %s", d.path, path, fmt.Sprintf(format, a...))
}

func (d *Doc) resolve(path Path) (*yaml.Node, error) {
	n := d.Root()
	for i, seg := range path {
		if n.Kind == yaml.AliasNode {
			return nil, d.errf(path[:i], "is an alias (*%s): edit the anchored value", n.Value)
		}
		c, _ := child(n, seg)
		if c == nil {
			return nil, d.errf(path[:i+1], "not found")
		}
		n = c
	}
	return n, nil
}

// child finds seg in n: a key's value in a mapping, an item in a list. i is
// the index in n.Content (the value's, for a mapping).
func child(n *yaml.Node, seg string) (*yaml.Node, int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				return n.Content[i+1], i + 1
			}
		}
	case yaml.SequenceNode:
		if k, v, ok := strings.Cut(seg, "="); ok {
			for i, it := range n.Content {
				if f := valueOf(it, k); f != nil && f.Kind == yaml.ScalarNode && f.Value == v {
					return it, i
				}
			}
			return nil, -1
		}
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], i
		}
	}
	return nil, -1
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// keysOf is the path's keys without list items, for journey.KeyOrderAt.
func (d *Doc) keysOf(path Path) []string {
	var keys []string
	n := d.Root()
	for _, seg := range path {
		if n == nil {
			break
		}
		if n.Kind == yaml.MappingNode {
			keys = append(keys, seg)
		}
		n, _ = child(n, seg)
	}
	if n == nil && len(path) > 0 { // a key not written yet
		last := path[len(path)-1]
		if len(keys) == 0 || keys[len(keys)-1] != last {
			if _, err := strconv.Atoi(last); err != nil && !strings.Contains(last, "=") {
				keys = append(keys, last)
			}
		}
	}
	return keys
}

// splice replaces [a, b) of the source with text.
type splice struct {
	a, b int
	text string
}

// commit applies the splices, checks that the result parses to want (the
// edited tree's data), and otherwise re-encodes the edited tree.
func (d *Doc) commit(sp []splice, ok bool) error {
	want, err := decode(d.doc)
	if err != nil {
		return fmt.Errorf("%s: %v", d.path, err)
	}
	if ok {
		slices.SortFunc(sp, func(x, y splice) int { return y.a - x.a })
		out := append([]byte(nil), d.src...)
		for _, s := range sp {
			out = append(out[:s.a], append([]byte(s.text), out[s.b:]...)...)
		}
		var doc yaml.Node
		if yaml.Unmarshal(out, &doc) == nil && len(doc.Content) > 0 {
			if got, err := decode(&doc); err == nil && Equal(got, want) {
				return d.load(out)
			}
		}
	}
	out, err := Encode(d.doc)
	if err != nil {
		return fmt.Errorf("%s: %v", d.path, err)
	}
	d.Reencoded = true
	return d.load(out)
}

func decode(n *yaml.Node) (any, error) {
	var v any
	err := n.Decode(&v)
	return v, err
}

// Encode writes a node tree as YAML with a two-space indent (the fallback
// when a splice cannot be made).
func Encode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(n); err != nil {
		return nil, err
	}
	if err := e.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// toNode turns a Go value (or a *yaml.Node) into a node, its mappings'
// keys in the canonical order for where it goes (keys).
func (d *Doc) toNode(v any, keys []string) (*yaml.Node, error) {
	var n *yaml.Node
	switch v := v.(type) {
	case *yaml.Node:
		n = v
	case yaml.Node:
		n = &v
	default:
		n = &yaml.Node{}
		if err := n.Encode(v); err != nil {
			return nil, err
		}
	}
	OrderKeys(n, keys, d.IsCatalog())
	return n, nil
}

// OrderKeys sorts the keys of every mapping in n (which stands at keys, see
// journey.KeyOrderAt) into the canonical order; keys the order does not
// know keep their places after the known ones.
func OrderKeys(n *yaml.Node, keys []string, catalog bool) {
	orderKeys(n, slices.Clip(keys), catalog)
}

func orderKeys(n *yaml.Node, keys []string, catalog bool) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			orderKeys(c, keys, catalog)
		}
	case yaml.MappingNode:
		if order := journey.KeyOrderAt(keys, catalog); order != nil && !inOrder(n, order) {
			type pair struct{ k, v *yaml.Node }
			pairs := make([]pair, 0, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
			}
			slices.SortStableFunc(pairs, func(a, b pair) int { return rank(order, a.k.Value) - rank(order, b.k.Value) })
			for i, p := range pairs {
				n.Content[2*i], n.Content[2*i+1] = p.k, p.v
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
				// keys is clipped, so append never writes into a caller's array.
				orderKeys(v, slices.Clip(append(keys, n.Content[i].Value)), catalog)
			}
		}
	}
}

// rank is a key's place in order; keys it does not know come last.
func rank(order []string, k string) int {
	if r := slices.Index(order, k); r >= 0 {
		return r
	}
	return len(order)
}

func inOrder(m *yaml.Node, order []string) bool {
	last := -1
	for i := 0; i+1 < len(m.Content); i += 2 {
		r := rank(order, m.Content[i].Value)
		if r < last {
			return false
		}
		last = r
	}
	return true
}

// inline is a node's text on one line (a scalar, or a flow collection), ok
// false when it needs several lines (a block collection).
func inline(n *yaml.Node) (string, bool) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if len(n.Content) > 0 && n.Style&yaml.FlowStyle == 0 {
			return "", false
		}
	}
	c := *n
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	if c.Kind == yaml.ScalarNode && strings.ContainsAny(c.Value, "\n\r") {
		c.Style = yaml.DoubleQuotedStyle
	}
	b, err := yaml.Marshal(&c)
	if err != nil {
		return "", false
	}
	s := strings.TrimSuffix(string(b), "\n")
	if strings.Contains(s, "\n") {
		return "", false
	}
	return s, true
}

// block is a collection's text as block lines, each indented by indent
// spaces, with a final line break.
func block(n *yaml.Node, indent int) (string, error) {
	c := *n
	c.Style &^= yaml.FlowStyle
	b, err := Encode(&c)
	if err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", indent)
	var out strings.Builder
	for _, l := range strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n") {
		out.WriteString(pad + l)
	}
	out.WriteString("\n")
	return out.String(), nil
}

// lineBreak is the file's line break ("\n" unless it uses "\r\n").
func (d *Doc) lineBreak() string {
	if i := bytes.IndexByte(d.src, '\n'); i > 0 && d.src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

func (d *Doc) nl(s string) string {
	if br := d.lineBreak(); br != "\n" {
		return strings.ReplaceAll(s, "\n", br)
	}
	return s
}

// lineStartOf is the offset of the line holding off; eol the offset after
// that line's break (a break is added to text when the file ends without
// one).
func (d *Doc) afterLine(off int) (int, string) {
	s := d.ix().src
	l := s.lineOf(off)
	next := s.nextLine(l)
	if next == len(s.b) && (len(s.b) == 0 || (s.b[len(s.b)-1] != '\n' && s.b[len(s.b)-1] != '\r')) {
		return next, d.lineBreak()
	}
	return next, ""
}

// Equal reports whether two decoded YAML values are the same data: as
// reflect.DeepEqual, except that NaN equals NaN and an integer equals the
// same float.
func Equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !Equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !Equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	fa, aok := number(a)
	fb, bok := number(b)
	if aok && bok {
		return fa == fb || (math.IsNaN(fa) && math.IsNaN(fb))
	}
	return reflect.DeepEqual(a, b)
}

func number(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case uint64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
