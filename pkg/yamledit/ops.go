package yamledit

import (
	"slices"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// Set sets the value at path, whose last element is a mapping key: a
// written value is replaced where it stands (its line comment kept), a
// missing key is added at its place in the canonical key order
// (journey.KeyOrder). value is a Go value (string, int, float64, bool, a
// slice, a map, a struct with yaml tags) or a *yaml.Node.
func (d *Doc) Set(path Path, value any) error {
	if len(path) == 0 {
		return d.errf(path, "cannot replace the whole document")
	}
	parent, err := d.resolve(path[:len(path)-1])
	if err != nil {
		return err
	}
	key := path[len(path)-1]
	n, err := d.toNode(value, d.keysOf(path))
	if err != nil {
		return d.errf(path, "%v", err)
	}
	old, i := child(parent, key)
	if parent.Kind == yaml.SequenceNode && old != nil {
		// A list item replaced: spliced when both are written on one line.
		var sp []splice
		oe := d.ix().ext[old]
		text, one := inline(n)
		ok := oe.ok && (one || !oe.inFlow)
		if ok && !one {
			pad := strings.Repeat(" ", parent.Column-1+2)
			b, err := block(n, len(pad))
			ok = err == nil
			text = d.nl(strings.TrimSuffix(strings.TrimPrefix(b, pad), "\n"))
		}
		if ok {
			sp = []splice{{oe.start, oe.end, text}}
		}
		parent.Content[i] = n
		return d.commit(sp, ok)
	}
	if parent.Kind != yaml.MappingNode {
		return d.errf(path[:len(path)-1], "is not a mapping")
	}
	if old == nil {
		return d.insertKey(path, parent, key, n)
	}
	sp, ok := d.replaceValue(parent.Content[i-1], old, n)
	n.LineComment = old.LineComment
	if n.Kind != yaml.ScalarNode {
		n.LineComment = ""
	}
	parent.Content[i] = n
	return d.commit(sp, ok)
}

// replaceValue is the splice that writes n over the value old of key k.
func (d *Doc) replaceValue(k, old, n *yaml.Node) ([]splice, bool) {
	oe, ke := d.ix().ext[old], d.ix().ext[k]
	if !oe.ok || !ke.ok {
		return nil, false
	}
	text, one := inline(n)
	oldBlock := (old.Kind == yaml.MappingNode || old.Kind == yaml.SequenceNode) && old.Style&yaml.FlowStyle == 0 && len(old.Content) > 0
	if one && !oldBlock {
		if old.Tag == "!!null" && old.Value == "" {
			text = " " + text // "key:" had nothing after the colon
		}
		return []splice{{oe.start, oe.end, text}}, true
	}
	if oe.inFlow {
		return nil, false
	}
	// From just after the key's colon to the end of the old value.
	colon := ke.end
	for colon < len(d.src) && d.src[colon] != ':' {
		colon++
	}
	if one {
		return []splice{{colon + 1, oe.end, " " + text}}, true
	}
	b, err := block(n, d.childIndent(k))
	if err != nil {
		return nil, false
	}
	return []splice{{colon + 1, oe.end, d.nl("\n" + strings.TrimSuffix(b, "\n"))}}, true
}

// childIndent is the indentation of a block value under key k: two spaces
// more than the key.
func (d *Doc) childIndent(k *yaml.Node) int { return k.Column - 1 + 2 }

// insertKey adds key: n to mapping m at its place in the canonical order.
func (d *Doc) insertKey(path Path, m *yaml.Node, key string, n *yaml.Node) error {
	if len(m.Content) == 0 && len(path) > 1 {
		// {} becomes a block mapping of one key.
		nm := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, n}}
		return d.Set(path[:len(path)-1], nm)
	}
	order := orderFor(d, path[:len(path)-1])
	rank := func(k string) int {
		if r := slices.Index(order, k); r >= 0 {
			return r
		}
		return len(order)
	}
	at := len(m.Content) // index in m.Content to insert the pair at
	for i := 0; i+1 < len(m.Content); i += 2 {
		if rank(m.Content[i].Value) > rank(key) {
			at = i
			break
		}
	}
	kn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	sp, ok := d.insertKeyText(m, at, kn, n)
	m.Content = slices.Insert(m.Content, at, kn, n)
	return d.commit(sp, ok)
}

func orderFor(d *Doc, path Path) []string {
	return journey.KeyOrderAt(d.keysOf(path), d.IsCatalog())
}

