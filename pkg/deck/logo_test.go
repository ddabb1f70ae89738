package deck

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/cxmap/cxmap/pkg/render/raster"
)

// TestSVGLogo: an SVG logo is drawn to PNG in its colours, its proportions
// kept; what is not an SVG is refused with a message.
func TestSVGLogo(t *testing.T) {
	l, err := loadLogo("../../examples/themes/riverside-logo.svg")
	if err != nil {
		t.Fatal(err)
	}
	if l.H != logoPx || l.W != 960 {
		t.Errorf("logo %dx%d, want 960x%d (240x64 kept)", l.W, l.H, logoPx)
	}
	img, err := png.Decode(bytes.NewReader(l.PNG))
	if err != nil {
		t.Fatal(err)
	}
	// The rounded rectangle's blue fills the middle; its corners are
	// transparent (rx=8).
	r, g, b, _ := img.At(l.W*3/4, l.H/2+40).RGBA()
	if r>>8 != 0x00 || g>>8 != 0x5E || b>>8 != 0xB8 {
		t.Errorf("fill at the middle is %02X%02X%02X, want 005EB8", r>>8, g>>8, b>>8)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the corner is not transparent")
	}
	for _, bad := range []string{"<html/>", `<svg xmlns="http://www.w3.org/2000/svg"/>`} {
		if _, err := raster.SVGLogoImage([]byte(bad), logoPx); err == nil {
			t.Errorf("%q was drawn", bad)
		}
	}
}
