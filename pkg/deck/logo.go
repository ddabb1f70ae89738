package deck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// Logo is a theme's logo as PNG, the one picture a themed deck holds (on
// the title slide and in the footer of every slide). An SVG logo is drawn
// to PNG here, from the subset of SVG logos use: rect, circle, ellipse,
// line, polyline, polygon, path (every command; arcs as straight lines),
// text, and groups moved by translate().
type Logo struct {
	PNG  []byte
	W, H int // pixels
}

// logoPx is the height an SVG logo is drawn at: sharp at the title slide's
// size on a 4K projector.
const logoPx = 256

func loadLogo(path string) (*Logo, error) {
	data, err := inputs.ReadFile(path, theme.MaxAsset)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		return &Logo{PNG: data, W: cfg.Width, H: cfg.Height}, nil
	}
	img, err := drawSVG(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return &Logo{PNG: b.Bytes(), W: img.Bounds().Dx(), H: img.Bounds().Dy()}, nil
}

// drawSVG draws an SVG logo logoPx tall.
func drawSVG(data []byte) (image.Image, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var dc *gg.Context
	var k float64
	var vx, vy float64
	type frame struct{ tx, ty float64 }
	stack := []frame{{}}
	var textEl map[string]string
	var textBuf strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not a readable SVG: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range t.Attr {
				a[at.Name.Local] = at.Value
			}
			for _, kv := range strings.Split(a["style"], ";") { // style="fill:#fff; stroke:none"
				if k, v, ok := strings.Cut(kv, ":"); ok {
					a[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
			if t.Name.Local == "svg" && dc == nil {
				w, h := svgLen(a["width"]), svgLen(a["height"])
				if vb := strings.Fields(strings.ReplaceAll(a["viewBox"], ",", " ")); len(vb) == 4 {
					vx, vy = svgLen(vb[0]), svgLen(vb[1])
					w, h = svgLen(vb[2]), svgLen(vb[3])
				}
				if w <= 0 || h <= 0 || w/h > 20 || h/w > 20 {
					return nil, fmt.Errorf("an SVG logo needs a width and height (or a viewBox) of sensible proportions")
				}
				k = logoPx / h
				dc = gg.NewContext(int(math.Ceil(w*k)), logoPx)
				continue
			}
			if dc == nil {
				return nil, fmt.Errorf("not an SVG file")
			}
			top := stack[len(stack)-1]
			if t.Name.Local == "g" {
				f := top
				if tr := a["transform"]; strings.HasPrefix(tr, "translate(") {
					n := svgNums(strings.TrimSuffix(strings.TrimPrefix(tr, "translate("), ")"))
					if len(n) >= 1 {
						f.tx += n[0]
					}
					if len(n) >= 2 {
						f.ty += n[1]
					}
				}
				stack = append(stack, f)
				continue
			}
			X := func(x float64) float64 { return (x + top.tx - vx) * k }
			Y := func(y float64) float64 { return (y + top.ty - vy) * k }
			dc.NewSubPath()
			shaped := true
			switch t.Name.Local {
			case "rect":
				x, y, w, h := svgLen(a["x"]), svgLen(a["y"]), svgLen(a["width"]), svgLen(a["height"])
				if r := math.Max(svgLen(a["rx"]), svgLen(a["ry"])); r > 0 {
					dc.DrawRoundedRectangle(X(x), Y(y), w*k, h*k, r*k)
				} else {
					dc.DrawRectangle(X(x), Y(y), w*k, h*k)
				}
			case "circle":
				dc.DrawCircle(X(svgLen(a["cx"])), Y(svgLen(a["cy"])), svgLen(a["r"])*k)
			case "ellipse":
				dc.DrawEllipse(X(svgLen(a["cx"])), Y(svgLen(a["cy"])), svgLen(a["rx"])*k, svgLen(a["ry"])*k)
			case "line":
				dc.MoveTo(X(svgLen(a["x1"])), Y(svgLen(a["y1"])))
				dc.LineTo(X(svgLen(a["x2"])), Y(svgLen(a["y2"])))
				if a["fill"] == "" {
					a["fill"] = "none"
				}
			case "polyline", "polygon":
				n := svgNums(a["points"])
				for i := 0; i+1 < len(n); i += 2 {
					dc.LineTo(X(n[i]), Y(n[i+1]))
				}
				if t.Name.Local == "polygon" {
					dc.ClosePath()
				}
			case "path":
				svgPath(dc, a["d"], X, Y)
			case "text":
				textEl, shaped = a, false
				textEl["_tx"], textEl["_ty"] = strconv.FormatFloat(top.tx-vx, 'f', -1, 64), strconv.FormatFloat(top.ty-vy, 'f', -1, 64)
				textBuf.Reset()
			default:
				shaped = false
			}
			if shaped {
				paint(dc, a, k)
			}
		case xml.CharData:
			if textEl != nil {
				textBuf.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "g":
				if len(stack) > 1 {
					stack = stack[:len(stack)-1]
				}
			case "text":
				if textEl != nil {
					svgText(dc, textEl, strings.TrimSpace(textBuf.String()), k)
					textEl = nil
				}
			}
		}
	}
	if dc == nil {
		return nil, fmt.Errorf("not an SVG file")
	}
	return dc.Image(), nil
}

// paint fills and strokes the current path as the element's attributes
// say (SVG's default: filled black, no stroke).
func paint(dc *gg.Context, a map[string]string, k float64) {
	fill, stroke := a["fill"], a["stroke"]
	if fill == "" {
		fill = "#000000"
	}
	hasStroke := stroke != "" && stroke != "none"
	if c, ok := svgPaint(fill); ok {
		dc.SetRGB255(c.R, c.G, c.B)
		if hasStroke {
			dc.FillPreserve()
		} else {
			dc.Fill()
		}
	}
	if c, ok := svgPaint(stroke); ok && hasStroke {
		w := 1.0
		if s := a["stroke-width"]; s != "" {
			w = svgLen(s)
		}
		dc.SetLineWidth(w * k)
		switch a["stroke-linecap"] {
		case "round":
			dc.SetLineCapRound()
		case "square":
			dc.SetLineCapSquare()
		default:
			dc.SetLineCapButt()
		}
		dc.SetRGB255(c.R, c.G, c.B)
		dc.Stroke()
	}
	dc.ClearPath()
}

type rgb255 struct{ R, G, B int }

func svgPaint(s string) (rgb255, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "", "none", "transparent":
		return rgb255{}, false
	case "white":
		return rgb255{255, 255, 255}, true
	case "black":
		return rgb255{}, true
	}
	c, err := theme.ParseHex(s)
	if err != nil {
		return rgb255{}, false
	}
	return rgb255{int(c.R), int(c.G), int(c.B)}, true
}

