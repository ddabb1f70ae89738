package layout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/cxmap/cxmap/internal/golden"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/textmetrics"
)

func parse(t testing.TB, name string, data []byte) *journey.Journey {
	t.Helper()
	j, fs := journey.Parse(name, data)
	if j == nil {
		t.Fatalf("%s does not parse: %v", name, fs)
	}
	return j
}

func build(t testing.TB, j *journey.Journey, o Options) *Grid {
	t.Helper()
	g, err := Build(j, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// checkAligned asserts every cell sits exactly in its column and inside its
// row, and that no cell overlaps another.
func checkAligned(t *testing.T, g *Grid) {
	t.Helper()
	for _, c := range g.Cells {
		col, row := g.Columns[c.Col], g.Rows[c.Row]
		if c.X != col.X || c.W != col.W {
			t.Fatalf("cell %s at x=%v w=%v, its column %d is at x=%v w=%v", c.ID, c.X, c.W, c.Col, col.X, col.W)
		}
		if c.Y < row.Y-0.01 || c.Y+c.H > row.Y+row.H+0.01 {
			t.Fatalf("cell %s spans y %v..%v outside its row %v..%v", c.ID, c.Y, c.Y+c.H, row.Y, row.Y+row.H)
		}
		if c.Step != col.Step {
			t.Fatalf("cell %s of step %s stands in the column of %s", c.ID, c.Step, col.Step)
		}
		if c.Lane != row.Lane && (c.Kind == CellTouchpoint || c.Kind == CellBackstage) {
			t.Fatalf("cell %s of lane %s stands in row of lane %q", c.ID, c.Lane, row.Lane)
		}
		if c.X+c.W > g.Width || c.Y+c.H > g.Height {
			t.Fatalf("cell %s leaves the picture", c.ID)
		}
		// Nothing leaves its box: every line fits the text width.
		for _, l := range c.Text.Lines {
			if w := textmetrics.Width(l, c.Text.Size, c.Text.Bold); w > c.W-2*Pad {
				t.Fatalf("cell %s: line %q is %.1f pt, wider than the cell's text width", c.ID, l, w)
			}
		}
	}
	for i := 1; i < len(g.Columns); i++ {
		if d := g.Columns[i].X - g.Columns[i-1].X; d != ColW+ColGap {
			t.Fatalf("columns %d and %d are %v apart, want %v", i-1, i, d, ColW+ColGap)
		}
	}
	for i := 1; i < len(g.Rows); i++ {
		if g.Rows[i].Y < g.Rows[i-1].Y+g.Rows[i-1].H {
			t.Fatalf("row %d overlaps row %d", i, i-1)
		}
	}
}

func TestAlignmentAtScale(t *testing.T) {
	for _, n := range []int{1, 5, 50, 200} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			j := parse(t, "gen.yaml", testgen.Journey(int64(n), n))
			g := build(t, j, Options{})
			if len(g.Columns) != n {
				t.Fatalf("%d columns, want %d", len(g.Columns), n)
			}
			checkAligned(t, g)
			// One action cell per step, and every contact in a cell.
			want := 0
			for _, s := range j.Steps() {
				want += 1 + len(s.Touchpoints) + len(s.Backstage)
				if len(s.Evidence) > 0 {
					want++
				}
			}
			if len(g.Cells) != want {
				t.Fatalf("%d cells, want %d", len(g.Cells), want)
			}
		})
	}
}

const small = `cxmap: 1
id: small
title: Small
lanes:
  - {id: web, name: Web, zone: frontstage}
  - {id: unused, name: Unused, zone: frontstage}
  - {id: crm, name: CRM, zone: support}
stages:
  - id: one
    name: One
    steps:
      - id: a
        action: Does a
        touchpoints: [{lane: web, does: Shows a}]
        backstage: [{lane: crm, does: Stores a}]
      - id: b
        action: Does b
        touchpoints: [{lane: web, does: Shows b, rating: green}, {lane: web, does: Also b}]
  - id: two
    name: Two
    steps:
      - id: c
        action: Does c
        next: [a]
`

