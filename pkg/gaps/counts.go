package gaps

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// The count tables (per stage, and the portfolio) hold eight number
// columns whose headers alone take 74 columns. They are drawn in the first
// of three layouts that fits the width without breaking a word: the table
// with full headers, the table with short headers and a legend line under
// it, or one wrapped line of counts per row.

var countHeader = []string{"Steps", "Red", "Yellow", "Green", "Unrated", "Critical\nat risk", "Metrics\nmet", "Without\nowner"}

var shortCountHeader = []string{"Steps", "Red", "Yel", "Grn", "Unr", "Crit\nrisk", "Met", "No\nowner"}

const shortCountLegend = "Yel yellow · Grn green · Unr unrated · Crit risk: critical steps at risk · Met: metrics that meet their target · No owner: opportunities without an owner"

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

func (e countExtras) header(h []string, short bool) []string {
	h = append([]string(nil), h...)
	if e.atRisk {
		h = append(h, map[bool]string{false: "Entries\nat risk", true: "At\nrisk"}[short])
	}
	if e.time {
		h = append(h, "Time")
	}
	return h
}

// cellTime is a count table's time cell: "2w 3d", a second line
// "2 untimed" when some steps have no duration, "–" when none has one.
func cellTime(s Summary) string {
	if s.Timed == 0 {
		return "–"
	}
	t := journey.FormatDuration(s.Duration)
	if missing := s.Steps - s.Timed; missing > 0 {
		t += "\n" + strconv.Itoa(missing) + " untimed"
	}
	return t
}

func countCells(s Summary, e countExtras) []string {
	cells := []string{strconv.Itoa(s.Steps), strconv.Itoa(s.Red), strconv.Itoa(s.Yellow), strconv.Itoa(s.Green),
		strconv.Itoa(s.Unrated), strconv.Itoa(s.CriticalAtRisk), met(s), strconv.Itoa(s.Unowned)}
	if e.atRisk {
		cells = append(cells, strconv.Itoa(s.EntriesAtRisk))
	}
	if e.time {
		cells = append(cells, cellTime(s))
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
func renderCounts(bw *bufio.Writer, lead []string, rows []countRow, width int, e countExtras) {
	wrap := []bool{true}
	for k, header := range [][]string{countHeader, shortCountHeader} {
		h := append(append([]string(nil), lead...), e.header(header, k == 1)...)
		cells := make([][]string, len(rows))
		for i, r := range rows {
			counts := countCells(r.summary, e)
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
			legend := shortCountLegend
			if e.atRisk {
				legend += " · At risk: touchpoint and backstage entries rated red or yellow"
			}
			bw.WriteString(wrapCell(joinWrapped(strings.Split(legend, " · "), " · ", width), width) + "\n")
		}
		return
	}
	// One block per row: its leading cells, then its counts in words.
	bw.WriteString("By " + strings.ToLower(lead[0]) + ":\n")
	for _, r := range rows {
		head := strings.ReplaceAll(strings.Join(nonEmpty(r.lead), " · "), "\n", " · ")
		bw.WriteString(wrapCell(head, width) + "\n")
		if r.group {
			continue
		}
		text := joinWrapped(strings.Split(countsText(r.summary, e), " · "), " · ", width-2)
		for _, line := range strings.Split(wrapCell(text, width-2), "\n") {
			bw.WriteString("  " + line + "\n")
		}
	}
}

// countsText is a count row in words, the same counts as the table's.
func countsText(s Summary, e countExtras) string {
	parts := []string{
		plural(s.Steps, "step"),
		strconv.Itoa(s.Red) + " red", strconv.Itoa(s.Yellow) + " yellow", strconv.Itoa(s.Green) + " green", strconv.Itoa(s.Unrated) + " unrated",
		strconv.Itoa(s.CriticalAtRisk) + " critical at risk",
		"metrics met " + met(s),
		strconv.Itoa(s.Unowned) + " without owner",
	}
	if e.atRisk {
		parts = append(parts, strconv.Itoa(s.EntriesAtRisk)+" entries at risk")
	}
	if e.time && s.Timed > 0 {
		parts = append(parts, "time "+strings.ReplaceAll(cellTime(s), "\n", ", "))
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
func (e countExtras) mdHeader() string {
	h := ""
	if e.atRisk {
		h += " | Entries at risk"
	}
	if e.time {
		h += " | Time"
	}
	return h + " |"
}
