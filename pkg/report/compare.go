package report

import (
	"strings"

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
func (c *Comparison) Text() string { return c.text(words{}) }

// text is Text in the report's words: in English diff.Headline itself; in
// another language the same counts (zero counts left out, as Headline
// does) with the class words of the locale. What else changed (Else) is
// diff's sentence, in English.
func (c *Comparison) text(w words) string {
	head := c.Headline
	if w.loc != nil {
		var parts []string
		for _, n := range c.Counts {
			if n.N > 0 {
				parts = append(parts, w.Int(n.N)+" "+w.T(n.Word))
			}
		}
		head = w.T("no steps")
		if len(parts) > 0 {
			head = strings.Join(parts, ", ")
		}
	}
	s := w.T("Compared with {x}: steps {y}.", c.Baseline, head)
	if c.Else != "" {
		s += " " + c.Else + "."
	}
	return s
}
