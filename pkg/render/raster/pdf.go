package raster

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// MaxPDFSide is the largest page side Acrobat accepts (200 in). A larger
// picture is scaled down to fit; it stays vector, so zooming in still
// shows sharp text.
const MaxPDFSide = 14400.0

// MinPDFScale is how far a picture may be shrunk to fit MaxPDFSide. Below
// it, text at 100 % zoom is under ~3 pt: PDF refuses the picture (wrapping
// ErrTooLarge, like PNG) and says to split it.
const MinPDFScale = 0.25

// PDFScale is the factor a picture of w×h points is shrunk by to fit the
// page limit (1 when it fits).
func PDFScale(w, h float64) float64 { return min(1, MaxPDFSide/max(w, h)) }

// CheckPDF says whether a picture of w×h points can be a readable PDF page,
// with the error PDF would return; callers check before any work.
func CheckPDF(w, h float64) error {
	if k := PDFScale(w, h); k < MinPDFScale {
		return fmt.Errorf("pdf: %.0f×%.0f pt would be shrunk to %.0f%% to fit a PDF page (at most %.0f pt a side): %w", w, h, 100*k, MaxPDFSide, ErrTooLarge)
	}
	return nil
}

// PDF draws Graphviz json output as a one-page vector PDF whose page is the
// graph's bounding box in points (scaled down past MaxPDFSide), with the
// Liberation faces it uses embedded (subset). Output is deterministic.
func PDF(w io.Writer, gvJSON []byte) error { return PDFWith(w, gvJSON, nil) }

