// Package yamlfmt writes journey and catalog files in one canonical form
// (`cxmap fmt`, docs/fmt.md): keys in the order of journey.KeyOrder, a
// two-space indent, block mappings and lists (a list of short one-line
// scalars on one line, [a, b]), quotes only where YAML needs them, a blank
// line between stages and wherever the author left one between entries, and
// every comment kept: a comment on its own line stays above the entry that
// follows it (at that entry's indentation), a comment after a value stays
// on that value's line, and comments after the last entry stay at the end.
//
// Format refuses (a *Refusal) rather than change meaning: the output is
// parsed again and must hold the same data, and the same comments attached
// to the same entries, as the input.
package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/yamledit"
	"go.yaml.in/yaml/v3"
)

// Refusal is why a file is left as it is.
type Refusal struct {
	Path string
	Line int // 0 when the problem has no one place
	Msg  string
}

func (r *Refusal) Error() string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d: %s (left unchanged)", r.Path, r.Line, r.Msg)
	}
	return fmt.Sprintf("%s: %s (left unchanged)", r.Path, r.Msg)
}

// blankMark is a comment line the encoder writes where a blank line goes;
// Format turns it into an empty line.
const blankMark = "#cxmap-fmt:blank-line"

// unknownAnchor finds the anchor name in yaml.v3's "unknown anchor 'x'"
// error (with no regular expression compiled at start-up, issue 18).
func unknownAnchor(msg string) (string, bool) {
	const p = "unknown anchor '"
	_, rest, ok := strings.Cut(msg, p)
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "'")
	return name, ok
}

// maxFlowWidth is how long a line holding a flow list [a, b] may get.
const maxFlowWidth = 80

// Format returns data in canonical form.
func Format(path string, data []byte) ([]byte, error) {
	d, err := parseInput(path, data)
	if err != nil {
		return nil, err
	}
	lay, err := canonicalTree(path, d, data)
	if err != nil {
		return nil, err
	}
	out, err := encode(d.Root(), lay)
	if err != nil {
		return nil, refusal(path, 0, "%v", err)
	}
	// The check: same data, same comments at the same entries. Output the
	// same as the input (a formatted file) needs none.
	if bytes.Equal(out, data) {
		return out, nil
	}
	// Output that differs only by blank lines between entries (a stage
	// without the blank line above it, two blank lines made one) holds the
	// same data and comments by YAML's rules, without a second parse.
	if lay.onlyBlankLinesDiffer(out) {
		return out, nil
	}
	if err := checkOutput(path, d.Root(), lay, out); err != nil {
		return nil, err
	}
	return out, nil
}

// refusal is a *Refusal of path at line (0: no one place).
func refusal(path string, line int, format string, a ...any) error {
	return &Refusal{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)}
}

