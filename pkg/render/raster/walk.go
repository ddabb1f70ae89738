package raster

import (
	"image/color"
	"strconv"
	"strings"
)

// The walker interprets xdot state (colours, style, font) once for both
// back ends; a painter only draws shapes and text in page coordinates
// (points, origin top-left, y growing downwards).

type dash int

const (
	solid dash = iota
	dashed
	dotted
)

// Text flags of the xdot 't' op.
const (
	flagBold      = 1
	flagItalic    = 2
	flagUnderline = 4
	flagSup       = 8
	flagSub       = 16
	flagStrike    = 32
	flagOverline  = 64
)

// baselineShift moves <SUP> and <SUB> text as SVG's baseline-shift does;
// Graphviz leaves that to the renderer. Positive is down, in points.
func baselineShift(st *state) float64 {
	switch {
	case st.flags&flagSup != 0:
		return -st.size / 3
	case st.flags&flagSub != 0:
		return st.size / 5
	}
	return 0
}

// decorations are the y offsets from the baseline (down positive, in
// font sizes) of the lines <U>, <S> and <O> draw.
func decorations(flags int) []float64 {
	var d []float64
	if flags&flagUnderline != 0 {
		d = append(d, 0.1)
	}
	if flags&flagStrike != 0 {
		d = append(d, -0.3)
	}
	if flags&flagOverline != 0 {
		d = append(d, -0.8)
	}
	return d
}

type state struct {
	pen, fill color.NRGBA
	width     float64
	dash      dash
	invisible bool
	size      float64
	face      string
	flags     int
}

// freshState is what every xdot list starts from.
func freshState() state {
	black := color.NRGBA{A: 255}
	return state{pen: black, fill: black, width: 1, size: 14, face: "Times-Roman"}
}

// bold reports whether text should use a bold face: <B> sets the flag,
// a "Bold" font name asks for it too.
func (s *state) bold() bool {
	return s.flags&flagBold != 0 || strings.Contains(strings.ToLower(s.face), "bold")
}

func (s *state) italic() bool {
	f := strings.ToLower(s.face)
	return s.flags&flagItalic != 0 || strings.Contains(f, "italic") || strings.Contains(f, "oblique")
}

type painter interface {
	// poly draws a polygon (closed) or polyline.
	poly(pts []Point, closed, fill bool, st *state)
	// bezier draws a cubic B-spline p0 (c1 c2 p)*; fill closes it.
	bezier(pts []Point, fill bool, st *state)
	ellipse(cx, cy, rx, ry float64, fill bool, st *state)
	// text draws s with its baseline at y; align -1/0/1 puts x at the
	// left, centre or right of the text.
	text(x, y float64, align int, s string, st *state)
}

// walk replays every op list of the scene on p.
func walk(s *Scene, p painter) {
	dx, dy := s.PadX-s.X0, s.PadY+s.Y1
	flip := func(in []Point) []Point {
		out := make([]Point, len(in))
		for i, q := range in {
			out[i] = Point{q.X + dx, dy - q.Y}
		}
		return out
	}
	for _, list := range s.Lists {
		st := freshState()
		for i := range list {
			op := &list[i]
			switch op.Kind {
			case 'c':
				st.pen = parseColor(op.Color)
			case 'C':
				st.fill = parseColor(op.Color)
			case 'S':
				applyStyle(&st, op.Style)
			case 'F':
				st.size, st.face = op.Size, op.Face
			case 't':
				st.flags = op.Flags
			}
			if st.invisible {
				continue
			}
			switch op.Kind {
			case 'p', 'P':
				p.poly(flip(op.Points), true, op.Kind == 'P', &st)
			case 'L':
				p.poly(flip(op.Points), false, false, &st)
			case 'b', 'B':
				p.bezier(flip(op.Points), op.Kind == 'B', &st)
			case 'e', 'E':
				r := op.Rect
				p.ellipse(r[0]+dx, dy-r[1], r[2], r[3], op.Kind == 'E', &st)
			case 'T':
				if op.Text != "" && st.size > 0 {
					q := op.Points[0]
					p.text(q.X+dx, dy-q.Y+baselineShift(&st), op.Align, op.Text, &st)
				}
			}
		}
	}
}

// applyStyle reads one xdot style item such as "dashed" or
// "setlinewidth(1.5)". Fill and shape styles (filled, rounded) arrive as
// ops already and are ignored here.
func applyStyle(st *state, style string) {
	name, arg, _ := strings.Cut(strings.TrimSpace(style), "(")
	arg = strings.TrimSuffix(strings.TrimSpace(arg), ")")
	switch strings.TrimSpace(name) {
	case "solid":
		st.dash = solid
	case "dashed":
		st.dash = dashed
	case "dotted":
		st.dash = dotted
	case "bold":
		st.width = 2
	case "invis", "invisible":
		st.invisible = true
	case "setlinewidth":
		if w, err := strconv.ParseFloat(strings.TrimSpace(arg), 64); err == nil && finite(w) && w >= 0 {
			st.width = w
		}
	}
}

// dashPattern is Graphviz's SVG dash array for a style, in points.
func dashPattern(d dash) []float64 {
	switch d {
	case dashed:
		return []float64{5, 2}
	case dotted:
		return []float64{1, 5}
	}
	return nil
}
