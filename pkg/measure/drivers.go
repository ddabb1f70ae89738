package measure

import (
	"fmt"
	"math"
	"sort"
)

// respondent is one person's answers in one journey, kept for Drivers.
type respondent struct {
	answers []answer
}

// answer is one kept answer: step and metric as indexes into the
// collector's interned names (a million answers take 8 MB).
type answer struct {
	step, metric uint16
	score        float32
}

// driverData is what Drivers needs: per journey, per respondent id, the
// answers; names interned.
type driverData struct {
	people map[string]map[string]*respondent
	names  []string
	index  map[string]uint16
}

func (d *driverData) intern(s string) (uint16, bool) {
	if i, ok := d.index[s]; ok {
		return i, true
	}
	if len(d.names) >= 1<<16-1 {
		return 0, false
	}
	i := uint16(len(d.names))
	d.names = append(d.names, s)
	d.index[s] = i
	return i, true
}

func (c *Collector) keep(jid string, r *Row) {
	d := c.drivers
	step, ok1 := d.intern(r.Step)
	metric, ok2 := d.intern(r.Metric)
	if !ok1 || !ok2 {
		return
	}
	byID := d.people[jid]
	if byID == nil {
		byID = map[string]*respondent{}
		d.people[jid] = byID
	}
	p := byID[r.Respondent]
	if p == nil {
		p = &respondent{}
		byID[r.Respondent] = p
	}
	p.answers = append(p.answers, answer{step, metric, float32(r.Score)})
}

