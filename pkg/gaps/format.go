package gaps

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// FormatOptions are what a format may need to know about where it writes.
type FormatOptions struct {
	// Color allows ANSI colour (table only; the rating word is always there).
	Color bool
	// Width is the terminal width for the table (0: DefaultWidth).
	Width int
}

// DefaultWidth is the table width when the terminal's is unknown.
const DefaultWidth = 120

// Formatter writes a report in one format.
type Formatter func(w io.Writer, r *Report, o FormatOptions) error

// Writers are one format's writers, one for each view (--by): a format
// name has a writer for every view or the registry refuses it.
type Writers struct {
	Step, Lane, Owner Formatter
}

// Formats is the only list of report formats (help, completion, errors,
// which formats are machine formats and docs/report.md's sections are made
// from it). The formats a person reads are wrapped in textsafe.ForPeople; JSON
// escapes control characters itself. A new format is one file and one
// entry here (docs/decisions.md, "Registries").
var Formats = registry.New("-f",
	registry.Format[Writers]{Meta: registry.Meta{Name: "csv", Ext: "csv", Help: "one row per step, RFC 4180", Machine: true},
		Write: Writers{textsafe.ForPeople(CSV), textsafe.ForPeople(laneCSV), textsafe.ForPeople(ownerCSV)}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "json", Ext: "json", Help: "fields documented in docs/report.md", Machine: true},
		Write: Writers{JSON, laneJSON, ownerJSON}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "markdown", Ext: "md", Help: "GitHub"},
		Write: Writers{textsafe.ForPeople(Markdown), textsafe.ForPeople(laneMarkdown), textsafe.ForPeople(ownerMarkdown)}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "table", Ext: "txt", Help: "terminal, fits its width"},
		Write: Writers{textsafe.ForPeople(Table), textsafe.ForPeople(laneTable), textsafe.ForPeople(ownerTable)}},
	registry.Format[Writers]{Meta: registry.Meta{Name: "xlsx", Ext: "xlsx", Help: "an Excel workbook with every view, one sheet each (-o FILE, or redirect to a file)", Machine: true, Binary: true},
		Write: Writers{XLSX, XLSX, XLSX}},
)

// round6 drops floating-point noise from a computed value (2.3 - 1.4 is
// 0.8999999999999999 in binary): six decimals are more than any metric has.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// withUnit writes a value and its unit: "35%", "12 days", "4.2", "?".
func withUnit(v *float64, unit string) string { return journey.ValueText(v, unit, "?") }

// MetricText is a metric in words, e.g. "Abandonment 35% (target ≤ 10%): 25%
// to go" or "NPS 42 (target ≥ 40): met". "≥" and "≤" say which way is
// better.
func MetricText(m MetricGap) string {
	return m.Name + ": " + Progress(m)
}

// Progress is the metric's current value against its target:
// journey.Metric.Progress, "now 15 min · target ≤ 5 min · 10 min to go".
func Progress(m MetricGap) string {
	return journey.Metric{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}.Progress()
}

// OpportunityText is "idea (owner)" or "idea (no owner)".
func OpportunityText(o Opportunity) string {
	if o.Owner == "" {
		return o.Idea + " (no owner)"
	}
	return o.Idea + " (" + o.Owner + ")"
}

// RatingText is the rating word, with "critical" after it for a critical step.
func RatingText(g *StepGap) string {
	if g.Critical {
		return g.Rating + " critical"
	}
	return g.Rating
}

// SummaryText is a one-line summary of counts.
func SummaryText(s Summary) string {
	parts := []string{
		plural(s.Steps, "step"),
		fmt.Sprintf("%d red, %d yellow, %d green, %d unrated", s.Red, s.Yellow, s.Green, s.Unrated),
		fmt.Sprintf("%d critical at risk", s.CriticalAtRisk),
		fmt.Sprintf("metrics met %d/%d", s.MetricsMet, s.MetricsSet),
		plural(s.Opportunities, "opportunity") + fmt.Sprintf(" (%d without owner)", s.Unowned),
	}
	return strings.Join(parts, " · ")
}

func plural(n int, word string) string {
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return textsafe.Plural(n, word, strings.TrimSuffix(word, "y")+"ies")
	}
	return textsafe.Plural(n, word, "")
}

// met is "3/5" or "–" when no metric has a target.
func met(s Summary) string {
	if s.MetricsSet == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", s.MetricsMet, s.MetricsSet)
}

