package deck

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/gaps"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// ratingCell is a rating as colour and word.
func ratingCell(rating string, critical bool) Cell {
	if rating == gaps.Unrated {
		rating = ""
	}
	st := style(rating)
	c := Cell{Lines: []string{layout.RatingWord(rating)}, Fill: st[0], Color: st[1], Bold: true}
	if critical {
		c.Lines = append(c.Lines, "! Critical")
	}
	return c
}

func stepLabel(g gaps.StepGap) string {
	return fmt.Sprintf("%d. %s", g.Index+1, g.Action)
}

func bullets(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		out = append(out, "• "+s)
	}
	return out
}

// hurtSlides list the worst steps, critical red first, with their pains
// and opportunities. (Quotes, when the format has them, are a column here.)
func hurtSlides(j *journey.Journey, sz Size) []Slide {
	jr := gaps.BuildJourney(j, gaps.Options{})
	var rows [][]Cell
	for _, g := range jr.Steps {
		if g.Rank > 3 && len(g.Pains) == 0 {
			continue
		}
		var opps []string
		for _, o := range g.Opportunities {
			opps = append(opps, gaps.OpportunityText(o))
		}
		pains := bullets(g.Pains)
		if st, ok := j.Step(g.ID); ok {
			for _, q := range st.Quotes {
				pains = append(pains, quoteText(q))
			}
		}
		rows = append(rows, []Cell{
			{Lines: []string{stepLabel(g), g.StageName}},
			ratingCell(g.Rating, g.Critical),
			{Lines: pains},
			{Lines: bullets(opps)},
		})
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Step (stage)", 26}, {"Rating", 10}, {"Pains and quotes", 32}, {"Opportunities", 32}}
	intro := fmt.Sprintf("%d of %d steps rated Unhappy or Very unhappy, or with pains; critical red first.", len(rows), jr.Summary.Steps)
	return tableSlides(sz, "hurts", "Where it hurts", intro, cols, rows, "")
}

// backlogSlides list the opportunities by owner. The priority, impact,
// effort and status of the model issue show as columns when any is set.
func backlogSlides(j *journey.Journey, sz Size) []Slide {
	jr := gaps.BuildJourney(j, gaps.Options{By: gaps.ByOwner})
	groups := gaps.Backlog([]gaps.JourneyReport{jr})
	extra := false
	for _, g := range groups {
		for _, r := range g.Rows {
			extra = extra || r.Priority != "" || r.Impact != 0 || r.Effort != 0 || r.Status != ""
		}
	}
	var rows [][]Cell
	for _, g := range groups {
		for i, r := range g.Rows {
			owner := ""
			if i == 0 {
				owner = g.Owner
			}
			idea := r.Idea
			if r.ID != "" {
				idea += " (" + r.ID + ")"
			}
			row := []Cell{{Lines: []string{owner}, Bold: true}, {Lines: []string{idea}}, {Lines: []string{stepNumber(j, r.Step) + r.Action}}, ratingCell(r.Rating, r.Critical)}
			if extra {
				row = append(row, Cell{Lines: []string{opportunityTerms(r.Priority, r.Impact, r.Effort, r.Status)}})
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Owner", 16}, {"Opportunity", 38}, {"Step", 34}, {"Rating", 12}}
	if extra {
		cols = append(cols, column{"Priority", 16})
	}
	return tableSlides(sz, "backlog", "Opportunity backlog by owner", "", cols, rows, "")
}

func stepNumber(j *journey.Journey, id string) string {
	if s, ok := j.Step(id); ok {
		return fmt.Sprintf("%d. ", s.Index+1)
	}
	return ""
}

// metricSlides list every metric against its target, in step order.
// (Journey-level KPIs, when the format has them, come first here.)
func metricSlides(j *journey.Journey, sz Size) []Slide {
	jr := gaps.BuildJourney(j, gaps.Options{})
	steps := jr.Steps
	sort.SliceStable(steps, func(a, b int) bool { return steps[a].Index < steps[b].Index })
	var rows [][]Cell
	met, set := 0, 0
	status := func(m gaps.MetricGap) Cell {
		if m.Met == nil {
			return Cell{Lines: []string{"No target"}, Fill: headFill, Color: ink}
		}
		set++
		if *m.Met {
			met++
			return Cell{Lines: []string{"Met"}, Fill: ratingStyle["green"][0], Color: white, Bold: true}
		}
		return Cell{Lines: []string{"Not met"}, Fill: ratingStyle["red"][0], Color: white, Bold: true}
	}
	// The journey's KPIs come first: current, target, gap and met.
	for i, k := range j.KPIs {
		label := ""
		if i == 0 {
			label = "Journey KPIs"
		}
		m := metricGap(k)
		rows = append(rows, []Cell{{Lines: []string{label}, Bold: true}, {Lines: []string{gaps.MetricText(m)}}, status(m)})
	}
	for _, g := range steps {
		for i, m := range g.Metrics {
			step := ""
			if i == 0 {
				step = stepLabel(g)
			}
			rows = append(rows, []Cell{{Lines: []string{step}}, {Lines: []string{gaps.MetricText(m)}}, status(m)})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Step", 34}, {"Metric against target", 50}, {"Status", 16}}
	intro := fmt.Sprintf("%d of %d metrics with a target meet it.", met, set)
	title := "Metrics against target"
	if len(j.KPIs) > 0 {
		intro = fmt.Sprintf("%d of %d KPIs and metrics with a target meet it.", met, set)
		title = "KPIs and metrics against target"
	}
	return tableSlides(sz, "metrics", title, intro, cols, rows, "")
}

// compareSlides show what improves and what regresses from the baseline:
// one row per step, its changes as bullets.
func compareSlides(base, j *journey.Journey, sz Size) []Slide {
	d := diff.Compare(base, j)
	var up, down [][]Cell
	for _, sc := range d.Steps {
		var better, worse []string
		if rc := sc.RatingChange; rc != nil {
			what := fmt.Sprintf("Rating %s → %s", layout.RatingWord(rc.From), layout.RatingWord(rc.To))
			switch rc.Direction {
			case diff.Improved:
				better = append(better, what)
			case diff.Regressed:
				worse = append(worse, what)
			}
		}
		for _, m := range sc.Metrics {
			what := fmt.Sprintf("%s %s → %s", m.Name, num(m.From, m.Unit), num(m.To, m.Unit))
			switch {
			case m.Target == diff.TargetMet:
				better = append(better, what+" (target now met)")
			case m.Target == diff.TargetLost:
				worse = append(worse, what+" (target no longer met)")
			case m.Direction == diff.Improved:
				better = append(better, what)
			case m.Direction == diff.Regressed:
				worse = append(worse, what)
			}
		}
		for _, p := range sc.Pains.Removed {
			better = append(better, "Pain gone: "+p)
		}
		for _, p := range sc.Pains.Added {
			worse = append(worse, "New pain: "+p)
		}
		step := Cell{Lines: []string{sc.Action, sc.StageName}}
		if len(better) > 0 {
			up = append(up, []Cell{step, {Lines: bullets(better)}})
		}
		if len(worse) > 0 {
			down = append(down, []Cell{step, {Lines: bullets(worse)}})
		}
	}
	s := d.Summary
	intro := fmt.Sprintf("%s state compared with the %s state (%s): %s, %s; %s, %d removed.",
		stateName(j), strings.ToLower(stateName(base)), filepath.Base(base.Path), textsafe.Plural(len(up), "step improves", "steps improve"),
		textsafe.Plural(len(down), "regresses", "regress"), textsafe.Plural(s.StepsAdded, "step added", "steps added"), s.StepsRemoved)
	intro += timeSaved(base, j)
	cols := []column{{"Step (stage)", 34}, {"What changed", 66}}
	var out []Slide
	if len(up) > 0 {
		out = append(out, tableSlides(sz, "compare", "What improves", intro, cols, up, "")...)
	}
	if len(down) > 0 {
		out = append(out, tableSlides(sz, "compare", "What regresses", intro, cols, down, "")...)
	}
	if len(out) == 0 {
		out = append(out, tableSlides(sz, "compare", "What changes", intro, cols, [][]Cell{{{Lines: []string{"—"}}, {Lines: []string{"No rating, metric or pain changed."}}}}, "")...)
	}
	return out
}

func num(v *float64, unit string) string {
	if v == nil {
		return "none"
	}
	return strings.TrimSpace(fmt.Sprintf("%g %s", *v, unit))
}

// timeSaved is the change in the whole journey's time (the sum of its
// steps' durations) when both states have durations, or "".
func timeSaved(base, j *journey.Journey) string {
	was, ok1 := base.Duration()
	now, ok2 := j.Duration()
	if !ok1 || !ok2 {
		return ""
	}
	s := fmt.Sprintf(" Total time %s → %s", journey.FormatDuration(was), journey.FormatDuration(now))
	switch {
	case now < was:
		s += fmt.Sprintf(" (%s saved).", journey.FormatDuration(was-now))
	case now > was:
		s += fmt.Sprintf(" (%s longer).", journey.FormatDuration(now-was))
	default:
		s += " (unchanged)."
	}
	return s
}
