package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unusedSource: research listed but cited by no rating is either not used
// or its citations were forgotten.
var unusedSource = &Rule{
	ID: "unused-source", Level: finding.Warning,
	Short: "a source is defined but never cited",
	Full:  "Sources are the research ratings rest on. A source no step cites supports nothing on the map.",
	Fix:   "Cite the source from the steps whose rating it supports (`sources: [ID]`), or remove it.",
	Check: func(p *Pass) {
		used := map[string]bool{}
		for _, s := range p.Steps() {
			for _, t := range s.Sources {
				used[t.Value] = true
			}
			for _, q := range s.Quotes {
				used[q.Source.Value] = true
			}
			for _, m := range s.Metrics {
				for _, t := range m.Sources {
					used[t.Value] = true
				}
			}
		}
		for _, m := range p.J.KPIs {
			for _, t := range m.Sources {
				used[t.Value] = true
			}
		}
		for _, src := range p.J.Sources {
			if !used[src.ID] && src.Origin == "" { // only what the journey itself defines
				p.Report(at(src.Loc), "source %q is never cited; cite it from a step's sources: or remove it", src.ID)
			}
		}
	},
}
