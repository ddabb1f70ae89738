package raster

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Limits on the PNG canvas. An RGBA canvas costs 4 bytes a pixel, and many
// viewers and slide tools refuse images wider than 32767 px; past either
// limit the caller should split the picture or lower the scale.
const (
	MaxPixels = 100_000_000
	MaxSide   = 32767
	MaxScale  = 16
)

// maxGlyphPx is the largest text size drawn, in pixels.
const maxGlyphPx = 2000

// ErrTooLarge is wrapped by PNG when the canvas would exceed the limits.
var ErrTooLarge = errors.New("image too large")

// PixelSize is the PNG canvas size for a layout at a scale: one pixel per
// point at scale 1, rounded up.
func PixelSize(s *Scene, scale float64) (w, h int) {
	return int(math.Ceil(s.Width()*scale - 1e-6)), int(math.Ceil(s.Height()*scale - 1e-6))
}

// PNG draws Graphviz json output as an antialiased PNG on white, scale
// pixels per point. Coordinates, line widths and font sizes are multiplied
// by the scale before drawing (scaling the canvas instead blurs the text).
func PNG(w io.Writer, gvJSON []byte, scale float64) error {
	if !finite(scale) || scale <= 0 || scale > MaxScale {
		return fmt.Errorf("png: scale %v out of range (0, %d]", scale, MaxScale)
	}
	s, err := Parse(gvJSON)
	if err != nil {
		return err
	}
	pw, ph := PixelSize(s, scale)
	if pw > MaxSide || ph > MaxSide || float64(pw)*float64(ph) > MaxPixels {
		return fmt.Errorf("png: %d×%d px at scale %g: %w (limit %d px a side, %d megapixels); use --split stage or a lower --scale",
			pw, ph, scale, ErrTooLarge, MaxSide, MaxPixels/1_000_000)
	}
	img := image.NewRGBA(image.Rect(0, 0, max(pw, 1), max(ph, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := &pngPainter{img: img, dc: gg.NewContextForRGBA(img), k: scale, faces: map[faceKey]font.Face{}}
	p.dc.SetLineJoin(gg.LineJoinRound)
	p.dc.SetLineCap(gg.LineCapButt)
	walk(s, p)
	if p.err != nil {
		return p.err
	}
	return encodePNG(w, img)
}

type faceKey struct {
	id   fontID
	size float64
}

type pngPainter struct {
	img   *image.RGBA
	dc    *gg.Context
	k     float64
	faces map[faceKey]font.Face
	err   error
}

func visible(c color.NRGBA) bool { return c.A != 0 }

// path traces pts scaled to pixels; the caller fills and strokes it.
func (p *pngPainter) trace(pts []Point, closed, curve bool) {
	k := p.k
	p.dc.ClearPath()
	p.dc.MoveTo(pts[0].X*k, pts[0].Y*k)
	if curve {
		for i := 1; i+2 < len(pts); i += 3 {
			a, b, c := pts[i], pts[i+1], pts[i+2]
			p.dc.CubicTo(a.X*k, a.Y*k, b.X*k, b.Y*k, c.X*k, c.Y*k)
		}
	} else {
		for _, q := range pts[1:] {
			p.dc.LineTo(q.X*k, q.Y*k)
		}
	}
	if closed {
		p.dc.ClosePath()
	}
}

// paint fills and/or strokes the traced path with the state's colours.
func (p *pngPainter) paint(fill bool, st *state) {
	if fill && visible(st.fill) {
		p.dc.SetColor(st.fill)
		p.dc.FillPreserve()
	}
	if visible(st.pen) && st.width > 0 {
		p.dc.SetColor(st.pen)
		p.dc.SetLineWidth(st.width * p.k)
		d := dashPattern(st.dash)
		for i := range d {
			d[i] *= p.k
		}
		p.dc.SetDash(d...)
		p.dc.StrokePreserve()
	}
	p.dc.ClearPath()
}

func (p *pngPainter) poly(pts []Point, closed, fill bool, st *state) {
	if fill && closed && p.fillRect(pts, st) {
		fill = false
	}
	p.trace(pts, closed, false)
	p.paint(fill, st)
}

// fillRect fills an axis-aligned opaque rectangle directly: the background
// and the lane bands cover most of the canvas, and the rasterizer is much
// slower than a plain copy on areas that large.
func (p *pngPainter) fillRect(pts []Point, st *state) bool {
	if len(pts) != 4 || st.fill.A != 255 {
		return false
	}
	minX, minY := math.Min(pts[0].X, pts[2].X), math.Min(pts[0].Y, pts[2].Y)
	maxX, maxY := math.Max(pts[0].X, pts[2].X), math.Max(pts[0].Y, pts[2].Y)
	for i, q := range pts {
		n := pts[(i+1)%4]
		corner := (q.X == minX || q.X == maxX) && (q.Y == minY || q.Y == maxY)
		if !corner || (q.X != n.X && q.Y != n.Y) || q == pts[(i+2)%4] || q == n {
			return false
		}
	}
	r := image.Rect(int(math.Round(minX*p.k)), int(math.Round(minY*p.k)),
		int(math.Round(maxX*p.k)), int(math.Round(maxY*p.k)))
	draw.Draw(p.img, r, image.NewUniform(st.fill), image.Point{}, draw.Src)
	return true
}

func (p *pngPainter) bezier(pts []Point, fill bool, st *state) {
	p.trace(pts, fill, true)
	p.paint(fill, st)
}

func (p *pngPainter) ellipse(cx, cy, rx, ry float64, fill bool, st *state) {
	p.dc.ClearPath()
	p.dc.DrawEllipse(cx*p.k, cy*p.k, rx*p.k, ry*p.k)
	p.paint(fill, st)
}

// face returns the cached face for a font at a pixel size.
func (p *pngPainter) face(id fontID, px float64) font.Face {
	key := faceKey{id, px}
	if f, ok := p.faces[key]; ok {
		return f
	}
	sf, err := sfntFont(id)
	if err != nil {
		p.err = fmt.Errorf("png: font: %w", err)
		return nil
	}
	f, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		p.err = fmt.Errorf("png: font: %w", err)
		return nil
	}
	p.faces[key] = f
	return f
}

// text draws glyph masks straight onto the canvas (gg's DrawString
// resamples every glyph bilinearly, which is slower and softer).
func (p *pngPainter) text(x, y float64, align int, s string, st *state) {
	if !visible(st.pen) {
		return
	}
	px := st.size * p.k
	if px > maxGlyphPx {
		return // glyphs are rasterized whole: a bigger one is broken input
	}
	face := p.face(fontFor(st), px)
	if face == nil {
		return
	}
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(st.pen), Face: face}
	adv := d.MeasureString(s)
	wpx := float64(adv) / 64
	left := x*p.k - wpx*float64(align+1)/2
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(left * 64)), Y: fixed.Int26_6(math.Round(y * p.k * 64))}
	d.DrawString(s)
	p.decorate(left, y*p.k, wpx, px, st)
}

// decorate draws underline and strike-through for <U> and <S> text.
func (p *pngPainter) decorate(left, base, w, px float64, st *state) {
	lines := []float64{}
	if st.flags&flagUnderline != 0 {
		lines = append(lines, base+px*0.1)
	}
	if st.flags&flagStrike != 0 {
		lines = append(lines, base-px*0.3)
	}
	for _, ly := range lines {
		p.dc.ClearPath()
		p.dc.SetColor(st.pen)
		p.dc.SetLineWidth(math.Max(px/14, 1))
		p.dc.SetDash()
		p.dc.DrawLine(left, ly, left+w, ly)
		p.dc.Stroke()
	}
}