// parseInput parses a journey or catalog file, refusing any other.
func parseInput(path string, data []byte) (*yamledit.Doc, error) {
	if len(data) > journey.MaxFileSize {
		return nil, refusal(path, 0, "file is larger than the %d MiB limit", journey.MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		return nil, refusal(path, 0, "file is not valid UTF-8")
	}
	if bytes.Contains(data, []byte(blankMark)) {
		return nil, refusal(path, 0, "file holds the text %q, which fmt uses itself", blankMark)
	}
	d, err := yamledit.Parse(path, data)
	if err != nil {
		return nil, &Refusal{Path: path, Msg: strings.TrimPrefix(err.Error(), path+": ")}
	}
	root := d.Root()
	if root.Kind != yaml.MappingNode || (yamlValue(root, "cxmap") == nil && yamlValue(root, "cxmap-catalog") == nil) {
		return nil, refusal(path, 0, "not a journey or catalog (no top-level cxmap or cxmap-catalog key)")
	}
	return d, nil
}

// canonicalTree puts d's tree in canonical form (keys in order, styles,
// comments attached to their entries) and returns the input's layout.
func canonicalTree(path string, d *yamledit.Doc, data []byte) (*fileLayout, error) {
	root := d.Root()
	lay, err := layout(d, data)
	if err != nil {
		return nil, &Refusal{Path: path, Msg: err.Error()}
	}
	catalog := d.IsCatalog()

	// Comments as yaml.v3 attached them, for the cross-check with ours.
	if bytes.IndexByte(data, '#') >= 0 && attachedCommentLines(d.Document()) != len(lay.comments) {
		return nil, refusal(path, 0, "found %d comments but the YAML parser sees %d; one is where fmt cannot tell it from text", len(lay.comments), attachedCommentLines(d.Document()))
	}
	clearComments(d.Document())
	if err := lay.attach(); err != nil {
		return nil, &Refusal{Path: path, Line: lay.errLine, Msg: err.Error()}
	}
	yamledit.OrderKeys(root, nil, catalog)
	restyle(root, lay.flow, false)
	return lay, nil
}

// encode writes the canonical tree out.
func encode(root *yaml.Node, lay *fileLayout) ([]byte, error) {
	if canEmit(root) {
		return emit(root, lay.flow, lay.leading, lay.trailing)
	}
	// Anchors, aliases or tags: yaml.v3's emitter writes them.
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	enc.Close()
	return finish(b.Bytes(), lay.leading, lay.trailing), nil
}

// checkOutput parses out again: it must hold the data of root (the input's)
// and its comments at the same entries.
func checkOutput(path string, root *yaml.Node, lay *fileLayout, out []byte) error {
	od, err := yamledit.Parse(path, out)
	if err != nil {
		if name, ok := unknownAnchor(err.Error()); ok {
			return refusal(path, 0, "keys in canonical order would put the alias *%s before its anchor &%s (write the value twice, or drop the anchor)", name, name)
		}
		return refusal(path, 0, "the formatted text would not parse (%v)", err)
	}
	// The edited tree holds the input's data (only order, styles and
	// comments were changed on it), so it stands for the input.
	if !sameData(root, od.Root(), 0) {
		var before, after any
		root.Decode(&before)
		od.Root().Decode(&after)
		return refusal(path, 0, "formatting would change the data at %s", firstDiff(before, after, ""))
	}
	if len(lay.comments) == 0 {
		if cs, _ := od.Comments(); len(cs) > 0 {
			return refusal(path, cs[0].Line, "formatting would add comment %q", cs[0].Text)
		}
		return nil
	}
	olay, err := layout(od, out)
	if err != nil {
		return refusal(path, 0, "%v", err)
	}
	if err := olay.attach(); err != nil {
		return refusal(path, 0, "%v", err)
	}
	want, got := lay.placements(), olay.placements()
	for i := range max(len(want), len(got)) {
		if i >= len(want) || i >= len(got) || want[i] != got[i] {
			c := lay.comments[0]
			if i < len(want) {
				c = lay.byPlacement[want[i]]
			}
			return refusal(path, c.Line, "cannot keep comment %q where it is", c.Text)
		}
	}
	return nil
}

func yamlValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// entry is a mapping key or a list item: what a comment on its own line
// sits above.
type entry struct {
	node       *yaml.Node // the key, or the item
	path       string
	line, col  int
	first      bool // first in its mapping or list
	root       bool // a key of the root mapping
	forceBlank bool // a stage after the first
	block      bool // in a block mapping or list of the source (not a flow one)
}

// fileLayout is what Format learns from the source: its entries in order,
// its comments, and where blank lines are.
type fileLayout struct {
	d        *yamledit.Doc
	lines    [][]byte
	entries  []entry
	comments []yamledit.Comment
	// nodesOnLine: every node starting on a line, for line comments.
	nodesOnLine map[int][]*yaml.Node
	paths       map[*yaml.Node]string
	flowParent  map[*yaml.Node]*yaml.Node // the list written [a, b] that holds a node
	// flow: the lists fmt writes [a, b] (see decideFlow)
	flow map[*yaml.Node]bool
	// results of attach
	head        map[*yaml.Node][]string
	line        map[*yaml.Node]string
	trailing    []string
	leading     []string
	place       []string // per comment: where attach put it
	byPlacement map[string]yamledit.Comment
	errLine     int
}

func layout(d *yamledit.Doc, data []byte) (*fileLayout, error) {
	cs, ok := d.Comments()
	if !ok {
		return nil, errors.New("a value's end could not be found (an anchor or tag on it?), so its comments cannot be placed")
	}
	l := &fileLayout{d: d, lines: journey.Lines(data), comments: cs, nodesOnLine: map[int][]*yaml.Node{},
		paths: map[*yaml.Node]string{}, flowParent: map[*yaml.Node]*yaml.Node{}}
	// Paths and what stands on each line matter only for comments.
	full := len(cs) > 0
	var walk func(n *yaml.Node, path string, flow *yaml.Node, stages bool)
	walk = func(n *yaml.Node, path string, flow *yaml.Node, stages bool) {
		if flow != nil {
			l.flowParent[n] = flow
		} else if l.flow[n] {
			flow = n
		}
		if full {
			l.paths[n] = path
			l.nodesOnLine[n.Line] = append(l.nodesOnLine[n.Line], n)
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := ""
				if full {
					p = path + "/" + k.Value
					l.paths[k] = p + "#key"
					l.nodesOnLine[k.Line] = append(l.nodesOnLine[k.Line], k)
				}
				if flow == nil {
					l.entries = append(l.entries, entry{node: k, path: p, line: k.Line, col: k.Column, first: i == 0, root: n == d.Root(),
						block: n.Style&yaml.FlowStyle == 0})
				}
				walk(v, p, flow, n == d.Root() && k.Value == "stages")
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := ""
				if full {
					p = path + "/" + strconv.Itoa(i)
				}
				if flow == nil {
					l.entries = append(l.entries, entry{node: c, path: p, line: c.Line, col: c.Column, first: i == 0,
						forceBlank: stages && i > 0, block: n.Style&yaml.FlowStyle == 0})
				}
				walk(c, p, flow, false)
			}
		}
	}
	l.flow = map[*yaml.Node]bool{}
	l.decideFlow(d.Root(), 0)
	walk(d.Root(), "", nil, false)
	slices.SortStableFunc(l.entries, func(a, b entry) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return a.col - b.col
	})
	return l, nil
}

