package render

import (
	"bytes"
	"io"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/raster"
)

// Format is one output of `cxmap render`: a file per page, <name>.<Ext>.
//
// To add a format: write one file with its Format value (a Write func, and a
// Check if it has size limits), add it to Formats below, and add a test of
// its output (render_test.go). Help text, completion, "unknown format"
// messages and docs take the list from Formats.
type Format struct {
	// Meta is the -f value (Name), the file extension (Ext) and what the
	// format is, for help (Help).
	registry.Meta
	// Graphviz is the Graphviz output Write needs ("svg", "json"), "" for
	// none: Graphviz then starts, and each distinct output counts as one
	// call towards the renders per worker process.
	Graphviz string
	// FromJourney says the format is made from the journey itself (Page.
	// Journey, Page.Stage), not from the laid-out grid: no layout is built
	// for it, and the grid's size limits do not apply.
	FromJourney bool
	// Work is the CPU time the format takes per box or arrow of a journey,
	// in milliseconds, measured (docs/rendering.md, "Bounds"); it keeps the
	// time of a run bounded (see checkCost).
	Work func(o *Options) float64
	// Check refuses a page before anything of its journey is written (size
	// limits); nil when any page will do.
	Check func(p *Page, o *Options) error
	// CheckAll refuses a journey's pages taken together (PNG: the pixels of
	// all pages); nil for none.
	CheckAll func(pages []*Page, o *Options) error
	// Write draws one page to w.
	Write func(p *Page, o *Options, w io.Writer) error
}

// Formats are the formats of `cxmap render`, in the order files are made:
// the only list of them.
var Formats = registry.New("-f",
	svgFormat,
	pngFormat,
	pdfFormat,
	dotFormat,
	mermaidFormat,
)

// rasterPNG and rasterPDF are Options.RasterPNG and RasterPDF, or
// pkg/render/raster's.
func (o *Options) rasterPNG(w io.Writer, gv []byte, scale float64) error {
	if o.RasterPNG != nil {
		return o.RasterPNG(w, gv, scale)
	}
	return raster.PNG(w, gv, scale)
}

func (o *Options) rasterPDF(w io.Writer, gv []byte) error {
	if o.RasterPDF != nil {
		return o.RasterPDF(w, gv)
	}
	return raster.PDF(w, gv)
}

var svgFormat = Format{
	Meta:     registry.Meta{Name: "svg", Ext: "svg", Help: "SVG, drawn by Graphviz; the full text of cut labels in tooltips"},
	Graphviz: "svg",
	Work:     perBox(0.8),
	Write: func(p *Page, _ *Options, w io.Writer) error {
		return draw.Render(p.DOT(), "svg", w)
	},
}

var pngFormat = Format{
	Meta:     registry.Meta{Name: "png", Ext: "png", Help: "PNG, --scale pixels per point"},
	Graphviz: "json",
	// Graphviz's json; the pixels are bounded by MaxPNGPixels.
	Work: perBox(1.5),
	Check: func(p *Page, o *Options) error {
		w, h := PictureSize(p.Grid)
		return raster.CheckPNG(w, h, o.Scale)
	},
	CheckAll: checkPixels,
	Write: func(p *Page, o *Options, w io.Writer) error {
		gv, err := p.GraphvizJSON()
		if err != nil {
			return err
		}
		return o.rasterPNG(w, gv, o.Scale)
	},
}

var pdfFormat = Format{
	Meta:     registry.Meta{Name: "pdf", Ext: "pdf", Help: "PDF, one page, vector"},
	Graphviz: "json",
	Work:     perBox(1.7),
	Check: func(p *Page, _ *Options) error {
		w, h := PictureSize(p.Grid)
		return raster.CheckPDF(w, h)
	},
	Write: func(p *Page, o *Options, w io.Writer) error {
		gv, err := p.GraphvizJSON()
		if err != nil {
			return err
		}
		return o.rasterPDF(w, gv)
	},
}

var dotFormat = Format{
	Meta: registry.Meta{Name: "dot", Ext: "dot", Help: "the Graphviz DOT source, every position pinned"},
	Work: perBox(0.1),
	Write: func(p *Page, _ *Options, w io.Writer) error {
		_, err := w.Write(p.DOT())
		return err
	},
}

// perBox is a Work that does not depend on the options.
func perBox(ms float64) func(*Options) float64 { return func(*Options) float64 { return ms } }

// graphvizJSON is Graphviz's json output for a DOT graph (the PNG and PDF
// input).
func graphvizJSON(dot []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := draw.Render(draw.ForJSON(dot), "json", &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