func TestRowsAndLines(t *testing.T) {
	g := build(t, parse(t, "small.yaml", []byte(small)), Options{})
	var kinds []string
	for _, r := range g.Rows {
		kinds = append(kinds, string(r.Kind)+":"+r.Lane)
	}
	// The unused lane and the evidence row are dropped; no emotion row.
	if got, want := strings.Join(kinds, " "), "customer: frontstage:web support:crm"; got != want {
		t.Fatalf("rows %q, want %q", got, want)
	}
	// Two lines: interaction between customer and web; between web and crm
	// (no backstage lane), one line named visibility.
	if len(g.Lines) != 2 || g.Lines[0].Kind != LineInteraction || g.Lines[1].Kind != LineVisibility {
		t.Fatalf("lines %+v", g.Lines)
	}
	between := func(l Line, a, b Row) bool { return l.Y > a.Y+a.H && l.Y < b.Y }
	if !between(g.Lines[0], g.Rows[0], g.Rows[1]) || !between(g.Lines[1], g.Rows[1], g.Rows[2]) {
		t.Fatalf("lines not between their rows: %+v rows %+v", g.Lines, g.Rows)
	}
	// b's two web touchpoints stack in one cell of the web row.
	var stacked []Cell
	for _, c := range g.Cells {
		if c.Step == "b" && c.Lane == "web" {
			stacked = append(stacked, c)
		}
	}
	if len(stacked) != 2 || stacked[1].Y <= stacked[0].Y+stacked[0].H-0.01 {
		t.Fatalf("b's web cells do not stack: %+v", stacked)
	}
	// Flow: a→b straight, b→c straight, c→a routed back below.
	var flows []string
	for _, e := range g.Edges {
		if e.Kind != EdgeLink {
			flows = append(flows, fmt.Sprintf("%s %s>%s", e.Kind, e.From, e.To))
		}
	}
	if got, want := strings.Join(flows, ", "), "flow action:a>action:b, flow action:b>action:c, back action:c>action:a"; got != want {
		t.Fatalf("flow %q, want %q", got, want)
	}
	// Links from each step down to its cells: a→web, a→crm, b→web once,
	// to the upper of its two stacked cells (an arrow into the lower one
	// would end in the gap between them).
	var links []string
	for _, e := range g.Edges {
		if e.Kind == EdgeLink {
			links = append(links, e.From+">"+e.To)
		}
	}
	if got, want := strings.Join(links, ", "), "action:a>touch:a:web:0, action:b>touch:b:web:0, action:a>back:a:crm:0"; got != want {
		t.Fatalf("links %q, want %q", got, want)
	}
}

func TestLinesOnlyWhereBothSidesExist(t *testing.T) {
	tests := []struct {
		lanes string
		want  []LineKind
	}{
		{"", nil},
		{"{id: l, name: L, zone: frontstage}", []LineKind{LineInteraction}},
		{"{id: l, name: L, zone: backstage}", []LineKind{LineVisibility}},
		{"{id: l, name: L, zone: support}", []LineKind{LineVisibility}},
	}
	for _, tt := range tests {
		src := "cxmap: 1\nid: x\ntitle: X\nlanes: [" + tt.lanes + "]\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: A\n"
		if tt.lanes != "" {
			zone := "touchpoints"
			if !strings.Contains(tt.lanes, "frontstage") {
				zone = "backstage"
			}
			src += "        " + zone + ": [{lane: l, does: D}]\n"
		}
		g := build(t, parse(t, "x.yaml", []byte(src)), Options{})
		var got []LineKind
		for _, l := range g.Lines {
			got = append(got, l.Kind)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("lanes %s: lines %v, want %v", tt.lanes, got, tt.want)
		}
	}
}

func TestWrapAndEllipsisInCells(t *testing.T) {
	long := strings.Repeat("A very long action that keeps going ", 20)
	src := "cxmap: 1\nid: x\ntitle: X\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: " + long + "\n"
	g := build(t, parse(t, "x.yaml", []byte(src)), Options{})
	c := g.Cells[0]
	if len(c.Text.Lines) != ActionLines || !c.Text.Truncated || !strings.HasSuffix(c.Text.Lines[ActionLines-1], textmetrics.Ellipsis) {
		t.Fatalf("long action not cut to %d lines with an ellipsis: %q", ActionLines, c.Text.Lines)
	}
	if c.Text.Full != strings.TrimSpace(long) && c.Text.Full != long {
		t.Fatalf("full text not kept for the tooltip: %q", c.Text.Full)
	}
	checkAligned(t, g)
}

