package lint

import "github.com/cxmap/cxmap/pkg/finding"

// missingTouchpoint: a step the customer takes without meeting anyone or
// anything cannot be designed or improved; the map has a hole there.
var missingTouchpoint = &Rule{
	ID: "missing-touchpoint", Level: finding.Error,
	Short: "a step has no touchpoint",
	Full: "Every step the customer takes meets someone or something: a person, a channel, a system. " +
		"A step without touchpoints leaves the blueprint's frontstage empty at that column, so nobody can say what to improve.",
	Fix: "Add a touchpoint under `touchpoints:` with a frontstage `lane` and what it `does`.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if len(s.Touchpoints) > 0 {
				continue
			}
			r := at(s.Loc)
			if s.Loc.Has("touchpoints") {
				r = s.Loc.Value("touchpoints")
			}
			p.Report(r, "step %q has no touchpoint; add one under touchpoints: with a frontstage lane and what it does", s.ID)
		}
	},
}
