package raster

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	rscpdf "rsc.io/pdf"
)

func renderPDF(t *testing.T, in []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, in); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
		t.Fatalf("not a PDF: %q ... %q", out[:min(len(out), 16)], out[max(0, len(out)-16):])
	}
	return out
}

// readPDF parses the file with an independent reader and returns its only
// page's media box and text.
func readPDF(t *testing.T, out []byte) (w, h float64, text string, fonts []string) {
	t.Helper()
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("PDF does not parse: %v", err)
	}
	if n := r.NumPage(); n != 1 {
		t.Fatalf("%d pages, want 1", n)
	}
	p := r.Page(1)
	mb := p.V.Key("MediaBox")
	if mb.IsNull() { // fpdf puts it on the page tree
		mb = p.V.Key("Parent").Key("MediaBox")
	}
	w = mb.Index(2).Float64() - mb.Index(0).Float64()
	h = mb.Index(3).Float64() - mb.Index(1).Float64()
	_ = p.Content() // must interpret without error
	rc := p.V.Key("Contents").Reader()
	stream, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("page content: %v", err)
	}
	var b strings.Builder
	for _, s := range shownStrings(stream) {
		b.WriteString(ucs2(s))
	}
	for _, name := range p.Fonts() {
		fonts = append(fonts, p.Font(name).BaseFont())
	}
	return w, h, b.String(), fonts
}

// shownStrings returns the literal strings of the content stream's Tj
// operators, unescaped. (The reader's own text extraction drops bytes of
// two-byte codes.)
func shownStrings(stream []byte) []string {
	var out []string
	for i := 0; i < len(stream); i++ {
		if stream[i] != '(' {
			continue
		}
		var b []byte
		depth := 1
		j := i + 1
		for ; j < len(stream) && depth > 0; j++ {
			c := stream[j]
			switch {
			case c == '\\' && j+1 < len(stream):
				j++
				e := stream[j]
				switch e {
				case 'n':
					b = append(b, '\n')
				case 'r':
					b = append(b, '\r')
				case 't':
					b = append(b, '\t')
				case 'b':
					b = append(b, '\b')
				case 'f':
					b = append(b, '\f')
				default:
					if e >= '0' && e <= '7' {
						v := 0
						k := 0
						for ; k < 3 && j+k < len(stream) && stream[j+k] >= '0' && stream[j+k] <= '7'; k++ {
							v = v*8 + int(stream[j+k]-'0')
						}
						j += k - 1
						b = append(b, byte(v))
					} else {
						b = append(b, e)
					}
				}
			case c == '(':
				depth++
				b = append(b, c)
			case c == ')':
				depth--
				if depth > 0 {
					b = append(b, c)
				}
			default:
				b = append(b, c)
			}
		}
		if rest := bytes.TrimLeft(stream[j:], " "); bytes.HasPrefix(rest, []byte("Tj")) {
			out = append(out, string(b))
		}
		i = j - 1
	}
	return out
}

// ucs2 decodes text shown with fpdf's Identity-H fonts, whose codes are
// the characters' BMP code points (the reader does not map them).
func ucs2(s string) string {
	var b strings.Builder
	for i := 0; i+1 < len(s); i += 2 {
		b.WriteRune(rune(s[i])<<8 | rune(s[i+1]))
	}
	return b.String()
}

