package journey

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cxmap/cxmap/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// The embedded JSON Schema is the single source of truth for structure. To
// parse each file once, it is not checked by a generic validator on a
// converted copy of the document: it is compiled, once, into a tree of rules
// that is walked directly over the YAML nodes. The walker understands exactly
// the keywords the schema uses (compileSchema refuses any other), and a test
// checks it against a reference JSON Schema validator on every fixture.

// rule is one compiled schema.
type rule struct {
	types     []string // allowed JSON types; empty means any
	props     map[string]*rule
	propNames []string // sorted, for messages
	closed    bool     // additionalProperties: false
	required  []string
	items     *rule
	enum      []string
	pattern   *regexp.Regexp
	slug      bool // pattern is the id slug pattern (checked without regexp)
	minimum   *float64
	maximum   *float64
	minItems  int
	maxItems  int // 0: no limit
	minLength int
	format    string
	// explain checks a string with a pattern other than the id slug and
	// says what is wrong in words (duration, url); nil for ids.
	explain func(string) string
}

const slugPattern = "^[a-z0-9][a-z0-9-]*$"

var (
	compileOnce sync.Once
	rootRule    *rule
)

func compiledRules() *rule {
	compileOnce.Do(func() {
		var doc map[string]any
		if err := json.Unmarshal(SchemaJSON, &doc); err != nil {
			panic("journey: embedded schema is not JSON: " + err.Error())
		}
		defs, _ := doc["$defs"].(map[string]any)
		memo := map[string]*rule{}
		var compile func(s map[string]any) *rule
		compile = func(s map[string]any) *rule {
			if ref, ok := s["$ref"].(string); ok {
				name := strings.TrimPrefix(ref, "#/$defs/")
				if r, ok := memo[name]; ok {
					return r
				}
				d, ok := defs[name].(map[string]any)
				if !ok {
					panic("journey: schema: unknown $ref " + ref)
				}
				r := &rule{}
				memo[name] = r
				*r = *compile(d)
				return r
			}
			r := &rule{}
			for k, v := range s {
				switch k {
				case "$schema", "$id", "title", "description", "$defs":
				case "type":
					switch t := v.(type) {
					case string:
						r.types = []string{t}
					case []any:
						for _, e := range t {
							r.types = append(r.types, e.(string))
						}
					}
				case "properties":
					r.props = map[string]*rule{}
					for name, sub := range v.(map[string]any) {
						r.props[name] = compile(sub.(map[string]any))
						r.propNames = append(r.propNames, name)
					}
					sort.Strings(r.propNames)
				case "additionalProperties":
					r.closed = v == false
				case "required":
					for _, e := range v.([]any) {
						r.required = append(r.required, e.(string))
					}
				case "items":
					r.items = compile(v.(map[string]any))
				case "enum":
					for _, e := range v.([]any) {
						r.enum = append(r.enum, e.(string))
					}
				case "pattern":
					r.pattern = regexp.MustCompile(v.(string))
					r.slug = v == slugPattern
					r.explain = patternExplain[v.(string)]
				case "minimum":
					f := v.(float64)
					r.minimum = &f
				case "maximum":
					f := v.(float64)
					r.maximum = &f
				case "minItems":
					r.minItems = int(v.(float64))
				case "maxItems":
					r.maxItems = int(v.(float64))
				case "minLength":
					r.minLength = int(v.(float64))
				case "format":
					r.format = v.(string)
				default:
					panic("journey: schema keyword " + k + " is not supported by the walker")
				}
			}
			return r
		}
		rootRule = compile(doc)
	})
	return rootRule
}

// walker checks one document against the compiled schema, enforcing the
// nesting and alias limits and catching duplicate keys (which yaml.v3 does
// not report when decoding into nodes) on the way.
type walker struct {
	p        *problems
	aliases  int
	via      *yaml.Node // the outermost alias being expanded, if any
	expanded int
	stopped  bool
	stopAt   finding.Finding
	path     []string
	labels   []string // one per list item on the path, e.g. `step "find"`
	catalog  bool     // checking a catalog file
}

