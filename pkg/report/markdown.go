package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// mdRating marks a rating with a coloured circle and the word
// (journey.RatingWord), so it reads on GitHub with or without colour.
func (w words) mdRating(rating string) string { return mdRatingMark(rating) + " " + w.Rating(rating) }

// Markdown writes GitHub-flavoured Markdown: a heading per journey, its
// summary, the step table worst first and the stage table; with several
// journeys a portfolio table first. Text from the journey is escaped so it
// cannot break a table or start markup.
func Markdown(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	t := wordsOf(r)
	bw.WriteString("# " + t.T("Gap report") + "\n")
	if f := t.filterText(r.Options); f != "" {
		fmt.Fprintf(bw, "\n%s\n", textsafe.Markdown(t.T("Showing {x}.", f)))
	}
	if len(r.Journeys) > 1 {
		t.mdPortfolio(bw, r)
	}
	for i := range r.Journeys {
		t.mdJourney(bw, &r.Journeys[i])
	}
	return bw.Flush()
}

func (t words) mdJourney(bw *bufio.Writer, j *JourneyReport) {
	fmt.Fprintf(bw, "\n## %s\n\n", textsafe.Markdown(j.Title))
	meta := []string{"`" + textsafe.Code(j.Path) + "`", t.T("id {x}", "`"+textsafe.Code(j.ID)+"`"), t.state(j.State)}
	if j.Owner != "" {
		meta = append(meta, t.T("owner {x}", textsafe.Markdown(j.Owner)))
	}
	if j.Client != "" {
		meta = append(meta, t.T("client {x}", textsafe.Markdown(j.Client)))
	}
	if j.Baseline != "" {
		meta = append(meta, t.T("baseline {x}", "`"+textsafe.Code(j.Baseline)+"`"))
	}
	bw.WriteString(strings.Join(meta, " · ") + "\n\n")
	s := j.Summary
	fmt.Fprintf(bw, "**%s**: 🔴 %s %s · 🟡 %s %s · 🟢 %s %s · ⚪ %s %s · **%s** · %s · %s (%s)",
		t.N("{n} steps", s.Steps), t.Int(s.Red), t.Rating(journey.Red), t.Int(s.Yellow), t.Rating(journey.Yellow),
		t.Int(s.Green), t.Rating(journey.Green), t.Int(s.Unrated), t.Rating(Unrated),
		t.T("{x} critical at risk", t.Int(s.CriticalAtRisk)), t.T("metrics met {x}", t.met(s)),
		t.N("{n} opportunities", s.Opportunities), t.T("{x} without owner", t.Int(s.Unowned)))
	if s.EntriesAtRisk > 0 {
		bw.WriteString(" · " + t.entriesText(s.EntriesAtRisk))
	}
	if tt := t.timeText(s); tt != "" {
		bw.WriteString(" · **" + t.T("time {x}", tt) + "**")
	}
	bw.WriteString("\n\n")
	if c := j.Compare; c != nil {
		bw.WriteString(textsafe.Markdown(c.text(t)) + "\n\n")
	}
	if len(j.KPIs) > 0 {
		header, rows := t.kpiCells(j.KPIs)
		bw.WriteString("### " + t.T("KPIs") + "\n\n| " + strings.Join(header, " | ") + " |\n|---|--:|--:|--:|---|\n")
		for _, row := range rows {
			row[0] = textsafe.Markdown(row[0])
			bw.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
		bw.WriteString("\n### " + t.T("Steps, worst first") + "\n\n")
	}
	if len(j.Steps) == 0 {
		bw.WriteString("_" + t.T("No steps match the filters.") + "_\n")
	} else {
		bw.WriteString("| " + strings.Join(t.all("Rating", "Stage", "Step", "Touchpoints", "Pains", "Opportunities", "Metrics"), " | ") + " |\n|---|---|---|---|---|---|---|\n")
		for i := range j.Steps {
			g := &j.Steps[i]
			rating := t.mdRating(g.Rating)
			if g.Critical {
				rating += " · **" + t.T("critical") + "**"
			}
			step := textsafe.Markdown(g.Action)
			if g.Duration > 0 {
				step += "<br>" + t.T("time {x}", t.Duration(g.Duration))
			}
			fmt.Fprintf(bw, "| %s | %s | **%s**<br>%s | %s | %s | %s | %s |\n", rating, textsafe.Markdown(g.StageName),
				textsafe.Markdown(g.ID), step, strings.Join(t.touchpointItems(g, t.mdEntry, textsafe.Markdown), "<br>"), mdList(g.Pains), mdList(t.opportunityDetails(g.Opportunities)), mdList(t.metrics(g.Metrics)))
		}
		t.mdQuotes(bw, j)
	}
	if len(j.Stages) == 0 {
		return
	}
	sums := make([]Summary, len(j.Stages))
	for i, st := range j.Stages {
		sums[i] = st.Summary
	}
	e := extrasOf(sums...)
	bw.WriteString("\n### " + t.T("By stage") + "\n\n| " + t.T("Stage") + " | " + t.mdCountHeader() + e.mdHeader(t) + "\n|---|--:|--:|--:|--:|--:|--:|--:|--:|" + strings.Repeat("--:|", e.n()) + "\n")
	for _, st := range j.Stages {
		bw.WriteString("| " + textsafe.Markdown(st.Name) + " | " + t.mdCounts(st.Summary, e) + "\n")
	}
}

// mdPortfolio is the portfolio table: grouped by client (a Client column
// when any journey names one), a future state under its baseline, the
// current and future states added up apart.
func (t words) mdPortfolio(bw *bufio.Writer, r *Report) {
	clients := hasClient(r.Portfolio)
	sums := []Summary{r.Total, r.TotalFuture}
	for _, p := range r.Portfolio {
		sums = append(sums, p.Summary)
	}
	e := extrasOf(sums...)
	bw.WriteString("\n## " + t.T("Portfolio") + "\n\n")
	lead, align := "| "+t.T("Journey")+" | "+t.T("State")+" | ", "|---|---|"
	if clients {
		bw.WriteString(t.T("By client; within a client worst first: most critical steps at risk, then most Very unhappy, Unhappy and Not rated steps."))
		lead, align = "| "+t.T("Client")+" | "+t.T("Journey")+" | "+t.T("State")+" | ", "|---|---|---|"
	} else {
		bw.WriteString(t.T("Worst first: most critical steps at risk, then most Very unhappy, Unhappy and Not rated steps."))
	}
	if r.TotalFuture.Steps > 0 || len(t.totalRows(r)) > 1 {
		bw.WriteString(" " + t.T("A future state is listed under the current state it improves on (↳), and the two are added up apart, never together."))
	}
	bw.WriteString("\n\n")
	bw.WriteString(lead + t.mdCountHeader() + e.mdHeader(t) + "\n")
	bw.WriteString(align + "--:|--:|--:|--:|--:|--:|--:|--:|" + strings.Repeat("--:|", e.n()) + "\n")
	for i, p := range r.Portfolio {
		bw.WriteString("| ")
		if clients {
			c := clientCell(r.Portfolio, i)
			if c == noClient {
				c = t.T(noClient)
			}
			bw.WriteString(textsafe.Markdown(c) + " | ")
		}
		arrow := ""
		if p.Paired {
			arrow = "↳ "
		}
		fmt.Fprintf(bw, "%s%s<br>`%s` | %s | %s\n", arrow, textsafe.Markdown(p.Title), textsafe.Code(p.Path), t.state(p.State), t.mdCounts(p.Summary, e))
	}
	for _, tr := range t.totalRows(r) {
		bw.WriteString("| ")
		if clients {
			bw.WriteString("| ")
		}
		state := " |"
		if tr.state != "" {
			state = " " + t.state(tr.state) + " |"
		}
		fmt.Fprintf(bw, "**%s** |%s %s\n", tr.label, state, t.mdCounts(tr.summary, e))
	}
}

// mdCounts are a count row's cells after its leading ones, each followed
// by " |".
func (t words) mdCounts(s Summary, e countExtras) string {
	out := strings.Join([]string{t.Int(s.Steps), t.Int(s.Red), t.Int(s.Yellow), t.Int(s.Green), t.Int(s.Unrated), t.Int(s.CriticalAtRisk), t.met(s), t.Int(s.Unowned)}, " | ") + " |"
	if e.atRisk {
		out += " " + t.Int(s.EntriesAtRisk) + " |"
	}
	if e.time {
		out += " " + strings.ReplaceAll(t.cellTime(s), "\n", " (") + map[bool]string{true: ")", false: ""}[s.Timed > 0 && s.Timed < s.Steps] + " |"
	}
	return out
}

// mdCountHeader heads a markdown count table after its leading columns.
func (t words) mdCountHeader() string {
	return strings.Join(t.all("Steps"), "") + " | " + strings.Join(t.ratingHeaders(), " | ") + " | " +
		strings.Join(t.all("Critical at risk", "Metrics met", "Opportunities without owner"), " | ")
}

// mdQuotes lists the quotes of the listed steps, in the table's order,
// each step's under its id: the customer's words next to the gap they
// explain.
func (t words) mdQuotes(bw *bufio.Writer, j *JourneyReport) {
	first := true
	for i := range j.Steps {
		g := &j.Steps[i]
		if len(g.Quotes) == 0 {
			continue
		}
		if first {
			bw.WriteString("\n### " + t.T("Quotes") + "\n")
			first = false
		}
		fmt.Fprintf(bw, "\n**%s**: %s (%s · %s)\n", textsafe.Markdown(g.ID), textsafe.Markdown(g.Action), t.mdRating(g.Rating), textsafe.Markdown(g.StageName))
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
func (t words) mdEntry(e Entry) string {
	s := "**" + textsafe.Markdown(e.Name) + "** ("
	if e.Backstage {
		s += t.T("backstage") + ", "
	}
	s += t.mdRating(e.Rating) + ")"
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

// filterText describes the filters in words ("" when none): "only steps
// rated Very unhappy, Unhappy; critical steps only; stage apply".
func (t words) filterText(o Options) string {
	var parts []string
	if len(o.Only) > 0 {
		ws := make([]string, len(o.Only))
		for i, r := range o.Only {
			ws[i] = t.Rating(r)
		}
		parts = append(parts, t.T("only steps rated {x}", strings.Join(ws, ", ")))
	}
	if o.Critical {
		parts = append(parts, t.T("critical steps only"))
	}
	if o.Stage != "" {
		parts = append(parts, t.T("stage {x}", o.Stage))
	}
	return strings.Join(parts, "; ")
}

// all are the ids in the locale.
func (t words) all(ids ...string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.T(id)
	}
	return out
}

// state is a journey's state (current, future) in words.
func (t words) state(s string) string {
	if s == "" {
		return ""
	}
	return t.T(s)
}

// ratingHeaders head the rating count columns, worst first.
func (t words) ratingHeaders() []string {
	return []string{t.Rating(journey.Red), t.Rating(journey.Yellow), t.Rating(journey.Green), t.Rating(Unrated)}
}