func TestSplitStageKeepsRows(t *testing.T) {
	j := parse(t, "gen.yaml", testgen.Journey(7, 24))
	whole := build(t, j, Options{})
	for _, st := range Stages(j) {
		g := build(t, j, Options{Stage: st})
		if len(g.Rows) != len(whole.Rows) {
			t.Fatalf("stage %s: %d rows, whole journey has %d", st, len(g.Rows), len(whole.Rows))
		}
		for i := range g.Rows {
			a, b := g.Rows[i], whole.Rows[i]
			if a.Kind != b.Kind || a.Lane != b.Lane || a.H != b.H {
				t.Fatalf("stage %s row %d differs: %+v vs %+v", st, i, a, b)
			}
		}
		for _, c := range g.Columns {
			if c.Stage != st {
				t.Fatalf("stage %s shows step %s of stage %s", st, c.Step, c.Stage)
			}
		}
		checkAligned(t, g)
	}
	if _, err := Build(j, Options{Stage: "nope"}); err == nil {
		t.Fatal("unknown stage accepted")
	}
}

func TestEmotionRow(t *testing.T) {
	j := parse(t, "gen.yaml", testgen.Journey(3, 10))
	g := build(t, j, Options{})
	if g.Emotion == nil || g.Rows[0].Kind != RowEmotion || len(g.Emotion.Points) != 10 {
		t.Fatalf("no emotion row with 10 points: %+v", g.Emotion)
	}
	for _, p := range g.Emotion.Points {
		r := g.Rows[g.Emotion.Row]
		if p.At.Y < r.Y || p.At.Y > r.Y+r.H || (p.Value > 0) != (p.At.Y < g.Emotion.Zero) {
			t.Fatalf("emotion %d plotted at y=%v (zero %v, row %v..%v)", p.Value, p.At.Y, g.Emotion.Zero, r.Y, r.Y+r.H)
		}
	}
	if g := build(t, j, Options{NoEmotion: true}); g.Emotion != nil || g.Rows[0].Kind == RowEmotion {
		t.Fatal("--no-emotion kept the emotion row")
	}
}

