package deck

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/textshape"
)

// PDF writes the deck as a vector PDF, one page per slide, with the deck's
// title, author and subject in the document information.
func PDF(w io.Writer, d *Deck) (err error) {
	defer func() {
		if r := recover(); r != nil { // fpdf is third-party code: never crash the CLI
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	doc := raster.NewPDF(d.Size.PDFW, d.Size.PDFH, d.date())
	doc.SetCreator("cxmap deck", true)
	doc.SetTitle(d.Title, true)
	doc.SetAuthor(d.Author, true)
	doc.SetSubject(d.Subject, true)
	k := d.Size.PDFH / d.Size.H // points per logical px
	pw := &pdfWriter{doc: doc, pal: &d.pal, font: d.font, k: k, rtl: d.RTL}
	if d.font != nil {
		raster.AddPDFBrandFont(doc, d.font.Regular, d.font.Bold)
	}
	for i, s := range d.Slides {
		doc.AddPageFormat("P", fpdf.SizeType{Wd: d.Size.PDFW, Ht: d.Size.PDFH})
		if d.pal.bg != defaultPalette.bg {
			pdfRect(doc, Rect{0, 0, d.Size.W, d.Size.H}, d.pal.bg, "", k)
		}
		for _, sh := range append(s.Shapes[:len(s.Shapes):len(s.Shapes)], d.Chrome...) {
			if err := pw.shape(sh); err != nil {
				return fmt.Errorf("slide %d: %w", i+1, err)
			}
		}
		pdfNumber(doc, d.Size, i+1, k, d.pal.muted, d.RTL)
	}
	if err := doc.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var faces map[string][]byte // the theme's font, named after itself
	if d.font != nil {
		faces = map[string][]byte{"": d.font.Regular, "B": d.font.Bold}
	}
	return raster.OutputNamed(doc, w, "brand", faces)
}

// pdfNumber writes the slide number at the bottom right (left in a
// right-to-left deck).
func pdfNumber(doc *fpdf.Fpdf, sz Size, n int, k float64, muted string, rtl bool) {
	s := strconv.Itoa(n)
	size := SmallPx * k
	doc.SetFont("Helvetica", "", size) // for the width only; drawn in Liberation
	x := (sz.W-Margin)*k - doc.GetStringWidth(s)
	if rtl {
		x = Margin * k
	}
	raster.PDFText(doc, x, (sz.H-40)*k+size*0.9, size, false, raster.Hex(muted), s)
}

func pdfRect(doc *fpdf.Fpdf, r Rect, fill, line string, k float64) {
	style := ""
	if fill != "" {
		c := raster.Hex(fill)
		doc.SetFillColor(int(c.R), int(c.G), int(c.B))
		style += "F"
	}
	if line != "" {
		c := raster.Hex(line)
		doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
		doc.SetLineWidth(1.5 * k)
		doc.SetDashPattern(nil, 0)
		style += "D"
	}
	if style != "" {
		doc.Rect(r.X*k, r.Y*k, r.W*k, r.H*k, style)
	}
}

// lineWidth is a line's width, or a border's.
func lineWidth(sh Shape) float64 {
	switch {
	case sh.LineW > 0:
		return sh.LineW
	case sh.Kind == ShapeLine:
		return 3
	}
	return 1.5
}

// pdfStyle sets the fill and draw colours of a shape and returns fpdf's
// style string ("F", "D", "FD" or "").
func pdfStyle(doc *fpdf.Fpdf, sh Shape, k float64) string {
	style := ""
	if sh.Fill != "" {
		c := raster.Hex(sh.Fill)
		doc.SetFillColor(int(c.R), int(c.G), int(c.B))
		style += "F"
	}
	if sh.Line != "" {
		c := raster.Hex(sh.Line)
		doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
		doc.SetLineWidth(lineWidth(sh) * k)
		doc.SetDashPattern(nil, 0)
		style += "D"
	}
	return style
}

func pdfEllipse(doc *fpdf.Fpdf, sh Shape, k float64) {
	if style := pdfStyle(doc, sh, k); style != "" {
		doc.Ellipse((sh.X+sh.W/2)*k, (sh.Y+sh.H/2)*k, sh.W/2*k, sh.H/2*k, 0, style)
	}
}

// roundRadius is the corner radius of a GeomRound box (the PPTX gives
// PowerPoint the same radius as its adj value).
func roundRadius(r Rect) float64 { return min(18, min(r.W, r.H)/6) }

// radius is a shape's corner radius.
func radius(sh Shape) float64 {
	if sh.Radius > 0 {
		return sh.Radius
	}
	return roundRadius(sh.Rect)
}

func pdfRound(doc *fpdf.Fpdf, sh Shape, k float64) {
	if style := pdfStyle(doc, sh, k); style != "" {
		doc.RoundedRect(sh.X*k, sh.Y*k, sh.W*k, sh.H*k, radius(sh)*k, "1234", style)
	}
}

// pdfWriter draws shapes on the current page in the deck's palette and
// font.
type pdfWriter struct {
	doc    *fpdf.Fpdf
	pal    *palette
	font   *brandFont
	k      float64
	images map[*Logo]string
	// rtl aligns text right (a right-to-left deck), but for a timeline's
	// (Shape.LTR).
	rtl bool
}

// textAt writes s with its baseline starting at (x, y) in points: in the
// theme's font when it has every character, else in the faces the
// pictures use (Liberation Sans with fallbacks for marks and CJK).
// Right-to-left text is shaped and put in visual order first
// (textshape; PDFText does the same in its faces).
func (p *pdfWriter) textAt(x, y, size float64, bold bool, col, s string) {
	drawn, inFont := p.inFont(s, bold)
	if !inFont {
		raster.PDFText(p.doc, x, y, size, bold, raster.Hex(col), s)
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	c := raster.Hex(col)
	p.doc.SetFont(raster.PDFBrandFamily, style, size)
	p.doc.SetTextColor(int(c.R), int(c.G), int(c.B))
	p.doc.Text(x, y, drawn)
}

// inFont is s as drawn in the theme's font (right-to-left text shaped
// and in visual order), and whether that font draws all of it.
func (p *pdfWriter) inFont(s string, bold bool) (string, bool) {
	if p.font == nil {
		return s, false
	}
	drawn := s
	if textshape.HasRTL(s) {
		ttf := p.font.Regular
		if bold {
			ttf = p.font.Bold
		}
		own, _ := textshape.Load(ttf)
		drawn = textshape.Visual(s, own)
	}
	return drawn, p.font.has(drawn, bold)
}

// drawnWidth is the width of s as textAt draws it, for placing it: a
// right-to-left line is narrower joined than the measure that fits it.
func (p *pdfWriter) drawnWidth(s string, size float64, bold bool) float64 {
	if drawn, ok := p.inFont(s, bold); ok {
		return p.font.width(drawn, size, bold)
	}
	return textmetrics.Drawn(s, size, bold)
}

// lines writes lines from the top of r (or centred in it), from its
// left edge or, right, ending at its right edge.
func (p *pdfWriter) lines(r Rect, lines []string, size float64, bold, centre, right bool, col string) {
	width := p.drawnWidth
	k := p.k
	lh := lineH(size)
	y := r.Y
	if centre {
		y = r.Y + (r.H-float64(len(lines))*lh)/2
	}
	for i, l := range lines {
		if p.rtl {
			// A line of a right-to-left deck reads right to left as a
			// whole where it holds right-to-left text; the journey's own
			// English keeps its direction, as its full stop keeps its place.
			l = textshape.InRTLParagraph(l)
		}
		x := r.X
		switch {
		case centre:
			x = r.X + (r.W-width(l, size, bold))/2
		case right:
			x = r.X + r.W - width(l, size, bold)
		}
		base := y + float64(i)*lh + size*0.95 // ascent plus half the leading
		p.textAt(x*k, base*k, size*k, bold, col, l)
	}
}

func (p *pdfWriter) image(sh Shape) {
	if p.images == nil {
		p.images = map[*Logo]string{}
	}
	name, ok := p.images[sh.Image]
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	if !ok {
		name = fmt.Sprintf("logo%d", len(p.images)+1)
		p.images[sh.Image] = name
		p.doc.RegisterImageOptionsReader(name, opt, bytes.NewReader(sh.Image.PNG))
	}
	k := p.k
	p.doc.ImageOptions(name, sh.X*k, sh.Y*k, sh.W*k, sh.H*k, false, opt, 0, "")
}

func (p *pdfWriter) shape(sh Shape) error {
	doc, k, pal := p.doc, p.k, p.pal
	switch sh.Kind {
	case ShapeImage:
		p.image(sh)
	case ShapePicture:
		p := sh.Picture
		return raster.DrawPDFWith(doc, p.GV, sh.X*k, sh.Y*k, p.Scale*k, p.Brand)
	case ShapeTable:
		t := sh.Table
		y := sh.Y
		for _, r := range t.Rows {
			x := sh.X
			for i, c := range r.Cells {
				cell := Rect{x, y, t.Cols[i], r.H}
				pdfRect(doc, cell, c.Fill, pal.ruleLine, k)
				col := c.Color
				if col == "" {
					col = pal.ink
				}
				p.lines(Rect{x + 8, y + 8, t.Cols[i] - 16, r.H - 16}, c.Lines, t.Size, c.Bold, false, p.rtl, col)
				x += t.Cols[i]
			}
			y += r.H
		}
	case ShapeLine:
		c := raster.Hex(sh.Line)
		doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
		doc.SetLineWidth(lineWidth(sh) * k)
		doc.SetDashPattern(nil, 0)
		doc.SetLineCapStyle("round")
		doc.Line(sh.X*k, sh.Y*k, (sh.X+sh.W)*k, (sh.Y+sh.H)*k)
		doc.SetLineCapStyle("butt")
	default:
		switch sh.Geom {
		case GeomEllipse:
			pdfEllipse(doc, sh, k)
		case GeomRound:
			pdfRound(doc, sh, k)
		default:
			pdfRect(doc, sh.Rect, sh.Fill, sh.Line, k)
		}
		col := sh.Color
		if col == "" {
			col = pal.ink
		}
		p.lines(sh.Rect, sh.Lines, sh.Size, sh.Bold, sh.Centre, p.rtl && !sh.LTR, col)
	}
	return nil
}
