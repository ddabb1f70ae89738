package gaps

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
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
		bw.WriteString("\n## Portfolio\n\nWorst first: most critical steps at risk, then most red, yellow and unrated steps.\n\n")
		bw.WriteString("| Journey | State | Steps | Red | Yellow | Green | Unrated | Critical at risk | Metrics met | Opportunities without owner |\n")
		bw.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, p := range r.Portfolio {
			s := p.Summary
			fmt.Fprintf(bw, "| %s<br>`%s` | %s | %d | %d | %d | %d | %d | %d | %s | %d |\n",
				textsafe.Markdown(p.Title), textsafe.Code(p.Path), p.State, s.Steps, s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), s.Unowned)
		}
		s := r.Total
		fmt.Fprintf(bw, "| **All %d journeys** | | %d | %d | %d | %d | %d | %d | %s | %d |\n",
			len(r.Journeys), s.Steps, s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), s.Unowned)
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
	bw.WriteString(strings.Join(meta, " · ") + "\n\n")
	s := j.Summary
	fmt.Fprintf(bw, "**%s**: 🔴 %d red · 🟡 %d yellow · 🟢 %d green · ⚪ %d unrated · **%d critical at risk** · metrics met %s · %s (%d without owner)\n\n",
		plural(s.Steps, "step"), s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), plural(s.Opportunities, "opportunity"), s.Unowned)
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
			ops := make([]string, len(g.Opportunities))
			for k, o := range g.Opportunities {
				ops[k] = OpportunityText(o)
			}
			ms := make([]string, len(g.Metrics))
			for k, m := range g.Metrics {
				ms[k] = MetricText(m)
			}
			fmt.Fprintf(bw, "| %s | %s | **%s**<br>%s | %s | %s | %s | %s |\n", rating, textsafe.Markdown(g.StageName),
				textsafe.Markdown(g.ID), textsafe.Markdown(g.Action), mdList(g.Touchpoints), mdList(g.Pains), mdList(ops), mdList(ms))
		}
	}
	if len(j.Stages) == 0 {
		return
	}
	bw.WriteString("\n### By stage\n\n| Stage | Steps | Red | Yellow | Green | Unrated | Critical at risk | Metrics met | Opportunities without owner |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, st := range j.Stages {
		s := st.Summary
		fmt.Fprintf(bw, "| %s | %d | %d | %d | %d | %d | %d | %s | %d |\n",
			textsafe.Markdown(st.Name), s.Steps, s.Red, s.Yellow, s.Green, s.Unrated, s.CriticalAtRisk, met(s), s.Unowned)
	}
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
