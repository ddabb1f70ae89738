package measure

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/surveygen"
	"github.com/cxmap/cxmap/pkg/journey"
)

func sixSteps(t testing.TB) *journey.Journey {
	t.Helper()
	var b strings.Builder
	b.WriteString("cxmap: 1\nid: six\ntitle: Six steps\nlanes:\n  - id: web\n    name: Web\n    zone: frontstage\nstages:\n  - id: all\n    name: All\n    steps:\n")
	for i, r := range []string{"green", "yellow", "red", "green", "yellow", "red"} {
		crit := ""
		if i%2 == 0 {
			crit = "        critical: true\n"
		}
		fmt.Fprintf(&b, "      - id: s%d\n        action: Step %d\n        touchpoints:\n          - lane: web\n        rating: %s\n%s", i+1, i+1, r, crit)
	}
	j, fs := journey.Parse("six.yaml", []byte(b.String()))
	if j == nil {
		t.Fatalf("fixture: %v", fs)
	}
	return j
}

// TestDriverRanksFirst: in generated data where one step is built to drive
// the NPS, that step ranks first, with an interval above 0, for every
// choice of step and several seeds.
func TestDriverRanksFirst(t *testing.T) {
	j := sixSteps(t)
	for _, driver := range []string{"s1", "s3", "s4", "s6"} {
		for seed := uint64(1); seed <= 3; seed++ {
			var buf bytes.Buffer
			if err := surveygen.Write(&buf, j, surveygen.Options{Respondents: 150, Seed: seed, Driver: driver}); err != nil {
				t.Fatal(err)
			}
			c := NewCollector([]*Known{FromJourney(j)}, Options{Drivers: true})
			if err := c.ReadCSV("gen.csv", &buf, ReadOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := c.Err(); err != nil {
				t.Fatal(err)
			}
			rs, err := c.Drivers("")
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 || rs[0].Overall != "nps" || len(rs[0].Drivers) != 6 {
				t.Fatalf("drivers: %+v", rs)
			}
			top := rs[0].Drivers[0]
			if top.Step != driver || !top.Top || top.Low <= 0 || top.N != 150 {
				t.Errorf("driver %s, seed %d: first is %+v", driver, seed, top)
			}
			wantCrit := []string{}
			for _, d := range rs[0].Drivers {
				if d.Top && d.Critical {
					wantCrit = append(wantCrit, d.Step)
				}
			}
			if fmt.Sprint(rs[0].CriticalTop) != fmt.Sprint(wantCrit) {
				t.Errorf("driver %s, seed %d: critical top %v, want %v", driver, seed, rs[0].CriticalTop, wantCrit)
			}
		}
	}
}

func TestDriversNeedOverall(t *testing.T) {
	c, err := collect(t, csvHead+"permit,submit,,csat,4,,r1,\n", known(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Drivers(""); err == nil || !strings.Contains(err.Error(), "no journey-level answers") {
		t.Errorf("error: %v", err)
	}
}
