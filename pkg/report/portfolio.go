package report

import (
	"cmp"
	"path/filepath"
	"slices"

	"github.com/cxmap/cxmap/pkg/journey"
)

// PortfolioRow is one journey in the portfolio table.
type PortfolioRow struct {
	Path   string
	ID     string
	Title  string
	State  string
	Client string
	// Baseline is the journey's resolved `baseline` path ("" when none).
	Baseline string
	// Paired is true for a future state listed right under the current
	// state it improves on (see RankPortfolio).
	Paired bool
	// Group is the client the row is listed under: its own, or for a
	// paired future state its baseline's.
	Group   string
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

// RankPortfolio lists the journeys grouped by client, a future state right
// under the current state it improves on (docs/report.md, "Portfolio"):
//
//   - a future state is paired with the journey its `baseline` names when
//     that journey is in the report (paths compared as resolved); without
//     one, with the one current state of the same id, if there is one;
//   - groups are clients, the journeys without a client last; a paired
//     future state is in its baseline's group;
//   - within a group the current states (and future states not paired)
//     are worst first (see Worse), ties by path, each followed by its
//     future states in path order;
//   - groups are worst first by the sum of their current states, ties by
//     client name.
func RankPortfolio(js []JourneyReport) []PortfolioRow {
	rows := make([]PortfolioRow, len(js))
	byPath := make(map[string]int, len(js))
	byID := map[string][]int{}
	for i, j := range js {
		rows[i] = PortfolioRow{Path: j.Path, ID: j.ID, Title: j.Title, State: j.State, Client: j.Client, Baseline: j.Baseline, Summary: j.Summary}
		byPath[filepath.Clean(j.Path)] = i
		if j.State != journey.Future {
			byID[j.ID] = append(byID[j.ID], i)
		}
	}
	// parent[i] is the row a future state is listed under, or -1.
	parent := make([]int, len(rows))
	for i := range rows {
		parent[i] = -1
		r := &rows[i]
		if r.State != journey.Future {
			continue
		}
		if k, ok := byPath[r.Baseline]; ok && r.Baseline != "" && rows[k].State != journey.Future {
			parent[i] = k
		} else if ks := byID[r.ID]; len(ks) == 1 && r.Baseline == "" {
			parent[i] = ks[0]
		}
		r.Paired = parent[i] >= 0
	}
	type group struct {
		client string
		heads  []int
		sum    Summary
	}
	var groups []*group
	index := map[string]*group{}
	for i := range rows {
		if parent[i] >= 0 {
			continue
		}
		g := index[rows[i].Client]
		if g == nil {
			g = &group{client: rows[i].Client}
			index[g.client] = g
			groups = append(groups, g)
		}
		g.heads = append(g.heads, i)
		if rows[i].State != journey.Future {
			g.sum.add(rows[i].Summary)
		}
	}
	worstFirst := func(a, b int) int {
		return cmp.Or(Worse(rows[a].Summary, rows[b].Summary), cmp.Compare(rows[a].Path, rows[b].Path))
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		return cmp.Or(cmpBool(a.client == "", b.client == ""), Worse(a.sum, b.sum), cmp.Compare(a.client, b.client))
	})
	children := map[int][]int{}
	for i, p := range parent {
		if p >= 0 {
			children[p] = append(children[p], i)
		}
	}
	out := make([]PortfolioRow, 0, len(rows))
	for _, g := range groups {
		slices.SortStableFunc(g.heads, worstFirst)
		for _, h := range g.heads {
			rows[h].Group = g.client
			out = append(out, rows[h])
			kids := children[h]
			slices.SortStableFunc(kids, func(a, b int) int { return cmp.Compare(rows[a].Path, rows[b].Path) })
			for _, k := range kids {
				rows[k].Group = g.client
				out = append(out, rows[k])
			}
		}
	}
	return out
}

// hasClient reports whether any journey names its client: the portfolio
// is then grouped under client rows (table) or a Client column (Markdown).
func hasClient(rows []PortfolioRow) bool {
	for _, p := range rows {
		if p.Client != "" {
			return true
		}
	}
	return false
}

// clientCell is the client's name on the first row of its group, ""
// under it; "(no client)" heads the journeys without one.
func clientCell(rows []PortfolioRow, i int) string {
	if i > 0 && rows[i-1].Group == rows[i].Group {
		return ""
	}
	if rows[i].Group == "" {
		return noClient
	}
	return rows[i].Group
}

// noClient heads the journeys without a client.
const noClient = "(no client)"

// totalRow is a line under the portfolio: the journeys of one state added
// up.
type totalRow struct {
	label, state string
	summary      Summary
}

// totalRows adds up the current states ("All 3 journeys", as before when
// there is no future state) and, apart, the future states: a future state
// redesigns a current one, and adding the two would count the journey
// twice.
//
// Their time is left out ("–"): adding up the elapsed times of different
// journeys says nothing.
func (t words) totalRows(r *Report) []totalRow {
	total, totalFuture := r.Total, r.TotalFuture
	total.Timed, total.Duration, totalFuture.Timed, totalFuture.Duration = 0, 0, 0, 0
	current, future := 0, 0
	for _, j := range r.Journeys {
		if j.State == journey.Future {
			future++
		} else {
			current++
		}
	}
	if future == 0 {
		return []totalRow{{t.T("All {x} journeys", t.Int(current)), "", total}}
	}
	all := func(n int) string { return t.T("Total ({x})", t.N("{n} journeys", n)) }
	var out []totalRow
	if current > 0 {
		out = append(out, totalRow{all(current), journey.Current, total})
	}
	return append(out, totalRow{all(future), journey.Future, totalFuture})
}
