package draw

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// The marks of a comparison picture (layout.Marks): an added cell is
// outlined in blue and tagged "new"; a removed one is ghosted (a
// translucent veil of the background colour greys its colours and text, a dashed grey
// outline) and tagged "removed"; a changed text gets a teal "changed"
// tag; a rating change the old rating's word in a white tag bordered in
// the old rating's colour. None is a rating colour, so a mark never reads
// as a rating. Every tag is a word (colour is never the only sign).
const (
	markNew      = "#1D4ED8" // white on it: 6.7:1
	markRemoved  = "#4A5568" // white on it: 7.5:1
	markGhost    = "#718096"
	markVeilA    = "B8"      // the veil's alpha: the cell shows through at about 28%
	markChanged  = "#0F766E" // white on it: 5.5:1
	markNewPen   = 2.5
	markGhostPen = 1.6
)

// markTagColors are a tag's fill, text and border ("" for none): the
// marks' own colours, and the theme's (b) for the old rating's tag.
func markTagColors(b *layout.Brand, t layout.MarkTag) (fill, text, border string) {
	switch t.Kind {
	case layout.MarkNew:
		return markNew, "#FFFFFF", ""
	case layout.MarkRemoved:
		return markRemoved, "#FFFFFF", ""
	case layout.MarkChanged:
		return markChanged, "#FFFFFF", ""
	}
	return b.Background, b.Text, b.Rating(t.Rating).Fill
}

// marks draws the comparison marks over the cells: nodes after every
// other node, so Graphviz draws them on top.
func (d *dotWriter) marks(g *layout.Grid) {
	m := g.Marks
	if m == nil {
		return
	}
	for _, b := range m.Outlines {
		d.markBox(g, "mark:"+string(b.Kind)+":"+b.Cell, b.Kind, b.Rect)
	}
	for _, t := range m.Tags {
		d.markTag(g, "tag:"+string(t.Kind)+":"+t.Cell, t)
	}
	l := m.Legend
	if len(l.Heading.Lines) > 0 {
		d.plain("markkey:heading", layout.Rect{X: l.X, Y: l.Y, W: l.W, H: float64(len(l.Heading.Lines)) * l.Heading.LineHeight},
			textTable(l.W, l.Heading, g.Brand.Text), tooltip(l.Heading))
	}
	for i, it := range l.Items {
		id := "markkey:" + strconv.Itoa(i)
		if it.Box.W > 0 {
			d.markBox(g, id+":box", it.Kind, it.Box)
		}
		d.markTag(g, id+":tag", it.Sample)
		label := fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s">%s</FONT>`, num(it.Size), g.Brand.Text, HTML(it.Label))
		s := it.Sample.Box
		r := layout.Rect{X: it.At.X, Y: s.Y - 1, W: it.LabelW + 4, H: s.H + 2}
		d.plain(id+":label", r, table(r.W, 0)+`<TR><TD ALIGN="LEFT">`+label+`</TD></TR></TABLE>`, it.Label)
	}
}

func (d *dotWriter) markBox(g *layout.Grid, id string, k layout.MarkKind, r layout.Rect) {
	if k == layout.MarkRemoved {
		d.printf("%s [%s label=\" \" style=\"rounded,filled,dashed\" fillcolor=%q color=%q penwidth=%s tooltip=%q];\n",
			strconv.Quote(id), d.box(r), g.Brand.Background+markVeilA, markGhost, num(markGhostPen), string(k))
		return
	}
	d.printf("%s [%s label=\" \" style=\"rounded\" color=%q penwidth=%s tooltip=%q];\n",
		strconv.Quote(id), d.box(r), markNew, num(markNewPen), string(k))
}

func (d *dotWriter) markTag(g *layout.Grid, id string, t layout.MarkTag) {
	fill, text, border := markTagColors(&g.Brand, t)
	td, _ := badge(t.Word, t.Box.W, t.Size, fill, text)
	if border != "" {
		td = strings.Replace(td, "<TD ", fmt.Sprintf(`<TD BORDER="1" COLOR="%s" `, border), 1)
	}
	d.printf("%s [shape=plain style=\"\" fixedsize=false %s label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>%s</TR></TABLE>> tooltip=%s];\n",
		strconv.Quote(id), d.box(t.Box), td, Quoted(t.Word))
}

// marks draws the comparison marks as DOT draws them (see dotWriter.marks).
func (s *svgWriter) marks() {
	m := s.g.Marks
	if m == nil {
		return
	}
	for _, b := range m.Outlines {
		done := s.node("mark:"+string(b.Kind)+":"+b.Cell, string(b.Kind))
		s.markBox(b.Kind, b.Rect)
		done()
	}
	for _, t := range m.Tags {
		done := s.node("tag:"+string(t.Kind)+":"+t.Cell, t.Word)
		s.markTag(t)
		done()
	}
	l := m.Legend
	if len(l.Heading.Lines) > 0 {
		done := s.node("markkey:heading", tooltip(l.Heading))
		s.block(tableLeft(l.Rect, l.W), l.Y, l.Heading, s.g.Brand.Text)
		done()
	}
	for i, it := range l.Items {
		id := "markkey:" + strconv.Itoa(i)
		if it.Box.W > 0 {
			done := s.node(id+":box", string(it.Kind))
			s.markBox(it.Kind, it.Box)
			done()
		}
		done := s.node(id+":tag", it.Sample.Word)
		s.markTag(it.Sample)
		done()
		done = s.node(id+":label", it.Label)
		s.text(it.At.X, it.At.Y, "start", it.Size, false, s.g.Brand.Text, it.Label)
		done()
	}
}

func (s *svgWriter) markBox(k layout.MarkKind, r layout.Rect) {
	s.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"6\"", num(r.X), num(r.Y), num(r.W), num(r.H))
	if k == layout.MarkRemoved {
		s.printf(" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"%s\" stroke-dasharray=\"5,2\"/>\n", s.g.Brand.Background, veilOpacity(), markGhost, num(markGhostPen))
		return
	}
	s.printf(" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"/>\n", markNew, num(markNewPen))
}

// veilOpacity is markVeilA as SVG's opacity (0 to 1).
func veilOpacity() string {
	a, _ := strconv.ParseUint(markVeilA, 16, 8)
	return strconv.FormatFloat(float64(a)/255, 'f', 6, 64)
}

func (s *svgWriter) markTag(t layout.MarkTag) {
	fill, text, border := markTagColors(&s.g.Brand, t)
	w := float64(int(t.Box.W))
	s.rect(layout.Rect{X: t.Box.X, Y: t.Box.Y, W: w, H: t.Box.H}, fill, border, 1, 0)
	s.text(t.Box.X+w/2, baseline(t.Box.Y+12-1.2*t.Size, t.Size, true), "middle", t.Size, true, text, t.Word)
}
