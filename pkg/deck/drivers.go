package deck

import (
	"fmt"
	"strings"

	"github.com/cxmap/cxmap/pkg/measure"
)

// driversSlides rank the steps by how strongly their scores move with the
// journey's overall score (cxmap deck --drivers DATA; docs/measure.md).
func (br *builder) driversSlides(r *measure.DriverReport, sz Size) []Slide {
	if r == nil || len(r.Drivers) == 0 {
		return nil
	}
	var rows [][]Cell
	for i, d := range r.Drivers {
		label := d.Step
		if d.Action != "" {
			label = d.Action + " (" + d.Step + ")"
		}
		top := Cell{Lines: []string{"–"}}
		if d.Top {
			top = Cell{Lines: []string{"Top driver"}, Fill: br.rating["red"][0], Color: br.rating["red"][1], Bold: true}
		}
		crit := ""
		if d.Critical {
			crit = "critical"
		}
		rows = append(rows, []Cell{
			{Lines: []string{fmt.Sprint(i + 1)}},
			{Lines: []string{label}},
			{Lines: []string{fmt.Sprintf("%.2f (%.2f to %.2f), n %d", d.Rho, d.Low, d.High, d.N)}},
			{Lines: []string{fmt.Sprintf("%g%%", d.Unhappy)}},
			{Lines: []string{crit}},
			top,
		})
	}
	cols := []column{{"Rank", 7}, {"Step", 40}, {"Correlation with " + strings.ToUpper(r.Overall), 26}, {"Unhappy", 10}, {"Critical", 10}, {"Driver", 12}}
	notes := "Spearman correlation of each respondent's score at the step with their overall score, with its 95% interval. " +
		"Correlation is where to look first, not proof of cause."
	return br.tableSlides(sz, "drivers", "What drives the journey's score", measure.DriversSummary(*r), cols, rows, notes)
}
