package theme

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSchemaMatchesLoader: the schema's keys are the ones Load reads, and
// the schema compiles.
func TestSchemaMatchesLoader(t *testing.T) {
	var s struct {
		Properties map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(Schema, &s); err != nil {
		t.Fatal(err)
	}
	same := func(what string, got map[string]any, want []string) {
		var keys []string
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w := append([]string(nil), want...)
		sort.Strings(w)
		if strings.Join(keys, ",") != strings.Join(w, ",") {
			t.Errorf("%s: schema has %v, Load reads %v", what, keys, w)
		}
	}
	top := map[string]any{}
	for k := range s.Properties {
		top[k] = nil
	}
	same("top level", top, topKeys)
	same("colors", s.Properties["colors"].Properties, colorKeys)
	same("font", s.Properties["font"].Properties, fontKeys)

	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(Schema)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("theme.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("theme.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	// The starter is valid against the schema.
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"name":"x","colors":{"primary":"#1F3A5F","text":"#000"},"date":"d MMMM yyyy"}`))
	if err := sch.Validate(inst); err != nil {
		t.Error(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"colors":{"text":"navy"}}`))
	if sch.Validate(bad) == nil {
		t.Error("the schema accepts colors.text: navy")
	}
}

// TestStarterLoads: what `cxmap theme init` writes loads and passes.
func TestStarterLoads(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []*Palette{nil, {Dominant: []string{"#123456"}, Primary: "#123456", Accent: "#1D4ED8"}} {
		path := write(t, dir, "t.yaml", string(Starter("Riverside: NHS", "", p)))
		th, err := Load(path)
		if err != nil {
			t.Fatalf("starter does not load: %v", err)
		}
		if th.Name != "Riverside: NHS" {
			t.Errorf("name = %q", th.Name)
		}
		if p != nil && th.Colors.Primary != p.Primary {
			t.Errorf("primary = %s, want %s", th.Colors.Primary, p.Primary)
		}
	}
}

// TestPaletteFromColours: the most used saturated colour is primary, a
// colour of another hue the accent, both passing with white.
func TestPaletteFromColours(t *testing.T) {
	counts := map[RGB]float64{
		{255, 255, 255}:    1000, // background: ignored
		{0, 0, 0}:          500,  // outline: ignored
		{0x41, 0xB6, 0xE6}: 300,
		{0xE5, 0x3E, 0x3E}: 100,
	}
	p := paletteFrom(counts)
	if p.Dominant[0] != "#41B6E6" {
		t.Errorf("dominant = %v", p.Dominant)
	}
	white := RGB{255, 255, 255}
	for _, c := range []string{p.Primary, p.Accent} {
		v, _ := ParseHex(c)
		if Contrast(v, white) < AANormal {
			t.Errorf("%s on white is %.2f", c, Contrast(v, white))
		}
	}
	if h, _, _ := mustHex(p.Accent).hsl(); h > 20 && h < 340 {
		t.Errorf("accent %s is not the red of the logo", p.Accent)
	}
}

func mustHex(s string) RGB { c, _ := ParseHex(s); return c }