// maxExpandedNodes bounds the nodes reached through aliases, so that a few
// aliases of a huge anchor cannot cost more than a large file would.
const maxExpandedNodes = 1_000_000

// checkStructure walks the document; it returns false when a limit stopped
// the walk (the findings then say why).
func checkStructure(p *problems, root *yaml.Node) bool {
	w := &walker{p: p}
	before := len(p.list)
	w.check(root, compiledRules(), 1, false)
	if w.stopped {
		// Only the limit matters then: what the walk said before it was
		// stopped is about a document that will not be read.
		p.list = append(p.list[:before], w.stopAt)
	}
	return !w.stopped
}

// stop ends the walk at a limit. Inside an alias's expansion it points at
// that alias as written, the outermost one, not at a node in its anchor.
func (w *walker) stop(n *yaml.Node, format string, a ...any) {
	if w.via != nil {
		n = w.via
	}
	w.p.add(RuleSyntax, rangeOf(n), format, a...)
	w.stopAt = w.p.list[len(w.p.list)-1]
	w.stopped = true
}

func (w *walker) check(n *yaml.Node, r *rule, depth int, inAlias bool) {
	if w.stopped {
		return
	}
	// depth counts mappings and sequences, the root being 1: a scalar
	// (or an alias) inside the 64th is not a 65th level.
	if depth > MaxDepth && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		w.stop(n, "nesting is deeper than the limit of %d levels", MaxDepth)
		return
	}
	if inAlias {
		if w.expanded++; w.expanded > maxExpandedNodes {
			w.stop(n, "aliases expand to more than %d nodes: refusing to expand them (is this an alias bomb?)", maxExpandedNodes)
			return
		}
	}
	if n.Kind == yaml.AliasNode {
		if w.aliases++; w.aliases > MaxAliases {
			w.stop(n, "more than %d aliases are expanded: refusing to expand them (is this an alias bomb?)", MaxAliases)
			return
		}
		if n.Alias != nil {
			if w.via == nil {
				w.via = n
				defer func() { w.via = nil }()
			}
			w.check(n.Alias, r, depth, true)
		}
		return
	}
	if r == nil {
		r = &rule{}
	}
	typ, val := jsonType(n)
	if len(r.types) > 0 && !typeAllowed(typ, val, r.types) {
		msg := fmt.Sprintf("%s must be %s, found %s", w.field(), article(r.types), typeName(n, typ))
		switch {
		case n.Kind != yaml.ScalarNode || typ == "null":
		case r.format == "date":
			msg = fmt.Sprintf("%s must be a date written YYYY-MM-DD, found %s (%s)", w.field(), typeName(n, typ), n.Value)
		case r.explain != nil:
			msg = fmt.Sprintf("%s %s is not valid: %s", w.field(), n.Value, r.explain(n.Value))
		case len(r.types) == 1 && r.types[0] == "array" && typ != "null":
			msg += fmt.Sprintf(" (write a list: [%s])", n.Value)
		case len(r.types) == 1 && r.types[0] == "string":
			msg += fmt.Sprintf(" (quote it: \"%s\")", n.Value)
		default:
			msg += " (" + n.Value + ")"
		}
		w.p.add(RuleSchema, rangeOf(n), "%s", msg)
		w.walkChildren(n, nil, depth, inAlias) // still enforce the limits below
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		w.mapping(n, r, depth, inAlias)
	case yaml.SequenceNode:
		switch {
		case r.minItems > 0 && r.minItems == r.maxItems && len(n.Content) != r.minItems:
			w.p.add(RuleSchema, rangeOf(n), "%s must list exactly %d values, not %d", w.field(), r.minItems, len(n.Content))
		case len(n.Content) < r.minItems:
			w.p.add(RuleSchema, rangeOf(n), "%s must not be empty: list at least %d", w.field(), r.minItems)
		case r.maxItems > 0 && len(n.Content) > r.maxItems:
			w.p.add(RuleSchema, rangeOf(n), "%s must list at most %d values", w.field(), r.maxItems)
		}
		for i, c := range n.Content {
			w.path = append(w.path, strconv.Itoa(i))
			w.labels = append(w.labels, itemLabel(w.path, c))
			w.check(c, r.items, depth+1, inAlias)
			w.path = w.path[:len(w.path)-1]
			w.labels = w.labels[:len(w.labels)-1]
		}
	case yaml.ScalarNode:
		w.scalar(n, r, typ, val)
	}
}

