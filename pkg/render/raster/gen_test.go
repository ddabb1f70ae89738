package raster

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/goccy/go-graphviz"
)

var update = flag.Bool("update", false, "rewrite testdata/raster/*.json from the .dot files")

var (
	gvOnce sync.Once
	gv     *graphviz.Graphviz
	gvErr  error
	gvMu   sync.Mutex // go-graphviz has one WASM instance: serialise calls
)

// layoutJSON lays a DOT graph out with nop2 and returns Graphviz's json
// output, the input PNG and PDF consume. Tests use it only to make inputs.
func layoutJSON(tb testing.TB, dot []byte, format graphviz.Format) []byte {
	tb.Helper()
	ctx := context.Background()
	gvOnce.Do(func() { gv, gvErr = graphviz.New(ctx) })
	if gvErr != nil {
		tb.Fatal(gvErr)
	}
	gvMu.Lock()
	defer gvMu.Unlock()
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		tb.Fatal(err)
	}
	defer graph.Close()
	gv.SetLayout(graphviz.NOP2)
	var buf bytes.Buffer
	if err := gv.Render(ctx, graph, format, &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestGenerateGolden refreshes the json inputs (and writes an SVG of each
// to the temp dir, for comparing by eye) from the DOT files: go test ./pkg/raster -run
// Golden -update.
func TestGenerateGolden(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate")
	}
	if err := os.WriteFile("../../../testdata/raster/generated10.dot", swimlaneDOT(10), 0o644); err != nil {
		t.Fatal(err)
	}
	dots, _ := filepath.Glob("../../../testdata/raster/*.dot")
	for _, p := range dots {
		dot, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(p, ".dot")
		if err := os.WriteFile(base+".json", layoutJSON(t, dot, "json"), 0o644); err != nil {
			t.Fatal(err)
		}
		svg := filepath.Join(os.TempDir(), filepath.Base(base)+".svg")
		if err := os.WriteFile(svg, layoutJSON(t, dot, graphviz.SVG), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("reference SVG (not committed): %s", svg)
	}
}

// swimlaneDOT builds a service-blueprint-like graph of n steps with the
// features cxmap's renderer uses: pinned positions for nop2, filled
// cluster bands with bb, rounded fixed-size cells with HTML labels and
// rating badges, dashed lines between point nodes, and routed edges.
func swimlaneDOT(n int) []byte {
	const colW, cellW, cellH = 150.0, 130.0, 64.0
	lanes := []string{"Customer", "Frontstage", "App", "Backstage", "Support"}
	width := float64(n)*colW + 140
	var b strings.Builder
	b.WriteString("digraph G {\n graph [outputorder=edgesfirst sep=\"+2\" esep=\"+1\" fontname=Arial];\n")
	b.WriteString(" node [fontname=Arial fontsize=10 shape=box style=\"rounded,filled\" fixedsize=true margin=0];\n")
	b.WriteString(" edge [fontname=Arial arrowsize=0.7];\n")
	top := float64(len(lanes))*100 + 60
	fmt.Fprintf(&b, " subgraph cluster_stages { bb=\"0,%g,%g,%g\" style=filled fillcolor=\"#1f3a5f\" color=\"#1f3a5f\" label=<<B>Stages</B>> fontcolor=white labeljust=l; }\n", top, width, top+30)
	rating := []string{"#2e7d32", "#f9a825", "#c62828", "#9e9e9e"}
	words := []string{"GOOD", "OK", "BAD", "n/a"}
	for l, lane := range lanes {
		y0 := top - float64(l+1)*100
		fmt.Fprintf(&b, " subgraph cluster_l%d { bb=\"0,%g,%g,%g\" style=filled fillcolor=\"%s\" color=\"#d0d7e2\" label=<<B>%s</B>> fontsize=11 labeljust=l;\n",
			l, y0, width, y0+90, []string{"#eef3fb", "#f7f7f7"}[l%2], lane)
		for i := 0; i < n; i++ {
			x, y := 140+float64(i)*colW+colW/2, y0+45
			r := (i*7 + l*3) % 4
			fmt.Fprintf(&b, "  n%d_%d [pos=\"%g,%g\" width=%g height=%g fillcolor=white color=\"%s\" penwidth=1.5 label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\"><TR><TD ALIGN=\"LEFT\"><B>Step %d</B></TD><TD BGCOLOR=\"%s\"><FONT COLOR=\"white\" POINT-SIZE=\"8\">%s</FONT></TD></TR><TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"9\">Customer does thing %d</FONT><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"9\">in lane %s</FONT></TD></TR></TABLE>>];\n",
				l, i, x, y, cellW/72, cellH/72, rating[r], i+1, rating[r], words[r], i+1, lane)
		}
		b.WriteString(" }\n")
		if l == 0 || l == 2 {
			ly := y0 - 5
			fmt.Fprintf(&b, " la%d [pos=\"0,%g\" shape=point width=0.01 style=invis label=\"\"]; lb%d [pos=\"%g,%g\" shape=point width=0.01 style=invis label=\"\"];\n", l, ly, l, width, ly)
			fmt.Fprintf(&b, " la%d -> lb%d [dir=none style=dashed color=\"#555555\" pos=\"0,%g %g,%g %g,%g %g,%g\"];\n", l, l, ly, width/3, ly, 2*width/3, ly, width, ly)
		}
	}
	for l := range lanes {
		y := top - float64(l+1)*100 + 45
		for i := 0; i+1 < n; i++ {
			x0 := 140 + float64(i)*colW + colW/2 + cellW/2
			x1 := x0 + colW - cellW
			fmt.Fprintf(&b, " n%d_%d -> n%d_%d [pos=\"e,%g,%g %g,%g %g,%g %g,%g %g,%g\" color=\"#333333\"];\n",
				l, i, l, i+1, x1, y, x0, y, x0+(x1-x0-6)/3, y, x0+2*(x1-x0-6)/3, y, x1-6, y)
		}
	}
	for i := 0; i < n; i++ {
		x := 140 + float64(i)*colW + colW/2
		y0, y1 := top-100+45-cellH/2, top-200+45+cellH/2
		fmt.Fprintf(&b, " n0_%d -> n1_%d [pos=\"e,%g,%g %g,%g %g,%g %g,%g %g,%g\" color=\"#777777\" style=dotted];\n",
			i, i, x, y1, x, y0, x, y0-(y0-y1-6)/3, x, y0-2*(y0-y1-6)/3, x, y1+6)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}
