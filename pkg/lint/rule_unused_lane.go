package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unusedLane: a lane no step uses draws an empty row; usually a leftover or
// a typo'd reference elsewhere.
var unusedLane = &Rule{
	ID: "unused-lane", Level: finding.Warning,
	Short: "a lane is defined but never used",
	Full:  "Every lane is a row of the blueprint. A lane no touchpoint or backstage entry refers to draws an empty row.",
	Fix:   "Refer to the lane from a touchpoint or backstage entry, or remove it.",
	Check: func(p *Pass) {
		used := map[string]bool{}
		for _, s := range p.Steps() {
			for _, c := range s.Touchpoints {
				used[c.Lane.Value] = true
			}
			for _, c := range s.Backstage {
				used[c.Lane.Value] = true
			}
		}
		for _, l := range p.J.Lanes {
			if !used[l.ID] && l.Origin == "" { // a catalog's lanes are the catalog's business
				p.Report(at(l.Loc), "lane %q is never used; refer to it from a touchpoint or backstage entry, or remove it", l.ID)
			}
		}
	},
}
