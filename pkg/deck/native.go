package deck

import (
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Native blueprint pages (issue 20): the PPTX draws a blueprint page as
// editable shapes - rounded boxes holding their text, lane labels, the
// three lines, flows as lines with arrowheads, badges as small boxes - not
// as a picture. The shapes come from draw.SVGDirect's drawing of the page's
// grid (the one grid every output draws from), so they sit where the PDF's
// picture draws the same things.

type svgEl struct {
	name  string
	attr  map[string]string
	text  string
	group int
}

// svgElements reads the drawing elements of an SVGDirect document in
// order, each with the node or edge group it is in.
func svgElements(svg []byte) ([]svgEl, float64, float64, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var out []svgEl
	var tx, ty float64
	group, depth := 0, 0
	var cur *svgEl
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range t.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch t.Name.Local {
			case "g":
				depth++
				if c := attr["class"]; c == "node" || c == "edge" {
					group++
				}
				if tr := attr["transform"]; strings.HasPrefix(tr, "translate(") {
					f := strings.Fields(strings.Trim(strings.TrimPrefix(tr, "translate("), ")"))
					if len(f) == 2 {
						tx, _ = strconv.ParseFloat(f[0], 64)
						ty, _ = strconv.ParseFloat(f[1], 64)
					}
				}
			case "rect", "path", "polygon", "circle":
				out = append(out, svgEl{name: t.Name.Local, attr: attr, group: group})
			case "text":
				out = append(out, svgEl{name: "text", attr: attr, group: group})
				cur = &out[len(out)-1]
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "text" {
				cur = nil
			}
			if t.Name.Local == "g" {
				depth--
			}
		}
	}
	return out, tx, ty, nil
}

