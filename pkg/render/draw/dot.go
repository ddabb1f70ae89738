// Package draw turns a layout.Grid into a Graphviz DOT graph with every
// position pinned (engine nop2), and renders it to SVG or to Graphviz's json
// (for the PNG and PDF renderers) through go-graphviz. It adds nothing to
// the layout: what it draws is where pkg/render/layout put it.
package draw

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// arrowLen is the length of an arrowhead at arrowsize 0.7 (10 pt × 0.7).
const arrowLen = 7.0

// DOT writes the grid as a DOT graph for the nop2 engine.
func DOT(g *layout.Grid) []byte {
	d := &dotWriter{h: g.Height}
	d.printf("digraph cxmap {\n")
	d.printf("graph [outputorder=edgesfirst sep=\"+2\" esep=\"+1\" fontname=%s bgcolor=%q pad=\"%s\" bb=\"0,0,%s,%s\" tooltip=\" \"];\n", Quoted(fontName(&g.Brand)), bgColor(&g.Brand), num(PadPt/72), num(g.Width), num(g.Height))
	d.printf("node [fontname=%s fontcolor=%q shape=box style=\"rounded,filled\" fixedsize=true margin=0 penwidth=1 label=\"\"];\n", Quoted(fontName(&g.Brand)), g.Brand.Text)
	d.printf("edge [fontname=%s arrowsize=0.7 penwidth=1.2 color=%q];\n", Quoted(fontName(&g.Brand)), g.Brand.Flow)
	// Corner points pin the picture's extent.
	d.point("corner:0", 0, 0)
	d.point("corner:1", g.Width, g.Height)
	d.title(g)
	d.bands(g)
	d.rows(g)
	d.lines(g)
	d.emotion(g)
	d.cells(g)
	d.edges(g)
	d.legend(g)
	d.marks(g) // a comparison picture's (marks.go)
	d.footer(g)
	d.printf("}\n")
	return d.buf.Bytes()
}

type dotWriter struct {
	buf bytes.Buffer
	h   float64
	n   int // counter for anonymous helper nodes
}

func (d *dotWriter) printf(format string, a ...any) { fmt.Fprintf(&d.buf, format, a...) }

// num formats a coordinate: at most two decimals, no trailing zeros.
// PadPt is the margin Graphviz adds on each side of the picture (the
// graph's pad, 0.1 inch); the PNG and PDF include it, so page size checks
// (pkg/render) count it.
const PadPt = 7.2

func num(x float64) string {
	x = math.Round(x*100) / 100
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func inch(pt float64) string { return strconv.FormatFloat(pt/72, 'f', 4, 64) }

// pos converts a layout point (y down) to Graphviz's (y up).
func (d *dotWriter) pos(x, y float64) string { return num(x) + "," + num(d.h-y) }

// box places a node of size r at r's centre.
func (d *dotWriter) box(r layout.Rect) string {
	return fmt.Sprintf("pos=\"%s\" width=%s height=%s", d.pos(r.X+r.W/2, r.Y+r.H/2), inch(r.W), inch(r.H))
}

func (d *dotWriter) point(id string, x, y float64) {
	d.printf("%s [shape=point style=invis label=\" \" width=0.01 height=0.01 pos=\"%s\"];\n", strconv.Quote(id), d.pos(x, y))
}

func (d *dotWriter) anon(prefix string) string {
	d.n++
	return prefix + ":" + strconv.Itoa(d.n)
}

// table opens an HTML-like table at least w points wide with spacing
// points around and between its cells. Sizes are minimums, never FIXEDSIZE:
// when Graphviz's own measure of the content is larger than a fixed size,
// its WASM build fails the whole render. Space comes from CELLSPACING, not
// from empty spacer cells, which corrupt go-graphviz's WASM memory.
func table(w float64, spacing int) string {
	return fmt.Sprintf(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="%d" CELLPADDING="0" WIDTH="%d">`, spacing, int(math.Floor(w)))
}

// textTable is a label of one left-aligned text block w points wide.
func textTable(w float64, t layout.Text, color string) string {
	return table(w, 0) + `<TR><TD ALIGN="LEFT" BALIGN="LEFT">` + lines(t, color) + `</TD></TR></TABLE>`
}

// lines is a Text as HTML-like markup: escaped lines joined by left-aligned breaks.
func lines(t layout.Text, color string) string {
	if len(t.Lines) == 0 {
		return " "
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<FONT POINT-SIZE="%s" COLOR="%s">`, num(t.Size), color)
	if t.Bold {
		b.WriteString("<B>")
	}
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteString(`<BR ALIGN="LEFT"/>`)
		}
		b.WriteString(HTML(l))
	}
	if t.Bold {
		b.WriteString("</B>")
	}
	b.WriteString("</FONT>")
	return b.String()
}

