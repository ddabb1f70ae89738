package lint

import (
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/labelfit"
)

// labelTruncated: the diagram cuts a label that does not fit its cell with
// an ellipsis. Measured with the renderer's own font metrics and cell
// widths (pkg/labelfit, which the layout shares), so it fires exactly
// where the picture cuts. Each label is measured once, and one too short
// to fill a line is not measured at all (textmetrics.Count).
var labelTruncated = &Rule{
	ID: "label-truncated", Level: finding.Info,
	Short: "a label is too long for its cell and the diagram cuts it",
	Full: "Each cell of the diagram has a fixed width and a limit of lines; a longer action, touchpoint, " +
		"evidence item or lane name ends in an ellipsis on the picture (the full text stays in the file and the SVG's tooltip).",
	Fix: "Shorten the text (move the detail to pains, quotes or the description).",
	Check: func(p *Pass) {
		for _, l := range p.J.Lanes {
			if l.Origin == "" && labelfit.Lane.Cut(l.Name) {
				p.Report(l.Loc.Value("name"), "lane name %q is cut on the diagram after %d lines; shorten it", clip(l.Name), labelfit.Lane.Lines())
			}
		}
		for _, s := range p.Steps() {
			if labelfit.Action.Cut(s.Action) {
				p.Report(s.Loc.Value("action"), "action of step %q is cut on the diagram after %d lines; shorten it", s.ID, labelfit.Action.Lines())
			}
			off, shown, cut := labelfit.EvidenceFit(s.Evidence)
			for i, e := range s.Evidence {
				switch {
				case off >= 0 && i == off && shown > 0:
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is cut on the diagram after %s; shorten it", clip(e), s.ID, textsafe.Plural(shown, "line", "lines"))
				case off >= 0 && i >= off:
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is left off the diagram: its cell shows %d lines; shorten the list", clip(e), s.ID, labelfit.Evidence.Lines())
				case cut[i]:
					p.Report(s.Loc.Item("evidence", i), "evidence %q of step %q is cut on the diagram after %d lines; shorten it", clip(e), s.ID, labelfit.Evidence.Lines())
				}
			}
			for i := range s.Touchpoints {
				p.reportContact(s.ID, &s.Touchpoints[i])
			}
			for i := range s.Backstage {
				p.reportContact(s.ID, &s.Backstage[i])
			}
		}
	},
}

// reportContact reports a touchpoint's or backstage entry's `does` that
// the diagram cuts.
func (p *Pass) reportContact(step string, c *journey.Contact) {
	if labelfit.Contact.Cut(c.Does) {
		p.Report(c.Loc.Value("does"), "what lane %q does at step %q is cut on the diagram after %d lines; shorten it", c.Lane.Value, step, labelfit.Contact.Lines())
	}
}
