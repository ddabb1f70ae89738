package cli

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
)

// page is one picture to draw: a journey, or one stage of it.
type page struct {
	j     *journey.Journey
	stage string
	name  string // file name without extension
}

// pagesOf lists the pictures of one journey: itself, or one per stage.
// Stages with no steps get no page (there is nothing to show); skipped
// names them.
func pagesOf(j *journey.Journey, split string) (pages []page, skipped []string) {
	if split != "stage" {
		return []page{{j: j, name: j.ID}}, nil
	}
	for _, st := range j.Stages {
		if len(st.Steps) == 0 {
			skipped = append(skipped, st.ID)
			continue
		}
		pages = append(pages, page{j: j, stage: st.ID, name: j.ID + "-" + st.ID})
	}
	return pages, skipped
}

// source names where a page comes from, for messages.
func (p page) source() string {
	if p.stage == "" {
		return fmt.Sprintf("journey %q (%s)", p.j.ID, p.j.Path)
	}
	return fmt.Sprintf("journey %q stage %q (%s)", p.j.ID, p.stage, p.j.Path)
}

// collisions finds pages whose files would land on the same path (say
// journey "a" stage "b-c" and journey "a-b" stage "c", both a-b-c.svg), case
// folded for case-insensitive file systems. Each message names both
// sources. Nothing may be written when there is one: the second file would
// silently replace the first.
func collisions(pages []page, out string) []string {
	seen := map[string]page{}
	var msgs []string
	for _, p := range pages {
		key := strings.ToLower(p.name)
		if q, ok := seen[key]; ok {
			msgs = append(msgs, fmt.Sprintf("%s and %s would both be written to %s.*; rename a journey or stage id",
				q.source(), p.source(), filepath.Join(out, p.name)))
			continue
		}
		seen[key] = p
	}
	sort.Strings(msgs)
	return msgs
}

// pngPad is the pad DOT gives the picture on each side (pad="0.1" inch),
// which the PNG includes; cornerSize is how far the corner point pinning
// the far corner reaches past it (measured: the json bb is 0.72 pt larger
// than the grid both ways).
const (
	pngPad     = 7.2
	cornerSize = 0.72
)

// pictureSize is the size in points of the picture Graphviz draws for a
// page: the grid plus the pad and the far corner point.
func pictureSize(g *layout.Grid) (w, h float64) {
	return g.Width + cornerSize + 2*pngPad, g.Height + cornerSize + 2*pngPad
}

// rasterFits checks a page against pkg/render/raster's PNG and PDF limits from the
// grid alone, so an oversized picture is refused before anything is drawn
// or written.
func rasterFits(g *layout.Grid, formats []string, scale float64) error {
	w, h := pictureSize(g)
	if contains(formats, "png") {
		if err := raster.CheckPNG(w, h, scale); err != nil {
			return err
		}
	}
	if contains(formats, "pdf") {
		return raster.CheckPDF(w, h)
	}
	return nil
}

// pngSize is the PNG canvas size of a page, as raster.PixelSize computes it
// (kept for the test that holds the two computations together).
func pngSize(g *layout.Grid, scale float64) (w, h int) {
	pw, ph := pictureSize(g)
	return int(math.Ceil(pw*scale - 1e-6)), int(math.Ceil(ph*scale - 1e-6))
}
