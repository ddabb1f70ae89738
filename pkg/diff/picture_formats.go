package diff

import (
	"bytes"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/draw"
)

// The picture formats of the registry (format.go): each draws one
// journey's picture to a file; `diff REV1 REV2` writes one per changed
// journey (pkg/cli). They are render's own formats (render.Formats: the
// same Graphviz drawing, the theme's font and logo), drawing the picture's
// grid instead of a journey's.

// pictureOptions are the picture's options from the format's.
func pictureOptions(o FormatOptions) PictureOptions {
	return PictureOptions{Rows: o.Rows, Locale: o.Locale, Theme: o.Theme}
}

// drawPicture draws d's picture in render's format name.
func drawPicture(name string, w io.Writer, d *Diff, o FormatOptions) error {
	g, err := d.Picture(pictureOptions(o))
	if err != nil {
		return err
	}
	f, ok := render.Formats.Get(name)
	if !ok {
		return fmt.Errorf("render has no format %q", name)
	}
	scale := o.Scale
	if scale == 0 {
		scale = 2
	}
	stderr := o.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	p := &render.Page{Journey: d.new, Name: d.New.ID, Grid: g}
	ro := &render.Options{Scale: scale, Stderr: stderr}
	if f.Check != nil {
		if err := f.Check(p, ro); err != nil {
			return err
		}
	}
	return f.Write(p, ro, w)
}

// SVG writes d's picture as SVG drawn by Graphviz (render's -f svg).
func SVG(w io.Writer, d *Diff, o FormatOptions) error { return drawPicture("svg", w, d, o) }

// PNG writes d's picture as PNG, o.Scale pixels per point (2 when 0).
func PNG(w io.Writer, d *Diff, o FormatOptions) error { return drawPicture("png", w, d, o) }

// PDF writes d's picture as a one-page vector PDF.
func PDF(w io.Writer, d *Diff, o FormatOptions) error { return drawPicture("pdf", w, d, o) }

// SVGDirect writes d's picture as SVG without Graphviz (draw.SVGDirect):
// the site's comparison section draws it so.
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

// pictureSet is a picture format's Set writer: a range has one picture per
// journey, which pkg/cli writes to files; one stream cannot hold them.
func pictureSet(name string) SetFormatter {
	return func(io.Writer, *Set, FormatOptions) error {
		return fmt.Errorf("-f %s draws one picture per changed journey: give -o DIR", name)
	}
}
