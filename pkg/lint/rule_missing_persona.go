package lint

import "github.com/cxmap/cxmap/pkg/finding"

// missingPersona: a journey is always someone's journey (method step 1);
// without a persona a rating has no point of view.
var missingPersona = &Rule{
	ID: "missing-persona", Level: finding.Warning,
	Short: "the journey has no persona",
	Full:  "Ratings and emotions are from one customer's side. The persona says whose: their name, goal and expectations.",
	Fix:   "Add `persona:` with at least `name` and `goal` (or `personas:`, a list with ids, for several).",
	Check: func(p *Pass) {
		if len(p.J.Cast()) == 0 {
			p.Report(at(p.J.Loc), "journey %q has no persona; add persona: with the customer's name and goal", p.J.ID)
		}
	},
}
