package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// redWithoutOpportunity: the map exists to turn pain into work; a red step,
// or a critical step that is not green, with no opportunity is a known
// problem nobody has proposed to fix.
var redWithoutOpportunity = &Rule{
	ID: "red-without-opportunity", Level: finding.Warning,
	Short: "a red or critical non-green step has no opportunity",
	Full: "Red steps (very unhappy customers), and critical experiences rated yellow, are where improvement matters most. " +
		"Without an opportunity the gap report shows a problem with no proposed answer.",
	Fix: "Add an `opportunities:` entry with an `idea` and an `owner`.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if len(s.Opportunities) > 0 || !redOrCriticalYellow(s.Step) {
				continue
			}
			what := "step %q is rated red"
			if s.Rating == journey.Yellow {
				what = "critical step %q is rated yellow"
			}
			p.Report(s.Loc.Value("rating"), what+" but has no opportunity; add one under opportunities: with an idea and an owner", s.ID)
		}
	},
}

// redOrCriticalYellow is the steps this rule is about; pain-without-opportunity
// leaves them to it.
func redOrCriticalYellow(s *journey.Step) bool {
	return s.Rating == journey.Red || (s.Critical && s.Rating == journey.Yellow)
}
