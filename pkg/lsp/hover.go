package lsp

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// nodeAt finds the scalar at a 1-based line and column in the tree: a key
// (isKey) or a value, with the path of keys to the mapping that holds it.
func nodeAt(n *yaml.Node, line, col int, path []string) (p []string, key, val *yaml.Node, isKey bool) {
	if n == nil {
		return nil, nil, nil, false
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if contains(journey.NodeRange(k), line, col) {
				return path, k, v, true
			}
			if v.Kind == yaml.ScalarNode && contains(journey.NodeRange(v), line, col) {
				return path, k, v, false
			}
			if (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && contains(journey.NodeRange(v), line, col) {
				if p, kk, vv, ik := nodeAt(v, line, col, append(append([]string(nil), path...), k.Value)); kk != nil || vv != nil {
					return p, kk, vv, ik
				}
			}
		}
	case yaml.SequenceNode:
		for _, it := range n.Content {
			r := journey.NodeRange(it)
			if !contains(r, line, col) {
				continue
			}
			if it.Kind == yaml.ScalarNode {
				// An item of a list of scalars: the list's key is the
				// last of path.
				if len(path) == 0 {
					return nil, nil, nil, false
				}
				return path[:len(path)-1], &yaml.Node{Kind: yaml.ScalarNode, Value: path[len(path)-1]}, it, false
			}
			return nodeAt(it, line, col, append(append([]string(nil), path...), "[]"))
		}
	}
	return nil, nil, nil, false
}

func (s *Server) hover(p *textDocumentPositionParams) any {
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.refused != "" {
		return nil
	}
	s.ensureIndex(d)
	if d.index == nil {
		return nil
	}
	line := p.Position.Line + 1
	col := cpCol(d.line(p.Position.Line), p.Position.Character, s.utf32)
	// An id, defined or used here.
	if o, ok := d.index.at(line, col); ok {
		r := rangeIn(d.lines, o.At, s.utf32)
		if o.Def && o.Kind == kStep {
			return hover{Contents: markupContent{Kind: "markdown", Value: s.stepHover(d, o)}, Range: &r}
		}
		e, ok := s.resolve(d, o)
		if !ok {
			return hover{Contents: markupContent{Kind: "markdown", Value: fmt.Sprintf("%s `%s` is not defined in this journey or its catalogs", o.Kind, o.ID)}, Range: &r}
		}
		return hover{Contents: markupContent{Kind: "markdown", Value: s.describe(e)}, Range: &r}
	}
	// A key: its description from the schema.
	path, k, _, isKey := nodeAt(d.index.Root, line, col, nil)
	if k == nil || !isKey {
		return nil
	}
	root, cat := schemas()
	if d.index.Catalog {
		root = cat
	}
	sch := root.at(append(path, k.Value))
	if sch == nil {
		return nil
	}
	var b strings.Builder
	if sch.Title != "" {
		fmt.Fprintf(&b, "**%s** (`%s`)\n\n", sch.Title, k.Value)
	}
	b.WriteString(sch.Description)
	if len(sch.Enum) > 0 {
		fmt.Fprintf(&b, "\n\nOne of: %s", "`"+strings.Join(sch.Enum, "`, `")+"`")
	}
	r := rangeIn(d.lines, journey.NodeRange(k), s.utf32)
	return hover{Contents: markupContent{Kind: "markdown", Value: b.String()}, Range: &r}
}

// resolve finds what an occurrence names: itself when a definition, else
// the definition in the journey or its catalogs.
func (s *Server) resolve(d *document, o occurrence) (entity, bool) {
	if o.Def {
		if d.index.Catalog {
			for _, e := range s.catalogEntities(d.abs) {
				if e.Kind == o.Kind && e.ID == o.ID {
					return e, true
				}
			}
		}
		return entityOf(d.abs, o), true
	}
	return s.find(d, o.Kind, o.ID)
}

// describe says in Markdown what an entity is.
func (s *Server) describe(e entity) string {
	var b strings.Builder
	where := display(e.Abs)
	switch e.Kind {
	case kLane:
		fmt.Fprintf(&b, "**lane `%s`**: %s\n\n", e.ID, e.Name)
		fmt.Fprintf(&b, "- zone: %s\n", e.Zone)
		if e.Channel != "" {
			fmt.Fprintf(&b, "- channel: %s\n", e.Channel)
		}
	case kSource:
		fmt.Fprintf(&b, "**source `%s`**: %s\n\n", e.ID, e.Title)
		for _, kv := range [][2]string{{"kind", e.SrcKind}, {"date", e.Date}, {"n", e.N}, {"url", e.URL}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "- %s: %s\n", kv[0], kv[1])
			}
		}
	case kPersona:
		fmt.Fprintf(&b, "**persona `%s`**: %s\n\n", e.ID, e.Name)
		if e.Goal != "" {
			fmt.Fprintf(&b, "- goal: %s\n", e.Goal)
		}
	case kStep:
		fmt.Fprintf(&b, "**step `%s`**: %s\n\n", e.ID, e.Action)
		if e.Stage != "" {
			fmt.Fprintf(&b, "- stage: %s\n", e.Stage)
		}
	case kStage:
		fmt.Fprintf(&b, "**stage `%s`**: %s\n", e.ID, str(e.Node, "name"))
	case kOpportunity:
		fmt.Fprintf(&b, "**opportunity `%s`**: %s\n\n", e.ID, e.Name)
		for _, k := range []string{"owner", "priority", "status"} {
			if v := str(e.Node, k); v != "" {
				fmt.Fprintf(&b, "- %s: %s\n", k, v)
			}
		}
	}
	if e.Catalog != "" {
		fmt.Fprintf(&b, "\nfrom catalog `%s` (%s:%d)", e.Catalog, filepath.ToSlash(where), e.At.Line)
	} else {
		fmt.Fprintf(&b, "\ndefined at %s:%d", filepath.ToSlash(where), e.At.Line)
	}
	return b.String()
}

// stepHover: a step's rating, critical, time and the findings on it.
func (s *Server) stepHover(d *document, o occurrence) string {
	n := o.Node
	var b strings.Builder
	fmt.Fprintf(&b, "**step `%s`**: %s\n\n", o.ID, str(n, "action"))
	if o.Stage != "" {
		fmt.Fprintf(&b, "- stage: %s\n", o.Stage)
	}
	rating := str(n, "rating")
	if rating == "" {
		rating = "not rated"
	}
	fmt.Fprintf(&b, "- rating: %s\n", rating)
	crit := str(n, "critical")
	if crit == "" {
		crit = "false"
	}
	fmt.Fprintf(&b, "- critical: %s\n", crit)
	if t := str(n, "duration"); t != "" {
		fmt.Fprintf(&b, "- time: %s\n", t)
	} else {
		b.WriteString("- time: no duration\n")
	}
	r := journey.NodeRange(n)
	var found []string
	for _, f := range d.findings[d.abs] {
		if f.Line >= r.Line && f.Line <= r.EndLine {
			found = append(found, fmt.Sprintf("- %s `%s` (line %d): %s", f.Level, f.Rule, f.Line, f.Message))
		}
	}
	if len(found) == 0 {
		b.WriteString("\nNo findings on this step.")
	} else {
		fmt.Fprintf(&b, "\nFindings on this step:\n%s", strings.Join(found, "\n"))
	}
	return b.String()
}