// lineRows is a Text as one table row per line, so every line gets the
// same height and gap (Graphviz packs the lines of one cell tighter than
// a single line, so wrapped names sat on the text under them); gap adds
// points under each line but the last, last under the last. Space comes
// from cell heights: empty spacer cells corrupt go-graphviz's WASM memory.
func lineRows(t layout.Text, color string, gap, last int) string {
	if len(t.Lines) == 0 {
		return ""
	}
	var b strings.Builder
	for i, l := range t.Lines {
		extra := gap
		if i == len(t.Lines)-1 {
			extra = last
		}
		pad := ""
		if extra > 0 {
			pad = fmt.Sprintf(` HEIGHT="%d" VALIGN="TOP"`, int(math.Ceil(t.LineHeight))+extra)
		}
		one := layout.Text{Lines: []string{l}, Size: t.Size, Bold: t.Bold, LineHeight: t.LineHeight}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"%s>%s</TD></TR>`, pad, lines(one, color))
	}
	return b.String()
}

// tooltip is the full text of a label, for hovering in SVG viewers.
func tooltip(t layout.Text) string {
	if t.Full != "" {
		return t.Full
	}
	return strings.Join(t.Lines, " ")
}

// plain places a label with no box.
func (d *dotWriter) plain(id string, r layout.Rect, label, tip string) {
	d.printf("%s [shape=plain style=\"\" fixedsize=false pos=\"%s\" label=<%s> tooltip=%s];\n", strconv.Quote(id), d.pos(r.X+r.W/2, r.Y+r.H/2), label, Quoted(tip))
}

func (d *dotWriter) title(g *layout.Grid) {
	t := g.Title
	if len(t.Heading.Lines)+len(t.Sub.Lines) == 0 {
		return // a compact picture has no title block
	}
	var b strings.Builder
	b.WriteString(table(t.W, 0))
	b.WriteString(lineRows(t.Heading, g.Brand.Text, 2, 4))
	b.WriteString(lineRows(t.Sub, g.Brand.Muted, 0, 0))
	b.WriteString(`</TABLE>`)
	d.plain("title", t.Rect, b.String(), tooltip(t.Heading))
}

func (d *dotWriter) bands(g *layout.Grid) {
	for i, s := range g.Stages {
		fill, bandInk := g.Brand.Bands[i%2], g.Brand.BandInk[i%2]
		d.printf("subgraph \"cluster_stage_%d\" {\ngraph [bb=\"%s\" style=\"filled\" fillcolor=%q color=%q penwidth=0 label=\"\" tooltip=%s];\n",
			i, d.bb(s.Rect), fill, fill, Quoted(s.Label.Full))
		in := layout.Rect{X: s.X + g.Style.Pad, Y: s.Y + 3, W: s.W - 2*g.Style.Pad, H: s.H - 6}
		label := textTable(in.W, layout.Text{Lines: s.Label.Lines, Size: s.Label.Size, Bold: true}, bandInk)
		d.plain("stage:"+strconv.Itoa(i), in, label, tooltip(s.Label))
		d.printf("}\n")
	}
}

// bb is a cluster's bounding box in Graphviz coordinates: lower left, upper right.
func (d *dotWriter) bb(r layout.Rect) string {
	return num(r.X) + "," + num(d.h-r.Y-r.H) + "," + num(r.X+r.W) + "," + num(d.h-r.Y)
}

