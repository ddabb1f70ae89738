package deck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/report"
)

// ratingCell is a rating as colour and word.
func (br *builder) ratingCell(rating string, critical bool) Cell {
	if rating == report.Unrated {
		rating = ""
	}
	st := br.style(rating)
	c := Cell{Lines: []string{br.rw(rating)}, Fill: st[0], Color: st[1], Bold: true}
	if critical {
		c.Lines = append(c.Lines, "! "+br.T("Critical"))
	}
	return c
}

func stepLabel(g report.StepGap) string {
	return fmt.Sprintf("%d. %s", g.Index+1, g.Action)
}

func bullets(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		out = append(out, "• "+s)
	}
	return out
}

// hurtSlides list the steps rated Unhappy or Very unhappy (yellow or
// red), worst first (critical red first), with their pains, quotes and
// opportunities; a step with none of those has no row (nothing to say).
func (br *builder) hurtSlides(j *journey.Journey, sz Size) []Slide {
	jr := report.BuildJourney(j, report.Options{})
	var rows [][]Cell
	for _, g := range jr.Steps {
		if g.Rating != journey.Red && g.Rating != journey.Yellow {
			continue
		}
		var opps []string
		for _, o := range g.Opportunities {
			opps = append(opps, br.opportunityText(o))
		}
		pains := bullets(g.Pains)
		if st, ok := j.Step(g.ID); ok {
			for _, q := range st.Quotes {
				pains = append(pains, br.quoteText(j, q))
			}
		}
		if len(pains)+len(opps) == 0 {
			continue
		}
		rows = append(rows, []Cell{
			{Lines: []string{stepLabel(g), g.StageName}},
			br.ratingCell(g.Rating, g.Critical),
			{Lines: pains},
			{Lines: bullets(opps)},
		})
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Step (stage)", 26}, {"Rating", 10}, {"Pains and quotes", 32}, {"Opportunities", 32}}
	intro := br.T("{x} of {y} steps rated {z}, worst first (critical Very unhappy first).", br.num(len(rows)), br.num(jr.Summary.Steps), br.T("Unhappy or Very unhappy"))
	return br.tableSlides(sz, "hurts", "Where it hurts", intro, cols, rows, "")
}

// backlogSlides list the opportunities by owner. Priority, impact,
// effort and status are their own columns when any is set. For a future
// state with a baseline, an opportunity the baseline has by the same id is
// one row whose status says what it was ("done (was: idea)"), as in the
// report, the site and the workbook.
func (br *builder) backlogSlides(j, base *journey.Journey, sz Size) []Slide {
	jr := report.BuildJourney(j, report.Options{By: report.ByOwner})
	jrs := []report.JourneyReport{jr}
	if base != nil {
		b := report.BuildJourney(base, report.Options{By: report.ByOwner})
		// Pair them as the report does, then keep this journey's rows.
		jrs[0].Baseline, b.Path = "\x00baseline", "\x00baseline"
		jrs = append(jrs, b)
	}
	var groups []report.OwnerGroup
	for _, g := range report.Backlog(jrs) {
		var rows []report.BacklogRow
		for _, r := range g.Rows {
			if r.Path == j.Path {
				rows = append(rows, r)
			}
		}
		if len(rows) > 0 {
			groups = append(groups, report.OwnerGroup{Owner: g.Owner, Rows: rows})
		}
	}
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
			row := []Cell{{Lines: []string{owner}, Bold: true}, {Lines: []string{idea}}, {Lines: []string{stepNumber(j, r.Step) + r.Action}}, br.ratingCell(r.Rating, r.Critical)}
			if extra {
				row = append(row, Cell{Lines: []string{br.T(r.Priority)}}, Cell{Lines: []string{scaleText(r.Impact)}}, Cell{Lines: []string{scaleText(r.Effort)}}, Cell{Lines: []string{br.statusText(r)}})
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Owner", 16}, {"Opportunity", 38}, {"Step", 34}, {"Rating", 12}}
	if extra {
		cols = []column{{"Owner", 14}, {"Opportunity", 32}, {"Step", 24}, {"Rating", 11}, {"Priority", 8}, {"Impact", 7}, {"Effort", 7}, {"Status", 13}}
	}
	return br.tableSlides(sz, "backlog", "Opportunity backlog by owner", "", cols, rows, "")
}

// scaleText shows a 1..5 value ("" when not given).
func scaleText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func stepNumber(j *journey.Journey, id string) string {
	if s, ok := j.Step(id); ok {
		return fmt.Sprintf("%d. ", s.Index+1)
	}
	return ""
}

// metricSlides list every metric against its target, in step order.
// (Journey-level KPIs, when the format has them, come first here.)
func (br *builder) metricSlides(j *journey.Journey, sz Size) []Slide {
	jr := report.BuildJourney(j, report.Options{})
	steps := jr.Steps
	sort.SliceStable(steps, func(a, b int) bool { return steps[a].Index < steps[b].Index })
	var rows [][]Cell
	met, set := 0, 0
	status := func(m report.MetricGap) Cell {
		if m.Met == nil {
			return Cell{Lines: []string{br.T("No target")}, Fill: br.headFill, Color: br.ink}
		}
		set++
		if *m.Met {
			met++
			return Cell{Lines: []string{br.T("Met")}, Fill: br.rating["green"][0], Color: br.rating["green"][1], Bold: true}
		}
		return Cell{Lines: []string{br.T("Not met")}, Fill: br.rating["red"][0], Color: br.rating["red"][1], Bold: true}
	}
	// The journey's KPIs come first: current, target, gap and met.
	for i, k := range j.KPIs {
		label := ""
		if i == 0 {
			label = br.T("Journey KPIs")
		}
		m := br.metricGap(k)
		rows = append(rows, []Cell{{Lines: []string{label}, Bold: true}, {Lines: []string{br.metricText(m)}}, status(m)})
	}
	for _, g := range steps {
		for i, m := range g.Metrics {
			step := ""
			if i == 0 {
				step = stepLabel(g)
			}
			rows = append(rows, []Cell{{Lines: []string{step}}, {Lines: []string{br.metricText(m)}}, status(m)})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	cols := []column{{"Step", 34}, {"Metric against target", 50}, {"Status", 16}}
	intro := br.T("{x} of {y} metrics with a target meet it.", br.num(met), br.num(set))
	title := "Metrics against target"
	if len(j.KPIs) > 0 {
		intro = br.T("{x} of {y} KPIs and metrics with a target meet it.", br.num(met), br.num(set))
		title = "KPIs and metrics against target"
	}
	return br.tableSlides(sz, "metrics", title, intro, cols, rows, "")
}

// compareIntro is the sentence above the comparison slides: both
// versions by title and state, the step classes (diff.Headline, the words
// and counts every output shows) and the time.
func (br *builder) compareIntro(d *diff.Diff) string {
	intro := br.T("{x} compared with {y}: steps {z}.", br.sideName(d.New), br.sideName(d.Old), br.headline(d))
	if t := br.timeText(d.Time); t != "" {
		intro += " " + br.T("Total time {x}", t) + "."
	}
	return intro
}

// classCell is a step class as a coloured cell with its word.
func (br *builder) classCell(class string) Cell {
	st := br.rating[""]
	switch class {
	case diff.Improved:
		st = br.rating["green"]
	case diff.Regressed:
		st = br.rating["red"]
	case diff.ReRated:
		st = br.rating["yellow"]
	case diff.Unchanged:
		return Cell{Lines: []string{br.T("Unchanged")}, Fill: br.headFill, Color: br.ink}
	}
	word := br.T(diff.ClassWord(class))
	return Cell{Lines: []string{strings.ToUpper(word[:1]) + word[1:]}, Fill: st[0], Color: st[1], Bold: true}
}

// compareOrder is the order of the classes on the slides: what a board
// must look at first.
var compareOrder = map[string]int{diff.Regressed: 0, diff.ReRated: 1, diff.Improved: 2, diff.Added: 3, diff.Removed: 4, diff.Unchanged: 5}

// compareSlides show what happened to each step from the baseline, as
// pkg/diff decided it (one class per step: the same words and counts as
// cxmap diff, the site and the report): regressed first, then re-rated on
// new evidence, improved, added, removed, and unchanged steps whose pains
// or metrics changed.
func (br *builder) compareSlides(base, j *journey.Journey, sz Size) []Slide {
	d := diff.Compare(base, j)
	type row struct {
		order, pos int
		cells      []Cell
	}
	var rows []row
	for i, sc := range d.Steps {
		var what []string
		what = append(what, br.why(&sc)...)
		for _, m := range sc.Metrics {
			w := fmt.Sprintf("%s %s → %s", m.Name, br.numOrNone(m.From, m.Unit), br.numOrNone(m.To, m.Unit))
			switch m.Target {
			case diff.TargetMet:
				w += " (" + br.T("target now met") + ")"
			case diff.TargetLost:
				w += " (" + br.T("target no longer met") + ")"
			}
			what = append(what, w)
		}
		for _, p := range sc.Pains.Removed {
			what = append(what, br.T("Pain resolved: {x}", p))
		}
		for _, p := range sc.Pains.Added {
			what = append(what, br.T("New pain: {x}", p))
		}
		if sc.Class == diff.Unchanged && len(what) == 0 {
			continue
		}
		if sc.Class == diff.Added || sc.Class == diff.Removed {
			what = append([]string{br.T("Rated {x}", br.rw(sc.Rating))}, what...)
		}
		rows = append(rows, row{compareOrder[sc.Class], i, []Cell{{Lines: []string{sc.Action, sc.StageName}}, br.classCell(sc.Class), {Lines: bullets(what)}}})
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].order < rows[b].order })
	var cells [][]Cell
	for _, r := range rows {
		cells = append(cells, r.cells)
	}
	cols := []column{{"Step (stage)", 30}, {"Verdict", 14}, {"What changed", 56}}
	if len(cells) == 0 {
		cells = [][]Cell{{{Lines: []string{"—"}}, br.classCell(diff.Unchanged), {Lines: []string{br.T("No rating, emotion, metric or pain changed.")}}}}
	}
	return br.tableSlides(sz, "compare", "What changed, step by step", br.compareIntro(d), cols, cells, "")
}

func (br *builder) numOrNone(v *float64, unit string) string {
	if v == nil {
		return br.T("none")
	}
	return br.value(v, unit)
}

// sideName names a version by its title and state (diff.Side.Name).
func (br *builder) sideName(s diff.Side) string { return s.NameIn(br.loc) }