func (d *Doc) insertKeyText(m *yaml.Node, at int, k, n *yaml.Node) ([]splice, bool) {
	me := d.ix().ext[m]
	if m.Style&yaml.FlowStyle != 0 || me.inFlow {
		return d.reflow(m, func(c *yaml.Node) { c.Content = slices.Insert(c.Content, at, k, n) })
	}
	if !me.ok || len(m.Content) == 0 {
		return nil, false
	}
	col := m.Content[0].Column - 1
	ktext, ok := inline(k)
	if !ok {
		return nil, false
	}
	entry := ktext + ":"
	if text, one := inline(n); one {
		entry += " " + text + "\n"
	} else {
		b, err := block(n, col+2)
		if err != nil {
			return nil, false
		}
		entry += "\n" + b
	}
	if at == 0 {
		// Before the first key, at its column (it may follow "- ").
		first := m.Content[0]
		off := d.ix().src.nodeOffset(first)
		return []splice{{off, off, d.nl(entry + strings.Repeat(" ", col))}}, true
	}
	prev := m.Content[at-1]
	pe := d.ix().ext[prev]
	off, br := d.afterLine(pe.end)
	return []splice{{off, off, d.nl(br + strings.Repeat(" ", col) + entry)}}, true
}

// Append adds value as the last item of the list at path; a missing or
// empty key becomes a list of that one item.
func (d *Doc) Append(path Path, value any) error {
	seq, err := d.resolve(path)
	if err != nil || seq.Kind == yaml.ScalarNode && seq.Tag == "!!null" {
		return d.Set(path, []any{value})
	}
	if seq.Kind != yaml.SequenceNode {
		return d.errf(path, "is not a list")
	}
	n, err := d.toNode(value, d.keysOf(path))
	if err != nil {
		return d.errf(path, "%v", err)
	}
	var sp []splice
	ok := false
	se := d.ix().ext[seq]
	switch {
	case len(seq.Content) == 0 || seq.Style&yaml.FlowStyle != 0 || se.inFlow:
		sp, ok = d.reflow(seq, func(c *yaml.Node) { c.Content = append(c.Content, n) })
	case se.ok:
		last := seq.Content[len(seq.Content)-1]
		off, br := d.afterLine(d.ix().ext[last].end)
		dash := seq.Column - 1
		var item string
		if text, one := inline(n); one {
			item = "- " + text + "\n"
		} else if b, err := block(n, dash+2); err == nil {
			item = "- " + strings.TrimPrefix(b, strings.Repeat(" ", dash+2))
		}
		if item != "" {
			sp, ok = []splice{{off, off, d.nl(br + strings.Repeat(" ", dash) + item)}}, true
		}
	}
	seq.Content = append(seq.Content, n)
	return d.commit(sp, ok)
}

// reflow rewrites a flow collection (no comments inside) after edit.
func (d *Doc) reflow(c *yaml.Node, edit func(*yaml.Node)) ([]splice, bool) {
	ce := d.ix().ext[c]
	if !ce.ok || hasComments(c) {
		return nil, false
	}
	cp := *c
	cp.Content = slices.Clone(c.Content)
	edit(&cp)
	cp.Style |= yaml.FlowStyle
	text, one := inline(&cp)
	if !one {
		return nil, false
	}
	return []splice{{ce.start, ce.end, text}}, true
}

// hasComments reports whether a comment is attached inside n (its own line
// comment, after it, does not count).
func hasComments(n *yaml.Node) bool {
	for _, c := range n.Content {
		if c.HeadComment != "" || c.LineComment != "" || c.FootComment != "" || hasComments(c) {
			return true
		}
	}
	return n.HeadComment != "" || n.FootComment != ""
}

