package deck

import (
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
			top = Cell{Lines: []string{br.T("Top driver")}, Fill: br.rating["red"][0], Color: br.rating["red"][1], Bold: true}
		}
		crit := ""
		if d.Critical {
			crit = br.T("critical")
		}
		rows = append(rows, []Cell{
			{Lines: []string{br.num(i + 1)}},
			{Lines: []string{label}},
			{Lines: []string{br.T("{x} ({y} to {z})", br.dec(d.Rho, 2), br.dec(d.Low, 2), br.dec(d.High, 2)) + ", n " + br.num(d.N)}},
			{Lines: []string{br.pct(d.Unhappy)}},
			{Lines: []string{crit}},
			top,
		})
	}
	cols := []column{{"Rank", 7}, {"Step", 40}, {br.T("Correlation with {x}", strings.ToUpper(r.Overall)), 26}, {"Unhappy", 10}, {"Critical", 10}, {"Driver", 12}}
	notes := br.T("Spearman correlation of each respondent's score at the step with their overall score, with its 95% interval. Correlation is where to look first, not proof of cause.")
	return br.tableSlides(sz, "drivers", "What drives the journey's score", br.driversSummary(*r), cols, rows, notes)
}

// driversSummary is measure.DriversSummary in the deck's language.
func (br *builder) driversSummary(r measure.DriverReport) string {
	if br.loc == nil {
		return measure.DriversSummary(r)
	}
	var top []string
	for _, d := range r.Drivers {
		if d.Top {
			top = append(top, d.Step)
		}
	}
	if len(top) == 0 {
		return br.T("No step's score moves clearly with the overall score (every interval reaches 0).")
	}
	s := br.T("Top drivers of {x}: {y}.", strings.ToUpper(r.Overall), br.loc.List(top))
	if len(r.CriticalTop) > 0 {
		s += " " + br.T("Critical among them: {x}.", br.loc.List(r.CriticalTop))
	}
	if len(r.UnmarkedTop) > 0 {
		s += " " + br.T("Not marked critical: {x} (consider critical: true).", br.loc.List(r.UnmarkedTop))
	}
	return s
}
