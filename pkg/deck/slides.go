package deck

import (
	"fmt"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/report"
)

// titleSlide names the journey, client, state, date, owner and persona.
// (Several personas, when the format has them, go where the one is.)
func (br *builder) titleSlide(j *journey.Journey, sz Size, date time.Time) Slide {
	s := Slide{Kind: "title", Title: j.Title}
	var notes strings.Builder
	w := sz.W - 2*Margin
	s.Shapes = append(s.Shapes, Shape{Kind: ShapeText, Rect: Rect{0, 0, sz.W, 24}, Fill: br.bandFill})
	if br.logo != nil {
		// The client's logo above the title, at most 100 px tall and a
		// third of the slide wide.
		lh := 100.0
		lw := lh * float64(br.logo.W) / float64(br.logo.H)
		if lw > sz.W/3 {
			lw, lh = sz.W/3, sz.W/3*float64(br.logo.H)/float64(br.logo.W)
		}
		s.Shapes = append(s.Shapes, Shape{Kind: ShapeImage, Rect: Rect{Margin, 64, lw, lh}, Image: br.logo})
	}
	t := br.text(Margin, 220, w, j.Title, 72, true, br.bandFill, 3)
	s.Shapes = append(s.Shapes, t)
	y := t.Y + t.H + 24
	var meta []string
	if j.Client != "" {
		meta = append(meta, j.Client)
	}
	meta = append(meta, br.T(stateName(j)+" state"))
	if d := j.Updated; !d.IsZero() {
		meta = append(meta, br.T("Updated {x}", br.date(d)))
	} else if !date.IsZero() {
		meta = append(meta, br.date(date))
	}
	if j.Owner != "" {
		meta = append(meta, br.T("Owner: {x}", j.Owner))
	}
	if d, ok := j.Duration(); ok {
		meta = append(meta, br.T("Total time {x}", br.Duration(d)))
	}
	m := br.text(Margin, y, w, strings.Join(meta, "  ·  "), 32, false, br.ink, 2)
	s.Shapes = append(s.Shapes, m)
	y += m.H + 48
	ps := personas(j)
	// Every persona is named; with more than two, their goals take one
	// line each and expectations stay in the notes.
	size, lines := 28.0, 2
	if len(ps) > 2 {
		size, lines = 24, 1
	}
	bottom := sz.H - 60 // above the footer
	for i, p := range ps {
		lh := lineH(size) + 8
		rem := float64(len(ps) - i)
		if y+rem*lh > bottom && y+lh+3*lineH(size) > bottom {
			// The rest do not fit a line each, and after this one there
			// would be no room for three lines: name the rest together
			// (all are in the notes).
			var rest []string
			for _, q := range ps[i:] {
				rest = append(rest, q.Name)
			}
			fmt.Fprintf(&notes, "%s\n", br.T("Personas: {x}", strings.Join(rest, "; ")))
			more := br.text(Margin, y, w, br.N("and {n} more personas: {x}", len(rest), br.loc.List(rest)), size, false, br.ink, max(1, int((bottom-y)/lineH(size))))
			s.Shapes = append(s.Shapes, more)
			y += more.H + 8
			for _, q := range ps[i:] {
				if len(q.Expectations) > 0 {
					fmt.Fprintf(&notes, "%s\n", br.T("{x} expects: {y}", q.Name, strings.Join(q.Expectations, "; ")))
				}
			}
			break
		}
		line := br.T("Persona: {x}", p.Name)
		if p.Goal != "" {
			line += " — " + p.Goal
		}
		pt := br.text(Margin, y, w, line, size, false, br.ink, lines)
		s.Shapes = append(s.Shapes, pt)
		y += pt.H + 8
		if len(p.Expectations) > 0 {
			fmt.Fprintf(&notes, "%s\n", br.T("{x} expects: {y}", p.Name, strings.Join(p.Expectations, "; ")))
		}
		if len(p.Expectations) > 0 && len(ps) <= 2 {
			et := br.text(Margin, y, w, br.T("Expects: {x}", strings.Join(p.Expectations, "; ")), 24, false, br.muted, 2)
			s.Shapes = append(s.Shapes, et)
			y += et.H + 16
		}
	}
	if room := min(4, int((bottom-y-16)/lineH(24))); j.Description != "" && room > 0 {
		dt := br.text(Margin, y+16, w, j.Description, 24, false, br.muted, room)
		s.Shapes = append(s.Shapes, dt)
	}
	sum := report.BuildJourney(j, report.Options{}).Summary
	s.Shapes = append(s.Shapes, br.footer(sz, br.summaryText(sum)))
	s.Notes = notes.String()
	return s
}

