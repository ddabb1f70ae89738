package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
)

// staleJourney: a map older than the configured days probably no longer
// describes the service; info, because age alone proves nothing.
var staleJourney = &Rule{
	ID: "stale-journey", Level: finding.Info,
	Short: "the journey's updated date is older than the configured days (default 180)",
	Full: "`updated` says when the map was last checked against reality. Past the configured age " +
		"(rule option `days`, default 180) it is probably out of date. Journeys without `updated` are not checked.",
	Fix:     "Review the journey with its owner and set `updated:` to today's date.",
	Options: map[string]int{"days": 180},
	Check: func(p *Pass) {
		if p.J.Updated.IsZero() {
			return
		}
		days := p.Option("days")
		age := int(p.Today().Sub(p.J.Updated).Hours() / 24)
		if age > days {
			// The message leaves out the age in days so that it, and the
			// SARIF fingerprint made from it, stays the same from day to day.
			p.Report(p.J.Loc.Value("updated"), "journey was last updated %s, more than %d days ago; review it and set updated: to today's date",
				p.J.Updated.Format("2006-01-02"), days)
		}
	},
}