func TestPDFSwimlane(t *testing.T) {
	out := renderPDF(t, readGolden(t, "swimlane.json"))
	w, h, text, fonts := readPDF(t, out)
	if math.Abs(w-431.6) > 0.01 || math.Abs(h-325.2) > 0.01 {
		t.Errorf("page %gx%g pt, want the bb 423.6x317.2 plus 4 pt pad a side", w, h)
	}
	for _, want := range []string{"Stage: Discover", "Sees an ad", "social media — café ✓", "BAD ⚠", "Form too long", "line of interaction"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	joined := strings.Join(fonts, " ")
	// ✓ and ⚠ are not in Liberation: they come from the DejaVu fallback.
	for _, want := range []string{"liberationsans", "liberationsansB", "liberationsansI", "dejavusans"} {
		if !strings.Contains(joined+" ", want+" ") {
			t.Errorf("fonts %q lack %s", joined, want)
		}
	}
	if !bytes.Contains(out, []byte("/FontFile2")) {
		t.Error("fonts are not embedded")
	}
}

func TestPDFDeterministic(t *testing.T) {
	in := readGolden(t, "generated10.json")
	a, b := renderPDF(t, in), renderPDF(t, in)
	if !bytes.Equal(a, b) {
		t.Fatal("same input gave different PDF bytes")
	}
	if !bytes.Contains(a, []byte("D:20000101000000")) {
		t.Error("creation date is not the fixed one")
	}
}

// TestPDFAstral: fpdf cannot encode characters above U+FFFF; they must
// become a placeholder, not an error or a panic.
func TestPDFAstral(t *testing.T) {
	_, _, text, _ := readPDF(t, renderPDF(t, textDoc("Go 😀 ok", "c", 0)))
	if !strings.Contains(text, "Go \uFFFD ok") {
		t.Fatalf("page text %q, want the emoji replaced by U+FFFD", text)
	}
}

func TestPDFSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"café — 日本", "café — 日本"},
		{"a😀b", "a\uFFFDb"},
		{"tab\there", "tab here"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := pdfSafe(tt.in); got != tt.want {
			t.Errorf("pdfSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPDFHugePage: a picture wider than Acrobat's 200-inch limit is scaled
// down to fit, keeping its aspect ratio.
func TestPDFHugePage(t *testing.T) {
	w, h, _, _ := readPDF(t, renderPDF(t, []byte(`{"bb":"0,0,28800,720","pad":"0"}`)))
	if math.Abs(w-MaxPDFSide) > 0.01 || math.Abs(h-360) > 0.01 {
		t.Fatalf("page %gx%g, want %gx360", w, h, MaxPDFSide)
	}
	// Past MinPDFScale the text would be unreadable: refused, like PNG.
	var buf bytes.Buffer
	err := PDF(&buf, []byte(`{"bb":"0,0,72000,720","pad":"0"}`))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "would be shrunk") || buf.Len() != 0 {
		t.Fatalf("got %v, %d bytes", err, buf.Len())
	}
}

// TestPDFRealLayouts draws what cxmap's renderer makes (copies of its
// golden DOT, laid out by Graphviz): hostile labels must come out as the
// SVG shows them, with xdot's backslash escaping undone and the zero-width
// entity guard gone.
func TestPDFRealLayouts(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"permit.json", []string{"Building permit application", "Looks up which permits apply", "Line of visibility"}},
		{"hostile.json", []string{`Quotes " and <b>tags</b> & \N \G \L ]]> in the title`, `text with \N and \G`, `Web "site" <i>&amp;</i>`, "Persona: <script>alert(1)</script>"}},
	}
	for _, tt := range tests {
		_, _, text, _ := readPDF(t, renderPDF(t, readGolden(t, tt.file)))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: page text lacks %q", tt.file, w)
			}
		}
		if strings.ContainsRune(text, '\u2060') {
			t.Errorf("%s: zero-width joiner reached the page", tt.file)
		}
	}
}

// A theme's font draws the text Graphviz names with its family, embedded
// in the PDF in place of Liberation Sans, and a PNG logo is drawn; the
// text is the same.
func TestPDFBrand(t *testing.T) {
	in := readGolden(t, "swimlane.json")
	regular, bold := goFonts(t)
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 40, 10))); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	b := &Brand{Family: "Arial", Regular: regular, Bold: bold, Logo: logo.Bytes(), LogoAt: [4]float64{10, 10, 80, 40}}
	if err := PDFWith(&buf, in, b); err != nil {
		t.Fatal(err)
	}
	_, _, text, fonts := readPDF(t, buf.Bytes())
	_, _, plain, _ := readPDF(t, renderPDF(t, in))
	if text != plain {
		t.Errorf("text differs in the theme's font:\n%s\nwant\n%s", text, plain)
	}
	joined := " " + strings.Join(fonts, " ") + " "
	for _, want := range []string{"+GoRegular ", "+Go-Bold "} { // the font's own names (pdfnames.go)
		if !strings.Contains(joined, want) {
			t.Errorf("fonts %q lack %q", joined, want)
		}
	}
	if strings.Contains(joined, "liberationsans ") {
		t.Errorf("fonts %q: Liberation Sans still drawn", joined)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/Subtype /Image")) {
		t.Error("no logo image in the PDF")
	}
}

// goFonts are the example Night theme's fonts, regular and bold.
func goFonts(t *testing.T) (regular, bold []byte) {
	t.Helper()
	var err error
	if regular, err = os.ReadFile("../../../examples/themes/fonts/Go-Regular.ttf"); err != nil {
		t.Fatal(err)
	}
	if bold, err = os.ReadFile("../../../examples/themes/fonts/Go-Bold.ttf"); err != nil {
		t.Fatal(err)
	}
	return regular, bold
}
