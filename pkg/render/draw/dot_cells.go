package draw

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// badge is a small filled tag with a bold word, vertically centred (Graphviz
// centres the line box, which puts the capitals 1.4 pt high in a 12 pt tag;
// VALIGN=BOTTOM puts them within 0.4 pt of the middle): the rating's word on its
// colour, or the critical mark. Its cell has a fixed size (a little wider
// than the word measures) so a badge does not stretch with the cell.
func badge(word string, width, size float64, fill, color string) (string, int) {
	w := int(width)
	return fmt.Sprintf(`<TD BGCOLOR="%s" FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="12" VALIGN="BOTTOM"><FONT POINT-SIZE="%s" COLOR="%s"><B>%s</B></FONT></TD>`,
		fill, w, num(size), color, HTML(word)), w
}

// spacer is a fixed-size cell holding a space. Graphviz's WASM build
// corrupts memory on empty cells, so a spacer is never empty.
func spacer(w int) string {
	return fmt.Sprintf(`<TD FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="12"> </TD>`, w)
}

func (d *dotWriter) cells(g *layout.Grid) {
	for _, c := range g.Cells {
		br := &g.Brand
		rt := br.Rating(c.Rating)
		fill, border, pen := br.Background, br.CellLine, "1"
		if c.Rated {
			fill, border = rt.Tint, rt.Border
		}
		if c.Kind.IsText() {
			fill, border = br.Background, br.TextCellLine
		}
		if c.Critical {
			pen = "2.2"
		}
		// The label hangs from the top of the box (labelloc=t), inset by
		// the table's cell spacing: the badges, then the text.
		var b strings.Builder
		pad := g.Style.Pad
		b.WriteString(table(c.W-2, int(pad-1)))
		if c.Badge != "" {
			b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>`)
			td, used := badge(c.Badge, c.BadgeW, g.Style.BadgeSize, rt.Fill, rt.Ink)
			b.WriteString(td)
			if c.Critical {
				b.WriteString(spacer(4))
				td, w := badge(g.Words.Critical, c.CriticalW, g.Style.BadgeSize, br.Critical, br.CriticalInk)
				b.WriteString(td)
				used += 4 + w
			}
			for k, tag := range c.Tags {
				b.WriteString(spacer(3))
				td, w := badge(tag, c.TagsW[k], g.Style.TagSize, br.TagFill, br.TagInk)
				b.WriteString(td)
				used += 3 + w
			}
			// The rest of the row, so the badges keep their size.
			if rest := int(c.W-2-2*(pad-1)) - used; rest > 0 {
				b.WriteString(spacer(rest))
			}
			b.WriteString(`</TR></TABLE></TD></TR>`)
		}
		color := br.Text
		if c.Kind == layout.CellEvidence || c.Kind == layout.CellQuotes {
			color = br.Muted
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT">%s</TD></TR></TABLE>`, lines(c.Text, color))
		d.printf("%s [%s labelloc=t fillcolor=%q color=%q penwidth=%s label=<%s> tooltip=%s];\n",
			strconv.Quote(c.ID), d.box(c.Rect), fill, border, pen, b.String(), Quoted(tooltip(c.Text)))
	}
}

