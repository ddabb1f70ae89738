package measure

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/internal/xlsxzip"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"
)

// Report is what cxmap measure prints: the files read and every figure.
type Report struct {
	Files   []FileSummary `json:"files"`
	Figures []Figure      `json:"figures"`
}

// FileSummary is a data file in the report.
type FileSummary struct {
	Path        string `json:"path"`
	Answers     int    `json:"answers"`
	Respondents int    `json:"respondents,omitempty"`
	First       string `json:"first,omitempty"`
	Last        string `json:"last,omitempty"`
}

// NewReport assembles the report of a collector's figures.
func NewReport(c *Collector, figs []Figure) *Report {
	r := &Report{Figures: figs}
	if r.Figures == nil {
		r.Figures = []Figure{}
	}
	for _, f := range c.Files() {
		r.Files = append(r.Files, FileSummary{Path: f.Path, Answers: f.Answers, Respondents: f.Respondents, First: dateText(f.First), Last: dateText(f.Last)})
	}
	return r
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Formatter writes a report in one format.
type Formatter func(w io.Writer, r *Report, o FormatOptions) error

// FormatOptions are what a format may need to know about where it writes.
type FormatOptions struct{}

// Format is a measure format (internal/registry: name, extension, help,
// machine and binary flags, writer).
type Format = registry.Format[Formatter]

// Formats is the only list of measure formats: help, completion and the
// "did you mean" error are made from it. A new format is one function and
// one entry here.
var Formats = registry.New("-f",
	Format{Meta: registry.Meta{Name: "csv", Ext: "csv", Help: "one row per figure, RFC 4180", Machine: true}, Write: textsafe.ForPeople(CSV)},
	Format{Meta: registry.Meta{Name: "json", Ext: "json", Help: "fields documented in docs/measure.md", Machine: true}, Write: JSON},
	Format{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "GitHub"}, Write: textsafe.ForPeople(Markdown)},
	Format{Meta: registry.Meta{Name: "table", Ext: "txt", Help: "terminal"}, Write: textsafe.ForPeople(Table)},
	Format{Meta: registry.Meta{Name: "xlsx", Ext: "xlsx", Help: "an Excel workbook, one row per figure (write it to a file)", Machine: true, Binary: true}, Write: XLSX},
)

var header = []string{"Journey", "Scope", "Step", "Lane", "Segment", "Metric", "n", "Score", "95% interval", "Answered", "Rating", "Data says"}

