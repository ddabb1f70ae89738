package layout

import (
	"math"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/textmetrics"
)

// group orders rows by the lines between them: 0 customer side, 1
// frontstage, 2 backstage, 3 support.
func group(k RowKind) int {
	switch k {
	case RowFrontstage:
		return 1
	case RowBackstage:
		return 2
	case RowSupport:
		return 3
	}
	return 0
}

// lineBetween names the line drawn between two row groups. When rows are
// missing on one side (say no frontstage lane), one line stands for the
// boundaries crossed, named after the line of visibility when it is among
// them, since what the customer cannot see matters most.
func lineBetween(from, to int) (LineKind, string) {
	switch {
	case from < 2 && to >= 2:
		return LineVisibility, "Line of visibility"
	case to == 1:
		return LineInteraction, "Line of interaction"
	default:
		return LineInternal, "Line of internal interaction"
	}
}

// placeRows stacks the rows from y down, with the routing tracks around the
// customer row and the dashed lines between row groups, and places every
// cell in its row and column.
func (g *Grid) placeRows(specs []rowSpec, byStep map[string]map[int][]content, steps []journey.StepRef, tr tracks, y float64, gap spacing) {
	g.Rows = []Row{}
	g.Lines = []Line{}
	g.Cells = []Cell{}
	prev := -1
	for i, sp := range specs {
		gr := group(sp.kind)
		switch {
		case i == 0:
		case prev != gr && prev >= 0:
			kind, label := lineBetween(prev, gr)
			g.Lines = append(g.Lines, Line{Kind: kind, Label: label, Y: rd(y + gap.lineAt)})
			y += gap.lineGap
		default:
			y += gap.rowGap
		}
		if sp.kind == RowCustomer && tr.above > 0 {
			y += trackSpace(tr.above)
		}
		row := Row{Kind: sp.kind, Rect: Rect{X: Margin, Y: rd(y), H: sp.h}, Label: sp.label, Note: sp.note}
		if sp.lane != nil {
			row.Lane = sp.lane.ID
		}
		row.Header = Rect{X: Margin, Y: rd(y), W: HeaderW, H: sp.h}
		g.Rows = append(g.Rows, row)
		for c, s := range steps {
			g.placeCells(i, c, s.ID, byStep[s.ID][i], y, sp.h)
		}
		y += sp.h
		if sp.kind == RowCustomer && tr.below > 0 {
			y += trackSpace(tr.below)
		}
		prev = gr
	}
	g.Height = y // the legend adds to it
}

// trackSpace is the room n tracks of routed arrows take beside a row.
func trackSpace(n int) float64 { return TrackInset + float64(n-1)*TrackStep + 6 }

// placeCells stacks a step's cells in one row: a single cell fills the row;
// several take their own heights and the last one fills what is left.
func (g *Grid) placeCells(row, col int, step string, cs []content, y, h float64) {
	top := y
	for k, c := range cs {
		ch := c.h
		if k == len(cs)-1 {
			ch = y + h - top
		}
		cell := Cell{
			ID: cellID(c, step, k), Kind: c.kind, Row: row, Col: col,
			Rect: Rect{X: rd(colX(col)), Y: rd(top), W: ColW, H: rd(ch)},
			Step: step, Lane: c.lane, Text: c.text,
			Rating: c.rating, Rated: c.rated, Critical: c.crit, Badge: c.badge,
		}
		if c.badge != "" {
			cell.BadgeW = BadgeWidth(c.badge)
		}
		if c.crit && c.badge != "" {
			cell.CriticalW = BadgeWidth(CriticalMark)
		}
		g.Cells = append(g.Cells, cell)
		top += ch + StackGap
	}
}