func (w *walker) walkChildren(n *yaml.Node, r *rule, depth int, inAlias bool) {
	for _, c := range n.Content {
		w.check(c, r, depth+1, inAlias)
	}
}

func (w *walker) mapping(n *yaml.Node, r *rule, depth int, inAlias bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			w.p.add(RuleSchema, rangeOf(k), "a key must be a plain word, not %s", kindName(k))
			continue
		}
		if first := firstKey(n, i); first != nil {
			w.p.add(RuleSchema, rangeOf(k), "key %q is written twice in the same mapping (first at line %d)", k.Value, first.Line)
			continue
		}
		sub, known := r.props[k.Value]
		if !known && r.closed {
			msg := fmt.Sprintf("unknown key %q%s", k.Value, w.where())
			if k.Value == "uses" && w.catalog && len(w.path) == 0 {
				msg += ": a catalog cannot use other catalogs; list every catalog in the journey's uses:"
			} else if k.Value == "<<" {
				msg += ": merge keys are not supported; write the keys out, or alias the whole value"
			} else if s := suggest(k.Value, r.propNames); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += fmt.Sprintf(" (allowed: %s)", strings.Join(r.propNames, ", "))
			}
			w.p.add(RuleSchema, rangeOf(k), "%s", msg)
		}
		w.path = append(w.path, k.Value)
		w.check(n.Content[i+1], sub, depth+1, inAlias)
		w.path = w.path[:len(w.path)-1]
	}
	for _, req := range r.required {
		if keyNode(n, req) == nil {
			w.p.add(RuleSchema, startOf(n), "missing required key %q%s", req, w.where())
		}
	}
}

// firstKey returns the earlier key node with the same name as key i, if any.
// Mappings in journeys are small, so the quadratic scan is cheaper than a map.
func firstKey(m *yaml.Node, i int) *yaml.Node {
	name := m.Content[i].Value
	for j := 0; j < i; j += 2 {
		if m.Content[j].Value == name {
			return m.Content[j]
		}
	}
	return nil
}

func (w *walker) scalar(n *yaml.Node, r *rule, typ string, val any) {
	if f, ok := val.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
		w.p.add(RuleSchema, rangeOf(n), "%s must be a finite number, found %s", w.field(), n.Value)
		return
	}
	if len(r.enum) > 0 {
		ok := false
		for _, e := range r.enum {
			if typ == "string" && n.Value == e {
				ok = true
				break
			}
		}
		if !ok {
			w.p.add(RuleSchema, rangeOf(n), "%s %s is not one of %s%s", w.field(), showScalar(n, typ), strings.Join(r.enum, ", "), enumHint(n.Value, r.enum))
			return
		}
	}
	if typ == "string" {
		if r.minLength > 0 && len(n.Value) < r.minLength {
			w.p.add(RuleSchema, rangeOf(n), "%s must not be empty", w.field())
		}
		if r.explain != nil {
			if why := r.explain(n.Value); why != "" {
				w.p.add(RuleSchema, rangeOf(n), "%s %q is not valid: %s", w.field(), n.Value, why)
			}
		} else if r.pattern != nil && !matches(r, n.Value) {
			w.p.add(RuleSchema, rangeOf(n), "%s %q is not a valid id: use lower-case letters, digits and hyphens, starting with a letter or digit (e.g. %q)", w.field(), n.Value, slugify(n.Value))
		}
		if r.format == "date" {
			if _, err := time.Parse("2006-01-02", n.Value); err != nil {
				if len(n.Value) == 10 && n.Value[4] == '-' && n.Value[7] == '-' {
					w.p.add(RuleSchema, rangeOf(n), "%s %q is not a real date: there is no such day", w.field(), n.Value)
				} else {
					w.p.add(RuleSchema, rangeOf(n), "%s %q is not a valid date (write it as YYYY-MM-DD)", w.field(), n.Value)
				}
			}
		}
	}
	if f, ok := toFloat(val); ok {
		if r.minimum != nil && f < *r.minimum {
			w.p.add(RuleSchema, rangeOf(n), "%s %s is below the minimum %s", w.field(), n.Value, fmtNum(*r.minimum))
		}
		if r.maximum != nil && f > *r.maximum {
			w.p.add(RuleSchema, rangeOf(n), "%s %s is above the maximum %s", w.field(), n.Value, fmtNum(*r.maximum))
		}
	}
}

