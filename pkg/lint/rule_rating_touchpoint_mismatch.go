package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// ratingTouchpointMismatch: a step's rating sums up its touchpoints; when
// every rated touchpoint says the opposite, one of them is wrong.
var ratingTouchpointMismatch = &Rule{
	ID: "rating-touchpoint-mismatch", Level: finding.Warning,
	Short: "a step's rating contradicts all its rated touchpoints",
	Full: "A step rated green while every rated touchpoint is yellow or red, or red while every rated " +
		"touchpoint is green, tells two stories. Either the step's rating or the touchpoints' is out of date.",
	Fix: "Re-rate the step or its touchpoints so they tell one story (a step can be worse than its touchpoints, not the opposite).",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if s.Rating != journey.Green && s.Rating != journey.Red {
				continue
			}
			rated, green := 0, 0
			for _, c := range s.Touchpoints {
				if c.Rating == "" {
					continue
				}
				rated++
				if c.Rating == journey.Green {
					green++
				}
			}
			switch {
			case rated == 0:
			case s.Rating == journey.Green && green == 0:
				p.Report(s.Loc.Value("rating"), "step %q is rated green but every rated touchpoint is yellow or red; re-rate the step or its touchpoints", s.ID)
			case s.Rating == journey.Red && green == rated:
				p.Report(s.Loc.Value("rating"), "step %q is rated red but every rated touchpoint is green; re-rate the step or its touchpoints", s.ID)
			}
		}
	},
}