// PDFWith is PDF in a theme's font (embedded) and with its logo (b; nil:
// PDF).
func PDFWith(w io.Writer, gvJSON []byte, b *Brand) (err error) {
	s, err := Parse(gvJSON)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil { // fpdf is third-party code: never crash the CLI
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	if err := CheckPDF(s.Width(), s.Height()); err != nil {
		return err
	}
	k := PDFScale(s.Width(), s.Height())
	doc := NewPDF(s.Width()*k, s.Height()*k, FixedDate)
	doc.AddPage()
	p := &pdfPainter{doc: doc, k: k, fonts: map[fontID]bool{}, alpha: 1, brand: b}
	if bg := parseColor(s.Background); s.Background != "" && visible(bg) { // covers the pad too
		st := freshState()
		st.fill, st.pen = bg, color.NRGBA{}
		p.poly([]Point{{0, 0}, {s.Width(), 0}, {s.Width(), s.Height()}, {0, s.Height()}}, true, true, &st)
	}
	walk(s, p)
	if err := b.drawLogo(p); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	logo, err := b.logoImage()
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if logo != nil {
		r := fit(b.LogoAt, logo.Bounds().Dx(), logo.Bounds().Dy())
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		doc.RegisterImageOptionsReader("logo", opt, bytes.NewReader(b.Logo))
		p.setAlpha(255)
		doc.ImageOptions("logo", r[0]*k, r[1]*k, r[2]*k, r[3]*k, false, opt, 0, "")
	}
	if err := doc.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var faces map[string][]byte // the theme's font, named after itself (pdfnames.go)
	if b != nil && len(b.Regular) > 0 {
		faces = map[string][]byte{"": b.Regular, "B": b.Bold}
	}
	return OutputNamed(doc, w, "Brand", faces)
}

type pdfPainter struct {
	doc   *fpdf.Fpdf
	k     float64 // page points per Graphviz point
	fonts map[fontID]bool
	alpha float64
	brand *Brand
}

func (p *pdfPainter) setAlpha(a uint8) {
	v := float64(a) / 255
	if v != p.alpha {
		p.doc.SetAlpha(v, "Normal")
		p.alpha = v
	}
}

// mode prepares colours and line style and returns the fpdf path style
// ("F", "D", "DF"), or "" when nothing is visible. fpdf has one alpha for
// fill and stroke, so a fill and a stroke of different alpha are drawn as
// two paths (second reports that).
func (p *pdfPainter) mode(fill bool, st *state) (first string, second string) {
	doFill := fill && visible(st.fill)
	doStroke := visible(st.pen) && st.width > 0
	if doStroke {
		p.doc.SetDrawColor(int(st.pen.R), int(st.pen.G), int(st.pen.B))
		p.doc.SetLineWidth(st.width * p.k)
		d := dashPattern(st.dash)
		for i := range d {
			d[i] *= p.k
		}
		p.doc.SetDashPattern(d, 0)
	}
	if doFill {
		p.doc.SetFillColor(int(st.fill.R), int(st.fill.G), int(st.fill.B))
	}
	switch {
	case doFill && doStroke && st.fill.A == st.pen.A:
		p.setAlpha(st.fill.A)
		return "DF", ""
	case doFill && doStroke:
		p.setAlpha(st.fill.A)
		return "F", "D"
	case doFill:
		p.setAlpha(st.fill.A)
		return "F", ""
	case doStroke:
		p.setAlpha(st.pen.A)
		return "D", ""
	}
	return "", ""
}

func (p *pdfPainter) shape(fill bool, st *state, draw func(style string)) {
	first, second := p.mode(fill, st)
	if first == "" {
		return
	}
	draw(first)
	if second != "" {
		p.setAlpha(st.pen.A)
		draw(second)
	}
}

func (p *pdfPainter) poly(pts []Point, closed, fill bool, st *state) {
	p.shape(fill, st, func(style string) {
		k := p.k
		p.doc.MoveTo(pts[0].X*k, pts[0].Y*k)
		for _, q := range pts[1:] {
			p.doc.LineTo(q.X*k, q.Y*k)
		}
		if closed {
			p.doc.ClosePath()
		}
		p.doc.DrawPath(style)
	})
}

func (p *pdfPainter) bezier(pts []Point, fill bool, st *state) {
	p.shape(fill, st, func(style string) {
		k := p.k
		p.doc.MoveTo(pts[0].X*k, pts[0].Y*k)
		for i := 1; i+2 < len(pts); i += 3 {
			a, b, c := pts[i], pts[i+1], pts[i+2]
			p.doc.CurveBezierCubicTo(a.X*k, a.Y*k, b.X*k, b.Y*k, c.X*k, c.Y*k)
		}
		if fill {
			p.doc.ClosePath()
		}
		p.doc.DrawPath(style)
	})
}

func (p *pdfPainter) ellipse(cx, cy, rx, ry float64, fill bool, st *state) {
	p.shape(fill, st, func(style string) {
		k := p.k
		p.doc.Ellipse(cx*k, cy*k, rx*k, ry*k, 0, style)
	})
}

func (p *pdfPainter) text(x, y float64, align int, s string, st *state) {
	if !visible(st.pen) {
		return
	}
	size := st.size * p.k
	id := fontFor(st, p.brand)
	rs := runs(visual(pdfSafe(s), id), id)
	widths := make([]float64, len(rs))
	w := 0.0
	for i, r := range rs {
		p.setFont(r.id, size)
		widths[i] = p.doc.GetStringWidth(r.text)
		w += widths[i]
	}
	x, y = x*p.k, y*p.k
	left := x - w*float64(align+1)/2
	p.setAlpha(st.pen.A)
	p.doc.SetTextColor(int(st.pen.R), int(st.pen.G), int(st.pen.B))
	at := left
	for i, r := range rs {
		p.setFont(r.id, size)
		p.doc.Text(at, y, r.text)
		at += widths[i]
	}
	p.decorate(left, y, w, size, st)
}

// setFont selects an embedded face, registering it on first use (so only
// the faces a picture uses are embedded).
func (p *pdfPainter) setFont(id fontID, size float64) {
	fam, style := id.pdfName()
	if !p.fonts[id] {
		p.doc.AddUTF8FontFromBytes(fam, style, id.ttf())
		p.fonts[id] = true
	}
	p.doc.SetFont(fam, style, size)
}

// decorate draws the lines of <U>, <S> and <O> text.
func (p *pdfPainter) decorate(left, base, w, size float64, st *state) {
	for _, off := range decorations(st.flags) {
		ly := base + off*size
		p.doc.SetDrawColor(int(st.pen.R), int(st.pen.G), int(st.pen.B))
		p.doc.SetLineWidth(size / 14)
		p.doc.SetDashPattern(nil, 0)
		p.doc.Line(left, ly, left+w, ly)
	}
}

// pdfSafe replaces what fpdf cannot encode: its font subsetter handles
// only the Basic Multilingual Plane, so emoji and other characters above
// U+FFFF (and invalid UTF-8) become U+FFFD; control characters become
// spaces.
func pdfSafe(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if r > 0xFFFF || r < 0x20 || r == 0x7F {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			b.WriteRune('\uFFFD')
		case r < 0x20 || r == 0x7F:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
