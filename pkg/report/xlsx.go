package report

import (
	"fmt"
	"github.com/cxmap/cxmap/internal/xlsxzip"
	"io"
	"math"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/xuri/excelize/v2"
)

// XLSX writes one workbook with every view, whatever --by says: sheets
// Journeys, Steps, Touchpoints (the lane inventory), Opportunities (the
// backlog), Metrics and KPIs. Each sheet has its header row frozen and an
// autofilter; rating cells hold the word and are filled with the rating's
// colour; numbers are numbers and dates are dates. The bytes are the same
// for the same input: fixed document times, zip entries in name order.
//
// Rows are streamed (excelize's StreamWriter), so 1,000 journeys of 50
// steps stay well within memory and time (docs/report.md).
func XLSX(w io.Writer, r *Report, _ FormatOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	t := wordsOf(r)
	x := &workbook{f: f, t: t}
	if err := x.styles(r.Options.Theme); err != nil {
		return err
	}
	for i, s := range workbookSheets {
		name := t.T(s.name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := x.sheet(name, s.name, t.all(s.header...), s.widths, s.rows(r, t)); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", name, err)
		}
	}
	// A hidden sheet for `cxmap import --update`: each journey's path, id
	// and the SHA-256 of its file at export.
	if _, err := f.NewSheet(SourceSheet); err != nil {
		return err
	}
	var src [][]any
	for _, j := range r.Journeys {
		src = append(src, []any{j.Path, j.ID, j.Hash})
	}
	if err := x.sheet(SourceSheet, SourceSheet, []string{"Path", "Id", "SHA-256"}, []float64{40, 24, 66}, src); err != nil {
		return err
	}
	if err := f.SetSheetVisible(SourceSheet, false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	epoch := DocumentDate(r).Format(time.RFC3339)
	props := &excelize.DocProperties{
		Title: "cxmap report", Creator: "cxmap", Created: epoch, Modified: epoch,
		Description: "Customer journey gap report: journeys, steps, touchpoints, opportunities, metrics, KPIs",
	}
	if th := r.Options.Theme; th != nil || t.loc != nil {
		// A branded or translated workbook names no tool: the client
		// sees the report's title and the theme's name.
		props.Title, props.Creator = t.T("Gap report"), ""
		props.Description = t.T("Customer journey gap report: journeys, steps, touchpoints, opportunities, metrics, KPIs")
		if th != nil && th.Name != "cxmap" {
			props.Creator = th.Name
		}
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter { return xlsxzip.Sorted(w) }
	_, err := f.WriteTo(w)
	return err
}

// SourceSheet is the hidden sheet naming each journey's file and its hash.
const SourceSheet = "cxmap_source"

// The rating words head the rating count columns (journey.RatingWord).
const (
	hRed     = "Very unhappy"
	hYellow  = "Unhappy"
	hGreen   = "Working well"
	hUnrated = "Not rated"
)

// workbookSheets are the sheets in order, each with its name and header
// (message ids: the locale's words are written), column widths
// (characters) and rows. `cxmap import --update` finds a sheet and a
// column by these names in any language (WorkbookName).
var workbookSheets = []struct {
	name   string
	header []string
	widths []float64
	rows   func(*Report, words) [][]any
}{
	{"Journeys", []string{"Path", "Id", "Title", "State", "Client", "Owner", "Steps", hRed, hYellow, hGreen, hUnrated,
		"Critical", "Critical at risk", "Opportunities", "Without owner", "Metrics", "Metrics with target", "Metrics met",
		"Entries at risk", "Steps with duration", "Time", "Hours", "Baseline"},
		[]float64{30, 20, 36, 9, 22, 18, 9, 13, 13, 13, 13, 10, 12, 13, 13, 11, 13, 13, 13, 13, 10, 9, 30}, journeyRows},
	{"Steps", []string{"Journey", "Stage", "Stage id", "Step", "Action", "Rating", "Critical", "Emotion", "Touchpoints", "Pains",
		"Opportunities", "Metrics met", "Metrics with target", "Line", "Time", "Hours"},
		[]float64{20, 18, 14, 22, 44, 16, 9, 9, 30, 44, 44, 11, 11, 6, 10, 8}, stepRows},
	{"Touchpoints", []string{"Lane id", "Lane", "Zone", "Channel", "Journeys", "Steps", hRed, hYellow, hGreen, hUnrated, "Critical at risk"},
		[]float64{22, 34, 12, 11, 10, 9, 13, 13, 13, 13, 12}, touchpointRows},
	{"Opportunities", []string{"Owner", "Id", "Idea", "Priority", "Impact", "Effort", "Status", "Was", "Journey", "Stage", "Stage id", "Step", "Action", "Rating", "Critical"},
		[]float64{20, 18, 50, 9, 8, 8, 12, 10, 20, 18, 14, 20, 40, 16}, opportunityRows},
	{"Metrics", []string{"Journey", "Stage", "Stage id", "Step", "Metric", "Unit", "Current", "Target", "Better", "Gap", "Met"},
		[]float64{20, 18, 14, 22, 32, 8}, metricRows},
	{"KPIs", []string{"Journey", "KPI", "Unit", "Current", "Target", "Better", "Gap", "Met"},
		[]float64{20, 32, 8}, kpiRows},
}

// rating marks a cell to be filled with its rating's colour.
type rating string

// metCell marks a Met cell: true filled like green, false like red.
type metCell bool

// DocumentDate is the date a report's documents carry (workbook
// properties): the latest `updated` of its journeys, else 2000-01-01, never
// the clock, so the bytes stay the same for the same input.
func DocumentDate(r *Report) time.Time {
	var d time.Time
	for _, j := range r.Journeys {
		if j.Updated.After(d) {
			d = j.Updated
		}
	}
	if d.IsZero() {
		d = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}

// workbook holds the file, its words and its style ids.
type workbook struct {
	f      *excelize.File
	t      words
	header int
	fills  map[string]int
	met    map[bool]int // Met cells: the green or red fill, shown as the locale's yes or no
	date   int
	wrap   int
	top    int
	// headWraps: the header wraps a long heading (with a theme; the
	// default header is as it was).
	headWraps bool
}

// styles makes the cell styles. Without a theme: cxmap's grey header and
// light rating fills under black text, as before themes. With one: the
// header is filled with the theme's primary colour and written in its ink
// (theme.InkFor), and the rating cells (and Met) are filled with the
// theme's rating colours in their ink; theme.Check has held every one of
// those pairs to WCAG AA.
func (x *workbook) styles(th *theme.Theme) error {
	var err error
	head := &excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E9EE"}},
	}
	if th != nil {
		x.headWraps = true
		head.Font.Color = hexOf(th.InkFor(th.Colors.Primary))
		head.Fill.Color = []string{hexOf(th.Colors.Primary)}
		head.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	}
	if x.header, err = x.f.NewStyle(head); err != nil {
		return err
	}
	// Every cell of a tall row sits at its top, as its wrapped cells do.
	top := &excelize.Alignment{Vertical: "top"}
	if x.top, err = x.f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return err
	}
	if x.date, err = x.f.NewStyle(&excelize.Style{NumFmt: 14, Alignment: top}); err != nil {
		return err
	}
	if x.wrap, err = x.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}
	// The same colours as the diagram's rating badges (pkg/render/draw),
	// light enough for black text.
	x.fills = map[string]int{}
	for _, fill := range [][2]string{{"red", "F4B6B6"}, {"yellow", "FBE7A1"}, {"green", "BFE3C6"}, {Unrated, "E3E5E8"}} {
		word, color := fill[0], fill[1]
		st := &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}, Alignment: top}
		if th != nil {
			c := th.Colors.Ratings()[word]
			if word == Unrated {
				c = th.Colors.Unrated
			}
			st.Fill.Color = []string{hexOf(c)}
			st.Font = &excelize.Font{Color: hexOf(th.InkFor(c))}
		}
		id, err := x.f.NewStyle(st)
		if err != nil {
			return err
		}
		x.fills[word] = id
	}
	return x.metStyles()
}

