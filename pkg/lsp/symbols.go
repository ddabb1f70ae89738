package lsp

import (
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// symbols is the outline: stages, each with its steps and their ratings;
// then the lanes, sources and personas a file defines.
func (s *Server) symbols(uri string) any {
	d := s.docs[uri]
	out := []DocumentSymbol{}
	if d == nil || d.refused != "" {
		return out
	}
	s.ensureIndex(d)
	if d.index == nil || d.index.Root == nil {
		return out
	}
	root := d.index.Root
	sym := func(n *yaml.Node, name, detail string, kind int) DocumentSymbol {
		sel := journey.NodeRange(n)
		if id := scalarAt(n, "id"); id != nil {
			sel = journey.NodeRange(id)
		}
		return DocumentSymbol{Name: name, Detail: detail, Kind: kind, Range: rangeIn(d.lines, journey.NodeRange(n), s.utf32), SelectionRange: rangeIn(d.lines, sel, s.utf32)}
	}
	for _, st := range seqItems(mapValue(root, "stages")) {
		name := str(st, "id")
		if name == "" {
			name = "(stage)"
		}
		ss := sym(st, name, str(st, "name"), symModule)
		for _, step := range seqItems(mapValue(st, "steps")) {
			id := str(step, "id")
			if id == "" {
				id = "(step)"
			}
			detail := str(step, "rating")
			if detail == "" {
				detail = "unrated"
			}
			if str(step, "critical") == "true" {
				detail += ", critical"
			}
			if a := str(step, "action"); a != "" {
				detail += " · " + a
			}
			ss.Children = append(ss.Children, sym(step, id, detail, symEvent))
		}
		out = append(out, ss)
	}
	for _, group := range []struct {
		key    string
		kind   int
		detail func(*yaml.Node) string
	}{
		{"lanes", symField, func(n *yaml.Node) string { return str(n, "zone") + " · " + str(n, "name") }},
		{"sources", symObject, func(n *yaml.Node) string { return str(n, "title") }},
		{"personas", symClass, func(n *yaml.Node) string { return str(n, "name") }},
	} {
		v := mapValue(root, group.key)
		k := mapKey(root, group.key)
		if v == nil || k == nil {
			continue
		}
		g := DocumentSymbol{Name: group.key, Kind: symKey, Range: rangeIn(d.lines, spanOf(k, v), s.utf32), SelectionRange: rangeIn(d.lines, journey.NodeRange(k), s.utf32)}
		for _, it := range seqItems(v) {
			if id := str(it, "id"); id != "" {
				g.Children = append(g.Children, sym(it, id, group.detail(it), group.kind))
			}
		}
		out = append(out, g)
	}
	return out
}

// spanOf is from a key to the end of its value.
func spanOf(k, v *yaml.Node) journey.Range {
	a, b := journey.NodeRange(k), journey.NodeRange(v)
	return journey.Range{Line: a.Line, Col: a.Col, EndLine: b.EndLine, EndCol: b.EndCol}
}
