package deck

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/report"
)

// The slides a board expects (issue 20): an executive summary, the
// personas, the emotion curve, impact against effort and KPI bars. They are
// drawn from text boxes, lines and ellipses only, so the PDF is vector and
// the PPTX holds native, editable shapes.

// section is a bold heading and its lines in a column, from y; it returns
// the shapes and the y under them.
func (br *builder) section(x, y, w float64, head string, lines []string, size float64) ([]Shape, float64) {
	var out []Shape
	h := br.text(x, y, w, head, size+4, true, br.bandFill, 1)
	out = append(out, h)
	y += h.H + 6
	for _, l := range lines {
		t := br.text(x, y, w, l, size, false, br.ink, 3)
		out = append(out, t)
		y += t.H + 6
	}
	return out, y + 18
}

// worstPains are the pains of the worst steps, critical red first: "pain
// (step)".
func (br *builder) worstPains(jr report.JourneyReport, n int) []string {
	var out []string
	for _, g := range jr.Steps {
		if g.Rating != journey.Red && g.Rating != journey.Yellow {
			continue
		}
		for _, p := range g.Pains {
			if len(out) == n {
				return out
			}
			crit := ""
			if g.Critical {
				crit = br.T(", ") + br.T("critical")
			}
			out = append(out, fmt.Sprintf("“%s” (%s: %s%s)", p, br.rw(g.Rating), g.Action, crit))
		}
	}
	return out
}

// topOpportunities are the n opportunities a board should fund first: by
// priority, then impact over effort (report.Backlog's order across owners).
func topOpportunities(j *journey.Journey, n int) []report.BacklogRow {
	jr := report.BuildJourney(j, report.Options{By: report.ByOwner})
	var rows []report.BacklogRow
	for _, g := range report.Backlog([]report.JourneyReport{jr}) {
		rows = append(rows, g.Rows...)
	}
	value := func(r report.BacklogRow) float64 {
		imp, eff := max(r.Impact, 0), max(r.Effort, 0)
		if imp == 0 {
			imp = 3
		}
		if eff == 0 {
			eff = 3
		}
		return float64(imp) / float64(eff)
	}
	slices.SortStableFunc(rows, func(a, b report.BacklogRow) int {
		return cmp.Or(cmp.Compare(journey.PriorityRank(a.Priority), journey.PriorityRank(b.Priority)), cmp.Compare(value(b), value(a)))
	})
	var out []report.BacklogRow
	for _, r := range rows {
		if r.Status == "done" || r.Status == "dropped" {
			continue
		}
		out = append(out, r)
		if len(out) == n {
			break
		}
	}
	return out
}

// summaryPx is the text size of the executive summary: larger than body
// text, it is the slide read from the back of the room.
const summaryPx = 27.0

