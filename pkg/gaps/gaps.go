// Package gaps turns valid journeys into the gap report of SPEC "The gap
// report": per step what is wrong (rating, pains, unmet metric targets) and
// who owns the fix, sorted worst first, with summaries per stage, per
// journey and across a portfolio. Build produces pure data; the formats
// (table, markdown, csv, json) are one file each and only read a Report.
package gaps

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Unrated is the rating word for a step with no rating. The report always
// writes a word, so it reads without colour.
const Unrated = "unrated"

// Ratings lists the rating words --only accepts.
var Ratings = []string{journey.Red, journey.Yellow, journey.Green, Unrated}

// Options choose which steps are listed. They never change the summaries of
// a journey, only its step rows (except Stage, which narrows the summaries
// to that stage: a report "about stage X" counts only stage X).
type Options struct {
	// Only keeps steps whose rating word is in the list (empty: all).
	Only []string
	// Critical keeps critical steps only.
	Critical bool
	// Stage keeps the steps of the stage with this id only.
	Stage string
	// By is the view: "" or "step" (the gap report), "lane" (the
	// touchpoint inventory: JourneyReport.Lanes, Report.Lanes) or "owner"
	// (the opportunity backlog: JourneyReport.Backlog, Report.Backlog).
	// Only the chosen view's rows are built.
	By string
	// Workbook builds every view's rows, for the xlsx workbook.
	Workbook bool
}

// Validate checks the option values.
func (o Options) Validate() error {

	for _, r := range o.Only {
		ok := false
		for _, k := range Ratings {
			ok = ok || r == k
		}
		if !ok {
			return fmt.Errorf("rating %q is not one of %s", r, strings.Join(Ratings, ", "))
		}
	}
	return nil
}

// Report is the gap report over one or more journeys.
type Report struct {
	// Journeys in the order given (the CLI gives them sorted by path).
	Journeys []JourneyReport
	// Portfolio ranks the journeys worst first (see Worse).
	Portfolio []PortfolioRow
	// Total adds up every journey's summary.
	Total Summary
	// Options are the filters the report was built with.
	Options Options
	// Lanes is the touchpoint inventory (By "lane"), Backlog the
	// opportunities grouped by owner (By "owner").
	Lanes   []LaneRow
	Backlog []OwnerGroup
}

// JourneyReport is the report for one journey.
type JourneyReport struct {
	Path    string
	ID      string
	Title   string
	State   string
	Owner   string
	Client  string
	Summary Summary
	// Stages in file order (only the chosen one with Options.Stage).
	Stages []StageSummary
	// Steps after filtering, worst first (see Rank), ties in file order.
	Steps []StepGap
	// KPIs are the journey-level measures against their targets.
	KPIs []MetricGap
	// Lanes (By "lane") counts the journey's entries per lane; Backlog (By
	// "owner") lists its opportunities in file order.
	Lanes   []LaneRow
	Backlog []BacklogRow
}

// StageSummary is one stage's counts.
type StageSummary struct {
	ID      string
	Name    string
	Summary Summary
}

// Summary counts steps by rating and the open work on them.
type Summary struct {
	Steps   int
	Green   int
	Yellow  int
	Red     int
	Unrated int
	// Critical steps, and those not green (critical at risk: red, yellow
	// or unrated).
	Critical       int
	CriticalAtRisk int
	Opportunities  int
	// Unowned is how many opportunities have no owner.
	Unowned int
	// Metrics counts metrics, MetricsSet those with a target, and
	// MetricsMet those at or past their target.
	Metrics    int
	MetricsSet int
	MetricsMet int
}

func (s *Summary) add(o Summary) {
	s.Steps += o.Steps
	s.Green += o.Green
	s.Yellow += o.Yellow
	s.Red += o.Red
	s.Unrated += o.Unrated
	s.Critical += o.Critical
	s.CriticalAtRisk += o.CriticalAtRisk
	s.Opportunities += o.Opportunities
	s.Unowned += o.Unowned
	s.Metrics += o.Metrics
	s.MetricsSet += o.MetricsSet
	s.MetricsMet += o.MetricsMet
}

func (s *Summary) count(g *StepGap) {
	s.Steps++
	switch g.Rating {
	case journey.Green:
		s.Green++
	case journey.Yellow:
		s.Yellow++
	case journey.Red:
		s.Red++
	default:
		s.Unrated++
	}
	if g.Critical {
		s.Critical++
		if g.Rating != journey.Green {
			s.CriticalAtRisk++
		}
	}
	for _, o := range g.Opportunities {
		s.Opportunities++
		if o.Owner == "" {
			s.Unowned++
		}
	}
	for _, m := range g.Metrics {
		s.Metrics++
		if m.Target != nil {
			s.MetricsSet++
		}
		if m.Met != nil && *m.Met {
			s.MetricsMet++
		}
	}
}

// StepGap is one step's row.
type StepGap struct {
	Stage     string // stage id
	StageName string
	ID        string
	Action    string
	// Rating is green, yellow, red or Unrated.
	Rating   string
	Critical bool
	Emotion  *int
	// Rank is the sort position: 0 critical red, 1 red, 2 critical yellow,
	// 3 yellow, 4 unrated, 5 green.
	Rank int
	// Touchpoints are the names of the step's frontstage lanes.
	Touchpoints   []string
	Pains         []string
	Opportunities []Opportunity
	Metrics       []MetricGap
	// Line is where the step is written; Index its 0-based place in file order.
	Line  int
	Index int
}

