package layout

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/theme"
)

func TestParseRows(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want []string
		err  string
	}{
		{in: nil, want: []string{}},
		{in: []string{"none"}, want: []string{}},
		{in: []string{"pains", "time", "pains"}, want: []string{"pains", "time"}},
		{in: []string{"all"}, want: RowNames()},
		{in: []string{"quote"}, err: `did you mean "quotes"?`},
		{in: []string{"swimlanes"}, err: `is not one of time, pains, quotes, opportunities, metrics, all, none`},
	} {
		got, err := ParseRows(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseRows(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseRows(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if !reflect.DeepEqual(DefaultRows(), []string{"time"}) {
		t.Errorf("default rows %q, want time only", DefaultRows())
	}
}

const rowsSrc = `cxmap: 1
id: x
title: X
personas:
  - {id: a, name: Ann}
  - {id: b, name: Bo}
lanes:
  - {id: web, name: Web, zone: frontstage}
  - {id: ops, name: Ops, zone: backstage}
stages:
  - id: s
    name: S
    steps:
      - id: one
        action: One
        duration: 3w
        emotion: 1
        personas: [b]
        pains: [Slow]
        quotes: [{text: Too slow, persona: b}]
        opportunities: [{idea: Faster, owner: ops, priority: high}]
        metrics: [{name: Days, current: 20, target: 5, better: lower}]
        touchpoints: [{lane: web, does: Shows}]
      - id: two
        action: Two
        duration: 2d
        backstage: [{lane: ops, does: Runs}]
`

// The optional rows stand where docs/rendering.md says, with what the
// steps hold; persona tags, the title's personas and the legend follow.
func TestOptionalRows(t *testing.T) {
	j := parse(t, "x.yaml", []byte(rowsSrc))
	kinds := func(g *Grid) string {
		var out []string
		for _, r := range g.Rows {
			out = append(out, string(r.Kind))
		}
		return strings.Join(out, " ")
	}
	if got := kinds(build(t, j, Options{Rows: DefaultRows()})); got != "time emotion customer frontstage backstage" {
		t.Errorf("default rows %q", got)
	}
	// The zero value draws no optional row (decks build grids with it).
	if got := kinds(build(t, j, Options{})); got != "emotion customer frontstage backstage" {
		t.Errorf("zero options: rows %q", got)
	}
	g := build(t, j, Options{Rows: RowNames()})
	if got := kinds(g); got != "time emotion customer frontstage backstage pains quotes opportunities metrics" {
		t.Errorf("every row: rows %q", got)
	}
	text := map[string]string{}
	for _, c := range g.Cells {
		text[c.ID] = strings.Join(c.Text.Lines, " ")
	}
	for id, want := range map[string]string{
		"time:one":          "3w · total 3w",
		"time:two":          "2d · total 3w 2d",
		"pains:one":         "• Slow",
		"quotes:one":        "“Too slow” — Bo",
		"opportunities:one": "• Faster (high, ops)",
		"metrics:one":       "• Days: now 20, target ≤ 5, 15 to go",
	} {
		if text[id] != want {
			t.Errorf("%s shows %q, want %q", id, text[id], want)
		}
	}
	if !strings.Contains(strings.Join(g.Title.Sub.Lines, " "), "Personas: P1 Ann; P2 Bo") {
		t.Errorf("title %q does not name every persona", g.Title.Sub.Lines)
	}
	for _, c := range g.Cells {
		if c.ID == "action:one" && !reflect.DeepEqual(c.Tags, []string{"P2"}) {
			t.Errorf("action:one tags %q, want P2", c.Tags)
		}
		if c.ID == "action:two" && len(c.Tags) != 0 {
			t.Errorf("action:two is taken by everyone, tags %q", c.Tags)
		}
	}
	var legend []string
	for _, it := range g.Legend.Items {
		legend = append(legend, string(it.Kind)+":"+string(it.Line))
	}
	// One rating word (Not rated), no critical, no loop back; one line;
	// one emotion value is a point.
	if got := strings.Join(legend, " "); got != "rating: flow: link: persona: line:interaction line:visibility emotion-point:" {
		t.Errorf("legend %q", got)
	}
}

// Every line of every cell, the optional rows' included, fits its cell's
// width and the cell's height holds its badge and lines: in the default
// font and in a theme's (the Go font of examples/themes/night.yaml, wider
// than Arial), each measured in its own font.
func TestCellTextFits(t *testing.T) {
	night, err := theme.Load("../../../examples/themes/night.yaml")
	if err != nil {
		t.Fatal(err)
	}
	goFont, err := textmetrics.Load(night.Font.Regular, night.Font.Bold)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		theme *theme.Theme
		tm    *textmetrics.Metrics
	}{{"default", nil, textmetrics.Default()}, {"night", night, goFont}} {
		n, rewrapped := 0, 0
		for _, p := range golden.RenderFixtures(t) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "\ncxmap-catalog:") {
				continue
			}
			j := parse(t, p, data)
			g := build(t, j, Options{Rows: RowNames(), Theme: tc.theme})
			plain := build(t, j, Options{Rows: RowNames()})
			for i, c := range g.Cells {
				h := 2*Pad + float64(len(c.Text.Lines))*textmetrics.LineHeight(c.Text.Size)
				if c.Badge != "" {
					h += BadgeH + Pad - 1
				}
				if h > c.H+0.01 {
					t.Errorf("%s: %s: %s needs %v pt, has %v", tc.name, p, c.ID, h, c.H)
				}
				for _, l := range c.Text.Lines {
					n++
					if w := tc.tm.Width(l, c.Text.Size, c.Text.Bold); w > c.W-2*Pad {
						t.Errorf("%s: %s: %s line %q is %v pt wide in %v", tc.name, p, c.ID, l, w, c.W-2*Pad)
					}
				}
				if !reflect.DeepEqual(c.Text.Lines, plain.Cells[i].Text.Lines) {
					rewrapped++
				}
			}
		}
		if n < 500 {
			t.Fatalf("%s: only %d lines checked", tc.name, n)
		}
		// A wider font wraps differently; the default is the default.
		if (tc.theme != nil) != (rewrapped > 0) {
			t.Errorf("%s: %d cells wrapped differently from the default font", tc.name, rewrapped)
		}
	}
}

// Every label cut is recorded with where it is written, once.
func TestCutsRecorded(t *testing.T) {
	long := strings.Repeat("word ", 60)
	src := "cxmap: 1\nid: x\ntitle: X\nstages:\n  - id: s\n    name: " + long + "\n    steps:\n" +
		"      - id: a\n        action: " + long + "\n        evidence: [one, two, three, four, five]\n        pains: [" + long + "]\n"
	j := parse(t, "x.yaml", []byte(src))
	g := build(t, j, Options{Rows: RowNames()})
	var got []string
	for _, c := range g.Cuts {
		got = append(got, strconv.Itoa(c.Line)+":"+strconv.Itoa(c.Col)+" "+c.Msg)
	}
	want := []string{
		`6:11 name of stage "s" is cut on the diagram after 1 line`,
		`10:43 evidence "five" of step "a" is left off the diagram: its cell shows 4 lines`,
		`9:17 action of step "a" is cut on the diagram after 5 lines`,
		`11:17 pain "word word word word word word word word…" of step "a" is cut on the diagram after 4 lines`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cuts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g2 := build(t, j, Options{}); len(g2.Cuts) != 3 {
		t.Errorf("without the pains row, %d cuts, want 3", len(g2.Cuts))
	}
}