// summarySlide is the executive summary: KPIs now against target, critical
// steps at risk, total time, the three worst pains and the three top
// opportunities; for a future state, the headline comparison.
func (br *builder) summarySlide(j, base *journey.Journey, sz Size) Slide {
	s := Slide{Kind: "summary", Title: br.T("Executive summary")}
	s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
	jr := report.BuildJourney(j, report.Options{})
	colW := (sz.W - 2*Margin - 60) / 2
	left, right := Margin, Margin+colW+60
	y := ContentY
	if base != nil {
		d := diff.Compare(base, j)
		t := br.text(Margin, y, sz.W-2*Margin, br.compareIntro(d), summaryPx, true, br.ink, 3)
		s.Shapes = append(s.Shapes, t)
		y += t.H + 24
	}
	sum := jr.Summary
	var facts []string
	facts = append(facts, br.N("{n} steps", sum.Steps)+": "+br.loc.List(br.loc.RatingCounts(sum.Red, sum.Yellow, sum.Green, sum.Unrated)))
	if sum.Critical > 0 {
		facts = append(facts, br.T("{x} of {y} critical steps at risk", br.num(sum.CriticalAtRisk), br.num(sum.Critical)))
	}
	if d, ok := j.Duration(); ok {
		t := br.T("Total time {x}", br.Duration(d))
		if sum.Timed < sum.Steps {
			t += " (" + br.T("{x} of {y} steps timed", br.num(sum.Timed), br.num(sum.Steps)) + ")"
		}
		facts = append(facts, t)
	}
	var kpis []string
	for _, k := range j.KPIs {
		kpis = append(kpis, k.Name+": "+br.progress(k))
	}
	ly, ry := y, y
	var sh []Shape
	sh, ly = br.section(left, ly, colW, br.T("The journey"), facts, summaryPx)
	s.Shapes = append(s.Shapes, sh...)
	if len(kpis) > 0 {
		sh, ly = br.section(left, ly, colW, br.T("KPIs"), kpis, summaryPx)
		s.Shapes = append(s.Shapes, sh...)
	}
	if pains := br.worstPains(jr, 3); len(pains) > 0 {
		sh, ry = br.section(right, ry, colW, br.T("Where it hurts most"), pains, summaryPx)
		s.Shapes = append(s.Shapes, sh...)
	}
	var ops []string
	for _, o := range topOpportunities(j, 3) {
		terms := br.opportunityTerms(o.Priority, o.Impact, o.Effort, o.Status)
		line := o.Idea
		if terms != "" {
			line += " (" + terms + ")"
		}
		ops = append(ops, line)
	}
	if len(ops) > 0 {
		sh, ry = br.section(right, ry, colW, br.T("Top opportunities"), ops, summaryPx)
		s.Shapes = append(s.Shapes, sh...)
	}
	if bottom := max(ly, ry); bottom > sz.H-BottomGap {
		s.Notes = br.T("The summary runs long: see the slides that follow.")
	}
	return s
}

// personaSlides show every persona: name, goal, expectations and the steps
// only they take (which the P1, P2 tags on the blueprint mark).
func (br *builder) personaSlides(j *journey.Journey, sz Size) []Slide {
	cast := personas(j)
	if len(cast) == 0 {
		return nil
	}
	s := Slide{Kind: "personas", Title: br.T("Who this journey is for")}
	if len(cast) == 1 {
		s.Title = br.T("Who this journey is for: {x}", cast[0].Name)
	}
	s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
	n := min(len(cast), 3)
	gap := 40.0
	w := (sz.W - 2*Margin - gap*float64(n-1)) / float64(n)
	var notes strings.Builder
	var cards []int // the cards' shape indexes: one height for all
	for i, p := range cast {
		if i == n {
			var rest []string
			for _, q := range cast[n:] {
				rest = append(rest, q.Name)
			}
			s.Shapes = append(s.Shapes, br.text(Margin, sz.H-BottomGap-40, sz.W-2*Margin, br.T("Also: {x}", strings.Join(rest, "; ")), BodyPx, false, br.muted, 1))
			break
		}
		x := Margin + float64(i)*(w+gap)
		y := ContentY
		// The card is as tall as what it holds (drawn first, sized last).
		box := Shape{Kind: ShapeText, Rect: Rect{x, y, w, sz.H - BottomGap - y - 50}, Fill: br.headFill, Geom: GeomRound}
		boxAt := len(s.Shapes)
		s.Shapes = append(s.Shapes, box)
		body := BodyPx
		if len(cast) <= 2 {
			body = summaryPx // two cards have room for the larger type
		}
		tag := ""
		if len(cast) > 1 {
			tag = layout.PersonaTag(i) + "  "
		}
		t := br.text(x+24, y+24, w-48, tag+p.Name, 28, true, br.bandFill, 3)
		s.Shapes = append(s.Shapes, t)
		y = t.Y + t.H + 16
		if p.Goal != "" {
			g := br.text(x+24, y, w-48, br.T("Goal: {x}", p.Goal), body, false, br.ink, 4)
			s.Shapes = append(s.Shapes, g)
			y += g.H + 16
		}
		if len(p.Expectations) > 0 {
			h := br.text(x+24, y, w-48, br.T("Expects"), body, true, br.ink, 1)
			s.Shapes = append(s.Shapes, h)
			y += h.H + 4
			for _, e := range p.Expectations {
				e := br.text(x+24, y, w-48, "• "+e, body, false, br.ink, 2)
				s.Shapes = append(s.Shapes, e)
				y += e.H + 4
			}
			y += 12
		}
		var only []string
		for _, st := range j.Steps() {
			if len(st.Personas) == 0 {
				continue
			}
			who := j.StepPersonas(st.Step)
			if len(who) == 1 && who[0].ID == p.ID {
				only = append(only, br.num(st.Index+1)+". "+st.Action)
			}
		}
		if len(only) > 0 && len(cast) > 1 {
			h := br.text(x+24, y, w-48, br.T("Steps only they take"), body, true, br.ink, 1)
			s.Shapes = append(s.Shapes, h)
			y += h.H + 4
			room := int((box.Y + box.H - y - 16) / (lineH(body) + 4))
			for k, o := range only {
				if k == room-1 && len(only) > room {
					s.Shapes = append(s.Shapes, br.text(x+24, y, w-48, br.N("and {n} more (in the notes)", len(only)-k), body, false, br.muted, 1))
					break
				}
				t := br.text(x+24, y, w-48, o, body, false, br.ink, 1)
				s.Shapes = append(s.Shapes, t)
				y += t.H + 4
			}
		}
		s.Shapes[boxAt].H = min(s.Shapes[boxAt].H, y-box.Y+24)
		cards = append(cards, boxAt)
		fmt.Fprintf(&notes, "%s: %s\n", p.Name, strings.Join(only, "; "))
	}
	tallest := 0.0
	for _, c := range cards {
		tallest = max(tallest, s.Shapes[c].H)
	}
	for _, c := range cards {
		s.Shapes[c].H = tallest
	}
	s.Notes = notes.String()
	return []Slide{s}
}

