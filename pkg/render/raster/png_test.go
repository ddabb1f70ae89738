package raster

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"
)

func readGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../../testdata/raster/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func renderPNG(t *testing.T, in []byte, scale float64) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := PNG(&buf, in, scale); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("output does not decode as PNG: %v", err)
	}
	return img
}

func rgb(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// at reads the pixel under a Graphviz point (y up) of a layout whose bb
// starts at 0,0 and is h points high, with the default 4 pt pad.
func at(img image.Image, x, y, h, scale float64) color.NRGBA {
	return rgb(img.At(int((x+defaultPad)*scale), int((h-y+defaultPad)*scale)))
}

func TestPNGSwimlane(t *testing.T) {
	in := readGolden(t, "swimlane.json") // bb 0,0,423.6,317.2, pad 4
	const h = 317.2
	for _, scale := range []float64{1, 2, 3} {
		t.Run(fmt.Sprint(scale), func(t *testing.T) {
			img := renderPNG(t, in, scale)
			b := img.Bounds()
			if wantW, wantH := int(math.Ceil(431.6*scale-1e-6)), int(math.Ceil(325.2*scale-1e-6)); b.Dx() != wantW || b.Dy() != wantH {
				t.Fatalf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), wantW, wantH)
			}
			checks := []struct {
				what string
				x, y float64
				want color.NRGBA
			}{
				{"white background", 200, 10, color.NRGBA{255, 255, 255, 255}},
				{"stage band fill", 400, 300, color.NRGBA{0x1f, 0x3a, 0x5f, 255}},
				{"lane band fill", 200, 180, color.NRGBA{0xee, 0xf3, 0xfb, 255}},
				{"rounded cell fill (filled B-spline)", 31, 205, color.NRGBA{0xe6, 0xf4, 0xea, 255}},
				{"rounded cell border", 156.6, 217.2, color.NRGBA{0x2e, 0x7d, 0x32, 255}},
				{"badge fill", 107, 224, color.NRGBA{0x2e, 0x7d, 0x32, 255}},
				{"edge body", 190, 217.2, color.NRGBA{0x33, 0x33, 0x33, 255}},
				{"arrowhead", 230, 217.2, color.NRGBA{0x33, 0x33, 0x33, 255}},
			}
			for _, c := range checks {
				if scale < 2 && strings.HasPrefix(c.what, "edge") {
					continue // a 1.5 pt line covers no pixel row fully at 1 px/pt
				}
				if got := at(img, c.x, c.y, h, scale); got != c.want {
					t.Errorf("%s at (%g,%g): %v, want %v", c.what, c.x, c.y, got, c.want)
				}
			}
		})
	}
}

// TestPNGDashed scans the dashed line of interaction: it must alternate
// between ink and background, not be solid or missing.
func TestPNGDashed(t *testing.T) {
	img := renderPNG(t, readGolden(t, "swimlane.json"), 2)
	y := int((317.2 - 152.2 + defaultPad) * 2)
	ink, gaps := 0, 0
	for x := 20; x < 800; x++ {
		c := rgb(img.At(x, y))
		switch {
		case c.R < 0x80:
			ink++
		case c.R > 0xf0:
			gaps++
		}
	}
	if ink < 300 || gaps < 100 {
		t.Fatalf("dashed line: %d ink px, %d gap px", ink, gaps)
	}
}

// textDoc is a one-op layout: text s at (100,20) with the given alignment.
func textDoc(s, align string, flags int) []byte {
	return []byte(fmt.Sprintf(`{"bb":"0,0,200,40","_ldraw_":[{"op":"F","size":20,"face":"Arial"},
	 {"op":"c","grad":"none","color":"#ff0000"},{"op":"t","fontchar":%d},
	 {"op":"T","pt":[100,20],"align":%q,"width":50,"text":%q}]}`, flags, align, s))
}

// inkBox is the bounding box of non-white pixels and their count.
func inkBox(img image.Image) (image.Rectangle, int, bool) {
	var r image.Rectangle
	n, pureRed := 0, false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := rgb(img.At(x, y))
			if c == (color.NRGBA{255, 255, 255, 255}) {
				continue
			}
			pureRed = pureRed || c == color.NRGBA{255, 0, 0, 255}
			n++
			r = r.Union(image.Rect(x, y, x+1, y+1))
		}
	}
	return r, n, pureRed
}

func TestPNGTextAnchor(t *testing.T) {
	const scale = 2
	x, base := int((100+defaultPad)*scale), int((40-20+defaultPad)*scale)
	for _, align := range []string{"l", "c", "r"} {
		img := renderPNG(t, textDoc("HMH", align, 0), scale)
		box, n, red := inkBox(img)
		if n == 0 || !red {
			t.Fatalf("align %s: no red ink (%d px)", align, n)
		}
		switch align {
		case "l":
			if box.Min.X < x-1 || box.Min.X > x+6 {
				t.Errorf("left-aligned text starts at %d, want ~%d", box.Min.X, x)
			}
		case "r":
			if box.Max.X > x+1 || box.Max.X < x-6 {
				t.Errorf("right-aligned text ends at %d, want ~%d", box.Max.X, x)
			}
		case "c":
			if mid := (box.Min.X + box.Max.X) / 2; mid < x-2 || mid > x+2 {
				t.Errorf("centred text middle %d, want ~%d", mid, x)
			}
		}
		if box.Max.Y > base+1 || box.Min.Y < base-20*scale {
			t.Errorf("align %s: ink rows %d..%d, baseline %d", align, box.Min.Y, box.Max.Y, base)
		}
	}
}

