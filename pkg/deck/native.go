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
	px := func(x float64) float64 { return x0 + (x+tx)*k }
	py := func(y float64) float64 { return y0 + (y+ty)*k }
	var out []Shape
	// The boxes of the current group, to put texts in.
	type box struct {
		i     int // index in out
		r     Rect
		lines []svgEl
	}
	var boxes []box
	// loose is a text on its own: a box just wide enough for it.
	loose := func(e svgEl) Shape {
		a := e.attr
		x, y := px(fnum(a["x"])), py(fnum(a["y"]))
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
	group := -1
	flush := func() {
		for _, b := range boxes {
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
			b.lines = own
			for _, l := range rest {
				out = append(out, loose(l))
			}
			sh := &out[b.i]
			first := b.lines[0]
			size := fnum(first.attr["font-size"])
			sh.Size = size * k
			sh.Bold = first.attr["font-weight"] == "bold"
			sh.Color = first.attr["fill"]
			top := py(fnum(first.attr["y"]) - 0.9*size)
			if sh.Bold {
				top = py(fnum(first.attr["y"]) + 1 - 0.9*size)
			}
			sh.InsetT = max(0, top-sh.Y)
			if first.attr["text-anchor"] == "middle" {
				sh.Centre = true
				sh.InsetT = 0
			} else {
				sh.InsetL = max(0, px(fnum(first.attr["x"]))-sh.X)
			}
			if len(b.lines) > 1 {
				sh.LineH = (fnum(b.lines[1].attr["y"]) - fnum(first.attr["y"])) * k
			}
			for _, l := range b.lines {
				sh.Lines = append(sh.Lines, l.text)
			}
		}
		boxes = nil
	}
	for i, e := range els {
		if e.group != group {
			flush()
			group = e.group
		}
		a := e.attr
		switch e.name {
		case "rect":
			if i == 0 && a["fill"] == "white" && a["stroke"] == "none" {
				continue // the page's white background
			}
			r := Rect{px(fnum(a["x"])), py(fnum(a["y"])), fnum(a["width"]) * k, fnum(a["height"]) * k}
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
			out = append(out, sh)
			boxes = append(boxes, box{i: len(out) - 1, r: r})
		case "text":
			x, y := px(fnum(a["x"])), py(fnum(a["y"]))
			// The smallest box of the group holding the text's start.
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
				continue
			}
			out = append(out, loose(e))
		case "path":
			pts := pathPoints(a["d"])
			for p := 1; p < len(pts); p++ {
				out = append(out, Shape{Kind: ShapeLine, Rect: Rect{px(pts[p-1][0]), py(pts[p-1][1]), (pts[p][0] - pts[p-1][0]) * k, (pts[p][1] - pts[p-1][1]) * k},
					Line: svgColor(a["stroke"]), LineW: fnum(a["stroke-width"]) * k, Dash: dashOf(a["stroke-dasharray"])})
			}
		case "polygon":
			// An arrowhead: the last line drawn ends at its tip, with a head.
			f := strings.FieldsFunc(a["points"], func(r rune) bool { return r == ' ' || r == ',' })
			if len(f) >= 4 && len(out) > 0 && out[len(out)-1].Kind == ShapeLine {
				l := &out[len(out)-1]
				tipX, tipY := px(fnum(f[2])), py(fnum(f[3]))
				l.W, l.H = tipX-l.X, tipY-l.Y
				l.Arrow = true
			}
		case "circle":
			r := fnum(a["r"])
			out = append(out, Shape{Kind: ShapeText, Rect: Rect{px(fnum(a["cx"]) - r), py(fnum(a["cy"]) - r), 2 * r * k, 2 * r * k},
				Fill: svgColor(a["fill"]), Line: svgColor(a["stroke"]), LineW: k, Geom: GeomEllipse})
		}
	}
	flush()
	return out, nil
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
