package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/cxmap/cxmap/internal/textsafe"
)

// csvHeader names the columns (docs/report.md, "CSV"). Journey columns come
// first so a portfolio is one sheet that filters by journey.
var csvHeader = []string{
	"journey_path", "journey_id", "journey_title", "journey_state",
	"stage_id", "stage_name", "step_id", "action",
	"rating", "critical", "emotion", "touchpoints", "pains",
	"opportunities", "opportunities_without_owner",
	"metrics", "metrics_met", "metrics_with_target", "line",
}

// CSV writes one row per listed step, worst first within each journey, as
// RFC 4180 (CRLF line ends, quotes where needed) in UTF-8 without a byte
// order mark. Lists inside a cell are one item per line.
func CSV(w io.Writer, r *Report, _ FormatOptions) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for _, j := range r.Journeys {
		for i := range j.Steps {
			g := &j.Steps[i]
			unowned, metSet, metMet := 0, 0, 0
			ops := make([]string, len(g.Opportunities))
			for k, o := range g.Opportunities {
				ops[k] = words{}.opportunityDetail(o)
				if o.Owner == "" {
					unowned++
				}
			}
			ms := make([]string, len(g.Metrics))
			for k, m := range g.Metrics {
				ms[k] = MetricText(m)
				if m.Target != nil {
					metSet++
				}
				if m.Met != nil && *m.Met {
					metMet++
				}
			}
			emotion := ""
			if g.Emotion != nil {
				emotion = strconv.Itoa(*g.Emotion)
			}
			// Text cells are defused; number cells (emotion, counts, line)
			// are written as they are, so -2 stays a number.
			t := func(s string) string { return defuse(textsafe.Line(s)) }
			row = append(row[:0],
				t(j.Path), t(j.ID), t(j.Title), t(j.State),
				t(g.Stage), t(g.StageName), t(g.ID), t(g.Action),
				t(g.Rating), strconv.FormatBool(g.Critical), emotion,
				csvList(words{}.touchpointItems(g, nil, nil)), csvList(g.Pains),
				csvList(ops), strconv.Itoa(unowned),
				csvList(ms), strconv.Itoa(metMet), strconv.Itoa(metSet), strconv.Itoa(g.Line),
			)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvList writes a list one item per line of its cell; a line break inside
// an item is shown as ⏎, so each line of the cell is one item
// (docs/report.md, "CSV").
func csvList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = textsafe.Line(it)
	}
	return defuse(strings.Join(lines, "\n"))
}

// defuse stops a spreadsheet from running a text cell as a formula (OWASP
// "CSV injection"; "-2+3+cmd|' /C calc'!A0" is a formula): a cell whose
// first character, after any leading white space, line breaks, control or
// zero-width characters (which a spreadsheet may skip or the reader not
// see: "\r\n=cmd", " =1", "\u00a0@SUM(1)"), is = + - or @ gets a leading
// apostrophe, as does one that starts with a tab or a CR. Only text cells
// are defused: number cells are written by the caller without it, so a
// negative emotion stays a number. Every CSV and sheet writer of the report
// (step rows, the lane and owner views, the workbook) uses it.
func defuse(s string) string {
	for i, r := range s {
		switch {
		case r == '=' || r == '+' || r == '-' || r == '@':
			return "'" + s
		case i == 0 && (r == '\t' || r == '\r'):
			return "'" + s
		case unicode.IsSpace(r) || textsafe.IsControl(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060':
			continue
		}
		return s
	}
	return s
}