// personas are the journey's personas with a name: the single `persona`,
// or its own `personas` and the catalog personas it cites (Cast).
func personas(j *journey.Journey) []journey.Persona {
	var out []journey.Persona
	for _, p := range j.Cast() {
		if p.Name != "" {
			out = append(out, p)
		}
	}
	return out
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
func (br *builder) overviewSlides(j *journey.Journey, sz Size) []Slide {
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
		s := Slide{Kind: "overview", Title: br.numbered(br.T("Overview: {x}", j.Title), p, n)}
		s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
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
				band := br.text(x+8, y, bw-16, row[a].Stage.Name, SmallPx+1, true, br.onBand, 1)
				band.Rect = Rect{x, y, bw, ovBandH}
				band.Fill, band.Centre = br.bandFill, true
				s.Shapes = append(s.Shapes, band)
				a = b
			}
			for i, st := range row {
				x := Margin + float64(i)*(cw+ovGap)
				cy := y + ovBandH + 4
				sty := br.style(st.Rating)
				word := br.rw(st.Rating)
				if st.Critical {
					word += "  ! " + br.T("Critical")
				}
				badge := Shape{Kind: ShapeText, Rect: Rect{x, cy, cw, 28}, Lines: []string{word}, Size: SmallPx, Bold: true, Color: sty[1], Fill: sty[0], Centre: true}
				if st.Critical {
					badge.Line = br.critFill
				}
				foot := br.cellFoot(st, cw-16)
				lines := 4
				if foot != "" {
					lines = 3
				}
				body := br.text(x+8, cy+34, cw-16, br.num(st.Index+1)+". "+st.Action, ovTextPx, false, br.ink, lines)
				frame := Shape{Kind: ShapeText, Rect: Rect{x, cy, cw, ovCellH}, Fill: sty[2], Line: sty[0]}
				if st.Critical {
					frame.Line = br.critFill
				}
				s.Shapes = append(s.Shapes, frame, badge, body)
				if foot != "" {
					s.Shapes = append(s.Shapes, br.text(x+8, cy+ovCellH-lineH(SmallPx)-4, cw-16, foot, SmallPx, false, br.muted, 1))
				}
			}
			y += rowH
		}
		words := br.loc.List([]string{br.rw(journey.Green), br.rw(journey.Yellow), br.rw(journey.Red), br.rw("")})
		foot := br.T("Colour and word: the customer's rating of each step ({x}); emotion from −2 (low) to +2 (high). Numbers are step numbers on the blueprint pages.", words)
		if d, ok := j.Duration(); ok {
			foot = br.T("Total time {x}. Colour and word: the rating of each step ({y}); at the bottom, emotion (−2 low to +2 high) · time the step takes, waiting included. Numbers are step numbers on the blueprint pages.", br.Duration(d), words)
		}
		s.Shapes = append(s.Shapes, br.footer(sz, foot))
		s.Notes = br.overviewNotes(j)
		out = append(out, s)
	}
	return out
}

// cellFoot is the last line of an overview cell: the step's emotion and
// time, "Emotion +1 · Time 3d", or as "+1 · 3d" when the cell is too
// narrow for the words (the slide's footer says what the numbers are).
func (br *builder) cellFoot(st journey.StepRef, w float64) string {
	var long, short []string
	if st.Emotion != nil {
		long = append(long, br.T("Emotion")+" "+signed(*st.Emotion))
		short = append(short, signed(*st.Emotion))
	}
	if !st.Duration.IsZero() {
		long = append(long, br.T("Time")+" "+st.Duration.Text)
		short = append(short, st.Duration.Text)
	}
	if s := strings.Join(long, " · "); br.width(s, SmallPx, false) <= w {
		return s
	}
	return strings.Join(short, " · ")
}

