package diff

import (
	"sort"

	"github.com/cxmap/cxmap/pkg/journey"
)

// ratingRank orders ratings from worst to best; unrated is outside the scale.
var ratingRank = map[string]int{journey.Red: 1, journey.Yellow: 2, journey.Green: 3}

// steps compares the steps of both versions; both is how many steps both
// versions have.
func steps(o, n *journey.Journey) (res []StepChange, both int) {
	olds, news := o.Steps(), n.Steps()
	oldIdx := make(map[string]int, len(olds))
	for i, s := range olds {
		oldIdx[s.ID] = i
	}
	newIdx := make(map[string]int, len(news))
	for i, s := range news {
		newIdx[s.ID] = i
	}
	reordered := reorderedSteps(olds, news, oldIdx)
	oldLanes, newLanes := laneNames(o), laneNames(n)

	type keyed struct {
		pos, tie, sub int
		c             StepChange
	}
	var out []keyed
	for i, ns := range news {
		oi, ok := oldIdx[ns.ID]
		if !ok {
			c := newStepChange(Added, ns)
			c.Touchpoints.Added = touchLanes(ns.Touchpoints, newLanes)
			c.Backstage.Added = touchLanes(ns.Backstage, newLanes)
			c.Pains.Added = append(c.Pains.Added, ns.Pains...)
			for _, op := range noID(ns.Opportunities) {
				c.Opportunities.Added = append(c.Opportunities.Added, Opportunity{Idea: op.Idea, Owner: op.Owner})
			}
			out = append(out, keyed{pos: i, c: c})
			continue
		}
		os := olds[oi]
		both++
		c := compareStep(os, ns, oldLanes, newLanes)
		if os.Stage.ID != ns.Stage.ID || reordered[ns.ID] {
			c.Moved = &Move{FromStage: os.Stage.ID, ToStage: ns.Stage.ID, From: oi + 1, To: i + 1}
		}
		if c.changed() {
			out = append(out, keyed{pos: i, c: c})
		}
	}
	// A removed step goes after the nearest earlier OLD step that NEW still
	// has, so it shows where it used to be.
	for i, os := range olds {
		if _, ok := newIdx[os.ID]; ok {
			continue
		}
		anchor := -1
		for k := i - 1; k >= 0; k-- {
			if ni, ok := newIdx[olds[k].ID]; ok {
				anchor = ni
				break
			}
		}
		c := newStepChange(Removed, os)
		c.Touchpoints.Removed = touchLanes(os.Touchpoints, oldLanes)
		c.Backstage.Removed = touchLanes(os.Backstage, oldLanes)
		c.Pains.Removed = append(c.Pains.Removed, os.Pains...)
		for _, op := range noID(os.Opportunities) {
			c.Opportunities.Removed = append(c.Opportunities.Removed, Opportunity{Idea: op.Idea, Owner: op.Owner})
		}
		out = append(out, keyed{pos: anchor, tie: 1, sub: i, c: c})
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.pos != y.pos {
			return x.pos < y.pos
		}
		if x.tie != y.tie {
			return x.tie < y.tie
		}
		return x.sub < y.sub
	})
	res = make([]StepChange, len(out))
	for i := range out {
		res[i] = out[i].c
	}
	return res, both
}

func newStepChange(kind string, s journey.StepRef) StepChange {
	return StepChange{
		Kind: kind, Class: kind, Why: []string{}, ID: s.ID, Action: s.Action, Stage: s.Stage.ID, StageName: s.Stage.Name,
		Rating: s.Rating, Critical: s.Critical,
		Fields: []Field{}, Metrics: []MetricChange{},
		Opportunities: OpportunityDelta{Added: []Opportunity{}, Removed: []Opportunity{}, Owners: []Field{}},
		Pains:         TextDelta{Added: []string{}, Removed: []string{}},
		Touchpoints:   LaneDelta{Added: []Lane{}, Removed: []Lane{}},
		Backstage:     LaneDelta{Added: []Lane{}, Removed: []Lane{}},
		Entries:       []EntryChange{},
		Evidence:      TextDelta{Added: []string{}, Removed: []string{}},
	}
}

func (c *StepChange) changed() bool {
	return c.Moved != nil || len(c.Fields) > 0 || c.RatingChange != nil || c.CriticalFrom != nil || c.Emotion != nil ||
		len(c.Metrics) > 0 || len(c.Opportunities.Added)+len(c.Opportunities.Removed)+len(c.Opportunities.Owners) > 0 ||
		len(c.Pains.Added)+len(c.Pains.Removed) > 0 || len(c.Touchpoints.Added)+len(c.Touchpoints.Removed) > 0 ||
		len(c.Backstage.Added)+len(c.Backstage.Removed) > 0 || len(c.Entries) > 0 ||
		len(c.Evidence.Added)+len(c.Evidence.Removed) > 0 || c.Quotes != nil
}

