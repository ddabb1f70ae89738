package lint

import (
	"fmt"
	"strconv"

	"github.com/cxmap/cxmap/pkg/finding"
)

// smallSample: a rating resting on a handful of answers.
var smallSample = &Rule{
	ID: "small-sample", Level: finding.Info,
	Short: "a rating rests on fewer answers than the configured minimum (default 30)",
	Full: "The answers behind a step's rating are the largest `n` of its metrics (for a touchpoint, of the metrics with its `lane`), " +
		"or, when no metric has one, the largest `n` of the survey sources the step cites. Fewer than the rule option `n` (default 30) " +
		"answers make a score whose interval is too wide to rate on. Ratings without a known number of answers are not checked.",
	Fix:     "Gather more answers and measure again, or say in the step's sources that the rating rests on qualitative research.",
	Options: map[string]int{"n": 30},
	Check: func(p *Pass) {
		min := p.Option("n")
		for _, s := range p.Steps() {
			if s.Rating != "" {
				if n, _ := measuredN(p.J, s.Step, ""); n > 0 && n < min {
					p.Report(s.Loc.Value("rating"), "the rating of step %q rests on %d answers, fewer than %d; gather more before rating on them", s.ID, n, min)
				}
			}
			for _, c := range s.Touchpoints {
				if c.Rating == "" {
					continue
				}
				if n, _ := measuredN(p.J, s.Step, c.Lane.Value); n > 0 && n < min {
					what := fmt.Sprintf("touchpoint %s of step %s", strconv.Quote(c.Lane.Value), strconv.Quote(s.ID))
					p.Report(c.Loc.Value("rating"), "the rating of %s rests on %d answers, fewer than %d; gather more before rating on them", what, n, min)
				}
			}
		}
	},
}
