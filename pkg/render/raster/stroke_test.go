package raster

import (
	"math"
	"testing"
)

func TestPieces(t *testing.T) {
	line := []Point{{0, 0}, {100, 0}}
	tests := []struct {
		name    string
		pl      []Point
		pattern []float64
		runs    int
		inked   float64
	}{
		{"short solid line is one run", line, nil, 1, 100},
		{"dashes 5 on 2 off", line, []float64{5, 2}, 15, 14*5 + 2},
		{"dots 1 on 5 off", line, []float64{1, 5}, 17, 17},
		{"long solid line is cut", []Point{{0, 0}, {3000, 0}}, nil, 3, 3000},
		{"dash continues round a corner", []Point{{0, 0}, {3, 0}, {3, 3}}, []float64{5, 2}, 1, 5},
	}
	for _, tt := range tests {
		runs := pieces(tt.pl, tt.pattern)
		total := 0.0
		for _, r := range runs {
			total += runLength(r)
		}
		if len(runs) != tt.runs || math.Abs(total-tt.inked) > 1e-9 {
			t.Errorf("%s: %d runs, %g px inked; want %d, %g", tt.name, len(runs), total, tt.runs, tt.inked)
		}
	}
	// A corner inside a run keeps its vertex (so the stroker draws a join).
	if r := pieces([]Point{{0, 0}, {3, 0}, {3, 3}}, []float64{5, 2})[0]; len(r) != 3 || r[1] != (Point{3, 0}) {
		t.Errorf("dash round a corner: %v", r)
	}
}

func TestFlatten(t *testing.T) {
	straight := []Point{{0, 0}, {10, 0}, {20, 0}, {30, 0}}
	if got := flatten(straight, true); len(got) != 2 {
		t.Errorf("straight B-spline flattened to %d points, want 2", len(got))
	}
	// A quarter circle of radius 100 as one cubic: every flattened point
	// lies within 0.1 px of the circle, and segments are short.
	const c = 0.5523
	arc := []Point{{100, 0}, {100, 100 * c}, {100 * c, 100}, {0, 100}}
	got := flatten(arc, true)
	if len(got) < 20 {
		t.Fatalf("arc flattened to %d points", len(got))
	}
	for i, p := range got {
		if r := math.Hypot(p.X, p.Y); math.Abs(r-100) > 0.1 {
			t.Errorf("point %d at radius %g", i, r)
		}
		if i > 0 && dist(got[i-1], p) > curveStep+0.5 {
			t.Errorf("segment %d is %g px", i, dist(got[i-1], p))
		}
	}
	if got[len(got)-1] != arc[3] {
		t.Errorf("ends at %v", got[len(got)-1])
	}
}

func TestAxisRect(t *testing.T) {
	tests := []struct {
		pts []Point
		ok  bool
	}{
		{[]Point{{0, 0}, {0, 5}, {9, 5}, {9, 0}}, true},
		{[]Point{{9, 5}, {0, 5}, {0, 0}, {9, 0}}, true},
		{[]Point{{0, 0}, {9, 5}, {0, 5}, {9, 0}}, false}, // bow-tie
		{[]Point{{0, 0}, {9, 0}, {9, 5}, {9, 0}}, false}, // triangle
		{[]Point{{0, 0}, {1, 5}, {9, 5}, {9, 0}}, false}, // slanted
		{[]Point{{0, 0}, {9, 5}, {9, 0}}, false},
	}
	for _, tt := range tests {
		if _, _, _, _, ok := axisRect(tt.pts); ok != tt.ok {
			t.Errorf("axisRect(%v) = %v, want %v", tt.pts, ok, tt.ok)
		}
	}
}

// TestLongLineNoSeams: a line cut into pieces for the rasterizer must look
// like one line: every pixel along it has the same colour.
func TestLongLineNoSeams(t *testing.T) {
	for _, y := range []string{"10", "10.3"} {
		in := []byte(`{"bb":"0,0,1600,20","pad":"0","_draw_":[{"op":"S","style":"setlinewidth(1.3)"},
		{"op":"L","points":[[10.37,` + y + `],[1590.2,` + y + `]]}]}`)
		img := renderPNG(t, in, 2)
		for _, row := range []int{18, 19, 20, 21} {
			ref := rgb(img.At(100, row))
			for x := 40; x < 3150; x++ {
				if c := rgb(img.At(x, row)); c != ref {
					t.Fatalf("y=%s row %d: pixel %d is %v, pixel 100 is %v", y, row, x, c, ref)
				}
			}
		}
	}
}

func TestCloseRing(t *testing.T) {
	small := []Point{{0, 0}, {10, 0}, {10, 10}}
	if got := closeRing(small); len(got) != 4 || got[3] != got[0] {
		t.Errorf("short ring %v", got)
	}
	// A big diamond starts mid-edge, visits every vertex, ends where it
	// starts.
	big := []Point{{1000, 0}, {2000, 1000}, {1000, 2000}, {0, 1000}}
	got := closeRing(big)
	if len(got) != 6 || got[0] != got[5] || got[0] != (Point{1500, 500}) {
		t.Fatalf("big ring %v", got)
	}
	if math.Abs(runLength(got)-runLength(append(big, big[0]))) > 1e-9 {
		t.Errorf("perimeter changed: %g", runLength(got))
	}
}
