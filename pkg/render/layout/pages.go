package layout

import "github.com/cxmap/cxmap/pkg/journey"

// pickSteps keeps the steps of all whose ids are in ids, in journey order
// (Options.Steps: one page of a deck shows a run of steps and only the
// rows those steps use).
func pickSteps(all []journey.StepRef, ids []string) []journey.StepRef {
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		keep[id] = true
	}
	var out []journey.StepRef
	for _, s := range all {
		if keep[s.ID] {
			out = append(out, s)
		}
	}
	return out
}