func matches(r *rule, s string) bool {
	if !r.slug {
		return r.pattern.MatchString(s)
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

func (w *walker) field() string { return fieldName(w.path) }

// typeName names a node's type for messages, from the type it resolved to
// (so `!!int abc`, which is not a number, is called a string).
func typeName(n *yaml.Node, typ string) string {
	if n.Kind != yaml.ScalarNode {
		return kindName(n)
	}
	switch typ {
	case "string":
		return "a string"
	case "integer":
		return "an integer"
	case "number":
		return "a number"
	case "boolean":
		return "a boolean"
	case "null":
		return "nothing (null)"
	}
	return kindName(n)
}

// where names the entity being checked for messages: the innermost list
// item with an id (ids are unique, so that is enough), with the unnamed items
// inside it, e.g. ` in touchpoint 2 of step "find-rules"`.
func (w *walker) where() string {
	if len(w.labels) == 0 {
		if len(w.path) == 0 {
			return " at the top level"
		}
		return " in " + strings.Join(w.path, ".")
	}
	var parts []string
	for i := len(w.labels) - 1; i >= 0; i-- {
		parts = append(parts, w.labels[i])
		if strings.HasSuffix(w.labels[i], `"`) {
			break
		}
	}
	return " in " + strings.Join(parts, " of ")
}

var singular = map[string]string{
	"stages": "stage", "steps": "step", "lanes": "lane", "sources": "source",
	"touchpoints": "touchpoint", "backstage": "backstage entry",
	"opportunities": "opportunity", "metrics": "metric",
	"personas": "persona", "kpis": "KPI", "quotes": "quote",
}

// itemLabel names list item n at path (whose last element is its index).
func itemLabel(path []string, n *yaml.Node) string {
	key := "item"
	if len(path) >= 2 {
		key = path[len(path)-2]
	}
	name, ok := singular[key]
	if !ok {
		name = "item of " + key
	}
	n = resolve(n)
	if n.Kind == yaml.MappingNode {
		if id := valueOf(n, "id"); id != nil && id.Kind == yaml.ScalarNode && id.Value != "" {
			return fmt.Sprintf("%s %q", name, id.Value)
		}
	}
	i, _ := strconv.Atoi(path[len(path)-1])
	return fmt.Sprintf("%s %d", name, i+1)
}

func showScalar(n *yaml.Node, typ string) string {
	if typ == "string" {
		return strconv.Quote(n.Value)
	}
	return n.Value
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// jsonType is the JSON type a node stands for, by its resolved YAML tag, and
// its value for scalars.
func jsonType(n *yaml.Node) (string, any) {
	switch n.Kind {
	case yaml.MappingNode:
		return "object", nil
	case yaml.SequenceNode:
		return "array", nil
	}
	v := scalar(n)
	switch v.(type) {
	case nil:
		return "null", nil
	case bool:
		return "boolean", v
	case int64:
		return "integer", v
	case float64:
		return "number", v
	}
	return "string", v
}

func typeAllowed(typ string, val any, allowed []string) bool {
	for _, a := range allowed {
		switch {
		case a == typ:
			return true
		case a == "number" && typ == "integer":
			return true
		case a == "integer" && typ == "number":
			if f, _ := val.(float64); f == math.Trunc(f) {
				return true
			}
		}
	}
	return false
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
