package draw

import (
	"bytes"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
)

var (
	nodeRe  = regexp.MustCompile(`(?s)<g id="[^"]*" class="node">\s*<title>([^<]*)</title>(.*?)</g>\n(?:</g>\n)?`)
	numRe   = regexp.MustCompile(`-?\d+(?:\.\d+)?`)
	shapeRe = regexp.MustCompile(`\s(?:points|d)="([^"]*)"`)
	textRe  = regexp.MustCompile(`<text[^>]* x="(-?[\d.]+)" y="(-?[\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>`)
)

// TestTextStaysInCells draws every example and fixture with every optional
// row and checks, in the SVG Graphviz wrote, that each text line of a
// cell, the new rows' included, stands inside its cell's box.
func TestTextStaysInCells(t *testing.T) {
	paths := golden.RenderFixtures(t)
	night, err := theme.Load("../../../examples/themes/night.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	// Every fixture in the default font; the largest and the hostile one
	// also in a theme's font (Go, wider than Arial).
	type run struct {
		path  string
		theme *theme.Theme
	}
	var runs []run
	for _, p := range paths {
		runs = append(runs, run{p, nil})
		if strings.Contains(p, "building-permit") || strings.Contains(p, "hostile") {
			runs = append(runs, run{p, night})
		}
	}
	for _, r := range runs {
		p := r.path
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("\ncxmap-catalog:")) {
			continue
		}
		j, fs := journey.Parse(p, data)
		if j == nil {
			t.Fatalf("%s: %v", p, fs)
		}
		g, err := layout.Build(j, layout.Options{Rows: layout.RowNames(), Theme: r.theme})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]bool{}
		for _, c := range g.Cells {
			kinds[string(c.Kind)] = true
		}
		out := svg(t, g)
		for _, m := range nodeRe.FindAllSubmatch(out, -1) {
			id := strings.ReplaceAll(string(m[1]), "&#45;", "-")
			if !strings.Contains(id, ":") || strings.HasPrefix(id, "legend") || strings.HasPrefix(id, "line") || strings.HasPrefix(id, "emotion") || strings.HasPrefix(id, "stub") || strings.HasPrefix(id, "corner") {
				continue
			}
			sh := shapeRe.FindSubmatch(m[2])
			if sh == nil {
				continue
			}
			x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			nums := numRe.FindAll(sh[1], -1)
			for i := 0; i+1 < len(nums); i += 2 {
				x, _ := strconv.ParseFloat(string(nums[i]), 64)
				y, _ := strconv.ParseFloat(string(nums[i+1]), 64)
				x0, x1, y0, y1 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y), math.Max(y1, y)
			}
			for _, tm := range textRe.FindAllSubmatch(m[2], -1) {
				x, _ := strconv.ParseFloat(string(tm[1]), 64)
				y, _ := strconv.ParseFloat(string(tm[2]), 64)
				size, _ := strconv.ParseFloat(string(tm[3]), 64)
				checked++
				// The baseline, and the capitals above it, inside the box.
				if x < x0 || y > y1 || y-0.72*size < y0 {
					t.Errorf("%s: %s: text at %v,%v (size %v) outside its box %v,%v-%v,%v", p, id, x, y, size, x0, y0, x1, y1)
				}
			}
		}
		for _, k := range []layout.CellKind{layout.CellPains, layout.CellOpportunities, layout.CellMetrics, layout.CellQuotes, layout.CellTime} {
			if strings.Contains(p, "building-permit") && !kinds[string(k)] {
				t.Errorf("%s: no %s cell drawn with every row", p, k)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("checked only %d texts", checked)
	}
	t.Logf("%d texts checked in %d files", checked, len(paths))
}

// Every legend item has its sample drawn, whatever its kind.
func TestLegendSamplesDrawn(t *testing.T) {
	data, err := os.ReadFile("../../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	small := []byte("cxmap: 1\nid: x\ntitle: X\npersonas: [{id: a, name: A}, {id: b, name: B}]\nstages:\n  - id: s\n    name: S\n    steps:\n      - {id: one, action: One, emotion: 1, personas: [a]}\n")
	for name, src := range map[string][]byte{"../../../examples/insurance-claim.yaml": data, "small.yaml": small} {
		g := grid(t, name, src, layout.Options{})
		dot := DOT(g)
		kinds := map[layout.LegendKind]bool{}
		for i, it := range g.Legend.Items {
			kinds[it.Kind] = true
			id := "legend:" + strconv.Itoa(i)
			if !bytes.Contains(dot, []byte(strconv.Quote(id)+" [")) && !bytes.Contains(dot, []byte(strconv.Quote(id+":a")+" -> ")) {
				t.Errorf("%s: legend item %d (%s) has no sample", name, i, it.Kind)
			}
		}
		if name == "small.yaml" && (!kinds[layout.LegendEmotionPoint] || !kinds[layout.LegendPersona]) {
			t.Errorf("small.yaml: legend kinds %v, want an emotion point and a persona tag", kinds)
		}
		if name != "small.yaml" && !kinds[layout.LegendEmotion] {
			t.Errorf("%s: no emotion curve in the legend", name)
		}
	}
}