// br.curves are the colours of the persona curves after the first.

// emotionSlide draws the journey's emotion curve: every step along the
// width, -2 to +2 up the height, stage bands above, a dot per step in its
// rating's colour (critical steps ringed), and, when personas take
// different steps, one curve per persona.
func (br *builder) emotionSlide(j *journey.Journey, sz Size) []Slide {
	steps := j.Steps()
	any := false
	for _, st := range steps {
		any = any || st.Emotion != nil
	}
	if !any || len(steps) < 2 {
		return nil
	}
	s := Slide{Kind: "emotion", Title: br.T("How it feels, step by step")}
	s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
	plot := Rect{Margin + 150, ContentY + 50, sz.W - 2*Margin - 150, sz.H - BottomGap - ContentY - 50 - 150}
	p := emotionPlot{plot, plot.W / float64(len(steps))}
	curves := br.personaCurves(j, steps)
	s.Shapes = append(s.Shapes, br.stageBands(j, steps, p)...)
	s.Shapes = append(s.Shapes, br.emotionScale(p)...)
	s.Shapes = append(s.Shapes, curveLines(steps, curves, p)...)
	s.Shapes = append(s.Shapes, br.emotionDots(steps, p)...)
	s.Shapes = append(s.Shapes, br.emotionKey(p, curves)...)
	var notes strings.Builder
	for i, st := range steps {
		e := br.T("no emotion")
		if st.Emotion != nil {
			e = signed(*st.Emotion)
		}
		fmt.Fprintf(&notes, "%d. %s: %s, %s\n", i+1, st.Action, e, br.rw(st.Rating))
	}
	s.Notes = notes.String()
	return []Slide{s}
}

// emotionPlot is where the emotion curve is drawn: the plot's rectangle
// and the width given to each step (dx).
type emotionPlot struct {
	Rect
	dx float64
}

// x is the middle of step i's column.
func (p emotionPlot) x(i int) float64 { return p.X + p.dx*(float64(i)+0.5) }

// y is the height of emotion e, +2 at the top, -2 at the bottom.
func (p emotionPlot) y(e int) float64 { return p.Y + p.H*float64(2-e)/4 }

