package gaps

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

var ansiRating = map[string]string{"red": ansiRed, "yellow": ansiYellow, "green": ansiGreen, Unrated: ansiDim}

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
	if f := filterText(r.Options); f != "" {
		fmt.Fprintf(bw, "Showing %s.\n\n", f)
	}
	for i := range r.Journeys {
		if i > 0 {
			bw.WriteString("\n")
		}
		if err := tableJourney(bw, &r.Journeys[i], o.Color, width); err != nil {
			return err
		}
	}
	if len(r.Journeys) > 1 {
		bw.WriteString("\n")
		title := "Portfolio (worst first)"
		if o.Color {
			title = ansiBold + title + ansiReset
		}
		bw.WriteString(title + "\n")
		rows := make([][]string, 0, len(r.Portfolio)+1)
		for _, p := range r.Portfolio {
			rows = append(rows, append([]string{p.Title + "\n" + p.Path, p.State}, countCells(p.Summary)...))
		}
		rows = append(rows, append([]string{fmt.Sprintf("All %d journeys", len(r.Journeys)), ""}, countCells(r.Total)...))
		header := append([]string{"Journey", "State"}, countHeader...)
		if err := renderTable(bw, header, rows, []bool{true}, 2, width); err != nil {
			return err
		}
	}
	return bw.Flush()
}

var countHeader = []string{"Steps", "Red", "Yellow", "Green", "Unrated", "Critical\nat risk", "Metrics\nmet", "Without\nowner"}

func countCells(s Summary) []string {
	return []string{strconv.Itoa(s.Steps), strconv.Itoa(s.Red), strconv.Itoa(s.Yellow), strconv.Itoa(s.Green),
		strconv.Itoa(s.Unrated), strconv.Itoa(s.CriticalAtRisk), met(s), strconv.Itoa(s.Unowned)}
}

func tableJourney(bw *bufio.Writer, j *JourneyReport, color bool, width int) error {
	title := fmt.Sprintf("%s (%s)", j.Title, j.State)
	if color {
		title = ansiBold + title + ansiReset
	}
	fmt.Fprintf(bw, "%s  %s\n%s\n", title, j.Path, wrapCell(SummaryText(j.Summary), width))
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
		if _, fits := fitWidthsOK(header, rows, wrap, width); !fits {
			cards(bw, j, color, width)
		} else if err := renderTable(bw, header, rows, wrap, 0, width, colorRating(color)); err != nil {
			return err
		}
	}
	if len(j.Stages) == 0 {
		return nil
	}
	rows := make([][]string, len(j.Stages))
	for i, st := range j.Stages {
		rows[i] = append([]string{st.Name}, countCells(st.Summary)...)
	}
	return renderTable(bw, append([]string{"Stage"}, countHeader...), rows, []bool{true}, 1, width)
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

// colorRating colours the rating word at the start of the first column.
func colorRating(on bool) func([]string) {
	if !on {
		return nil
	}
	return func(row []string) {
		word, rest, _ := strings.Cut(row[0], "\n")
		if c, ok := ansiRating[word]; ok {
			row[0] = c + word + ansiReset
			if rest != "" {
				row[0] += "\n" + rest
			}
		}
	}
}

