package gaps

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// mdRating marks a rating with a coloured circle and the word, so it reads
// on GitHub with or without colour.
var mdRating = map[string]string{
	"red":    "🔴 red",
	"yellow": "🟡 yellow",
	"green":  "🟢 green",
	Unrated:  "⚪ unrated",
}

// Markdown writes GitHub-flavoured Markdown: a heading per journey, its
// summary, the step table worst first and the stage table; with several
// journeys a portfolio table first. Text from the journey is escaped so it
// cannot break a table or start markup.
func Markdown(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Gap report\n")
	if f := filterText(r.Options); f != "" {
		fmt.Fprintf(bw, "\nShowing %s.\n", textsafe.Markdown(f))
	}
	if len(r.Journeys) > 1 {
		mdPortfolio(bw, r)
	}
	for i := range r.Journeys {
		mdJourney(bw, &r.Journeys[i])
	}
	return bw.Flush()
}

func mdJourney(bw *bufio.Writer, j *JourneyReport) {
	fmt.Fprintf(bw, "\n## %s\n\n", textsafe.Markdown(j.Title))
	meta := []string{"`" + textsafe.Code(j.Path) + "`", "id `" + textsafe.Code(j.ID) + "`", j.State}
	if j.Owner != "" {
		meta = append(meta, "owner "+textsafe.Markdown(j.Owner))
	}
	if j.Client != "" {
		meta = append(meta, "client "+textsafe.Markdown(j.Client))
	}
	if j.Baseline != "" {
		meta = append(meta, "baseline `"+textsafe.Code(j.Baseline)+"`")
	}
	bw.WriteString(strings.Join(meta, " · ") + "\n\n")
	s := j.Summary
	fmt.Fprintf(bw, "**%s**: 🔴 %d red · 🟡 %d yellow · 🟢 %d green · ⚪ %d unrated · **%d critical at risk** · metrics met %s · %s (%d without owner)",
		plural(s.Steps, "step"), s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), plural(s.Opportunities, "opportunity"), s.Unowned)
	if s.EntriesAtRisk > 0 {
		bw.WriteString(" · " + entriesText(s.EntriesAtRisk))
	}
	if t := timeText(s); t != "" {
		bw.WriteString(" · **time " + t + "**")
	}
	bw.WriteString("\n\n")
	if c := j.Compare; c != nil {
		bw.WriteString(textsafe.Markdown(c.Text()) + "\n\n")
	}
	if len(j.KPIs) > 0 {
		header, rows := kpiCells(j.KPIs)
		bw.WriteString("### KPIs\n\n| " + strings.Join(header, " | ") + " |\n|---|--:|--:|--:|---|\n")
		for _, row := range rows {
			row[0] = textsafe.Markdown(row[0])
			bw.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
		bw.WriteString("\n### Steps, worst first\n\n")
	}
	if len(j.Steps) == 0 {
		bw.WriteString("_No steps match the filters._\n")
	} else {
		bw.WriteString("| Rating | Stage | Step | Touchpoints | Pains | Opportunities | Metrics |\n|---|---|---|---|---|---|---|\n")
		for i := range j.Steps {
			g := &j.Steps[i]
			rating := mdRating[g.Rating]
			if g.Critical {
				rating += " · **critical**"
			}
			ms := make([]string, len(g.Metrics))
			for k, m := range g.Metrics {
				ms[k] = MetricText(m)
			}
			step := textsafe.Markdown(g.Action)
			if g.Duration > 0 {
				step += "<br>time " + journey.FormatDuration(g.Duration)
			}
			fmt.Fprintf(bw, "| %s | %s | **%s**<br>%s | %s | %s | %s | %s |\n", rating, textsafe.Markdown(g.StageName),
				textsafe.Markdown(g.ID), step, strings.Join(touchpointItems(g, mdEntry, textsafe.Markdown), "<br>"), mdList(g.Pains), mdList(opportunityDetails(g.Opportunities)), mdList(ms))
		}
		mdQuotes(bw, j)
	}
	if len(j.Stages) == 0 {
		return
	}
	sums := make([]Summary, len(j.Stages))
	for i, st := range j.Stages {
		sums[i] = st.Summary
	}
	e := extrasOf(sums...)
	bw.WriteString("\n### By stage\n\n| Stage | Steps | Red | Yellow | Green | Unrated | Critical at risk | Metrics met | Opportunities without owner" + e.mdHeader() + "\n|---|--:|--:|--:|--:|--:|--:|--:|--:|" + strings.Repeat("--:|", e.n()) + "\n")
	for _, st := range j.Stages {
		bw.WriteString("| " + textsafe.Markdown(st.Name) + " | " + mdCounts(st.Summary, e) + "\n")
	}
}

