package layout

import (
	"math"

	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// A page of a slide deck is a compact grid (Options.Compact) of some of a
// journey's steps (Options.Steps), fitted to a slide: TrimLegend takes the
// legend off, Stretch widens it to the slide's width. pkg/render lays out
// and draws such pages (render.DrawPage); pkg/deck decides which steps go
// on which slide.

// TrimLegend takes the legend off a laid-out page and shrinks the page to
// its rows and title: on a slide every point of height is text size, and
// the rating words, lane names and line labels already say what the legend
// would (a deck's overview slide explains the colours). The title is
// measured in the default font, as decks always measured it.
func (g *Grid) TrimLegend() {
	if len(g.Legend.Items) == 0 {
		return
	}
	g.Height = rd(g.Legend.Y - 18 + CompactTop)
	g.Legend = Legend{Items: []LegendItem{}}
	content := contentWidth(g)
	title := math.Max(widestDefault(g.Title.Heading), widestDefault(g.Title.Sub))
	g.setWidth(rd(math.Max(content, 2*Margin+title)))
}

func widestDefault(t Text) float64 {
	w := 0.0
	for _, l := range t.Lines {
		w = math.Max(w, textmetrics.Width(l, t.Size, t.Bold))
	}
	return w
}

// contentWidth is the width the rows and columns of a page need.
func contentWidth(g *Grid) float64 {
	if n := len(g.Columns); n > 0 {
		c := g.Columns[n-1]
		return c.X + c.W + ColGap + Margin
	}
	return Margin + HeaderW + Margin
}

// Stretch widens a laid-out page by extra points, shared equally by its
// step columns, so a page whose height sets its scale still fills the
// slide's width (issue 20: pictures took 55-70% of it). Every x of the
// page moves by one piecewise-linear map - within a column in proportion,
// between columns by the widening of the columns before - so boxes,
// flows, lines and the emotion curve keep their places relative to one
// another; heights do not change. Text that was wrapped or cut is wrapped
// again in its wider box (a box's words; lists keep one item a line),
// never into more lines than it had.
func (g *Grid) Stretch(extra float64) {
	n := len(g.Columns)
	if n == 0 || extra <= 0 {
		return
	}
	d := extra / float64(n)
	cols := append([]Column(nil), g.Columns...)
	m := func(x float64) float64 {
		off := 0.0
		for _, c := range cols {
			switch {
			case x >= c.X+c.W:
				off += d
			case x >= c.X && c.W > 0:
				return c.X + off + (x-c.X)*(c.W+d)/c.W
			}
		}
		return x + off
	}
	rect := func(r *Rect) {
		x0, x1 := m(r.X), m(r.X+r.W)
		r.X, r.W = rd(x0), rd(x1-x0)
	}
	for i := range g.Columns {
		c := &g.Columns[i]
		c.X, c.W = rd(m(c.X)), rd(c.W+d)
	}
	for i := range g.Stages {
		rect(&g.Stages[i].Rect)
	}
	for i := range g.Rows {
		g.Rows[i].W = rd(g.Rows[i].W + extra)
	}
	for i := range g.Lines {
		g.Lines[i].X1 = rd(m(g.Lines[i].X1))
	}
	for i := range g.Cells {
		c := &g.Cells[i]
		old := c.W
		rect(&c.Rect)
		if !c.Kind.IsText() { // boxes; text rows (evidence, pains) keep their lines, one item each
			rewrap(&c.Text, c.W-old)
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		for k := range e.Points {
			e.Points[k].X = rd(m(e.Points[k].X))
		}
		if e.LabelBox.W > 0 {
			// A stub's label keeps its width, at its mapped place.
			w := e.LabelBox.W
			if e.LabelBox.X > Margin+10 {
				e.LabelBox.X = rd(m(e.LabelBox.X+w) - w)
			} else {
				e.LabelBox.X = rd(m(e.LabelBox.X))
			}
		}
	}
	if em := g.Emotion; em != nil {
		for k := range em.Points {
			em.Points[k].At.X = rd(m(em.Points[k].At.X))
		}
		for _, run := range em.Runs {
			for k := range run {
				run[k].X = rd(m(run[k].X))
			}
		}
	}
	g.Title.W = rd(g.Title.W + extra)
	g.Width = rd(g.Width + extra)
}

// rewrap wraps a text that was wrapped or cut again, grow points wider:
// the widest of its lines plus grow, so it never runs past its box.
func rewrap(t *Text, grow float64) {
	if t.Full == "" || len(t.Lines) == 0 || grow <= 0 {
		return
	}
	w := 0.0
	for _, l := range t.Lines {
		w = max(w, textmetrics.Width(l, t.Size, t.Bold))
	}
	lines, cut := textmetrics.Wrap(t.Full, w+grow, t.Size, t.Bold, len(t.Lines))
	if len(lines) == 0 {
		return
	}
	t.Lines, t.Truncated = lines, cut
}

// StubGroup is the stubs of flows that leave a page (EdgeExit) or enter it
// (EdgeEntry) at one of its edges: they run on tracks a few points apart,
// too close for a label each, so the outermost carries one label for all
// (LabelStubs).
type StubGroup struct {
	Kind EdgeKind
	// Edges index g.Edges, in order; Outer is the outermost of them.
	Edges []int
	Outer int
}

// StubGroups are the page's stubs grouped by kind and edge, in the order
// their first stubs come.
func (g *Grid) StubGroups() []StubGroup {
	type key struct {
		kind  EdgeKind
		right bool
	}
	at := map[key]int{}
	var out []StubGroup
	var right []bool
	for k := range g.Edges {
		e := &g.Edges[k]
		if e.Kind != EdgeExit && e.Kind != EdgeEntry {
			continue
		}
		kk := key{e.Kind, e.LabelBox.X > Margin+10}
		i, ok := at[kk]
		if !ok {
			i = len(out)
			at[kk] = i
			out = append(out, StubGroup{Kind: e.Kind, Outer: k})
			right = append(right, kk.right)
		}
		out[i].Edges = append(out[i].Edges, k)
	}
	for i := range out {
		sg := &out[i]
		above := (sg.Kind == EdgeExit) == right[i]
		for _, k := range sg.Edges {
			y, oy := g.Edges[k].LabelBox.Y, g.Edges[sg.Outer].LabelBox.Y
			if above && y < oy || !above && y > oy {
				sg.Outer = k
			}
		}
	}
	return out
}

// LabelStubs puts label on the outermost stub of sg, short and uncut and
// on its side of the page (measured in the default font, as decks always
// measured it), and takes the others' labels off.
func (g *Grid) LabelStubs(sg StubGroup, label string) {
	for _, k := range sg.Edges {
		e := &g.Edges[k]
		if k != sg.Outer {
			e.Label, e.LabelBox = "", Rect{}
			continue
		}
		w := math.Round((textmetrics.Width(label, StubSize, false)+2)*100) / 100
		if e.LabelBox.X > Margin+10 { // right-aligned at the page's right edge
			e.LabelBox.X = math.Round((e.LabelBox.X+e.LabelBox.W-w)*100) / 100
		}
		e.LabelBox.W = w
		e.Label = label
	}
}
