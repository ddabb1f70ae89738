package draw

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// SVGDirect writes the grid as SVG without Graphviz: the same picture
// Graphviz draws from DOT (same colours, strokes, dash patterns, fonts, and
// text where Graphviz puts it), about a hundred times faster. The site uses
// it for its blueprints; `cxmap render` keeps Graphviz so its SVG, PNG and
// PDF stay one picture (docs/rendering.md, "The site draws directly").
//
// The structure follows Graphviz's SVG where pkg/site relies on it: the
// drawing is one <g class="graph">, and every node is a
// <g id="nodeN" class="node"> whose first child is a <title> naming the node
// as DOT does (action:…, touch:…, back:…), with the tooltip on an
// <a xlink:title>. Coordinates are the grid's plus the margin Graphviz adds
// (PadPt and half a point of bounding box), y down.
//
// Text placement follows Graphviz's HTML-like labels with estimated
// metrics: a line is 1.2 × the font size, a first baseline sits 0.9 × the
// size under the top of its text block (1 pt higher for bold text, as
// Graphviz's SVG puts it), and tables are centred on their node.
func SVGDirect(g *layout.Grid, w io.Writer) error {
	// The theme font is named (font-family) but not embedded: the site,
	// which draws many pictures on a page, embeds it once in its CSS.
	logo, err := svgLogo(g)
	if err != nil {
		return err
	}
	s := &svgWriter{w: bufio.NewWriterSize(w, 64<<10), g: g}
	s.document(logo)
	return s.w.Flush()
}

// svgMargin is the offset of the grid's origin in Graphviz's SVG: the pad
// and the 0.36 pt Graphviz adds around the bounding box.
const svgMargin = PadPt + 0.36

type svgWriter struct {
	w     *bufio.Writer
	g     *layout.Grid
	nodes int
	edges int
}

func (s *svgWriter) printf(format string, a ...any) { fmt.Fprintf(s.w, format, a...) }

