package deck

import (
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// comparePictureSlides are the picture of the change from the baseline
// (pkg/diff's, docs/diff.md "The picture"), paged as the blueprint is: the
// future state's blueprint with the baseline's removed steps ghosted where
// they were, added steps outlined, old ratings beside the new, and under
// each page the legend naming the marks; none when nothing changed. first
// is the number of the first slide (the flow lists name slides by number).
func (br *builder) comparePictureSlides(base, j *journey.Journey, sz Size, first int) ([]Slide, error) {
	d := diff.Compare(base, j)
	if d.Empty() {
		return nil, nil // the table slide says nothing changed
	}
	pj, err := d.PictureJourney()
	if err != nil {
		return nil, err
	}
	// The slides name the comparison where the blueprint's name the
	// journey (pj is the picture's own copy).
	l := br.loc
	if l == nil {
		l, _ = locale.New("en")
	}
	pj.Title = l.T("What changed since {x}", diff.OldName(d, l))
	pages := Pages(pj, sz, false)
	slides, err := br.blueprintSlides(pj, sz, pages, first, func(g *layout.Grid) { d.Mark(g, br.loc, true) })
	if err != nil {
		return nil, err
	}
	for i := range slides {
		slides[i].Kind = "compare-blueprint"
	}
	return slides, nil
}
