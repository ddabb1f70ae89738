package diff

import (
	"strconv"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

// ReRated is the direction of a step rating that got worse while the
// step's sources changed in the same diff: new evidence, not a regression
// (it fails --fail-on-regression only with --strict).
const ReRated = "re-rated on new evidence"

// Moved is the kind of a backlog opportunity that is at another step.
const Moved = "moved"

// BacklogChange is one opportunity with an id (the backlog), paired across
// the whole journey by id: added, removed (closed), changed in place, or
// moved to another step (possibly changed too).
type BacklogChange struct {
	Kind string `json:"kind"` // Added, Removed, Changed or Moved
	ID   string `json:"id"`
	Idea string `json:"idea"` // NEW's (OLD's when removed)
	// Step is where the idea is in NEW (in OLD when removed); FromStep is
	// OLD's step when it moved.
	Step     string `json:"step"`
	FromStep string `json:"fromStep,omitempty"`
	// Status is NEW's (OLD's when removed); StatusFrom is OLD's when it
	// changed.
	Status     string `json:"status,omitempty"`
	StatusFrom string `json:"statusFrom,omitempty"`
	// Fields lists the other changed values: idea, owner, priority,
	// impact, effort.
	Fields []Field `json:"fields"`
}

// TimeChange compares the journey's durations: per stage whose time
// changed (in NEW's order, stages only OLD has after them) and overall. A
// side with no duration is unknown, never zero: FromTimed/ToTimed say
// whether any step of that side has one, FromUntimed/ToUntimed how many
// steps have none. Saved is From - To (negative: the journey got longer),
// 0 unless both sides are timed.
type TimeChange struct {
	Stages      []StageTime `json:"stages"`
	From        float64     `json:"fromMinutes"`
	To          float64     `json:"toMinutes"`
	Saved       float64     `json:"savedMinutes"`
	FromTimed   bool        `json:"fromTimed"`
	ToTimed     bool        `json:"toTimed"`
	FromUntimed int         `json:"fromUntimed"`
	ToUntimed   int         `json:"toUntimed"`
}

// StageTime is one stage's total duration before and after (timed as in
// TimeChange).
type StageTime struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	From      float64 `json:"fromMinutes"`
	To        float64 `json:"toMinutes"`
	Saved     float64 `json:"savedMinutes"`
	FromTimed bool    `json:"fromTimed"`
	ToTimed   bool    `json:"toTimed"`
}

// compareModel fills the parts of d that compare the model additions:
// personas, KPIs, the backlog and time.
func compareModel(d *Diff, o, n *journey.Journey) {
	d.Personas = entities(o.Cast(), n.Cast(), personaKey,
		func(p journey.Persona) Entity { return Entity{ID: personaKey(p), Name: p.Name, Fields: []Field{}} },
		func(a, b journey.Persona) []Field {
			fs := field(nil, "name", a.Name, b.Name)
			fs = field(fs, "goal", a.Goal, b.Goal)
			return field(fs, "expectations", strings.Join(a.Expectations, "; "), strings.Join(b.Expectations, "; "))
		})
	if len(d.Personas) == 0 {
		d.Personas = nil
	}
	d.KPIs = metrics(o.KPIs, n.KPIs)
	if len(d.KPIs) == 0 {
		d.KPIs = nil
	}
	d.Backlog = backlog(o, n)
	d.Time = timeChange(o, n)
	for _, k := range d.KPIs {
		switch k.Direction {
		case Improved:
			d.Summary.KPIsImproved++
		case Regressed:
			d.Summary.KPIsRegressed++
		}
		if k.Target == TargetLost {
			d.Summary.TargetsLost++
		}
		if k.Target == TargetMet {
			d.Summary.TargetsMet++
		}
	}
	for _, b := range d.Backlog {
		switch b.Kind {
		case Added:
			d.Summary.OpportunitiesAdded++
		case Removed:
			d.Summary.OpportunitiesRemoved++
		case Moved:
			d.Summary.OpportunitiesMoved++
		}
		if b.StatusFrom != "" || (b.Kind != Added && b.Kind != Removed && b.Status != "" && hasField(b.Fields, "status")) {
			d.Summary.StatusChanges++
		}
	}
}