func fnum(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// nativeShapes turns a page drawn by SVGDirect into slide shapes: the
// picture's top-left at (x0, y0), k px per point.
func nativeShapes(svg []byte, x0, y0, k float64) ([]Shape, error) {
	els, tx, ty, err := svgElements(svg)
	if err != nil {
		return nil, err
	}
	np := &nativePage{x0: x0, y0: y0, k: k, tx: tx, ty: ty}
	group := -1
	for i, e := range els {
		if e.group != group {
			np.flush()
			group = e.group
		}
		a := e.attr
		switch e.name {
		case "rect":
			if i == 0 && a["fill"] == "white" && a["stroke"] == "none" {
				continue // the page's white background
			}
			np.rect(e)
		case "text":
			np.text(e)
		case "path":
			np.path(e)
		case "polygon":
			np.arrowhead(e)
		case "circle":
			np.circle(e)
		}
	}
	np.flush()
	return np.out, nil
}

// nativePage is a page's drawing being turned into slide shapes (out): the
// picture's top-left at (x0, y0), k px per point, the drawing translated
// by (tx, ty); boxes are the boxes of the current group, to put texts in.
type nativePage struct {
	x0, y0, k, tx, ty float64
	out               []Shape
	boxes             []nativeBox
}

// nativeBox is a box of the current group: its shape's index in out, its
// rectangle and the texts in it.
type nativeBox struct {
	i     int // index in out
	r     Rect
	lines []svgEl
}

// px and py place a point of the drawing on the slide.
func (np *nativePage) px(x float64) float64 { return np.x0 + (x+np.tx)*np.k }
func (np *nativePage) py(y float64) float64 { return np.y0 + (y+np.ty)*np.k }

// loose is a text on its own: a box just wide enough for it.
func (np *nativePage) loose(e svgEl) Shape {
	k := np.k
	a := e.attr
	x, y := np.px(fnum(a["x"])), np.py(fnum(a["y"]))
	size := fnum(a["font-size"])
	bold := a["font-weight"] == "bold"
	w := textWidth(e.text, size*k, bold) + 4
	left := x
	if a["text-anchor"] == "middle" {
		left = x - w/2
	}
	top := y - 0.9*size*k
	if bold {
		top += k
	}
	return Shape{Kind: ShapeText, Rect: Rect{left, top, w, lineH(size * k)}, Lines: []string{e.text}, Size: size * k, Bold: bold, Color: svgColor(a["fill"]), Centre: a["text-anchor"] == "middle"}
}

// flush puts the texts gathered in the current group's boxes into them,
// and starts the next group with no boxes.
func (np *nativePage) flush() {
	for _, b := range np.boxes {
		if len(b.lines) == 0 {
			continue
		}
		sort.SliceStable(b.lines, func(a, c int) bool { return fnum(b.lines[a].attr["y"]) < fnum(b.lines[c].attr["y"]) })
		// The box holds the lines in its first line's style; lines in
		// another style (a lane's sub-label under its name) are text
		// boxes of their own.
		style := func(e svgEl) string {
			return e.attr["font-size"] + e.attr["font-weight"] + e.attr["fill"] + e.attr["text-anchor"]
		}
		var own, rest []svgEl
		for _, l := range b.lines {
			if style(l) == style(b.lines[0]) && len(rest) == 0 {
				own = append(own, l)
			} else {
				rest = append(rest, l)
			}
		}
		for _, l := range rest {
			np.out = append(np.out, np.loose(l))
		}
		np.fill(&np.out[b.i], own)
	}
	np.boxes = nil
}

// fill sets the box sh's text: lines, in the first line's style and
// placed as the drawing places it.
func (np *nativePage) fill(sh *Shape, lines []svgEl) {
	k := np.k
	first := lines[0]
	size := fnum(first.attr["font-size"])
	sh.Size = size * k
	sh.Bold = first.attr["font-weight"] == "bold"
	sh.Color = first.attr["fill"]
	top := np.py(fnum(first.attr["y"]) - 0.9*size)
	if sh.Bold {
		top = np.py(fnum(first.attr["y"]) + 1 - 0.9*size)
	}
	sh.InsetT = max(0, top-sh.Y)
	if first.attr["text-anchor"] == "middle" {
		sh.Centre = true
		sh.InsetT = 0
	} else {
		sh.InsetL = max(0, np.px(fnum(first.attr["x"]))-sh.X)
	}
	if len(lines) > 1 {
		sh.LineH = (fnum(lines[1].attr["y"]) - fnum(first.attr["y"])) * k
	}
	for _, l := range lines {
		sh.Lines = append(sh.Lines, l.text)
	}
}

// rect is a box: filled, outlined, rounded, translucent or dashed as
// drawn; texts of its group that start in it go in it (flush).
func (np *nativePage) rect(e svgEl) {
	k, a := np.k, e.attr
	r := Rect{np.px(fnum(a["x"])), np.py(fnum(a["y"])), fnum(a["width"]) * k, fnum(a["height"]) * k}
	sh := Shape{Kind: ShapeText, Rect: r, Fill: svgColor(a["fill"])}
	if a["stroke"] != "none" && a["stroke"] != "" {
		sh.Line, sh.LineW = svgColor(a["stroke"]), fnum(a["stroke-width"])*k
	}
	if rx := fnum(a["rx"]); rx > 0 {
		sh.Geom, sh.Radius = GeomRound, rx*k
	}
	// A comparison picture's ghost: a translucent veil, dashed.
	if op := a["fill-opacity"]; op != "" {
		sh.FillAlpha = fnum(op)
	}
	sh.Dash = dashOf(a["stroke-dasharray"])
	np.out = append(np.out, sh)
	np.boxes = append(np.boxes, nativeBox{i: len(np.out) - 1, r: r})
}

// text goes in the smallest box of the group holding the text's start, or
// on its own when none does.
func (np *nativePage) text(e svgEl) {
	x, y := np.px(fnum(e.attr["x"])), np.py(fnum(e.attr["y"]))
	boxes := np.boxes
	best := -1
	for bi, b := range boxes {
		if x >= b.r.X-0.5 && x <= b.r.X+b.r.W+0.5 && y >= b.r.Y-0.5 && y <= b.r.Y+b.r.H+0.5 {
			if best < 0 || b.r.W*b.r.H < boxes[best].r.W*boxes[best].r.H {
				best = bi
			}
		}
	}
	if best >= 0 {
		boxes[best].lines = append(boxes[best].lines, e)
		return
	}
	np.out = append(np.out, np.loose(e))
}

// path is drawn as lines, one per segment.
func (np *nativePage) path(e svgEl) {
	k, a := np.k, e.attr
	pts := pathPoints(a["d"])
	for p := 1; p < len(pts); p++ {
		np.out = append(np.out, Shape{Kind: ShapeLine, Rect: Rect{np.px(pts[p-1][0]), np.py(pts[p-1][1]), (pts[p][0] - pts[p-1][0]) * k, (pts[p][1] - pts[p-1][1]) * k},
			Line: svgColor(a["stroke"]), LineW: fnum(a["stroke-width"]) * k, Dash: dashOf(a["stroke-dasharray"])})
	}
}

// arrowhead (a polygon): the last line drawn ends at its tip, with a head.
func (np *nativePage) arrowhead(e svgEl) {
	out := np.out
	f := strings.FieldsFunc(e.attr["points"], func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) >= 4 && len(out) > 0 && out[len(out)-1].Kind == ShapeLine {
		l := &out[len(out)-1]
		tipX, tipY := np.px(fnum(f[2])), np.py(fnum(f[3]))
		l.W, l.H = tipX-l.X, tipY-l.Y
		l.Arrow = true
	}
}

// circle is an ellipse shape.
func (np *nativePage) circle(e svgEl) {
	k, a := np.k, e.attr
	r := fnum(a["r"])
	np.out = append(np.out, Shape{Kind: ShapeText, Rect: Rect{np.px(fnum(a["cx"]) - r), np.py(fnum(a["cy"]) - r), 2 * r * k, 2 * r * k},
		Fill: svgColor(a["fill"]), Line: svgColor(a["stroke"]), LineW: k, Geom: GeomEllipse})
}

// dashOf is the DrawingML dash of an SVG dash array (SVGDirect draws
// dashed "5,2" and dotted "1,5").
func dashOf(a string) string {
	switch a {
	case "":
		return ""
	case "1,5":
		return "sysDot"
	}
	return "dash"
}

// svgColor is an SVG colour as "#RRGGBB" ("" for none).
func svgColor(c string) string {
	switch strings.ToLower(c) {
	case "", "none", "transparent":
		return ""
	case "white":
		return "#FFFFFF"
	case "black":
		return "#000000"
	}
	if len(c) == 7 && c[0] == '#' {
		return strings.ToUpper(c)
	}
	return ""
}

// pathPoints reads an "M x,y L x,y ..." path.
func pathPoints(d string) [][2]float64 {
	var out [][2]float64
	for _, f := range strings.Fields(strings.NewReplacer("M", " ", "L", " ").Replace(d)) {
		xy := strings.Split(f, ",")
		if len(xy) == 2 {
			out = append(out, [2]float64{fnum(xy[0]), fnum(xy[1])})
		}
	}
	return out
}
