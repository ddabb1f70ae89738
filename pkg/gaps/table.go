package gaps

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/mattn/go-runewidth"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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
	tp := newTables(bw)
	if f := filterText(r.Options); f != "" {
		fmt.Fprintf(bw, "Showing %s.\n\n", f)
	}
	parts, err := tableJourneys(r.Journeys, o.Color, width)
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
		bw.WriteString(textsafe.Paint(o.Color, textsafe.ANSIBold, "Portfolio (worst first)") + "\n")
		rows := make([]countRow, 0, len(r.Portfolio)+1)
		for _, p := range r.Portfolio {
			rows = append(rows, countRow{[]string{p.Title + "\n" + p.Path, p.State}, p.Summary})
		}
		rows = append(rows, countRow{[]string{fmt.Sprintf("All %d journeys", len(r.Journeys)), ""}, r.Total})
		if err := tp.renderCounts(bw, []string{"Journey", "State"}, rows, width); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// tableJourneys draws each journey's section on all cores (drawing tables
// costs more than anything else in the report) and returns them in order.
func tableJourneys(js []JourneyReport, color bool, width int) ([][]byte, error) {
	parts := make([][]byte, len(js))
	errs := make([]error, len(js))
	par.For(len(js), 0, func(i int) {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		errs[i] = tableJourney(bw, newTables(bw), &js[i], color, width)
		bw.Flush()
		parts[i] = buf.Bytes()
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return parts, nil
}

func tableJourney(bw *bufio.Writer, tp *tables, j *JourneyReport, color bool, width int) error {
	// The title and path share a line when they fit; nothing passes width.
	// A line break in either is shown as ⏎: the title line is one line.
	plain := textsafe.Line(j.Title) + " (" + textsafe.Line(j.State) + ")"
	path := textsafe.Line(j.Path)
	if runewidth.StringWidth(plain)+2+runewidth.StringWidth(path) <= width {
		fmt.Fprintf(bw, "%s  %s\n", textsafe.Paint(color, textsafe.ANSIBold, plain), path)
	} else {
		fmt.Fprintf(bw, "%s\n%s\n", textsafe.Paint(color, textsafe.ANSIBold, wrapCell(plain, width)), wrapCell(path, width))
	}
	fmt.Fprintf(bw, "%s\n", wrapCell(joinWrapped(strings.Split(SummaryText(j.Summary), " · "), " · ", width), width))
	if len(j.Steps) == 0 {
		bw.WriteString("No steps match the filters.\n")
	} else {
		rows := make([][]string, len(j.Steps))
		for i := range j.Steps {
			g := &j.Steps[i]
			ops := make([]string, len(g.Opportunities))
			for k, op := range g.Opportunities {
				ops[k] = OpportunityText(op)
			}
			ms := make([]string, len(g.Metrics))
			for k, m := range g.Metrics {
				ms[k] = MetricText(m)
			}
			rows[i] = []string{strings.Replace(RatingText(g), " ", "\n", 1), g.StageName, g.ID + "\n" + g.Action, strings.Join(g.Touchpoints, "\n"),
				bullets(g.Pains), bullets(ops), bullets(ms)}
		}
		header := []string{"Rating", "Stage", "Step", "Touchpoints", "Pains", "Opportunities", "Metrics"}
		wrap := []bool{false, true, true, true, true, true, true}
		if widths, fits := fitWidthsOK(header, rows, wrap, width); !fits {
			cards(bw, j, color, width)
		} else {
			wrapCells(header, rows, wrap, widths)
			drawBox(bw, header, rows, widths, colorRating(color))
		}
	}
	if len(j.Stages) == 0 {
		return nil
	}
	rows := make([]countRow, len(j.Stages))
	for i, st := range j.Stages {
		rows[i] = countRow{[]string{st.Name}, st.Summary}
	}
	return tp.renderCounts(bw, []string{"Stage"}, rows, width)
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
func colorRating(on bool) func(int, string) string {
	if !on {
		return nil
	}
	return func(col int, line string) string {
		if c, ok := ansiRating[line]; ok && col == 0 {
			return c + line + textsafe.ANSIReset
		}
		return line
	}
}

// tables reuses one tablewriter.Table per shape (column count and
// alignment) for a whole report: a new Table allocates caches that cost
// more than drawing a small table.
type tables struct {
	w     io.Writer
	cache map[[2]int]*tablewriter.Table
}

func newTables(w io.Writer) *tables {
	return &tables{w: w, cache: map[[2]int]*tablewriter.Table{}}
}

// noCache stands in for tablewriter's stringer cache: rows here are
// []string, so nothing is ever cached, and the default cache reallocates
// its storage on every Reset.
type noCache struct{}

func (noCache) Add(reflect.Type, reflect.Value) bool        { return false }
func (noCache) Get(reflect.Type) (v reflect.Value, ok bool) { return v, false }
func (noCache) Purge()                                      {}

// table returns a reset table with n columns, those from numFrom on
// right-aligned (0: none).
func (tp *tables) table(n, numFrom int) *tablewriter.Table {
	key := [2]int{n, numFrom}
	if t, ok := tp.cache[key]; ok {
		t.Reset()
		return t
	}
	align := make([]tw.Align, n)
	for i := range align {
		align[i] = tw.AlignLeft
		if numFrom > 0 && i >= numFrom {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(tp.w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		// Cells come wrapped to the fitted widths: no re-wrapping.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
		tablewriter.WithStringerCacheCustom(noCache{}),
	)
	tp.cache[key] = t
	return t
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

// renderWidths draws a count table with tablewriter, column widths already
// fitted (fitWidthsOK). wrap says which columns wrap to their width;
// columns from numFrom on are right-aligned numbers (0: none).
func (tp *tables) renderWidths(header []string, rows [][]string, wrap []bool, widths []int, numFrom int) error {
	wrapCells(header, rows, wrap, widths)
	mapper := tw.NewMapper[int, int]()
	for i, wd := range widths {
		mapper.Set(i, wd)
	}
	t := tp.table(len(header), numFrom)
	t.Options(tablewriter.WithColumnWidths(mapper))
	if err := t.Start(); err != nil {
		return err
	}
	t.Header(header)
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Close()
}

// cards lists steps one block each, for a terminal too narrow for the step
// table: the rating line, then each non-empty field wrapped under it.
func cards(bw *bufio.Writer, j *JourneyReport, color bool, width int) {
	for i := range j.Steps {
		g := &j.Steps[i]
		rating := textsafe.Paint(color, ansiRating[g.Rating], g.Rating)
		if g.Critical {
			rating += " critical"
		}
		bw.WriteString("\n" + rating + " · " + wrapCell(g.StageName+" · "+g.ID, width-len(g.Rating)-12) + "\n")
		field := func(label, text string) {
			if text == "" {
				return
			}
			bw.WriteString("  " + label + ":\n")
			for _, line := range strings.Split(wrapCell(text, width-4), "\n") {
				bw.WriteString("    " + line + "\n")
			}
		}
		field("Action", g.Action)
		field("Touchpoints", strings.Join(g.Touchpoints, ", "))
		field("Pains", bullets(g.Pains))
		ops := make([]string, len(g.Opportunities))
		for k, op := range g.Opportunities {
			ops[k] = OpportunityText(op)
		}
		field("Opportunities", bullets(ops))
		ms := make([]string, len(g.Metrics))
		for k, m := range g.Metrics {
			ms[k] = MetricText(m)
		}
		field("Metrics", bullets(ms))
	}
	bw.WriteString("\n")
}

// joinWrapped joins parts with sep, starting a new line rather than
// splitting a part when a line would pass width.
func joinWrapped(parts []string, sep string, width int) string {
	var b strings.Builder
	col := 0
	for i, p := range parts {
		pw := runewidth.StringWidth(p)
		switch {
		case i == 0:
		case col+runewidth.StringWidth(sep)+pw > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteString(sep)
			col += runewidth.StringWidth(sep)
		}
		b.WriteString(p)
		col += pw
	}
	return b.String()
}
