package lsp

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

func (s *Server) completion(p *textDocumentPositionParams) any {
	empty := completionList{Items: []CompletionItem{}}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.refused != "" {
		return empty
	}
	// The ids come from the last check's index (at most a debounce old,
	// or the last good one while the YAML is broken): completion itself
	// does not parse; the place at the cursor is read from the text.
	if d.index == nil {
		s.ensureIndex(d)
	}
	line := d.line(p.Position.Line)
	col := cpCol(line, p.Position.Character, s.utf32) - 1
	c := cursorAt(d.lines, p.Position.Line, col)
	if c == nil {
		return empty
	}
	root, cat := schemas()
	isCatalog := d.index != nil && d.index.Catalog
	if isCatalog {
		root = cat
	}
	// The edit replaces the word at the cursor, up to its end.
	end := col
	for _, r := range []rune(line)[col:] {
		if r == ' ' || r == ',' || r == ']' || r == '#' || r == '"' || r == '\'' || r == ':' {
			break
		}
		end++
	}
	edit := func(text string) *TextEdit {
		r := rangeIn(d.lines, journey.Range{Line: c.line + 1, Col: c.start + 1, EndLine: c.line + 1, EndCol: end + 1}, s.utf32)
		return &TextEdit{Range: r, NewText: text}
	}
	var items []CompletionItem
	add := func(it CompletionItem) {
		if it.TextEdit == nil {
			text := it.InsertText
			if text == "" {
				text = it.Label
			}
			it.TextEdit = edit(text)
			it.InsertText = ""
		}
		if it.FilterText == "" {
			it.FilterText = it.Label
		}
		items = append(items, it)
	}
	switch {
	case c.value:
		s.valueItems(d, c, root, c.path, c.key, c.item, add)
	case c.item && !c.bareDash:
		// "- par": a scalar item, or the first key of a mapping item.
		owner, parent := listOwner(c.path)
		sch := root.at(c.path)
		if sch != nil && sch.is("object") {
			s.keyItems(c, sch, add)
		} else if owner != "" {
			s.valueItems(d, c, root, parent, owner, true, add)
		}
	default:
		sch := root.at(c.path)
		if sch == nil {
			break
		}
		if sch.is("array") && sch.Items != nil && c.onlySpace {
			// At the column of a list's dashes: a new item.
			s.snippetItems(c, true, add)
			break
		}
		if c.bareDash && !sch.is("object") {
			owner, parent := listOwner(c.path)
			if owner != "" {
				s.valueItems(d, c, root, parent, owner, true, add)
			}
			break
		}
		if sch.is("object") {
			if c.bareDash {
				s.snippetItems(c, false, add)
			}
			s.keyItems(c, sch, add)
		}
	}
	if items == nil {
		items = []CompletionItem{}
	}
	return completionList{Items: items}
}

// listOwner splits a path ending in a list item into the list's key and
// the path of the mapping that holds it.
func listOwner(path []string) (key string, parent []string) {
	i := len(path) - 1
	for i >= 0 && path[i] == "[]" {
		i--
	}
	if i < 0 {
		return "", nil
	}
	return path[i], path[:i]
}

// keyItems proposes the keys the mapping at the cursor may still take.
func (s *Server) keyItems(c *cursor, sch *schemaNode, add func(CompletionItem)) {
	for i, k := range sch.Props {
		if c.siblings[k] {
			continue
		}
		sub := sch.Prop[k]
		detail := sub.Title
		if sch.Required[k] {
			detail += " (required)"
		}
		add(CompletionItem{
			Label: k, Kind: kindProperty, Detail: detail, Documentation: markdown(sub.Description),
			SortText: fmt.Sprintf("%03d", i), InsertText: k + ": ",
		})
	}
}

// valueItems proposes values of key (in the mapping at path): enum values,
// booleans, and the ids that may stand there.
func (s *Server) valueItems(d *document, c *cursor, root *schemaNode, path []string, key string, item bool, add func(CompletionItem)) {
	field := root.at(append(append([]string(nil), path...), key))
	if field == nil {
		return
	}
	val := field
	if field.is("array") && field.Items != nil {
		val = field.Items
	}
	for _, e := range val.Enum {
		add(CompletionItem{Label: e, Kind: kindEnumMem, Detail: field.Title, Documentation: markdown(field.Description)})
	}
	if val.is("boolean") {
		for _, b := range []string{"true", "false"} {
			add(CompletionItem{Label: b, Kind: kindValue, Detail: field.Title})
		}
	}
	if val.is("object") {
		return
	}
	if key == "uses" && len(path) == 0 {
		s.catalogPathItems(d, field, item, add)
		return
	}
	wrap := func(id string) string {
		if field.is("array") && !item {
			return "[" + id + "]"
		}
		return id
	}
	if kind := kindForField(path, key); kind != "" {
		zone := ""
		if kind == kLane && len(path) > 0 {
			if owner, _ := listOwner(path); owner == "touchpoints" {
				zone = journey.Frontstage
			} else if owner == "backstage" {
				zone = "back"
			}
		}
		for i, e := range s.entities(d) {
			if e.Kind != kind {
				continue
			}
			if zone == journey.Frontstage && e.Zone != "" && e.Zone != journey.Frontstage {
				continue
			}
			if zone == "back" && e.Zone == journey.Frontstage {
				continue
			}
			add(CompletionItem{
				Label: e.ID, Kind: kindReference, Detail: entityDetail(e), Documentation: markdown(s.describe(e)),
				LabelDetails: &labelDetails{Description: entityShort(e)},
				SortText:     fmt.Sprintf("%04d", i), InsertText: wrap(e.ID),
			})
		}
		return
	}
	// A step or opportunity id in a future state: the baseline's ids, so
	// that diff pairs them.
	if key == "id" && d.index != nil && d.index.Baseline != nil {
		owner, _ := listOwner(path)
		kind := map[string]string{"steps": kStep, "opportunities": kOpportunity, "stages": kStage}[owner]
		if kind == "" {
			return
		}
		bx := s.fileIndex(d.index.Baseline.Abs)
		if bx == nil {
			return
		}
		used := map[string]bool{}
		for _, o := range d.index.defs(kind) {
			used[o.ID] = true
		}
		for _, o := range bx.defs(kind) {
			if used[o.ID] {
				continue
			}
			e := entityOf(bx.Abs, o)
			add(CompletionItem{Label: o.ID, Kind: kindReference, Detail: "from the baseline: " + entityShort(e), Documentation: markdown(s.describe(e))})
		}
	}
}

