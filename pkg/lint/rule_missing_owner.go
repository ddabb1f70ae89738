package lint

import "github.com/cxmap/cxmap/pkg/finding"

// missingOwner: maps decay; someone must be accountable for keeping this one
// current.
var missingOwner = &Rule{
	ID: "missing-owner", Level: finding.Warning,
	Short: "the journey has no owner",
	Full:  "A journey map is kept current by someone. The owner is who to ask, and who reviews changes.",
	Fix:   "Add `owner:` (a team or person) at the top of the journey.",
	Check: func(p *Pass) {
		if p.J.Owner == "" {
			p.Report(at(p.J.Loc), "journey %q has no owner; add owner: the team who keeps this map current", p.J.ID)
		}
	},
}