// xmlText escapes user text for SVG character data and attribute values:
// Clean's rules, then the five XML specials. No entity is left for a
// viewer to expand, so "&lt;" typed by a user shows as typed.
func xmlText(t string) string {
	if plainASCII(t) {
		return t
	}
	t = Clean(t)
	if !strings.ContainsAny(t, `&<>"'`) {
		return t
	}
	return escapeXML(t, `\`)
}

// keepSpaces makes each space after a space a no-break space, as Graphviz
// does, so SVG's white-space collapsing keeps them.
func keepSpaces(t string) string {
	if !strings.Contains(t, "  ") {
		return t
	}
	var b strings.Builder
	prev := false
	for _, r := range t {
		if r == ' ' && prev {
			b.WriteRune('\u00a0')
			continue
		}
		prev = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}

// plainASCII reports whether t is printable ASCII with no XML special, which
// Clean and escaping leave as it is (most labels: the fast path).
func plainASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c < 0x20 || c >= 0x7F, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

func (s *svgWriter) document(logo string) {
	g := s.g
	W, H := g.Width+2*svgMargin, g.Height+2*svgMargin
	s.printf("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
	s.printf("<svg width=\"%dpt\" height=\"%dpt\"\n viewBox=\"0.00 0.00 %.2f %.2f\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n",
		int(math.Round(W)), int(math.Round(H)), W, H)
	s.printf("<g id=\"graph0\" class=\"graph\" transform=\"translate(%s %s)\">\n", num(svgMargin), num(svgMargin))
	s.printf("<rect fill=\"%s\" stroke=\"none\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>\n", bgColor(&s.g.Brand), num(-svgMargin), num(-svgMargin), num(W), num(H))
	// Graphviz's order (outputorder=edgesfirst): clusters, edges, nodes.
	s.bands()
	s.rows()
	s.lines()
	s.emotionLines()
	s.edgesDirect()
	s.legendEdges()
	s.title()
	s.stageLabels()
	s.rowHeaders()
	s.lineLabels()
	s.emotionPoints()
	s.cells()
	s.stubLabels()
	s.legendNodes()
	s.marks() // a comparison picture's (marks.go)
	s.footer()
	s.printf("</g>\n%s</svg>\n", logo)
}

// node opens a node group named as DOT names it, with a tooltip if tip is
// not empty; the returned func closes it.
func (s *svgWriter) node(name, tip string) func() {
	s.nodes++
	s.printf("<g id=\"node%d\" class=\"node\">\n<title>%s</title>\n", s.nodes, xmlText(name))
	if tip == "" {
		return func() { s.printf("</g>\n") }
	}
	s.printf("<g id=\"a_node%d\"><a xlink:title=\"%s\">\n", s.nodes, keepSpaces(xmlText(tip)))
	return func() { s.printf("</a>\n</g>\n</g>\n") }
}

// edge opens an edge group, with a tooltip if tip is not empty.
func (s *svgWriter) edge(name, tip string) func() {
	s.edges++
	s.printf("<g id=\"edge%d\" class=\"edge\">\n<title>%s</title>\n", s.edges, xmlText(name))
	if tip == "" {
		return func() { s.printf("</g>\n") }
	}
	s.printf("<g id=\"a_edge%d\"><a xlink:title=\"%s\">\n", s.edges, keepSpaces(xmlText(tip)))
	return func() { s.printf("</a>\n</g>\n</g>\n") }
}

func (s *svgWriter) rect(r layout.Rect, fill, stroke string, width float64, rx float64) {
	s.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"", num(r.X), num(r.Y), num(r.W), num(r.H))
	if rx > 0 {
		s.printf(" rx=\"%s\"", num(rx))
	}
	s.printf(" fill=\"%s\"", fill)
	if stroke == "" || width == 0 {
		s.printf(" stroke=\"none\"/>\n")
		return
	}
	s.printf(" stroke=\"%s\" stroke-width=\"%s\"/>\n", stroke, num(width))
}

// text writes one line with its baseline at y; anchor is "start" or "middle".
func (s *svgWriter) text(x, y float64, anchor string, size float64, bold bool, color, line string) {
	weight := ""
	if bold {
		weight = ` font-weight="bold"`
	}
	s.printf("<text text-anchor=\"%s\" x=\"%s\" y=\"%s\" font-family=\"%s\"%s font-size=\"%.2f\" fill=\"%s\">%s</text>\n",
		anchor, num(x), num(y), xmlText(fontName(&s.g.Brand)), weight, size, color, keepSpaces(xmlText(line)))
}

// baseline is the first baseline of a text block whose top is at top.
func baseline(top, size float64, bold bool) float64 {
	y := top + 0.9*size
	if bold {
		y--
	}
	return y
}

// block writes a Text's lines left-aligned from x, the block's top at top
// (lines 1.2 × size apart, as Graphviz stacks the lines of one label).
func (s *svgWriter) block(x, top float64, t layout.Text, color string) {
	y := baseline(top, t.Size, t.Bold)
	for _, l := range t.Lines {
		s.text(x, y, "start", t.Size, t.Bold, color, l)
		y += 1.2 * t.Size
	}
}

// rowsHeight is the height lineRows gives a Text: each line its own row,
// gap points under each but the last, last under the last.
func rowsHeight(t layout.Text, gap, last int) float64 {
	h := 0.0
	for i := range t.Lines {
		extra := gap
		if i == len(t.Lines)-1 {
			extra = last
		}
		if extra > 0 {
			h += math.Max(math.Ceil(t.LineHeight)+float64(extra), 1.2*t.Size)
		} else {
			h += 1.2 * t.Size
		}
	}
	return h
}

// rowsText writes a Text laid out by lineRows from top; it returns the y under it.
func (s *svgWriter) rowsText(x, top float64, t layout.Text, color string, gap, last int) float64 {
	for i, l := range t.Lines {
		extra := gap
		if i == len(t.Lines)-1 {
			extra = last
		}
		s.text(x, baseline(top, t.Size, t.Bold), "start", t.Size, t.Bold, color, l)
		if extra > 0 {
			top += math.Max(math.Ceil(t.LineHeight)+float64(extra), 1.2*t.Size)
		} else {
			top += 1.2 * t.Size
		}
	}
	return top
}

// tableLeft is the left edge of a table w points wide (floored, as DOT
// writes it) centred in r.
func tableLeft(r layout.Rect, w float64) float64 { return r.X + r.W/2 - math.Floor(w)/2 }

func (s *svgWriter) title() {
	t := s.g.Title
	done := s.node("title", tooltip(t.Heading))
	h := rowsHeight(t.Heading, 2, 4) + rowsHeight(t.Sub, 0, 0)
	top := t.Y + t.H/2 - h/2
	// The page is at least as wide as the title's lines (layout measures
	// them), so the table is t.W wide: Graphviz, measuring some characters
	// wider, may centre a wider table on a page that only just fits
	// (docs/rendering.md).
	x := tableLeft(t.Rect, t.W)
	top = s.rowsText(x, top, t.Heading, s.g.Brand.Text, 2, 4)
	s.rowsText(x, top, t.Sub, s.g.Brand.Muted, 0, 0)
	done()
}

func (s *svgWriter) bands() {
	for i, b := range s.g.Stages {
		fill := s.g.Brand.Bands[i%2]
		s.printf("<g id=\"clust%d\" class=\"cluster\">\n", i+1)
		s.rect(b.Rect, fill, "", 0, 0)
		s.printf("</g>\n")
	}
}

func (s *svgWriter) stageLabels() {
	pad := s.g.Style.Pad
	for i, b := range s.g.Stages {
		in := layout.Rect{X: b.X + pad, Y: b.Y + 3, W: b.W - 2*pad, H: b.H - 6}
		t := layout.Text{Lines: b.Label.Lines, Size: b.Label.Size, Bold: true}
		done := s.node("stage:"+strconv.Itoa(i), tooltip(b.Label))
		h := 1.2 * t.Size * float64(max(len(t.Lines), 1))
		s.block(tableLeft(in, in.W), in.Y+in.H/2-h/2, t, s.g.Brand.BandInk[i%2])
		done()
	}
}

func (s *svgWriter) rows() {
	for i, r := range s.g.Rows {
		s.printf("<g id=\"clust%d\" class=\"cluster\">\n", len(s.g.Stages)+i+1)
		s.rect(r.Rect, s.g.Brand.Zone(r.Kind), s.g.Brand.RowLine, 0.6, 0)
		s.printf("</g>\n")
	}
}

func (s *svgWriter) rowHeaders() {
	st := s.g.Style
	for i, r := range s.g.Rows {
		h := r.Header
		done := s.node("row:"+strconv.Itoa(i), tooltip(r.Label))
		s.rect(h, s.g.Brand.HeaderFill, "", 0, 0)
		last := 0
		th := 0.0
		if r.Note != "" {
			last = 2
			th = 1.2 * st.NoteSize
		}
		th += rowsHeight(r.Label, 0, last)
		x := tableLeft(h, h.W-2*st.Pad)
		top := s.rowsText(x, h.Y+h.H/2-th/2, r.Label, s.g.Brand.Text, 0, last)
		if r.Note != "" {
			s.text(x, baseline(top, st.NoteSize, false), "start", st.NoteSize, false, s.g.Brand.Muted, r.Note)
		}
		done()
	}
}

// dash is the stroke-dasharray Graphviz's SVG gives a DOT style.
func dash(style string) string {
	switch style {
	case "dashed":
		return ` stroke-dasharray="5,2"`
	case "dotted":
		return ` stroke-dasharray="1,5"`
	}
	return ""
}

// path writes a polyline; with alen > 0 it stops alen short of the last
// point and an arrowhead (Graphviz's "normal", 0.35 × alen each side of the
// shaft) reaches it.
func (s *svgWriter) path(pts []layout.Point, color string, width float64, style string, alen float64) {
	s.pathHead(pts, color, width, style, alen, alen)
}

// pathHead is path with a head head points long on a line cut alen short
// (the legend's loop sample cuts 5 pt and draws a 7 pt head, as its DOT says).
func (s *svgWriter) pathHead(pts []layout.Point, color string, width float64, style string, alen, head float64) {
	p := append([]layout.Point(nil), pts...)
	var tip, base layout.Point
	arrow := false
	if alen > 0 && len(p) >= 2 {
		tip = p[len(p)-1]
		prev := p[len(p)-2]
		dx, dy := tip.X-prev.X, tip.Y-prev.Y
		if l := math.Hypot(dx, dy); l > alen {
			base = layout.Point{X: tip.X - dx/l*alen, Y: tip.Y - dy/l*alen}
			p[len(p)-1] = base
			arrow = true
		}
	}
	var b strings.Builder
	for i, q := range p {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString(" L")
		}
		b.WriteString(num(q.X) + "," + num(q.Y))
	}
	s.printf("<path fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s d=\"%s\"/>\n", color, num(width), dash(style), b.String())
	if arrow {
		dx, dy := (tip.X-base.X)/alen, (tip.Y-base.Y)/alen
		// Graphviz pulls the head back so its stroked point, not the
		// stroke's centre, touches the tip.
		back := width / 2 / math.Sin(math.Atan(0.35))
		tip = layout.Point{X: tip.X - dx*back, Y: tip.Y - dy*back}
		base = layout.Point{X: tip.X - dx*head, Y: tip.Y - dy*head}
		hw := 0.35 * head
		s.printf("<polygon fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s,%s %s,%s %s,%s %s,%s\"/>\n", color, color, num(width),
			num(base.X-dy*hw), num(base.Y+dx*hw), num(tip.X), num(tip.Y), num(base.X+dy*hw), num(base.Y-dx*hw), num(base.X-dy*hw), num(base.Y+dx*hw))
	}
}

func (s *svgWriter) lines() {
	for i, l := range s.g.Lines {
		st := lineStyleOf(&s.g.Brand, l.Kind)
		n := "line:" + strconv.Itoa(i)
		done := s.edge(n+":a->"+n+":b", l.Label)
		s.path([]layout.Point{{X: l.X0, Y: l.Y}, {X: l.X1, Y: l.Y}}, st.color, st.pen, st.style, 0)
		done()
	}
}

func (s *svgWriter) lineLabels() {
	size := s.g.Style.LineSize
	for i, l := range s.g.Lines {
		st := lineStyleOf(&s.g.Brand, l.Kind)
		done := s.node("line:"+strconv.Itoa(i)+":label", l.Label)
		r := layout.Rect{X: l.X0 + 4, Y: l.Y - 13, W: 124, H: 10}
		s.text(tableLeft(r, 124), baseline(r.Y+r.H/2-0.6*size, size, true), "start", size, true, st.color, l.Label)
		done()
	}
}

func (s *svgWriter) emotionLines() {
	e := s.g.Emotion
	if e == nil || len(e.Points) == 0 {
		return
	}
	first, last := s.g.Columns[0], s.g.Columns[len(s.g.Columns)-1]
	done := s.edge("emotion:zero", "emotion 0")
	s.path([]layout.Point{{X: first.X, Y: e.Zero}, {X: last.X + last.W, Y: e.Zero}}, s.g.Brand.ZeroLine, 0.8, "dotted", 0)
	done()
	ids := map[layout.Point]int{}
	for _, p := range e.Points {
		ids[p.At] = p.Col
	}
	for _, run := range e.Runs {
		for i := 1; i < len(run); i++ {
			done := s.edge(fmt.Sprintf("emotion:%d->emotion:%d", ids[run[i-1]], ids[run[i]]), "")
			s.path(run[i-1:i+1], s.g.Brand.Curve, 1.6, "", 0)
			done()
		}
	}
}

func (s *svgWriter) emotionPoints() {
	e := s.g.Emotion
	if e == nil {
		return
	}
	for _, p := range e.Points {
		id := "emotion:" + strconv.Itoa(p.Col)
		done := s.node(id, fmt.Sprintf("emotion %+d", p.Value))
		s.circle(p.At, s.g.Brand.EmotionColor(p.Value))
		done()
		done = s.node(id+":value", "")
		r := layout.Rect{X: p.At.X + 4, Y: p.At.Y - 15, W: 14, H: 9}
		s.text(r.X+r.W/2, baseline(r.Y+r.H/2-0.6*7, 7, false), "middle", 7, false, s.g.Brand.Muted, signed(p.Value))
		done()
	}
}

// circle is an emotion point: 0.13 inch across, a white rim.
func (s *svgWriter) circle(at layout.Point, fill string) {
	s.printf("<circle fill=\"%s\" stroke=\"%s\" cx=\"%s\" cy=\"%s\" r=\"4.68\"/>\n", fill, strings.ToLower(s.g.Brand.Halo), num(at.X), num(at.Y))
}

// badgeDirect is a tag w×12 at x, top, its word centred and bold.
func (s *svgWriter) badgeDirect(x, top, w, size float64, fill, color, word string) {
	s.rect(layout.Rect{X: x, Y: top, W: w, H: 12}, fill, "", 0, 0)
	s.text(x+w/2, baseline(top+12-1.2*size, size, true), "middle", size, true, color, word)
}

func (s *svgWriter) cells() {
	st := s.g.Style
	for _, c := range s.g.Cells {
		br := &s.g.Brand
		rt := br.Rating(c.Rating)
		fill, border, pen := br.Background, br.CellLine, 1.0
		if c.Rated {
			fill, border = rt.Tint, rt.Border
		}
		if c.Kind.IsText() {
			fill, border = br.Background, br.TextCellLine
		}
		if c.Critical {
			pen = 2.2
		}
		done := s.node(c.ID, tooltip(c.Text))
		s.rect(c.Rect, fill, border, pen, math.Min(6, math.Min(c.W, c.H)/6))
		// The label hangs from the top: 1 pt in, then the table's spacing.
		x, top := c.X+st.Pad, c.Y+st.Pad
		if c.Badge != "" {
			bx := x
			w := math.Floor(c.BadgeW)
			s.badgeDirect(bx, top, w, st.BadgeSize, rt.Fill, rt.Ink, c.Badge)
			bx += w
			if c.Critical {
				bx += 4
				w := math.Floor(c.CriticalW)
				s.badgeDirect(bx, top, w, st.BadgeSize, br.Critical, br.CriticalInk, s.g.Words.Critical)
				bx += w
			}
			for k, tag := range c.Tags {
				bx += 3
				w := math.Floor(c.TagsW[k])
				s.badgeDirect(bx, top, w, st.TagSize, br.TagFill, br.TagInk, tag)
				bx += w
			}
			top += 12 + st.Pad - 1
		}
		color := br.Text
		if c.Kind == layout.CellEvidence || c.Kind == layout.CellQuotes {
			color = br.Muted
		}
		s.block(x, top, c.Text, color)
		done()
	}
}

func (s *svgWriter) edgesDirect() {
	for _, e := range s.g.Edges {
		switch e.Kind {
		case layout.EdgeExit, layout.EdgeEntry:
			done := s.edge(e.From+"->"+e.To, e.Note)
			s.path(e.Points, s.g.Brand.Flow, 1.3, "dashed", arrowLen)
			done()
		case layout.EdgeBack:
			done := s.edge(e.From+"->"+e.To, string(e.Kind))
			s.path(e.Points, s.g.Brand.Back, 1.2, "", arrowLen)
			done()
		case layout.EdgeLink:
			done := s.edge(e.From+"->"+e.To, string(e.Kind))
			s.path(e.Points, s.g.Brand.Link, 0.8, "", 5)
			done()
		default:
			done := s.edge(e.From+"->"+e.To, string(e.Kind))
			s.path(e.Points, s.g.Brand.Flow, 1.3, "", arrowLen)
			done()
		}
	}
}

func (s *svgWriter) stubLabels() {
	size := s.g.Style.StubSize
	n := 0
	for _, e := range s.g.Edges {
		if e.Kind != layout.EdgeExit && e.Kind != layout.EdgeEntry {
			continue
		}
		n++
		if e.Label == "" {
			continue
		}
		r := e.LabelBox
		done := s.node("stub:"+strconv.Itoa(n)+":label", e.Note)
		s.text(tableLeft(r, math.Ceil(r.W)), baseline(r.Y+r.H/2-0.6*size, size, false), "start", size, false, s.g.Brand.Flow, e.Label)
		done()
	}
}

func (s *svgWriter) legendEdges() {
	for i, it := range s.g.Legend.Items {
		sw := it.Swatch
		mid := sw.Y + sw.H/2
		id := "legend:" + strconv.Itoa(i)
		var pts []layout.Point
		var color, style string
		var pen, alen float64
		head := 0.0
		switch it.Kind {
		case layout.LegendLink:
			pts, color, pen, alen = []layout.Point{{X: sw.X + sw.W/2, Y: sw.Y}, {X: sw.X + sw.W/2, Y: sw.Y + sw.H}}, s.g.Brand.Link, 0.8, 5
		case layout.LegendFlow:
			pts, color, pen, alen = []layout.Point{{X: sw.X, Y: mid}, {X: sw.X + sw.W, Y: mid}}, s.g.Brand.Flow, 1.3, arrowLen
		case layout.LegendBack:
			pts, color, pen, alen = []layout.Point{{X: sw.X + sw.W, Y: sw.Y}, {X: sw.X + sw.W, Y: sw.Y + sw.H}, {X: sw.X, Y: sw.Y + sw.H}, {X: sw.X, Y: sw.Y}}, s.g.Brand.Back, 1.2, 5
			head = arrowLen
		case layout.LegendLine:
			ls := lineStyleOf(&s.g.Brand, it.Line)
			pts, color, pen, style = []layout.Point{{X: sw.X, Y: mid}, {X: sw.X + sw.W, Y: mid}}, ls.color, ls.pen, ls.style
		case layout.LegendEmotion:
			pts, color, pen = []layout.Point{{X: sw.X, Y: sw.Y + sw.H}, {X: sw.X + sw.W/2, Y: sw.Y + 2}, {X: sw.X + sw.W, Y: mid}}, s.g.Brand.Curve, 1.6
		default:
			continue
		}
		done := s.edge(id+":a->"+id+":b", "")
		if head == 0 {
			head = alen
		}
		s.pathHead(pts, color, pen, style, alen, head)
		done()
	}
}

func (s *svgWriter) legendNodes() {
	st := s.g.Style
	for i, it := range s.g.Legend.Items {
		id := "legend:" + strconv.Itoa(i)
		sw := it.Swatch
		mid := sw.Y + sw.H/2
		switch it.Kind {
		case layout.LegendRating, layout.LegendCritical, layout.LegendPersona:
			br := &s.g.Brand
			rt := br.Rating(it.Rating)
			fill, color, size := rt.Fill, rt.Ink, st.BadgeSize
			switch it.Kind {
			case layout.LegendCritical:
				fill, color = br.Critical, br.CriticalInk
			case layout.LegendPersona:
				fill, color, size = br.TagFill, br.TagInk, st.TagSize
			}
			done := s.node(id, "")
			w := math.Floor(sw.W)
			s.badgeDirect(sw.X+sw.W/2-w/2, mid-6, w, size, fill, color, it.Badge)
			done()
		case layout.LegendEmotionPoint:
			done := s.node(id, "")
			s.circle(layout.Point{X: sw.X + sw.W/2, Y: mid}, s.g.Brand.Curve)
			done()
		}
		r := layout.Rect{X: it.At.X, Y: sw.Y - 1, W: it.LabelW + 4, H: sw.H + 2}
		done := s.node(id+":label", it.Label)
		s.text(tableLeft(r, r.W), baseline(r.Y+r.H/2-0.6*it.Size, it.Size, false), "start", it.Size, false, s.g.Brand.Text, it.Label)
		done()
	}
}
