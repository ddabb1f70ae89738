package raster

import (
	"fmt"
	"image/color"

	"codeberg.org/go-pdf/fpdf"
)

// DrawPDFWith draws Graphviz json output onto the current page of doc
// (whose unit is the point), its top-left corner at (x, y) and k page
// points per Graphviz point: how a slide deck embeds a blueprint as vector
// drawing (fpdf cannot import a PDF page). Text is in the theme's font (b;
// nil: the default faces), and the faces it uses are added to doc once. A
// logo in b is not drawn: the slide places its own.
func DrawPDFWith(doc *fpdf.Fpdf, gvJSON []byte, x, y, k float64, b *Brand) (err error) {
	s, err := Parse(gvJSON)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil { // fpdf is third-party code: never crash the CLI
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	doc.SetAlpha(1, "Normal")
	doc.TransformBegin()
	doc.TransformTranslate(x, y)
	var font *Brand
	if b != nil && b.Family != "" {
		font = &Brand{Family: b.Family, Regular: b.Regular, Bold: b.Bold}
	}
	p := &pdfPainter{doc: doc, k: k, fonts: map[fontID]bool{}, alpha: 1, brand: font}
	if bg := parseColor(s.Background); s.Background != "" && visible(bg) {
		st := freshState()
		st.fill, st.pen = bg, color.NRGBA{}
		p.poly([]Point{{0, 0}, {s.Width(), 0}, {s.Width(), s.Height()}, {0, s.Height()}}, true, true, &st)
	}
	walk(s, p)
	doc.TransformEnd()
	if p.alpha != 1 {
		doc.SetAlpha(1, "Normal")
	}
	return doc.Error()
}

// PDFText writes s on the current page of doc with its baseline starting
// at (x, y), size in points, in the embedded faces the pictures use (with
// the same fallbacks for marks and CJK), so slide text and pictures match.
func PDFText(doc *fpdf.Fpdf, x, y, size float64, bold bool, c color.NRGBA, s string) {
	st := freshState()
	st.size, st.pen, st.face = size, c, "Arial"
	if bold {
		st.flags = flagBold
	}
	p := &pdfPainter{doc: doc, k: 1, fonts: map[fontID]bool{}, alpha: -1}
	p.text(x, y, -1, s, &st)
	doc.SetAlpha(1, "Normal")
}
