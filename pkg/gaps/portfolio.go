package gaps

import "sort"

// PortfolioRow is one journey in the portfolio table.
type PortfolioRow struct {
	Path    string
	ID      string
	Title   string
	State   string
	Summary Summary
}

// Worse compares two summaries: negative when a needs attention before b,
// positive when after, 0 when they tie. More
// critical steps at risk first, then more red steps, then more yellow, then
// more unrated, then more opportunities without an owner, then by path (so
// the order is total and stable). Counts, not shares, because a consultant
// starts with the largest number of unhappy moments, whatever the journey's
// length.
func Worse(a, b Summary) int {
	for _, d := range [...]int{
		b.CriticalAtRisk - a.CriticalAtRisk,
		b.Red - a.Red,
		b.Yellow - a.Yellow,
		b.Unrated - a.Unrated,
		b.Unowned - a.Unowned,
	} {
		if d != 0 {
			return d
		}
	}
	return 0
}

// RankPortfolio lists the journeys worst first (see Worse), ties by path.
func RankPortfolio(js []JourneyReport) []PortfolioRow {
	rows := make([]PortfolioRow, 0, len(js))
	for _, j := range js {
		rows = append(rows, PortfolioRow{Path: j.Path, ID: j.ID, Title: j.Title, State: j.State, Summary: j.Summary})
	}
	sort.SliceStable(rows, func(i, k int) bool {
		if d := Worse(rows[i].Summary, rows[k].Summary); d != 0 {
			return d < 0
		}
		return rows[i].Path < rows[k].Path
	})
	return rows
}
