package report

import (
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

// TestRankPortfolioPairsAndGroups: a future state is listed under its
// baseline (by resolved path, or by id without a baseline), in its
// baseline's client group; groups worst first, no client last; the
// totals count current and future states apart.
func TestRankPortfolioPairsAndGroups(t *testing.T) {
	red := Summary{Steps: 2, Red: 2}
	yellow := Summary{Steps: 2, Yellow: 1}
	jrs := []JourneyReport{
		{Path: "b/current.yaml", ID: "b", State: journey.Current, Client: "Beta", Summary: yellow},
		{Path: "a/current.yaml", ID: "a", State: journey.Current, Client: "Alpha", Summary: red},
		{Path: "a/future.yaml", ID: "a-future", State: journey.Future, Client: "Alpha", Baseline: "a/current.yaml", Summary: yellow},
		{Path: "b/future.yaml", ID: "b", State: journey.Future, Summary: red}, // no baseline, same id as b/current.yaml
		{Path: "x/future.yaml", ID: "x", State: journey.Future, Baseline: "x/gone.yaml", Summary: red},
		{Path: "c.yaml", ID: "c", State: journey.Current, Summary: red},
	}
	r := Assemble(jrs, Options{})
	var got []string
	for _, p := range r.Portfolio {
		mark := ""
		if p.Paired {
			mark = "↳"
		}
		got = append(got, p.Group+":"+mark+p.Path)
	}
	want := []string{
		"Alpha:a/current.yaml", "Alpha:↳a/future.yaml", // Alpha has 2 red: worse than Beta
		"Beta:b/current.yaml", "Beta:↳b/future.yaml", // paired by id, listed in Beta
		":c.yaml", ":x/future.yaml", // no client last; the baseline is not in the report
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("portfolio order\n got %v\nwant %v", got, want)
	}
	if r.Total.Steps != 6 || r.Total.Red != 4 || r.TotalFuture.Steps != 6 || r.TotalFuture.Red != 4 {
		t.Errorf("totals: current %+v, future %+v", r.Total, r.TotalFuture)
	}
	rows := (words{}).totalRows(r)
	if len(rows) != 2 || rows[0].label != "Total (3 journeys)" || rows[1].state != journey.Future {
		t.Errorf("total rows = %+v", rows)
	}
	// Without a future state, the one total reads as it always did.
	only := Assemble(jrs[:2], Options{})
	if rows := (words{}).totalRows(only); len(rows) != 1 || rows[0].label != "All 2 journeys" || rows[0].state != "" {
		t.Errorf("total rows without future states = %+v", rows)
	}
}

func TestTimeAndDetailTexts(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		s    Summary
		want string
	}{
		{Summary{Steps: 3}, ""},
		{Summary{Steps: 3, Timed: 3, Duration: 9 * day}, "1w 2d"},
		{Summary{Steps: 3, Timed: 2, Duration: 2 * day}, "2d (1 of 3 steps has no duration)"},
		{Summary{Steps: 5, Timed: 1, Duration: time.Hour}, "1h (4 of 5 steps have no duration)"},
	} {
		if got := (words{}).timeText(c.s); got != c.want {
			t.Errorf("(words{}).timeText(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
	if got := (words{}).cellTime(Summary{Steps: 3, Timed: 2, Duration: 2 * day}); got != "2d\n1 untimed" {
		t.Errorf("cellTime = %q", got)
	}
	for _, c := range []struct {
		o    Opportunity
		want string
	}{
		{Opportunity{Idea: "Wizard"}, "Wizard (no owner)"},
		{Opportunity{Idea: "Wizard", Owner: "web", Priority: "high", Impact: 4, Effort: 2, Status: "planned", ID: "wiz"},
			"Wizard (web) [high priority · impact 4 · effort 2 · status planned · id wiz]"},
		{Opportunity{Idea: "Wizard", Owner: "web", Effort: 1}, "Wizard (web) [effort 1]"},
	} {
		if got := (words{}).opportunityDetail(c.o); got != c.want {
			t.Errorf("opportunityDetail = %q, want %q", got, c.want)
		}
	}
	g := StepGap{Touchpoints: []string{"Web", "Phone", "Desk"}, Ratings: []string{"green", "red", ""},
		AtRisk: []Entry{{Name: "Phone", Rating: "red"}, {Name: "Triage", Backstage: true, Rating: "yellow", Does: "Sorts by hand"}}}
	if got := strings.Join((words{}).touchpointItems(&g, nil, nil), "; "); got != "Web; Phone (Very unhappy); Desk; Triage (backstage, Unhappy)" {
		t.Errorf("touchpointItems = %q", got)
	}
	if got := (words{}).mdEntry(g.AtRisk[1]); got != "**Triage** (backstage, 🟡 Unhappy): Sorts by hand" {
		t.Errorf("mdEntry = %q", got)
	}
}

// TestKPICells: a KPI that is met shows no gap; one without values shows
// dashes; which way is better shows in the target.
func TestKPICells(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	_, rows := (words{}).kpiCells([]MetricGap{
		metricGap(journey.Metric{Name: "NPS", Current: f(-12), Target: f(20)}),
		metricGap(journey.Metric{Name: "Wait", Unit: "days", Current: f(3), Target: f(5), Better: "lower"}),
		metricGap(journey.Metric{Name: "Letters"}),
	})
	want := [][]string{
		{"NPS", "-12", "≥ 20", "32", "no"},
		{"Wait", "3 days", "≤ 5 days", "–", "yes"},
		{"Letters", "–", "–", "–", "–"},
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}