func (d *dotWriter) edges(g *layout.Grid) {
	for _, e := range g.Edges {
		if e.Kind == layout.EdgeExit || e.Kind == layout.EdgeEntry {
			// A stub to or from the page's edge: one end is a point.
			from, to := e.From, e.To
			end := d.anon("stub")
			if from == "" {
				from = end
				d.point(end, e.Points[0].X, e.Points[0].Y)
			} else {
				to = end
				d.point(end, e.Points[len(e.Points)-1].X, e.Points[len(e.Points)-1].Y)
			}
			d.printf("%s -> %s [color=%q penwidth=1.3 style=dashed pos=%q tooltip=%s];\n", strconv.Quote(from), strconv.Quote(to), g.Brand.Flow, d.splineLen(e.Points, arrowLen), Quoted(e.Note))
			if e.Label != "" {
				label := fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s">%s</FONT>`, num(g.Style.StubSize), g.Brand.Flow, HTML(e.Label))
				w := math.Ceil(e.LabelBox.W)
				d.plain(end+":label", e.LabelBox, table(w, 0)+`<TR><TD ALIGN="LEFT">`+label+`</TD></TR></TABLE>`, e.Note)
			}
			continue
		}
		attrs := ""
		alen := arrowLen
		switch e.Kind {
		case layout.EdgeBack:
			attrs = fmt.Sprintf("color=%q penwidth=1.2", g.Brand.Back)
		case layout.EdgeLink:
			attrs = fmt.Sprintf("color=%q penwidth=0.8 arrowsize=0.5", g.Brand.Link)
			alen = 5
		default:
			attrs = fmt.Sprintf("color=%q penwidth=1.3", g.Brand.Flow)
		}
		d.printf("%s -> %s [%s pos=%q tooltip=\"%s\"];\n", strconv.Quote(e.From), strconv.Quote(e.To), attrs, d.splineLen(e.Points, alen), e.Kind)
	}
}

// splineLen is spline with an arrowhead of the given length.
func (d *dotWriter) splineLen(pts []layout.Point, alen float64) string {
	return d.splineArrow(pts, true, alen)
}

func (d *dotWriter) emotion(g *layout.Grid) {
	e := g.Emotion
	if e == nil || len(e.Points) == 0 {
		return
	}
	first, last := g.Columns[0], g.Columns[len(g.Columns)-1]
	a, b := d.anon("emotion:zero"), d.anon("emotion:zero")
	d.point(a, first.X, e.Zero)
	d.point(b, last.X+last.W, e.Zero)
	d.printf("%s -> %s [dir=none style=dotted color=%q penwidth=0.8 pos=%q tooltip=\"emotion 0\"];\n", strconv.Quote(a), strconv.Quote(b), g.Brand.ZeroLine,
		d.spline([]layout.Point{{X: first.X, Y: e.Zero}, {X: last.X + last.W, Y: e.Zero}}, false))
	ids := map[layout.Point]string{}
	for _, p := range e.Points {
		id := "emotion:" + strconv.Itoa(p.Col)
		ids[p.At] = id
		d.printf("%s [shape=circle style=filled label=\" \" width=0.13 height=0.13 fillcolor=%q color=%q penwidth=1 pos=%q tooltip=\"emotion %+d\"];\n",
			strconv.Quote(id), g.Brand.EmotionColor(p.Value), g.Brand.Halo, d.pos(p.At.X, p.At.Y), p.Value)
		label := fmt.Sprintf(`<FONT POINT-SIZE="7" COLOR="%s">%s</FONT>`, g.Brand.Muted, signed(p.Value))
		d.printf("%s [shape=plain style=\"\" %s label=<%s>];\n", strconv.Quote(id+":value"), d.box(layout.Rect{X: p.At.X + 4, Y: p.At.Y - 15, W: 14, H: 9}), label)
	}
	for _, run := range e.Runs {
		for i := 1; i < len(run); i++ {
			d.printf("%s -> %s [dir=none color=%q penwidth=1.6 pos=%q];\n", strconv.Quote(ids[run[i-1]]), strconv.Quote(ids[run[i]]), g.Brand.Curve, d.spline(run[i-1:i+1], false))
		}
	}
}

// signed writes an emotion value with its sign, using a true minus.
func signed(v int) string {
	switch {
	case v > 0:
		return "+" + strconv.Itoa(v)
	case v < 0:
		return "−" + strconv.Itoa(-v)
	}
	return "0"
}

