package raster

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Graphviz's json output ("-Tjson") carries, for the graph, every cluster,
// node and edge, the xdot drawing operations that its own renderers would
// perform. Reading those instead of re-deriving the picture from DOT keeps
// PNG and PDF identical to the SVG: same coordinates, same text positions.

// Point is a position in Graphviz points, y growing upwards.
type Point struct{ X, Y float64 }

// Op is one xdot drawing operation, already checked for shape.
type Op struct {
	Kind   byte    // c C S p P L b B e E F T t
	Points []Point // p P L b B
	Rect   [4]float64
	Color  string  // c C (first stop of a gradient)
	Style  string  // S
	Size   float64 // F
	Face   string  // F
	Text   string  // T
	Align  int     // T: -1 left, 0 centre, 1 right
	Width  float64 // T: the width Graphviz measured
	Flags  int     // t: bold 1, italic 2, underline 4, sup 8, sub 16, strike 32
}

// Scene is a parsed json layout: the bounding box, the margin Graphviz
// puts around it, and the op lists in painting order. Each list starts
// from a fresh drawing state, as in xdot.
type Scene struct {
	X0, Y0, X1, Y1 float64
	PadX, PadY     float64 // points on each side, from the graph's pad
	Background     string  // the graph's bgcolor, "" if none
	Lists          [][]Op
}

// Width and Height are the page size in points: the bb plus the pad on
// both sides, as in Graphviz's SVG.
func (s *Scene) Width() float64  { return s.X1 - s.X0 + 2*s.PadX }
func (s *Scene) Height() float64 { return s.Y1 - s.Y0 + 2*s.PadY }

// defaultPad is Graphviz's pad when the graph sets none (4 pt).
const defaultPad = 4.0

// parsePad reads Graphviz's pad attribute: inches, "x" or "x,y".
func parsePad(pad string, s *Scene) error {
	s.PadX, s.PadY = defaultPad, defaultPad
	if strings.TrimSpace(pad) == "" {
		return nil
	}
	f := strings.Split(pad, ",")
	if len(f) > 2 {
		return fmt.Errorf("graphviz json: bad pad %q", pad)
	}
	var v [2]float64
	for i, t := range f {
		x, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
		if err != nil || !finite(x) || x < 0 || x > 100 {
			return fmt.Errorf("graphviz json: bad pad %q", pad)
		}
		v[i] = x * 72
	}
	if len(f) == 1 {
		v[1] = v[0]
	}
	s.PadX, s.PadY = v[0], v[1]
	return nil
}

type rawOp struct {
	Op       string      `json:"op"`
	Points   [][]float64 `json:"points"`
	Rect     []float64   `json:"rect"`
	Pt       []float64   `json:"pt"`
	Align    string      `json:"align"`
	Width    float64     `json:"width"`
	Text     string      `json:"text"`
	Grad     string      `json:"grad"`
	Color    string      `json:"color"`
	Stops    []rawStop   `json:"stops"`
	Size     float64     `json:"size"`
	Face     string      `json:"face"`
	Style    string      `json:"style"`
	Fontchar int         `json:"fontchar"`
}

type rawStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// rawObj holds the fields of the graph, a subgraph, a node or an edge that
// drawing needs; all other attributes are ignored.
type rawObj struct {
	Name        string   `json:"name"`
	BB          string   `json:"bb"`
	OutputOrder string   `json:"outputorder"`
	Pad         string   `json:"pad"`
	BgColor     string   `json:"bgcolor"`
	SubgraphCnt *int     `json:"_subgraph_cnt"`
	Objects     []rawObj `json:"objects"`
	Edges       []rawObj `json:"edges"`
	Draw        []rawOp  `json:"_draw_"`
	TDraw       []rawOp  `json:"_tdraw_"`
	HDraw       []rawOp  `json:"_hdraw_"`
	LDraw       []rawOp  `json:"_ldraw_"`
	TLDraw      []rawOp  `json:"_tldraw_"`
	HLDraw      []rawOp  `json:"_hldraw_"`
}

