package raster

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/goccy/go-graphviz"
)

var update = flag.Bool("update", false, "rewrite testdata/raster/*.json from the .dot files")

// layoutJSON lays a DOT graph out with nop2 and returns Graphviz's json
// output, the input PNG and PDF consume.
func layoutJSON(tb testing.TB, dot []byte) []byte {
	tb.Helper()
	ctx := context.Background()
	g, err := graphviz.New(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer g.Close()
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		tb.Fatal(err)
	}
	defer graph.Close()
	g.SetLayout(graphviz.NOP2)
	var buf bytes.Buffer
	if err := g.Render(ctx, graph, graphviz.Format("json"), &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGenerateGolden(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate")
	}
	dots, _ := filepath.Glob("../../testdata/raster/*.dot")
	for _, p := range dots {
		dot, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out := layoutJSON(t, dot)
		if err := os.WriteFile(p[:len(p)-4]+".json", out, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		g, _ := graphviz.New(ctx)
		graph, _ := graphviz.ParseBytes(dot)
		g.SetLayout(graphviz.NOP2)
		var svg bytes.Buffer
		if err := g.Render(ctx, graph, graphviz.SVG, &svg); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/"+filepath.Base(p)+".svg", svg.Bytes(), 0o644)
	}
}
