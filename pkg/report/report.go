// Package report turns valid journeys into the gap report (docs/report.md):
// per step what is wrong (rating, pains, unmet metric targets) and
// who owns the fix, sorted worst first, with summaries per stage, per
// journey and across a portfolio. Build produces pure data; the formats
// (table, markdown, csv, json) are one file each and only read a Report.
package report

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
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
	// Theme colours the workbook (header fill and ink, rating fills); nil
	// is cxmap's own look, the workbook as it was before themes.
	Theme *theme.Theme
	// Locale gives the fixed words (headers, sheet names, rating words,
	// sentences) and the numbers of every format people read (table,
	// markdown, the workbook); nil is English, byte for byte as before.
	// JSON and CSV keep their keys and values in every locale.
	Locale *locale.Locale
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
	// Total adds up the summaries of the current states (and of journeys
	// with no state); TotalFuture those of the future states. A future
	// state redesigns a current one, so adding the two would count the
	// same journey twice (docs/report.md, "Portfolio").
	Total       Summary
	TotalFuture Summary
	// Options are the filters the report was built with.
	Options Options
	// Lanes is the touchpoint inventory (By "lane"), Backlog the
	// opportunities grouped by owner (By "owner").
	Lanes   []LaneRow
	Backlog []OwnerGroup
}

// JourneyReport is the report for one journey.
type JourneyReport struct {
	Path   string
	ID     string
	Title  string
	State  string
	Owner  string
	Client string
	// Baseline is the path of the current state a future state improves
	// on, resolved against the journey's file as `cxmap diff FUTURE` opens
	// it and cleaned ("" when there is none).
	Baseline string
	// Hash is the SHA-256 of the journey file's bytes (hex; set for a
	// workbook, Options.Workbook), which the workbook keeps so that `cxmap import --update` can tell a journey
	// edited since the export.
	Hash string
	// Compare is the comparison with the baseline, when the caller could
	// load it (nil otherwise).
	Compare *Comparison
	// Updated is the journey's `updated` date (zero when absent).
	Updated time.Time
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
	// EntriesAtRisk counts the touchpoint and backstage entries rated red
	// or yellow.
	EntriesAtRisk int
	// Timed counts the steps with a duration; Duration adds them up (the
	// other Steps - Timed steps have none and add nothing).
	Timed    int
	Duration time.Duration
}

func (s *Summary) add(o Summary) {
	s.EntriesAtRisk += o.EntriesAtRisk
	s.Timed += o.Timed
	s.Duration += o.Duration
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
	s.EntriesAtRisk += len(g.AtRisk)
	if g.Duration > 0 {
		s.Timed++
		s.Duration += g.Duration
	}
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
	Touchpoints []string
	// Ratings are the touchpoints' own ratings, in the same order ("" when
	// not rated).
	Ratings []string
	// AtRisk are the step's touchpoint and backstage entries rated red or
	// yellow, touchpoints first, each list in file order.
	AtRisk []Entry
	// Duration is how long the step takes (0: not written).
	Duration      time.Duration
	Quotes        []Quote
	Pains         []string
	Opportunities []Opportunity
	Metrics       []MetricGap
	// Line is where the step is written; Index its 0-based place in file order.
	Line  int
	Index int
}

// Opportunity is an idea with its owner ("" when nobody owns it) and the
// backlog fields ("" or 0 when not written).
type Opportunity struct {
	Idea     string
	Owner    string
	ID       string
	Priority string
	Impact   int
	Effort   int
	Status   string
}

// Entry is a touchpoint or backstage entry of a step (a lane and what it
// does there) with its rating.
type Entry struct {
	Lane string // lane id
	Name string // lane name
	// Backstage is true for a `backstage` entry (a backstage or support
	// lane), false for a touchpoint.
	Backstage bool
	Does      string
	Rating    string
}

