package raster

import (
	"image"
	"image/draw"
	"math"
)

// Stroking long lines with gg is quadratic: its rasterizer (freetype's)
// keeps the cells of one pixel row in a list it searches linearly, so a
// 30,000 px dashed line or lane outline took seconds. Strokes are
// therefore flattened here and handed to gg in pieces of at most
// strokeChunk pixels; dashes are cut here too, and axis-aligned rectangle
// outlines are drawn as four plain rectangles.

const (
	strokeChunk = 1024.0 // px of path per gg stroke call
	flatTol     = 0.25   // px: a Bézier closer than this to its chord is a line
	curveStep   = 3.0    // px per segment when flattening a curve
)

// flatten turns a path in pixels into a polyline. curve means pts is a
// cubic B-spline p0 (c1 c2 p)*.
func flatten(pts []Point, curve bool) []Point {
	if !curve {
		return pts
	}
	out := []Point{pts[0]}
	for i := 1; i+2 < len(pts); i += 3 {
		p0, c1, c2, p3 := pts[i-1], pts[i], pts[i+1], pts[i+2]
		if distToLine(c1, p0, p3) < flatTol && distToLine(c2, p0, p3) < flatTol {
			out = append(out, p3)
			continue
		}
		l := dist(p0, c1) + dist(c1, c2) + dist(c2, p3)
		n := int(math.Min(math.Ceil(l/curveStep), 1000))
		for k := 1; k <= n; k++ {
			t := float64(k) / float64(n)
			u := 1 - t
			a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
			out = append(out, Point{
				a*p0.X + b*c1.X + c*c2.X + d*p3.X,
				a*p0.Y + b*c1.Y + c*c2.Y + d*p3.Y,
			})
		}
	}
	return out
}

func dist(a, b Point) float64 { return math.Hypot(b.X-a.X, b.Y-a.Y) }

// distToLine is the distance from p to the line through a and b.
func distToLine(p, a, b Point) float64 {
	l := dist(a, b)
	if l == 0 {
		return dist(p, a)
	}
	return math.Abs((b.X-a.X)*(a.Y-p.Y)-(a.X-p.X)*(b.Y-a.Y)) / l
}

// lerp is the point a fraction t from a to b.
func lerp(a, b Point, t float64) Point {
	return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
}

