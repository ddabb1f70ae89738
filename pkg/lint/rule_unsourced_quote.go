package lint

import "github.com/cxmap/cxmap/pkg/finding"

// unsourcedQuote: a quote is evidence only when it says where it was heard.
var unsourcedQuote = &Rule{
	ID: "unsourced-quote", Level: finding.Warning,
	Short: "a quote names no source",
	Full: "Quotes let pains rest on the customer's own words. A quote that does not say which research it " +
		"comes from cannot be checked, and reads like the team's paraphrase.",
	Fix: "Add `source: ID` to the quote, naming an entry of `sources:` (the journey's or a catalog's).",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			for _, q := range s.Quotes {
				if q.Source.Value == "" {
					p.Report(q.Loc.Value("text"), "quote %q in step %q names no source; add source: naming the research it comes from", clip(q.Text), s.ID)
				}
			}
		}
	},
}
