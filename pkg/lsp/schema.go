package lsp

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/journey"
)

// schemaNode is a part of the journey's JSON Schema (pkg/journey's
// embedded journey.schema.json, the single source of the format), with
// $refs resolved, for completion and hover.
type schemaNode struct {
	Title       string
	Description string
	Types       []string
	Enum        []string
	Props       []string // in the schema's order
	Prop        map[string]*schemaNode
	Required    map[string]bool
	Items       *schemaNode
	Ref         string // the $defs name it came from
}

var (
	schemaOnce  sync.Once
	journeyRoot *schemaNode
	catalogRoot *schemaNode
)

func schemas() (*schemaNode, *schemaNode) {
	schemaOnce.Do(func() {
		raw, err := decodeOrdered(json.NewDecoder(bytes.NewReader(journey.SchemaJSON)))
		if err != nil {
			panic("lsp: the journey schema is not JSON: " + err.Error())
		}
		doc := raw.(*omap)
		defs, _ := doc.get("$defs").(*omap)
		memo := map[string]*schemaNode{}
		var build func(m *omap) *schemaNode
		build = func(m *omap) *schemaNode {
			n := &schemaNode{Prop: map[string]*schemaNode{}, Required: map[string]bool{}}
			if ref, ok := m.get("$ref").(string); ok {
				name := strings.TrimPrefix(ref, "#/$defs/")
				base, ok := memo[name]
				if !ok {
					base = &schemaNode{}
					memo[name] = base
					if d, ok := defs.get(name).(*omap); ok {
						*base = *build(d)
					}
					base.Ref = name
				}
				c := *base
				n = &c
			}
			if t, ok := m.get("title").(string); ok {
				n.Title = t
			}
			if d, ok := m.get("description").(string); ok {
				n.Description = d
			}
			switch t := m.get("type").(type) {
			case string:
				n.Types = []string{t}
			case []any:
				n.Types = nil
				for _, x := range t {
					if s, ok := x.(string); ok {
						n.Types = append(n.Types, s)
					}
				}
			}
			if e, ok := m.get("enum").([]any); ok {
				n.Enum = nil
				for _, x := range e {
					if s, ok := x.(string); ok {
						n.Enum = append(n.Enum, s)
					}
				}
			}
			if r, ok := m.get("required").([]any); ok {
				for _, x := range r {
					if s, ok := x.(string); ok {
						n.Required[s] = true
					}
				}
			}
			if p, ok := m.get("properties").(*omap); ok {
				n.Props = nil
				n.Prop = map[string]*schemaNode{}
				for i, k := range p.keys {
					if sub, ok := p.vals[i].(*omap); ok {
						n.Props = append(n.Props, k)
						n.Prop[k] = build(sub)
					}
				}
			}
			if it, ok := m.get("items").(*omap); ok {
				n.Items = build(it)
			}
			return n
		}
		journeyRoot = build(doc)
		// A catalog's shape: the journey's lanes, personas and sources
		// (pkg/journey/catalog.go builds its rule the same way).
		catalogRoot = &schemaNode{Types: []string{"object"}, Prop: map[string]*schemaNode{}, Required: map[string]bool{"cxmap-catalog": true, "id": true}}
		add := func(k string, n *schemaNode) {
			catalogRoot.Props = append(catalogRoot.Props, k)
			catalogRoot.Prop[k] = n
		}
		add("cxmap-catalog", &schemaNode{Title: "Catalog format version", Description: "The catalog format version this file is written in. This build reads version 1.", Types: []string{"integer"}})
		add("id", &schemaNode{Title: "Catalog id", Description: "A slug naming the catalog.", Types: []string{"string"}})
		add("title", &schemaNode{Title: "Title", Description: "The catalog's name.", Types: []string{"string"}})
		add("description", &schemaNode{Title: "Description", Description: "Free text about what the catalog holds.", Types: []string{"string"}})
		for _, k := range []string{"lanes", "personas", "sources"} {
			add(k, journeyRoot.Prop[k])
		}
	})
	return journeyRoot, catalogRoot
}

// at walks the schema along a path of keys ("[]" for a list item).
func (n *schemaNode) at(path []string) *schemaNode {
	for _, p := range path {
		if n == nil {
			return nil
		}
		if p == "[]" {
			n = n.Items
			continue
		}
		n = n.Prop[p]
	}
	return n
}

func (n *schemaNode) is(t string) bool {
	for _, x := range n.Types {
		if x == t {
			return true
		}
	}
	return false
}

// omap is a JSON object with its keys in order.
type omap struct {
	keys []string
	vals []any
}

func (m *omap) get(k string) any {
	if m == nil {
		return nil
	}
	for i, x := range m.keys {
		if x == k {
			return m.vals[i]
		}
	}
	return nil
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			m := &omap{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				m.keys = append(m.keys, kt.(string))
				m.vals = append(m.vals, val)
			}
			_, err := dec.Token()
			return m, err
		case '[':
			var out []any
			for dec.More() {
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				out = append(out, val)
			}
			_, err := dec.Token()
			return out, err
		}
	}
	return t, nil
}
