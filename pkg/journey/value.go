package journey

import (
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxExpandedNodes bounds the nodes reached through aliases, so that a few
// aliases of a huge anchor cannot cost more than a large file would.
const maxExpandedNodes = 1_000_000

// converter turns the YAML node tree into plain Go values for the JSON
// Schema validator, enforcing the nesting and alias limits and catching
// duplicate keys on the way (yaml.v3 does not report them for nodes).
type converter struct {
	p        *problems
	aliases  int
	expanded int
	failed   bool
}

func toValue(p *problems, root *yaml.Node) (any, bool) {
	c := &converter{p: p}
	v := c.value(root, 1, false)
	return v, !c.failed
}

func (c *converter) value(n *yaml.Node, depth int, inAlias bool) any {
	if c.failed {
		return nil
	}
	if depth > MaxDepth {
		c.p.add(RuleSyntax, rangeOf(n), "nesting is deeper than the limit of %d levels", MaxDepth)
		c.failed = true
		return nil
	}
	if inAlias {
		c.expanded++
		if c.expanded > maxExpandedNodes {
			c.p.add(RuleSyntax, rangeOf(n), "aliases expand to more than %d nodes: refusing to expand them (is this an alias bomb?)", maxExpandedNodes)
			c.failed = true
			return nil
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		c.aliases++
		if c.aliases > MaxAliases {
			c.p.add(RuleSyntax, rangeOf(n), "more than %d aliases are expanded: refusing to expand them (is this an alias bomb?)", MaxAliases)
			c.failed = true
			return nil
		}
		if n.Alias == nil {
			return nil
		}
		return c.value(n.Alias, depth, true)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		var first map[string]*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			key := k.Value
			if k.Kind != yaml.ScalarNode {
				c.p.add(RuleSchema, rangeOf(k), "a key must be a plain word, not %s", kindName(k))
				continue
			}
			if _, dup := m[key]; dup {
				if first == nil {
					first = map[string]*yaml.Node{}
					for j := 0; j < i; j += 2 {
						if _, ok := first[n.Content[j].Value]; !ok {
							first[n.Content[j].Value] = n.Content[j]
						}
					}
				}
				c.p.add(RuleSchema, rangeOf(k), "key %q is written twice in the same mapping (first at line %d)", key, first[key].Line)
				continue
			}
			if first != nil {
				first[key] = k
			}
			m[key] = c.value(n.Content[i+1], depth+1, inAlias)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, e := range n.Content {
			s[i] = c.value(e, depth+1, inAlias)
		}
		return s
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return c.value(n.Content[0], depth, inAlias)
		}
		return nil
	}
	return scalar(n)
}

// scalar converts a scalar by its resolved YAML tag.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b
		}
	case "!!int":
		v := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(v, 0, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	return n.Value
}