// num writes a number as the data holds it, for programs (CSV, JSON).
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// fixed writes a number for people with exactly decimals places, so a
// column reads in one style ("-26.0" beside "-20.4", never "-26" beside
// "-20.39"); no "-0.0".
func fixed(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// ScoreText is a figure's score with its unit, one decimal: "41.7%",
// "-12.5", "3.4", "70.0%".
func ScoreText(f Figure) string { return fixed(f.Score, 1) + f.Unit() }

// IntervalText is "33.3 to 50.6%".
func IntervalText(f Figure) string {
	if f.N < 2 {
		return "–"
	}
	return fixed(f.Low, 1) + " to " + fixed(f.High, 1) + f.Unit()
}

// DatesText is the answers' date range: "2026-01-02 to 2026-03-30", one
// date when they are all on one day, "–" when undated.
func DatesText(f Figure) string {
	a, b := dateText(f.First), dateText(f.Last)
	switch {
	case a == "":
		return "–"
	case a == b:
		return a
	}
	return a + " to " + b
}

// VerdictText is what the data says of the rating: "contradicts: Very
// unhappy" (the rating the data points to, in the rating words),
// "agrees", "inconclusive" or "".
func VerdictText(f Figure) string {
	switch f.Verdict {
	case Contradicts:
		return "contradicts: " + journey.RatingWord(f.Band)
	case "":
		return ""
	}
	return f.Verdict
}

func cells(f Figure) []string {
	dash := func(s string) string {
		if s == "" {
			return "–"
		}
		return s
	}
	scope := string(f.Scope)
	if f.Pooled {
		scope += " (all answers)"
	}
	rating := "–"
	if f.Rating != "" {
		rating = journey.RatingWord(f.Rating)
	}
	return []string{f.Journey, scope, dash(f.Step), dash(f.Lane), dash(f.Segment), f.Name(), strconv.Itoa(f.N),
		ScoreText(f), IntervalText(f), DatesText(f), rating, dash(VerdictText(f))}
}

func filesLine(r *Report) string {
	var parts []string
	for _, f := range r.Files {
		s := fmt.Sprintf("%s: %s", f.Path, textsafe.Plural(f.Answers, "answer", ""))
		if f.Respondents > 0 {
			s += fmt.Sprintf(" from %s", textsafe.Plural(f.Respondents, "respondent", ""))
		}
		if f.Last != "" {
			s += ", latest " + f.Last
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

// Table writes the figures as aligned columns.
func Table(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n\n", filesLine(r))
	rows := [][]string{header}
	for _, f := range r.Figures {
		rows = append(rows, cells(f))
	}
	widths := make([]int, len(header))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	right := map[int]bool{6: true, 7: true}
	for _, row := range rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-runewidth.StringWidth(c))
			if right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
			if i < len(row)-1 {
				line.WriteString("  ")
			}
		}
		bw.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return bw.Flush()
}

// Markdown writes the figures as a GitHub table.
func Markdown(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## Measured\n\n")
	for _, l := range strings.Split(filesLine(r), "\n") {
		fmt.Fprintf(bw, "- %s\n", textsafe.Markdown(l))
	}
	bw.WriteString("\n")
	bw.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	for i := range header {
		if i == 6 || i == 7 {
			bw.WriteString("---:|")
		} else {
			bw.WriteString("---|")
		}
	}
	bw.WriteString("\n")
	for _, f := range r.Figures {
		cs := cells(f)
		for i := range cs {
			cs[i] = textsafe.Markdown(cs[i])
		}
		bw.WriteString("| " + strings.Join(cs, " | ") + " |\n")
	}
	return bw.Flush()
}

var csvHeader = []string{"journey", "scope", "step", "lane", "segment", "metric", "n", "score", "low", "high", "first", "last", "pooled",
	"promoters", "passives", "detractors", "satisfied", "rating", "band", "verdict"}

func csvRow(f Figure) []string {
	count := func(n int, k Kind) string {
		if f.Kind != k {
			return ""
		}
		return strconv.Itoa(n)
	}
	pooled := ""
	if f.Pooled {
		pooled = "true"
	}
	return []string{f.Journey, string(f.Scope), f.Step, f.Lane, f.Segment, f.Metric, strconv.Itoa(f.N), num(f.Score), num(f.Low), num(f.High),
		dateText(f.First), dateText(f.Last), pooled, count(f.Promoters, KindNPS), count(f.Passives, KindNPS), count(f.Detractors, KindNPS),
		count(f.Satisfied, KindCSAT), f.Rating, f.Band, f.Verdict}
}

// CSV writes one row per figure.
func CSV(w io.Writer, r *Report, _ FormatOptions) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, f := range r.Figures {
		cw.Write(csvRow(f))
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes the report as one document (docs/measure.md).
func JSON(w io.Writer, r *Report, _ FormatOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// MarshalJSON writes dates as YYYY-MM-DD.
func (f Figure) MarshalJSON() ([]byte, error) {
	type plain Figure
	return json.Marshal(struct {
		plain
		First string `json:"first,omitempty"`
		Last  string `json:"last,omitempty"`
	}{plain(f), dateText(f.First), dateText(f.Last)})
}

// XLSX writes a workbook with a Figures sheet (numbers as numbers) and a
// Files sheet; the bytes are the same for the same input.
func XLSX(w io.Writer, r *Report, _ FormatOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Figures"); err != nil {
		return err
	}
	if _, err := f.NewSheet("Files"); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	write := func(sheet string, head []string, rows [][]any) error {
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		hr := make([]any, len(head))
		for i, h := range head {
			hr[i] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", hr); err != nil {
			return err
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		return sw.Flush()
	}
	var rows [][]any
	for _, fg := range r.Figures {
		cs := csvRow(fg)
		row := make([]any, len(cs))
		for i, c := range cs {
			row[i] = c
		}
		row[6], row[7], row[8], row[9] = fg.N, fg.Score, fg.Low, fg.High
		rows = append(rows, row)
	}
	if err := write("Figures", csvHeader, rows); err != nil {
		return err
	}
	rows = nil
	for _, fl := range r.Files {
		rows = append(rows, []any{fl.Path, fl.Answers, fl.Respondents, fl.First, fl.Last})
	}
	if err := write("Files", []string{"path", "answers", "respondents", "first", "last"}, rows); err != nil {
		return err
	}
	epoch := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: "cxmap measure", Creator: "cxmap", Created: epoch, Modified: epoch}); err != nil {
		return err
	}
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter { return xlsxzip.Sorted(w) }
	_, err = f.WriteTo(w)
	return err
}
