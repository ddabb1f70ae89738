package layout

import (
	"sort"

	"github.com/cxmap/cxmap/pkg/journey"
)

// MaxTracks caps the parallel arrows routed around the customer row; more
// arrows than this share tracks rather than push the rows apart.
const MaxTracks = 8

// flowEdge is a customer-flow arrow between two columns, with the track it
// runs on when it cannot go straight.
type flowEdge struct {
	from, to int // columns
	above    bool
	straight bool
	track    int
}

// tracks are the routed flow arrows and how many tracks each side needs.
type tracks struct {
	edges        []flowEdge
	above, below int
	// exits and entries are flow to or from steps not on this page: the
	// step's column and the other step.
	exits, entries []stub
}

type stub struct {
	col   int
	other journey.StepRef
}

// planTracks sorts the flow into straight arrows (to the next column),
// forward jumps routed above the customer row, and loops back routed below
// it, and gives each routed arrow a track no overlapping arrow uses.
func planTracks(j *journey.Journey, steps []journey.StepRef) tracks {
	col := make(map[string]int, len(steps))
	for i, s := range steps {
		col[s.ID] = i
	}
	var t tracks
	for _, e := range j.Flow() {
		a, ok1 := col[e.From]
		b, ok2 := col[e.To]
		switch {
		case ok1 && !ok2 && a == len(steps)-1:
			other, _ := j.Step(e.To)
			t.exits = append(t.exits, stub{a, other})
			continue
		case !ok1 && ok2 && b == 0:
			other, _ := j.Step(e.From)
			t.entries = append(t.entries, stub{b, other})
			continue
		case !ok1 || !ok2:
			continue // between other pages, or not from an edge column
		}
		t.edges = append(t.edges, flowEdge{from: a, to: b, straight: b == a+1, above: b > a+1})
	}
	for _, above := range []bool{true, false} {
		var idx []int
		for i, e := range t.edges {
			if !e.straight && e.above == above {
				idx = append(idx, i)
			}
		}
		// Short arrows first, so they take the tracks nearest the row.
		sort.SliceStable(idx, func(x, y int) bool {
			ex, ey := t.edges[idx[x]], t.edges[idx[y]]
			lx, ly := span(ex), span(ey)
			if lx != ly {
				return lx < ly
			}
			return lo(ex) < lo(ey)
		})
		var used [][][2]int // per track, the spans on it
		n := 0
		for _, i := range idx {
			e := &t.edges[i]
			k := 0
			for ; k < len(used); k++ {
				if !overlaps(used[k], e) {
					break
				}
			}
			if k >= MaxTracks {
				k = (lo(*e) + span(*e)) % MaxTracks
			}
			for len(used) <= k {
				used = append(used, nil)
			}
			used[k] = append(used[k], [2]int{lo(*e), lo(*e) + span(*e)})
			e.track = k
			if k+1 > n {
				n = k + 1
			}
		}
		if above {
			t.above = n
		} else {
			t.below = n
		}
	}
	return t
}

func lo(e flowEdge) int {
	if e.from < e.to {
		return e.from
	}
	return e.to
}

func span(e flowEdge) int {
	if e.from < e.to {
		return e.to - e.from
	}
	return e.from - e.to
}

func overlaps(spans [][2]int, e *flowEdge) bool {
	a, b := lo(*e), lo(*e)+span(*e)
	for _, s := range spans {
		if a <= s[1] && s[0] <= b {
			return true
		}
	}
	return false
}

// route draws the flow arrows along their tracks and the links from each
// step down to the cells that serve it.
func (g *Grid) route(steps []journey.StepRef, t tracks) {
	g.Edges = []Edge{}
	action := map[int]Rect{}
	for _, c := range g.Cells {
		if c.Kind == CellAction {
			action[c.Col] = c.Rect
		}
	}
	// How many routed legs already leave or enter each cell on each side.
	outs, ins := map[[2]int]int{}, map[[2]int]int{}
	leg := func(m map[[2]int]int, col int, above bool) float64 {
		side := 0
		if above {
			side = 1
		}
		k := m[[2]int{col, side}]
		m[[2]int{col, side}] = k + 1
		off := ArrowOffset + float64(k%8)*5
		return off
	}
	for _, e := range t.edges {
		a, b := action[e.from], action[e.to]
		from, to := "action:"+steps[e.from].ID, "action:"+steps[e.to].ID
		switch {
		case e.straight:
			y := rd(a.Y + a.H/2)
			g.Edges = append(g.Edges, Edge{Kind: EdgeFlow, From: from, To: to, Points: []Point{{rd(a.X + a.W), y}, {rd(b.X), y}}})
		case e.above:
			ty := rd(a.Y - TrackInset - float64(e.track)*TrackStep)
			x0 := rd(a.X + a.W/2 + leg(outs, e.from, true))
			x1 := rd(b.X + b.W/2 - leg(ins, e.to, true))
			g.Edges = append(g.Edges, Edge{Kind: EdgeFlow, From: from, To: to, Points: []Point{{x0, a.Y}, {x0, ty}, {x1, ty}, {x1, b.Y}}})
		default:
			ty := rd(a.Y + a.H + TrackInset + float64(e.track)*TrackStep)
			x0 := rd(a.X + a.W/2 - leg(outs, e.from, false))
			x1 := rd(b.X + b.W/2 + leg(ins, e.to, false))
			g.Edges = append(g.Edges, Edge{Kind: EdgeBack, From: from, To: to, Points: []Point{{x0, rd(a.Y + a.H)}, {x0, ty}, {x1, ty}, {x1, rd(b.Y + b.H)}}})
		}
	}
	// Stubs at the page's edges for flow to and from other stages.
	for i, s := range t.exits {
		a := action[s.col]
		y := rd(a.Y + a.H/2 + float64(i)*6)
		g.Edges = append(g.Edges, Edge{Kind: EdgeExit, From: "action:" + steps[s.col].ID, Note: "continues to: " + s.other.Action,
			Points: []Point{{rd(a.X + a.W), y}, {rd(a.X + a.W + ColGap), y}}})
	}
	for i, s := range t.entries {
		b := action[s.col]
		y := rd(b.Y + b.H/2 + float64(i)*6)
		g.Edges = append(g.Edges, Edge{Kind: EdgeEntry, To: "action:" + steps[s.col].ID, Note: "continues from: " + s.other.Action,
			Points: []Point{{rd(b.X - HeaderGap), y}, {rd(b.X), y}}})
	}
	for _, c := range g.Cells {
		if c.Kind != CellTouchpoint && c.Kind != CellBackstage {
			continue
		}
		a := action[c.Col]
		x := rd(a.X + a.W/2)
		g.Edges = append(g.Edges, Edge{Kind: EdgeLink, From: "action:" + c.Step, To: c.ID, Points: []Point{{x, rd(a.Y + a.H)}, {x, c.Y}}})
	}
}
