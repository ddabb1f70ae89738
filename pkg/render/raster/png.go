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
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Limits on the PNG canvas. An RGBA canvas costs 4 bytes a pixel (100
// megapixels is 400 MB), and many decoders store sides in 16 bits; past
// either limit the caller should split the picture or lower the scale.
const (
	MaxPixels = 100_000_000
	MaxSide   = 65535
	MaxScale  = 16
)

// maxGlyphPx is the largest text size drawn, in pixels.
const maxGlyphPx = 2000

// ErrTooLarge is wrapped by PNG when the canvas would exceed the limits.
var ErrTooLarge = errors.New("image too large")

// PixelSize is the PNG canvas size for a layout at a scale: one pixel per
// point at scale 1, rounded up.
func PixelSize(s *Scene, scale float64) (w, h int) {
	return pixels(s.Width(), scale), pixels(s.Height(), scale)
}

func pixels(pt, scale float64) int { return int(math.Ceil(pt*scale - 1e-6)) }

// CheckPNG says whether a picture of w×h points fits PNG's limits at
// scale, with the error PNG would return; callers check before any work.
func CheckPNG(w, h, scale float64) error {
	pw, ph := pixels(w, scale), pixels(h, scale)
	if pw > MaxSide || ph > MaxSide || float64(pw)*float64(ph) > MaxPixels {
		return fmt.Errorf("png: %d×%d px at scale %g: %w (limit %d px a side, %d megapixels)",
			pw, ph, scale, ErrTooLarge, MaxSide, MaxPixels/1_000_000)
	}
	return nil
}

// PNG draws Graphviz json output as an antialiased PNG on white, scale
// pixels per point. Coordinates, line widths and font sizes are multiplied
// by the scale before drawing (scaling the canvas instead blurs the text).
func PNG(w io.Writer, gvJSON []byte, scale float64) error { return PNGWith(w, gvJSON, scale, nil) }

// PNGWith is PNG in a theme's font and with its logo (b; nil: PNG).
func PNGWith(w io.Writer, gvJSON []byte, scale float64, b *Brand) error {
	if !finite(scale) || scale <= 0 || scale > MaxScale {
		return fmt.Errorf("png: scale %v out of range (0, %d]", scale, MaxScale)
	}
	s, err := Parse(gvJSON)
	if err != nil {
		return err
	}
	if err := CheckPNG(s.Width(), s.Height(), scale); err != nil {
		return err
	}
	pw, ph := PixelSize(s, scale)
	img := image.NewRGBA(image.Rect(0, 0, max(pw, 1), max(ph, 1)))
	// White, then the graph's bgcolor over it (covering the pad, as in the
	// SVG); one pass when the bgcolor is opaque.
	bg := parseColor(s.Background)
	if s.Background == "" || bg.A != 255 {
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	}
	if s.Background != "" && bg.A != 0 {
		draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Over)
	}
	p := &pngPainter{img: img, dc: gg.NewContextForRGBA(img), k: scale, faces: map[faceKey]font.Face{}, brand: b}
	p.plain, p.isPlain = color.NRGBAModel.Convert(img.At(0, 0)).(color.NRGBA), true
	p.dc.SetLineJoin(gg.LineJoinRound)
	p.dc.SetLineCap(gg.LineCapButt)
	walk(s, p)
	if p.err != nil {
		return p.err
	}
	if err := b.drawLogo(p); err != nil {
		return fmt.Errorf("png: %w", err)
	}
	logo, err := b.logoImage()
	if err != nil {
		return fmt.Errorf("png: %w", err)
	}
	if logo != nil {
		r := fit(b.LogoAt, logo.Bounds().Dx(), logo.Bounds().Dy())
		dst := image.Rect(int(math.Round(r[0]*scale)), int(math.Round(r[1]*scale)), int(math.Round((r[0]+r[2])*scale)), int(math.Round((r[1]+r[3])*scale)))
		xdraw.CatmullRom.Scale(img, dst, logo, logo.Bounds(), xdraw.Over, nil)
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
	brand *Brand
	err   error
	// While nothing but the background is drawn, the canvas is one colour,
	// and a fill of that colour (Graphviz's own background polygon, a
	// full canvas pass) can be skipped.
	plain   color.NRGBA
	isPlain bool
}

func visible(c color.NRGBA) bool { return c.A != 0 }

// px scales points to pixels.
func (p *pngPainter) px(pts []Point) []Point {
	out := make([]Point, len(pts))
	for i, q := range pts {
		out[i] = Point{q.X * p.k, q.Y * p.k}
	}
	return out
}

// fillPath fills a closed path given in pixels with the state's fill.
func (p *pngPainter) fillPath(q []Point, curve bool, st *state) {
	if !visible(st.fill) {
		return
	}
	if !curve && st.fill.A == 255 {
		if x0, y0, x1, y1, ok := axisRect(q); ok {
			// The background and the lane bands cover most of the canvas;
			// a plain copy is much faster than the rasterizer there.
			r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
			draw.Draw(p.img, r, image.NewUniform(st.fill), image.Point{}, draw.Src)
			return
		}
	}
	p.dc.ClearPath()
	p.dc.MoveTo(q[0].X, q[0].Y)
	if curve {
		for i := 1; i+2 < len(q); i += 3 {
			p.dc.CubicTo(q[i].X, q[i].Y, q[i+1].X, q[i+1].Y, q[i+2].X, q[i+2].Y)
		}
	} else {
		for _, r := range q[1:] {
			p.dc.LineTo(r.X, r.Y)
		}
	}
	p.dc.ClosePath()
	p.dc.SetColor(st.fill)
	p.dc.Fill()
}

func (p *pngPainter) poly(pts []Point, closed, fill bool, st *state) {
	q := p.px(pts)
	if fill && closed && !(p.isPlain && st.fill == p.plain) {
		p.fillPath(q, false, st)
		p.isPlain = false
	}
	if visible(st.pen) && st.width > 0 {
		p.isPlain = false
	}
	p.strokePath(q, closed, false, st)
}

func (p *pngPainter) bezier(pts []Point, fill bool, st *state) {
	p.isPlain = false
	q := p.px(pts)
	if fill {
		p.fillPath(q, true, st)
	}
	p.strokePath(q, fill, true, st)
}

func (p *pngPainter) ellipse(cx, cy, rx, ry float64, fill bool, st *state) {
	p.isPlain = false
	k := p.k
	if fill && visible(st.fill) {
		p.dc.ClearPath()
		p.dc.DrawEllipse(cx*k, cy*k, rx*k, ry*k)
		p.dc.SetColor(st.fill)
		p.dc.Fill()
	}
	if visible(st.pen) && st.width > 0 {
		p.dc.ClearPath()
		p.dc.DrawEllipse(cx*k, cy*k, rx*k, ry*k)
		p.dc.SetColor(st.pen)
		p.dc.SetLineWidth(st.width * k)
		d := dashPattern(st.dash)
		for i := range d {
			d[i] *= k
		}
		p.dc.SetDash(d...)
		p.dc.Stroke()
	}
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
	p.isPlain = false
	px := st.size * p.k
	if px > maxGlyphPx {
		return // glyphs are rasterized whole: a bigger one is broken input
	}
	id := fontFor(st, p.brand)
	rs := runs(visual(s, id), id)
	faces := make([]font.Face, len(rs))
	var adv fixed.Int26_6
	for i, r := range rs {
		if faces[i] = p.face(r.id, px); faces[i] == nil {
			return
		}
		adv += font.MeasureString(faces[i], r.text)
	}
	wpx := float64(adv) / 64
	left := x*p.k - wpx*float64(align+1)/2
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(st.pen)}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(left * 64)), Y: fixed.Int26_6(math.Round(y * p.k * 64))}
	for i, r := range rs {
		d.Face = faces[i]
		d.DrawString(r.text) // advances d.Dot
	}
	p.decorate(left, y*p.k, wpx, px, st)
}

// decorate draws the lines of <U>, <S> and <O> text.
func (p *pngPainter) decorate(left, base, w, px float64, st *state) {
	for _, off := range decorations(st.flags) {
		ly := base + off*px
		p.dc.ClearPath()
		p.dc.SetColor(st.pen)
		p.dc.SetLineWidth(math.Max(px/14, 1))
		p.dc.SetDash()
		p.dc.DrawLine(left, ly, left+w, ly)
		p.dc.Stroke()
	}
}
