package render

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// Page is one picture to draw: a journey, or one stage of it.
type Page struct {
	Journey *journey.Journey
	Stage   string // "" for the whole journey
	Name    string // file name without extension
	// Grid is the laid-out page; nil when only FromJourney formats are
	// asked for.
	Grid *layout.Grid

	dot    []byte
	gvJSON []byte
}

// DOT is the page's DOT graph, made once.
func (p *Page) DOT() []byte {
	if p.dot == nil {
		p.dot = draw.DOT(p.Grid)
	}
	return p.dot
}

// GraphvizJSON is Graphviz's json output for the page, made once (PNG and
// PDF both draw it).
func (p *Page) GraphvizJSON(o *Options) ([]byte, error) {
	if p.gvJSON == nil {
		b, err := o.graphvizJSON(p.DOT())
		if err != nil {
			return nil, err
		}
		p.gvJSON = b
	}
	return p.gvJSON, nil
}

// release drops what was drawn, once the page is written.
func (p *Page) release() { p.Grid, p.dot, p.gvJSON = nil, nil, nil }

// PagesOf lists the pictures of one journey: itself, or one per stage with
// split "stage". Stages with no steps get no page (there is nothing to
// show); skipped names them.
func PagesOf(j *journey.Journey, split string) (pages []*Page, skipped []string) {
	if split != "stage" {
		return []*Page{{Journey: j, Name: j.ID}}, nil
	}
	for _, st := range j.Stages {
		if len(st.Steps) == 0 {
			skipped = append(skipped, st.ID)
			continue
		}
		pages = append(pages, &Page{Journey: j, Stage: st.ID, Name: j.ID + "-" + st.ID})
	}
	return pages, skipped
}

// source names where a page comes from, for messages.
func (p *Page) source() string {
	if p.Stage == "" {
		return fmt.Sprintf("journey %q (%s)", p.Journey.ID, p.Journey.Path)
	}
	return fmt.Sprintf("journey %q stage %q (%s)", p.Journey.ID, p.Stage, p.Journey.Path)
}

// Collisions finds pages whose files would land on the same path (say
// journey "a" stage "b-c" and journey "a-b" stage "c", both a-b-c.svg), case
// folded for case-insensitive file systems. Each message names both
// sources. Nothing may be written when there is one: the second file would
// silently replace the first.
func Collisions(pages []*Page, out string) []string {
	seen := map[string]*Page{}
	var msgs []string
	for _, p := range pages {
		key := strings.ToLower(p.Name)
		if q, ok := seen[key]; ok {
			msgs = append(msgs, fmt.Sprintf("%s and %s would both be written to %s.*; rename a journey or stage id",
				q.source(), p.source(), filepath.Join(out, p.Name)))
			continue
		}
		seen[key] = p
	}
	sort.Strings(msgs)
	return msgs
}

// CornerPt is how far the corner point pinning the far corner reaches past
// the grid (measured: the json bb is 0.72 pt larger than the grid both
// ways). Held with draw.PadPt by TestPNGSizeMatchesRaster.
const CornerPt = 0.72

// PictureSize is the size in points of the picture Graphviz draws for a
// grid: the grid plus the pad and the far corner point.
func PictureSize(g *layout.Grid) (w, h float64) {
	return g.Width + CornerPt + 2*draw.PadPt, g.Height + CornerPt + 2*draw.PadPt
}

// PNGSize is the PNG canvas size of a grid, as raster.PixelSize computes it
// (kept for the test that holds the two computations together).
func PNGSize(g *layout.Grid, scale float64) (w, h int) {
	pw, ph := PictureSize(g)
	return int(math.Ceil(pw*scale - 1e-6)), int(math.Ceil(ph*scale - 1e-6))
}
