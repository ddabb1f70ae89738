package deck

import (
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"math"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// BodyPt is the size of body text in the blueprint (a lane cell's words);
// SmallestPt the smallest text it draws (badges, lane sub-labels, tags,
// stubs), which must stay MinTextPx tall on a slide.
const (
	BodyPt     = layout.LaneSize
	SmallestPt = layout.BadgeSize
)

// MinTextPx is the smallest any text may be on a 1080-pixel-tall slide.
const MinTextPx = 12.0

// Room a blueprint picture gets on a slide, in logical px: a margin all
// round, and beside it (SideW) or under it (FootH) the list of steps on
// other slides that flow leaves to or comes from. Pages are mostly taller
// than wide, so the list usually goes beside.
const (
	PicMargin = 12.0
	SideW     = 400.0
	FootH     = 84.0
)

// gvPad is the margin Graphviz adds round a picture, in points on each
// side (pkg/render/draw sets pad="0.1", in inches); the picture drawn on a
// slide includes it. TestSlidesReadable fails if it changes.
const gvPad = 7.2

// PictureArea is where a blueprint picture and its list go on a slide.
func PictureArea(sz Size) Rect {
	return Rect{X: PicMargin, Y: PicMargin, W: sz.W - 2*PicMargin, H: sz.H - 2*PicMargin}
}

// placement fits a picture of w×h points into area with room for the list
// beside it or under it, whichever lets it be larger: the scale in px per
// point and whether the list goes beside.
func placement(area Rect, w, h float64) (scale float64, side bool) {
	k1 := math.Min((area.W-SideW)/w, area.H/h)
	k2 := math.Min(area.W/w, (area.H-FootH)/h)
	if k1 >= k2 {
		return k1, true
	}
	return k2, false
}

// Page is one blueprint page: a run of consecutive steps and the lanes
// they use, with the size of its picture and the scale it is shown at.
type Page struct {
	Steps []string `json:"steps"`
	// Lanes are the lanes with a row on the page, top to bottom.
	Lanes []string `json:"lanes"`
	// W and H are the picture's size in points; Scale is logical px per
	// point when fitted to the picture area; BodyPx is body text's height.
	W      float64 `json:"w"`
	H      float64 `json:"h"`
	Scale  float64 `json:"scale"`
	BodyPx float64 `json:"body_px"`
	// NoEmotion says the page leaves out the emotion row (see Pages).
	NoEmotion bool `json:"no_emotion,omitempty"`
}

// Pages breaks a journey into blueprint pages for slides of size sz: each
// page takes as many consecutive steps as fit with body text at least
// MinBodyPx tall (BodyPt × scale, the scale fitting the picture into
// PictureArea), ends at a stage boundary when one lies in the second half
// of what fits, and otherwise splits a long stage into near-equal pages. A
// single step that does not fit on its own gets a page anyway (BodyPx then
// says how small it is). When a step does not fit alone with the emotion
// row, every page of the journey leaves it out (the overview slide shows
// each step's emotion instead), as with noEmotion. Pure: the same journey gives the same pages.
func Pages(j *journey.Journey, sz Size, noEmotion bool) []Page {
	return pagesIn(j, sz, noEmotion, look{})
}

// look is the theme and locale blueprint pages are laid out in (zero:
// the default look, English).
type look struct {
	th  *theme.Theme
	loc *locale.Locale
}

// pagesIn is Pages in a theme and locale (the theme's font measures the
// text, so pages break where its widths say).
func pagesIn(j *journey.Journey, sz Size, noEmotion bool, lk look) []Page {
	ps := pages(j, sz, noEmotion, lk)
	for _, p := range ps {
		if !readable(p) {
			return pages(j, sz, true, lk)
		}
	}
	return ps
}

func pages(j *journey.Journey, sz Size, noEmotion bool, lk look) []Page {
	steps := j.Steps()
	area := PictureArea(sz)
	fit := func(a, b int) (Page, *layout.Grid) {
		ids := make([]string, 0, b-a)
		for _, s := range steps[a:b] {
			ids = append(ids, s.ID)
		}
		g := render.LayOutPage(j, lk.page(ids, noEmotion))
		k, _ := placement(area, g.Width+2*gvPad, g.Height+2*gvPad)
		p := Page{Steps: ids, W: g.Width, H: g.Height, Scale: round3(k), BodyPx: round3(BodyPt * k), NoEmotion: noEmotion}
		for _, r := range g.Rows {
			if r.Lane != "" {
				p.Lanes = append(p.Lanes, r.Lane)
			}
		}
		return p, g
	}
	ok := readable
	boundary := func(i int) bool { return i == len(steps) || steps[i].Stage.ID != steps[i-1].Stage.ID }
	var pages []Page
	for i := 0; i < len(steps); {
		best := i + 1
		for e := i + 2; e <= len(steps); e++ {
			p, _ := fit(i, e)
			if !ok(p) {
				break
			}
			best = e
		}
		end := best
		if !boundary(best) {
			// End at a stage boundary in the last third of what fits, so
			// the picture still uses most of the slide's width.
			n := best - i
			for b := best - 1; b > i && b-i >= (2*n+2)/3; b-- {
				if boundary(b) {
					end = b
					break
				}
			}
			if end == best {
				// The stage goes on past what fits: share it out evenly.
				se := best
				for !boundary(se) {
					se++
				}
				stageStart := i
				for stageStart > 0 && !boundary(stageStart) {
					stageStart--
				}
				if stageStart == i {
					l := se - i
					k := (l + n - 1) / n
					end = i + (l+k-1)/k
				}
			}
		}
		p, _ := fit(i, end)
		pages = append(pages, p)
		i = end
	}
	return pages
}

// readable reports whether a page's body text is at least MinBodyPx and
// its smallest text at least MinTextPx tall.
func readable(p Page) bool {
	return p.BodyPx >= MinBodyPx && SmallestPt*p.Scale >= MinTextPx-0.001
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// page is the render stage's options for the page of steps ids in this
// look: compact (no title block; the slide names the page beside or above
// the picture), only the rows they use, no legend (render.PageOptions).
func (lk look) page(ids []string, noEmotion bool) render.PageOptions {
	return render.PageOptions{Steps: ids, NoEmotion: noEmotion, Theme: lk.th, Locale: lk.loc}
}
