package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/internal/textsafe"
)

var ansiRating = map[string]string{"red": textsafe.ANSIRed, "yellow": textsafe.ANSIYellow, "green": textsafe.ANSIGreen, Unrated: textsafe.ANSIDim}

// Table writes the report for a terminal: per journey a title line, its
// summary, the step table worst first and the stage table; with several
// journeys a portfolio table last (the last thing on screen is where to
// start). Columns are sized to fit o.Width, long text wraps inside its cell,
// and with o.Color the rating word is coloured (the word is always there).
func Table(w io.Writer, r *Report, o FormatOptions) error {
	width := o.Width
	if width <= 0 {
		width = DefaultWidth
	}
	bw := bufio.NewWriter(w)
	t := wordsOf(r)
	if f := t.filterText(r.Options); f != "" {
		fmt.Fprintf(bw, "%s\n\n", t.T("Showing {x}.", f))
	}
	parts, err := t.tableJourneys(r.Journeys, o.Color, width)
	if err != nil {
		return err
	}
	for i, part := range parts {
		if i > 0 {
			bw.WriteString("\n")
		}
		bw.Write(part)
	}
	if len(r.Journeys) > 1 {
		bw.WriteString("\n")
		// Journeys are grouped by client under a row naming it
		// (docs/report.md, "Portfolio").
		clients := hasClient(r.Portfolio)
		title := t.T("Portfolio (worst first)")
		if clients {
			title = t.T("Portfolio (by client, worst first)")
		}
		lead := []string{t.T("Journey"), t.T("State")}
		bw.WriteString(textsafe.Paint(o.Color, textsafe.ANSIBold, title) + "\n")
		rows := make([]countRow, 0, len(r.Portfolio)+2)
		sums := []Summary{r.Total, r.TotalFuture}
		for i, p := range r.Portfolio {
			if c := clientCell(r.Portfolio, i); clients && c != "" {
				if c == noClient {
					c = t.T(noClient)
				} else {
					c = t.T("Client: {x}", c)
				}
				rows = append(rows, countRow{lead: []string{c, ""}, group: true})
			}
			journeyCell := p.Title + "\n" + p.Path
			if p.Paired {
				journeyCell = "↳ " + p.Title + "\n" + p.Path
			}
			rows = append(rows, countRow{lead: []string{journeyCell, t.state(p.State)}, summary: p.Summary})
			sums = append(sums, p.Summary)
		}
		for _, tr := range t.totalRows(r) {
			rows = append(rows, countRow{lead: []string{tr.label, t.state(tr.state)}, summary: tr.summary})
		}
		t.renderCounts(bw, lead, rows, width, extrasOf(sums...))
	}
	return bw.Flush()
}

