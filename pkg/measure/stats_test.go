package measure

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestNPSByHand(t *testing.T) {
	// Eight answers: 10, 9, 9, 10 (promoters), 8, 7 (passives), 3, 5
	// (detractors): 4/8 - 2/8 = 25%.
	// Interval by hand: p+ = .5, p- = .25, variance (.75 - .0625)/8 =
	// .0859375, half-width 1.96 * .293151 = .574566.
	score, ci := NPS(4, 2, 2)
	if score != 25 {
		t.Errorf("NPS = %v, want 25", score)
	}
	if !near(ci.Low, -32.4566, 1e-3) || !near(ci.High, 82.4566, 1e-3) {
		t.Errorf("interval = %+v, want [-32.457, 82.457]", ci)
	}
	cases := []struct {
		p, pa, d int
		want     float64
	}{{10, 0, 0, 100}, {0, 0, 10, -100}, {0, 10, 0, 0}, {3, 1, 1, 40}}
	for _, c := range cases {
		if got, _ := NPS(c.p, c.pa, c.d); !near(got, c.want, 1e-9) {
			t.Errorf("NPS(%d,%d,%d) = %v, want %v", c.p, c.pa, c.d, got, c.want)
		}
	}
	if _, ci := NPS(10, 0, 0); ci.High > 100 || ci.Low < -100 {
		t.Errorf("interval %+v leaves -100..100", ci)
	}
}

func TestWilsonTextbook(t *testing.T) {
	// Newcombe (1998), "Two-sided confidence intervals for the single
	// proportion", Statistics in Medicine 17, table I, method 3 (score
	// interval without continuity correction).
	cases := []struct {
		k, n      int
		low, high float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, c := range cases {
		ci := Wilson(c.k, c.n)
		if !near(ci.Low, c.low, 5e-5) || !near(ci.High, c.high, 5e-5) {
			t.Errorf("Wilson(%d, %d) = [%.4f, %.4f], want [%.4f, %.4f]", c.k, c.n, ci.Low, ci.High, c.low, c.high)
		}
	}
	score, ci := CSAT(81, 263)
	if !near(score, 30.798, 1e-3) || !near(ci.Low, 25.53, 1e-2) || !near(ci.High, 36.62, 1e-2) {
		t.Errorf("CSAT(81, 263) = %v %+v", score, ci)
	}
}

func TestMeanByHand(t *testing.T) {
	// 1..5: mean 3, sd sqrt(2.5), t(4) = 2.776445: half 2.776445 * 1.5811 / sqrt 5 = 1.96324.
	m, ci := Mean(5, 15, 55)
	if m != 3 || !near(ci.Low, 1.03676, 1e-4) || !near(ci.High, 4.96324, 1e-4) {
		t.Errorf("Mean = %v %+v", m, ci)
	}
	if _, ci := Mean(1, 4, 16); ci.Low != 4 || ci.High != 4 {
		t.Errorf("one value: %+v", ci)
	}
	// Past the table: t(40) = 2.021075, t(100) = 1.983972, t(1000) = 1.962339.
	for df, want := range map[int]float64{31: 2.039513, 40: 2.021075, 100: 1.983972, 1000: 1.962339} {
		if got := tQuantile(df); !near(got, want, 1e-5) {
			t.Errorf("tQuantile(%d) = %v, want %v", df, got, want)
		}
	}
}

func TestSpearmanByHand(t *testing.T) {
	cases := []struct {
		x, y []float64
		want float64
	}{
		{[]float64{1, 2, 3, 4, 5}, []float64{2, 4, 6, 8, 10}, 1},
		{[]float64{1, 2, 3, 4, 5}, []float64{5, 4, 3, 2, 1}, -1},
		// d = 0, 1, -1, 0, 0 (ranks 1,2,3,4,5 vs 1,3,2,4,5): 1 - 6*2/(5*24) = 0.9
		{[]float64{1, 2, 3, 4, 5}, []float64{10, 30, 20, 40, 50}, 0.9},
		{[]float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}, 0},
	}
	for _, c := range cases {
		if got := Spearman(c.x, c.y); !near(got, c.want, 1e-9) {
			t.Errorf("Spearman(%v, %v) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
