package history

import (
	"bytes"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
)

// TestTableGolden: the terminal table, with a row of figures, a row with
// no figures (its status across the number columns), wide text (Ünïcödé,
// an arrow, CJK) and an empty history.
func TestTableGolden(t *testing.T) {
	tests := []struct {
		name string
		h    History
	}{
		{"empty", History{File: "j.yaml"}},
		{"rows", History{File: "journeys/claim.yaml", Rows: []Row{
			{Short: "abc1234", Date: "2026-11-26T10:00:00+01:00", Author: "Ann Ünïcödé", Subject: "Rate the claim → faster", Status: "ok",
				Figures: &Figures{Steps: 12, Red: 3, Yellow: 4, Green: 5, Unrated: 0, CriticalAtRisk: 2, MetricsSet: 3, MetricsMet: 1,
					KPIs: []KPI{{Name: "NPS", Current: fp(-12), Target: fp(20), Better: "higher"}}}},
			{Short: "def5678", Date: "2026-11-20T09:00:00Z", Author: "李雷", Subject: "Broken", Status: "invalid", Problem: "line 3: not a journey"},
			{Short: "0123456", Date: "2026-11-01T09:00:00Z", Author: "Bo", Subject: "Start", Status: "ok",
				Figures: &Figures{Steps: 1}},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Table(&b, &tt.h); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "testdata/table-"+tt.name+".golden", b.Bytes())
		})
	}
}
