package report

import (
	"bufio"
	"strings"
)

// The count tables (per stage, and the portfolio) hold eight number
// columns whose headers alone take 74 columns. They are drawn in the first
// of three layouts that fits the width without breaking a word: the table
// with full headers, the table with short headers and a legend line under
// it, or one wrapped line of counts per row.

// countHeader heads the count columns (a line break where a header may
// wrap); shortCountHeader is the narrow one, explained by
// shortCountLegend under the table.
func (t words) countHeader() []string {
	return []string{t.T("Steps"), t.T("Very\nunhappy"), t.T("Unhappy"), t.T("Working\nwell"), t.T("Not\nrated"),
		t.T("Critical\nat risk"), t.T("Metrics\nmet"), t.T("Without\nowner")}
}

func (t words) shortCountHeader() []string {
	return []string{t.T("Steps"), t.T("V.u"), t.T("Unh"), t.T("W.w"), t.T("N.r"), t.T("Crit\nrisk"), t.T("Met"), t.T("No\nowner")}
}

func (t words) shortCountLegend() string {
	return t.T("V.u Very unhappy · Unh Unhappy · W.w Working well · N.r Not rated · Crit risk: critical steps at risk · Met: metrics that meet their target · No owner: opportunities without an owner")
}

// countExtras are the count columns shown only when some row has them,
// so a report on journeys without durations or rated entries reads as
// before: the time (with how many steps have no duration) and the red or
// yellow touchpoint and backstage entries.
type countExtras struct{ time, atRisk bool }

func extrasOf(ss ...Summary) countExtras {
	var e countExtras
	for _, s := range ss {
		e.time = e.time || s.Timed > 0
		e.atRisk = e.atRisk || s.EntriesAtRisk > 0
	}
	return e
}

func (e countExtras) header(t words, h []string, short bool) []string {
	h = append([]string(nil), h...)
	if e.atRisk {
		h = append(h, map[bool]string{false: t.T("Entries\nat risk"), true: t.T("At\nrisk")}[short])
	}
	if e.time {
		h = append(h, t.T("Time"))
	}
	return h
}

// cellTime is a count table's time cell: "2w 3d", a second line
// "2 untimed" when some steps have no duration, "–" when none has one.
func (t words) cellTime(s Summary) string {
	if s.Timed == 0 {
		return "–"
	}
	d := t.Duration(s.Duration)
	if missing := s.Steps - s.Timed; missing > 0 {
		d += "\n" + t.T("{x} untimed", t.Int(missing))
	}
	return d
}

func (t words) countCells(s Summary, e countExtras) []string {
	cells := []string{t.Int(s.Steps), t.Int(s.Red), t.Int(s.Yellow), t.Int(s.Green),
		t.Int(s.Unrated), t.Int(s.CriticalAtRisk), t.met(s), t.Int(s.Unowned)}
	if e.atRisk {
		cells = append(cells, t.Int(s.EntriesAtRisk))
	}
	if e.time {
		cells = append(cells, t.cellTime(s))
	}
	return cells
}

// countRow is one row of a count table: its leading text cells (the stage
// name; the journey and its state) and its counts.
type countRow struct {
	lead    []string
	summary Summary
	// group is a heading row (a client): its leading cells, no counts.
	group bool
}

// renderCounts draws a count table. lead names the leading columns; the
// first of them wraps, the others are fixed.
func (t words) renderCounts(bw *bufio.Writer, lead []string, rows []countRow, width int, e countExtras) {
	wrap := []bool{true}
	for k, header := range [][]string{t.countHeader(), t.shortCountHeader()} {
		h := append(append([]string(nil), lead...), e.header(t, header, k == 1)...)
		cells := make([][]string, len(rows))
		for i, r := range rows {
			counts := t.countCells(r.summary, e)
			if r.group {
				counts = make([]string, len(counts))
			}
			cells[i] = append(append([]string(nil), r.lead...), counts...)
		}
		widths, fits := fitWidthsOK(h, cells, wrap, width)
		if !fits {
			continue
		}
		wrapCells(h, cells, wrap, widths)
		drawBox(bw, h, cells, widths, len(lead), nil)
		if k == 1 {
			legend := t.shortCountLegend()
			if e.atRisk {
				legend += " · " + t.T("At risk: touchpoint and backstage entries rated Very unhappy or Unhappy")
			}
			bw.WriteString(wrapCell(joinWrapped(strings.Split(legend, " · "), " · ", width), width) + "\n")
		}
		return
	}
	// One block per row: its leading cells, then its counts in words.
	bw.WriteString(t.T("By {x}:", strings.ToLower(lead[0])) + "\n")
	for _, r := range rows {
		head := strings.ReplaceAll(strings.Join(nonEmpty(r.lead), " · "), "\n", " · ")
		bw.WriteString(wrapCell(head, width) + "\n")
		if r.group {
			continue
		}
		text := joinWrapped(strings.Split(t.countsText(r.summary, e), " · "), " · ", width-2)
		for _, line := range strings.Split(wrapCell(text, width-2), "\n") {
			bw.WriteString("  " + line + "\n")
		}
	}
}

// countsText is a count row in words, the same counts as the table's.
func (t words) countsText(s Summary, e countExtras) string {
	parts := []string{
		t.N("{n} steps", s.Steps),
		t.ratingCounts(s, " · "),
		t.T("{x} critical at risk", t.Int(s.CriticalAtRisk)),
		t.T("metrics met {x}", t.met(s)),
		t.T("{x} without owner", t.Int(s.Unowned)),
	}
	if e.atRisk {
		parts = append(parts, t.T("{x} entries at risk", t.Int(s.EntriesAtRisk)))
	}
	if e.time && s.Timed > 0 {
		parts = append(parts, t.T("time {x}", strings.ReplaceAll(t.cellTime(s), "\n", ", ")))
	}
	return strings.Join(parts, " · ")
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// n is how many extra columns there are.
func (e countExtras) n() int {
	n := 0
	for _, on := range []bool{e.atRisk, e.time} {
		if on {
			n++
		}
	}
	return n
}

// mdHeader ends a Markdown count header: " | Entries at risk | Time |"
// with the extra columns, " |" without.
func (e countExtras) mdHeader(t words) string {
	h := ""
	if e.atRisk {
		h += " | " + t.T("Entries at risk")
	}
	if e.time {
		h += " | " + t.T("Time")
	}
	return h + " |"
}