func (l *fileLayout) blank(line int) bool {
	return line >= 1 && line <= len(l.lines) && len(bytes.TrimSpace(l.lines[line-1])) == 0
}

// attach decides where each comment goes: head comments (with blank-line
// marks) on entries, line comments on nodes, the rest trailing.
func (l *fileLayout) attach() error {
	l.head = map[*yaml.Node][]string{}
	l.line = map[*yaml.Node]string{}
	l.trailing, l.leading = nil, nil
	l.place = make([]string, len(l.comments))
	l.byPlacement = map[string]yamledit.Comment{}
	e := 0 // next entry at or after the comment
	var group []string
	groupStart, prevLine := 0, 0
	flush := func(target *entry) {
		if target == nil {
			if len(group) > 0 && l.blank(groupStart-1) && groupStart > 1 {
				group = append([]string{blankMark}, group...)
			}
			l.trailing = append(l.trailing, group...)
		} else {
			lines := group
			start := target.line
			if len(group) > 0 {
				start = groupStart
				if l.blank(target.line - 1) {
					lines = append(lines, blankMark)
				}
			}
			if !target.first && (target.forceBlank || l.blank(start-1) && target.line != prevLine) {
				lines = append([]string{blankMark}, lines...)
			}
			if len(lines) > 0 && target.first && target.root {
				// Above the first key: the file's own head, which stays
				// at the top whatever key comes first.
				l.leading = append(l.leading, lines...)
			} else if len(lines) > 0 {
				l.head[target.node] = append(l.head[target.node], lines...)
			}
		}
		group = nil
		if target != nil {
			prevLine = target.line
		}
	}
	for i, c := range l.comments {
		for e < len(l.entries) && l.entries[e].line < c.Line {
			flush(&l.entries[e]) // an entry with no comment group above it
			e++
		}
		if c.OwnLine {
			if len(group) == 0 {
				groupStart = c.Line
			} else if l.blank(c.Line - 1) {
				group = append(group, blankMark)
			}
			group = append(group, c.Text)
			where := "end"
			if e < len(l.entries) {
				where = l.entries[e].path
				if l.entries[e].first && l.entries[e].root {
					where = "top"
				}
			}
			l.place[i] = "head " + where + " " + c.Text
			continue
		}
		// After a value on its line: the node written last before it.
		var target *yaml.Node
		for _, n := range l.nodesOnLine[c.Line] {
			if n.Column < c.Col && (target == nil || n.Column > target.Column) {
				target = n
			}
		}
		if target == nil {
			l.errLine = c.Line
			return fmt.Errorf("cannot tell what comment %q belongs to", c.Text)
		}
		if f := l.flowParent[target]; f != nil && l.flow[f] {
			target = f
		}
		if l.line[target] != "" {
			l.errLine = c.Line
			return fmt.Errorf("comment %q shares its value with another comment", c.Text)
		}
		l.line[target] = c.Text
		l.place[i] = "line " + l.paths[target] + " " + c.Text
	}
	for ; e < len(l.entries); e++ {
		flush(&l.entries[e])
	}
	if len(group) > 0 {
		flush(nil)
	}
	for n, lines := range l.head {
		n.HeadComment = strings.Join(lines, "\n")
	}
	for n, t := range l.line {
		n.LineComment = t
	}
	for i, c := range l.comments {
		l.byPlacement[l.place[i]] = c
	}
	return nil
}

