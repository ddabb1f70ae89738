package journey

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
)

// SchemaJSON is the JSON Schema of the journey format: the single source of
// truth for the file's structure (`cxmap schema` prints it).
//
//go:embed journey.schema.json
var SchemaJSON []byte

// SchemaID is the schema's $id.
const SchemaID = "https://raw.githubusercontent.com/cxmap/cxmap/main/pkg/journey/journey.schema.json"

var (
	schemaOnce     sync.Once
	compiledSchema *jsonschema.Schema
	schemaDoc      map[string]any
)

func schema() (*jsonschema.Schema, map[string]any) {
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
		if err != nil {
			panic("journey: embedded schema is not JSON: " + err.Error())
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(SchemaID, doc); err != nil {
			panic("journey: embedded schema: " + err.Error())
		}
		compiledSchema = c.MustCompile(SchemaID)
		if err := json.Unmarshal(SchemaJSON, &schemaDoc); err != nil {
			panic(err)
		}
	})
	return compiledSchema, schemaDoc
}

// checkSchema validates the converted document and turns each failure into a
// finding at the offending key or value, in plain words.
func checkSchema(p *problems, root *yaml.Node, value any) {
	sch, _ := schema()
	err := sch.Validate(value)
	if err == nil {
		return
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		p.add(RuleSchema, Range{}, "%v", err)
		return
	}
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	for _, e := range leaves {
		schemaFinding(p, root, e)
	}
}

func schemaFinding(p *problems, root *yaml.Node, e *jsonschema.ValidationError) {
	loc := e.InstanceLocation
	n := nodeAt(root, loc)
	field := fieldName(loc)
	at := rangeOf(n)
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		allowed := propsAt(loc)
		for _, prop := range k.Properties {
			r := at
			if kn := keyNode(n, prop); kn != nil {
				r = rangeOf(kn)
			}
			msg := fmt.Sprintf("unknown key %q%s", prop, where(loc))
			if s := suggest(prop, allowed); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += fmt.Sprintf(" (allowed: %s)", strings.Join(allowed, ", "))
			}
			p.add(RuleSchema, r, "%s", msg)
		}
	case *kind.Required:
		for _, m := range k.Missing {
			p.add(RuleSchema, startOf(n), "missing required key %q%s", m, where(loc))
		}
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		p.add(RuleSchema, at, "%s %s is not one of %s", field, show(k.Got), strings.Join(want, ", "))
	case *kind.Type:
		msg := fmt.Sprintf("%s must be %s, found %s", field, article(k.Want), kindName(n))
		if len(k.Want) == 1 && k.Want[0] == "string" && n.Kind == yaml.ScalarNode {
			msg += fmt.Sprintf(" (quote it: \"%s\")", n.Value)
		}
		p.add(RuleSchema, at, "%s", msg)
	case *kind.Pattern:
		p.add(RuleSchema, at, "%s %q is not a valid id: use lower-case letters, digits and hyphens, starting with a letter or digit (e.g. %q)", field, k.Got, slugify(k.Got))
	case *kind.Minimum:
		p.add(RuleSchema, at, "%s %s is below the minimum %s", field, ratStr(k.Got), ratStr(k.Want))
	case *kind.Maximum:
		p.add(RuleSchema, at, "%s %s is above the maximum %s", field, ratStr(k.Got), ratStr(k.Want))
	case *kind.MinItems:
		p.add(RuleSchema, at, "%s must not be empty: list at least %d", field, k.Want)
	case *kind.MinLength:
		p.add(RuleSchema, at, "%s must not be empty", field)
	case *kind.Format:
		p.add(RuleSchema, at, "%s %s is not a valid %s (write it as YYYY-MM-DD)", field, show(k.Got), k.Want)
	default:
		p.add(RuleSchema, at, "%s: %v", field, e.ErrorKind)
	}
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func ratStr(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(2)
}

func article(want []string) string {
	var out []string
	for _, w := range want {
		switch w {
		case "object":
			out = append(out, "a mapping")
		case "array":
			out = append(out, "a list")
		case "integer":
			out = append(out, "an integer")
		default:
			out = append(out, "a "+w)
		}
	}
	return strings.Join(out, " or ")
}

// fieldName names the value at loc for messages: its key, or "item N of
// key" for a list item.
func fieldName(loc []string) string {
	if len(loc) == 0 {
		return "the file"
	}
	last := loc[len(loc)-1]
	if _, err := strconv.Atoi(last); err == nil && len(loc) > 1 {
		return fmt.Sprintf("item %s of %s", last, loc[len(loc)-2])
	}
	return last
}

// where says which mapping loc is, e.g. ` in stages[0].steps[2]`.
func where(loc []string) string {
	if len(loc) == 0 {
		return " at the top level"
	}
	var b strings.Builder
	for i, t := range loc {
		if _, err := strconv.Atoi(t); err == nil {
			b.WriteString("[" + t + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return " in " + b.String()
}

func startOf(n *yaml.Node) Range {
	return Range{Line: n.Line, Col: n.Column, EndLine: n.Line, EndCol: n.Column + 1}
}

// nodeAt follows a JSON-pointer path through the YAML tree.
func nodeAt(n *yaml.Node, loc []string) *yaml.Node {
	n = resolve(n)
	for _, t := range loc {
		switch n.Kind {
		case yaml.MappingNode:
			v := valueOf(n, t)
			if v == nil {
				return n
			}
			n = resolve(v)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n.Content) {
				return n
			}
			n = resolve(n.Content[i])
		default:
			return n
		}
	}
	return n
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// propsAt lists the keys the schema allows in the mapping at loc.
func propsAt(loc []string) []string {
	_, doc := schema()
	defs, _ := doc["$defs"].(map[string]any)
	deref := func(s map[string]any) map[string]any {
		if ref, ok := s["$ref"].(string); ok {
			if d, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); ok {
				return d
			}
		}
		return s
	}
	s := doc
	for _, t := range loc {
		if props, ok := s["properties"].(map[string]any); ok {
			if sub, ok := props[t].(map[string]any); ok {
				s = deref(sub)
				continue
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			s = deref(items)
			continue
		}
		return nil
	}
	props, _ := s["properties"].(map[string]any)
	var out []string
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
