package journey

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
)

// The walker (walker.go) checks files against a compiled form of the
// embedded schema. These tests hold it to a reference: a full JSON Schema
// validator (santhosh-tekuri/jsonschema/v6) reading the same schema file
// must agree on which documents are valid, and on where the problems are.

func referenceSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	return c.MustCompile(SchemaID)
}

// plain converts YAML nodes to the values encoding/json would produce.
func plain(n *yaml.Node) any {
	n = resolve(n)
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, plain(c))
		}
		return s
	}
	return scalar(n)
}

// leafLines lists the lines the reference validator blames.
func leafLines(root *yaml.Node, err error) map[int]bool {
	lines := map[int]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			n := resolve(root)
			for _, tok := range e.InstanceLocation {
				var next *yaml.Node
				switch n.Kind {
				case yaml.MappingNode:
					next = valueOf(n, tok)
				case yaml.SequenceNode:
					for i, c := range n.Content {
						if tok == itoa(i) {
							next = c
						}
					}
				}
				if next == nil {
					break
				}
				n = resolve(next)
			}
			if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
				for _, prop := range ap.Properties {
					if k := keyNode(n, prop); k != nil {
						lines[k.Line] = true
					}
				}
				return
			}
			lines[n.Line] = true
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	if ve, ok := err.(*jsonschema.ValidationError); ok {
		walk(ve)
	}
	return lines
}

func itoa(i int) string { return strconv.Itoa(i) }

func agreementCases(t *testing.T) map[string][]byte {
	cases := map[string][]byte{}
	files, _ := filepath.Glob("../../testdata/validate/*.yaml")
	ex, _ := filepath.Glob("../../examples/*.yaml")
	ex2, _ := filepath.Glob("../../examples/*/*.yaml")
	for _, f := range append(append(files, ex...), ex2...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases[f] = data
	}
	cases["starter"] = Starter("x", "X", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	gen := string(testgen.Journey(7, 12))
	mutations := map[string][2]string{
		"rating enum":      {"rating: red", "rating: crimson"},
		"emotion range":    {"emotion: -2", "emotion: -3"},
		"emotion float":    {"emotion: -2", "emotion: -1.5"},
		"emotion integral": {"emotion: -2", "emotion: -2.0"},
		"critical type":    {"critical: true", "critical: 1"},
		"unknown key":      {"evidence:", "evidense:"},
		"missing action":   {"action:", "actio:"},
		"slug":             {"id: step-3", "id: Step_3"},
		"zone enum":        {"zone: support", "zone: below"},
		"date":             {"updated: 2026-10-01", "updated: 2026-02-30"},
		"current type":     {"current: 4", "current: four"},
		"tags type":        {"tags: [generated, bench]", "tags: generated"},
		"null title":       {"title: Generated", "title: ~\nx: Generated"},
		"empty stages":     {"stages:\n", "stages: []\nz:\n"},
		"version string":   {"cxmap: 1", "cxmap: \"1\""},
		"better enum":      {"better: higher", "better: more"},
	}
	for name, m := range mutations {
		if !strings.Contains(gen, m[0]) {
			t.Fatalf("mutation %s: %q not in generated journey", name, m[0])
		}
		cases["mutation "+name] = []byte(strings.Replace(gen, m[0], m[1], 1))
	}
	cases["generated"] = []byte(gen)
	return cases
}

func TestWalkerAgreesWithReferenceValidator(t *testing.T) {
	ref := referenceSchema(t)
	for name, data := range agreementCases(t) {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			continue // syntax and root problems never reach either validator
		}
		root := doc.Content[0]
		p := &problems{path: name}
		if !checkStructure(p, root) {
			continue // a limit stopped the walk (alias bomb, depth): plain() would not end
		}
		refErr := ref.Validate(plain(root))
		var ours []int
		for _, f := range p.list {
			if f.Rule == RuleSchema && !strings.Contains(f.Message, "written twice") {
				ours = append(ours, f.Line)
			}
		}
		if (refErr == nil) != (len(ours) == 0) {
			t.Errorf("%s: reference says %v, walker found %v", name, refErr, p.list)
			continue
		}
		want := leafLines(root, refErr)
		for _, l := range ours {
			if !want[l] {
				t.Errorf("%s: walker blames line %d, reference blames %v (%v)", name, l, want, refErr)
			}
		}
	}
}

// BenchmarkReferenceValidator measures what the walker saves: converting the
// nodes to plain values and validating them with the generic validator.
func BenchmarkReferenceValidator(b *testing.B) {
	ref := referenceSchema(b)
	var doc yaml.Node
	if err := yaml.Unmarshal(testgen.Journey(1, 50), &doc); err != nil {
		b.Fatal(err)
	}
	b.Run("reference", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := ref.Validate(plain(doc.Content[0])); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("walker", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if !checkStructure(&problems{}, doc.Content[0]) {
				b.Fatal("stopped")
			}
		}
	})
}
