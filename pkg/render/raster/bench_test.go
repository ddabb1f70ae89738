package raster

import (
	"fmt"
	"io"
	"sync"
	"testing"
)

// Benchmarks on generated swimlanes (5 lanes, n steps, 150 pt a column):
//
//	go test ./pkg/raster -run '^$' -bench . -benchmem
//
// PNG runs at scale 2 up to 50 steps; a 200-step picture is 30,000 pt wide,
// which at scale 2 exceeds MaxSide, so it runs at scale 1. EndToEnd
// includes Graphviz (nop2 layout + json) on the DOT.

var benchSizes = []int{10, 50, 200}

var (
	benchMu   sync.Mutex
	benchJSON = map[int][]byte{}
)

func benchInput(b *testing.B, n int) []byte {
	benchMu.Lock()
	defer benchMu.Unlock()
	if j, ok := benchJSON[n]; ok {
		return j
	}
	j := layoutJSON(b, swimlaneDOT(n), "json")
	benchJSON[n] = j
	return j
}

func benchScale(n int) float64 {
	if n > 100 {
		return 1
	}
	return 2
}

func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes {
		in := benchInput(b, n)
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := Parse(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPNG(b *testing.B) {
	for _, n := range benchSizes {
		in := benchInput(b, n)
		b.Run(fmt.Sprintf("steps=%d/scale=%g", n, benchScale(n)), func(b *testing.B) {
			for b.Loop() {
				if err := PNG(io.Discard, in, benchScale(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	for _, n := range benchSizes {
		in := benchInput(b, n)
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := PDF(io.Discard, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEndToEnd is DOT → Graphviz json → PNG at scale 2 (1 for 200
// steps), the path `cxmap render -f png` takes after layout.
func BenchmarkEndToEnd(b *testing.B) {
	for _, n := range benchSizes {
		dot := swimlaneDOT(n)
		b.Run(fmt.Sprintf("steps=%d/scale=%g", n, benchScale(n)), func(b *testing.B) {
			for b.Loop() {
				if err := PNG(io.Discard, layoutJSON(b, dot, "json"), benchScale(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExample draws the building-permit example (16 cells, 5 steps)
// as cxmap renders it.
func BenchmarkExample(b *testing.B) {
	in := readGolden(b, "permit.json")
	b.Run("png/scale=2", func(b *testing.B) {
		for b.Loop() {
			if err := PNG(io.Discard, in, 2); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := PDF(io.Discard, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
