package render

import (
	"fmt"

	"github.com/cxmap/cxmap/pkg/journey"
)

// MaxBoxes bounds the work of drawing one journey: its boxes (a column per
// step, a cell per evidence list, touchpoint and backstage entry) plus its
// flow arrows. Graphviz's time and memory grow faster than the picture
// (docs/rendering.md, "Bounds": 1,000 steps took 2 s and 225 MB for SVG
// alone), and a picture this large is no longer readable, so a journey over
// the bound is refused before any layout, with the numbers.
const MaxBoxes = 6000

// boxes counts a journey's boxes and flow arrows.
func boxes(j *journey.Journey) (steps, n int) {
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			steps++
			n += 1 + len(s.Touchpoints) + len(s.Backstage) + max(1, len(s.Next))
			if len(s.Evidence) > 0 {
				n++
			}
		}
	}
	return steps, n
}

// checkCost refuses a journey too large to draw in bounded time and memory.
// --split stage does not help (every page is drawn), so the advice is to
// split the file.
func checkCost(j *journey.Journey) error {
	steps, n := boxes(j)
	if n <= MaxBoxes {
		return nil
	}
	parts := (n + MaxBoxes - 1) / MaxBoxes
	return fmt.Errorf("too large to draw: %d steps make %d boxes and arrows, over the limit of %d per journey (a larger picture takes minutes to draw and cannot be read); split it into %d or more journey files, e.g. by stage",
		steps, n, MaxBoxes, parts)
}

// advice says what to do about a page too large for a format: split it by
// stage when that gives smaller pages, else a format or scale that fits.
func advice(p *Page, o *Options, format string) string {
	bySplit := o.Split == "" && len(p.Journey.Stages) > 1
	switch {
	case format == "png" && bySplit:
		return "use --split stage or a lower --scale"
	case format == "png":
		return "use a lower --scale, or -f svg (no size limit)"
	case bySplit:
		return "use --split stage, or -f svg or png"
	}
	return "use -f svg or png"
}
