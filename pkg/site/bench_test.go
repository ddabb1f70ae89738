package site

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// BenchmarkWritePages measures the pages alone (New and Write) over a
// generated portfolio of CXMAP_BENCH_JOURNEYS journeys (default 200) of 50
// steps, with one drawing reused for every journey, so Graphviz is left out:
//
//	go test ./pkg/site -run '^$' -bench WritePages -benchtime 1x
func BenchmarkWritePages(b *testing.B) {
	n := 200
	if v, err := strconv.Atoi(os.Getenv("CXMAP_BENCH_JOURNEYS")); err == nil && v > 0 {
		n = v
	}
	var ins []Input
	for i := range n {
		j, fs := journey.Parse(fmt.Sprintf("journey-%04d.yaml", i), testgen.Journey(int64(i), 50))
		if j == nil {
			b.Fatal(fs)
		}
		Compact(j)
		ins = append(ins, Input{Path: j.Path, Journey: j})
	}
	bp, err := Options{}.LayOut(ins[0].Journey)
	if err != nil {
		b.Fatal(err)
	}
	stub := func(*journey.Journey) (*Blueprint, error) { return bp, nil }
	dir := b.TempDir()
	b.ResetTimer()
	for range b.N {
		s := New(ins, Options{Layout: stub}, nil)
		if err := s.Write(dir, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlueprintSVG measures one 50-step blueprint, layout and drawing
// (draw.SVGDirect; Graphviz took about 0.1 s CPU for the same), the whole
// journey only:
//
//	go test ./pkg/site -run '^$' -bench BlueprintSVG
func BenchmarkBlueprintSVG(b *testing.B) {
	j, fs := journey.Parse("journey.yaml", testgen.Journey(1, 50))
	if j == nil {
		b.Fatal(fs)
	}
	for range b.N {
		if _, err := blueprintSVG(j); err != nil {
			b.Fatal(err)
		}
	}
}

// blueprintSVG lays out and draws the whole journey's blueprint.
func blueprintSVG(j *journey.Journey) ([]byte, error) {
	g, err := layout.Build(j, layout.Options{Rows: layout.DefaultRows()})
	if err != nil {
		return nil, err
	}
	return DrawGrid(g)
}