func TestPNGBoldFlag(t *testing.T) {
	_, regular, _ := inkBox(renderPNG(t, textDoc("Bold text", "c", 0), 2))
	_, bold, _ := inkBox(renderPNG(t, textDoc("Bold text", "c", flagBold), 2))
	if bold <= regular*11/10 {
		t.Fatalf("bold text has %d ink px, regular %d: bold flag ignored?", bold, regular)
	}
}

func TestPNGTooLarge(t *testing.T) {
	tests := []struct {
		bb    string
		scale float64
	}{
		{"0,0,30000,1000", 2},   // 60016×2016 px: 121 Mpx
		{"0,0,12000,12000", 1},  // 144 Mpx
		{"0,0,100000,100", 0.7}, // 70005 px wide
	}
	for _, tt := range tests {
		err := PNG(new(bytes.Buffer), []byte(`{"bb":"`+tt.bb+`"}`), tt.scale)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "megapixels") {
			t.Errorf("bb %s scale %g: err = %v, want ErrTooLarge with advice", tt.bb, tt.scale, err)
		}
	}
	// A 200-step journey is about 33,000 pt wide: at scale 1 it is allowed.
	if err := PNG(new(bytes.Buffer), []byte(`{"bb":"0,0,33400,980"}`), 1); err != nil {
		t.Errorf("33400 px wide at scale 1 should be allowed: %v", err)
	}
}

func TestPNGBadScale(t *testing.T) {
	in := readGolden(t, "swimlane.json")
	for _, s := range []float64{0, -1, math.NaN(), math.Inf(1), 100} {
		if err := PNG(new(bytes.Buffer), in, s); err == nil || !strings.Contains(err.Error(), "scale") {
			t.Errorf("scale %v: err = %v", s, err)
		}
	}
}

func TestPNGDeterministic(t *testing.T) {
	in := readGolden(t, "generated10.json")
	var a, b bytes.Buffer
	if err := PNG(&a, in, 2); err != nil {
		t.Fatal(err)
	}
	if err := PNG(&b, in, 2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same input gave different PNG bytes")
	}
}

// TestPNGPadBackground: the page is the bb plus the pad, and the graph's
// bgcolor covers the pad as in Graphviz's SVG.
func TestPNGPadBackground(t *testing.T) {
	img := renderPNG(t, []byte(`{"bb":"0,0,100,50","pad":"0.5","bgcolor":"#ff0000"}`), 1)
	if b := img.Bounds(); b.Dx() != 172 || b.Dy() != 122 {
		t.Fatalf("size %dx%d, want 172x122", b.Dx(), b.Dy())
	}
	if c := rgb(img.At(1, 1)); c != (color.NRGBA{255, 0, 0, 255}) {
		t.Fatalf("pad corner %v, want the bgcolor", c)
	}
}

func TestPNGRealLayouts(t *testing.T) {
	for _, f := range []string{"permit.json", "hostile.json"} {
		s, err := Parse(readGolden(t, f))
		if err != nil {
			t.Fatal(err)
		}
		img := renderPNG(t, readGolden(t, f), 2)
		w, h := PixelSize(s, 2)
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Errorf("%s: %v, want %dx%d", f, img.Bounds(), w, h)
		}
		if _, n, _ := inkBox(img); n < w*h/20 {
			t.Errorf("%s: only %d non-white pixels of %d", f, n, w*h)
		}
	}
}

// TestPNGTextFlags: <U> adds ink under the baseline, <SUP> raises the text
// and <SUB> lowers it (Graphviz leaves both to the renderer).
func TestPNGTextFlags(t *testing.T) {
	base := int((40 - 20 + defaultPad) * 2)
	plain, _, _ := inkBox(renderPNG(t, textDoc("HMH", "c", 0), 2))
	under, _, _ := inkBox(renderPNG(t, textDoc("HMH", "c", flagUnderline), 2))
	sup, _, _ := inkBox(renderPNG(t, textDoc("HMH", "c", flagSup), 2))
	sub, _, _ := inkBox(renderPNG(t, textDoc("HMH", "c", flagSub), 2))
	if plain.Max.Y > base+1 || under.Max.Y <= base+1 {
		t.Errorf("baseline %d: plain ink ends at %d, underlined at %d", base, plain.Max.Y, under.Max.Y)
	}
	if sup.Max.Y >= plain.Max.Y-5 || sub.Max.Y <= plain.Max.Y+5 {
		t.Errorf("ink bottoms: plain %d, sup %d, sub %d", plain.Max.Y, sup.Max.Y, sub.Max.Y)
	}
}

// An SVG logo is drawn as shapes in its box, keeping its colours: the
// example theme's (a blue rounded rectangle, two waves, a word) fills
// most of its box with its blue, and nothing outside the box is its blue.
func TestPNGSVGLogo(t *testing.T) {
	gv := readGolden(t, "swimlane.json")
	logo, err := os.ReadFile("../../../examples/themes/riverside-logo.svg")
	if err != nil {
		t.Fatal(err)
	}
	box := [4]float64{20, 20, 120, 60} // the logo is 240×64: 120×32, centred
	var buf bytes.Buffer
	if err := PNGWith(&buf, gv, 2, &Brand{Logo: logo, LogoAt: box}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	blue := color.NRGBA{0x00, 0x5E, 0xB8, 0xFF}
	inside, out := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)) != blue {
				continue
			}
			if float64(x) >= 40 && float64(x) < 280 && float64(y) >= 2*(20+14) && float64(y) < 2*(20+46) {
				inside++
			} else {
				out++
			}
		}
	}
	if area := 240 * 64; inside < area/2 || out > 0 {
		t.Errorf("logo blue: %d px in its %d px box, %d outside", inside, area, out)
	}
}
