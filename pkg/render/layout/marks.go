package layout

import (
	"math"

	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// MarkKind names a change a comparison picture marks (`cxmap diff -f svg`,
// docs/diff.md, "The picture").
type MarkKind string

// Kinds of mark.
const (
	// MarkNew outlines an added step's cells (or an added entry's cell, or
	// an added lane's header) and tags it "new".
	MarkNew MarkKind = "new"
	// MarkRemoved ghosts a removed step's cells (or a removed lane's
	// header): dashed outline, text greyed, tagged "removed".
	MarkRemoved MarkKind = "removed"
	// MarkChanged tags a cell whose text changed.
	MarkChanged MarkKind = "changed"
	// MarkWas tags a cell whose rating changed with the old rating's word,
	// beside the new rating's badge.
	MarkWas MarkKind = "was"
)

// MarkKinds are the kinds in the order the legend names them.
var MarkKinds = []MarkKind{MarkNew, MarkRemoved, MarkWas, MarkChanged}

// Change asks for one mark: on a step's cells (Lane ""), on one entry of a
// step (Lane and Index, the entry's place among the step's entries in that
// lane), on a lane's row header (Step ""), or on a stage's band (Stage).
type Change struct {
	Kind  MarkKind
	Stage string
	Step  string
	// Lane "" with a step: every cell of the step for MarkNew and
	// MarkRemoved, the action cell for MarkChanged and MarkWas.
	Lane string
	// Index is the entry within the lane (-1: every entry of the step in
	// that lane).
	Index int
	// Row names a row of text (CellEvidence, CellPains...) instead of
	// the action cell, for MarkChanged.
	Row CellKind
	// Rating is the old rating, for MarkWas; Tone says which way it went
	// ("improved", "regressed", "" when neither).
	Rating string
	Tone   string
	// Tag is the tag's words, in the picture's language ("new", "was
	// Unhappy"); "" for no tag on this cell (the outline only).
	Tag string
}

// MarkWords are the legend's words, in the picture's language.
type MarkWords struct {
	// Heading is the first line of the legend ("Changes from Permit
	// (current state): 2 improved, 1 regressed…").
	Heading string
	// Sample and Label, by kind: the tag shown and what it means.
	Sample map[MarkKind]string
	Label  map[MarkKind]string
}

// Marks are what a comparison picture draws over the blueprint, placed.
type Marks struct {
	// Outlines are the boxes drawn over cells and row headers: an added
	// one's outline, a removed one's ghost.
	Outlines []MarkBox `json:"outlines"`
	// Tags are the small labels ("new", "removed", "changed", "was
	// Unhappy").
	Tags   []MarkTag  `json:"tags"`
	Legend MarkLegend `json:"legend"`
}

// MarkBox is one outline or ghost over a cell (Cell its id), a row
// header (Cell "row:" and the lane id) or a stage band ("stage:" and the
// stage id).
type MarkBox struct {
	Kind MarkKind `json:"kind"`
	Cell string   `json:"cell"`
	Step string   `json:"step,omitempty"`
	Rect
}

// MarkTag is one tag: its words in a box of Size points.
type MarkTag struct {
	Kind   MarkKind `json:"kind"`
	Cell   string   `json:"cell"`
	Step   string   `json:"step,omitempty"`
	Word   string   `json:"word"`
	Rating string   `json:"rating,omitempty"`
	Tone   string   `json:"tone,omitempty"`
	Box    Rect     `json:"box"`
	Size   float64  `json:"size"`
}

// MarkLegend is the block under the blueprint's legend that names the
// marks: a heading line, then a sample of each mark used and its words.
type MarkLegend struct {
	Rect
	Heading Text             `json:"heading"`
	Items   []MarkLegendItem `json:"items"`
}

// MarkLegendItem is one mark's sample and words.
type MarkLegendItem struct {
	Kind   MarkKind `json:"kind"`
	Sample MarkTag  `json:"sample"`
	// Box is the sample outline the tag sits on (new, removed).
	Box    Rect    `json:"box"`
	Label  string  `json:"label"`
	At     Point   `json:"at"`
	LabelW float64 `json:"label_w"`
	Size   float64 `json:"size"`
}

// markInset is how far an outline stands outside its cell.
const markInset = 2.5

// tagH is the height of a tag, as a rating badge's.
const tagH = 12.0

// AddMarks places the marks of changes on the grid, and the legend that
// names them under the blueprint's legend (the picture grows to hold it).
// A change whose cell the grid does not have (a row not drawn) is left out.
func (g *Grid) AddMarks(changes []Change, words MarkWords) {
	m := &Marks{Outlines: []MarkBox{}, Tags: []MarkTag{}}
	used := map[MarkKind]bool{}
	// Tags already on a cell's top edge, so a second stands to the left
	// of the first.
	edge := map[string]float64{}
	topTag := func(k MarkKind, id, step string, r Rect, ch Change) {
		w := badgeWidth(g.metrics(), ch.Tag)
		right, ok := edge[id]
		if !ok {
			right = r.X + r.W - 6
		}
		box := Rect{X: rd(right - w), Y: rd(r.Y - tagH/2), W: w, H: tagH}
		edge[id] = right - w - 3
		m.Tags = append(m.Tags, MarkTag{Kind: k, Cell: id, Step: step, Word: ch.Tag, Rating: ch.Rating, Tone: ch.Tone, Box: box, Size: BadgeSize})
	}
	for _, ch := range changes {
		var cells []Cell
		switch {
		case ch.Stage != "":
			for _, b := range g.Stages {
				if b.ID == ch.Stage {
					id := "stage:" + ch.Stage
					m.Outlines = append(m.Outlines, MarkBox{Kind: ch.Kind, Cell: id, Rect: inflate(b.Rect, markInset)})
					if ch.Tag != "" {
						topTag(ch.Kind, id, "", Rect{X: b.X, Y: b.Y + tagH/2 + 1, W: b.W, H: b.H}, ch)
					}
					used[ch.Kind] = true
				}
			}
			continue
		case ch.Step == "" && ch.Lane != "":
			for _, r := range g.Rows {
				if r.Lane == ch.Lane {
					id := "row:" + ch.Lane
					m.Outlines = append(m.Outlines, MarkBox{Kind: ch.Kind, Cell: id, Rect: inflate(r.Header, markInset)})
					if ch.Tag != "" {
						topTag(ch.Kind, id, "", r.Header, ch)
					}
					used[ch.Kind] = true
				}
			}
			continue
		default:
			cells = g.cellsOf(ch)
		}
		for i, c := range cells {
			switch ch.Kind {
			case MarkNew, MarkRemoved:
				m.Outlines = append(m.Outlines, MarkBox{Kind: ch.Kind, Cell: c.ID, Step: c.Step, Rect: inflate(c.Rect, markInset)})
				// A step's tag goes on its first cell (the action's); an
				// entry's on each of its cells.
				if ch.Tag != "" && (i == 0 || ch.Lane != "") {
					topTag(ch.Kind, c.ID, c.Step, c.Rect, ch)
				}
			case MarkWas:
				g.wasTag(m, c, ch, topTag)
			case MarkChanged:
				topTag(ch.Kind, c.ID, c.Step, c.Rect, ch)
			}
			used[ch.Kind] = true
		}
	}
	g.placeMarkLegend(m, used, words)
	g.Marks = m
}

// wasTag puts the old rating's words right of the cell's badges when they
// fit there, else on the cell's top edge.
func (g *Grid) wasTag(m *Marks, c Cell, ch Change, topTag func(MarkKind, string, string, Rect, Change)) {
	if ch.Tag == "" {
		return
	}
	pad := g.Style.Pad
	x := c.X + pad
	if c.Badge != "" {
		x += math.Floor(c.BadgeW)
		if c.Critical {
			x += 4 + math.Floor(c.CriticalW)
		}
		for _, w := range c.TagsW {
			x += 3 + math.Floor(w)
		}
		x += 4
	}
	w := badgeWidth(g.metrics(), ch.Tag)
	if c.Badge == "" || x+w > c.X+c.W-pad {
		topTag(MarkWas, c.ID, c.Step, c.Rect, ch)
		return
	}
	m.Tags = append(m.Tags, MarkTag{Kind: MarkWas, Cell: c.ID, Step: c.Step, Word: ch.Tag, Rating: ch.Rating, Tone: ch.Tone,
		Box: Rect{X: rd(x), Y: rd(c.Y + pad), W: w, H: tagH}, Size: BadgeSize})
}

// cellsOf finds the cells a change marks, action cell first.
func (g *Grid) cellsOf(ch Change) []Cell {
	var out []Cell
	k := map[string]int{} // entries seen per lane
	for _, c := range g.Cells {
		if c.Step != ch.Step {
			continue
		}
		switch {
		case ch.Lane != "":
			if c.Lane != ch.Lane {
				continue
			}
			n := k[c.Lane]
			k[c.Lane]++
			if ch.Index >= 0 && n != ch.Index {
				continue
			}
		case ch.Kind == MarkNew || ch.Kind == MarkRemoved:
		case ch.Row != "":
			if c.Kind != ch.Row {
				continue
			}
		default:
			if c.Kind != CellAction {
				continue
			}
		}
		if c.Kind == CellAction {
			out = append([]Cell{c}, out...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

func inflate(r Rect, d float64) Rect {
	return Rect{X: rd(r.X - d), Y: rd(r.Y - d), W: rd(r.W + 2*d), H: rd(r.H + 2*d)}
}

// placeMarkLegend puts the heading and a sample of each mark used under
// the blueprint's legend, and grows the picture to hold them; none when
// words has none (a slide's picture: the slide names the marks).
func (g *Grid) placeMarkLegend(m *Marks, used map[MarkKind]bool, words MarkWords) {
	m.Legend.Items = []MarkLegendItem{}
	if words.Heading == "" && len(words.Label) == 0 {
		return
	}
	const lineH = 20.0
	// The block goes under the blueprint's legend and above the theme's
	// footer, which moves down under it.
	foot := g.Footer
	if foot != nil {
		g.Height = foot.Y - 4 + Margin
	}
	// Under what the picture draws (its legend, or its rows when a slide
	// took the legend off), keeping the picture's bottom margin.
	bottom := 0.0
	for _, r := range g.Rows {
		bottom = math.Max(bottom, r.Y+r.H)
	}
	if len(g.Legend.Items) > 0 {
		bottom = math.Max(bottom, g.Legend.Y+g.Legend.H)
	}
	margin := math.Max(g.Height-bottom, 0)
	y0 := bottom + 4
	avail := g.Width - 2*Margin
	heading := wrap(g.metrics(), words.Heading, avail, SubSize, true, 3)
	y := y0 + heading.height() + 6
	x := Margin
	maxX := Margin + widest(g.metrics(), heading)
	m.Legend.Items = []MarkLegendItem{}
	for _, k := range MarkKinds {
		if !used[k] {
			continue
		}
		sample := words.Sample[k]
		tw := badgeWidth(g.metrics(), sample)
		sw := tw
		if k == MarkNew || k == MarkRemoved {
			sw = tw + 14
		}
		label := words.Label[k]
		lw := g.metrics().Width(label, LegendSize, false)
		w := sw + 5 + lw
		if x > Margin && x+w > Margin+avail {
			x, y = Margin, y+lineH
		}
		it := MarkLegendItem{Kind: k, Label: label, LabelW: lw, Size: LegendSize,
			At: Point{X: rd(x + sw + 5), Y: rd(y + 12.5)}}
		it.Sample = MarkTag{Kind: k, Word: sample, Box: Rect{X: rd(x + (sw-tw)/2), Y: rd(y + 3), W: tw, H: tagH}, Size: BadgeSize}
		if k == MarkWas {
			it.Sample.Rating = "yellow"
		}
		if k == MarkNew || k == MarkRemoved {
			// The sample's outline stands round the tag, as on a cell.
			it.Box = Rect{X: rd(x), Y: rd(y + 3 + tagH/2), W: rd(sw), H: 10}
		}
		m.Legend.Items = append(m.Legend.Items, it)
		maxX = math.Max(maxX, x+w)
		x += w + 18
	}
	m.Legend.Heading = heading
	m.Legend.Rect = Rect{X: Margin, Y: rd(y0), W: rd(maxX - Margin), H: rd(y + lineH - y0)}
	g.Height = rd(y + lineH + margin)
	if foot != nil {
		foot.Y = rd(g.Height - Margin + 4)
		g.Height = rd(foot.Y + foot.H + Margin)
	}
	if maxX+Margin > g.Width {
		g.Width = rd(maxX + Margin)
	}
}

// metrics measures in the picture's font (the default when the grid was
// not laid out by Build).
func (g *Grid) metrics() *textmetrics.Metrics {
	if g.tm != nil {
		return g.tm
	}
	return textmetrics.Default()
}