// metStyles are the Met cells' styles: the green and red rating fills with
// a number format that shows the boolean as the locale's "yes" or "no".
// The cell stays a boolean, so it filters and counts as one; Excel shows
// its own TRUE/FALSE whatever the format, and LibreOffice, which showed 1
// and 0, now shows the words.
func (x *workbook) metStyles() error {
	yes, no := xlsxQuote(x.t.T("yes")), xlsxQuote(x.t.T("no"))
	format := yes + ";" + yes + ";" + no
	x.met = map[bool]int{}
	for _, v := range []bool{true, false} {
		word := "red"
		if v {
			word = "green"
		}
		st, err := x.f.GetStyle(x.fills[word])
		if err != nil {
			return err
		}
		st.CustomNumFmt = &format
		if x.met[v], err = x.f.NewStyle(st); err != nil {
			return err
		}
	}
	return nil
}

// xlsxQuote is text as a literal of a number format, in double quotes; a
// double quote in the text cannot be written inside one and is dropped.
func xlsxQuote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "") + `"`
}

// hexOf is a theme colour as excelize writes one: "1F3A5F".
func hexOf(c string) string { return strings.ToUpper(strings.TrimPrefix(c, "#")) }

// sheet streams one sheet: the header, then the rows; freezes the header
// and sets an autofilter over the whole table (named table, an
// identifier: the sheet's English name, whatever the sheet is called).
func (x *workbook) sheet(name, table string, header []string, widths []float64, rows [][]any) error {
	if x.t.loc.RTL() {
		// A right-to-left language's sheets run from the right (column A
		// at the right), as Excel shows them for Arabic. The view is set
		// before the stream writer, which carries it over.
		rtl := true
		if err := x.f.SetSheetView(name, 0, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
			return err
		}
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(header))
	lines := 1
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: x.header, Value: h}
		lines = max(lines, cellLines(h, colWidth(widths, i)))
	}
	var headOpts []excelize.RowOpts
	if lines > 1 && x.headWraps {
		// A heading wider than its column wraps onto a second line.
		headOpts = append(headOpts, excelize.RowOpts{Height: float64(min(lines, 3)) * lineHeight})
	}
	if err := sw.SetRow("A1", head, headOpts...); err != nil {
		return err
	}
	for i, row := range rows {
		height := 1 // lines of the tallest cell
		for k, v := range row {
			switch v := v.(type) {
			case rating:
				row[k] = excelize.Cell{StyleID: x.fills[string(v)], Value: x.t.Rating(string(v))}
			case metCell:
				row[k] = excelize.Cell{StyleID: x.met[bool(v)], Value: bool(v)}
			case time.Time:
				row[k] = excelize.Cell{StyleID: x.date, Value: v}
			case string:
				row[k] = sheetText(v)
				// A cell of several lines, or longer than its column,
				// wraps, and its row is as tall as its lines: a
				// spreadsheet does not grow a streamed row by itself.
				if n := cellLines(v, colWidth(widths, k)); n > 1 || strings.Contains(v, "\n") {
					row[k] = excelize.Cell{StyleID: x.wrap, Value: sheetText(v)}
					height = max(height, n)
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		var opts []excelize.RowOpts
		if height > 1 {
			opts = append(opts, excelize.RowOpts{Height: float64(min(height, maxRowLines)) * lineHeight})
			for k, v := range row {
				if c, ok := v.(excelize.Cell); !ok {
					row[k] = excelize.Cell{StyleID: x.top, Value: v}
				} else if c.StyleID == 0 {
					c.StyleID = x.top
					row[k] = c
				}
			}
		}
		if err := sw.SetRow(cell, row, opts...); err != nil {
			return err
		}
	}
	// A table (Excel's "Format as Table", no style) is how a streamed sheet
	// gets its autofilter: excelize's AutoFilter cannot reach a streamed
	// sheet's XML.
	last, _ := excelize.CoordinatesToCellName(len(header), max(len(rows)+1, 2))
	off := false
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: table, StyleName: "", ShowRowStripes: &off}); err != nil {
		return err
	}
	return sw.Flush()
}

