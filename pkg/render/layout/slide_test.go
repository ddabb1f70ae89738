package layout

import (
	"os"
	"testing"
)

// TestLabelStubs: on a page of some of a journey's steps, the stubs of
// flows leaving or entering it are grouped by kind and edge, and after
// LabelStubs each group has one label, on its outermost stub, as wide as
// the label; the others have none.
func TestLabelStubs(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j := parse(t, "permit.yaml", data)
	steps := j.Steps()
	for _, tc := range []struct {
		name string
		from int
		to   int
	}{{"first two", 0, 2}, {"middle", 1, 3}, {"last two", len(steps) - 2, len(steps)}} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, s := range steps[tc.from:tc.to] {
				ids = append(ids, s.ID)
			}
			g, err := Build(j, Options{Steps: ids, Compact: true})
			if err != nil {
				t.Fatal(err)
			}
			groups := g.StubGroups()
			if len(groups) == 0 {
				t.Fatal("no stubs: the page should have flows to other pages")
			}
			for _, sg := range groups {
				g.LabelStubs(sg, "→ page 9")
			}
			for _, sg := range groups {
				for _, k := range sg.Edges {
					e := g.Edges[k]
					if e.Kind != sg.Kind {
						t.Errorf("edge %d is %v in a group of %v", k, e.Kind, sg.Kind)
					}
					labelled := e.Label != "" && e.LabelBox.W > 0
					if labelled != (k == sg.Outer) || labelled && e.Label != "→ page 9" {
						t.Errorf("edge %d (outer %d): label %q box %+v", k, sg.Outer, e.Label, e.LabelBox)
					}
				}
			}
		})
	}
}
