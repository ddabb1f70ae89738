package lsp

import (
	"fmt"
	"sort"
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

// TestCursorAtPlaces: free text, a quoted value, a list item being typed,
// comments, nested dashes and the keys around the cursor.
func TestCursorAtPlaces(t *testing.T) {
	doc := "cxmap: 1\nid: x\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: Some free te\n        touchpoints:\n          - lane: \"po\n          - port\n        # note\n        backstage:\n          - - x\n        rating: red\n  - id: t\n"
	lines := strings.Split(doc, "\n")
	tests := []struct {
		name              string
		line, col         int
		path, key, prefix string
		value, item, bare bool
		only              bool
		start, keyCol     int
		siblings          string
	}{
		{"free text: the last word", 7, 28, "stages/[]/steps/[]", "action", "te", true, false, false, false, 26, 8, "backstage id rating touchpoints"},
		{"quoted value", 9, 21, "stages/[]/steps/[]/touchpoints/[]", "lane", "po", true, false, false, false, 19, 12, ""},
		{"a list item being typed", 10, 16, "stages/[]/steps/[]/touchpoints/[]", "", "port", false, true, false, false, 12, 12, ""},
		{"nested dashes", 13, 14, "stages/[]/steps/[]/backstage/[]/[]", "", "", false, false, true, false, 14, 14, ""},
		{"blanks before a key", 12, 8, "stages/[]/steps/[]", "", "", false, false, false, true, 8, 8, "action id rating touchpoints"},
		{"an item's first key", 6, 10, "stages/[]/steps/[]", "", "id", false, true, false, false, 8, 8, "action backstage rating touchpoints"},
		{"the next stage", 15, 6, "stages/[]", "", "id", false, true, false, false, 4, 4, ""},
		{"under a top-level key", 3, 2, "stages", "", "", false, false, false, true, 2, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cursorAt(lines, tt.line, tt.col)
			if c == nil {
				t.Fatal("no cursor")
			}
			var sib []string
			for k := range c.siblings {
				sib = append(sib, k)
			}
			sort.Strings(sib)
			got := fmt.Sprintf("path=%s key=%s prefix=%s value=%v item=%v bare=%v only=%v start=%d keyCol=%d siblings=%s",
				strings.Join(c.path, "/"), c.key, c.prefix, c.value, c.item, c.bareDash, c.onlySpace, c.start, c.keyCol, strings.Join(sib, " "))
			want := fmt.Sprintf("path=%s key=%s prefix=%s value=%v item=%v bare=%v only=%v start=%d keyCol=%d siblings=%s",
				tt.path, tt.key, tt.prefix, tt.value, tt.item, tt.bare, tt.only, tt.start, tt.keyCol, tt.siblings)
			if got != want {
				t.Errorf("\ngot  %s\nwant %s", got, want)
			}
		})
	}
	if c := cursorAt(lines, 11, 10); c != nil {
		t.Errorf("in a comment: %+v, want none", c)
	}
	if c := cursorAt(strings.Split("   zz\nid: x\n", "\n"), 0, 5); c != nil {
		t.Errorf("indented with no parent: %+v, want none", c)
	}
	if c := cursorAt(lines, 99, 0); c != nil {
		t.Errorf("past the end: %+v, want none", c)
	}
}