// Quote is a customer's words on a step, with the names of its source and
// persona when written (ids resolved to the title and name; the id when
// the journey does not have it).
type Quote struct {
	Text    string
	Source  string
	Persona string
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
		if jr.State == journey.Future {
			r.TotalFuture.add(jr.Summary)
		} else {
			r.Total.add(jr.Summary)
		}
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
		Stages: []StageSummary{}, Steps: []StepGap{}, Updated: j.Updated,
	}
	if o.Workbook {
		jr.Hash = fmt.Sprintf("%x", sha256.Sum256(j.Raw))
	}
	if jr.State == "" {
		jr.State = journey.Current
	}
	if b := j.BaselinePath(); b != "" {
		jr.Baseline = filepath.Clean(b)
	}
	for _, m := range j.KPIs {
		jr.KPIs = append(jr.KPIs, metricGap(m))
	}
	laneNames := make(map[string]string, len(j.Lanes))
	for _, l := range j.Lanes {
		laneNames[l.ID] = l.Name
	}
	n := lookup{lanes: laneNames, j: j}
	// The lane and owner views show no step rows: only the summaries are
	// kept, so a large portfolio does not hold (and the collector scan)
	// rows nobody prints.
	rows := o.By == "" || o.By == ByStep || o.Workbook
	index := 0
	for si := range j.Stages {
		st := &j.Stages[si]
		if o.Stage != "" && st.ID != o.Stage {
			index += len(st.Steps)
			continue
		}
		ss := StageSummary{ID: st.ID, Name: st.Name}
		for i := range st.Steps {
			g := stepGap(st, &st.Steps[i], &n)
			g.Index = index
			index++
			ss.Summary.count(&g)
			if rows && o.keep(&g) {
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

// lookup finds the names of a journey's lanes, sources and personas.
type lookup struct {
	lanes   map[string]string
	sources map[string]string
	j       *journey.Journey
}

func (n *lookup) lane(id string) string {
	if name := n.lanes[id]; name != "" {
		return name
	}
	return id
}

func (n *lookup) source(id string) string {
	if id == "" {
		return ""
	}
	if n.sources == nil {
		n.sources = map[string]string{}
		for _, s := range n.j.Sources {
			n.sources[s.ID] = s.Title
		}
	}
	if t := n.sources[id]; t != "" {
		return t
	}
	return id
}

func (n *lookup) persona(id string) string {
	if id == "" {
		return ""
	}
	if p, ok := n.j.PersonaByID(id); ok && p.Name != "" {
		return p.Name
	}
	return id
}

func stepGap(st *journey.Stage, s *journey.Step, n *lookup) StepGap {
	g := StepGap{
		Stage: st.ID, StageName: st.Name, ID: s.ID, Action: s.Action,
		Rating: s.Rating, Critical: s.Critical, Emotion: s.Emotion, Line: s.Loc.Line,
		Duration:      s.Duration.D,
		Touchpoints:   make([]string, 0, len(s.Touchpoints)),
		Pains:         append([]string{}, s.Pains...),
		Opportunities: make([]Opportunity, 0, len(s.Opportunities)),
		Metrics:       make([]MetricGap, 0, len(s.Metrics)),
	}
	if g.Rating == "" {
		g.Rating = Unrated
	}
	g.Rank = Rank(g.Rating, g.Critical)
	rated, atRisk := false, 0
	for _, t := range s.Touchpoints {
		g.Touchpoints = append(g.Touchpoints, n.lane(t.Lane.Value))
		rated = rated || t.Rating != ""
	}
	if rated {
		g.Ratings = make([]string, len(s.Touchpoints))
		for i, t := range s.Touchpoints {
			g.Ratings[i] = t.Rating
		}
	}
	lists := [2][]journey.Contact{s.Touchpoints, s.Backstage}
	for _, list := range lists {
		for _, c := range list {
			if c.Rating == journey.Red || c.Rating == journey.Yellow {
				atRisk++
			}
		}
	}
	if atRisk > 0 {
		g.AtRisk = make([]Entry, 0, atRisk)
		for k, list := range lists {
			for _, c := range list {
				if c.Rating == journey.Red || c.Rating == journey.Yellow {
					g.AtRisk = append(g.AtRisk, Entry{Lane: c.Lane.Value, Name: n.lane(c.Lane.Value), Backstage: k == 1, Does: c.Does, Rating: c.Rating})
				}
			}
		}
	}
	for _, q := range s.Quotes {
		g.Quotes = append(g.Quotes, Quote{Text: q.Text, Source: n.source(q.Source.Value), Persona: n.persona(q.Persona.Value)})
	}
	for _, op := range s.Opportunities {
		g.Opportunities = append(g.Opportunities, Opportunity{Idea: op.Idea, Owner: op.Owner, ID: op.ID,
			Priority: op.Priority, Impact: op.Impact, Effort: op.Effort, Status: op.Status})
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