// Driver is how strongly one step's score moves with the journey's
// overall score across respondents.
type Driver struct {
	Step   string `json:"step"`
	Action string `json:"action,omitempty"`
	Metric string `json:"metric"`
	// N is the respondents who answered both the step and the overall
	// question.
	N int `json:"n"`
	// Rho is Spearman's rank correlation, Low and High its 95% interval
	// (Fisher's z with the Fieller-Hartley-Pearson variance 1.06/(n-3)).
	Rho  float64 `json:"rho"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Unhappy is the percentage of the step's respondents unhappy at it: a
	// detractor (0-6), dissatisfied (CSAT 1-2), high effort (CES 5-7), or 0-6
	// on a question.
	Unhappy  float64 `json:"unhappy"`
	Critical bool    `json:"critical"`
	// Top marks the top drivers: up to three steps whose interval lies above
	// 0 and whose correlation is at least half the strongest one.
	Top bool `json:"top"`
}

// DriverReport ranks a journey's steps as drivers of its overall score.
type DriverReport struct {
	Journey string   `json:"journey"`
	Overall string   `json:"overall"`
	Drivers []Driver `json:"drivers"`
	// CriticalTop are the critical steps among the top drivers, in rank order.
	CriticalTop []string `json:"critical_top"`
	// UnmarkedTop are top drivers the journey does not mark critical.
	UnmarkedTop []string `json:"unmarked_top"`
}

// Drivers ranks the steps of every journey by the Spearman correlation of
// each respondent's step score with their overall score: the journey-level
// metric overall names, or when "" the journey-level metric with the most
// answers. Steps answered by fewer than 4 respondents with an overall
// score are left out (no interval can be had).
func (c *Collector) Drivers(overall string) ([]DriverReport, error) {
	if c.drivers == nil {
		return nil, fmt.Errorf("internal: collector made without Drivers")
	}
	byJourney := map[string][]*respondent{}
	var jids []string
	for jid, byID := range c.drivers.people {
		jids = append(jids, jid)
		ids := make([]string, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		sort.Strings(ids) // a stable order for the ranks' ties
		for _, id := range ids {
			byJourney[jid] = append(byJourney[jid], byID[id])
		}
	}
	c.sortJourneys(jids)
	var out []DriverReport
	for _, jid := range jids {
		rep, err := c.journeyDrivers(jid, byJourney[jid], overall)
		if err != nil {
			return nil, err
		}
		out = append(out, rep)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no answers with a respondent id: drivers link each respondent's answers across steps (add a respondent column)")
	}
	return out, nil
}

func (c *Collector) sortJourneys(ids []string) {
	pos := map[string]int{}
	for i, id := range c.order {
		pos[id] = i + 1
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := pos[ids[i]], pos[ids[j]]
		if a != b && a != 0 && b != 0 {
			return a < b
		}
		if (a == 0) != (b == 0) {
			return a != 0
		}
		return ids[i] < ids[j]
	})
}

func (c *Collector) journeyDrivers(jid string, people []*respondent, overall string) (DriverReport, error) {
	rep := DriverReport{Journey: jid, Drivers: []Driver{}, CriticalTop: []string{}, UnmarkedTop: []string{}}
	// The overall metric and each step's metric: the most answered.
	journeyCount, stepCount := c.answerCounts(people)
	if overall == "" {
		overall = mostAnswered(journeyCount)
	}
	if overall == "" || journeyCount[overall] == 0 {
		what := "no journey-level answers (rows without a step)"
		if overall != "" {
			what = fmt.Sprintf("no journey-level answers to %q", overall)
		}
		return rep, fmt.Errorf("journey %q: %s to rank the steps against: give each respondent an overall score (a row with metric nps, or --overall QUESTION)", jid, what)
	}
	rep.Overall = overall
	stepMetric := stepMetrics(stepCount)
	steps := make([]string, 0, len(stepMetric))
	for s := range stepMetric {
		steps = append(steps, s)
	}
	k := c.known[jid]
	order := map[string]int{}
	if k != nil {
		for i, s := range k.Steps {
			order[s] = i + 1
		}
	}
	stepLess := func(a, b string) bool {
		if order[a] != order[b] {
			return order[a] < order[b]
		}
		return a < b
	}
	sort.Slice(steps, func(i, j int) bool { return stepLess(steps[i], steps[j]) })
	for _, s := range steps {
		m := stepMetric[s]
		pr := c.pairs(people, s, m, overall)
		if len(pr.xs) < 4 {
			continue
		}
		rho := Spearman(pr.xs, pr.ys)
		ci := fisherCI(rho, len(pr.xs))
		d := Driver{Step: s, Metric: m, N: len(pr.xs), Rho: round3(rho), Low: round3(ci.Low), High: round3(ci.High),
			Unhappy: round(100 * float64(pr.unhappy) / float64(pr.answered))}
		if k != nil {
			d.Action, d.Critical = k.Actions[s], k.Critical[s]
		}
		rep.Drivers = append(rep.Drivers, d)
	}
	sort.SliceStable(rep.Drivers, func(i, j int) bool {
		a, b := rep.Drivers[i], rep.Drivers[j]
		if a.Rho != b.Rho {
			return a.Rho > b.Rho
		}
		return stepLess(a.Step, b.Step)
	})
	markTop(&rep)
	return rep, nil
}

// answerCounts counts the answers to each journey-level metric and to
// each step's metrics.
func (c *Collector) answerCounts(people []*respondent) (journeyCount map[string]int, stepCount map[[2]string]int) {
	journeyCount, stepCount = map[string]int{}, map[[2]string]int{}
	names := c.drivers.names
	for _, p := range people {
		for _, a := range p.answers {
			if step, metric := names[a.step], names[a.metric]; step == "" {
				journeyCount[metric]++
			} else {
				stepCount[[2]string{step, metric}]++
			}
		}
	}
	return journeyCount, stepCount
}

// stepMetrics picks each step's metric: its most answered one (ties in
// metricLess order).
func stepMetrics(stepCount map[[2]string]int) map[string]string {
	stepMetric := map[string]string{}
	best := map[string]int{}
	for k, n := range stepCount {
		s, m := k[0], k[1]
		cur, ok := stepMetric[s]
		if !ok || n > best[s] || (n == best[s] && metricLess(m, cur)) {
			stepMetric[s], best[s] = m, n
		}
	}
	return stepMetric
}

// stepPairs are one step's scores paired with the same respondents'
// overall scores, and how many answered the step and were unhappy.
type stepPairs struct {
	xs, ys            []float64
	answered, unhappy int
}

// pairs pairs each respondent's mean score for step s's metric m with
// their mean overall score (CES turned round, so that higher is better).
func (c *Collector) pairs(people []*respondent, s, m, overall string) stepPairs {
	names := c.drivers.names
	kind := KindOf(m)
	var pr stepPairs
	for _, p := range people {
		var ov, ovN, st, stN float64
		for _, a := range p.answers {
			switch step, metric := names[a.step], names[a.metric]; {
			case step == "" && metric == overall:
				ov += float64(a.score)
				ovN++
			case step == s && metric == m:
				st += float64(a.score)
				stN++
			}
		}
		if stN == 0 {
			continue
		}
		st /= stN
		pr.answered++
		if isUnhappy(kind, st) {
			pr.unhappy++
		}
		if ovN == 0 {
			continue
		}
		if kind == KindCES { // lower effort is better: make higher better
			st = -st
		}
		pr.xs = append(pr.xs, st)
		pr.ys = append(pr.ys, ov/ovN)
	}
	return pr
}

// markTop marks the top drivers: up to three, sure to be positive (the
// interval above 0) and at least half the strongest; and lists them as
// critical or not yet marked critical.
func markTop(rep *DriverReport) {
	top := 0
	for i := range rep.Drivers {
		d := &rep.Drivers[i]
		if top < 3 && d.Low > 0 && d.Rho >= rep.Drivers[0].Rho/2 {
			d.Top = true
			top++
			if d.Critical {
				rep.CriticalTop = append(rep.CriticalTop, d.Step)
			} else {
				rep.UnmarkedTop = append(rep.UnmarkedTop, d.Step)
			}
		}
	}
}

func mostAnswered(count map[string]int) string {
	best, n := "", 0
	for m, c := range count {
		if c > n || (c == n && metricLess(m, best)) {
			best, n = m, c
		}
	}
	return best
}

func metricLess(a, b string) bool {
	ka, kb := kindRank(KindOf(a)), kindRank(KindOf(b))
	if ka != kb {
		return ka < kb
	}
	return a < b
}

func isUnhappy(k Kind, v float64) bool {
	switch k {
	case KindCSAT:
		return v <= 2
	case KindCES:
		return v >= 5
	}
	return v <= 6
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// Spearman is the rank correlation of xs and ys (ties get their average
// rank): Pearson's correlation of the ranks. 0 when either is constant.
func Spearman(xs, ys []float64) float64 {
	return pearson(ranks(xs), ranks(ys))
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

func pearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// fisherCI is the 95% interval of a Spearman correlation from n pairs.
func fisherCI(rho float64, n int) Interval {
	r := math.Max(-0.999999, math.Min(0.999999, rho))
	z := math.Atanh(r)
	se := math.Sqrt(1.06 / float64(n-3))
	return Interval{math.Tanh(z - z95*se), math.Tanh(z + z95*se)}
}
