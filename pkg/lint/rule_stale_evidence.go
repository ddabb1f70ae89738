package lint

import (
	"time"

	"github.com/cxmap/cxmap/pkg/finding"
)

// staleEvidence: a rating whose research is old when the map was updated.
var staleEvidence = &Rule{
	ID: "stale-evidence", Level: finding.Info,
	Short: "a rating's newest dated source is older than the configured months (default 12) at the journey's updated date",
	Full: "The sources of a rated step are those it cites and those its metrics cite. When the newest of them with a `date` is " +
		"more than the rule option `months` (default 12) older than the journey's `updated` date (today when it has none), the " +
		"rating rests on evidence from another time. Steps whose sources have no dates are not checked.",
	Fix:     "Measure again (cxmap measure --write records a dated survey source) or review the rating with fresh research.",
	Options: map[string]int{"months": 12},
	Check: func(p *Pass) {
		at := p.J.Updated
		if at.IsZero() {
			at = p.Today()
		}
		months := p.Option("months")
		dates := map[string]time.Time{}
		for _, s := range p.J.Sources {
			if !s.Date.IsZero() {
				dates[s.ID] = s.Date
			}
		}
		for _, s := range p.Steps() {
			if s.Rating == "" {
				continue
			}
			var newest time.Time
			id := ""
			see := func(src string) {
				if d, ok := dates[src]; ok && d.After(newest) {
					newest, id = d, src
				}
			}
			for _, t := range s.Sources {
				see(t.Value)
			}
			for _, m := range s.Metrics {
				for _, t := range m.Sources {
					see(t.Value)
				}
			}
			if id == "" || !newest.AddDate(0, months, 0).Before(at) {
				continue
			}
			p.Report(s.Loc.Value("rating"), "the rating of step %q rests on sources whose newest, %q, is dated %s, more than %d months before %s; measure again or review the rating",
				s.ID, id, newest.Format("2006-01-02"), months, at.Format("2006-01-02"))
		}
	},
}
