package history

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/boxtable"
	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Formatter writes a history in one format.
type Formatter func(w io.Writer, h *History) error

// Formats is the only list of history formats (help, completion and
// errors are made from it; docs/decisions.md, "Registries").
var Formats = registry.New("-f",
	registry.Format[Formatter]{Meta: registry.Meta{Name: "json", Ext: "json", Help: "one document", Machine: true}, Write: JSON},
	registry.Format[Formatter]{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "a table for a pull request or wiki"}, Write: Markdown},
	registry.Format[Formatter]{Meta: registry.Meta{Name: "table", Help: "for a terminal"}, Write: Table},
)

// header names the columns; the rating counts are headed by the rating
// words every output uses (journey.RatingWord), worst first.
var header = []string{"Commit", "Date", "Author", "Subject", "Steps",
	journey.RatingWord(journey.Red), journey.RatingWord(journey.Yellow), journey.RatingWord(journey.Green), journey.RatingWord(""),
	"Critical at risk", "Metrics met", "KPIs"}

// cells are a row's figures as text; a row with no summary says its status.
func cells(r *Row, clean func(string) string) []string {
	c := []string{r.Short, day(r.Date), clean(r.Author), clean(r.Subject)}
	if r.Figures == nil {
		what := r.Status
		if r.Problem != "" {
			what += ": " + r.Problem
		}
		return append(c, clean(what), "", "", "", "", "", "", "")
	}
	s := r.Figures
	return append(c, strconv.Itoa(s.Steps), strconv.Itoa(s.Red), strconv.Itoa(s.Yellow), strconv.Itoa(s.Green),
		strconv.Itoa(s.Unrated), strconv.Itoa(s.CriticalAtRisk), metText(s), clean(kpiText(s.KPIs)))
}

// kpiText is each KPI's current value against its target
// (journey.Metric.Progress): "NPS now -12 · target ≥ 20 · 32 to go".
func kpiText(ks []KPI) string {
	parts := make([]string, 0, len(ks))
	for _, k := range ks {
		parts = append(parts, k.Name+" "+journey.Metric{Name: k.Name, Unit: k.Unit, Current: k.Current, Target: k.Target, Better: k.Better}.Progress())
	}
	return strings.Join(parts, "; ")
}

// metText is "met/with target" ("-" when no metric has a target).
func metText(s *Figures) string {
	if s.MetricsSet == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", s.MetricsMet, s.MetricsSet)
}

// day is the date part of an ISO 8601 time.
func day(iso string) string {
	if len(iso) >= 10 {
		return iso[:10]
	}
	return iso
}

// Table writes a box table for a terminal, newest commit first, figures
// right-aligned.
func Table(w io.Writer, h *History) error {
	rows := make([][]string, len(h.Rows))
	for i := range h.Rows {
		rows[i] = cells(&h.Rows[i], textsafe.Line)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "History of %s: %d %s\n", textsafe.Line(h.File), len(h.Rows), commits(len(h.Rows)))
	// The figures are right-aligned; the KPIs (text) are not.
	boxtable.Write(bw, header, rows, boxtable.Widths(header, rows), func(i int) bool { return i >= 4 && i < len(header)-1 }, nil)
	return bw.Flush()
}

func commits(n int) string {
	if n == 1 {
		return "commit"
	}
	return "commits"
}

// Markdown writes a table for a pull-request comment or a wiki page.
func Markdown(w io.Writer, h *History) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## History of `%s`\n\n", strings.NewReplacer("`", "'", "|", `\|`, "\n", " ").Replace(h.File))
	bw.WriteString("| " + strings.Join(header, " | ") + " |\n")
	bw.WriteString("|" + strings.Repeat("---|", 4) + strings.Repeat("--:|", len(header)-5) + "---|\n")
	for i := range h.Rows {
		bw.WriteString("| " + strings.Join(cells(&h.Rows[i], textsafe.Markdown), " | ") + " |\n")
	}
	return bw.Flush()
}

// JSON writes the history as one document (rows never null).
func JSON(w io.Writer, h *History) error {
	out := *h
	if out.Rows == nil {
		out.Rows = []Row{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
