package deck

import (
	"github.com/cxmap/cxmap/pkg/render"
	"math"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// flowRef is a flow between a step on a page and a step on another.
type flowRef struct {
	page  int // the other step's page, 0-based
	other journey.StepRef
	entry bool
}

// drawnPage is a blueprint page as the render stage drew it, and the flows
// that leave it.
type drawnPage struct {
	*render.DrawnPage
	flows []flowRef
}

// picGap is the room between two pictures on one slide, in logical px.
const picGap = 28.0

// blueprintSlides draw each page of Pages as a picture, a few consecutive
// pages side by side on a slide when they fit together with body text still
// at least MinBodyPx; flows that leave the slide are listed beside the
// pictures by the target step's number, action, page and slide.
// first is the 1-based number of the slide the first page goes on (the
// flow lists name slides by number). mark, when given, marks each page's
// grid before it is drawn (the comparison pictures, comparepics.go).
func (br *builder) blueprintSlides(j *journey.Journey, sz Size, pages []Page, first int, mark ...func(*layout.Grid)) ([]Slide, error) {
	area := PictureArea(sz)
	ds, err := br.drawPages(j, pages, mark)
	if err != nil {
		return nil, err
	}
	groups := groupPages(ds, area)
	if err := widenLonePages(ds, groups, area); err != nil {
		return nil, err
	}
	slideOfPage := make([]int, len(pages))
	for gi, grp := range groups {
		for _, pi := range grp {
			slideOfPage[pi] = first + gi
		}
	}
	var out []Slide
	for _, grp := range groups {
		s, err := br.blueprintSlide(j, area, pages, ds, grp, slideOfPage)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// drawPages draws each page of pages, after the marks, with the stubs of
// flows that leave the page labelled with the other step's page; each
// drawnPage keeps those flows.
func (br *builder) drawPages(j *journey.Journey, pages []Page, mark []func(*layout.Grid)) ([]drawnPage, error) {
	pageOf := map[string]int{}
	for i, p := range pages {
		for _, id := range p.Steps {
			pageOf[id] = i
		}
	}
	ds := make([]drawnPage, len(pages))
	for i, p := range pages {
		// The stubs of flows that leave the page are labelled with the
		// other step's page, after any marks.
		labels := func(g *layout.Grid) {
			stubPage := map[int]int{}
			for k := range g.Edges {
				e := &g.Edges[k]
				if e.Kind != layout.EdgeExit && e.Kind != layout.EdgeEntry {
					continue
				}
				other, _ := j.Step(e.Other)
				stubPage[k] = pageOf[e.Other] + 1
				ds[i].flows = append(ds[i].flows, flowRef{page: pageOf[e.Other], other: other, entry: e.Kind == layout.EdgeEntry})
			}
			br.labelStubs(g, stubPage)
		}
		o := br.look().page(p.Steps, p.NoEmotion)
		o.Mark, o.DrawGrid = append(mark[:len(mark):len(mark)], labels), br.drawGrid
		d, err := render.DrawPage(j, o)
		if err != nil {
			return nil, err
		}
		ds[i].DrawnPage = d
	}
	return ds, nil
}

// widenLonePages widens a page alone on its slide whose height sets its
// scale to fill the slide's width (beside the list of flows, or all of it).
func widenLonePages(ds []drawnPage, groups [][]int, area Rect) error {
	for _, grp := range groups {
		if len(grp) != 1 {
			continue
		}
		d := ds[grp[0]]
		k, side := placement(area, d.W, d.H)
		avail := area.W
		if side {
			avail -= SideW
		}
		if d.W*k < avail-16 {
			if err := d.Widen(avail / k); err != nil {
				return err
			}
		}
	}
	return nil
}

// blueprintSlide is the slide of the pages grp: their pictures, the
// journey's title and the pages named beside or under them, the flows to
// and from other slides, and the steps' notes.
func (br *builder) blueprintSlide(j *journey.Journey, area Rect, pages []Page, ds []drawnPage, grp, slideOfPage []int) (Slide, error) {
	var ids []string
	for _, pi := range grp {
		ids = append(ids, pages[pi].Steps...)
	}
	pagesText := br.T("Blueprint page {x} of {y}", br.num(grp[0]+1), br.num(len(pages)))
	if len(grp) > 1 {
		pagesText = br.T("Blueprint pages {x}–{y} of {z}", br.num(grp[0]+1), br.num(grp[len(grp)-1]+1), br.num(len(pages)))
	}
	s := Slide{Kind: "blueprint", Title: j.Title + " — " + pagesText}
	pics, union, k, side, err := placePictures(ds, grp, area)
	if err != nil {
		return Slide{}, err
	}
	s.Shapes = append(s.Shapes, pics...)
	legend := br.personaLegend(j, ids)
	listArea := area
	sub := pagesText + " · " + stageNames(j, ids)
	if side {
		var heads []Shape
		heads, listArea = br.sideHeads(j, area, union, sub, legend)
		s.Shapes = append(s.Shapes, heads...)
	} else {
		// Text lines up with the rows, inside the picture's margins.
		in := (layout.Margin + gvPad) * k
		union = Rect{union.X + in, union.Y, union.W - 2*in, union.H}
		s.Shapes = append(s.Shapes, br.footHeads(j, union, sub, legend)...)
	}
	from, to := br.flowLists(ds, grp, slideOfPage)
	s.Shapes = append(s.Shapes, br.continuations(listArea, union, side, dedupe(from), dedupe(to))...)
	var notes strings.Builder
	for _, id := range ids {
		st, _ := j.Step(id)
		notes.WriteString(br.stepNotes(j, st))
	}
	s.Notes = notes.String()
	return s, nil
}

// placePictures places the pictures of the pages grp side by side at one
// scale k, beside the list of flows (side) or, a page alone, centred above
// it; union is the rectangle they cover.
func placePictures(ds []drawnPage, grp []int, area Rect) (pics []Shape, union Rect, k float64, side bool, err error) {
	side = true
	if len(grp) == 1 {
		k, side = placement(area, ds[grp[0]].W, ds[grp[0]].H)
	} else {
		k = groupScale(ds, grp, area)
	}
	x := area.X
	for n, pi := range grp {
		d := ds[pi]
		r := Rect{x, area.Y, d.W * k, d.H * k}
		if !side {
			r.X = area.X + (area.W-r.W)/2
		}
		native, err := nativeShapes(d.SVG, r.X, r.Y, k)
		if err != nil {
			return nil, Rect{}, 0, false, err
		}
		pics = append(pics, Shape{Kind: ShapePicture, Rect: r, Picture: &Picture{GV: d.GV, W: d.W, H: d.H, Scale: k, Native: native, Brand: d.Brand}})
		if n == 0 {
			union = r
		}
		union.W = r.X + r.W - union.X
		union.H = max(union.H, r.H)
		x += r.W + picGap
	}
	return pics, union, k, side, nil
}

// sideHeads are the journey's title and sub (the pages and their stages)
// in the column right of the pictures (pic), and the persona legend at its
// foot; listArea is area less the legend's room, for the flow lists.
func (br *builder) sideHeads(j *journey.Journey, area, pic Rect, sub, legend string) (heads []Shape, listArea Rect) {
	listArea = area
	x := pic.X + pic.W + 24
	head := br.text(x, area.Y+24, area.X+area.W-x, j.Title, 30, true, br.bandFill, 2)
	subShape := br.text(x, head.Y+head.H+6, head.W, sub, 22, false, br.muted, 3)
	heads = append(heads, head, subShape)
	if legend != "" {
		// Every P-tag on the page is explained on the page, at the
		// foot of the side column (the flow lists stop above it).
		l := br.text(x, 0, head.W, legend, contPx, false, br.ink, 4)
		l.Y = area.Y + area.H - 40 - l.H
		heads = append(heads, l)
		listArea.H -= l.H + 16
	}
	return heads, listArea
}

// footHeads are the journey's title and sub (the pages, their stages and
// the persona legend) under the pictures (pic, inside their margins), left
// of the flow lists. The pictures have no title block
// (layout.Options.Compact): the page is named under them.
func (br *builder) footHeads(j *journey.Journey, pic Rect, sub, legend string) []Shape {
	w := footColumn(pic)
	// Three lines in all fit the room under the picture (FootH).
	head := br.text(pic.X, pic.Y+pic.H+8, w, j.Title, contPx, true, br.bandFill, 2)
	if legend != "" {
		sub += " · " + legend
	}
	subShape := br.text(pic.X, head.Y+head.H+2, w, sub, contPx, false, br.muted, 3-len(head.Lines))
	return []Shape{head, subShape}
}

// flowLists are the flows of the pages grp from (←) and to (→) pages on
// other slides, each naming the other step's page, slide, number and
// action.
func (br *builder) flowLists(ds []drawnPage, grp, slideOfPage []int) (from, to []string) {
	in := map[int]bool{}
	for _, pi := range grp {
		in[pi] = true
	}
	for _, pi := range grp {
		for _, f := range ds[pi].flows {
			if in[f.page] {
				continue
			}
			ref := br.T("page {x} (slide {y})", br.num(f.page+1), br.num(slideOfPage[f.page])) + ": " + br.num(f.other.Index+1) + ". " + f.other.Action
			if f.entry {
				from = append(from, "← "+ref)
			} else {
				to = append(to, "→ "+ref)
			}
		}
	}
	return from, to
}

// groupScale is the scale at which the pages of grp stand side by side,
// as tall as the slide allows, with the list of flows beside them.
func groupScale(ds []drawnPage, grp []int, area Rect) float64 {
	w, h := 0.0, 0.0
	for _, pi := range grp {
		w += ds[pi].W
		h = max(h, ds[pi].H)
	}
	room := area.W - SideW - picGap*float64(len(grp)-1)
	return math.Min(room/w, area.H/h)
}

// groupPages puts consecutive pages on one slide while, side by side at one
// scale, their body text stays at least MinBodyPx, their smallest text
// MinTextPx, and no page is shrunk
// below 70% of its scale alone.
func groupPages(ds []drawnPage, area Rect) [][]int {
	var out [][]int
	for i := 0; i < len(ds); {
		grp := []int{i}
		alone, _ := placement(area, ds[i].W, ds[i].H)
		for n := i + 1; n < len(ds); n++ {
			try := append(append([]int(nil), grp...), n)
			k := groupScale(ds, try, area)
			if BodyPt*k < MinBodyPx || SmallestPt*k < MinTextPx || k < 0.7*alone {
				break
			}
			grp = try
		}
		out = append(out, grp)
		i += len(grp)
	}
	return out
}

// labelStubs labels the flows leaving or entering the page with the page
// of the step at their other end (page: by edge index, 1-based). Stubs
// that leave one edge together carry one label, on the outermost ("→
// pages 7, 8"; layout.Grid.StubGroups).
func (br *builder) labelStubs(g *layout.Grid, page map[int]int) {
	for _, sg := range g.StubGroups() {
		seen := map[int]bool{}
		var nums []int
		for _, k := range sg.Edges {
			if n := page[k]; !seen[n] {
				seen[n] = true
				nums = append(nums, n)
			}
		}
		sort.Ints(nums)
		words := make([]string, len(nums))
		for i, n := range nums {
			words[i] = br.num(n)
		}
		label := br.T("page {x}", words[0])
		if len(words) > 1 {
			label = br.T("pages {x}", br.loc.List(words))
		}
		if sg.Kind == layout.EdgeExit {
			label = "→ " + label
		} else {
			label = br.T("from {x}", label)
		}
		g.LabelStubs(sg, label)
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

// personaLegend names the personas whose tags (P1, P2: layout.PersonaTag)
// the steps ids carry - those some but not all personas take - as
// "P1 Dana (café owner) · P2 Lena"; "" when no step is tagged.
func (br *builder) personaLegend(j *journey.Journey, ids []string) string {
	cast := j.Cast()
	if len(cast) < 2 {
		return ""
	}
	used := map[int]bool{}
	for _, id := range ids {
		st, ok := j.Step(id)
		if !ok || len(st.Personas) == 0 {
			continue
		}
		who := j.StepPersonas(st.Step)
		if len(who) == 0 || len(who) >= len(cast) {
			continue
		}
		for _, p := range who {
			for i, c := range cast {
				if c.ID == p.ID && c.Origin == p.Origin {
					used[i] = true
				}
			}
		}
	}
	var parts []string
	for i, c := range cast {
		if used[i] {
			parts = append(parts, layout.PersonaTag(i)+" "+c.Name)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return br.T("Persona tags: {x}", strings.Join(parts, " · "))
}

// Continuation lists are this size, in logical px.
const contPx = 18.0

// continuations name the steps on other slides that flow comes from and
// goes to, wrapped at word boundaries: beside the picture (side) or in two
// columns under it.
func (br *builder) continuations(area, pic Rect, side bool, from, to []string) []Shape {
	var out []Shape
	list := func(r Rect, head string, items []string) float64 {
		if len(items) == 0 {
			return 0
		}
		maxLines := int(r.H/lineH(contPx)) - 1
		lines := []string{}
		for i, it := range items {
			ls := br.wrap(it, r.W, contPx, false, 0)
			if len(lines)+len(ls) > maxLines-1 && i < len(items)-1 || len(lines)+len(ls) > maxLines {
				lines = append(lines, "… "+br.N("and {n} more (see the notes)", len(items)-i))
				break
			}
			lines = append(lines, ls...)
		}
		h := br.text(r.X, r.Y, r.W, head, contPx, true, br.bandFill, 1)
		body := Shape{Kind: ShapeText, Rect: Rect{r.X, r.Y + h.H + 4, r.W, float64(len(lines)) * lineH(contPx)}, Lines: lines, Size: contPx, Color: br.ink}
		out = append(out, h, body)
		return h.H + 4 + body.H
	}
	if side {
		x := pic.X + pic.W + 24
		r := Rect{x, area.Y + 170, area.X + area.W - x, area.H/2 - 170}
		used := list(r, br.T("Flow from other slides"), from)
		if used > 0 {
			used += 24
		}
		r.Y += used
		r.H = area.Y + area.H - 40 - r.Y
		list(r, br.T("Flow continues on"), to)
		return out
	}
	// Under the pictures, in the two columns right of the page's name.
	y := pic.Y + pic.H + 8
	w := footColumn(pic)
	h := area.Y + area.H - y
	x := pic.X + w + 40
	if list(Rect{x, y, w, h}, br.T("Flow from other slides"), from) > 0 {
		x += w + 40
	}
	list(Rect{x, y, w, h}, br.T("Flow continues on"), to)
	return out
}

// footColumn is the width of each of the three columns under pictures
// (the page's name, flow from, flow to).
func footColumn(pic Rect) float64 { return (pic.W - 80) / 3 }
