package raster

import (
	"image/color"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// FixedDate stands in for "now" in a document's metadata (the PDF's info
// dictionary, a PPTX's zip entries), so the same input always gives the
// same bytes.
var FixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// NewPDF starts a PDF of w×h-point pages the way every cxmap PDF starts
// (a picture of `cxmap render`, a deck): no margins or automatic page
// breaks, date as its creation and modification date (zero: FixedDate,
// never the clock), sorted catalog, compressed, produced by cxmap. The
// caller adds the pages.
func NewPDF(w, h float64, date time.Time) *fpdf.Fpdf {
	if date.IsZero() {
		date = FixedDate
	}
	doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: w, Ht: h}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCreationDate(date)
	doc.SetModificationDate(date)
	doc.SetCatalogSort(true)
	doc.SetProducer("cxmap", true)
	doc.SetCompression(true)
	return doc
}

// PDFBrandFamily is the family a theme's font is registered under in a
// PDF (AddPDFBrandFont), the pictures' and a deck's text alike.
const PDFBrandFamily = "Brand"

// AddPDFBrandFont registers a theme's font (regular and bold, TTF or OTF)
// in doc under PDFBrandFamily. The pictures drawn into doc then find it
// registered (fpdf registers a family once), so it is embedded once.
func AddPDFBrandFont(doc *fpdf.Fpdf, regular, bold []byte) {
	doc.AddUTF8FontFromBytes(PDFBrandFamily, "", regular)
	doc.AddUTF8FontFromBytes(PDFBrandFamily, "B", bold)
}

// Hex reads a colour written "#RRGGBB" (or "#RRGGBBAA"), as themes, decks
// and Graphviz write them, with the one colour parser raster draws with;
// anything else is opaque black, as Graphviz draws an unknown colour.
func Hex(s string) color.NRGBA {
	if len(s) > 0 && s[0] == '#' {
		if c, ok := parseHex(s[1:]); ok {
			return c
		}
	}
	return color.NRGBA{A: 255}
}