// lineHeight is a line of the default font (Calibri 11) in points;
// maxRowLines bounds a row's height (Excel's limit is 409 points).
const (
	lineHeight  = 15.0
	maxRowLines = 27
)

// colWidth is column k's width in characters (excelize's default when
// the sheet does not set it).
func colWidth(widths []float64, k int) float64 {
	if k < len(widths) {
		return widths[k]
	}
	return 9.14
}

// cellLines estimates how many lines a text takes in a column width
// characters wide: its own lines, each wrapped at the width (a little
// narrower than the column, which has padding).
func cellLines(s string, width float64) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		w := float64(displayWidth(line))
		// A column's width counts digits; text averages narrower.
		n += max(1, int(math.Ceil(w/math.Max((width-1)*1.1, 1))))
	}
	return n
}

// sheetText keeps a cell's text as text: control characters other than
// line breaks are dropped (XML cannot hold them), and a text a spreadsheet
// would run as a formula is defused like CSV's.
func sheetText(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s)
	return defuse(s)
}

func journeyRows(r *Report, t words) [][]any {
	rows := make([][]any, 0, len(r.Journeys))
	for _, j := range r.Journeys {
		s := j.Summary
		rows = append(rows, []any{j.Path, j.ID, j.Title, t.state(j.State), j.Client, j.Owner, s.Steps, s.Red, s.Yellow, s.Green, s.Unrated,
			s.Critical, s.CriticalAtRisk, s.Opportunities, s.Unowned, s.Metrics, s.MetricsSet, s.MetricsMet,
			s.EntriesAtRisk, s.Timed, durationText(s.Duration, s.Timed > 0), hours(s.Duration, s.Timed > 0), j.Baseline})
	}
	return rows
}

