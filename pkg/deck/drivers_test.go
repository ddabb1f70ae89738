package deck

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/measure"
)

func TestDriversSlide(t *testing.T) {
	j := loadFile(t, "../../examples/insurance-claim.yaml")
	r := &measure.DriverReport{Journey: j.ID, Overall: "nps", CriticalTop: []string{"wait-for-adjuster"}, Drivers: []measure.Driver{
		{Step: "wait-for-adjuster", Action: "Waits to hear when the adjuster will come", Metric: "csat", N: 240, Rho: 0.89, Low: 0.86, High: 0.91, Unhappy: 32.9, Critical: true, Top: true},
		{Step: "repair-kitchen", Metric: "csat", N: 240, Rho: 0.33, Low: 0.21, High: 0.44, Unhappy: 3.75},
	}}
	without, err := Build(j, Options{Size: Sizes["16:9"]})
	if err != nil {
		t.Fatal(err)
	}
	with, err := Build(j, Options{Size: Sizes["16:9"], Drivers: r})
	if err != nil {
		t.Fatal(err)
	}
	if len(with.Slides) != len(without.Slides)+1 {
		t.Fatalf("%d slides with drivers, %d without", len(with.Slides), len(without.Slides))
	}
	s := with.Slides[len(with.Slides)-1]
	if s.Kind != "drivers" || s.Title != "What drives the journey's score" {
		t.Fatalf("last slide %q %q", s.Kind, s.Title)
	}
	var text []string
	for _, sh := range s.Shapes {
		text = append(text, strings.Join(sh.Lines, " "))
		if sh.Table != nil {
			for _, row := range sh.Table.Rows {
				for _, c := range row.Cells {
					text = append(text, strings.Join(c.Lines, " "))
				}
			}
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Top drivers of NPS: wait-for-adjuster. Critical among them: wait-for-adjuster.",
		"Waits to hear when the adjuster will come (wait-for-adjuster)", "0.89 (0.86 to 0.91), n 240", "Top driver"} {
		if !strings.Contains(all, want) {
			t.Errorf("slide lacks %q:\n%s", want, all)
		}
	}
}
