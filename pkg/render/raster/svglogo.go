package raster

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
)

// A theme's logo may be SVG. PNG and PDF draw it with the painters that
// draw Graphviz's shapes (so a PDF keeps it vector), from the SVG a logo
// is usually made of: rect (rounded too), circle, ellipse, line,
// polyline, polygon, path (every command, arcs included), text, and g
// with transform, fill, stroke, stroke-width, font-* and text-anchor, as
// attributes or in style. Gradients, patterns, masks, clips, filters,
// images, <use> and CSS classes are not drawn; a subpath fills on its own
// (no holes cut by the fill rule). The SVG output embeds the file itself,
// so a browser draws all of it.

// svgStyle is the inherited drawing state of an SVG element.
type svgStyle struct {
	fill, stroke color.NRGBA
	width        float64
	size         float64
	face         string
	bold         bool
	anchor       int        // -1 start, 0 middle, 1 end
	m            [6]float64 // a b c d e f: x' = a x + c y + e, y' = b x + d y + f
	opacity      float64
}

// drawSVGLogo draws the SVG data into the box r (points, top-left
// origin), as large as fits and centred.
func drawSVGLogo(p painter, data []byte, r [4]float64) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var stack []svgStyle
	var text *strings.Builder
	var textAt [2]float64
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("logo: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			a := attrs(t)
			var st svgStyle
			if len(stack) == 0 {
				if t.Name.Local != "svg" {
					return fmt.Errorf("logo: not an SVG (<%s>)", t.Name.Local)
				}
				st = rootStyle(a, r)
			} else {
				st = stack[len(stack)-1]
			}
			st.apply(a)
			stack = append(stack, st)
			switch t.Name.Local {
			case "defs", "clipPath", "mask", "pattern", "linearGradient", "radialGradient", "symbol", "style", "title", "desc", "metadata":
				if err := dec.Skip(); err != nil {
					return fmt.Errorf("logo: %w", err)
				}
				stack = stack[:len(stack)-1]
			case "text":
				text, textAt = &strings.Builder{}, [2]float64{num(a["x"]), num(a["y"])}
			default:
				for _, sub := range shapes(t.Name.Local, a) {
					st.draw(p, sub)
				}
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			st := stack[len(stack)-1]
			if t.Name.Local == "text" && text != nil {
				st.drawText(p, textAt, strings.Join(strings.Fields(text.String()), " "))
				text = nil
			}
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

// rootStyle maps the SVG's viewBox (or width and height) into r.
func rootStyle(a map[string]string, r [4]float64) svgStyle {
	vx, vy, vw, vh := 0.0, 0.0, num(a["width"]), num(a["height"])
	if f := strings.FieldsFunc(a["viewBox"], func(c rune) bool { return c == ',' || unicode.IsSpace(c) }); len(f) == 4 {
		vx, vy, vw, vh = num(f[0]), num(f[1]), num(f[2]), num(f[3])
	}
	if vw <= 0 || vh <= 0 {
		vw, vh = r[2], r[3]
	}
	k := min(r[2]/vw, r[3]/vh)
	ox, oy := r[0]+(r[2]-vw*k)/2-vx*k, r[1]+(r[3]-vh*k)/2-vy*k
	return svgStyle{fill: color.NRGBA{A: 255}, width: 1, size: 16, face: "sans-serif", anchor: -1, opacity: 1,
		m: [6]float64{k, 0, 0, k, ox, oy}}
}

func attrs(t xml.StartElement) map[string]string {
	a := map[string]string{}
	for _, at := range t.Attr {
		a[at.Name.Local] = at.Value
	}
	// style="fill:#fff; stroke-width:2" wins over attributes.
	for _, decl := range strings.Split(a["style"], ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok {
			a[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return a
}

// apply reads an element's presentation attributes over the inherited ones.
func (s *svgStyle) apply(a map[string]string) {
	paint := func(v string, c *color.NRGBA) {
		switch v = strings.TrimSpace(v); {
		case v == "":
		case v == "none" || strings.HasPrefix(v, "url("):
			*c = color.NRGBA{}
		case strings.HasPrefix(v, "#") && len(v) == 4:
			*c = parseColor("#" + strings.Repeat(v[1:2], 2) + strings.Repeat(v[2:3], 2) + strings.Repeat(v[3:4], 2))
		default:
			*c = parseColor(v)
		}
	}
	paint(a["fill"], &s.fill)
	paint(a["stroke"], &s.stroke)
	if v, ok := a["stroke-width"]; ok {
		s.width = num(v)
	}
	if v, ok := a["font-size"]; ok {
		s.size = num(v)
	}
	if v, ok := a["font-family"]; ok {
		s.face = strings.Trim(strings.TrimSpace(strings.Split(v, ",")[0]), `"'`)
	}
	if v, ok := a["font-weight"]; ok {
		s.bold = v == "bold" || v == "bolder" || num(v) >= 600
	}
	switch a["text-anchor"] {
	case "start":
		s.anchor = -1
	case "middle":
		s.anchor = 0
	case "end":
		s.anchor = 1
	}
	if v, ok := a["opacity"]; ok {
		s.opacity *= num(v)
	}
	if v, ok := a["transform"]; ok {
		s.m = mul(s.m, transform(v))
	}
}

// mul is the affine m after n (n applied first).
func mul(m, n [6]float64) [6]float64 {
	return [6]float64{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// transform reads an SVG transform list.
func transform(s string) [6]float64 {
	m := [6]float64{1, 0, 0, 1, 0, 0}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimLeft(s, " ,\t\n") {
		open, end := strings.IndexByte(s, '('), strings.IndexByte(s, ')')
		if open < 0 || end < open {
			break
		}
		name, v := strings.TrimSpace(s[:open]), numbers(s[open+1:end])
		s = s[end+1:]
		arg := func(i int, d float64) float64 {
			if i < len(v) {
				return v[i]
			}
			return d
		}
		var n [6]float64
		switch name {
		case "matrix":
			if len(v) != 6 {
				continue
			}
			copy(n[:], v)
		case "translate":
			n = [6]float64{1, 0, 0, 1, arg(0, 0), arg(1, 0)}
		case "scale":
			n = [6]float64{arg(0, 1), 0, 0, arg(1, arg(0, 1)), 0, 0}
		case "rotate":
			r := arg(0, 0) * math.Pi / 180
			cx, cy := arg(1, 0), arg(2, 0)
			n = mul(mul([6]float64{1, 0, 0, 1, cx, cy}, [6]float64{math.Cos(r), math.Sin(r), -math.Sin(r), math.Cos(r), 0, 0}), [6]float64{1, 0, 0, 1, -cx, -cy})
		default:
			continue
		}
		m = mul(m, n)
	}
	return m
}

func num(s string) float64 {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !finite(v) {
		return 0
	}
	return v
}

// numbers reads the numbers of a list or of path data ("1,2 3-4.5.5").
func numbers(s string) []float64 {
	var out []float64
	for i := 0; i < len(s); {
		c := s[i]
		if !(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
			i++
			continue
		}
		j, dot, exp := i+1, c == '.', false
		for j < len(s) {
			d := s[j]
			switch {
			case d >= '0' && d <= '9':
			case d == '.' && !dot && !exp:
				dot = true
			case (d == 'e' || d == 'E') && !exp:
				exp = true
				if j+1 < len(s) && (s[j+1] == '-' || s[j+1] == '+') {
					j++
				}
			default:
				goto done
			}
			j++
		}
	done:
		v, _ := strconv.ParseFloat(s[i:j], 64)
		out = append(out, v)
		i = j
	}
	return out
}

// subpath is one outline in user units: a start and cubic segments (each
// three points), closed or not.
type subpath struct {
	pts    []Point
	closed bool
}

func (sp *subpath) lineTo(q Point) {
	p := sp.pts[len(sp.pts)-1]
	sp.pts = append(sp.pts, Point{p.X + (q.X-p.X)/3, p.Y + (q.Y-p.Y)/3}, Point{p.X + 2*(q.X-p.X)/3, p.Y + 2*(q.Y-p.Y)/3}, q)
}

// shapes are an element's outlines.
func shapes(name string, a map[string]string) []subpath {
	f := func(k string) float64 { return num(a[k]) }
	switch name {
	case "rect":
		x, y, w, h := f("x"), f("y"), f("width"), f("height")
		rx, ry := f("rx"), f("ry")
		if rx == 0 {
			rx = ry
		}
		if ry == 0 {
			ry = rx
		}
		rx, ry = min(rx, w/2), min(ry, h/2)
		if w <= 0 || h <= 0 {
			return nil
		}
		return pathData(fmt.Sprintf("M%g %gH%gA%g %g 0 0 1 %g %gV%gA%g %g 0 0 1 %g %gH%gA%g %g 0 0 1 %g %gV%gA%g %g 0 0 1 %g %gZ",
			x+rx, y, x+w-rx, rx, ry, x+w, y+ry, y+h-ry, rx, ry, x+w-rx, y+h, x+rx, rx, ry, x, y+h-ry, y+ry, rx, ry, x+rx, y))
	case "circle", "ellipse":
		rx, ry := f("r"), f("r")
		if name == "ellipse" {
			rx, ry = f("rx"), f("ry")
		}
		cx, cy := f("cx"), f("cy")
		if rx <= 0 || ry <= 0 {
			return nil
		}
		return pathData(fmt.Sprintf("M%g %gA%g %g 0 1 1 %g %gA%g %g 0 1 1 %g %gZ", cx-rx, cy, rx, ry, cx+rx, cy, rx, ry, cx-rx, cy))
	case "line":
		return pathData(fmt.Sprintf("M%g %gL%g %g", f("x1"), f("y1"), f("x2"), f("y2")))
	case "polyline", "polygon":
		v := numbers(a["points"])
		if len(v) < 4 {
			return nil
		}
		d := fmt.Sprintf("M%g %g", v[0], v[1])
		for i := 2; i+1 < len(v); i += 2 {
			d += fmt.Sprintf("L%g %g", v[i], v[i+1])
		}
		if name == "polygon" {
			d += "Z"
		}
		return pathData(d)
	case "path":
		return pathData(a["d"])
	}
	return nil
}

// pathData reads SVG path data into subpaths of cubic segments.
func pathData(d string) []subpath {
	r := &pathReader{d: d}
	for {
		c, v := r.next()
		if c == 0 {
			break
		}
		r.command(c, v)
	}
	return r.out
}

// pathReader is the state of pathData: the data left to read, the
// subpaths so far and the pen.
type pathReader struct {
	d   string
	i   int
	out []subpath
	cur *subpath
	// ctrl: the last control point, for S and T
	pos, start, ctrl Point
	last             byte
}

// next reads the next command letter and its numbers; 0 at the end.
func (r *pathReader) next() (byte, []float64) {
	d := r.d
	for r.i < len(d) && !unicode.IsLetter(rune(d[r.i])) {
		r.i++
	}
	if r.i >= len(d) {
		return 0, nil
	}
	c := d[r.i]
	j := r.i + 1
	for j < len(d) && !(unicode.IsLetter(rune(d[j])) && d[j] != 'e' && d[j] != 'E') {
		j++
	}
	v := numbers(d[r.i+1 : j])
	r.i = j
	return c, v
}

// begin starts a subpath at p.
func (r *pathReader) begin(p Point) {
	r.out = append(r.out, subpath{pts: []Point{p}})
	r.cur = &r.out[len(r.out)-1]
	r.pos, r.start = p, p
}

// command draws one command letter c with its numbers v, repeated while
// the numbers last.
func (r *pathReader) command(c byte, v []float64) {
	rel := c >= 'a'
	up := c &^ 0x20
	n := map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}[up]
	if up == 'Z' {
		if r.cur != nil {
			r.cur.lineTo(r.start)
			r.cur.closed = true
			r.pos = r.start
		}
		r.last = 'Z'
		return
	}
	if n == 0 || len(v) < n {
		return
	}
	for k := 0; k+n <= len(v); k += n {
		if r.cur == nil && up != 'M' {
			r.begin(r.pos)
		}
		r.segment(up, rel, k == 0, v[k:k+n])
		r.last = up
	}
}

// at is the point (x, y), relative to the pen when rel.
func (r *pathReader) at(rel bool, x, y float64) Point {
	if rel {
		return Point{r.pos.X + x, r.pos.Y + y}
	}
	return Point{x, y}
}

// segment draws one segment of command up (upper case) from its numbers a;
// first tells a moveto's first pair from the lines after it.
func (r *pathReader) segment(up byte, rel, first bool, a []float64) {
	pos := r.pos
	switch up {
	case 'M':
		p := r.at(rel, a[0], a[1])
		if first {
			r.begin(p)
		} else {
			r.cur.lineTo(p)
			r.pos = p
		}
	case 'L':
		p := r.at(rel, a[0], a[1])
		r.cur.lineTo(p)
		r.pos = p
	case 'T':
		p := r.at(rel, a[0], a[1])
		c1 := pos
		if r.last == 'Q' || r.last == 'T' {
			c1 = Point{2*pos.X - r.ctrl.X, 2*pos.Y - r.ctrl.Y}
		}
		quad(r.cur, pos, c1, p)
		r.pos, r.ctrl = p, c1
	case 'H':
		p := Point{a[0], pos.Y}
		if rel {
			p.X += pos.X
		}
		r.cur.lineTo(p)
		r.pos = p
	case 'V':
		p := Point{pos.X, a[0]}
		if rel {
			p.Y += pos.Y
		}
		r.cur.lineTo(p)
		r.pos = p
	case 'C':
		c1, c2, p := r.at(rel, a[0], a[1]), r.at(rel, a[2], a[3]), r.at(rel, a[4], a[5])
		r.cur.pts = append(r.cur.pts, c1, c2, p)
		r.pos, r.ctrl = p, c2
	case 'S':
		c1 := pos
		if r.last == 'C' || r.last == 'S' {
			c1 = Point{2*pos.X - r.ctrl.X, 2*pos.Y - r.ctrl.Y}
		}
		c2, p := r.at(rel, a[0], a[1]), r.at(rel, a[2], a[3])
		r.cur.pts = append(r.cur.pts, c1, c2, p)
		r.pos, r.ctrl = p, c2
	case 'Q':
		c1, p := r.at(rel, a[0], a[1]), r.at(rel, a[2], a[3])
		quad(r.cur, pos, c1, p)
		r.pos, r.ctrl = p, c1
	case 'A':
		p := r.at(rel, a[5], a[6])
		arc(r.cur, pos, a[0], a[1], a[2], a[3] != 0, a[4] != 0, p)
		r.pos = p
	}
}

// quad appends a quadratic Bézier as a cubic.
func quad(sp *subpath, p0, c, p Point) {
	sp.pts = append(sp.pts, Point{p0.X + 2*(c.X-p0.X)/3, p0.Y + 2*(c.Y-p0.Y)/3}, Point{p.X + 2*(c.X-p.X)/3, p.Y + 2*(c.Y-p.Y)/3}, p)
}

// arc appends an elliptical arc (SVG's endpoint form) as cubics, each at
// most a quarter turn.
func arc(sp *subpath, p0 Point, rx, ry, rot float64, large, sweep bool, p Point) {
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 || p0 == p {
		sp.lineTo(p)
		return
	}
	phi := rot * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (p0.X-p.X)/2, (p0.Y-p.Y)/2
	x1, y1 := cos*dx+sin*dy, -sin*dx+cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	co := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		co = -co
	}
	cx1, cy1 := co*rx*y1/ry, -co*ry*x1/rx
	cx, cy := cos*cx1-sin*cy1+(p0.X+p.X)/2, sin*cx1+cos*cy1+(p0.Y+p.Y)/2
	angle := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	t1 := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	dt := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	segs := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	step := dt / float64(segs)
	k := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (Point, Point) { // point and derivative
		x, y := rx*math.Cos(t), ry*math.Sin(t)
		ddx, ddy := -rx*math.Sin(t), ry*math.Cos(t)
		return Point{cos*x - sin*y + cx, sin*x + cos*y + cy}, Point{cos*ddx - sin*ddy, sin*ddx + cos*ddy}
	}
	for s := 0; s < segs; s++ {
		a, b := t1+float64(s)*step, t1+float64(s+1)*step
		pa, da := pt(a)
		pb, db := pt(b)
		sp.pts = append(sp.pts, Point{pa.X + k*da.X, pa.Y + k*da.Y}, Point{pb.X - k*db.X, pb.Y - k*db.Y}, pb)
	}
	sp.pts[len(sp.pts)-1] = p
}

// draw fills and strokes one outline.
func (s *svgStyle) draw(p painter, sp subpath) {
	if len(sp.pts) < 4 {
		return
	}
	pts := make([]Point, len(sp.pts))
	for i, q := range sp.pts {
		pts[i] = s.at(q)
	}
	st := freshState()
	st.width = s.width * math.Sqrt(math.Abs(s.m[0]*s.m[3]-s.m[1]*s.m[2]))
	if fill := s.fade(s.fill); visible(fill) { // SVG fills open outlines too
		st.fill, st.pen = fill, color.NRGBA{}
		p.bezier(pts, true, &st)
	}
	if stroke := s.fade(s.stroke); visible(stroke) && st.width > 0 {
		st.fill, st.pen = color.NRGBA{}, stroke
		p.bezier(pts, false, &st)
	}
}

func (s *svgStyle) at(q Point) Point {
	return Point{s.m[0]*q.X + s.m[2]*q.Y + s.m[4], s.m[1]*q.X + s.m[3]*q.Y + s.m[5]}
}

func (s *svgStyle) fade(c color.NRGBA) color.NRGBA {
	c.A = uint8(math.Round(float64(c.A) * min(max(s.opacity, 0), 1)))
	return c
}

// drawText writes a <text> element's words at its position.
func (s *svgStyle) drawText(p painter, at [2]float64, words string) {
	fill := s.fade(s.fill)
	if words == "" || !visible(fill) {
		return
	}
	st := freshState()
	st.pen = fill
	st.size = s.size * math.Sqrt(math.Abs(s.m[0]*s.m[3]-s.m[1]*s.m[2]))
	st.face = s.face
	if s.bold {
		st.flags = flagBold
	}
	q := s.at(Point{at[0], at[1]})
	p.text(q.X, q.Y, s.anchor, words, &st)
}

// SVGLogoImage draws an SVG logo to a transparent image heightPx tall,
// its proportions kept (from its viewBox, else width and height): for
// outputs that hold a logo as a picture (the deck's PDF and PPTX).
func SVGLogoImage(data []byte, heightPx int) (image.Image, error) {
	w, h, err := svgSize(data)
	if err != nil {
		return nil, err
	}
	pw := max(int(math.Round(float64(heightPx)*w/h)), 1)
	img := image.NewRGBA(image.Rect(0, 0, pw, heightPx))
	p := &pngPainter{img: img, dc: gg.NewContextForRGBA(img), k: 1, faces: map[faceKey]font.Face{}}
	p.dc.SetLineJoin(gg.LineJoinRound)
	if err := drawSVGLogo(p, data, [4]float64{0, 0, float64(pw), float64(heightPx)}); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	return img, nil
}

// svgSize is the SVG's own size: its viewBox, else width and height.
func svgSize(data []byte) (w, h float64, err error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("logo: not a readable SVG: %v", err)
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if t.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("logo: not an SVG (<%s>)", t.Name.Local)
		}
		a := attrs(t)
		w, h = num(a["width"]), num(a["height"])
		if f := strings.FieldsFunc(a["viewBox"], func(c rune) bool { return c == ',' || unicode.IsSpace(c) }); len(f) == 4 {
			w, h = num(f[2]), num(f[3])
		}
		if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
			return 0, 0, fmt.Errorf("logo: the SVG gives no size (viewBox or width and height)")
		}
		return w, h, nil
	}
}
