package layout

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

// TestLabelCutAgreesWithLayout: what LabelCut predicts is what Build cuts.
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
			kind := map[CellKind]string{CellAction: LabelAction, CellTouchpoint: LabelContact, CellEvidence: LabelEvidence}[c.Kind]
			if got := LabelCut(kind, action); got != c.Text.Truncated {
				t.Errorf("%s %d chars: LabelCut %v, layout truncated %v", kind, len(action), got, c.Text.Truncated)
			}
		}
		for _, r := range g.Rows {
			if r.Lane == "portal" && LabelCut(LabelLane, long[:70]) != r.Label.Truncated {
				t.Errorf("lane name: LabelCut %v, layout %v", LabelCut(LabelLane, long[:70]), r.Label.Truncated)
			}
		}
	}
}

func quoteYAML(s string) string { return `"` + strings.TrimSpace(s) + `"` }
