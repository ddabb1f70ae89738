// Package labelfit says whether a label fits its cell on the blueprint: the
// cell widths, font sizes and line limits of the labels the lint rule
// label-truncated checks, and the measure. It sits below both the check
// stage (pkg/lint) and the layout (pkg/render/layout), which takes its
// sizes from here, so lint imports no output package and the two cannot
// disagree (TestLabelCutAgreesWithLayout in pkg/render/layout).
package labelfit

import "github.com/cxmap/cxmap/pkg/textmetrics"

// Cell geometry in points, shared with the layout.
const (
	HeaderW = 132.0 // row header column
	ColW    = 150.0 // a step's column
	Pad     = 6.0   // inside a cell

	// CellTextW and HeaderTextW are the widths cell text and row headers
	// wrap to.
	CellTextW   = ColW - 2*Pad - 2
	HeaderTextW = HeaderW - 2*Pad

	// Font sizes are whole points: Graphviz reads an HTML label's
	// POINT-SIZE as an integer (8.5 was drawn at 8), so a fractional size
	// would be measured at one size and drawn at another.
	ActionSize   = 10.0
	LaneSize     = 9.0
	EvidenceSize = 8.0
	HeaderSize   = 9.0

	// Lines a label may take before it is cut with an ellipsis.
	ActionLines   = 5
	LaneLines     = 4
	EvidenceLines = 4
	HeaderLines   = 3
)

// Kind is a kind of label whose cut label-truncated predicts.
type Kind int

// The label kinds.
const (
	Action   Kind = iota // a step's action, in the customer row
	Contact              // a touchpoint's or backstage entry's `does`
	Evidence             // one item of physical evidence
	Lane                 // a lane's name, in the row header
)

type spec struct {
	width, size float64
	bold        bool
	lines       int
}

var specs = [...]spec{
	Action:   {CellTextW, ActionSize, false, ActionLines},
	Contact:  {CellTextW, LaneSize, false, LaneLines},
	Evidence: {CellTextW, EvidenceSize, false, EvidenceLines},
	Lane:     {HeaderTextW, HeaderSize, true, HeaderLines},
}

// Lines is how many lines a label of the kind may take before it is cut.
func (k Kind) Lines() int { return specs[k].lines }

// count is how many lines s takes, up to Lines()+1.
func (k Kind) count(s string) int {
	sp := specs[k]
	return textmetrics.Count(s, sp.width, sp.size, sp.bold, sp.lines)
}

// Cut reports whether the diagram cuts s with an ellipsis when it is drawn
// as a label of the kind.
func (k Kind) Cut(s string) bool { return k.count(s) > specs[k].lines }

// EvidenceFit measures a step's evidence items, each once: first is the
// first item the diagram does not show whole because the items before it
// fill the cell's lines, and shown how many of its lines show (0: left
// off), or -1 when every item fits in the cell (the layout's list cell
// decides the same); cut[i] says item i is cut on its own.
func EvidenceFit(items []string) (first, shown int, cut []bool) {
	first = -1
	cut = make([]bool, len(items))
	n := 0
	for i, e := range items {
		lines := Evidence.count(e)
		cut[i] = lines > EvidenceLines
		lines = min(lines, EvidenceLines)
		if first < 0 && n+lines > EvidenceLines {
			first, shown = i, max(EvidenceLines-n, 0)
		}
		n += lines
	}
	return first, shown, cut
}
