package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
)

// painWithoutOpportunity: a pain written down is a promise to do something
// about it; the opportunity is that something.
var painWithoutOpportunity = &Rule{
	ID: "pain-without-opportunity", Level: finding.Warning,
	Short: "a step lists pains but no opportunity",
	Full: "Pains record what hurts the customer at a step. A step with pains and no opportunity " +
		"has a diagnosis without a proposal. Red and critical yellow steps are left to red-without-opportunity " +
		"(while that rule is on), so one missing opportunity is reported once.",
	Fix: "Add an `opportunities:` entry with an `idea` that answers the pain and an `owner`.",
	Check: func(p *Pass) {
		deferToRed := p.Enabled(redWithoutOpportunity)
		for _, s := range p.Steps() {
			if deferToRed && redOrCriticalYellow(s.Step) {
				continue
			}
			if len(s.Pains) > 0 && len(s.Opportunities) == 0 {
				p.Report(s.Loc.Key("pains"), "step %q lists pains but no opportunity; add one under opportunities: with an idea and an owner", s.ID)
			}
		}
	},
}
