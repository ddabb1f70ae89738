package config_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/cxmap/cxmap/internal/golden"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// schemaFromRegistry is what config.schema.json must say: the embedded file
// is generated from the registry, so the two cannot drift.
func schemaFromRegistry() []byte {
	level := map[string]any{"enum": []string{"off", "info", "warning", "error"}}
	rules := map[string]any{}
	for _, r := range lint.Rules() {
		if r.Validation() {
			continue
		}
		desc := fmt.Sprintf("%s (default %s). %s", r.Short, r.Level, r.HelpURI())
		props := map[string]any{"level": map[string]any{"$ref": "#/$defs/level"}}
		for name, def := range r.Options {
			props[name] = map[string]any{"type": "integer", "minimum": r.MinOption(name), "default": def}
		}
		rules[r.ID] = map[string]any{
			"description": desc,
			"oneOf": []any{
				map[string]any{"$ref": "#/$defs/level"},
				map[string]any{"type": "object", "additionalProperties": false, "properties": props},
			},
		}
	}
	s := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://raw.githubusercontent.com/cxmap/cxmap/main/pkg/config/config.schema.json",
		"title":                "cxmap configuration (.cxmap.yaml)",
		"description":          "Lint rule levels and options, paths to ignore, and the outputs' theme and locale. Found by walking up from the working directory, or named with --config.",
		"type":                 "object",
		"additionalProperties": false,
		"$defs":                map[string]any{"level": level},
		"properties": map[string]any{
			"rules": map[string]any{
				"description":          "Per-rule level (off, info, warning, error), or a mapping with level and the rule's options.",
				"type":                 "object",
				"additionalProperties": false,
				"properties":           rules,
			},
			"ignore": map[string]any{
				"description": "Path globs not to walk or check, e.g. drafts/** or **/old-*.yaml.",
				"type":        "array",
				"items":       map[string]any{"type": "string", "minLength": 1},
			},
			"theme": map[string]any{
				"description": "The client's brand for deck, site, render and report: a theme file (relative to this file), or the theme's keys written here. See docs/theme.md; cxmap theme init writes a starter.",
				"oneOf": []any{
					map[string]any{"type": "string", "minLength": 1},
					map[string]any{"$ref": "https://raw.githubusercontent.com/cxmap/cxmap/main/pkg/theme/theme.schema.json"},
				},
			},
			"locale": map[string]any{
				"description": "The language of the outputs' fixed words, numbers and dates: a BCP 47 tag such as en, fr or de-CH. The journey's own text is never translated.",
				"type":        "string",
				"minLength":   1,
			},
		},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return b.Bytes()
}

func TestSchemaMatchesRegistry(t *testing.T) {
	want := schemaFromRegistry()
	if *golden.Update {
		if err := os.WriteFile("config.schema.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(config.Schema, want) {
		t.Fatal("config.schema.json is out of date with the rule registry; run go test ./pkg/config -run Schema -update")
	}
}

// TestSchemaAgreesWithParse checks that configurations Parse and
// lint.Configure accept the schema accepts, and the other way round.
func TestSchemaAgreesWithParse(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(config.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	themeDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(theme.Schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("https://raw.githubusercontent.com/cxmap/cxmap/main/pkg/theme/theme.schema.json", themeDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		src string
		ok  bool
	}{
		{"rules: {unsourced-rating: off}\nignore: [drafts/**]\n", true},
		{"rules:\n  stale-journey: {level: warning, days: 90}\n  unused-ignore: error\n", true},
		{"rules: {stale-journey: {days: 0}}\n", false},
		{"rules: {no-such-rule: off}\n", false},
		{"rules: {unrated-step: loud}\n", false},
		{"rules: {unrated-step: {weeks: 2}}\n", false},
		{"rules: {schema: off}\n", false},
		{"ignores: [x]\n", false},
		{"theme: brand.yaml\nlocale: fr\n", true},
		{"theme: {name: Riverside, colors: {primary: '#005EB8'}}\n", true},
		{"theme: [x]\n", false},
		{"locale: 3\n", false},
		{"locale: [fr]\n", false},
	} {
		cfg, perr := config.Parse("c.yaml", []byte(tc.src))
		if perr == nil {
			_, perr = lint.Configure(cfg)
		}
		var v any
		if err := yaml.Unmarshal([]byte(tc.src), &v); err != nil {
			t.Fatal(err)
		}
		v = jsonable(v)
		serr := sch.Validate(v)
		if (perr == nil) != tc.ok || (serr == nil) != tc.ok {
			t.Errorf("%q: Parse error %v, schema error %v; want ok=%v", strings.TrimSpace(tc.src), perr, serr, tc.ok)
		}
	}
}

// jsonable turns a decoded YAML value into what encoding/json would give.
func jsonable(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonable(e)
		}
	case []any:
		for i, e := range x {
			x[i] = jsonable(e)
		}
	case int:
		return json.Number(fmt.Sprint(x))
	}
	return v
}

// TestSchemasShareADraft: the configuration's schema and the journey's are
// on one JSON Schema draft, so an editor reads both the same way.
func TestSchemasShareADraft(t *testing.T) {
	draft := func(b []byte) string {
		var s struct {
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		return s.Schema
	}
	if c, j := draft(config.Schema), draft(journey.SchemaJSON); c != j || c == "" {
		t.Errorf("config schema is on %q, journey schema on %q", c, j)
	}
}