// stageBands name each stage above the columns of its steps.
func (br *builder) stageBands(j *journey.Journey, steps []journey.StepRef, p emotionPlot) []Shape {
	var out []Shape
	for si := range j.Stages {
		var first, last = -1, -1
		for i, st := range steps {
			if st.StageIndex == si {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		b := br.text(p.X+p.dx*float64(first)+2, ContentY, p.dx*float64(last-first+1)-4, j.Stages[si].Name, SmallPx, true, br.onBand, 1)
		b.Fill, b.Centre, b.H, b.LTR = br.bandFill, true, 34, true
		out = append(out, b)
	}
	return out
}

// emotionScale is the grid of the plot, a line per emotion from -2 to +2,
// labelled at the left.
func (br *builder) emotionScale(p emotionPlot) []Shape {
	var out []Shape
	for e := -2; e <= 2; e++ {
		col := br.ruleLine
		if e == 0 {
			col = br.muted
		}
		out = append(out, Shape{Kind: ShapeLine, Rect: Rect{p.X, p.y(e), p.W, 0}, Line: col, LineW: 1.5, LTR: true})
		label := map[int]string{2: "+2 " + br.T("delighted"), 1: "+1", 0: "0 " + br.T("neutral"), -1: "−1", -2: "−2 " + br.T("upset")}[e]
		t := br.text(Margin, p.y(e)-lineH(SmallPx)/2, 145, label, SmallPx, false, br.muted, 1)
		t.LTR = true
		out = append(out, t)
	}
	return out
}

// personaCurve is one curve of the emotion slide: its name in the key, its
// colour, and the steps it goes through.
type personaCurve struct {
	name  string
	color string
	on    func(journey.StepRef) bool
}

// personaCurves are one curve for everybody, or one per persona when they
// take different steps.
func (br *builder) personaCurves(j *journey.Journey, steps []journey.StepRef) []personaCurve {
	cast := personas(j)
	curves := []personaCurve{{"", br.bandFill, func(journey.StepRef) bool { return true }}}
	differ := false
	for _, st := range steps {
		differ = differ || len(st.Personas) > 0
	}
	if differ && len(cast) > 1 {
		curves = nil
		for i, p := range cast {
			id := p.ID
			curves = append(curves, personaCurve{layout.PersonaTag(i) + " " + p.Name, br.curves[i%len(br.curves)], func(st journey.StepRef) bool {
				if len(st.Personas) == 0 {
					return true
				}
				for _, q := range j.StepPersonas(st.Step) {
					if q.ID == id {
						return true
					}
				}
				return false
			}})
		}
	}
	return curves
}

// curveLines join the rated steps of each curve, several curves a little
// apart so that where they overlap each stays visible.
func curveLines(steps []journey.StepRef, curves []personaCurve, p emotionPlot) []Shape {
	var out []Shape
	for ci, c := range curves {
		off := 0.0
		if len(curves) > 1 {
			off = (float64(ci) - float64(len(curves)-1)/2) * 5 // overlapping curves stay apart
		}
		prev := -1
		for i, st := range steps {
			if st.Emotion == nil || !c.on(st) {
				continue
			}
			if prev >= 0 {
				x0, y0 := p.x(prev), p.y(*steps[prev].Emotion)+off
				out = append(out, Shape{Kind: ShapeLine, Rect: Rect{x0, y0, p.x(i) - x0, p.y(*st.Emotion) + off - y0}, Line: c.color, LineW: 4, LTR: true})
			}
			prev = i
		}
	}
	return out
}

// emotionDots number every step under the plot and put a dot on each
// rated step in its rating's colour, critical steps ringed.
func (br *builder) emotionDots(steps []journey.StepRef, p emotionPlot) []Shape {
	var out []Shape
	for i, st := range steps {
		n := br.text(p.x(i)-p.dx/2, p.Y+p.H+12, p.dx, br.num(i+1), SmallPx, false, br.muted, 1)
		n.Centre, n.LTR = true, true
		out = append(out, n)
		if st.Emotion == nil {
			continue
		}
		r := 11.0
		dot := Shape{Kind: ShapeText, Rect: Rect{p.x(i) - r, p.y(*st.Emotion) - r, 2 * r, 2 * r}, Fill: br.style(st.Rating)[0], Geom: GeomEllipse, Line: br.bg, LineW: 2, LTR: true}
		if st.Critical {
			dot.Line, dot.LineW = br.critFill, 4
		}
		out = append(out, dot)
	}
	return out
}

// emotionKey explains, in a row under the step numbers, the ratings'
// colours, the critical ring and, several curves, each curve's persona.
func (br *builder) emotionKey(p emotionPlot, curves []personaCurve) []Shape {
	var out []Shape
	y := p.Y + p.H + 12 + lineH(SmallPx) + 24
	x := Margin
	key := func(sh Shape, label string) {
		sh.X, sh.Y = x, y
		out = append(out, sh)
		t := br.text(x+sh.W+10, y+sh.H/2-lineH(SmallPx)/2, br.width(label, SmallPx, false)+4, label, SmallPx, false, br.ink, 1)
		out = append(out, t)
		x += sh.W + 10 + t.W + 36
	}
	for _, r := range []string{journey.Green, journey.Yellow, journey.Red} {
		key(Shape{Kind: ShapeText, Rect: Rect{W: 22, H: 22}, Fill: br.style(r)[0], Geom: GeomEllipse}, br.rw(r))
	}
	key(Shape{Kind: ShapeText, Rect: Rect{W: 22, H: 22}, Fill: br.bg, Line: br.critFill, LineW: 4, Geom: GeomEllipse}, br.T("Critical step"))
	if len(curves) > 1 {
		for _, c := range curves {
			key(Shape{Kind: ShapeText, Rect: Rect{W: 40, H: 6}, Fill: c.color}, c.name)
		}
	}
	return out
}

// br.status colour opportunities by status.

// scaleAt places a 1..5 value along an axis of the 2×2 (0 low, 1 high): the
// middle value 3 sits on the favourable side of neither half's edge but
// inside the lower half for effort and the upper half for impact, so no
// dot straddles the quadrant lines (a 3/3 idea is a quick-win candidate).
var scaleAt = map[int]float64{1: 0.1, 2: 0.27, 3: 0.42, 4: 0.68, 5: 0.88}

// impactSlide places the opportunities on a 2×2: impact up, effort
// across, coloured by status and labelled by id; the quick wins (high
// impact, low effort) top left.
func (br *builder) impactSlide(j *journey.Journey, sz Size) []Slide {
	ops := impactOps(j)
	if len(ops) == 0 {
		return nil
	}
	s := Slide{Kind: "impact", Title: br.T("Impact against effort")}
	s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
	side := sz.H - BottomGap - ContentY - 60
	plot := Rect{Margin + 60, ContentY, side, side}
	s.Shapes = append(s.Shapes, br.impactGrid(plot)...)
	s.Shapes = append(s.Shapes, br.impactPoints(ops, plot)...)
	s.Shapes = append(s.Shapes, br.impactKey(ops, sz, plot)...)
	var notes strings.Builder
	for i, o := range ops {
		fmt.Fprintf(&notes, "%d. %s (%s): %s, %s\n", i+1, o.idea, o.id, br.T("impact {x}, effort {y}", o.impact, o.effort), br.T(cmp.Or(o.status, "no status")))
	}
	s.Notes = notes.String()
	return []Slide{s}
}

// impactOp is an opportunity rated for impact and effort.
type impactOp struct {
	id, idea, status string
	impact, effort   int
}

// impactOps are the opportunities of the journey's steps that are rated
// for both impact and effort, in step order; one without an id is named by
// its place (#1).
func impactOps(j *journey.Journey) []impactOp {
	var ops []impactOp
	for _, st := range j.Steps() {
		for _, o := range st.Opportunities {
			if o.Impact > 0 && o.Effort > 0 {
				id := o.ID
				if id == "" {
					id = fmt.Sprintf("#%d", len(ops)+1)
				}
				ops = append(ops, impactOp{id, o.Idea, o.Status, o.Impact, o.Effort})
			}
		}
	}
	return ops
}

// impactGrid is the 2×2 in the square plot: the four named quadrants and
// the axes' labels.
func (br *builder) impactGrid(plot Rect) []Shape {
	side := plot.W
	half := side / 2
	quads := []struct {
		x, y  float64
		name  string
		fill  string
		color string
	}{
		{0, 0, br.T("Quick wins"), br.quads[0][0], br.quads[0][1]}, {half, 0, br.T("Big bets"), br.quads[1][0], br.quads[1][1]},
		{0, half, br.T("Fill-ins"), br.quads[2][0], br.quads[2][1]}, {half, half, br.T("Money pits"), br.quads[3][0], br.quads[3][1]},
	}
	var out []Shape
	for _, q := range quads {
		b := Shape{Kind: ShapeText, Rect: Rect{plot.X + q.x, plot.Y + q.y, half, half}, Fill: q.fill, Line: br.ruleLine}
		out = append(out, b)
		out = append(out, br.text(plot.X+q.x+14, plot.Y+q.y+10, half-28, q.name, BodyPx, true, q.color, 1))
	}
	out = append(out, br.text(Margin-10, plot.Y+half-lineH(SmallPx), 60, br.T("Impact"), SmallPx, true, br.muted, 1))
	out = append(out, br.text(Margin, plot.Y, 50, br.T("high"), SmallPx, false, br.muted, 1))
	out = append(out, br.text(Margin, plot.Y+side-lineH(SmallPx), 50, br.T("low"), SmallPx, false, br.muted, 1))
	out = append(out, br.text(plot.X, plot.Y+side+8, 200, br.T("low effort"), SmallPx, false, br.muted, 1))
	ef := br.text(plot.X+side-200, plot.Y+side+8, 200, br.T("high effort"), SmallPx, false, br.muted, 1)
	out = append(out, ef)
	out = append(out, br.text(plot.X+half-40, plot.Y+side+8, 80, br.T("Effort"), SmallPx, true, br.muted, 1))
	// The grid is a chart, its effort axis left to right in every
	// language: in a right-to-left deck it moves to the right, as a
	// block, and the key to the left (mirror.go).
	for i := range out {
		out[i].LTR = true
	}
	return out
}

// impactPoints put each opportunity on the 5×5 scale of the square plot as
// a dot in its status's colour, numbered; several in one place stand side
// by side.
func (br *builder) impactPoints(ops []impactOp, plot Rect) []Shape {
	side := plot.W
	cell := side / 5
	at := map[[2]int][]int{}
	for i, o := range ops {
		k := [2]int{o.impact, o.effort}
		at[k] = append(at[k], i)
	}
	var out []Shape
	for i, o := range ops {
		k := [2]int{o.impact, o.effort}
		pos := slices.Index(at[k], i)
		n := len(at[k])
		cols := int(math.Ceil(math.Sqrt(float64(n))))
		r := math.Min(16, cell/float64(cols)/2-6)
		cx := plot.X + scaleAt[o.effort]*side + (float64(pos%cols)-float64(cols-1)/2)*(2*r+6)
		cy := plot.Y + scaleAt[6-o.impact]*side + (float64(pos/cols)-float64((n-1)/cols)/2)*(2*r+6+lineH(SmallPx))
		dot := Shape{Kind: ShapeText, Rect: Rect{cx - r, cy - r, 2 * r, 2 * r}, Fill: br.status[o.status], Line: br.bg, LineW: 2, Geom: GeomEllipse, LTR: true}
		out = append(out, dot)
		lab := br.text(cx-cell/2, cy+r+1, cell, br.num(i+1), SmallPx, true, br.ink, 1)
		lab.Centre, lab.LTR = true, true
		out = append(out, lab)
	}
	return out
}

// impactKey, right of the plot, gives the statuses' colours in a row and
// then each number's idea, at the largest size at which they fit, the rest
// left to the notes.
func (br *builder) impactKey(ops []impactOp, sz Size, plot Rect) []Shape {
	side := plot.W
	kx := plot.X + side + 50
	kw := sz.W - Margin - kx
	y := plot.Y
	x := kx
	var out []Shape
	for _, st := range []string{"idea", "planned", "in-progress", "done", "dropped"} {
		out = append(out, Shape{Kind: ShapeText, Rect: Rect{x, y + 3, 18, 18}, Fill: br.status[st], Geom: GeomEllipse})
		word := br.T(st)
		t := br.text(x+24, y, br.width(word, SmallPx, false)+4, word, SmallPx, false, br.ink, 1)
		out = append(out, t)
		x += 24 + t.W + 22
	}
	y += lineH(SmallPx) + 18
	room := plot.Y + side - y
	per := room / float64(len(ops))
	size := BodyPx
	for _, try := range []float64{BodyPx, SmallPx, 14} {
		size = try
		if per >= 2*lineH(try)+2 || (try == 14) {
			break
		}
	}
	for i, o := range ops {
		t := br.text(kx, y, kw, br.num(i+1)+"  "+o.idea+" ("+o.id+")", size, false, br.ink, 2)
		if y+t.H > plot.Y+side+40 {
			out = append(out, br.text(kx, y, kw, br.N("and {n} more: see the notes", len(ops)-i), size, false, br.muted, 1))
			break
		}
		out = append(out, t)
		y += t.H + 2
	}
	return out
}

// kpiSlide draws each KPI as bars: current against target, on one scale per
// KPI, with met or not met in words and colour.
func (br *builder) kpiSlide(j *journey.Journey, sz Size) []Slide {
	var ks []journey.Metric
	for _, k := range j.KPIs {
		if k.Current != nil && k.Target != nil {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return nil
	}
	s := Slide{Kind: "kpis", Title: br.T("KPIs against target")}
	s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
	y := ContentY
	labelW := 520.0
	barX := Margin + labelW + 20
	barW := sz.W - Margin - barX - 300
	rowH := math.Min(230, (sz.H-BottomGap-ContentY)/float64(len(ks)))
	for _, k := range ks {
		lo := math.Min(0, math.Min(*k.Current, *k.Target))
		hi := math.Max(*k.Current, *k.Target)
		if hi == lo {
			hi = lo + 1
		}
		scale := barW / (hi - lo) / 1.1
		xOf := func(v float64) float64 { return barX + (v-lo)*scale }
		met, _ := k.Met()
		word, col := br.T("Not met"), br.rating["red"]
		if met {
			word, col = br.T("Met"), br.rating["green"]
		}
		name := br.text(Margin, y+6, labelW, k.Name, 26, true, br.ink, 2)
		s.Shapes = append(s.Shapes, name)
		s.Shapes = append(s.Shapes, br.text(Margin, y+6+name.H+4, labelW, br.progress(k), BodyPx, false, br.muted, 2))
		bh := math.Min(56, rowH/3)
		zero := xOf(math.Max(lo, 0))
		cur := Shape{Kind: ShapeText, Rect: Rect{math.Min(zero, xOf(*k.Current)), y + 8, math.Abs(xOf(*k.Current) - zero), bh}, Fill: col[0]}
		s.Shapes = append(s.Shapes, cur)
		s.Shapes = append(s.Shapes, br.text(cur.X+cur.W+10, y+8+bh/2-lineH(BodyPx)/2, 260, br.T("now {x}", br.value(k.Current, k.Unit)), BodyPx, true, br.ink, 1))
		tgt := Shape{Kind: ShapeText, Rect: Rect{math.Min(zero, xOf(*k.Target)), y + 14 + bh, math.Abs(xOf(*k.Target) - zero), bh * 0.6}, Fill: br.headFill, Line: br.ruleLine, LineW: 1}
		s.Shapes = append(s.Shapes, tgt)
		s.Shapes = append(s.Shapes, br.text(tgt.X+tgt.W+10, tgt.Y+tgt.H/2-lineH(BodyPx)/2, 260, br.T("target {x}", br.value(k.Target, k.Unit)), BodyPx, false, br.muted, 1))
		badge := br.text(sz.W-Margin-170, y+8, 170, word, 26, true, col[1], 1)
		badge.Fill, badge.Centre, badge.H = col[0], true, bh+8
		s.Shapes = append(s.Shapes, badge)
		y += rowH
	}
	return []Slide{s}
}