func cellID(c content, step string, k int) string {
	switch c.kind {
	case CellAction:
		return "action:" + step
	case CellEvidence:
		return "evidence:" + step
	case CellTouchpoint:
		return "touch:" + step + ":" + c.lane + ":" + itoa(k)
	}
	return "back:" + step + ":" + c.lane + ":" + itoa(k)
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// placeEmotion plots each step's emotion in the emotion row.
func (g *Grid) placeEmotion(steps []journey.StepRef) {
	ri := -1
	for i, r := range g.Rows {
		if r.Kind == RowEmotion {
			ri = i
		}
	}
	if ri < 0 {
		return
	}
	r := g.Rows[ri]
	e := &Emotion{Row: ri, Zero: rd(r.Y + r.H/2), Step: rd((r.H - 24) / 4), Points: []EmotionPoint{}, Runs: [][]Point{}}
	var run []Point
	for c, s := range steps {
		if s.Emotion == nil {
			if len(run) > 1 {
				e.Runs = append(e.Runs, run)
			}
			run = nil
			continue
		}
		p := Point{X: rd(colX(c) + ColW/2), Y: rd(e.Zero - float64(*s.Emotion)*e.Step)}
		e.Points = append(e.Points, EmotionPoint{Col: c, Value: *s.Emotion, At: p})
		run = append(run, p)
	}
	if len(run) > 1 {
		e.Runs = append(e.Runs, run)
	}
	g.Emotion = e
}

// placeLegend puts the legend under the rows, flowing its items onto more
// lines when the picture is narrow, and sets the picture's final size.
func (g *Grid) placeLegend(steps []journey.StepRef) {
	// The rows reach a gap past the last column, as padding like the left's.
	content := colX(len(steps)) + Margin
	if len(steps) == 0 {
		content = Margin + HeaderW + Margin
	}
	avail := math.Max(content-2*Margin, 620)
	type item struct {
		LegendItem
		sw float64
	}
	var items []item
	for _, r := range []string{journey.Green, journey.Yellow, journey.Red, ""} {
		word := RatingWord(r)
		label := map[string]string{journey.Green: "working well", journey.Yellow: "unhappy", journey.Red: "very unhappy", "": "no rating yet"}[r]
		items = append(items, item{LegendItem{Kind: LegendRating, Rating: r, Badge: word, Label: label}, textmetrics.Width(word, BadgeSize, true) + 10})
	}
	// Marks, arrows and lines are explained only when the picture has them.
	drawn := map[LegendKind]bool{LegendLine: len(g.Lines) > 0}
	for _, c := range g.Cells {
		drawn[LegendCritical] = drawn[LegendCritical] || c.Critical
	}
	for _, e := range g.Edges {
		switch e.Kind {
		case EdgeFlow, EdgeExit, EdgeEntry:
			drawn[LegendFlow] = true
		case EdgeBack:
			drawn[LegendBack] = true
		case EdgeLink:
			drawn[LegendLink] = true
		}
	}
	for _, it := range []item{
		{LegendItem{Kind: LegendCritical, Badge: CriticalMark, Label: "critical experience"}, textmetrics.Width(CriticalMark, BadgeSize, true) + 10},
		{LegendItem{Kind: LegendFlow, Label: "customer flow"}, 28},
		{LegendItem{Kind: LegendBack, Label: "loop back"}, 28},
		{LegendItem{Kind: LegendLink, Label: "supported by"}, 14},
		{LegendItem{Kind: LegendLine, Label: "line of interaction / visibility / internal interaction"}, 28},
	} {
		if drawn[it.Kind] {
			items = append(items, it)
		}
	}
	if g.Emotion != nil {
		items = append(items, item{LegendItem{Kind: LegendEmotion, Label: "emotion (−2 to +2)"}, 28})
	}
	const lineH = 20.0
	y0 := g.Height + 18
	x, y := Margin, y0
	maxX := 0.0
	g.Legend.Items = []LegendItem{}
	for _, it := range items {
		it.LabelW = textmetrics.Width(it.Label, LegendSize, false)
		w := it.sw + 5 + it.LabelW
		if x > Margin && x+w > Margin+avail {
			x, y = Margin, y+lineH
		}
		it.Size = LegendSize
		it.Swatch = Rect{X: rd(x), Y: rd(y + 3), W: rd(it.sw), H: 12}
		it.At = Point{X: rd(x + it.sw + 5), Y: rd(y + 12.5)}
		g.Legend.Items = append(g.Legend.Items, it.LegendItem)
		maxX = math.Max(maxX, x+w)
		x += w + 18
	}
	g.Legend.Rect = Rect{X: Margin, Y: rd(y0), W: rd(maxX - Margin), H: rd(y + lineH - y0)}
	g.Height = rd(y + lineH + Margin)
	g.Width = rd(math.Max(content, math.Max(maxX, Margin+math.Max(widest(g.Title.Heading), widest(g.Title.Sub)))+Margin))
	g.Title.W = rd(g.Width - 2*Margin)
	for i := range g.Rows {
		g.Rows[i].W = rd(g.Width - 2*Margin)
	}
	// Bands reach half a gap past their columns, but never past the rows.
	for i := range g.Stages {
		if b := &g.Stages[i]; b.X+b.W > g.Width-Margin {
			b.W = rd(g.Width - Margin - b.X)
		}
	}
	for i := range g.Lines {
		g.Lines[i].X0 = Margin
		g.Lines[i].X1 = rd(g.Width - Margin)
	}
}

// widest is the width of a text's longest line.
func widest(t Text) float64 {
	w := 0.0
	for _, l := range t.Lines {
		w = math.Max(w, textmetrics.Width(l, t.Size, t.Bold))
	}
	return w
}
