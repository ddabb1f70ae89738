package lint

import "github.com/cxmap/cxmap/pkg/finding"

// opportunityWithoutOwner: an idea nobody owns is not going to happen.
var opportunityWithoutOwner = &Rule{
	ID: "opportunity-without-owner", Level: finding.Warning,
	Short: "an opportunity has no owner",
	Full:  "Opportunities become work only when someone owns them. The gap report lists owners so a review can end with who does what.",
	Fix:   "Add `owner:` (a team or person) to the opportunity.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			for _, o := range s.Opportunities {
				if o.Owner == "" {
					p.Report(o.Loc.Value("idea"), "opportunity %q of step %q has no owner; add owner: the team or person who will carry it", clip(o.Idea), s.ID)
				}
			}
		}
	},
}
