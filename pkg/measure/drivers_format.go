package measure

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/mattn/go-runewidth"
)

// DriverWriter writes the drivers ranking in one format.
type DriverWriter func(w io.Writer, rs []DriverReport, o FormatOptions) error

// DriverFormat is a format of `cxmap report --drivers`.
type DriverFormat = registry.Format[DriverWriter]

// DriverFormats maps a format name to its writer: the only list of the
// formats of `cxmap report --drivers`.
var DriverFormats = registry.New("-f",
	DriverFormat{Meta: registry.Meta{Name: "csv", Ext: "csv", Help: "one row per step, RFC 4180", Machine: true}, Write: textsafe.ForPeople(DriversCSV)},
	DriverFormat{Meta: registry.Meta{Name: "json", Ext: "json", Help: "fields documented in docs/measure.md", Machine: true}, Write: DriversJSON},
	DriverFormat{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "GitHub"}, Write: textsafe.ForPeople(DriversMarkdown)},
	DriverFormat{Meta: registry.Meta{Name: "table", Ext: "txt", Help: "terminal"}, Write: textsafe.ForPeople(DriversTable)},
)

var driverHeader = []string{"Rank", "Step", "Metric", "n", "Spearman", "95% interval", "Unhappy", "Critical", "Top driver"}

func driverCells(i int, d Driver) []string {
	crit, top := "–", "–"
	if d.Critical {
		crit = "critical"
	}
	if d.Top {
		top = "yes"
	}
	return []string{strconv.Itoa(i + 1), d.Step, strings.ToUpper(d.Metric), strconv.Itoa(d.N), fixed(d.Rho, 2),
		fixed(d.Low, 2) + " to " + fixed(d.High, 2), fixed(d.Unhappy, 1) + "%", crit, top}
}

// DriversSummary says which steps drive the score and which of them the
// map marks critical.
func DriversSummary(r DriverReport) string {
	var top []string
	for _, d := range r.Drivers {
		if d.Top {
			top = append(top, d.Step)
		}
	}
	if len(top) == 0 {
		return "No step's score moves clearly with the overall score (every interval reaches 0)."
	}
	s := fmt.Sprintf("Top drivers of %s: %s.", strings.ToUpper(r.Overall), strings.Join(top, ", "))
	if len(r.CriticalTop) > 0 {
		s += " Critical among them: " + strings.Join(r.CriticalTop, ", ") + "."
	}
	if len(r.UnmarkedTop) > 0 {
		s += " Not marked critical: " + strings.Join(r.UnmarkedTop, ", ") + " (consider critical: true)."
	}
	return s
}

// DriversTable writes each journey's ranking as aligned columns.
func DriversTable(w io.Writer, rs []DriverReport, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	for k, r := range rs {
		if k > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "What drives %s's %s (Spearman correlation of each step's score with the overall score, per respondent)\n\n", r.Journey, strings.ToUpper(r.Overall))
		rows := [][]string{driverHeader}
		for i, d := range r.Drivers {
			rows = append(rows, driverCells(i, d))
		}
		widths := make([]int, len(driverHeader))
		for _, row := range rows {
			for i, c := range row {
				widths[i] = max(widths[i], runewidth.StringWidth(c))
			}
		}
		for _, row := range rows {
			var line strings.Builder
			for i, c := range row {
				line.WriteString(c + strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)) + "  ")
			}
			bw.WriteString(strings.TrimRight(line.String(), " ") + "\n")
		}
		fmt.Fprintf(bw, "\n%s\n", DriversSummary(r))
	}
	return bw.Flush()
}

// DriversMarkdown writes each journey's ranking as a GitHub table.
func DriversMarkdown(w io.Writer, rs []DriverReport, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	for _, r := range rs {
		fmt.Fprintf(bw, "## What drives %s's %s\n\n", textsafe.Markdown(r.Journey), strings.ToUpper(textsafe.Markdown(r.Overall)))
		bw.WriteString("| " + strings.Join(driverHeader, " | ") + " |\n|" + strings.Repeat("---|", len(driverHeader)) + "\n")
		for i, d := range r.Drivers {
			cs := driverCells(i, d)
			for j := range cs {
				cs[j] = textsafe.Markdown(cs[j])
			}
			bw.WriteString("| " + strings.Join(cs, " | ") + " |\n")
		}
		fmt.Fprintf(bw, "\n%s\n\n", textsafe.Markdown(DriversSummary(r)))
	}
	return bw.Flush()
}

// DriversCSV writes one row per journey and step.
func DriversCSV(w io.Writer, rs []DriverReport, _ FormatOptions) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"journey", "overall", "rank", "step", "metric", "n", "rho", "low", "high", "unhappy", "critical", "top"})
	for _, r := range rs {
		for i, d := range r.Drivers {
			cw.Write([]string{r.Journey, r.Overall, strconv.Itoa(i + 1), d.Step, d.Metric, strconv.Itoa(d.N), num(d.Rho), num(d.Low), num(d.High),
				num(d.Unhappy), strconv.FormatBool(d.Critical), strconv.FormatBool(d.Top)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// DriversJSON writes the rankings as one document.
func DriversJSON(w io.Writer, rs []DriverReport, _ FormatOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"journeys": rs})
}
