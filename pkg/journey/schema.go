package journey

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SchemaJSON is the JSON Schema of the journey format: the single source of
// truth for the file's structure (`cxmap schema` prints it).
//
//go:embed journey.schema.json
var SchemaJSON []byte

// SchemaID is the schema's $id.
const SchemaID = "https://raw.githubusercontent.com/cxmap/cxmap/main/pkg/journey/journey.schema.json"

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

func startOf(n *yaml.Node) Range {
	return Range{Line: n.Line, Col: n.Column, EndLine: n.Line, EndCol: n.Column + 1}
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
