package deck

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/render/textmetrics"
)

// firstBlueprintSlide is the 1-based slide number of the first blueprint
// page: after the title and the overview slides.
func firstBlueprintSlide(j *journey.Journey, sz Size) int {
	return 2 + len(overviewSlides(j, sz))
}

// blueprintSlides draw each page of Pages as a picture, with the flows that
// leave the page named under it by the target step's action and slide.
func blueprintSlides(j *journey.Journey, sz Size, pages []Page) ([]Slide, error) {
	first := firstBlueprintSlide(j, sz)
	slideOf := map[string]int{}
	for i, p := range pages {
		for _, id := range p.Steps {
			slideOf[id] = first + i
		}
	}
	area := PictureArea(sz)
	var out []Slide
	for i, p := range pages {
		title := fmt.Sprintf("Blueprint %d of %d", i+1, len(pages))
		g := pageGrid(j, p.Steps, title, stageNames(j, p.Steps), p.NoEmotion)
		var from, to []string
		stubSlide := map[int]int{}
		for k := range g.Edges {
			e := &g.Edges[k]
			if e.Kind != layout.EdgeExit && e.Kind != layout.EdgeEntry {
				continue
			}
			other, _ := j.Step(e.Other)
			n := slideOf[e.Other]
			stubSlide[k] = n
			if e.Kind == layout.EdgeExit {
				to = append(to, fmt.Sprintf("→ slide %d: %d. %s", n, other.Index+1, other.Action))
			} else {
				from = append(from, fmt.Sprintf("← slide %d: %d. %s", n, other.Index+1, other.Action))
			}
		}
		labelStubs(g, stubSlide)
		gv, err := drawGrid(g)
		if err != nil {
			return nil, err
		}
		sc, err := raster.Parse(gv)
		if err != nil {
			return nil, err
		}
		pw, ph := sc.Width(), sc.Height()
		k, side := placement(area, pw, ph)
		rect := Rect{area.X, area.Y, pw * k, ph * k}
		if !side {
			rect.X = area.X + (area.W-rect.W)/2
		}
		s := Slide{Kind: "blueprint", Title: j.Title + " — " + title}
		s.Shapes = append(s.Shapes, Shape{Kind: ShapePicture, Rect: rect, Picture: &Picture{GV: gv, W: pw, H: ph, Scale: k}})
		if side {
			x := rect.X + rect.W + 24
			head := text(x, area.Y+24, area.X+area.W-x, j.Title, 30, true, bandFill, 2)
			sub := text(x, head.Y+head.H+6, head.W, title+" · "+stageNames(j, p.Steps), 22, false, muted, 2)
			s.Shapes = append(s.Shapes, head, sub)
		}
		s.Shapes = append(s.Shapes, continuations(area, rect, side, dedupe(from), dedupe(to))...)
		var notes strings.Builder
		for _, id := range p.Steps {
			st, _ := j.Step(id)
			notes.WriteString(stepNotes(j, st))
		}
		s.Notes = notes.String()
		out = append(out, s)
	}
	return out, nil
}

// relabel puts a short, uncut label on a stub and keeps it on its side.
func relabel(e *layout.Edge, label string) {
	w := math.Round((textmetrics.Width(label, layout.StubSize, false)+2)*100) / 100
	if e.LabelBox.X > layout.Margin+10 { // right-aligned at the page's right edge
		e.LabelBox.X = math.Round((e.LabelBox.X+e.LabelBox.W-w)*100) / 100
	}
	e.LabelBox.W = w
	e.Label = label
}

// labelStubs labels the flows leaving or entering the page with the slide
// of the step at their other end. Stubs that leave one edge together run on
// tracks a few points apart, too close for a label each: the outermost
// carries one label for all ("→ slides 7, 8"), the others none.
func labelStubs(g *layout.Grid, slide map[int]int) {
	type key struct {
		kind  layout.EdgeKind
		right bool
	}
	groups := map[key][]int{}
	var order []key
	for k := range g.Edges {
		e := &g.Edges[k]
		if e.Kind != layout.EdgeExit && e.Kind != layout.EdgeEntry {
			continue
		}
		kk := key{e.Kind, e.LabelBox.X > layout.Margin+10}
		if groups[kk] == nil {
			order = append(order, kk)
		}
		groups[kk] = append(groups[kk], k)
	}
	for _, kk := range order {
		idx := groups[kk]
		above := (kk.kind == layout.EdgeExit) == kk.right
		outer := idx[0]
		seen := map[int]bool{}
		var nums []int
		for _, k := range idx {
			y, oy := g.Edges[k].LabelBox.Y, g.Edges[outer].LabelBox.Y
			if above && y < oy || !above && y > oy {
				outer = k
			}
			if n := slide[k]; !seen[n] {
				seen[n] = true
				nums = append(nums, n)
			}
		}
		sort.Ints(nums)
		words := make([]string, len(nums))
		for i, n := range nums {
			words[i] = strconv.Itoa(n)
		}
		label := "slide " + words[0]
		if len(words) > 1 {
			label = "slides " + strings.Join(words, ", ")
		}
		if kk.kind == layout.EdgeExit {
			label = "→ " + label
		} else {
			label = "from " + label
		}
		for _, k := range idx {
			if k == outer {
				relabel(&g.Edges[k], label)
			} else {
				g.Edges[k].Label, g.Edges[k].LabelBox = "", layout.Rect{}
			}
		}
	}
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// stageNames names the stages of a page's steps.
func stageNames(j *journey.Journey, ids []string) string {
	var names []string
	for _, id := range ids {
		st, _ := j.Step(id)
		if len(names) == 0 || names[len(names)-1] != st.Stage.Name {
			names = append(names, st.Stage.Name)
		}
	}
	return strings.Join(names, ", ")
}

// Continuation lists are this size, in logical px.
const contPx = 18.0

// continuations name the steps on other slides that flow comes from and
// goes to, wrapped at word boundaries: beside the picture (side) or in two
// columns under it.
func continuations(area, pic Rect, side bool, from, to []string) []Shape {
	var out []Shape
	list := func(r Rect, head string, items []string) float64 {
		if len(items) == 0 {
			return 0
		}
		maxLines := int(r.H/lineH(contPx)) - 1
		lines := []string{}
		for i, it := range items {
			ls := wrap(it, r.W, contPx, false, 0)
			if len(lines)+len(ls) > maxLines-1 && i < len(items)-1 || len(lines)+len(ls) > maxLines {
				lines = append(lines, fmt.Sprintf("… and %d more (see the notes)", len(items)-i))
				break
			}
			lines = append(lines, ls...)
		}
		h := text(r.X, r.Y, r.W, head, contPx, true, bandFill, 1)
		body := Shape{Kind: ShapeText, Rect: Rect{r.X, r.Y + h.H + 4, r.W, float64(len(lines)) * lineH(contPx)}, Lines: lines, Size: contPx, Color: ink}
		out = append(out, h, body)
		return h.H + 4 + body.H
	}
	if side {
		x := pic.X + pic.W + 24
		r := Rect{x, area.Y + 170, area.X + area.W - x, area.H/2 - 170}
		used := list(r, "Flow from other slides", from)
		if used > 0 {
			used += 24
		}
		r.Y += used
		r.H = area.Y + area.H - 40 - r.Y
		list(r, "Flow continues on", to)
		return out
	}
	y := pic.Y + pic.H + 8
	w := (area.W - 40) / 2
	h := area.Y + area.H - y
	list(Rect{area.X, y, w, h}, "Flow from other slides", from)
	list(Rect{area.X + w + 40, y, w, h}, "Flow continues on", to)
	return out
}
