package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unsourcedRating: ratings should rest on data, not assumptions (method
// step 6); this is info because early maps are workshop guesses by design.
var unsourcedRating = &Rule{
	ID: "unsourced-rating", Level: finding.Info,
	Short: "a rated step cites no source (an assumption, not data)",
	Full: "A rating without a source is the mapping team's assumption. Citing the interviews, survey or analytics " +
		"it rests on lets a reader tell evidence from opinion.",
	Fix: "Add `sources: [ID]` to the step, naming an entry of the journey's `sources:` list (add one if needed).",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if s.Rating != "" && len(s.Sources) == 0 {
				p.Report(s.Loc.Value("rating"), "rating of step %q cites no source; add sources: [id] naming the research it rests on", s.ID)
			}
		}
	},
}