func (d *dotWriter) legend(g *layout.Grid) {
	for i, it := range g.Legend.Items {
		id := "legend:" + strconv.Itoa(i)
		s := it.Swatch
		mid := s.Y + s.H/2
		switch it.Kind {
		case layout.LegendRating, layout.LegendCritical, layout.LegendPersona:
			rt := g.Brand.Rating(it.Rating)
			fill, color, size := rt.Fill, rt.Ink, g.Style.BadgeSize
			switch it.Kind {
			case layout.LegendCritical:
				fill, color = g.Brand.Critical, g.Brand.CriticalInk
			case layout.LegendPersona:
				fill, color, size = g.Brand.TagFill, g.Brand.TagInk, g.Style.TagSize
			}
			// The same tag as on the cells, so its word sits as centred.
			td, _ := badge(it.Badge, s.W, size, fill, color)
			d.printf("%s [shape=plain style=\"\" fixedsize=false %s label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>%s</TR></TABLE>>];\n",
				strconv.Quote(id), d.box(s), td)
		case layout.LegendLink:
			d.legendEdge(id, []layout.Point{{X: s.X + s.W/2, Y: s.Y}, {X: s.X + s.W/2, Y: s.Y + s.H}}, fmt.Sprintf("color=%q penwidth=0.8 arrowsize=0.5", g.Brand.Link), 5)
		case layout.LegendFlow:
			d.legendEdge(id, []layout.Point{{X: s.X, Y: mid}, {X: s.X + s.W, Y: mid}}, fmt.Sprintf("color=%q penwidth=1.3", g.Brand.Flow), arrowLen)
		case layout.LegendBack:
			d.legendEdge(id, []layout.Point{{X: s.X + s.W, Y: s.Y}, {X: s.X + s.W, Y: s.Y + s.H}, {X: s.X, Y: s.Y + s.H}, {X: s.X, Y: s.Y}}, fmt.Sprintf("color=%q penwidth=1.2", g.Brand.Back), 5)
		case layout.LegendLine:
			st := lineStyleOf(&g.Brand, it.Line)
			d.legendEdge(id, []layout.Point{{X: s.X, Y: mid}, {X: s.X + s.W, Y: mid}}, fmt.Sprintf("dir=none style=%s color=%q penwidth=%s", st.style, st.color, num(st.pen)), 0)
		case layout.LegendEmotionPoint:
			d.printf("%s [shape=circle style=filled label=\" \" width=0.13 height=0.13 fillcolor=%q color=%q penwidth=1 pos=%q];\n",
				strconv.Quote(id), g.Brand.Curve, g.Brand.Halo, d.pos(s.X+s.W/2, mid))
		case layout.LegendEmotion:
			d.legendEdge(id, []layout.Point{{X: s.X, Y: s.Y + s.H}, {X: s.X + s.W/2, Y: s.Y + 2}, {X: s.X + s.W, Y: mid}}, fmt.Sprintf("dir=none color=%q penwidth=1.6", g.Brand.Curve), 0)
		}
		label := fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s">%s</FONT>`, num(it.Size), g.Brand.Text, HTML(it.Label))
		r := layout.Rect{X: it.At.X, Y: s.Y - 1, W: it.LabelW + 4, H: s.H + 2}
		// A table as wide as the label measures, so the words start at
		// At.X: Graphviz centres a narrower table (it sets 8.5 pt as 8 pt),
		// which moved long labels up to 6 pt off their sample.
		d.plain(id+":label", r, table(r.W, 0)+`<TR><TD ALIGN="LEFT">`+label+`</TD></TR></TABLE>`, it.Label)
	}
}

func (d *dotWriter) legendEdge(id string, pts []layout.Point, attrs string, alen float64) {
	a, b := id+":a", id+":b"
	d.point(a, pts[0].X, pts[0].Y)
	d.point(b, pts[len(pts)-1].X, pts[len(pts)-1].Y)
	pos := d.spline(pts, false)
	if alen > 0 {
		pos = d.splineLen(pts, alen)
	}
	d.printf("%s -> %s [%s pos=%q];\n", strconv.Quote(a), strconv.Quote(b), attrs, pos)
}
