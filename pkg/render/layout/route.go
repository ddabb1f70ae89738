package layout

import (
	"math"
	"sort"

	"github.com/cxmap/cxmap/pkg/journey"
)

// MaxTracks caps the parallel arrows routed around the customer row; more
// arrows than this share tracks rather than push the rows apart.
const MaxTracks = 8

// flowEdge is a customer-flow arrow between two columns, with the track it
// runs on when it cannot go straight.
type flowEdge struct {
	from, to int // columns; -1 and len(steps) are the page's left and right edges
	above    bool
	straight bool
	track    int
	// other is the step on another page of a split that a stub leads to or
	// comes from (the edge then has one end at a page edge), or nil.
	other *journey.StepRef
}

// tracks are the routed flow arrows and how many tracks each side needs.
type tracks struct {
	edges        []flowEdge
	above, below int
}

// planTracks sorts the flow into straight arrows (to the next column),
// forward jumps routed above the customer row, and loops back routed below
// it, and gives each routed arrow a track no overlapping arrow uses.
func planTracks(j *journey.Journey, steps []journey.StepRef) tracks {
	col := make(map[string]int, len(steps))
	for i, s := range steps {
		col[s.ID] = i
	}
	order := map[string]int{} // position in the whole journey
	for i, s := range j.Steps() {
		order[s.ID] = i
	}
	left, right := -1, len(steps)
	var t tracks
	for _, e := range j.Flow() {
		a, ok1 := col[e.From]
		b, ok2 := col[e.To]
		switch {
		case ok1 && ok2:
			t.edges = append(t.edges, flowEdge{from: a, to: b, straight: b == a+1, above: b > a+1})
		case ok1:
			// Flow leaving the page: forward out of the right edge above
			// the row, backward out of the left edge below it, as the
			// arrows inside a page run.
			other, _ := j.Step(e.To)
			fwd := order[e.To] > order[e.From]
			end := right
			if !fwd {
				end = left
			}
			t.edges = append(t.edges, flowEdge{from: a, to: end, above: fwd, other: &other})
		case ok2:
			other, _ := j.Step(e.From)
			fwd := order[e.From] < order[e.To]
			end := left
			if !fwd {
				end = right
			}
			t.edges = append(t.edges, flowEdge{from: end, to: b, above: fwd, other: &other})
		}
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
		if e.other != nil {
			g.Edges = append(g.Edges, g.stub(e, steps, action, leg, outs, ins))
			continue
		}
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
	// One link per step and row, to the first (top) cell: cells stacked in
	// a lane share it, and a link into a lower one would cross the upper
	// cell and put an arrowhead in the gap between them.
	linked := map[[2]int]bool{}
	for _, c := range g.Cells {
		if c.Kind != CellTouchpoint && c.Kind != CellBackstage || linked[[2]int{c.Col, c.Row}] {
			continue
		}
		linked[[2]int{c.Col, c.Row}] = true
		a := action[c.Col]
		x := rd(a.X + a.W/2)
		g.Edges = append(g.Edges, Edge{Kind: EdgeLink, From: "action:" + c.Step, To: c.ID, Points: []Point{{x, rd(a.Y + a.H)}, {x, c.Y}}})
	}
}

// StubSize is the size of a stub's label.
const StubSize = 7.0

// stub draws flow to or from a step on another page of a split: from the
// step along its track to the page's edge (or back), labelled with the
// other step's id and stage, "→ id (Stage)" or "from id (Stage)". Forward
// flow runs above the customer row and leaves right or enters from the
// left; backward flow runs below it, leaving left or entering from the right.
func (g *Grid) stub(e flowEdge, steps []journey.StepRef, action map[int]Rect, leg func(map[[2]int]int, int, bool) float64, outs, ins map[[2]int]int) Edge {
	xl, xr := Margin+2, rd(colX(len(steps))-2)
	exit := e.from >= 0 && e.from < len(steps)
	col, end := e.to, e.from
	if exit {
		col, end = e.from, e.to
	}
	c := action[col]
	sign := 1.0
	if !e.above {
		sign = -1
	}
	var x, cy, ty float64
	if e.above {
		cy, ty = c.Y, rd(c.Y-TrackInset-float64(e.track)*TrackStep)
	} else {
		cy, ty = rd(c.Y+c.H), rd(c.Y+c.H+TrackInset+float64(e.track)*TrackStep)
	}
	if exit {
		x = rd(c.X + c.W/2 + sign*leg(outs, col, e.above))
	} else {
		x = rd(c.X + c.W/2 - sign*leg(ins, col, e.above))
	}
	xe := xl
	if end >= len(steps) {
		xe = xr
	}
	stage := ""
	if e.other.Stage != nil {
		stage = " (" + e.other.Stage.Name + ")"
	}
	var ed Edge
	if exit {
		ed = Edge{Kind: EdgeExit, From: "action:" + steps[col].ID, Note: g.loc.T("continues to: {x}", capText(e.other.Action)),
			Points: []Point{{x, cy}, {x, ty}, {xe, ty}}, Label: g.loc.T("→ {x}", e.other.ID+stage)}
	} else {
		ed = Edge{Kind: EdgeEntry, To: "action:" + steps[col].ID, Note: g.loc.T("continues from: {x}", capText(e.other.Action)),
			Points: []Point{{xe, ty}, {x, ty}, {x, cy}}, Label: g.loc.T("from {x}", e.other.ID+stage)}
	}
	ed.Other = e.other.ID
	if room := math.Max(80, math.Abs(x-xe)-8); g.tm.Width(ed.Label, StubSize, false) > room {
		ed.Label = g.tm.Ellipsize(ed.Label, room, StubSize, false)
	}
	w := rd(g.tm.Width(ed.Label, StubSize, false) + 2)
	lx := xe + 2
	if xe == xr {
		lx = xe - 2 - w
	}
	ly := ty - StubSize - 2
	if !e.above {
		ly = ty + 1
	}
	ed.LabelBox = Rect{X: rd(lx), Y: rd(ly), W: w, H: StubSize + 1}
	return ed
}
