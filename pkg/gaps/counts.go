package gaps

import (
	"bufio"
	"strconv"
	"strings"
)

// The count tables (per stage, and the portfolio) hold eight number
// columns whose headers alone take 74 columns. They are drawn in the first
// of three layouts that fits the width without breaking a word: the table
// with full headers, the table with short headers and a legend line under
// it, or one wrapped line of counts per row.

var countHeader = []string{"Steps", "Red", "Yellow", "Green", "Unrated", "Critical\nat risk", "Metrics\nmet", "Without\nowner"}

var shortCountHeader = []string{"Steps", "Red", "Yel", "Grn", "Unr", "Crit\nrisk", "Met", "No\nowner"}

const shortCountLegend = "Yel yellow · Grn green · Unr unrated · Crit risk: critical steps at risk · Met: metrics that meet their target · No owner: opportunities without an owner"

func countCells(s Summary) []string {
	return []string{strconv.Itoa(s.Steps), strconv.Itoa(s.Red), strconv.Itoa(s.Yellow), strconv.Itoa(s.Green),
		strconv.Itoa(s.Unrated), strconv.Itoa(s.CriticalAtRisk), met(s), strconv.Itoa(s.Unowned)}
}

// countRow is one row of a count table: its leading text cells (the stage
// name; the journey and its state) and its counts.
type countRow struct {
	lead    []string
	summary Summary
}

// renderCounts draws a count table. lead names the leading columns; the
// first of them wraps, the others are fixed.
func renderCounts(bw *bufio.Writer, lead []string, rows []countRow, width int) {
	wrap := []bool{true}
	for k, header := range [][]string{countHeader, shortCountHeader} {
		h := append(append([]string(nil), lead...), header...)
		cells := make([][]string, len(rows))
		for i, r := range rows {
			cells[i] = append(append([]string(nil), r.lead...), countCells(r.summary)...)
		}
		widths, fits := fitWidthsOK(h, cells, wrap, width)
		if !fits {
			continue
		}
		wrapCells(h, cells, wrap, widths)
		drawBox(bw, h, cells, widths, len(lead), nil)
		if k == 1 {
			bw.WriteString(wrapCell(joinWrapped(strings.Split(shortCountLegend, " · "), " · ", width), width) + "\n")
		}
		return
	}
	// One block per row: its leading cells, then its counts in words.
	bw.WriteString("By " + strings.ToLower(lead[0]) + ":\n")
	for _, r := range rows {
		head := strings.ReplaceAll(strings.Join(nonEmpty(r.lead), " · "), "\n", " · ")
		bw.WriteString(wrapCell(head, width) + "\n")
		text := joinWrapped(strings.Split(countsText(r.summary), " · "), " · ", width-2)
		for _, line := range strings.Split(wrapCell(text, width-2), "\n") {
			bw.WriteString("  " + line + "\n")
		}
	}
}

// countsText is a count row in words, the same counts as the table's.
func countsText(s Summary) string {
	parts := []string{
		plural(s.Steps, "step"),
		strconv.Itoa(s.Red) + " red", strconv.Itoa(s.Yellow) + " yellow", strconv.Itoa(s.Green) + " green", strconv.Itoa(s.Unrated) + " unrated",
		strconv.Itoa(s.CriticalAtRisk) + " critical at risk",
		"metrics met " + met(s),
		strconv.Itoa(s.Unowned) + " without owner",
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