// opportunityDetail is OpportunityText with the backlog fields written
// after it, when it has any: "idea (owner) [high priority · impact 4 ·
// effort 2 · status planned · id wizard]".
func opportunityDetail(o Opportunity) string {
	var fields []string
	if o.Priority != "" {
		fields = append(fields, o.Priority+" priority")
	}
	if o.Impact > 0 {
		fields = append(fields, "impact "+strconv.Itoa(o.Impact))
	}
	if o.Effort > 0 {
		fields = append(fields, "effort "+strconv.Itoa(o.Effort))
	}
	if o.Status != "" {
		fields = append(fields, "status "+o.Status)
	}
	if o.ID != "" {
		fields = append(fields, "id "+o.ID)
	}
	if len(fields) == 0 {
		return OpportunityText(o)
	}
	return OpportunityText(o) + " [" + strings.Join(fields, " · ") + "]"
}

func opportunityDetails(ops []Opportunity) []string {
	out := make([]string, len(ops))
	for i, o := range ops {
		out[i] = opportunityDetail(o)
	}
	return out
}

// touchpointItems are a step's touchpoint names, a red or yellow one with
// its rating ("Phone line (red)"), then its red or yellow backstage
// entries ("Claims handler (backstage, red)"). entry writes an entry at
// risk and name the others (nil: as they are).
func touchpointItems(g *StepGap, entry func(Entry) string, name func(string) string) []string {
	if entry == nil {
		entry = entryText
	}
	if len(g.AtRisk) == 0 && name == nil {
		return g.Touchpoints
	}
	out := make([]string, 0, len(g.Touchpoints)+len(g.AtRisk))
	k := 0 // the next entry at risk
	for i, n := range g.Touchpoints {
		if i < len(g.Ratings) && (g.Ratings[i] == "red" || g.Ratings[i] == "yellow") && k < len(g.AtRisk) {
			out = append(out, entry(g.AtRisk[k]))
			k++
			continue
		}
		if name != nil {
			n = name(n)
		}
		out = append(out, n)
	}
	for ; k < len(g.AtRisk); k++ {
		out = append(out, entry(g.AtRisk[k]))
	}
	return out
}

// entryText is "Phone line (red)" or "Claims handler (backstage, red)".
func entryText(e Entry) string {
	if e.Backstage {
		return e.Name + " (backstage, " + e.Rating + ")"
	}
	return e.Name + " (" + e.Rating + ")"
}

// timeText is a summary's time: "5w 2d", "5w 2d (2 of 16 steps have no
// duration)", or "" when no step has one.
func timeText(s Summary) string {
	if s.Timed == 0 {
		return ""
	}
	t := journey.FormatDuration(s.Duration)
	if missing := s.Steps - s.Timed; missing > 0 {
		verb := "have"
		if missing == 1 {
			verb = "has"
		}
		t += fmt.Sprintf(" (%d of %s %s no duration)", missing, plural(s.Steps, "step"), verb)
	}
	return t
}

// summaryLine is SummaryText with what the model additions bring when the
// journey has them: entries at risk and time.
func summaryLine(s Summary) string {
	t := SummaryText(s)
	if s.EntriesAtRisk > 0 {
		t += " · " + entriesText(s.EntriesAtRisk)
	}
	if tt := timeText(s); tt != "" {
		t += " · time " + tt
	}
	return t
}

func entriesText(n int) string {
	return textsafe.Plural(n, "touchpoint or backstage entry", "touchpoint or backstage entries") + " red or yellow"
}

// kpiCells are the KPI table's header and rows: KPI, current, target
// ("≥ 80%": which way is better), gap (what is still to go) and met.
func kpiCells(kpis []MetricGap) ([]string, [][]string) {
	rows := make([][]string, len(kpis))
	for i, k := range kpis {
		cmp := "≥ "
		if k.Better == "lower" {
			cmp = "≤ "
		}
		target := "–"
		if k.Target != nil {
			target = cmp + withUnit(k.Target, k.Unit)
		}
		current, gap, isMet := "–", "–", "–"
		if k.Current != nil {
			current = withUnit(k.Current, k.Unit)
		}
		if k.Gap != nil {
			gap = withUnit(k.Gap, k.Unit)
			isMet = "no"
			if *k.Met {
				gap, isMet = "–", "yes"
			}
		}
		rows[i] = []string{k.Name, current, target, gap, isMet}
	}
	return []string{"KPI", "Current", "Target", "Gap", "Met"}, rows
}