// Remove deletes the mapping key or list item at path, with the lines it
// is written on (comments above it stay). Removing the last item of a list
// leaves an empty list ([]).
func (d *Doc) Remove(path Path) error {
	if len(path) == 0 {
		return d.errf(path, "cannot remove the whole document")
	}
	parent, err := d.resolve(path[:len(path)-1])
	if err != nil {
		return err
	}
	n, i := child(parent, path[len(path)-1])
	if n == nil {
		return d.errf(path, "not found")
	}
	first := n // the node written first: the key, for a mapping entry
	if parent.Kind == yaml.MappingNode {
		first = parent.Content[i-1]
	}
	pe := d.ix().ext[parent]
	var sp []splice
	ok := false
	count := len(parent.Content)
	if parent.Kind == yaml.MappingNode {
		count /= 2
	}
	switch {
	case count == 1 && parent.Kind == yaml.SequenceNode:
		return d.Set(path[:len(path)-1], []any{})
	case count == 1:
		return d.Set(path[:len(path)-1], map[string]any{})
	case parent.Style&yaml.FlowStyle != 0 || pe.inFlow:
		sp, ok = d.reflow(parent, func(c *yaml.Node) { c.Content = removeAt(c.Content, parent.Kind, i) })
	case pe.ok && count > 1:
		src := d.ix().src
		fe, ne := d.ix().ext[first], d.ix().ext[n]
		startLine := src.lineOf(fe.start)
		if src.indentOf(startLine) == first.Column-1 && parent.Kind == yaml.MappingNode || parent.Kind == yaml.SequenceNode && src.indentOf(startLine) == parent.Column-1 {
			// The entry begins its line: remove whole lines.
			end, _ := d.afterLine(ne.end)
			sp, ok = []splice{{src.lineStart(startLine), end, ""}}, true
		} else if parent.Kind == yaml.MappingNode && i+1 < len(parent.Content) {
			// The first key after "- ": the next key moves up to it.
			next := d.ix().ext[parent.Content[i+1]]
			sp, ok = []splice{{fe.start, next.start, ""}}, true
		}
	}
	parent.Content = removeAt(parent.Content, parent.Kind, i)
	return d.commit(sp, ok)
}

func removeAt(c []*yaml.Node, kind yaml.Kind, i int) []*yaml.Node {
	if kind == yaml.MappingNode {
		return slices.Delete(slices.Clone(c), i-1, i+1)
	}
	return slices.Delete(slices.Clone(c), i, i+1)
}

// idRefs are, for each kind of id, the paths ("*" any key or item) where
// that id is defined or referred to.
var idRefs = map[string][]string{
	"step":        {"stages/*/steps/*/id", "stages/*/steps/*/next/*"},
	"stage":       {"stages/*/id"},
	"lane":        {"lanes/*/id", "stages/*/steps/*/touchpoints/*/lane", "stages/*/steps/*/backstage/*/lane"},
	"persona":     {"personas/*/id", "stages/*/steps/*/personas/*", "stages/*/steps/*/quotes/*/persona"},
	"opportunity": {"stages/*/steps/*/opportunities/*/id"},
	"source": {"sources/*/id", "stages/*/steps/*/sources/*", "stages/*/steps/*/quotes/*/source",
		"stages/*/steps/*/metrics/*/sources/*", "kpis/*/sources/*"},
}

// IDKinds are the kinds RenameID knows.
func IDKinds() []string {
	var out []string
	for k := range idRefs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// RenameID renames the id old of kind (step, stage, lane, persona, source,
// opportunity) to new where it is defined and everywhere the file refers to
// it, and returns how many places changed. (References from other files,
// journeys using a catalog, are the caller's to rename.)
func (d *Doc) RenameID(kind, old, new string) (int, error) {
	pats, ok := idRefs[kind]
	if !ok {
		return 0, d.errf(nil, "unknown id kind %q (one of %s)", kind, strings.Join(IDKinds(), ", "))
	}
	var hits []*yaml.Node
	for _, p := range pats {
		match(d.Root(), strings.Split(p, "/"), func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && n.Value == old {
				hits = append(hits, n)
			}
		})
	}
	if len(hits) == 0 {
		return 0, nil
	}
	nv := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: new}
	text, one := inline(nv)
	ok = one
	var sp []splice
	for _, h := range hits {
		e := d.ix().ext[h]
		if !e.ok {
			ok = false
		}
		sp = append(sp, splice{e.start, e.end, text})
		h.Value, h.Style, h.Tag = new, 0, "!!str"
	}
	return len(hits), d.commit(sp, ok)
}

func match(n *yaml.Node, pat []string, f func(*yaml.Node)) {
	if len(pat) == 0 {
		f(n)
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if pat[0] == "*" || n.Content[i].Value == pat[0] {
				match(n.Content[i+1], pat[1:], f)
			}
		}
	case yaml.SequenceNode:
		if pat[0] == "*" {
			for _, c := range n.Content {
				match(c, pat[1:], f)
			}
		}
	}
}