// lists are the object's xdot lists in the order Graphviz's renderers emit
// them: body, arrowheads, then labels.
func (o *rawObj) lists() [6][]rawOp {
	return [6][]rawOp{o.Draw, o.TDraw, o.HDraw, o.LDraw, o.TLDraw, o.HLDraw}
}

var drawKeys = [6]string{"_draw_", "_tdraw_", "_hdraw_", "_ldraw_", "_tldraw_", "_hldraw_"}

// Parse reads Graphviz json output into a Scene. Unknown ops are skipped;
// ops with the wrong shape are errors naming the object and the op.
func Parse(gvJSON []byte) (*Scene, error) {
	var g rawObj
	if err := json.Unmarshal(gvJSON, &g); err != nil {
		return nil, fmt.Errorf("graphviz json: %w", err)
	}
	s := &Scene{Background: g.BgColor}
	if err := parseBB(g.BB, s); err != nil {
		return nil, err
	}
	if err := parsePad(g.Pad, s); err != nil {
		return nil, err
	}
	// Graph background and label, then clusters (listed depth-first, parents
	// before children), then edges and nodes in the graph's output order.
	add := func(o *rawObj, what string) error {
		for i, l := range o.lists() {
			if len(l) == 0 {
				continue
			}
			ops, err := convertList(l)
			if err != nil {
				return fmt.Errorf("graphviz json: %s %q %s: %w", what, o.Name, drawKeys[i], err)
			}
			if len(ops) > 0 {
				s.Lists = append(s.Lists, ops)
			}
		}
		return nil
	}
	if err := add(&g, "graph"); err != nil {
		return nil, err
	}
	nsub := 0
	if g.SubgraphCnt != nil {
		nsub = min(max(*g.SubgraphCnt, 0), len(g.Objects))
	} else {
		for nsub < len(g.Objects) && g.Objects[nsub].BB != "" {
			nsub++
		}
	}
	for i := 0; i < nsub; i++ {
		if err := add(&g.Objects[i], "cluster"); err != nil {
			return nil, err
		}
	}
	nodes := func() error {
		for i := nsub; i < len(g.Objects); i++ {
			if err := add(&g.Objects[i], "node"); err != nil {
				return err
			}
		}
		return nil
	}
	edges := func() error {
		for i := range g.Edges {
			if err := add(&g.Edges[i], "edge"); err != nil {
				return err
			}
		}
		return nil
	}
	first, second := nodes, edges
	if g.OutputOrder == "edgesfirst" {
		first, second = edges, nodes
	}
	if err := first(); err != nil {
		return nil, err
	}
	if err := second(); err != nil {
		return nil, err
	}
	return s, nil
}

func parseBB(bb string, s *Scene) error {
	if bb == "" {
		return fmt.Errorf("graphviz json: graph has no bb (was it laid out?)")
	}
	f := strings.Split(bb, ",")
	if len(f) != 4 {
		return fmt.Errorf("graphviz json: bad bb %q", bb)
	}
	var v [4]float64
	for i, t := range f {
		x, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
		if err != nil || !finite(x) {
			return fmt.Errorf("graphviz json: bad bb %q", bb)
		}
		v[i] = x
	}
	s.X0, s.Y0, s.X1, s.Y1 = v[0], v[1], v[2], v[3]
	if s.X1 <= s.X0 || s.Y1 <= s.Y0 {
		return fmt.Errorf("graphviz json: empty bb %q", bb)
	}
	return nil
}

func convertList(l []rawOp) ([]Op, error) {
	ops := make([]Op, 0, len(l))
	for i, r := range l {
		op, ok, err := convertOp(r)
		if err != nil {
			return nil, fmt.Errorf("op %d (%q): %w", i, r.Op, err)
		}
		if ok {
			ops = append(ops, op)
		}
	}
	return ops, nil
}