// placements are the comments' places, sorted, for comparing input and
// output.
func (l *fileLayout) placements() []string {
	out := slices.Clone(l.place)
	slices.Sort(out)
	return out
}

func clearComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		clearComments(c)
	}
}

// attachedCommentLines counts the comment lines yaml.v3 attached to nodes.
func attachedCommentLines(n *yaml.Node) int {
	count := 0
	for _, s := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				count++
			}
		}
	}
	for _, c := range n.Content {
		count += attachedCommentLines(c)
	}
	return count
}

// decideFlow picks the lists written on one line, [a, b]: an empty list,
// or one-line scalars with no comment among them whose line stays within
// maxFlowWidth. col is the column n's mapping keys (or list dashes) start at.
func (l *fileLayout) decideFlow(n *yaml.Node, col int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.SequenceNode && l.flowList(v, col+utf8.RuneCountInString(k.Value)+2) {
				l.flow[v] = true
				continue
			}
			l.decideFlow(v, col+2)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.SequenceNode && l.flowList(c, col+2) {
				l.flow[c] = true
				continue
			}
			l.decideFlow(c, col+2)
		}
	}
}

func (l *fileLayout) flowList(n *yaml.Node, width int) bool {
	if len(n.Content) == 0 {
		return true
	}
	w := width + 2
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 ||
			strings.ContainsAny(c.Value, "\n\r") || c.Anchor != "" {
			return false
		}
		w += utf8.RuneCountInString(c.Value) + 2
	}
	if w > maxFlowWidth {
		return false
	}
	if len(l.comments) == 0 {
		return true
	}
	start, end, ok := l.d.Offset(n)
	if !ok {
		return false
	}
	for _, c := range l.comments {
		if c.Off >= start && c.Off < end {
			return false
		}
	}
	return true
}

// restyle sets the canonical styles: block mappings, the flow lists of
// decideFlow, scalars plain unless YAML needs quotes (the encoder quotes
// those).
func restyle(n *yaml.Node, flow map[*yaml.Node]bool, inFlow bool) {
	restyleNode(n, flow, inFlow, false)
}

func restyleNode(n *yaml.Node, flow map[*yaml.Node]bool, inFlow, isKey bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) != 0 || n.ShortTag() != "!!str" {
			return
		}
		if needsQuotes(n.Value, inFlow) && !(isKey && !keyNeedsQuotes(n.Value)) {
			n.Style = yaml.DoubleQuotedStyle
		} else {
			n.Style = 0
		}
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle
			return
		}
		n.Style &^= yaml.FlowStyle
		for i := 0; i+1 < len(n.Content); i += 2 {
			restyleNode(n.Content[i], flow, false, true)
			restyleNode(n.Content[i+1], flow, false, false)
		}
	case yaml.SequenceNode:
		if flow[n] {
			n.Style |= yaml.FlowStyle
		} else {
			n.Style &^= yaml.FlowStyle
		}
		for _, c := range n.Content {
			restyle(c, flow, flow[n])
		}
	}
}