func stepRows(r *Report, t words) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for i := range j.Steps {
			g := &j.Steps[i]
			ops := make([]string, len(g.Opportunities))
			for k, o := range g.Opportunities {
				ops[k] = t.opportunityDetail(o)
			}
			metSet, metMet := 0, 0
			for _, m := range g.Metrics {
				if m.Target != nil {
					metSet++
				}
				if m.Met != nil && *m.Met {
					metMet++
				}
			}
			var emotion any = ""
			if g.Emotion != nil {
				emotion = *g.Emotion
			}
			rows = append(rows, []any{j.ID, g.StageName, g.Stage, g.ID, g.Action, rating(g.Rating), g.Critical, emotion,
				strings.Join(t.touchpointItems(g, nil, nil), "\n"), strings.Join(g.Pains, "\n"), strings.Join(ops, "\n"), metMet, metSet, g.Line,
				durationText(g.Duration, g.Duration > 0), hours(g.Duration, g.Duration > 0)})
		}
	}
	return rows
}

func touchpointRows(r *Report, _ words) [][]any {
	rows := make([][]any, 0, len(r.Lanes))
	for _, l := range r.Lanes {
		rows = append(rows, []any{l.ID, l.Name, l.Zone, l.Channel, len(l.Journeys), l.Steps, l.Red, l.Yellow, l.Green, l.Unrated, l.CriticalAtRisk})
	}
	return rows
}

func opportunityRows(r *Report, _ words) [][]any {
	var rows [][]any
	for _, g := range r.Backlog {
		for _, o := range g.Rows {
			rows = append(rows, []any{o.Owner, o.ID, o.Idea, o.Priority, blankZero(o.Impact), blankZero(o.Effort), o.Status, o.Was,
				o.Journey, o.StageName, o.Stage, o.Step, o.Action, rating(o.Rating), o.Critical})
		}
	}
	return rows
}

func metricRows(r *Report, _ words) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for i := range j.Steps {
			g := &j.Steps[i]
			for _, m := range g.Metrics {
				rows = append(rows, []any{j.ID, g.StageName, g.Stage, g.ID, m.Name, m.Unit, numOrBlank(m.Current), numOrBlank(m.Target),
					m.Better, numOrBlank(m.Gap), metOrBlank(m.Met)})
			}
		}
	}
	return rows
}

func kpiRows(r *Report, _ words) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for _, m := range j.KPIs {
			rows = append(rows, []any{j.ID, m.Name, m.Unit, numOrBlank(m.Current), numOrBlank(m.Target),
				m.Better, numOrBlank(m.Gap), metOrBlank(m.Met)})
		}
	}
	return rows
}

func blankZero(n int) any {
	if n == 0 {
		return ""
	}
	return n
}

func numOrBlank(v *float64) any {
	if v == nil {
		return ""
	}
	return *v
}

func metOrBlank(v *bool) any {
	if v == nil {
		return ""
	}
	return metCell(*v)
}

// durationText is a duration as cxmap writes it ("3w 2d"), "" when not
// timed; hours is the same as a number of hours, for sums and charts.
func durationText(d time.Duration, ok bool) any {
	if !ok {
		return ""
	}
	return journey.FormatDuration(d)
}

func hours(d time.Duration, ok bool) any {
	if !ok {
		return ""
	}
	// Hours to two decimals (10 min is 0.17): a sum stays within a
	// minute per row, and the column reads in one style.
	return math.Round(d.Hours()*100) / 100
}
