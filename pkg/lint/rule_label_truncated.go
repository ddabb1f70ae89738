package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// labelTruncated: the diagram cuts a label that does not fit its cell with
// an ellipsis. Measured with the renderer's own font metrics and cell
// widths (layout.LabelCut), so it fires exactly where the picture cuts.
var labelTruncated = &Rule{
	ID: "label-truncated", Level: finding.Info,
	Short: "a label is too long for its cell and the diagram cuts it",
	Full: "Each cell of the diagram has a fixed width and a limit of lines; a longer action, touchpoint, " +
		"evidence item or lane name ends in an ellipsis on the picture (the full text stays in the file and the SVG's tooltip).",
	Fix: "Shorten the text (move the detail to pains, quotes or the description).",
	Check: func(p *Pass) {
		for _, l := range p.J.Lanes {
			if l.Origin == "" && layout.LabelCut(layout.LabelLane, l.Name) {
				p.Report(l.Loc.Value("name"), "lane name %q is cut on the diagram after %d lines; shorten it", clip(l.Name), layout.LabelLines(layout.LabelLane))
			}
		}
		for _, s := range p.Steps() {
			if layout.LabelCut(layout.LabelAction, s.Action) {
				p.Report(s.Loc.Value("action"), "action of step %q is cut on the diagram after %d lines; shorten it", s.ID, layout.LabelLines(layout.LabelAction))
			}
			off, shown := layout.EvidenceShown(s.Evidence)
			for i, e := range s.Evidence {
				switch {
				case off >= 0 && i == off && shown > 0:
					unit := "lines"
					if shown == 1 {
						unit = "line"
					}
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is cut on the diagram after %d %s; shorten it", clip(e), s.ID, shown, unit)
				case off >= 0 && i >= off:
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is left off the diagram: its cell shows %d lines; shorten the list", clip(e), s.ID, layout.LabelLines(layout.LabelEvidence))
				case layout.LabelCut(layout.LabelEvidence, e):
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is cut on the diagram after %d lines; shorten it", clip(e), s.ID, layout.LabelLines(layout.LabelEvidence))
				}
			}
			for _, c := range append(s.Touchpoints[:len(s.Touchpoints):len(s.Touchpoints)], s.Backstage...) {
				if layout.LabelCut(layout.LabelContact, c.Does) {
					p.Report(c.Loc.Value("does"), "what lane %q does at step %q is cut on the diagram after %d lines; shorten it", c.Lane.Value, s.ID, layout.LabelLines(layout.LabelContact))
				}
			}
		}
	},
}
