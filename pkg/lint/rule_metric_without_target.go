package lint

import "github.com/cxmap/cxmap/pkg/finding"

// metricWithoutTarget: a measurement without a target cannot say whether the
// step is good enough, and the gap report cannot compute a gap.
var metricWithoutTarget = &Rule{
	ID: "metric-without-target", Level: finding.Warning,
	Short: "a metric has no target",
	Full:  "The gap report compares each metric's current value with its target. Without a target there is no gap and no \"met\".",
	Fix:   "Add `target:` (and `better: lower` when smaller is better).",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			for _, m := range s.Metrics {
				if m.Target == nil {
					p.Report(m.Loc.Value("name"), "metric %q of step %q has no target; add target: the value that would count as good enough", clip(m.Name), s.ID)
				}
			}
		}
	},
}
