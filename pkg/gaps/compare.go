package gaps

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
	// the same as numbers, Else what else changed (pains, time, ...).
	Headline string
	Counts   []diff.Count
	Else     string
}

// Compare compares a journey with its baseline.
func Compare(base, j *journey.Journey) *Comparison {
	d := diff.Compare(base, j)
	return &Comparison{Baseline: d.Old.Name(), Headline: d.Headline(), Counts: d.StepCounts(), Else: d.Else()}
}

// Text is the comparison in one line, for the table and markdown formats.
func (c *Comparison) Text() string {
	s := "Compared with " + c.Baseline + ": steps " + c.Headline + "."
	if c.Else != "" {
		s += " " + c.Else + "."
	}
	return s
}
