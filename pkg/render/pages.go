package render

import (
	"bytes"
	"fmt"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/theme"
)

// PageOptions say how to lay out and draw a page of some of a journey's
// steps for a slide (pkg/deck asks for its blueprint pages this way): a
// compact picture (no title block: the slide names the page) of the steps
// Steps and only the lanes and rows they use, with no legend.
type PageOptions struct {
	// Steps are the ids of the steps on the page, consecutive, in
	// journey order (nil: every step); their lanes are the page's lanes.
	Steps []string
	// NoEmotion leaves the emotion row out.
	NoEmotion bool
	// Theme and Locale are the look and language (nil: cxmap's own look,
	// English).
	Theme  *theme.Theme
	Locale *locale.Locale
	// Mark change the laid-out page before it is drawn, in order: the
	// marks of a comparison picture, the labels of the stubs of flows that
	// leave the page (words are the caller's).
	Mark []func(*layout.Grid)
	// Width, when more than the drawn picture's width in points, widens
	// the page to it (layout.Grid.Stretch) and draws it again.
	Width float64
	// DrawGrid turns the page into Graphviz json (nil: GraphvizPageJSON).
	// Tests pass their own.
	DrawGrid func(*layout.Grid) ([]byte, error)
}

// LayOutPage lays out the page o describes, without drawing it (pkg/deck
// measures candidate pages with it).
func LayOutPage(j *journey.Journey, o PageOptions) *layout.Grid {
	lo := layout.Options{Steps: o.Steps, NoEmotion: o.NoEmotion, Compact: true, Theme: o.Theme, Locale: o.Locale}
	g, err := layout.Build(j, lo)
	if err != nil && o.Theme != nil {
		// The theme's font or logo did not load (loading the theme read
		// them already, so this does not happen): the default look.
		lo.Theme = nil
		g, _ = layout.Build(j, lo)
	}
	g.TrimLegend()
	return g
}

// DrawnPage is a page laid out and drawn: Graphviz json (the PDF draws it
// as vectors, raster as PNG), the same page as SVG by draw.SVGDirect (a
// PPTX's editable shapes), its size and the theme's font and logo.
type DrawnPage struct {
	Grid *layout.Grid
	// GV is Graphviz's json output; SVG is draw.SVGDirect's.
	GV, SVG []byte
	// W and H are the picture's size in points, pad included.
	W, H float64
	// Brand is the theme's font and logo for pkg/render/raster (nil:
	// cxmap's own look).
	Brand *raster.Brand

	drawGrid func(*layout.Grid) ([]byte, error)
}

// DrawPage lays out the page o describes, marks it and draws it.
func DrawPage(j *journey.Journey, o PageOptions) (*DrawnPage, error) {
	g := LayOutPage(j, o)
	for _, m := range o.Mark {
		m(g)
	}
	d := &DrawnPage{Grid: g, drawGrid: o.DrawGrid}
	if d.drawGrid == nil {
		d.drawGrid = GraphvizPageJSON
	}
	if err := d.draw(); err != nil {
		return nil, err
	}
	if o.Width > d.W {
		if err := d.Widen(o.Width); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Widen stretches the page to w points wide (the picture's width, pad
// included; layout.Grid.Stretch) and draws it again. A page as wide
// already is left as it is.
func (d *DrawnPage) Widen(w float64) error {
	if w <= d.W {
		return nil
	}
	d.Grid.Stretch(w - d.W)
	return d.draw()
}

// draw draws the page's grid.
func (d *DrawnPage) draw() error {
	gv, err := d.drawGrid(d.Grid)
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := draw.SVGDirect(d.Grid, &svg); err != nil {
		return err
	}
	sc, err := raster.Parse(gv)
	if err != nil {
		return err
	}
	d.GV, d.SVG, d.W, d.H = gv, svg.Bytes(), sc.Width(), sc.Height()
	d.Brand, err = rasterBrand(d.Grid)
	return err
}

// GraphvizPageJSON turns a laid-out page into Graphviz json, which a
// deck's writers draw from (PDF as vector, PPTX as PNG when a page has no
// native shapes): the default of PageOptions.DrawGrid.
func GraphvizPageJSON(g *layout.Grid) ([]byte, error) {
	var b bytes.Buffer
	if err := draw.Render(draw.ForJSON(draw.DOT(g)), "json", &b); err != nil {
		return nil, fmt.Errorf("drawing a blueprint page: %w", err)
	}
	return b.Bytes(), nil
}
