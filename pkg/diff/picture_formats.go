package diff

import (
	"bytes"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/raster"
)

// The picture formats of the registry (format.go): each draws one
// journey's picture to a file; `diff REV1 REV2` writes one per changed
// journey (pkg/cli). They draw as `cxmap render` does: Graphviz's SVG, and
// Graphviz's json through pkg/render/raster for PNG and PDF.

// pictureOptions are the picture's options from the format's.
func pictureOptions(o FormatOptions) PictureOptions {
	return PictureOptions{Rows: o.Rows, Locale: o.Locale}
}

// SVG writes d's picture as SVG drawn by Graphviz.
func SVG(w io.Writer, d *Diff, o FormatOptions) error {
	g, err := d.Picture(pictureOptions(o))
	if err != nil {
		return err
	}
	return draw.Render(draw.DOT(g), "svg", w)
}

// SVGDirect writes d's picture as SVG without Graphviz (draw.SVGDirect):
// the site's comparison page draws it so.
func SVGDirect(d *Diff, o PictureOptions) ([]byte, error) {
	g, err := d.Picture(o)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := draw.SVGDirect(g, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// PNG writes d's picture as PNG, o.Scale pixels per point (2 when 0).
func PNG(w io.Writer, d *Diff, o FormatOptions) error {
	g, err := d.Picture(pictureOptions(o))
	if err != nil {
		return err
	}
	scale := o.Scale
	if scale == 0 {
		scale = 2
	}
	pw, ph := render.PictureSize(g)
	if err := raster.CheckPNG(pw, ph, scale); err != nil {
		return err
	}
	gv, err := graphvizJSON(draw.DOT(g))
	if err != nil {
		return err
	}
	return raster.PNG(w, gv, scale)
}

// PDF writes d's picture as a one-page vector PDF.
func PDF(w io.Writer, d *Diff, o FormatOptions) error {
	g, err := d.Picture(pictureOptions(o))
	if err != nil {
		return err
	}
	pw, ph := render.PictureSize(g)
	if err := raster.CheckPDF(pw, ph); err != nil {
		return err
	}
	gv, err := graphvizJSON(draw.DOT(g))
	if err != nil {
		return err
	}
	return raster.PDF(w, gv)
}

func graphvizJSON(dot []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := draw.Render(draw.ForJSON(dot), "json", &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// pictureSet is a picture format's Set writer: a range has one picture per
// journey, which pkg/cli writes to files; one stream cannot hold them.
func pictureSet(name string) SetFormatter {
	return func(io.Writer, *Set, FormatOptions) error {
		return fmt.Errorf("-f %s draws one picture per changed journey: give -o DIR", name)
	}
}
