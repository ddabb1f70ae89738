package journey

import "testing"

func TestProgress(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		m    Metric
		want string
	}{
		{Metric{Name: "Wait", Unit: "min", Current: f(15), Target: f(5), Better: "lower"}, "now 15 min · target ≤ 5 min · 10 min to go"},
		{Metric{Name: "Wait", Unit: "min", Current: f(10), Target: f(15), Better: "lower"}, "now 10 min · target ≤ 15 min · met"},
		{Metric{Name: "NPS", Current: f(42), Target: f(40)}, "now 42 · target ≥ 40 · met"},
		{Metric{Name: "Done", Unit: "%", Current: f(35)}, "now 35%"},
		{Metric{Name: "Done", Unit: "%", Target: f(10), Better: "lower"}, "no current value · target ≤ 10%"},
		{Metric{Name: "Done", Unit: "%", Current: f(2.3), Target: f(1.4), Better: "lower"}, "now 2.3% · target ≤ 1.4% · 0.9% to go"},
		{Metric{Name: "Empty"}, "no values"},
	} {
		if got := c.m.Progress(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.m, got, c.want)
		}
	}
}
