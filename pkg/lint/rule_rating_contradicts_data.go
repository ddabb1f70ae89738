package lint

import (
	"fmt"
	"strconv"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/measure"
)

// ratingContradictsData: a rating the measured score disagrees with. The
// figures are the step's NPS, CSAT and CES metrics as `cxmap measure
// --write` records them (docs/measure.md): no survey file is read.
var ratingContradictsData = &Rule{
	ID: "rating-contradicts-data", Level: finding.Warning,
	Short: "a step or touchpoint rating disagrees with its measured NPS, CSAT or CES",
	Full: "A step's NPS, CSAT or CES metric (a touchpoint's: the metric with its `lane`) puts it in another band than its rating: " +
		"by default CSAT >= 80% green, 60-80% yellow, below 60% red; NPS >= 30 green, 0-30 yellow, below 0 red; CES <= 3 green, " +
		"3-5 yellow, above 5 red (rule options csat-green, csat-red, nps-green, nps-red, ces-green, ces-red). When the metric's " +
		"95% `interval` straddles a threshold the data cannot tell, and the rule is silent (cxmap measure says \"inconclusive\").",
	Fix:       "Rate the step (or touchpoint) as its data says, or, if the data misleads (wrong step, skewed sample), fix the data and measure again.",
	Options:   measure.ThresholdOptions,
	OptionMin: map[string]int{"nps-green": -100, "nps-red": -100, "csat-red": 0},
	Check: func(p *Pass) {
		t := measure.ThresholdsFrom(p.Option)
		for _, s := range p.Steps() {
			for _, m := range s.Metrics {
				k := measure.KindOfMetric(m.Name)
				if k == measure.KindQuestion || m.Current == nil {
					continue
				}
				rating, at, what := s.Rating, s.Loc.Value("rating"), "step "+strconv.Quote(s.ID)
				if m.Lane.Value != "" {
					rating = ""
					for _, c := range s.Touchpoints {
						if c.Lane.Value == m.Lane.Value {
							rating, at, what = c.Rating, c.Loc.Value("rating"), fmt.Sprintf("touchpoint %q of step %q", c.Lane.Value, s.ID)
						}
					}
				}
				if rating == "" {
					continue
				}
				low, high := *m.Current, *m.Current
				if m.Interval != nil {
					low, high = m.Interval[0], m.Interval[1]
				}
				verdict, band := t.Judge(k, *m.Current, low, high, rating)
				if verdict != measure.Contradicts {
					continue
				}
				p.Report(at, "%s is rated %s but its %s is %s: %s by the data; rate it %s, or check the data",
					what, rating, m.Name, figureText(m), band, band)
			}
		}
	},
}

// figureText is a measured figure in words: "41.7% (n 120, 95% interval
// 33.2-50.6%)", or the value alone when n and interval are absent.
func figureText(m journey.Metric) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + m.Unit }
	s := num(*m.Current)
	var extra string
	if m.N > 0 {
		extra = "n " + strconv.Itoa(m.N)
	}
	if m.Interval != nil {
		if extra != "" {
			extra += ", "
		}
		extra += "95% interval " + num(m.Interval[0]) + " to " + num(m.Interval[1])
	}
	if extra != "" {
		s += " (" + extra + ")"
	}
	return s
}

// measuredN is how many answers the rating of step s (of its touchpoint on
// lane, when lane is not "") rests on: the largest n of its metrics for
// that scope, or else of the survey sources the step cites (an interview
// count is not a number of answers); 0 when unknown.
func measuredN(j *journey.Journey, s *journey.Step, lane string) (int, journey.Range) {
	best, at := 0, journey.Range{}
	for _, m := range s.Metrics {
		if m.Lane.Value == lane && m.N > best {
			best, at = m.N, m.Loc.Value("n")
		}
	}
	if best > 0 || lane != "" {
		return best, at
	}
	for _, id := range s.Sources {
		for _, src := range j.Sources {
			if src.ID == id.Value && src.Kind == "survey" && src.N > best {
				best, at = src.N, id.At
			}
		}
	}
	return best, at
}
