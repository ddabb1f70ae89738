package render

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/textmetrics"
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
func (o *Options) rasterPNG(w io.Writer, p *Page, gv []byte, scale float64) error {
	if o.RasterPNG != nil {
		return o.RasterPNG(w, gv, scale)
	}
	b, err := rasterBrand(p.Grid)
	if err != nil {
		return err
	}
	return raster.PNGWith(w, gv, scale, b)
}

func (o *Options) rasterPDF(w io.Writer, p *Page, gv []byte) error {
	if o.RasterPDF != nil {
		return o.RasterPDF(w, gv)
	}
	b, err := rasterBrand(p.Grid)
	if err != nil {
		return err
	}
	return raster.PDFWith(w, gv, b)
}

func rasterBrand(g *layout.Grid) (*raster.Brand, error) {
	b := &g.Brand
	var rb raster.Brand
	if b.FontRegular != "" {
		tm, err := textmetrics.Load(b.FontRegular, b.FontBold)
		if err != nil {
			return nil, err
		}
		rb.Family, rb.Regular, rb.Bold = tm.Family, tm.Regular, tm.Bold
	}
	if b.Logo != "" && g.Logo.W > 0 {
		data, err := os.ReadFile(b.Logo)
		if err != nil {
			return nil, fmt.Errorf("theme logo: %w", err)
		}
		m := draw.PadPt + CornerPt/2 // the grid's origin in the picture
		rb.Logo, rb.LogoAt = data, [4]float64{g.Logo.X + m, g.Logo.Y + m, g.Logo.W, g.Logo.H}
	}
	if rb.Family == "" && rb.Logo == nil {
		return nil, nil
	}
	return &rb, nil
}

var svgFormat = Format{
	Meta:     registry.Meta{Name: "svg", Ext: "svg", Help: "SVG, drawn by Graphviz; the full text of cut labels in tooltips"},
	Graphviz: "svg",
	Work:     perBox(0.8),
	Write: func(p *Page, o *Options, w io.Writer) error {
		var b bytes.Buffer
		if err := o.graphviz(p.DOT(), "svg", &b); err != nil {
			return err
		}
		svg, err := draw.BrandSVG(b.Bytes(), p.Grid)
		if err != nil {
			return err
		}
		_, err = w.Write(svg)
		return err
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
		gv, err := p.GraphvizJSON(o)
		if err != nil {
			return err
		}
		return o.rasterPNG(w, p, gv, o.Scale)
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
		gv, err := p.GraphvizJSON(o)
		if err != nil {
			return err
		}
		return o.rasterPDF(w, p, gv)
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
func (o *Options) graphvizJSON(dot []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := o.graphviz(draw.ForJSON(dot), "json", &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// graphviz draws dot with Graphviz, its start warning (a cache that could
// not be used) on Options.Stderr.
func (o *Options) graphviz(dot []byte, format string, w io.Writer) error {
	return draw.RenderWarn(dot, format, w, func(msg string) { fmt.Fprintf(o.Stderr, "cxmap: warning: %s\n", msg) })
}
