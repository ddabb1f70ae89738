package raster

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// inkColumns is which columns of img hold ink, from the first to the last.
func inkColumns(img image.Image) []bool {
	box, _, _ := inkBox(img)
	cols := make([]bool, box.Dx())
	for x := box.Min.X; x < box.Max.X; x++ {
		for y := box.Min.Y; y < box.Max.Y; y++ {
			if rgb(img.At(x, y)) != (color.NRGBA{255, 255, 255, 255}) {
				cols[x-box.Min.X] = true
				break
			}
		}
	}
	return cols
}

// Arabic letters join: a word of dual-joining letters is one stroke, with
// no blank column from its first ink to its last; drawn letter by letter
// (isolated forms, as before shaping) it has gaps.
func TestPNGArabicJoined(t *testing.T) {
	for _, tc := range []struct {
		text   string
		joined bool
	}{
		{"سبيل", true},
		{"محمد", true},
		// Reh joins only to the right: the word breaks after it.
		{"تجربة", false},
		// Isolated forms, as PNG drew Arabic before shaping.
		{"\uFEB1\uFE8F\uFEF1\uFEDD", false},
	} {
		cols := inkColumns(renderPNG(t, textDoc(tc.text, "l", 0), 3))
		gaps := 0
		for _, ink := range cols {
			if !ink {
				gaps++
			}
		}
		if got := gaps == 0; got != tc.joined {
			t.Errorf("%q (%U): %d blank columns in %d, joined=%v, want %v", tc.text, []rune(tc.text), gaps, len(cols), got, tc.joined)
		}
	}
}

// The line is drawn in visual order: in "ببب 1" the digit, last in
// logical order, reads left to right after the Arabic word, so it is drawn
// at the left, where the line starts: the line's pixels there are the
// digit's alone.
func TestPNGRightToLeftOrder(t *testing.T) {
	line := renderPNG(t, textDoc("ببب 1", "l", 0), 3)
	digit := renderPNG(t, textDoc("1", "l", 0), 3)
	box, n, _ := inkBox(digit)
	if n == 0 {
		t.Fatal("the digit drew nothing")
	}
	diff := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if rgb(line.At(x, y)) != rgb(digit.At(x, y)) {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d of the digit's %d pixels differ in the line: the digit is not drawn first", diff, box.Dx()*box.Dy())
	}
}

// PDFText (the deck's text) shapes too: the PDF holds the joined forms in
// visual order, the characters a reader extracts.
func TestPDFTextShaped(t *testing.T) {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 200, Ht: 40}})
	doc.SetCompression(false)
	doc.AddPage()
	PDFText(doc, 10, 20, 12, false, color.NRGBA{A: 255}, "باب 3")
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	_, _, text, fonts := readPDF(t, buf.Bytes())
	if want := "3 \u0628\uFE8E\uFE91"; !strings.Contains(text, want) {
		t.Errorf("PDF text %q (%U), want %q", text, []rune(text), want)
	}
	if !strings.Contains(strings.Join(fonts, " "), "dejavusans") {
		t.Errorf("fonts %q: the Arabic is not in DejaVu Sans", fonts)
	}
}

// A theme's font with Arabic (Noto Sans Arabic) draws the Arabic itself.
func TestPDFArabicThemeFont(t *testing.T) {
	noto, err := os.ReadFile("../../textshape/testdata/NotoSansArabic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	in := textDoc("سلام", "l", 0)
	in = bytes.Replace(in, []byte(`"face":"Arial"`), []byte(`"face":"Noto Sans Arabic"`), 1)
	var buf bytes.Buffer
	if err := PDFWith(&buf, in, &Brand{Family: "Noto Sans Arabic", Regular: noto, Bold: noto}); err != nil {
		t.Fatal(err)
	}
	_, _, text, fonts := readPDF(t, buf.Bytes())
	if want := "\u0645\uFEFC\uFEB3"; text != want {
		t.Errorf("PDF text %U, want %U", []rune(text), []rune(want))
	}
	// The theme's font is named after itself (RenamePDFFonts).
	if len(fonts) != 1 || !strings.HasSuffix(fonts[0], "+NotoSansArabic-Regular") {
		t.Errorf("fonts %q, want the theme's alone", fonts)
	}
}

// A theme's font without Arabic (the Go font) leaves the Arabic to DejaVu
// Sans, shaped, beside its own Latin.
func TestPDFArabicThemeFontWithout(t *testing.T) {
	goFont, err := os.ReadFile("../../../examples/themes/fonts/Go-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	in := bytes.Replace(textDoc("ok باب", "l", 0), []byte(`"face":"Arial"`), []byte(`"face":"Go"`), 1)
	var buf bytes.Buffer
	if err := PDFWith(&buf, in, &Brand{Family: "Go", Regular: goFont, Bold: goFont}); err != nil {
		t.Fatal(err)
	}
	_, _, text, fonts := readPDF(t, buf.Bytes())
	if want := "ok \u0628\uFE8E\uFE91"; text != want {
		t.Errorf("PDF text %U, want %U", []rune(text), []rune(want))
	}
	joined := strings.Join(fonts, " ")
	if !strings.Contains(joined, "+GoRegular") || !strings.Contains(joined, "dejavusans") {
		t.Errorf("fonts %q, want the theme's and DejaVu Sans", joined)
	}
}
