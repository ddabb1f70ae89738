package lsp

import (
	"strings"
	"testing"
)

func TestCursorAt(t *testing.T) {
	doc := `cxmap: 1
id: x
stages:
  - id: s
    name: S
    steps:
      - id: a
        action: A
        touchpoints:
          - lane: po
            does: x
          - 
        sources: [i1, i
        ra
        
`
	lines := strings.Split(doc, "\n")
	tests := []struct {
		name       string
		line, col  int
		wantPath   string
		wantValue  bool
		wantKey    string
		wantPrefix string
		wantItem   bool
		wantDash   bool
	}{
		{"top-level key", 1, 2, "", false, "", "id", false, false},
		{"lane value", 9, 20, "stages/[]/steps/[]/touchpoints/[]", true, "lane", "po", false, false},
		{"key in a contact", 10, 16, "stages/[]/steps/[]/touchpoints/[]", false, "", "does", false, false},
		{"bare dash in touchpoints", 11, 12, "stages/[]/steps/[]/touchpoints/[]", false, "", "", false, true},
		{"flow list item", 12, 23, "stages/[]/steps/[]", true, "sources", "i", true, false},
		{"step key", 13, 10, "stages/[]/steps/[]", false, "", "ra", false, false},
		{"blank line in a step", 14, 8, "stages/[]/steps/[]", false, "", "", false, false},
		{"new step at the dashes' column", 14, 6, "stages/[]/steps", false, "", "", false, false},
		{"stage key", 4, 8, "stages/[]", false, "", "name", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cursorAt(lines, tt.line, tt.col)
			if c == nil {
				t.Fatal("no cursor")
			}
			if got := strings.Join(c.path, "/"); got != tt.wantPath {
				t.Errorf("path %q, want %q", got, tt.wantPath)
			}
			if c.value != tt.wantValue || c.key != tt.wantKey || c.prefix != tt.wantPrefix || c.item != tt.wantItem || c.bareDash != tt.wantDash {
				t.Errorf("got value=%v key=%q prefix=%q item=%v bareDash=%v", c.value, c.key, c.prefix, c.item, c.bareDash)
			}
		})
	}
	// Siblings: the keys the step already has.
	c := cursorAt(lines, 13, 10)
	for _, k := range []string{"id", "action", "touchpoints", "sources"} {
		if !c.siblings[k] {
			t.Errorf("sibling %q not seen (got %v)", k, c.siblings)
		}
	}
	if c.siblings["lane"] || c.siblings["name"] {
		t.Errorf("keys of other mappings taken as siblings: %v", c.siblings)
	}
}
