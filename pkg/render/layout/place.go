package layout

import (
	"math"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/textmetrics"
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
	case RowPains, RowQuotes, RowOpportunities, RowMetrics:
		return 4
	}
	return 0
}

// lineBetween names the line drawn between two row groups. When rows are
// missing on one side (say no frontstage lane), one line stands for the
// boundaries crossed, named after the line of visibility when it is among
// them, since what the customer cannot see matters most.
func lineBetween(from, to int) (LineKind, string) {
	var k LineKind
	switch {
	case from < 2 && to >= 2:
		k = LineVisibility
	case to == 1:
		k = LineInteraction
	default:
		k = LineInternal
	}
	return k, lineLabel(k)
}

// lineLabel names a line of the blueprint.
func lineLabel(k LineKind) string {
	switch k {
	case LineVisibility:
		return "Line of visibility"
	case LineInteraction:
		return "Line of interaction"
	}
	return "Line of internal interaction"
}

// tagWidth is the width of a persona tag.
func tagWidth(tm *textmetrics.Metrics, tag string) float64 {
	return math.Ceil(tm.Width(tag, TagSize, true) + 6)
}

// fitTags keeps the persona tags that fit in width w, replacing the rest
// with a "+N" tag.
func fitTags(tm *textmetrics.Metrics, tags []string, w float64) ([]string, []float64) {
	var out []string
	var ws []float64
	used := 0.0
	for i, t := range tags {
		tw := tagWidth(tm, t)
		if used+tw+3 > w && i > 0 {
			more := "+" + itoa(len(tags)-i)
			for used+tagWidth(tm, more)+3 > w && len(out) > 0 {
				used -= ws[len(ws)-1] + 3
				out, ws = out[:len(out)-1], ws[:len(ws)-1]
				more = "+" + itoa(len(tags)-len(out))
			}
			return append(out, more), append(ws, tagWidth(tm, more))
		}
		out = append(out, t)
		ws = append(ws, tw)
		used += tw + 3
	}
	return out, ws
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
		case gr == 4 && prev != 4:
			// The insight rows stand apart from the blueprint, with no line.
			y += LineGap
		case prev != gr && prev >= 0:
			kind, label := lineBetween(prev, gr)
			label = g.loc.T(label)
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
			cell.BadgeW = badgeWidth(g.tm, c.badge)
		}
		if c.crit && c.badge != "" {
			cell.CriticalW = badgeWidth(g.tm, g.Words.Critical)
		}
		if len(c.tags) > 0 {
			cell.Tags, cell.TagsW = fitTags(g.tm, c.tags, ColW-2-2*(Pad-1)-cell.BadgeW-cell.CriticalW-8)
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
	case CellBackstage:
	default:
		return string(c.kind) + ":" + step
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
	// +2 stands EmotionTop below the row's top, so its value label (drawn
	// above the point) keeps clear of the border; −2 stands 12 pt above the
	// bottom.
	const top, bottom = 22.0, 12.0
	step := (r.H - top - bottom) / 4
	e := &Emotion{Row: ri, Zero: rd(r.Y + top + 2*step), Step: rd(step), Points: []EmotionPoint{}, Runs: [][]Point{}}
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

// legendFacts is what a legend explains: what the picture draws.
type legendFacts struct {
	rated                                      map[string]bool
	critical, flow, back, link, tags, oneEmote bool
	lines                                      map[LineKind]bool
	emotion                                    bool
}

// facts reads what the grid draws.
func (g *Grid) facts() legendFacts {
	f := legendFacts{rated: map[string]bool{}, lines: map[LineKind]bool{}}
	for _, c := range g.Cells {
		f.critical = f.critical || c.Critical
		if c.Rated {
			f.rated[c.Rating] = true
		}
		f.tags = f.tags || len(c.Tags) > 0
	}
	for _, e := range g.Edges {
		switch e.Kind {
		case EdgeFlow, EdgeExit, EdgeEntry:
			f.flow = true
		case EdgeBack:
			f.back = true
		case EdgeLink:
			f.link = true
		}
	}
	for _, l := range g.Lines {
		f.lines[l.Kind] = true
	}
	if g.Emotion != nil {
		f.emotion, f.oneEmote = true, len(g.Emotion.Runs) == 0
	}
	return f
}

type legendItem struct {
	LegendItem
	sw float64
}

// items are the legend's items for what is drawn, in order.
func (f legendFacts) items(tm *textmetrics.Metrics, loc *locale.Locale) []legendItem {
	T := loc.T
	var items []legendItem
	for _, r := range []string{journey.Green, journey.Yellow, journey.Red, ""} {
		if !f.rated[r] {
			continue
		}
		word := T(journey.RatingWord(r))
		label := T(map[string]string{journey.Green: "rated green", journey.Yellow: "rated yellow", journey.Red: "rated red", "": "no rating yet"}[r])
		items = append(items, legendItem{LegendItem{Kind: LegendRating, Rating: r, Badge: word, Label: label}, tm.Width(word, BadgeSize, true) + 10})
	}
	if f.critical {
		mark := criticalMark(loc)
		items = append(items, legendItem{LegendItem{Kind: LegendCritical, Badge: mark, Label: T("critical experience")}, tm.Width(mark, BadgeSize, true) + 10})
	}
	if f.flow {
		items = append(items, legendItem{LegendItem{Kind: LegendFlow, Label: T("customer flow")}, 28})
	}
	if f.back {
		items = append(items, legendItem{LegendItem{Kind: LegendBack, Label: T("loop back")}, 28})
	}
	if f.link {
		items = append(items, legendItem{LegendItem{Kind: LegendLink, Label: T("supported by")}, 14})
	}
	if f.tags {
		items = append(items, legendItem{LegendItem{Kind: LegendPersona, Badge: PersonaTag(0), Label: T("taken only by the personas tagged (see the title)")}, tagWidth(tm, PersonaTag(0)) + 2})
	}
	for _, k := range []LineKind{LineInteraction, LineVisibility, LineInternal} {
		if f.lines[k] {
			items = append(items, legendItem{LegendItem{Kind: LegendLine, Line: k, Label: T(legendLineLabel[k])}, 28})
		}
	}
	switch {
	case f.emotion && f.oneEmote:
		items = append(items, legendItem{LegendItem{Kind: LegendEmotionPoint, Label: T("emotion (−2 to +2)")}, 12})
	case f.emotion:
		items = append(items, legendItem{LegendItem{Kind: LegendEmotion, Label: T("emotion (−2 to +2)")}, 28})
	}
	return items
}

// splitFacts is every legend item any page of a split may show: each page
// reserves the room of this legend, so every page has the same height.
func (p *plan) splitFacts() legendFacts {
	f := legendFacts{rated: map[string]bool{}, lines: map[LineKind]bool{}, flow: len(p.all) > 1, emotion: true}
	for _, cells := range p.byStep {
		for _, cs := range cells {
			for _, c := range cs {
				f.critical = f.critical || c.crit
				f.tags = f.tags || len(c.tags) > 0
				f.link = f.link || c.kind == CellTouchpoint || c.kind == CellBackstage
				if c.rated {
					f.rated[c.rating] = true
				}
			}
		}
	}
	for _, e := range p.j.Flow() {
		a, _ := p.j.Step(e.From)
		b, _ := p.j.Step(e.To)
		f.back = f.back || b.Index <= a.Index
	}
	for k := range LineKinds() {
		f.lines[k] = true
	}
	return f
}

// LineKinds are the three lines.
func LineKinds() map[LineKind]bool {
	return map[LineKind]bool{LineInteraction: true, LineVisibility: true, LineInternal: true}
}

// placeLegend puts the legend under the rows, flowing its items onto more
// lines when the picture is narrow, and sets the picture's final size. On a
// split (reserve set), the legend takes the room the reserve's items need
// when that is more, so every page is as tall.
func (g *Grid) placeLegend(steps []journey.StepRef, reserve *legendFacts) {
	// The rows reach a gap past the last column, as padding like the left's.
	content := colX(len(steps)) + Margin
	if len(steps) == 0 {
		content = Margin + HeaderW + Margin
	}
	avail := math.Max(content-2*Margin, 620)
	// Everything is explained only when the picture draws it: ratings,
	// marks, arrows, each line, persona tags.
	items := g.facts().items(g.tm, g.loc)
	lines := func(items []legendItem, avail float64) int {
		x, n := Margin, 1
		for _, it := range items {
			w := it.sw + 5 + g.tm.Width(it.Label, LegendSize, false)
			if x > Margin && x+w > Margin+avail {
				x, n = Margin, n+1
			}
			x += w + 18
		}
		return n
	}
	room := 0
	if reserve != nil {
		// At the narrowest width a page has, the union legend takes at
		// least as many lines as any page's own.
		room = lines(reserve.items(g.tm, g.loc), 620)
	}
	const lineH = 20.0
	y0 := g.Height + 18
	x, y := Margin, y0
	maxX := 0.0
	g.Legend.Items = []LegendItem{}
	for _, it := range items {
		it.LabelW = g.tm.Width(it.Label, LegendSize, false)
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
	g.Height = rd(math.Max(y, y0+float64(room-1)*lineH) + lineH + Margin)
	g.setWidth(rd(math.Max(content, math.Max(maxX, Margin+math.Max(widest(g.tm, g.Title.Heading), widest(g.tm, g.Title.Sub)))+Margin)))
}

// setWidth sets the picture's width and stretches the title block, rows,
// bands and lines to it.
func (g *Grid) setWidth(w float64) {
	g.Width = w
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
func widest(tm *textmetrics.Metrics, t Text) float64 {
	w := 0.0
	for _, l := range t.Lines {
		w = math.Max(w, tm.Width(l, t.Size, t.Bold))
	}
	return w
}
