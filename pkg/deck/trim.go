package deck

import (
	"math"

	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// trimLegend takes the legend off a laid-out page and shrinks the page to
// its rows and title: on a slide every point of height is text size, and
// the rating words, lane names and line labels already say what the legend
// would (the overview slide explains the colours).
func trimLegend(g *layout.Grid) {
	if len(g.Legend.Items) == 0 {
		return
	}
	g.Height = rd(g.Legend.Y - 18 + layout.CompactTop)
	g.Legend = layout.Legend{Items: []layout.LegendItem{}}
	content := contentWidth(g)
	title := math.Max(widest(g.Title.Heading), widest(g.Title.Sub))
	g.Width = rd(math.Max(content, 2*layout.Margin+title))
	g.Title.W = rd(g.Width - 2*layout.Margin)
	for i := range g.Rows {
		g.Rows[i].W = rd(g.Width - 2*layout.Margin)
	}
	for i := range g.Stages {
		if b := &g.Stages[i]; b.X+b.W > g.Width-layout.Margin {
			b.W = rd(g.Width - layout.Margin - b.X)
		}
	}
	for i := range g.Lines {
		g.Lines[i].X1 = rd(g.Width - layout.Margin)
	}
}

func widest(t layout.Text) float64 {
	w := 0.0
	for _, l := range t.Lines {
		w = math.Max(w, textmetrics.Width(l, t.Size, t.Bold))
	}
	return w
}

func rd(x float64) float64 { return math.Round(x*100) / 100 }

// contentWidth is the width the rows and columns of a page need.
func contentWidth(g *layout.Grid) float64 {
	if n := len(g.Columns); n > 0 {
		c := g.Columns[n-1]
		return c.X + c.W + layout.ColGap + layout.Margin
	}
	return layout.Margin + layout.HeaderW + layout.Margin
}