// svgText draws a text element in Liberation Sans (what a logo naming
// Arial or sans-serif looks like), regular or bold.
func svgText(dc *gg.Context, a map[string]string, s string, k float64) {
	c, ok := svgPaint(a["fill"])
	if a["fill"] == "" {
		c, ok = rgb255{}, true
	}
	if !ok || s == "" {
		return
	}
	size := 16.0
	if v := svgLen(a["font-size"]); v > 0 {
		size = v
	}
	data := textmetrics.Regular
	if w := a["font-weight"]; w == "bold" || w == "700" || w == "800" || w == "900" {
		data = textmetrics.Bold
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size * k, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return
	}
	defer face.Close()
	dc.SetFontFace(face)
	dc.SetRGB255(c.R, c.G, c.B)
	tx, _ := strconv.ParseFloat(a["_tx"], 64)
	ty, _ := strconv.ParseFloat(a["_ty"], 64)
	x, y := (svgLen(a["x"])+tx)*k, (svgLen(a["y"])+ty)*k
	ax := 0.0
	switch a["text-anchor"] {
	case "middle":
		ax = 0.5
	case "end":
		ax = 1
	}
	dc.DrawStringAnchored(s, x, y, ax, 0)
}

// svgLen reads a length in user units ("12", "12px", "12.5").
func svgLen(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// svgNums reads the numbers of a points list or path data.
func svgNums(s string) []float64 {
	var out []float64
	for _, t := range numTokens(s) {
		if v, err := strconv.ParseFloat(t, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// numTokens splits path data into commands and numbers ("M10-5.5.5" is
// M, 10, -5.5, .5).
func numTokens(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r':
			i++
		case (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && c != 'e' && c != 'E':
			out = append(out, string(c))
			i++
		default:
			j := i
			if s[j] == '-' || s[j] == '+' {
				j++
			}
			dot := false
			for j < len(s) {
				d := s[j]
				if d >= '0' && d <= '9' {
					j++
				} else if d == '.' && !dot {
					dot = true
					j++
				} else if (d == 'e' || d == 'E') && j+1 < len(s) {
					j++
					if s[j] == '-' || s[j] == '+' {
						j++
					}
				} else {
					break
				}
			}
			if j == i {
				j++ // a character we do not read
			} else {
				out = append(out, s[i:j])
			}
			i = j
		}
	}
	return out
}

// svgPath adds path data to dc's path.
func svgPath(dc *gg.Context, d string, X, Y func(float64) float64) {
	toks := numTokens(d)
	var cx, cy, sx, sy, lcx, lcy float64 // current point, subpath start, last control point
	var cmd, last byte
	i := 0
	num := func() (float64, bool) {
		if i >= len(toks) {
			return 0, false
		}
		v, err := strconv.ParseFloat(toks[i], 64)
		if err != nil {
			return 0, false
		}
		i++
		return v, true
	}
	for i < len(toks) {
		if t := toks[i]; len(t) == 1 && (t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 'a' && t[0] <= 'z') {
			cmd = t[0]
			i++
		} else if cmd == 0 {
			return
		}
		rel := cmd >= 'a'
		up := cmd &^ 0x20
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = cx, cy
		}
		read := func(n int) ([]float64, bool) {
			v := make([]float64, n)
			for k := range v {
				x, ok := num()
				if !ok {
					return nil, false
				}
				v[k] = x
			}
			return v, true
		}
		switch up {
		case 'M':
			v, ok := read(2)
			if !ok {
				return
			}
			cx, cy = ox+v[0], oy+v[1]
			sx, sy = cx, cy
			dc.NewSubPath()
			dc.MoveTo(X(cx), Y(cy))
			if rel {
				cmd = 'l'
			} else {
				cmd = 'L'
			}
		case 'L', 'T':
			v, ok := read(2)
			if !ok {
				return
			}
			cx, cy = ox+v[0], oy+v[1]
			dc.LineTo(X(cx), Y(cy))
		case 'H', 'V':
			v, ok := read(1)
			if !ok {
				return
			}
			if up == 'H' {
				cx = ox + v[0]
			} else {
				cy = oy + v[0]
			}
			dc.LineTo(X(cx), Y(cy))
		case 'C', 'S':
			var x1, y1 float64
			var v []float64
			var ok bool
			if up == 'C' {
				if v, ok = read(6); !ok {
					return
				}
				x1, y1 = ox+v[0], oy+v[1]
				v = v[2:]
			} else {
				if v, ok = read(4); !ok {
					return
				}
				x1, y1 = cx, cy
				if l := last &^ 0x20; l == 'C' || l == 'S' {
					x1, y1 = 2*cx-lcx, 2*cy-lcy
				}
			}
			x2, y2, x, y := ox+v[0], oy+v[1], ox+v[2], oy+v[3]
			dc.CubicTo(X(x1), Y(y1), X(x2), Y(y2), X(x), Y(y))
			lcx, lcy, cx, cy = x2, y2, x, y
		case 'Q':
			v, ok := read(4)
			if !ok {
				return
			}
			dc.QuadraticTo(X(ox+v[0]), Y(oy+v[1]), X(ox+v[2]), Y(oy+v[3]))
			cx, cy = ox+v[2], oy+v[3]
		case 'A':
			v, ok := read(7)
			if !ok {
				return
			}
			cx, cy = ox+v[5], oy+v[6]
			dc.LineTo(X(cx), Y(cy))
		case 'Z':
			dc.ClosePath()
			cx, cy = sx, sy
		default:
			i++ // a command we do not know: skip its numbers
		}
		last = cmd
	}
}
