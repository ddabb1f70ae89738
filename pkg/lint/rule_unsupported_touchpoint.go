package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unsupportedTouchpoint: a blueprint is about what happens behind the line
// of visibility; a touchpoint with nothing behind it is usually an
// unfinished map rather than magic.
var unsupportedTouchpoint = &Rule{
	ID: "unsupported-touchpoint", Level: finding.Warning,
	Short: "a step has touchpoints but nothing backstage supports them",
	Full: "Below the line of visibility, a service blueprint shows the staff and systems that make each step happen. " +
		"A step with touchpoints and no backstage entry hides where a fix would have to be made.",
	Fix: "Add a `backstage:` entry with a backstage or support `lane` and what it `does`.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if len(s.Touchpoints) > 0 && len(s.Backstage) == 0 {
				p.Report(s.Loc.Key("touchpoints"), "step %q has touchpoints but nothing backstage supports them; add a backstage: entry with a backstage or support lane", s.ID)
			}
		}
	},
}
