package report

import (
	"io"
	"math"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
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

// MetricText is a metric in words, e.g. "Abandonment: now 35% · target ≤
// 10% · 25% to go". "≥" and "≤" say which way is better.
func MetricText(m MetricGap) string { return words{}.metric(m) }

func (w words) metric(m MetricGap) string { return m.Name + ": " + w.Progress(m) }

// Progress is the metric's current value against its target:
// journey.Metric.Progress, "now 15 min · target ≤ 5 min · 10 min to go".
func Progress(m MetricGap) string {
	return journey.Metric{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}.Progress()
}

// OpportunityText is "idea (owner)" or "idea (no owner)".
func OpportunityText(o Opportunity) string { return words{}.opportunity(o) }

func (w words) opportunity(o Opportunity) string {
	if o.Owner == "" {
		return o.Idea + " (" + w.T("no owner") + ")"
	}
	return o.Idea + " (" + o.Owner + ")"
}

// ratingText is the rating word and, for a critical step, sep and
// "critical".
func (w words) ratingText(g *StepGap, sep string) string {
	if g.Critical {
		return w.Rating(g.Rating) + sep + w.T("critical")
	}
	return w.Rating(g.Rating)
}

// SummaryText is a one-line summary of counts.
func SummaryText(s Summary) string { return words{}.summary(s) }

// SummaryTextIn, MetricTextIn and OpportunityTextIn are SummaryText,
// MetricText and OpportunityText in a locale's words and numbers (nil:
// English, as they are), for the outputs that show them (the deck).
func SummaryTextIn(loc *locale.Locale, s Summary) string { return words{loc}.summary(s) }

func MetricTextIn(loc *locale.Locale, m MetricGap) string { return words{loc}.metric(m) }

func OpportunityTextIn(loc *locale.Locale, o Opportunity) string { return words{loc}.opportunity(o) }

func (w words) summary(s Summary) string {
	parts := []string{
		w.N("{n} steps", s.Steps),
		w.loc.List(w.loc.RatingCounts(s.Red, s.Yellow, s.Green, s.Unrated)),
		w.T("{x} critical at risk", w.Int(s.CriticalAtRisk)),
		w.T("metrics met {x}", w.T("{x}/{y}", w.Int(s.MetricsMet), w.Int(s.MetricsSet))),
		w.N("{n} opportunities", s.Opportunities) + " (" + w.T("{x} without owner", w.Int(s.Unowned)) + ")",
	}
	return strings.Join(parts, " · ")
}

// ratingCounts are the steps by rating, worst first, in the rating words:
// "1 Very unhappy, 2 Unhappy, 3 Working well, 0 Not rated".
func (w words) ratingCounts(s Summary, sep string) string {
	return strings.Join(w.loc.RatingCounts(s.Red, s.Yellow, s.Green, s.Unrated), sep)
}

// met is "3/5" or "–" when no metric has a target.
func (w words) met(s Summary) string {
	if s.MetricsSet == 0 {
		return "–"
	}
	return w.T("{x}/{y}", w.Int(s.MetricsMet), w.Int(s.MetricsSet))
}

// opportunityDetail is OpportunityText with the backlog fields written
// after it, when it has any: "idea (owner) [high priority · impact 4 ·
// effort 2 · status planned · id wizard]".
func (w words) opportunityDetail(o Opportunity) string {
	var fields []string
	if o.Priority != "" {
		fields = append(fields, w.T("{x} priority", o.Priority))
	}
	if o.Impact > 0 {
		fields = append(fields, w.T("impact {x}", o.Impact))
	}
	if o.Effort > 0 {
		fields = append(fields, w.T("effort {x}", o.Effort))
	}
	if o.Status != "" {
		fields = append(fields, w.T("status {x}", o.Status))
	}
	if o.ID != "" {
		fields = append(fields, w.T("id {x}", o.ID))
	}
	if len(fields) == 0 {
		return w.opportunity(o)
	}
	return w.opportunity(o) + " [" + strings.Join(fields, " · ") + "]"
}

func (w words) opportunityDetails(ops []Opportunity) []string {
	out := make([]string, len(ops))
	for i, o := range ops {
		out[i] = w.opportunityDetail(o)
	}
	return out
}

// metrics are a step's metrics in words, one each.
func (w words) metrics(ms []MetricGap) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = w.metric(m)
	}
	return out
}

// touchpointItems are a step's touchpoint names, a red or yellow one with
// its rating ("Phone line (Very unhappy)"), then its red or yellow
// backstage entries ("Claims handler (backstage, Very unhappy)"). entry
// writes an entry at risk and name the others (nil: as they are).
func (w words) touchpointItems(g *StepGap, entry func(Entry) string, name func(string) string) []string {
	if entry == nil {
		entry = w.entryText
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

// entryText is "Phone line (Very unhappy)" or "Claims handler (backstage,
// Very unhappy)".
func (w words) entryText(e Entry) string {
	if e.Backstage {
		return e.Name + " (" + w.T("backstage") + w.T(", ") + w.Rating(e.Rating) + ")"
	}
	return e.Name + " (" + w.Rating(e.Rating) + ")"
}

// timeText is a summary's time: "5w 2d", "5w 2d (2 of 16 steps have no
// duration)", or "" when no step has one, the units in the locale's words
// (the workbook keeps the letters journey files use, w d h m, as data).
func (w words) timeText(s Summary) string {
	if s.Timed == 0 {
		return ""
	}
	t := w.Duration(s.Duration)
	if missing := s.Steps - s.Timed; missing > 0 {
		t += " (" + w.N("{n} of {x} have no duration", missing, w.N("{n} steps", s.Steps)) + ")"
	}
	return t
}

// summaryLine is the summary with what the model additions bring when the
// journey has them: entries at risk and time.
func (w words) summaryLine(s Summary) string {
	t := w.summary(s)
	if s.EntriesAtRisk > 0 {
		t += " · " + w.entriesText(s.EntriesAtRisk)
	}
	if tt := w.timeText(s); tt != "" {
		t += " · " + w.T("time {x}", tt)
	}
	return t
}

func (w words) entriesText(n int) string {
	return w.N("{n} touchpoint or backstage entries rated Very unhappy or Unhappy", n)
}

// kpiCells are the KPI table's header and rows: KPI, current, target
// ("≥ 80%": which way is better), gap (what is still to go) and met.
func (w words) kpiCells(kpis []MetricGap) ([]string, [][]string) {
	rows := make([][]string, len(kpis))
	for i, k := range kpis {
		cmp := "≥ "
		if k.Better == "lower" {
			cmp = "≤ "
		}
		target := "–"
		if k.Target != nil {
			target = cmp + w.Value(k.Target, k.Unit)
		}
		current, gap, isMet := "–", "–", "–"
		if k.Current != nil {
			current = w.Value(k.Current, k.Unit)
		}
		if k.Gap != nil {
			gap = w.Value(k.Gap, k.Unit)
			isMet = w.T("no")
			if *k.Met {
				gap, isMet = "–", w.T("yes")
			}
		}
		rows[i] = []string{k.Name, current, target, gap, isMet}
	}
	return []string{w.T("KPI"), w.T("Current"), w.T("Target"), w.T("Gap"), w.T("Met")}, rows
}
