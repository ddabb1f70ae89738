package layout

import "github.com/cxmap/cxmap/pkg/render/textmetrics"

// Label kinds whose cut the lint rule label-truncated predicts.
const (
	LabelAction   = "action"   // a step's action, in the customer row
	LabelContact  = "contact"  // a touchpoint's or backstage entry's `does`
	LabelEvidence = "evidence" // one item of physical evidence
	LabelLane     = "lane"     // a lane's name, in the row header
)

// cellTextW and headerTextW are the text widths rowsFor wraps cells and
// row headers to (TestLabelCutAgreesWithLayout holds them together).
const (
	cellTextW   = ColW - 2*Pad - 2
	headerTextW = HeaderW - 2*Pad
)

// LabelCut reports whether the diagram cuts s with an ellipsis when it is
// drawn as a label of the given kind, measured as rowsFor measures it.
func LabelCut(kind, s string) bool {
	var cut bool
	switch kind {
	case LabelAction:
		_, cut = textmetrics.Wrap(s, cellTextW, ActionSize, false, ActionLines)
	case LabelContact:
		_, cut = textmetrics.Wrap(s, cellTextW, LaneSize, false, LaneLines)
	case LabelEvidence:
		_, cut = textmetrics.Wrap(s, cellTextW, EvidenceSize, false, EvidenceLines)
	case LabelLane:
		_, cut = textmetrics.Wrap(s, headerTextW, HeaderSize, true, HeaderLines)
	}
	return cut
}

// LabelLines is how many lines a label of the kind may take before it is cut.
func LabelLines(kind string) int {
	switch kind {
	case LabelAction:
		return ActionLines
	case LabelContact:
		return LaneLines
	case LabelEvidence:
		return EvidenceLines
	case LabelLane:
		return HeaderLines
	}
	return 0
}

// EvidenceShown finds the first evidence item the diagram does not show
// whole because the items before it fill the cell's lines: its index and
// how many of its lines show (0: left off); -1 when every item fits in the
// cell (listText decides the same; an item cut on its own is LabelCut's).
func EvidenceShown(items []string) (first, shown int) {
	n := 0
	for i, e := range items {
		lines, _ := textmetrics.Wrap(e, cellTextW, EvidenceSize, false, EvidenceLines)
		if n+len(lines) > EvidenceLines {
			return i, max(EvidenceLines-n, 0)
		}
		n += len(lines)
	}
	return -1, 0
}
