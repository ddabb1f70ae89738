package raster

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
)

// Brand is what a theme adds to Graphviz's drawing: its font, drawn for
// the text Graphviz names with Family (the theme font's family name, which
// the DOT gives), and its logo. nil is cxmap's own look.
type Brand struct {
	Family        string
	Regular, Bold []byte // TTF or OTF
	// Logo is a PNG or SVG drawn into LogoAt, in points from the
	// picture's top left (pad included), keeping its aspect ratio; nil
	// for none. An SVG is drawn as shapes (see svglogo.go).
	Logo   []byte
	LogoAt [4]float64 // x, y, w, h
}

// logoImage decodes the logo, or nil when there is none.
func (b *Brand) logoImage() (image.Image, error) {
	if b == nil || len(b.Logo) == 0 || b.LogoAt[2] <= 0 || b.LogoAt[3] <= 0 || b.svgLogo() {
		return nil, nil
	}
	img, err := png.Decode(bytes.NewReader(b.Logo))
	if err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	return img, nil
}

// fit is the box of an image of size iw×ih, as large as fits in r and
// centred in it.
func fit(r [4]float64, iw, ih int) [4]float64 {
	k := min(r[2]/float64(iw), r[3]/float64(ih))
	w, h := float64(iw)*k, float64(ih)*k
	return [4]float64{r[0] + (r[2]-w)/2, r[1] + (r[3]-h)/2, w, h}
}

// svgLogo reports a logo that is not a PNG: an SVG.
func (b *Brand) svgLogo() bool {
	return b != nil && len(b.Logo) > 0 && !bytes.HasPrefix(b.Logo, []byte("\x89PNG"))
}

// drawLogo draws an SVG logo on p (a PNG one is drawn as an image).
func (b *Brand) drawLogo(p painter) error {
	if !b.svgLogo() || b.LogoAt[2] <= 0 || b.LogoAt[3] <= 0 {
		return nil
	}
	return drawSVGLogo(p, b.Logo, b.LogoAt)
}
