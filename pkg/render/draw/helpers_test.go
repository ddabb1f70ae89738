package draw

import (
	"io"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// Test helpers: pkg/render draws through DOT, Render and ForJSON itself.

// SVG draws the grid as SVG.
func SVG(g *layout.Grid, w io.Writer) error { return Render(DOT(g), "svg", w) }

// JSON writes Graphviz's json output for the grid: the same picture as xdot
// drawing operations with exact coordinates, which pkg/render/raster draws as PNG
// and PDF.
func JSON(g *layout.Grid, w io.Writer) error { return Render(ForJSON(DOT(g)), "json", w) }
