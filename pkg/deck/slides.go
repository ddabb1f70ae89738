package deck

import (
	"fmt"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/gaps"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// titleSlide names the journey, client, state, date, owner and persona.
// (Several personas, when the format has them, go where the one is.)
func titleSlide(j *journey.Journey, sz Size, date time.Time) Slide {
	s := Slide{Kind: "title", Title: j.Title}
	w := sz.W - 2*Margin
	s.Shapes = append(s.Shapes, Shape{Kind: ShapeText, Rect: Rect{0, 0, sz.W, 24}, Fill: bandFill})
	t := text(Margin, 220, w, j.Title, 72, true, bandFill, 3)
	s.Shapes = append(s.Shapes, t)
	y := t.Y + t.H + 24
	var meta []string
	if j.Client != "" {
		meta = append(meta, j.Client)
	}
	meta = append(meta, stateName(j)+" state")
	if d := j.Updated; !d.IsZero() {
		meta = append(meta, "Updated "+d.Format("2 January 2006"))
	} else if !date.IsZero() {
		meta = append(meta, date.Format("2 January 2006"))
	}
	if j.Owner != "" {
		meta = append(meta, "Owner: "+j.Owner)
	}
	m := text(Margin, y, w, strings.Join(meta, "  ·  "), 32, false, ink, 2)
	s.Shapes = append(s.Shapes, m)
	y += m.H + 48
	for _, p := range personas(j) {
		line := "Persona: " + p.Name
		if p.Goal != "" {
			line += " — " + p.Goal
		}
		pt := text(Margin, y, w, line, 28, false, ink, 2)
		s.Shapes = append(s.Shapes, pt)
		y += pt.H + 8
		if len(p.Expectations) > 0 {
			et := text(Margin, y, w, "Expects: "+strings.Join(p.Expectations, "; "), 24, false, muted, 2)
			s.Shapes = append(s.Shapes, et)
			y += et.H + 16
		}
	}
	if j.Description != "" {
		dt := text(Margin, y+16, w, j.Description, 24, false, muted, 4)
		s.Shapes = append(s.Shapes, dt)
	}
	sum := gaps.BuildJourney(j, gaps.Options{}).Summary
	s.Shapes = append(s.Shapes, footer(sz, gaps.SummaryText(sum)))
	return s
}

// personas are the journey's personas: the one persona of format 1 (the
// list of the model issue drops in here).
func personas(j *journey.Journey) []journey.Persona {
	if j.Persona == nil || j.Persona.Name == "" {
		return nil
	}
	return []journey.Persona{*j.Persona}
}

// Overview geometry: one cell per step, rows of cells under stage bands.
const (
	ovCellMin    = 150.0
	ovCellNarrow = 128.0
	ovCellMax    = 300.0
	ovGap        = 10.0
	ovBandH      = 30.0
	ovCellH      = 118.0
	ovRowGap     = 14.0
	ovTextPx     = 17.0
)

// overviewSlides show every step in rows of cells: rating colour and word,
// critical marked, the action in three lines at most, stage bands above.
func overviewSlides(j *journey.Journey, sz Size) []Slide {
	steps := j.Steps()
	w := sz.W - 2*Margin
	rowH := ovBandH + 4 + ovCellH + ovRowGap
	perSlide := max(1, int((sz.H-ContentY-BottomGap)/rowH))
	// As many columns as cells of ovCellMin fit; narrower cells (down to
	// ovCellNarrow) when that keeps the journey on one slide.
	cols := max(1, int((w+ovGap)/(ovCellMin+ovGap)))
	for c := cols + 1; (len(steps)+cols-1)/cols > perSlide && (w-float64(c-1)*ovGap)/float64(c) >= ovCellNarrow; c++ {
		cols = c
	}
	// Rows of even length: 12 steps in 11 columns become two rows of 6.
	if n := len(steps); n > 0 {
		rowsNeeded := (n + cols - 1) / cols
		cols = (n + rowsNeeded - 1) / rowsNeeded
	}
	cw := min((w-float64(cols-1)*ovGap)/float64(cols), ovCellMax)
	var rows [][]journey.StepRef
	for i := 0; i < len(steps); i += cols {
		rows = append(rows, steps[i:min(i+cols, len(steps))])
	}
	n := (len(rows) + perSlide - 1) / perSlide
	var out []Slide
	for p := 0; p < n; p++ {
		s := Slide{Kind: "overview", Title: numbered("Overview: "+j.Title, p, n)}
		s.Shapes = append(s.Shapes, heading(sz, s.Title))
		y := ContentY
		for _, row := range rows[p*perSlide : min((p+1)*perSlide, len(rows))] {
			// Stage bands over the cells of each stage in this row.
			for a := 0; a < len(row); {
				b := a
				for b < len(row) && row[b].Stage.ID == row[a].Stage.ID {
					b++
				}
				x := Margin + float64(a)*(cw+ovGap)
				bw := float64(b-a)*(cw+ovGap) - ovGap
				band := text(x+8, y, bw-16, row[a].Stage.Name, SmallPx+1, true, white, 1)
				band.Rect = Rect{x, y, bw, ovBandH}
				band.Fill, band.Centre = bandFill, true
				s.Shapes = append(s.Shapes, band)
				a = b
			}
			for i, st := range row {
				x := Margin + float64(i)*(cw+ovGap)
				cy := y + ovBandH + 4
				sty := style(st.Rating)
				word := layout.RatingWord(st.Rating)
				if st.Critical {
					word += "  ! Critical"
				}
				badge := Shape{Kind: ShapeText, Rect: Rect{x, cy, cw, 28}, Lines: []string{word}, Size: SmallPx, Bold: true, Color: sty[1], Fill: sty[0], Centre: true}
				if st.Critical {
					badge.Line = critFill
				}
				lines := 4
				if st.Emotion != nil {
					lines = 3
				}
				body := text(x+8, cy+34, cw-16, fmt.Sprintf("%d. %s", st.Index+1, st.Action), ovTextPx, false, ink, lines)
				frame := Shape{Kind: ShapeText, Rect: Rect{x, cy, cw, ovCellH}, Fill: sty[2], Line: sty[0]}
				if st.Critical {
					frame.Line = critFill
				}
				s.Shapes = append(s.Shapes, frame, badge, body)
				if st.Emotion != nil {
					s.Shapes = append(s.Shapes, text(x+8, cy+ovCellH-lineH(SmallPx)-4, cw-16, "Emotion "+signed(*st.Emotion), SmallPx, false, muted, 1))
				}
			}
			y += rowH
		}
		s.Shapes = append(s.Shapes, footer(sz, "Colour and word: the customer's rating of each step (Good, Fair, Poor, Not rated); emotion from −2 (low) to +2 (high). Numbers are step numbers on the blueprint pages."))
		s.Notes = overviewNotes(j)
		out = append(out, s)
	}
	return out
}

func overviewNotes(j *journey.Journey) string {
	var b strings.Builder
	for _, st := range j.Stages {
		fmt.Fprintf(&b, "%s: %d steps\n", st.Name, len(st.Steps))
	}
	return b.String()
}

// stepNotes are the details of a step, for speaker notes.
func stepNotes(j *journey.Journey, s journey.StepRef) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d. %s (%s) — %s", s.Index+1, s.Action, s.Stage.Name, layout.RatingWord(s.Rating))
	if s.Critical {
		b.WriteString(", critical")
	}
	b.WriteString("\n")
	lane := func(id string) string {
		if l, ok := j.Lane(id); ok {
			return l.Name
		}
		return id
	}
	for _, c := range s.Touchpoints {
		fmt.Fprintf(&b, "  Touchpoint %s: %s\n", lane(c.Lane.Value), c.Does)
	}
	for _, c := range s.Backstage {
		fmt.Fprintf(&b, "  Backstage %s: %s\n", lane(c.Lane.Value), c.Does)
	}
	for _, p := range s.Pains {
		fmt.Fprintf(&b, "  Pain: %s\n", p)
	}
	for _, o := range s.Opportunities {
		fmt.Fprintf(&b, "  Opportunity: %s\n", gaps.OpportunityText(gaps.Opportunity{Idea: o.Idea, Owner: o.Owner}))
	}
	for _, m := range s.Metrics {
		fmt.Fprintf(&b, "  Metric: %s\n", gaps.MetricText(metricGap(m)))
	}
	if len(s.Evidence) > 0 {
		fmt.Fprintf(&b, "  Evidence: %s\n", strings.Join(s.Evidence, "; "))
	}
	var src []string
	for _, t := range s.Sources {
		src = append(src, t.Value)
	}
	if len(src) > 0 {
		fmt.Fprintf(&b, "  Sources: %s\n", strings.Join(src, ", "))
	}
	return b.String()
}

func metricGap(m journey.Metric) gaps.MetricGap {
	g := gaps.MetricGap{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}
	if v, ok := m.Gap(); ok {
		g.Gap = &v
	}
	if v, ok := m.Met(); ok {
		g.Met = &v
	}
	return g
}

func signed(v int) string {
	switch {
	case v > 0:
		return fmt.Sprintf("+%d", v)
	case v < 0:
		return fmt.Sprintf("−%d", -v)
	}
	return "0"
}
