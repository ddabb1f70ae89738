package journey

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"30m", 30 * time.Minute, ""},
		{"1.5h", 90 * time.Minute, ""},
		{"2d", 48 * time.Hour, ""},
		{"3w", 21 * 24 * time.Hour, ""},
		{"0d", 0, "more than zero"},
		{"0", 0, "a number and a unit"},
		{"3 weeks", 0, "a number and a unit"},
		{"-2d", 0, "a number and a unit"},
		{"2y", 0, "a number and a unit"},
		{"0.001m", 0, "at least a minute"},
		{"999999w", 0, "at most 100 years"},
	}
	for _, tc := range tests {
		got, err := ParseDuration(tc.in)
		if tc.err == "" && (err != nil || got != tc.want) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("ParseDuration(%q) error %v; want %q", tc.in, err, tc.err)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0m", 90 * time.Minute: "1h 30m", 21 * 24 * time.Hour: "3w", 17 * 24 * time.Hour: "2w 3d",
		28 * time.Hour: "1d 4h", -48 * time.Hour: "-2d",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestZeroDuration: 0d matches the schema's pattern; the walker still
// refuses it (kept out of the fixtures the reference validator reads).
func TestZeroDuration(t *testing.T) {
	src := "cxmap: 1\nid: x\ntitle: X\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: A\n        duration: 0d\n"
	_, fs := Parse("x.yaml", []byte(src))
	if len(fs) != 1 || fs[0].Line != 10 || !strings.Contains(fs[0].Message, "more than zero") {
		t.Fatalf("got %v", fs)
	}
}

// TestCatalogReadOnce: journeys parsed in parallel with one cache read and
// check a shared catalog once, and see the same catalog.
func TestCatalogReadOnce(t *testing.T) {
	dir := t.TempDir()
	cat := filepath.Join(dir, "cat.yaml")
	if err := os.WriteFile(cat, []byte("cxmap-catalog: 1\nid: c\nlanes:\n  - {id: web, name: Web, zone: frontstage}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := []byte("cxmap: 1\nid: j\ntitle: J\nuses: [cat.yaml]\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: A\n        touchpoints: [{lane: web}]\n")
	cats := NewCatalogs()
	var wg sync.WaitGroup
	got := make([]*Catalog, 16)
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := ParseFile(filepath.Join(dir, "j.yaml"), src, Options{Catalogs: cats})
			if r.Journey == nil {
				t.Errorf("journey %d: %v", i, r.Findings)
				return
			}
			got[i] = r.Journey.Catalogs[0]
			if l := r.Journey.Lanes; len(l) != 1 || l[0].Origin != cat {
				t.Errorf("journey %d: lanes %+v, want the catalog's web lane", i, l)
			}
		}(i)
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("journey %d got another copy of the catalog: read more than once", i)
		}
	}
	if len(cats.m) != 1 {
		t.Fatalf("cache holds %d entries, want 1", len(cats.m))
	}
}

// TestCatalogFile: a catalog named itself is checked as a catalog.
func TestCatalogFile(t *testing.T) {
	r := ParseFile("c.yaml", []byte("cxmap-catalog: 1\nid: c\nlanes:\n  - {id: web, name: Web, zone: frontstage}\n  - {id: web, name: Web 2, zone: sideways}\n"), Options{})
	if r.Catalog != nil || !r.IsCatalog {
		t.Fatalf("want an invalid catalog, got %+v", r)
	}
	finding.Sort(r.Findings)
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Rule+" "+f.Message)
	}
	want := []string{`duplicate-id lane id "web" is already used by the lane at line 4`, `schema zone "sideways" is not one of frontstage, backstage, support`}
	if len(got) != 2 || !strings.HasPrefix(got[0], want[0]) || !strings.HasPrefix(got[1], want[1]) {
		t.Fatalf("got %q", got)
	}
	if r := ParseFile("c.yaml", []byte("cxmap-catalog: 2\nid: c\n"), Options{}); len(r.Findings) != 1 || r.Findings[0].Rule != RuleVersion {
		t.Fatalf("newer catalog version: %v", r.Findings)
	}
}

// TestCatalogSchemaFile: catalog.schema.json (for editors) allows exactly
// the keys the walker's catalog rule does, and the example catalog is valid
// against it with a reference validator.
func TestCatalogSchemaFile(t *testing.T) {
	data, err := os.ReadFile("catalog.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties map[string]any `json:"properties"`
		Required   []string       `json:"required"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	r := compiledCatalogRule()
	if len(doc.Properties) != len(r.props) {
		t.Fatalf("catalog.schema.json has %d keys, the catalog rule %d", len(doc.Properties), len(r.props))
	}
	for k := range r.props {
		if _, ok := doc.Properties[k]; !ok {
			t.Errorf("catalog.schema.json lacks %q", k)
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for id, raw := range map[string][]byte{SchemaID: SchemaJSON, strings.Replace(SchemaID, "journey.schema", "catalog.schema", 1): data} {
		d, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(id, d); err != nil {
			t.Fatal(err)
		}
	}
	sch := c.MustCompile(strings.Replace(SchemaID, "journey.schema", "catalog.schema", 1))
	ex, err := os.ReadFile("../../examples/catalog/springfield.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(ex, &n); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(plain(n.Content[0])); err != nil {
		t.Fatalf("example catalog: %v", err)
	}
}