// TestGolden compares the grid of each fixture with testdata/render/*.grid.json.
func TestGolden(t *testing.T) {
	files := golden.RenderFixtures(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := build(t, parse(t, f, data), Options{})
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(g); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, golden.RenderPath(f, ".grid.json"), buf.Bytes())
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10, 50, 200, 1000} {
		j := parse(b, "gen.yaml", testgen.Journey(1, n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Build(j, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSplitRowsAlignWithLongStageName: a stage name long enough to wrap the
// subtitle on its page must not move the rows of that page.
func TestSplitRowsAlignWithLongStageName(t *testing.T) {
	long := strings.Repeat("Very long stage name ", 6)
	src := "cxmap: 1\nid: x\ntitle: X\nclient: " + strings.Repeat("Client ", 10) + "\nstages:\n" +
		"  - id: a\n    name: A\n    steps: [{id: s1, action: One}]\n" +
		"  - id: b\n    name: " + long + "\n    steps: [{id: s2, action: Two}]\n"
	j := parse(t, "x.yaml", []byte(src))
	a, b := build(t, j, Options{Stage: "a"}), build(t, j, Options{Stage: "b"})
	if len(b.Title.Sub.Lines) <= len(a.Title.Sub.Lines) {
		t.Fatalf("test needs a longer subtitle on page b: %d vs %d lines", len(b.Title.Sub.Lines), len(a.Title.Sub.Lines))
	}
	if a.Rows[0].Y != b.Rows[0].Y {
		t.Fatalf("rows start at %v on page a, %v on page b", a.Rows[0].Y, b.Rows[0].Y)
	}
}

// Every flow edge with one end on a page is drawn there as a stub, on the
// side its direction says, labelled with the other step and its stage.
func TestSplitStubsEveryCrossingEdge(t *testing.T) {
	src := `cxmap: 1
id: t
title: T
stages:
  - id: a
    name: Alpha
    steps:
      - {id: a1, action: A one, next: [a2, b2]}
      - {id: a2, action: A two, next: [a1]}
  - id: b
    name: Beta
    steps:
      - {id: b1, action: B one}
      - {id: b2, action: B two, next: [a1, b1]}
`
	j := parse(t, "t.yaml", []byte(src))
	want := map[string][]string{
		// kind, step, label, side (L/R: the page-edge end), above/below
		"a": {"exit action:a1 → b2 (Beta) R above", "entry action:a1 from b2 (Beta) R below"},
		"b": {"entry action:b2 from a1 (Alpha) L above", "exit action:b2 → a1 (Alpha) L below"},
	}
	for st, w := range want {
		g := build(t, j, Options{Stage: st})
		var got []string
		for _, e := range g.Edges {
			if e.Kind != EdgeExit && e.Kind != EdgeEntry {
				continue
			}
			step, end, inner := e.From, e.Points[len(e.Points)-1], e.Points[0]
			if e.Kind == EdgeEntry {
				step, end, inner = e.To, e.Points[0], e.Points[len(e.Points)-1]
			}
			side := "L"
			if end.X > g.Columns[len(g.Columns)-1].X {
				side = "R"
			}
			pos := "above"
			if end.Y > inner.Y {
				pos = "below"
			}
			got = append(got, fmt.Sprintf("%s %s %s %s %s", e.Kind, step, e.Label, side, pos))
			if e.LabelBox.W <= 0 || e.LabelBox.X < 0 || e.LabelBox.X+e.LabelBox.W > g.Width {
				t.Errorf("page %s: stub label box %+v outside the page (width %v)", st, e.LabelBox, g.Width)
			}
		}
		if strings.Join(got, "; ") != strings.Join(w, "; ") {
			t.Errorf("page %s stubs:\n got %q\nwant %q", st, got, w)
		}
	}
}

// Rows sit at the same heights on every page of a split, for every example.
func TestSplitRowsIdenticalInExamples(t *testing.T) {
	paths := golden.RenderFixtures(t)
	if len(paths) < 3 {
		t.Fatalf("found only %d examples", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("\ncxmap-catalog:")) {
			continue // a catalog the examples share, not a journey
		}
		j := parse(t, p, data)
		var first *Grid
		for _, st := range Stages(j) {
			g := build(t, j, Options{Stage: st})
			if first == nil {
				first = g
				continue
			}
			if g.Height != first.Height {
				t.Errorf("%s: page %s is %v pt tall, page %s %v", p, st, g.Height, first.Stages[0].ID, first.Height)
			}
			for i := range g.Rows {
				if g.Rows[i].Y != first.Rows[i].Y || g.Rows[i].H != first.Rows[i].H {
					t.Errorf("%s: page %s row %d at y=%v h=%v, page %s at y=%v h=%v", p, st, i, g.Rows[i].Y, g.Rows[i].H, first.Stages[0].ID, first.Rows[i].Y, first.Rows[i].H)
				}
			}
		}
	}
}

// The legend explains only what the picture draws.
func TestLegendOnlyWhatIsDrawn(t *testing.T) {
	src := "cxmap: 1\nid: x\ntitle: X\nstages:\n  - id: a\n    name: A\n    steps:\n      - {id: s1, action: One}\n      - {id: s2, action: Two}\n"
	g := build(t, parse(t, "x.yaml", []byte(src)), Options{})
	var kinds []string
	for _, it := range g.Legend.Items {
		if it.Kind != LegendRating {
			kinds = append(kinds, string(it.Kind))
		}
	}
	if got := strings.Join(kinds, " "); got != "flow" {
		t.Fatalf("legend items %q, want only flow", got)
	}
}

// TestBuildStagesSameAsBuild: the shared work of a split gives the grids
// Build gives page by page.
func TestBuildStagesSameAsBuild(t *testing.T) {
	j, fs := journey.Parse("gen.yaml", testgen.Journey(7, 40))
	if j == nil {
		t.Fatal(fs)
	}
	var stages []string
	for _, st := range j.Stages {
		stages = append(stages, st.ID)
	}
	grids, err := BuildStages(j, Options{}, stages)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range stages {
		g, err := Build(j, Options{Stage: st})
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(g)
		b, _ := json.Marshal(grids[i])
		if !bytes.Equal(a, b) {
			t.Fatalf("stage %s: BuildStages differs from Build", st)
		}
	}
	if _, err := BuildStages(j, Options{}, []string{"nope"}); err == nil {
		t.Fatal("an unknown stage passes")
	}
}

// Stages lists the ids of the journey's stages (a test helper).
func Stages(j *journey.Journey) []string {
	var out []string
	for _, s := range j.Stages {
		out = append(out, s.ID)
	}
	return out
}