// mdPortfolio is the portfolio table: grouped by client (a Client column
// when any journey names one), a future state under its baseline, the
// current and future states added up apart.
func mdPortfolio(bw *bufio.Writer, r *Report) {
	clients := hasClient(r.Portfolio)
	sums := []Summary{r.Total, r.TotalFuture}
	for _, p := range r.Portfolio {
		sums = append(sums, p.Summary)
	}
	e := extrasOf(sums...)
	bw.WriteString("\n## Portfolio\n\n")
	lead, align := "| Journey | State | ", "|---|---|"
	if clients {
		bw.WriteString("By client; within a client worst first: most critical steps at risk, then most red, yellow and unrated steps.")
		lead, align = "| Client | Journey | State | ", "|---|---|---|"
	} else {
		bw.WriteString("Worst first: most critical steps at risk, then most red, yellow and unrated steps.")
	}
	if r.TotalFuture.Steps > 0 || len(totalRows(r)) > 1 {
		bw.WriteString(" A future state is listed under the current state it improves on (↳), and the two are added up apart, never together.")
	}
	bw.WriteString("\n\n")
	bw.WriteString(lead + "Steps | Red | Yellow | Green | Unrated | Critical at risk | Metrics met | Opportunities without owner" + e.mdHeader() + "\n")
	bw.WriteString(align + "--:|--:|--:|--:|--:|--:|--:|--:|" + strings.Repeat("--:|", e.n()) + "\n")
	for i, p := range r.Portfolio {
		bw.WriteString("| ")
		if clients {
			bw.WriteString(textsafe.Markdown(clientCell(r.Portfolio, i)) + " | ")
		}
		arrow := ""
		if p.Paired {
			arrow = "↳ "
		}
		fmt.Fprintf(bw, "%s%s<br>`%s` | %s | %s\n", arrow, textsafe.Markdown(p.Title), textsafe.Code(p.Path), p.State, mdCounts(p.Summary, e))
	}
	for _, t := range totalRows(r) {
		bw.WriteString("| ")
		if clients {
			bw.WriteString("| ")
		}
		state := " |"
		if t.state != "" {
			state = " " + t.state + " |"
		}
		fmt.Fprintf(bw, "**%s** |%s %s\n", t.label, state, mdCounts(t.summary, e))
	}
}

// mdCounts are a count row's cells after its leading ones, each followed
// by " |".
func mdCounts(s Summary, e countExtras) string {
	out := fmt.Sprintf("%d | %d | %d | %d | %d | %d | %s | %d |", s.Steps, s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), s.Unowned)
	if e.atRisk {
		out += fmt.Sprintf(" %d |", s.EntriesAtRisk)
	}
	if e.time {
		out += " " + strings.ReplaceAll(cellTime(s), "\n", " (") + map[bool]string{true: ")", false: ""}[s.Timed > 0 && s.Timed < s.Steps] + " |"
	}
	return out
}

// mdQuotes lists the quotes of the listed steps, in the table's order,
// each step's under its id: the customer's words next to the gap they
// explain.
func mdQuotes(bw *bufio.Writer, j *JourneyReport) {
	first := true
	for i := range j.Steps {
		g := &j.Steps[i]
		if len(g.Quotes) == 0 {
			continue
		}
		if first {
			bw.WriteString("\n### Quotes\n")
			first = false
		}
		fmt.Fprintf(bw, "\n**%s**: %s (%s · %s)\n", textsafe.Markdown(g.ID), textsafe.Markdown(g.Action), mdRating[g.Rating], textsafe.Markdown(g.StageName))
		for _, q := range g.Quotes {
			bw.WriteString("\n> " + strings.ReplaceAll(textsafe.Markdown(q.Text), "<br>", "<br>\n> "))
			if who := nonEmpty([]string{q.Persona, q.Source}); len(who) > 0 {
				for k := range who {
					who[k] = textsafe.Markdown(who[k])
				}
				bw.WriteString("<br>\n> — " + strings.Join(who, " · "))
			}
			bw.WriteString("\n")
		}
	}
}

// mdEntry is a red or yellow entry with what the lane does there:
// "**Phone line** (🔴 red): Puts calls through to voicemail".
func mdEntry(e Entry) string {
	s := "**" + textsafe.Markdown(e.Name) + "** ("
	if e.Backstage {
		s += "backstage, "
	}
	s += mdRating[e.Rating] + ")"
	if e.Does != "" {
		s += ": " + textsafe.Markdown(e.Does)
	}
	return s
}

// mdList joins items one per line inside a table cell.
func mdList(items []string) string {
	esc := make([]string, len(items))
	for i, s := range items {
		esc[i] = textsafe.Markdown(s)
	}
	return strings.Join(esc, "<br>")
}

// filterText describes the filters in words ("" when none).
func filterText(o Options) string {
	var parts []string
	if len(o.Only) > 0 {
		parts = append(parts, "only "+strings.Join(o.Only, ", ")+" steps")
	}
	if o.Critical {
		parts = append(parts, "critical steps only")
	}
	if o.Stage != "" {
		parts = append(parts, "stage "+o.Stage)
	}
	return strings.Join(parts, "; ")
}