func hasField(fs []Field, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// personaKey is a persona's id, or its name for the single `persona:`.
func personaKey(p journey.Persona) string {
	if p.ID != "" {
		return p.ID
	}
	return p.Name
}

type placedOpp struct {
	journey.Opportunity
	step string
}

func backlogOf(j *journey.Journey) ([]placedOpp, map[string]int) {
	var out []placedOpp
	idx := map[string]int{}
	for _, s := range j.Steps() {
		for _, op := range s.Opportunities {
			if op.ID != "" {
				idx[op.ID] = len(out)
				out = append(out, placedOpp{op, s.ID})
			}
		}
	}
	return out, idx
}

func backlog(o, n *journey.Journey) []BacklogChange {
	olds, oldIdx := backlogOf(o)
	news, newIdx := backlogOf(n)
	var out []BacklogChange
	for _, op := range olds {
		if _, ok := newIdx[op.ID]; !ok {
			out = append(out, BacklogChange{Kind: Removed, ID: op.ID, Idea: op.Idea, Step: op.step, Status: op.Status, Fields: []Field{}})
		}
	}
	for _, op := range news {
		oi, ok := oldIdx[op.ID]
		if !ok {
			out = append(out, BacklogChange{Kind: Added, ID: op.ID, Idea: op.Idea, Step: op.step, Status: op.Status, Fields: []Field{}})
			continue
		}
		was := olds[oi]
		c := BacklogChange{Kind: Changed, ID: op.ID, Idea: op.Idea, Step: op.step, Status: op.Status, Fields: []Field{}}
		if was.step != op.step {
			c.Kind, c.FromStep = Moved, was.step
		}
		if was.Status != op.Status {
			c.StatusFrom = was.Status
			if c.StatusFrom == "" {
				c.StatusFrom = "none"
			}
		}
		c.Fields = field(c.Fields, "idea", was.Idea, op.Idea)
		c.Fields = field(c.Fields, "owner", was.Owner, op.Owner)
		c.Fields = field(c.Fields, "priority", was.Priority, op.Priority)
		c.Fields = field(c.Fields, "impact", score(was.Impact), score(op.Impact))
		c.Fields = field(c.Fields, "effort", score(was.Effort), score(op.Effort))
		if c.Kind == Moved || c.StatusFrom != "" || len(c.Fields) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func score(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// stageMinutes is each stage's duration in minutes (present only for
// stages with a timed step), the journey's, whether any step has a
// duration and how many steps have none.
func stageMinutes(j *journey.Journey) (map[string]float64, float64, bool, int) {
	m := map[string]float64{}
	untimed := 0
	for i := range j.Stages {
		if d, ok := j.Stages[i].Duration(); ok {
			m[j.Stages[i].ID] += d.Minutes()
		}
		for _, s := range j.Stages[i].Steps {
			if s.Duration.IsZero() {
				untimed++
			}
		}
	}
	d, any := j.Duration()
	return m, d.Minutes(), any, untimed
}

func timeChange(o, n *journey.Journey) *TimeChange {
	om, ot, oany, ou := stageMinutes(o)
	nm, nt, nany, nu := stageMinutes(n)
	if !oany && !nany {
		return nil
	}
	t := &TimeChange{Stages: []StageTime{}, From: ot, To: nt, FromTimed: oany, ToTimed: nany, FromUntimed: ou, ToUntimed: nu}
	if oany && nany {
		t.Saved = ot - nt
	}
	stage := func(id, name string) {
		f, fok := om[id]
		to, tok := nm[id]
		if f == to && fok == tok {
			return // unchanged: not listed
		}
		st := StageTime{ID: id, Name: name, From: f, To: to, FromTimed: fok, ToTimed: tok}
		if fok && tok {
			st.Saved = f - to
		}
		t.Stages = append(t.Stages, st)
	}
	seen := map[string]bool{}
	for _, st := range n.Stages {
		seen[st.ID] = true
		stage(st.ID, st.Name)
	}
	for _, st := range o.Stages {
		if !seen[st.ID] {
			stage(st.ID, st.Name)
		}
	}
	return t
}

// minutes writes a duration in minutes as cxmap writes durations.
func minutes(m float64) string {
	return journey.FormatDuration(time.Duration(m * float64(time.Minute)))
}

// noID keeps the opportunities without an id: those with one are compared
// journey-wide (Backlog).
func noID(ops []journey.Opportunity) []journey.Opportunity {
	var out []journey.Opportunity
	for _, op := range ops {
		if op.ID == "" {
			out = append(out, op)
		}
	}
	return out
}

func idsText(ts []journey.Text) string {
	var ids []string
	for _, t := range ts {
		ids = append(ids, t.Value)
	}
	return strings.Join(ids, ", ")
}

func quoteTexts(qs []journey.Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Text)
	}
	return out
}

// sameSources reports whether two steps cite the same set of sources.
func sameSources(a, b []journey.Text) bool {
	set := map[string]int{}
	for _, t := range a {
		set[t.Value] |= 1
	}
	for _, t := range b {
		set[t.Value] |= 2
	}
	for _, v := range set {
		if v != 3 {
			return false
		}
	}
	return true
}