// convertOp checks one op; ok is false for ops that draw nothing here
// (images, unknown kinds).
func convertOp(r rawOp) (op Op, ok bool, err error) {
	if len(r.Op) != 1 {
		return op, false, nil
	}
	op.Kind = r.Op[0]
	switch op.Kind {
	case 'c', 'C':
		op.Color = r.Color
		if r.Grad != "" && r.Grad != "none" && len(r.Stops) > 0 {
			op.Color = r.Stops[0].Color
		}
	case 'S':
		op.Style = r.Style
	case 'p', 'P', 'L', 'b', 'B':
		minPts := map[byte]int{'p': 2, 'P': 2, 'L': 2, 'b': 4, 'B': 4}[op.Kind]
		if len(r.Points) < minPts {
			return op, false, fmt.Errorf("needs at least %d points, has %d", minPts, len(r.Points))
		}
		if (op.Kind == 'b' || op.Kind == 'B') && (len(r.Points)-1)%3 != 0 {
			return op, false, fmt.Errorf("b-spline needs 3n+1 points, has %d", len(r.Points))
		}
		op.Points = make([]Point, len(r.Points))
		for i, p := range r.Points {
			if len(p) != 2 || !finite(p[0]) || !finite(p[1]) {
				return op, false, fmt.Errorf("point %d is not [x,y]", i)
			}
			op.Points[i] = Point{p[0], p[1]}
		}
	case 'e', 'E':
		if len(r.Rect) != 4 {
			return op, false, fmt.Errorf("ellipse needs rect [x,y,w,h]")
		}
		for i, v := range r.Rect {
			if !finite(v) {
				return op, false, fmt.Errorf("ellipse rect is not finite")
			}
			op.Rect[i] = v
		}
	case 'F':
		if !finite(r.Size) || r.Size < 0 || r.Size > maxFontSize {
			return op, false, fmt.Errorf("bad font size %v", r.Size)
		}
		op.Size, op.Face = r.Size, r.Face
	case 'T':
		if len(r.Pt) != 2 || !finite(r.Pt[0]) || !finite(r.Pt[1]) || !finite(r.Width) {
			return op, false, fmt.Errorf("text needs pt [x,y]")
		}
		op.Points = []Point{{r.Pt[0], r.Pt[1]}}
		op.Text, op.Width = drawableText(r.Text), r.Width
		switch r.Align {
		case "l":
			op.Align = -1
		case "r":
			op.Align = 1
		}
	case 't':
		op.Flags = r.Fontchar
	default: // 'I' (images) and anything newer than this code
		return op, false, nil
	}
	return op, true, nil
}

// drawableText undoes xdot's escaping of text and drops characters that
// are invisible by definition. Graphviz writes a label's text into xdot
// with every backslash doubled, and its json writer keeps the escapes
// (SVG shows "a\b" where json has "a\\b"). Zero-width and other
// default-ignorable characters (U+2060, which cxmap puts inside "&amp;"
// to stop entity expansion, U+200B, U+FEFF, variation selectors) have no
// glyph in the embedded fonts and would show as empty boxes.
func drawableText(s string) string {
	if !strings.ContainsRune(s, '\\') && !strings.ContainsFunc(s, ignorable) {
		return s
	}
	var b strings.Builder
	escaped := false
	for _, r := range s {
		switch {
		case r == '\\' && !escaped:
			escaped = true
			continue
		case ignorable(r):
		default:
			b.WriteRune(r)
		}
		escaped = false
	}
	if escaped { // a lone trailing backslash is text, not an escape
		b.WriteByte('\\')
	}
	return b.String()
}

// ignorable reports Unicode's default-ignorable code points (format
// characters, variation selectors and the reserved ignorables).
func ignorable(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// maxCoord bounds coordinates: anything beyond is not a drawing but broken
// input, and would overflow the rasterizer's fixed-point numbers.
const maxCoord = 1e7

// maxFontSize bounds font sizes for the same reason: a glyph is rasterized
// whole, and a 10⁶ pt glyph takes seconds and gigabytes.
const maxFontSize = 1000

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) && math.Abs(x) <= maxCoord }
