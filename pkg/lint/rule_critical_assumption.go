package lint

import "github.com/cxmap/cxmap/pkg/finding"

// criticalAssumption: data, not assumptions, where it matters most. It
// fires beside unsourced-rating (info, on every rating) so that a critical
// step's guess stands out as a warning.
var criticalAssumption = &Rule{
	ID: "critical-assumption", Level: finding.Warning,
	Short: "a critical step is rated without a source",
	Full: "A critical experience is where the journey is won or lost. Its rating should rest on research " +
		"(interviews, a survey, analytics), not on the mapping team's assumption.",
	Fix: "Cite the research behind the rating with `sources: [ID]`, or do the research before rating the step.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			if s.Critical && s.Rating != "" && len(s.Sources) == 0 {
				p.Report(s.Loc.Value("critical"), "critical step %q is rated %s without a source: an assumption where it matters most; cite the research with sources: [id]", s.ID, s.Rating)
			}
		}
	},
}