// tableJourneys draws each journey's section on all cores (drawing tables
// costs more than anything else in the report) and returns them in order.
func (t words) tableJourneys(js []JourneyReport, color bool, width int) ([][]byte, error) {
	parts := make([][]byte, len(js))
	errs := make([]error, len(js))
	par.For(len(js), 0, func(i int) {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		errs[i] = t.tableJourney(bw, &js[i], color, width)
		bw.Flush()
		parts[i] = buf.Bytes()
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return parts, nil
}

func (t words) tableJourney(bw *bufio.Writer, j *JourneyReport, color bool, width int) error {
	// The title and path share a line when they fit; nothing passes width.
	// A line break in either is shown as ⏎: the title line is one line.
	plain := textsafe.Line(j.Title)
	// The state, unless the title already says it ("Permit (future
	// state)" is not followed by "(future)").
	if !strings.Contains(strings.ToLower(j.Title), strings.ToLower(j.State)) && !strings.Contains(strings.ToLower(j.Title), strings.ToLower(t.state(j.State))) {
		plain += " (" + textsafe.Line(t.state(j.State)) + ")"
	}
	path := textsafe.Line(j.Path)
	if displayWidth(plain)+2+displayWidth(path) <= width {
		fmt.Fprintf(bw, "%s  %s\n", textsafe.Paint(color, textsafe.ANSIBold, plain), path)
	} else {
		fmt.Fprintf(bw, "%s\n%s\n", textsafe.Paint(color, textsafe.ANSIBold, wrapCell(plain, width)), wrapCell(path, width))
	}
	fmt.Fprintf(bw, "%s\n", wrapCell(joinWrapped(strings.Split(t.summaryLine(j.Summary), " · "), " · ", width), width))
	if c := j.Compare; c != nil {
		fmt.Fprintf(bw, "%s\n", wrapCell(textsafe.Line(c.text(t)), width))
	}
	t.tableKPIs(bw, j.KPIs, width)
	if len(j.Steps) == 0 {
		bw.WriteString(t.T("No steps match the filters.") + "\n")
	} else {
		// With entries at risk the touchpoint items are longer ("Permit
		// counter (City Hall) (yellow)") and wrap: bullets keep them apart.
		bulletTPs := j.Summary.EntriesAtRisk > 0
		rows := make([][]string, len(j.Steps))
		for i := range j.Steps {
			g := &j.Steps[i]
			ops := t.opportunityDetails(g.Opportunities)
			step := g.ID + "\n" + g.Action
			if g.Duration > 0 {
				step += "\n" + t.T("time {x}", t.Duration(g.Duration))
			}
			tps := strings.Join(t.touchpointItems(g, nil, nil), "\n")
			if bulletTPs {
				tps = bullets(t.touchpointItems(g, nil, nil))
			}
			rows[i] = []string{t.ratingText(g, "\n"), g.StageName, step, tps,
				bullets(g.Pains), bullets(ops), bullets(t.metrics(g.Metrics))}
		}
		header := t.all("Rating", "Stage", "Step", "Touchpoints", "Pains", "Opportunities", "Metrics")
		// The rating wraps at its space ("Very unhappy") only when the
		// table would not fit otherwise; colorRating paints each part.
		wrap := []bool{true, true, true, true, true, true, true}
		if widths, fits := fitWidthsOK(header, rows, wrap, width); !fits {
			t.cards(bw, j, color, width)
		} else {
			wrapCells(header, rows, wrap, widths)
			drawBox(bw, header, rows, widths, 0, t.colorRating(color))
		}
	}
	if len(j.Stages) == 0 {
		return nil
	}
	rows := make([]countRow, len(j.Stages))
	sums := make([]Summary, len(j.Stages))
	for i, st := range j.Stages {
		rows[i] = countRow{lead: []string{st.Name}, summary: st.Summary}
		sums[i] = st.Summary
	}
	t.renderCounts(bw, []string{t.T("Stage")}, rows, width, extrasOf(sums...))
	return nil
}

// tableKPIs draws the journey's KPIs as a small table (nothing when it
// has none): KPI, current, target, gap, met.
func (t words) tableKPIs(bw *bufio.Writer, kpis []MetricGap, width int) {
	if len(kpis) == 0 {
		return
	}
	header, rows := t.kpiCells(kpis)
	wrap := []bool{true, true, true, true, false}
	widths, fits := fitWidthsOK(header, rows, wrap, width)
	if !fits {
		bw.WriteString(t.T("KPIs") + ":\n")
		for _, k := range kpis {
			for i, line := range strings.Split(wrapCell(t.metric(k), width-4), "\n") {
				bw.WriteString(map[bool]string{true: "  - ", false: "    "}[i == 0] + line + "\n")
			}
		}
		return
	}
	wrapCells(header, rows, wrap, widths)
	drawBox(bw, header, rows, widths, 1, nil)
}

// bullets writes items as "- " lines, continuation lines indented.
func bullets(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("- ")
		b.WriteString(strings.ReplaceAll(it, "\n", "\n  "))
	}
	return b.String()
}

// colorRating colours the rating word, the first line of the first column.
func (t words) colorRating(on bool) func(int, string) string {
	if !on {
		return nil
	}
	codes := make(map[string]string, 3*len(ansiRating))
	for r, c := range ansiRating {
		// The word, and each of its parts when the cell wraps it
		// ("Very" and "unhappy" are red; "Unhappy" is yellow).
		codes[t.Rating(r)] = c
		for _, part := range strings.Fields(t.Rating(r)) {
			if _, taken := codes[part]; !taken {
				codes[part] = c
			}
		}
	}
	return func(col int, line string) string {
		if c, ok := codes[line]; ok && col == 0 {
			return c + line + textsafe.ANSIReset
		}
		return line
	}
}

// wrapCells wraps the cells of the columns that wrap to their fitted
// width (less a space of padding each side).
func wrapCells(header []string, rows [][]string, wrap []bool, widths []int) {
	for _, row := range append(rows, header) {
		for i := range row {
			if i < len(wrap) && wrap[i] {
				row[i] = wrapCell(row[i], widths[i]-2)
			}
		}
	}
}

// cards lists steps one block each, for a terminal too narrow for the step
// table: the rating line, then each non-empty field wrapped under it.
func (t words) cards(bw *bufio.Writer, j *JourneyReport, color bool, width int) {
	for i := range j.Steps {
		g := &j.Steps[i]
		word := t.Rating(g.Rating)
		rating := textsafe.Paint(color, ansiRating[g.Rating], word)
		if g.Critical {
			rating += " " + t.T("critical")
		}
		bw.WriteString("\n" + rating + " · " + wrapCell(textsafe.Line(g.StageName)+" · "+g.ID, width-displayWidth(word)-12) + "\n")
		field := func(label, text string) {
			if text == "" {
				return
			}
			bw.WriteString("  " + label + ":\n")
			for _, line := range strings.Split(wrapCell(text, width-4), "\n") {
				bw.WriteString("    " + line + "\n")
			}
		}
		field(t.T("Action"), g.Action)
		if g.Duration > 0 {
			field(t.T("Time"), t.Duration(g.Duration))
		}
		field(t.T("Touchpoints"), strings.Join(t.touchpointItems(g, nil, nil), ", "))
		field(t.T("Pains"), bullets(g.Pains))
		field(t.T("Opportunities"), bullets(t.opportunityDetails(g.Opportunities)))
		field(t.T("Metrics"), bullets(t.metrics(g.Metrics)))
	}
	bw.WriteString("\n")
}

// joinWrapped joins parts with sep, starting a new line rather than
// splitting a part when a line would pass width.
func joinWrapped(parts []string, sep string, width int) string {
	var b strings.Builder
	col := 0
	for i, p := range parts {
		pw := displayWidth(p)
		switch {
		case i == 0:
		case col+displayWidth(sep)+pw > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteString(sep)
			col += displayWidth(sep)
		}
		b.WriteString(p)
		col += pw
	}
	return b.String()
}