func (d *dotWriter) rows(g *layout.Grid) {
	for i, r := range g.Rows {
		fill := g.Brand.Zone(r.Kind)
		d.printf("subgraph \"cluster_row_%d\" {\ngraph [bb=\"%s\" style=\"filled\" fillcolor=%q color=%q penwidth=0.6 label=\"\" tooltip=\" \"];\n", i, d.bb(r.Rect), fill, g.Brand.RowLine)
		// The header column: a tinted box with the row's name and its note.
		h := r.Header
		var b strings.Builder
		b.WriteString(table(h.W-2*g.Style.Pad, 0))
		last := 0
		if r.Note != "" {
			last = 2
		}
		b.WriteString(lineRows(r.Label, g.Brand.Text, 0, last))
		if r.Note != "" {
			fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%s" COLOR="%s">%s</FONT></TD></TR>`, num(g.Style.NoteSize), g.Brand.Muted, HTML(r.Note))
		}
		b.WriteString(`</TABLE>`)
		d.printf("%s [shape=box style=\"filled\" fillcolor=%q color=%q penwidth=0 %s label=<%s> tooltip=%s];\n",
			strconv.Quote("row:"+strconv.Itoa(i)), g.Brand.HeaderFill, g.Brand.HeaderFill, d.box(h), b.String(), Quoted(tooltip(r.Label)))
		d.printf("}\n")
	}
}

func (d *dotWriter) lines(g *layout.Grid) {
	for i, l := range g.Lines {
		a, b := "line:"+strconv.Itoa(i)+":a", "line:"+strconv.Itoa(i)+":b"
		st := lineStyleOf(&g.Brand, l.Kind)
		d.point(a, l.X0, l.Y)
		d.point(b, l.X1, l.Y)
		d.printf("%s -> %s [dir=none style=%s penwidth=%s color=%q pos=%q tooltip=%q];\n",
			strconv.Quote(a), strconv.Quote(b), st.style, num(st.pen), st.color, d.spline([]layout.Point{{X: l.X0, Y: l.Y}, {X: l.X1, Y: l.Y}}, false), l.Label)
		label := fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s"><B>%s</B></FONT>`, num(g.Style.LineSize), st.color, HTML(l.Label))
		d.plain("line:"+strconv.Itoa(i)+":label", layout.Rect{X: l.X0 + 4, Y: l.Y - 13, W: 124, H: 10},
			table(124, 0)+`<TR><TD ALIGN="LEFT">`+label+`</TD></TR></TABLE>`, l.Label)
	}
}

// spline turns a polyline into Graphviz's edge pos: each straight segment a
// cubic Bézier with control points at its thirds. With an arrowhead, the
// last segment stops arrowLen short and the tip is given as "e,x,y".
func (d *dotWriter) spline(pts []layout.Point, arrow bool) string {
	return d.splineArrow(pts, arrow, arrowLen)
}

func (d *dotWriter) splineArrow(pts []layout.Point, arrow bool, alen float64) string {
	var b strings.Builder
	p := append([]layout.Point(nil), pts...)
	if arrow && len(p) >= 2 {
		tip := p[len(p)-1]
		prev := p[len(p)-2]
		dx, dy := tip.X-prev.X, tip.Y-prev.Y
		l := math.Hypot(dx, dy)
		if l > alen {
			p[len(p)-1] = layout.Point{X: tip.X - dx/l*alen, Y: tip.Y - dy/l*alen}
			fmt.Fprintf(&b, "e,%s ", d.pos(tip.X, tip.Y))
		}
	}
	b.WriteString(d.pos(p[0].X, p[0].Y))
	for i := 1; i < len(p); i++ {
		a, c := p[i-1], p[i]
		fmt.Fprintf(&b, " %s %s %s",
			d.pos(a.X+(c.X-a.X)/3, a.Y+(c.Y-a.Y)/3),
			d.pos(a.X+2*(c.X-a.X)/3, a.Y+2*(c.Y-a.Y)/3),
			d.pos(c.X, c.Y))
	}
	return b.String()
}
