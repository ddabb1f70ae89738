package report

import (
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Comparison is a future state compared with its baseline, as pkg/diff
// decided it: the report shows the same step classes, words and counts as
// cxmap diff, the deck and the site (docs/diff.md, "One comparison").
type Comparison struct {
	// Baseline names the baseline by title and state.
	Baseline string
	// Headline is diff.Headline ("9 improved, 0 regressed, ..."), Counts
	// the same as numbers, Else what else changed (pains, time, ...), in
	// English (the JSON's words).
	Headline string
	Counts   []diff.Count
	Else     string
	d        *diff.Diff
}

// Compare compares a journey with its baseline.
func Compare(base, j *journey.Journey) *Comparison {
	d := diff.Compare(base, j)
	return &Comparison{Baseline: d.Old.Name(), Headline: d.Headline(), Counts: d.StepCounts(), Else: d.Else(), d: d}
}

// Text is the comparison in one line, for the table and markdown formats.
func (c *Comparison) Text() string { return c.text(words{}) }

// text is Text in the report's words: the headline and what else changed
// in the locale's words and numbers (diff.HeadlineIn, diff.ElseIn).
func (c *Comparison) text(w words) string {
	base, head, els := c.Baseline, c.Headline, c.Else
	if c.d != nil {
		base, head, els = c.d.Old.NameIn(w.loc), c.d.HeadlineIn(w.loc), c.d.ElseIn(w.loc)
	}
	s := w.T("Compared with {x}: steps {y}.", base, head)
	if els != "" {
		s += " " + els + "."
	}
	return s
}