// pieces cuts a polyline into runs: with a dash pattern, the dashes; else
// runs of at most strokeChunk px, cut inside straight segments so that
// joins at vertices stay intact.
func pieces(pl []Point, pattern []float64) [][]Point {
	on, gap := strokeChunk, 0.0
	if len(pattern) == 2 && pattern[0] > 0 && pattern[1] >= 0 {
		on, gap = pattern[0], pattern[1]
	}
	var out [][]Point
	cur := []Point{pl[0]}
	drawing, left := true, on
	for i := 1; i < len(pl); i++ {
		a, b := pl[i-1], pl[i]
		seg := dist(a, b)
		pos := 0.0
		for seg-pos > left {
			pos += left
			cut := lerp(a, b, pos/seg)
			if gap == 0 && (a.X == b.X || a.Y == b.Y) {
				// Cut a straight line on a pixel boundary: two
				// antialiased ends meeting inside a pixel leave a seam.
				cut = Point{math.Round(cut.X), math.Round(cut.Y)}
				if a.X == b.X {
					cut.X = a.X
				} else {
					cut.Y = a.Y
				}
				pos = dist(a, cut)
			}
			if drawing {
				out = append(out, append(cur, cut))
			}
			cur = []Point{cut}
			if gap > 0 {
				drawing = !drawing
			}
			left = on
			if !drawing {
				left = gap
			}
		}
		left -= seg - pos
		if drawing {
			cur = append(cur, b)
		}
	}
	if drawing && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// strokePath strokes a path given in pixels with the state's pen.
func (p *pngPainter) strokePath(pts []Point, closed, curve bool, st *state) {
	if !visible(st.pen) || st.width <= 0 {
		return
	}
	if closed && !curve && st.dash == solid && p.strokeRect(pts, st) {
		return
	}
	pl := flatten(pts, curve)
	if closed {
		pl = closeRing(pl)
	}
	pattern := dashPattern(st.dash)
	for i := range pattern {
		pattern[i] *= p.k
	}
	runs := pieces(pl, pattern)
	// A closed outline short enough for one run keeps its closing join.
	whole := closed && len(runs) == 1 && len(pattern) == 0
	p.dc.SetColor(st.pen)
	p.dc.SetLineWidth(st.width * p.k)
	p.dc.SetDash()
	p.dc.ClearPath()
	total := 0.0
	for _, r := range runs {
		p.dc.MoveTo(r[0].X, r[0].Y)
		for _, q := range r[1:] {
			p.dc.LineTo(q.X, q.Y)
		}
		if whole {
			p.dc.ClosePath()
		}
		total += runLength(r)
		if total >= strokeChunk {
			p.dc.Stroke()
			total = 0
		}
	}
	p.dc.Stroke()
}

// closeRing returns the closed polyline as an open one that ends where it
// starts. When it is too long for one stroke call, it starts in the middle
// of its longest segment instead of at a vertex, so the two ends meet on a
// straight line and no join goes missing.
func closeRing(pl []Point) []Point {
	ring := append(pl[:len(pl):len(pl)], pl[0])
	if runLength(ring) <= strokeChunk {
		return ring
	}
	best, bestLen := 0, -1.0
	for i := 1; i < len(ring); i++ {
		if l := dist(ring[i-1], ring[i]); l > bestLen {
			best, bestLen = i, l
		}
	}
	a, b := ring[best-1], ring[best]
	mid := lerp(a, b, 0.5)
	if a.Y == b.Y {
		mid.X = math.Round(mid.X)
	} else if a.X == b.X {
		mid.Y = math.Round(mid.Y)
	}
	out := make([]Point, 0, len(ring)+1)
	out = append(out, mid)
	out = append(out, ring[best:]...)
	out = append(out, ring[1:best]...)
	return append(out, mid)
}

func runLength(r []Point) float64 {
	l := 0.0
	for i := 1; i < len(r); i++ {
		l += dist(r[i-1], r[i])
	}
	return l
}

// strokeRect draws the outline of an axis-aligned rectangle as four
// rectangles that do not overlap (so a translucent pen blends once).
func (p *pngPainter) strokeRect(pts []Point, st *state) bool {
	x0, y0, x1, y1, ok := axisRect(pts)
	if !ok {
		return false
	}
	h := st.width * p.k / 2
	r := func(ax, ay, bx, by float64) image.Rectangle {
		return image.Rect(int(math.Round(ax)), int(math.Round(ay)), int(math.Round(bx)), int(math.Round(by)))
	}
	outer := r(x0-h, y0-h, x1+h, y1+h)
	inner := r(x0+h, y0+h, x1-h, y1-h)
	if inner.Dx() <= 0 || inner.Dy() <= 0 {
		inner = image.Rectangle{Min: outer.Min, Max: outer.Min}
		inner.Min.Y, inner.Max.Y = outer.Max.Y, outer.Max.Y
	}
	src := image.NewUniform(st.pen)
	for _, part := range []image.Rectangle{
		{outer.Min, image.Pt(outer.Max.X, inner.Min.Y)},                          // top
		{image.Pt(outer.Min.X, inner.Max.Y), outer.Max},                          // bottom
		{image.Pt(outer.Min.X, inner.Min.Y), image.Pt(inner.Min.X, inner.Max.Y)}, // left
		{image.Pt(inner.Max.X, inner.Min.Y), image.Pt(outer.Max.X, inner.Max.Y)}, // right
	} {
		draw.Draw(p.img, part, src, image.Point{}, draw.Over)
	}
	return true
}

// axisRect recognises a polygon that is exactly an axis-aligned rectangle
// (four distinct corners, each edge horizontal or vertical).
func axisRect(pts []Point) (x0, y0, x1, y1 float64, ok bool) {
	if len(pts) != 4 {
		return 0, 0, 0, 0, false
	}
	x0, y0 = math.Min(pts[0].X, pts[2].X), math.Min(pts[0].Y, pts[2].Y)
	x1, y1 = math.Max(pts[0].X, pts[2].X), math.Max(pts[0].Y, pts[2].Y)
	for i, q := range pts {
		n := pts[(i+1)%4]
		corner := (q.X == x0 || q.X == x1) && (q.Y == y0 || q.Y == y1)
		if !corner || (q.X != n.X && q.Y != n.Y) || q == pts[(i+2)%4] || q == n {
			return 0, 0, 0, 0, false
		}
	}
	return x0, y0, x1, y1, true
}
