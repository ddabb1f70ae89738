package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unratedStep: the rating is the point of the map (method step 5); an
// unrated step is a gap in the picture of how the journey feels.
var unratedStep = &Rule{
	ID: "unrated-step", Level: finding.Error,
	Short: "a step has no rating",
	Full: "Each step is rated from the customer's side: green (working well), yellow (unhappy) or red (very unhappy). " +
		"Unrated steps are left out of the gap report's priorities and show grey in the diagram.",
	Fix: "Add `rating: green`, `yellow` or `red` to the step.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if s.Rating == "" {
				p.Report(at(s.Loc), "step %q has no rating; add a rating: green, yellow or red", s.ID)
			}
		}
	},
}