// Opportunity is an idea with its owner ("" when nobody owns it).
type Opportunity struct {
	Idea  string
	Owner string
}

// MetricGap is a metric against its target. Pointers are nil when a value is
// not written (Gap and Met need both current and target).
type MetricGap struct {
	Name    string
	Unit    string
	Current *float64
	Target  *float64
	// Better is "higher" or "lower".
	Better string
	// Gap is what is still to go: positive when unmet, 0 or less when met.
	Gap *float64
	Met *bool
}

// Rank places a rating in the sort order: critical red first, green last.
func Rank(rating string, critical bool) int {
	switch rating {
	case journey.Red:
		if critical {
			return 0
		}
		return 1
	case journey.Yellow:
		if critical {
			return 2
		}
		return 3
	case journey.Green:
		return 5
	}
	return 4
}

// Assemble makes the report from journey reports built one at a time (so a
// caller can build each as it is loaded and let the journey go), adding the
// total and the portfolio.
func Assemble(jrs []JourneyReport, o Options) *Report {
	r := &Report{Options: o, Journeys: jrs}
	if r.Journeys == nil {
		r.Journeys = []JourneyReport{}
	}
	for _, jr := range jrs {
		r.Total.add(jr.Summary)
	}
	r.Portfolio = RankPortfolio(r.Journeys)
	if o.By == ByLane || o.Workbook {
		r.Lanes = LaneInventory(jrs)
	}
	if o.By == ByOwner || o.Workbook {
		r.Backlog = Backlog(jrs)
	}
	return r
}

// BuildJourney makes one journey's report.
func BuildJourney(j *journey.Journey, o Options) JourneyReport {
	jr := JourneyReport{
		Path: j.Path, ID: j.ID, Title: j.Title, State: j.State, Owner: j.Owner, Client: j.Client,
		Stages: []StageSummary{}, Steps: []StepGap{},
	}
	if jr.State == "" {
		jr.State = journey.Current
	}
	for _, m := range j.KPIs {
		jr.KPIs = append(jr.KPIs, metricGap(m))
	}
	laneNames := make(map[string]string, len(j.Lanes))
	for _, l := range j.Lanes {
		laneNames[l.ID] = l.Name
	}
	index := 0
	for si := range j.Stages {
		st := &j.Stages[si]
		if o.Stage != "" && st.ID != o.Stage {
			index += len(st.Steps)
			continue
		}
		ss := StageSummary{ID: st.ID, Name: st.Name}
		for i := range st.Steps {
			g := stepGap(st, &st.Steps[i], laneNames)
			g.Index = index
			index++
			ss.Summary.count(&g)
			if o.keep(&g) {
				jr.Steps = append(jr.Steps, g)
			}
		}
		jr.Summary.add(ss.Summary)
		jr.Stages = append(jr.Stages, ss)
	}
	sort.SliceStable(jr.Steps, func(a, b int) bool { return jr.Steps[a].Rank < jr.Steps[b].Rank })
	if o.By == ByLane || o.Workbook {
		jr.Lanes = lanesOf(j)
	}
	if o.By == ByOwner || o.Workbook {
		jr.Backlog = backlogOf(j)
	}
	return jr
}

func (o Options) keep(g *StepGap) bool {
	if o.Critical && !g.Critical {
		return false
	}
	if len(o.Only) == 0 {
		return true
	}
	for _, r := range o.Only {
		if r == g.Rating {
			return true
		}
	}
	return false
}

func stepGap(st *journey.Stage, s *journey.Step, laneNames map[string]string) StepGap {
	g := StepGap{
		Stage: st.ID, StageName: st.Name, ID: s.ID, Action: s.Action,
		Rating: s.Rating, Critical: s.Critical, Emotion: s.Emotion, Line: s.Loc.Line,
		Touchpoints:   make([]string, 0, len(s.Touchpoints)),
		Pains:         append([]string{}, s.Pains...),
		Opportunities: make([]Opportunity, 0, len(s.Opportunities)),
		Metrics:       make([]MetricGap, 0, len(s.Metrics)),
	}
	if g.Rating == "" {
		g.Rating = Unrated
	}
	g.Rank = Rank(g.Rating, g.Critical)
	for _, t := range s.Touchpoints {
		name := laneNames[t.Lane.Value]
		if name == "" {
			name = t.Lane.Value
		}
		g.Touchpoints = append(g.Touchpoints, name)
	}
	for _, op := range s.Opportunities {
		g.Opportunities = append(g.Opportunities, Opportunity{Idea: op.Idea, Owner: op.Owner})
	}
	for _, m := range s.Metrics {
		g.Metrics = append(g.Metrics, metricGap(m))
	}
	return g
}

// metricGap is a metric (or KPI) against its target.
func metricGap(m journey.Metric) MetricGap {
	mg := MetricGap{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}
	if mg.Better == "" {
		mg.Better = "higher"
	}
	if gap, ok := m.Gap(); ok {
		gap = round6(gap)
		met, _ := m.Met()
		mg.Gap, mg.Met = &gap, &met
	}
	return mg
}