// snippetItems proposes a new step or stage where one may start.
func (s *Server) snippetItems(c *cursor, withDash bool, add func(CompletionItem)) {
	path := strings.Join(c.path, "/")
	var name, body string
	switch {
	case path == "stages/[]/steps/[]" && !withDash, path == "stages/[]/steps" && withDash:
		name = "new step"
		body = "id: ${1:new-step}\naction: ${2:What the customer does}\nduration: ${3:1d}\ntouchpoints:\n  - lane: ${4}\n    does: ${5}\nbackstage:\n  - lane: ${6}\n    does: ${7}\nrating: ${8|green,yellow,red|}\n"
	case path == "stages/[]" && !withDash, path == "stages" && withDash:
		name = "new stage"
		body = "id: ${1:new-stage}\nname: ${2:Stage name}\nsteps:\n  - id: ${3:first-step}\n    action: ${4:What the customer does}\n"
	default:
		return
	}
	indent := strings.Repeat(" ", c.keyCol)
	if withDash {
		body = "- " + strings.ReplaceAll(strings.TrimSuffix(body, "\n"), "\n", "\n  ")
	} else {
		body = strings.TrimSuffix(body, "\n")
	}
	body = strings.ReplaceAll(body, "\n", "\n"+indent)
	format := 2
	if !s.snippets {
		body = plainSnippet(body)
		format = 1
	}
	add(CompletionItem{Label: name, Kind: kindSnippet, Detail: "cxmap: " + name, InsertText: body, InsertTextFormat: format, SortText: "!"})
}

// plainSnippet drops the placeholders of a snippet for a client without
// snippet support: ${1:x} becomes x, ${2|a,b|} becomes a.
func plainSnippet(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '$' && i+1 < len(s) && s[i+1] == '{' {
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				break
			}
			inner := s[i+2 : i+end]
			if j := strings.IndexAny(inner, ":|"); j >= 0 {
				v := inner[j+1:]
				if inner[j] == '|' {
					v = strings.SplitN(strings.TrimSuffix(v, "|"), ",", 2)[0]
				}
				b.WriteString(v)
			}
			i += end
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func markdown(s string) *markupContent {
	if s == "" {
		return nil
	}
	return &markupContent{Kind: "markdown", Value: s}
}

// entityShort is one line about an entity, for a completion list.
func entityShort(e entity) string {
	var parts []string
	switch e.Kind {
	case kLane:
		parts = append(parts, e.Zone)
		if e.Channel != "" {
			parts = append(parts, e.Channel)
		}
	case kSource:
		parts = append(parts, e.SrcKind)
		if e.Date != "" {
			parts = append(parts, e.Date)
		}
		if e.N != "" {
			parts = append(parts, "n="+e.N)
		}
	case kPersona:
		parts = append(parts, e.Name)
	case kStep:
		parts = append(parts, e.Stage)
	}
	if e.Catalog != "" {
		parts = append(parts, "catalog "+e.Catalog)
	}
	return strings.Join(nonEmpty(parts), " · ")
}

func entityDetail(e entity) string {
	switch e.Kind {
	case kLane, kPersona:
		return e.Name
	case kSource:
		return e.Title
	case kStep:
		return e.Action
	case kOpportunity:
		return e.Name
	}
	return ""
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// catalogPathItems proposes the catalogs of the workspace folder a journey
// does not use yet, as paths relative to it.
func (s *Server) catalogPathItems(d *document, field *schemaNode, item bool, add func(CompletionItem)) {
	used := map[string]bool{}
	if d.index != nil {
		for _, u := range d.index.Uses {
			used[filepath.Clean(u.Abs)] = true
		}
	}
	ws := s.workspaceFor(d.abs)
	var paths []string
	for p, f := range ws.files {
		if f.index != nil && f.index.Catalog && !used[filepath.Clean(p)] {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		rel, err := filepath.Rel(filepath.Dir(d.abs), p)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		text := rel
		if !item {
			text = "[" + rel + "]"
		}
		add(CompletionItem{Label: rel, Kind: kindModule, Detail: field.Title, InsertText: text})
	}
}