// reorderedSteps finds the steps both versions have whose order changed:
// the fewest steps that, taken out, leave the rest in the same order (the
// complement of a longest increasing subsequence of OLD positions read in
// NEW's order). Moving one step therefore marks one step, not every step it
// jumped over.
func reorderedSteps(olds, news []journey.StepRef, oldIdx map[string]int) map[string]bool {
	var ids []string
	var seq []int
	for _, s := range news {
		if oi, ok := oldIdx[s.ID]; ok {
			ids = append(ids, s.ID)
			seq = append(seq, oi)
		}
	}
	// Patience sorting: tails[k] is the index in seq of the smallest tail of
	// an increasing run of length k+1; prev links runs back.
	tails := []int{}
	prev := make([]int, len(seq))
	for i, v := range seq {
		k := sort.Search(len(tails), func(t int) bool { return seq[tails[t]] >= v })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	moved := map[string]bool{}
	for i, id := range ids {
		if !keep[i] {
			moved[id] = true
		}
	}
	return moved
}

func laneNames(j *journey.Journey) map[string]string {
	m := make(map[string]string, len(j.Lanes))
	for _, l := range j.Lanes {
		m[l.ID] = l.Name
	}
	return m
}

func touchLanes(cs []journey.Contact, names map[string]string) []Lane {
	out := []Lane{}
	seen := map[string]bool{}
	for _, c := range cs {
		id := c.Lane.Value
		if seen[id] {
			continue
		}
		seen[id] = true
		name := names[id]
		if name == "" {
			name = id
		}
		out = append(out, Lane{ID: id, Name: name})
	}
	return out
}

// compareStep lists what changed in a step both versions have.
func compareStep(o, n journey.StepRef, oldLanes, newLanes map[string]string) StepChange {
	c := newStepChange(Changed, n)
	c.Fields = field(c.Fields, "action", o.Action, n.Action)
	c.Fields = field(c.Fields, "next", nextText(o), nextText(n))
	if o.Rating != n.Rating {
		c.RatingChange = &RatingChange{From: o.Rating, To: n.Rating, Direction: ratingDirection(o.Rating, n.Rating)}
	}
	c.Fields = field(c.Fields, "duration", o.Duration.Text, n.Duration.Text)
	c.Fields = field(c.Fields, "personas", idsText(o.Personas), idsText(n.Personas))
	c.Fields = field(c.Fields, "sources", idsText(o.Sources), idsText(n.Sources))
	if o.Critical != n.Critical {
		was := o.Critical
		c.CriticalFrom = &was
	}
	if !sameInt(o.Emotion, n.Emotion) {
		e := &EmotionChange{From: o.Emotion, To: n.Emotion}
		if o.Emotion != nil && n.Emotion != nil {
			if *n.Emotion > *o.Emotion {
				e.Direction = Improved
			} else {
				e.Direction = Regressed
			}
		}
		c.Emotion = e
	}
	c.Metrics = metrics(o.Metrics, n.Metrics)
	c.Opportunities = opportunities(noID(o.Opportunities), noID(n.Opportunities))
	if len(o.Quotes)+len(n.Quotes) > 0 {
		q := texts(quoteTexts(o.Quotes), quoteTexts(n.Quotes))
		if len(q.Added)+len(q.Removed) > 0 {
			c.Quotes = &q
		}
	}
	c.Pains = texts(o.Pains, n.Pains)
	c.Touchpoints = laneDelta(touchLanes(o.Touchpoints, oldLanes), touchLanes(n.Touchpoints, newLanes))
	c.Backstage = laneDelta(touchLanes(o.Backstage, oldLanes), touchLanes(n.Backstage, newLanes))
	c.Entries = entryChanges(o, n, oldLanes, newLanes)
	c.Evidence = texts(o.Evidence, n.Evidence)
	classify(&c, o, n)
	return c
}

// laneDelta matches lanes by id.
func laneDelta(old, new []Lane) LaneDelta {
	d := LaneDelta{Added: []Lane{}, Removed: []Lane{}}
	inOld, inNew := map[string]bool{}, map[string]bool{}
	for _, l := range old {
		inOld[l.ID] = true
	}
	for _, l := range new {
		inNew[l.ID] = true
		if !inOld[l.ID] {
			d.Added = append(d.Added, l)
		}
	}
	for _, l := range old {
		if !inNew[l.ID] {
			d.Removed = append(d.Removed, l)
		}
	}
	return d
}

// ratingDirection tells an improvement (towards green) from a regression;
// a rating given or taken away is neither.
func ratingDirection(from, to string) string {
	switch {
	case from == "":
		return NowRated
	case to == "":
		return NowUnrated
	case ratingRank[to] > ratingRank[from]:
		return Improved
	}
	return Regressed
}

func sameInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func better(m journey.Metric) string {
	if m.Better == "" {
		return "higher"
	}
	return m.Better
}

// metrics matches a step's metrics by name; several metrics of one name are
// paired in order (first with first), so none is dropped.
func metrics(old, new []journey.Metric) []MetricChange {
	out := []MetricChange{}
	byName := map[string][]int{}
	for i, m := range old {
		byName[m.Name] = append(byName[m.Name], i)
	}
	pair := make([]int, len(new)) // index in old, -1 when added
	paired := make([]bool, len(old))
	for i, m := range new {
		pair[i] = -1
		if q := byName[m.Name]; len(q) > 0 {
			pair[i], byName[m.Name] = q[0], q[1:]
			paired[q[0]] = true
		}
	}
	for i, m := range old {
		if !paired[i] {
			out = append(out, MetricChange{Kind: Removed, Name: m.Name, Unit: m.Unit, Better: better(m),
				From: m.Current, TargetFrom: m.Target, Fields: []Field{}})
		}
	}
	for i, m := range new {
		mc := MetricChange{Name: m.Name, Unit: m.Unit, Better: better(m), To: m.Current, TargetTo: m.Target, Fields: []Field{}}
		if met, ok := m.Met(); ok {
			mc.MetNow = &met
		}
		if pair[i] < 0 {
			mc.Kind = Added
			out = append(out, mc)
			continue
		}
		om := old[pair[i]]
		mc.Kind = Changed
		mc.From, mc.TargetFrom = om.Current, om.Target
		mc.Fields = field(mc.Fields, "unit", om.Unit, m.Unit)
		mc.Fields = field(mc.Fields, "better", better(om), better(m))
		if mc.From != nil && mc.To != nil && *mc.From != *mc.To {
			up := *mc.To > *mc.From
			if up == (mc.Better == "higher") {
				mc.Direction = Improved
			} else {
				mc.Direction = Regressed
			}
		}
		oldMet, oldOK := om.Met()
		newMet, newOK := m.Met()
		switch {
		case newOK && newMet && !(oldOK && oldMet):
			mc.Target = TargetMet
		case oldOK && oldMet && newOK && !newMet:
			mc.Target = TargetLost
		}
		if sameFloat(mc.From, mc.To) && sameFloat(mc.TargetFrom, mc.TargetTo) && len(mc.Fields) == 0 && mc.Target == "" {
			continue
		}
		out = append(out, mc)
	}
	return out
}

// opportunities matches opportunities by idea; several with one idea are
// paired in order, like metrics.
func opportunities(old, new []journey.Opportunity) OpportunityDelta {
	d := OpportunityDelta{Added: []Opportunity{}, Removed: []Opportunity{}, Owners: []Field{}}
	byIdea := map[string][]int{}
	for i, o := range old {
		byIdea[o.Idea] = append(byIdea[o.Idea], i)
	}
	paired := make([]bool, len(old))
	for _, o := range new {
		q := byIdea[o.Idea]
		if len(q) == 0 {
			d.Added = append(d.Added, Opportunity{Idea: o.Idea, Owner: o.Owner})
			continue
		}
		byIdea[o.Idea], paired[q[0]] = q[1:], true
		if owner := old[q[0]].Owner; owner != o.Owner {
			d.Owners = append(d.Owners, Field{Name: o.Idea, From: owner, To: o.Owner})
		}
	}
	for i, o := range old {
		if !paired[i] {
			d.Removed = append(d.Removed, Opportunity{Idea: o.Idea, Owner: o.Owner})
		}
	}
	return d
}

// texts matches texts as a multiset: a text written twice and kept once
// is one removed.
func texts(old, new []string) TextDelta {
	d := TextDelta{Added: []string{}, Removed: []string{}}
	total, left := map[string]int{}, map[string]int{}
	for _, s := range old {
		total[s]++
		left[s]++
	}
	for _, s := range new {
		if left[s] > 0 {
			left[s]--
			continue
		}
		d.Added = append(d.Added, s)
	}
	// The first copies of a text are the ones kept, the rest are gone.
	seen := map[string]int{}
	for _, s := range old {
		seen[s]++
		if seen[s] > total[s]-left[s] {
			d.Removed = append(d.Removed, s)
		}
	}
	return d
}
