// Package layout turns a journey into a Grid: the service blueprint with the
// place of every box, line and arrow computed in points. It is pure Go and
// knows nothing about Graphviz: pkg/render/draw only copies these positions into a
// DOT graph with pinned coordinates, which is what keeps lanes aligned at any
// size (docs/rendering.md: letting Graphviz place the cells reorders them).
//
// Coordinates have their origin at the top left and y grows downwards; a
// Rect's X, Y is its top-left corner. Every number is rounded to 1/100 pt so
// the Grid, written as JSON, is stable for golden tests.
package layout

import (
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// Grid is one laid-out blueprint picture.
type Grid struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Title  Title   `json:"title"`
	// Stages are the header bands over the columns of each stage.
	Stages  []Band   `json:"stages"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
	// Lines are the dashed lines of interaction, visibility and internal
	// interaction, each drawn only between rows that exist.
	Lines   []Line   `json:"lines"`
	Cells   []Cell   `json:"cells"`
	Edges   []Edge   `json:"edges"`
	Emotion *Emotion `json:"emotion,omitempty"`
	Legend  Legend   `json:"legend"`
	// Cuts are the labels of this picture cut with an ellipsis or left
	// off, each once (render warns about them).
	Cuts []Cut `json:"cuts,omitempty"`
	// Marks are a comparison picture's marks (marks.go); nil otherwise.
	Marks *Marks `json:"marks,omitempty"`
	// Style holds the measures pkg/render/draw needs besides positions, so
	// it draws without measuring text or reading layout's constants.
	Style Style `json:"style"`
	// Brand is the picture's colours, font, logo and footer, resolved from
	// the theme (see Brand): every drawer reads its colours here. It is
	// not written to the grid's JSON, which is about places.
	Brand Brand `json:"-"`
	// Words are the fixed words drawers write themselves, in the
	// picture's language (Options.Locale).
	Words Words `json:"-"`
	// Logo is where the theme's logo is drawn, at the right of the title
	// block (zero: no logo); Brand.Logo is the file.
	Logo Rect `json:"logo,omitzero"`
	// Footer is the theme's footer and classification line, under the
	// legend; nil when the theme has none.
	Footer *Label `json:"footer,omitempty"`

	// tm measures in the picture's font and loc writes its words, while
	// the grid is laid out.
	tm  *textmetrics.Metrics
	loc *locale.Locale
}

// Words are the fixed words a drawer writes that the grid does not hold
// as a Text.
type Words struct {
	// Critical is the mark on a critical step: "! Critical" in English.
	Critical string `json:"critical"`
}

// Label is a text in a box: Text's first line has its baseline at
// Y + 0.9 × Size (as every text block), left-aligned at X.
type Label struct {
	Rect
	Text Text `json:"text"`
}

// Style is the grid's insets and font sizes that are not part of a Text.
type Style struct {
	// Pad is the inset of text in bands, row headers and cells.
	Pad       float64 `json:"pad"`
	NoteSize  float64 `json:"note_size"`
	BadgeSize float64 `json:"badge_size"`
	StubSize  float64 `json:"stub_size"`
	LineSize  float64 `json:"line_size"` // the labels of the three lines
	TagSize   float64 `json:"tag_size,omitempty"`
}

// Rect is a box: top-left corner and size, in points.
type Rect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Point is a place in points.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Text is one wrapped label: its lines and the full text they came from
// (kept for the SVG tooltip when the lines were cut short).
type Text struct {
	Lines []string `json:"lines"`
	Full  string   `json:"full,omitempty"`
	Size  float64  `json:"size"`
	Bold  bool     `json:"bold,omitempty"`
	// LineHeight is the height of one line at Size, as measured.
	LineHeight float64 `json:"line_height"`
	Truncated  bool    `json:"truncated,omitempty"`
}

// Title is the title block: the journey title and a line naming persona,
// state and date.
type Title struct {
	Rect
	Heading Text `json:"heading"`
	Sub     Text `json:"sub"`
}

// Band is a stage header over its columns.
type Band struct {
	ID string `json:"id"`
	Rect
	Label Text `json:"label"`
}

// Column is the place of one step; every cell of the step has this X and W.
type Column struct {
	Step  string  `json:"step"`
	Stage string  `json:"stage"`
	X     float64 `json:"x"`
	W     float64 `json:"w"`
}

// RowKind says what a row holds.
type RowKind string

// Row kinds, in the order they stand from top to bottom.
const (
	RowTime       RowKind = "time"
	RowEmotion    RowKind = "emotion"
	RowEvidence   RowKind = "evidence"
	RowCustomer   RowKind = "customer"
	RowFrontstage RowKind = "frontstage"
	RowBackstage  RowKind = "backstage"
	RowSupport    RowKind = "support"
	// The insight rows, under the blueprint (render --rows).
	RowPains         RowKind = "pains"
	RowQuotes        RowKind = "quotes"
	RowOpportunities RowKind = "opportunities"
	RowMetrics       RowKind = "metrics"
)

// Row is a horizontal band across the picture: its header label at the left
// (Header) and its cells to the right. Rect spans the whole width.
type Row struct {
	Kind RowKind `json:"kind"`
	Lane string  `json:"lane,omitempty"`
	Rect
	Header Rect `json:"header"`
	Label  Text `json:"label"`
	// Note is a small second label line, e.g. the lane's channel.
	Note string `json:"note,omitempty"`
}

// LineKind names one of the three lines of the blueprint.
type LineKind string

// The lines of the blueprint, top to bottom.
const (
	LineInteraction LineKind = "interaction"
	LineVisibility  LineKind = "visibility"
	LineInternal    LineKind = "internal"
)

// Line is a dashed horizontal line at Y from X0 to X1, labelled at the left.
type Line struct {
	Kind  LineKind `json:"kind"`
	Label string   `json:"label"`
	Y     float64  `json:"y"`
	X0    float64  `json:"x0"`
	X1    float64  `json:"x1"`
}

// CellKind says what a cell shows.
type CellKind string

// Cell kinds.
const (
	CellEvidence   CellKind = "evidence"
	CellAction     CellKind = "action"
	CellTouchpoint CellKind = "touchpoint"
	CellBackstage  CellKind = "backstage"
	// Cells of the optional rows: plain text, drawn like evidence.
	CellTime          CellKind = "time"
	CellPains         CellKind = "pains"
	CellQuotes        CellKind = "quotes"
	CellOpportunities CellKind = "opportunities"
	CellMetrics       CellKind = "metrics"
)

// IsText reports whether cells of the kind are plain text boxes (no rating).
func (k CellKind) IsText() bool {
	switch k {
	case CellAction, CellTouchpoint, CellBackstage:
		return false
	}
	return true
}

// Cell is one box of the grid, in row Row and column Col.
type Cell struct {
	ID   string   `json:"id"`
	Kind CellKind `json:"kind"`
	Row  int      `json:"row"`
	Col  int      `json:"col"`
	Rect
	Step string `json:"step"`
	Lane string `json:"lane,omitempty"`
	Text Text   `json:"text"`
	// Rating is "", "green", "yellow" or "red"; Rated says whether the cell
	// shows a rating at all (action cells always do, "Not rated" included).
	Rating   string `json:"rating,omitempty"`
	Rated    bool   `json:"rated,omitempty"`
	Critical bool   `json:"critical,omitempty"`
	// Badge is the rating as a word, so colour is never the only sign;
	// BadgeW and CriticalW are the widths of its tag and of the critical
	// mark's (a little wider than the words measure).
	Badge     string  `json:"badge,omitempty"`
	BadgeW    float64 `json:"badge_w,omitempty"`
	CriticalW float64 `json:"critical_w,omitempty"`
	// Tags are the persona tags of a step only some personas take (the
	// title names them), with the width of each tag.
	Tags  []string  `json:"tags,omitempty"`
	TagsW []float64 `json:"tags_w,omitempty"`
}

// EdgeKind says what an arrow means.
type EdgeKind string

// Edge kinds.
const (
	// EdgeFlow is the customer flow to a later step.
	EdgeFlow EdgeKind = "flow"
	// EdgeBack is the flow back to an earlier (or the same) step: a loop.
	EdgeBack EdgeKind = "back"
	// EdgeLink joins a step to a touchpoint or backstage cell that serves it.
	EdgeLink EdgeKind = "link"
	// EdgeExit and EdgeEntry are stubs for flow to or from a step on another
	// page of a split: From or To is then empty, and Note names the step.
	EdgeExit  EdgeKind = "exit"
	EdgeEntry EdgeKind = "entry"
)

// Edge is an arrow from cell From to cell To along a polyline; the last
// point is the tip of the arrowhead.
type Edge struct {
	Kind   EdgeKind `json:"kind"`
	From   string   `json:"from"`
	To     string   `json:"to"`
	Points []Point  `json:"points"`
	Note   string   `json:"note,omitempty"`
	// Other is the id of the step on another page a stub leads to or
	// comes from (exit and entry edges only).
	Other string `json:"other,omitempty"`
	// Label and LabelBox are a stub's words (the other step and its stage)
	// and where they go: left-aligned in the box, StubSize.
	Label    string `json:"label,omitempty"`
	LabelBox Rect   `json:"label_box,omitzero"`
}

// Emotion is the emotion curve: a point per step that has an emotion, in
// row Row, and the polyline runs joining consecutive steps that have one.
type Emotion struct {
	Row    int            `json:"row"`
	Zero   float64        `json:"zero"` // y of emotion 0
	Step   float64        `json:"step"` // pt per emotion unit
	Points []EmotionPoint `json:"points"`
	Runs   [][]Point      `json:"runs"`
}

// EmotionPoint is one step's emotion.
type EmotionPoint struct {
	Col   int   `json:"col"`
	Value int   `json:"value"`
	At    Point `json:"at"`
}

// Legend explains colours, marks, arrows and lines.
type Legend struct {
	Rect
	Items []LegendItem `json:"items"`
}

// LegendKind says what a legend item shows.
type LegendKind string

// Legend item kinds.
const (
	LegendRating   LegendKind = "rating"
	LegendCritical LegendKind = "critical"
	LegendFlow     LegendKind = "flow"
	LegendBack     LegendKind = "back"
	LegendLink     LegendKind = "link"
	LegendLine     LegendKind = "line"
	LegendEmotion  LegendKind = "emotion"
	// LegendEmotionPoint is the emotion of a picture with one value: a
	// point, not a curve.
	LegendEmotionPoint LegendKind = "emotion-point"
	LegendPersona      LegendKind = "persona"
)

// LegendItem is a sample (Swatch) and its words (Label).
type LegendItem struct {
	Kind   LegendKind `json:"kind"`
	Rating string     `json:"rating,omitempty"`
	Badge  string     `json:"badge,omitempty"`
	Label  string     `json:"label"`
	// Line is the line a LegendLine item shows.
	Line   LineKind `json:"line,omitempty"`
	Swatch Rect     `json:"swatch"`
	At     Point    `json:"at"` // baseline start of the label
	Size   float64  `json:"size"`
	// LabelW is the label's measured width, not rounded: draw centres the
	// label on it, and a rounded width moved some labels by 0.01 pt.
	LabelW float64 `json:"label_w"`
}

// CriticalMark is the mark on a critical step's cell.
const CriticalMark = "! Critical"
