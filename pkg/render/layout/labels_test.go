package layout

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/labelfit"
)

// TestLabelCutAgreesWithLayout: what pkg/labelfit predicts is what Build cuts.
func TestLabelCutAgreesWithLayout(t *testing.T) {
	long := strings.Repeat("Waits for the letter that confirms the appointment ", 4)
	for _, action := range []string{"Books", long, long[:120], long[:160]} {
		src := "cxmap: 1\nid: t\ntitle: T\nlanes:\n  - {id: portal, name: " + quoteYAML(long[:70]) + ", zone: frontstage}\n" +
			"stages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: " + quoteYAML(action) +
			"\n        evidence: [" + quoteYAML(action) + "]\n        touchpoints: [{lane: portal, does: " + quoteYAML(action) + "}]\n"
		j, fs := journey.Parse("t.yaml", []byte(src))
		if j == nil {
			t.Fatal(fs)
		}
		g, err := Build(j, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range g.Cells {
			kind, ok := map[CellKind]labelfit.Kind{CellAction: labelfit.Action, CellTouchpoint: labelfit.Contact, CellEvidence: labelfit.Evidence}[c.Kind]
			if !ok {
				continue
			}
			if got := kind.Cut(action); got != c.Text.Truncated {
				t.Errorf("%v %d chars: labelfit cut %v, layout truncated %v", c.Kind, len(action), got, c.Text.Truncated)
			}
		}
		for _, r := range g.Rows {
			if r.Lane == "portal" && labelfit.Lane.Cut(long[:70]) != r.Label.Truncated {
				t.Errorf("lane name: labelfit cut %v, layout %v", labelfit.Lane.Cut(long[:70]), r.Label.Truncated)
			}
		}
	}
}

func quoteYAML(s string) string { return `"` + strings.TrimSpace(s) + `"` }