// finish turns blank-line marks into blank lines, refolds long lines of
// folded scalars, and adds the leading and trailing comments.
func finish(out []byte, leading, trailing []string) []byte {
	lines := strings.SplitAfter(string(out), "\n")
	var b strings.Builder
	for _, t := range leading {
		if t == blankMark {
			b.WriteString("\n")
		} else {
			b.WriteString(t + "\n")
		}
	}
	// Block scalar being written: the header's indentation, its content's,
	// whether it is folded and whether it keeps trailing blank lines.
	header, content := -1, -1
	folded, keep := false, false
	blanks := 0 // blank lines not yet written
	flushBlanks := func(inScalar bool) {
		if blanks > 0 && !inScalar && !keep {
			blanks = 1 // outside a scalar, one blank line at most
		}
		b.WriteString(strings.Repeat("\n", blanks))
		blanks = 0
	}
	for _, line := range lines {
		if line == "" {
			continue
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed == blankMark {
			blanks++
			continue
		}
		ind := len(line) - len(strings.TrimLeft(line, " "))
		inScalar := false
		if header >= 0 {
			if ind <= header || (content >= 0 && ind < content) {
				header, content, keep = -1, -1, false
			} else {
				inScalar = true
				if content < 0 {
					content = ind
				}
			}
		}
		flushBlanks(inScalar)
		if inScalar && folded && ind == content && utf8.RuneCountInString(strings.TrimRight(line, "\n")) > maxFlowWidth {
			b.WriteString(refold(strings.TrimRight(line, "\n"), ind) + "\n")
			continue
		}
		b.WriteString(line)
		if !inScalar {
			if h, ok := blockHeader(trimmed); ok {
				header, content = ind, -1
				folded, keep = h[0] == '>', strings.Contains(h, "+")
			}
		}
	}
	flushBlanks(false)
	for _, t := range trailing {
		if t == blankMark {
			b.WriteString("\n")
		} else {
			b.WriteString(t + "\n")
		}
	}
	return []byte(b.String())
}

// blockHeader finds a block scalar's header (|, >-, |+, ...) at the end of
// a line.
func blockHeader(s string) (string, bool) {
	for _, h := range []string{"|", "|-", "|+", ">", ">-", ">+"} {
		if s == "- "+h || strings.HasSuffix(s, ": "+h) {
			return h, true
		}
	}
	return "", false
}

// refold breaks a folded scalar's long line at single spaces (a line break
// there reads back as that space).
func refold(line string, indent int) string {
	pad := strings.Repeat(" ", indent)
	words := strings.Split(line[indent:], " ")
	var out []string
	cur := ""
	for _, w := range words {
		if w == "" { // a double space: not a place to break
			cur += " "
			continue
		}
		switch {
		case cur == "":
			cur = w
		case strings.HasSuffix(cur, " ") || utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w)+indent > maxFlowWidth:
			if strings.HasSuffix(cur, " ") {
				cur += w
				continue
			}
			out = append(out, pad+cur)
			cur = w
		default:
			cur += " " + w
		}
	}
	out = append(out, pad+cur)
	return strings.Join(out, "\n")
}

// sameData reports whether two node trees hold the same data: the same
// scalars (tag and text; nulls however written), the same keys with the
// same values in any order, the same items in order. Aliases are followed
// (to a depth, as a guard).
func sameData(a, b *yaml.Node, depth int) bool {
	if depth > journey.MaxDepth*4 {
		return false
	}
	for a.Kind == yaml.AliasNode && a.Alias != nil {
		a = a.Alias
	}
	for b.Kind == yaml.AliasNode && b.Alias != nil {
		b = b.Alias
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		ta, tb := a.ShortTag(), b.ShortTag()
		return ta == tb && (ta == "!!null" || a.Value == b.Value)
	case yaml.MappingNode:
		for i := 0; i+1 < len(a.Content); i += 2 {
			v := yamlValue(b, a.Content[i].Value)
			if v == nil || !sameData(a.Content[i+1], v, depth+1) {
				return false
			}
		}
		return true
	}
	for i := range a.Content {
		if !sameData(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}

// firstDiff names the first path where two decoded values differ.
func firstDiff(a, b any, path string) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return orRoot(path)
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !yamledit.Equal(x[k], y[k]) {
				return firstDiff(x[k], y[k], path+"/"+k)
			}
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return orRoot(path)
		}
		for i := range x {
			if !yamledit.Equal(x[i], y[i]) {
				return firstDiff(x[i], y[i], path+"/"+strconv.Itoa(i))
			}
		}
	}
	return orRoot(path)
}

func orRoot(p string) string {
	if p == "" {
		return "the root"
	}
	return strings.TrimPrefix(p, "/")
}