// renderTable draws one table. wrap says which columns may shrink (and wrap)
// to fit width (missing entries: fixed); columns from numFrom on are
// right-aligned numbers (0: none). color, when set, decorates each row after
// the widths are measured on the plain text.
func renderTable(w io.Writer, header []string, rows [][]string, wrap []bool, numFrom, width int, color ...func([]string)) error {
	widths := fitWidths(header, rows, wrap, width)
	for _, row := range rows {
		for i := range row {
			if i < len(wrap) && wrap[i] {
				row[i] = wrapCell(row[i], widths[i]-2)
			}
		}
	}
	for i := range header {
		if i < len(wrap) && wrap[i] {
			header[i] = wrapCell(header[i], widths[i]-2)
		}
	}
	mapper := tw.NewMapper[int, int]()
	align := make([]tw.Align, len(header))
	for i, wd := range widths {
		mapper.Set(i, wd)
		align[i] = tw.AlignLeft
		if numFrom > 0 && i >= numFrom {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithColumnWidths(mapper),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
	)
	if err := t.Start(); err != nil {
		return err
	}
	t.Header(header)
	for _, row := range rows {
		if len(color) > 0 && color[0] != nil {
			row = append([]string(nil), row...)
			color[0](row)
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Close()
}

// fitWidths sizes columns (content plus one space each side) to their
// widest line, then narrows the widest wrappable column a character at a
// time until the table (with its borders) fits width. Wrappable columns
// first keep their header and longest word (up to 20 characters, at least
// 10); when that is still too wide they go down to 8 and words break. Fixed
// columns (ratings, numbers) never shrink, so a very narrow terminal may
// still see a wide table.
func fitWidths(header []string, rows [][]string, wrap []bool, width int) []int {
	w, _ := fitWidthsOK(header, rows, wrap, width)
	return w
}

// fitWidthsOK is fitWidths that also reports whether the table fits width
// without breaking words.
func fitWidthsOK(header []string, rows [][]string, wrap []bool, width int) ([]int, bool) {
	n := len(header)
	natural := make([]int, n)
	longest := make([]int, n)
	measure := func(i int, s string) {
		for _, line := range strings.Split(s, "\n") {
			if lw := runewidth.StringWidth(line) + 2; lw > natural[i] {
				natural[i] = lw
			}
			if i < len(wrap) && wrap[i] {
				extra := 2
				if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "  ") {
					extra = 4
				}
				for _, word := range strings.Fields(line) {
					if ww := runewidth.StringWidth(word) + extra; ww > longest[i] {
						longest[i] = ww
					}
				}
			}
		}
	}
	for i, h := range header {
		measure(i, h)
	}
	for _, row := range rows {
		for i := 0; i < n && i < len(row); i++ {
			measure(i, row[i])
		}
	}
	min := make([]int, n)
	total := n + 1
	for i := range natural {
		min[i] = natural[i]
		if i < len(wrap) && wrap[i] {
			min[i] = max(10, std(longest[i], 24))
			for _, line := range strings.Split(header[i], "\n") {
				min[i] = max(min[i], runewidth.StringWidth(line)+2)
			}
			min[i] = std(min[i], natural[i])
		}
		total += natural[i]
	}
	widths := natural
	fits := true
	// First narrow down to the soft minimum (whole words), then, if the
	// table still does not fit, down to 8 (words break).
	for phase := 0; phase < 2 && total > width; phase++ {
		if phase == 1 {
			fits = false
			for i := range min {
				if i < len(wrap) && wrap[i] {
					min[i] = std(8, natural[i])
				}
			}
		}
		for total > width {
			best := -1
			for i := range widths {
				if widths[i] > min[i] && (best < 0 || widths[i] > widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			widths[best]--
			total--
		}
	}
	return widths, fits && total <= width
}

func std(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// wrapCell wraps each line of s to width display columns: words fill a
// line greedily, a word too long for a line is broken, and a "- " item keeps
// its continuation lines indented under its text.
func wrapCell(s string, width int) string {
	if width < 4 {
		width = 4
	}
	var out []string
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if runewidth.StringWidth(line) <= width {
			out = append(out, line)
			continue
		}
		indent := ""
		b.Reset()
		if strings.HasPrefix(line, "- ") {
			b.WriteString("- ")
			indent, line = "  ", line[2:]
		}
		col, empty := len(indent), true
		newLine := func() {
			out = append(out, b.String())
			b.Reset()
			b.WriteString(indent)
			col, empty = len(indent), true
		}
		for _, word := range strings.Fields(line) {
			ww := runewidth.StringWidth(word)
			if !empty && col+1+ww > width {
				newLine()
			}
			if !empty {
				b.WriteByte(' ')
				col++
			}
			for col+ww > width {
				head := runewidth.Truncate(word, width-col, "")
				if head == "" {
					_, size := utf8.DecodeRuneInString(word)
					head = word[:size]
				}
				b.WriteString(head)
				newLine()
				word = word[len(head):]
				ww = runewidth.StringWidth(word)
			}
			if word != "" {
				b.WriteString(word)
				col += ww
				empty = false
			}
		}
		if !empty {
			out = append(out, b.String())
		}
	}
	return strings.Join(out, "\n")
}

// cards lists steps one block each, for a terminal too narrow for the step
// table: the rating line, then each non-empty field wrapped under it.
func cards(bw *bufio.Writer, j *JourneyReport, color bool, width int) {
	for i := range j.Steps {
		g := &j.Steps[i]
		rating := g.Rating
		if color {
			rating = ansiRating[g.Rating] + rating + ansiReset
		}
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