func (br *builder) overviewNotes(j *journey.Journey) string {
	var b strings.Builder
	for i := range j.Stages {
		st := &j.Stages[i]
		fmt.Fprintf(&b, "%s: %s", st.Name, br.N("{n} steps", len(st.Steps)))
		if d, ok := st.Duration(); ok {
			fmt.Fprintf(&b, ", %s", br.Duration(d))
		}
		b.WriteString("\n")
	}
	if d, ok := j.Duration(); ok {
		fmt.Fprintf(&b, "%s: %s\n", br.T("Total time"), br.Duration(d))
	}
	return b.String()
}

// stepNotes are the details of a step, for speaker notes.
func (br *builder) stepNotes(j *journey.Journey, s journey.StepRef) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d. %s (%s) — %s", s.Index+1, s.Action, s.Stage.Name, br.rw(s.Rating))
	if s.Critical {
		b.WriteString(", " + br.T("critical"))
	}
	b.WriteString("\n")
	if !s.Duration.IsZero() {
		fmt.Fprintf(&b, "  %s: %s", br.T("Time"), s.Duration.Text)
		if run := j.RunningDurations(); s.Index < len(run) {
			fmt.Fprintf(&b, " (%s)", br.T("{x} from the start", br.Duration(run[s.Index])))
		}
		b.WriteString("\n")
	}
	if names := stepPersonaNames(j, s.Step); names != "" {
		fmt.Fprintf(&b, "  %s\n", br.T("Personas: {x}", names))
	}
	lane := func(id string) string {
		if l, ok := j.Lane(id); ok {
			return l.Name
		}
		return id
	}
	for _, c := range s.Touchpoints {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Touchpoint {x}", lane(c.Lane.Value)), c.Does)
	}
	for _, c := range s.Backstage {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Backstage {x}", lane(c.Lane.Value)), c.Does)
	}
	for _, p := range s.Pains {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Pain"), p)
	}
	for _, o := range s.Opportunities {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Opportunity"), br.opportunityText(report.Opportunity{Idea: o.Idea, Owner: o.Owner}))
		if extra := br.opportunityTerms(o.Priority, o.Impact, o.Effort, o.Status); extra != "" {
			fmt.Fprintf(&b, "    (%s)\n", extra)
		}
	}
	for _, q := range s.Quotes {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Quote"), br.quoteText(j, q))
	}
	for _, m := range s.Metrics {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Metric"), br.metricText(br.metricGap(m)))
	}
	if len(s.Evidence) > 0 {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Evidence"), strings.Join(s.Evidence, "; "))
	}
	var src []string
	for _, t := range s.Sources {
		src = append(src, t.Value)
	}
	if len(src) > 0 {
		fmt.Fprintf(&b, "  %s: %s\n", br.T("Sources"), br.loc.List(src))
	}
	return b.String()
}

func (br *builder) metricGap(m journey.Metric) report.MetricGap {
	g := report.MetricGap{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}
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

// stepPersonaNames names the personas a step is limited to ("" when it is
// every persona's).
func stepPersonaNames(j *journey.Journey, s *journey.Step) string {
	if len(s.Personas) == 0 {
		return ""
	}
	var names []string
	for _, p := range j.StepPersonas(s) {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// quoteText is a quote in curly quotes credited with the persona's name
// and the source's title (journey.QuoteCredit).
func (br *builder) quoteText(j *journey.Journey, q journey.Quote) string {
	s := "“" + q.Text + "”"
	if who := j.QuoteCredit(q); who != "" {
		s += " — " + who
	}
	return s
}

// opportunityTerms are an opportunity's priority, impact, effort and status.
func (br *builder) opportunityTerms(priority string, impact, effort int, status string) string {
	var p []string
	if priority != "" {
		p = append(p, br.T("{x} priority", br.T(priority)))
	}
	if impact != 0 || effort != 0 {
		p = append(p, br.T("impact {x}, effort {y}", impact, effort))
	}
	if status != "" {
		p = append(p, br.T("status {x}", br.T(status)))
	}
	return strings.Join(p, " · ")
}
