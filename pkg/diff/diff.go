// Package diff compares two versions of a journey (docs/diff.md): two commits
// of one file, or the current and the future state of one journey. Stages,
// steps, lanes and sources are matched by id, metrics by name within a step,
// opportunities by their idea and pains by their text. Compare produces a
// typed change set; the formats (text, markdown, json) only read it.
//
// The journey ids may differ (a future-state map usually has its own id):
// matching is on the ids inside the journey.
package diff

import (
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Kinds of change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Directions of a rating, emotion or metric change.
const (
	Improved  = "improved"
	Regressed = "regressed"
	// NowRated and NowUnrated are a rating given or taken away: neither
	// better nor worse.
	NowRated   = "rated"
	NowUnrated = "unrated"
)

// Target status changes of a metric.
const (
	TargetMet  = "met"  // not met before (or unknown), met now
	TargetLost = "lost" // met before, known and not met now
)

// Diff is everything that changed from Old to New. Lists are never nil.
type Diff struct {
	Old Side `json:"old"`
	New Side `json:"new"`
	// Journey lists changed journey-level fields (title, state, owner,
	// client, persona).
	Journey []Field  `json:"journey"`
	Stages  []Entity `json:"stages"`
	Lanes   []Entity `json:"lanes"`
	Sources []Entity `json:"sources"`
	// Steps that were added, removed or changed, in NEW's file order, each
	// removed step placed after the step it followed in OLD.
	Steps []StepChange `json:"steps"`
	// Personas, KPIs, Backlog and Time compare the model additions; they
	// are left out (JSON: absent) when neither version has any.
	Personas []Entity        `json:"personas,omitempty"`
	KPIs     []MetricChange  `json:"kpis,omitempty"`
	Backlog  []BacklogChange `json:"backlog,omitempty"`
	Time     *TimeChange     `json:"time,omitempty"`
	Summary  Summary         `json:"summary"`
	// old and new are the versions compared, kept for the picture
	// (picture.go).
	old, new *journey.Journey
}

// Side names one version.
type Side struct {
	Path  string `json:"path"`
	ID    string `json:"id"`
	Title string `json:"title"`
	State string `json:"state"`
}

// Field is one changed value, written as text.
type Field struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Entity is a stage, lane or source that was added, removed or changed.
type Entity struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	// Name is the stage or lane name, or the source title (NEW's when
	// changed).
	Name string `json:"name"`
	// Zone is a lane's zone ("" for stages and sources).
	Zone   string  `json:"zone,omitempty"`
	Fields []Field `json:"fields"`
}

// StepChange is one step's changes.
type StepChange struct {
	Kind string `json:"kind"`
	// Class is what happened to the step, decided once (classify): one
	// of Classes. Why gives the reasons of an improved, regressed or
	// re-rated step ("rating yellow → red", "emotion +1 → -2").
	Class  string   `json:"class"`
	Why    []string `json:"why"`
	ID     string   `json:"id"`
	Action string   `json:"action"`
	// Stage is where the step is in NEW (in OLD when removed).
	Stage     string `json:"stage"`
	StageName string `json:"stageName"`
	// Rating and Critical are the step's own (NEW's, OLD's when removed).
	Rating   string `json:"rating"`
	Critical bool   `json:"critical"`
	// Moved is set when the step changed stage or order among the steps
	// both versions have.
	Moved *Move `json:"moved"`
	// Fields lists other changed values: the action text, and "next" (the
	// explicit flow, step ids joined by ", "; "" when it follows file order).
	Fields        []Field          `json:"fields"`
	RatingChange  *RatingChange    `json:"ratingChange"`
	CriticalFrom  *bool            `json:"criticalFrom"`
	Emotion       *EmotionChange   `json:"emotion"`
	Metrics       []MetricChange   `json:"metrics"`
	Opportunities OpportunityDelta `json:"opportunities"`
	Pains         TextDelta        `json:"pains"`
	Touchpoints   LaneDelta        `json:"touchpoints"`
	// Backstage lists backstage and support lanes added or removed.
	Backstage LaneDelta `json:"backstage"`
	// Entries lists changed touchpoint and backstage entries in lanes the
	// step has in both versions (what they do, their rating).
	Entries  []EntryChange `json:"entries"`
	Evidence TextDelta     `json:"evidence"`
	// Quotes lists quotes added and removed, by text.
	// nil when neither version of the step has quotes.
	Quotes *TextDelta `json:"quotes,omitempty"`
}

// Move is where a step was and is: stage ids and 1-based positions in file
// order across the whole journey.
type Move struct {
	FromStage string `json:"fromStage"`
	ToStage   string `json:"toStage"`
	From      int    `json:"from"`
	To        int    `json:"to"`
}

// RatingChange is a step's rating before and after; "" means unrated.
type RatingChange struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Direction string `json:"direction"`
}

// EmotionChange is a step's emotion before and after (nil: not set).
type EmotionChange struct {
	From      *int   `json:"from"`
	To        *int   `json:"to"`
	Direction string `json:"direction"`
}

// MetricChange is one metric's change within a step.
type MetricChange struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Unit string `json:"unit"`
	// Better is NEW's direction ("higher" or "lower"; OLD's when removed).
	Better     string   `json:"better"`
	From       *float64 `json:"from"`
	To         *float64 `json:"to"`
	TargetFrom *float64 `json:"targetFrom"`
	TargetTo   *float64 `json:"targetTo"`
	// Direction of the current value: Improved, Regressed or "".
	Direction string `json:"direction"`
	// Target is TargetMet, TargetLost or "".
	Target string `json:"target"`
	// MetNow reports whether NEW meets the target (nil: unknown).
	MetNow *bool   `json:"metNow"`
	Fields []Field `json:"fields"`
}

// OpportunityDelta lists opportunities added and removed (closed).
type OpportunityDelta struct {
	Added   []Opportunity `json:"added"`
	Removed []Opportunity `json:"removed"`
	// Owners lists ideas kept whose owner changed (Name is the idea).
	Owners []Field `json:"owners"`
}

// Opportunity is an idea and its owner.
type Opportunity struct {
	Idea  string `json:"idea"`
	Owner string `json:"owner"`
}

// TextDelta lists texts added and removed.
type TextDelta struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

// LaneDelta lists touchpoint lanes added and removed.
type LaneDelta struct {
	Added   []Lane `json:"added"`
	Removed []Lane `json:"removed"`
}

// Lane is a lane id with its name.
type Lane struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Summary counts the changes. StepsImproved, StepsRegressed,
// StepsReRated, StepsAdded, StepsRemoved and StepsUnchanged count the step
// classes (every step of either version is in one); the Ratings counts are
// the step ratings that moved, whatever the class.
type Summary struct {
	StepsImproved        int `json:"stepsImproved"`
	StepsRegressed       int `json:"stepsRegressed"`
	StepsReRated         int `json:"stepsReRated"`
	StepsUnchanged       int `json:"stepsUnchanged"`
	StepsAdded           int `json:"stepsAdded"`
	StepsRemoved         int `json:"stepsRemoved"`
	StepsMoved           int `json:"stepsMoved"`
	StepsChanged         int `json:"stepsChanged"`
	RatingsImproved      int `json:"ratingsImproved"`
	RatingsRegressed     int `json:"ratingsRegressed"`
	MetricsImproved      int `json:"metricsImproved"`
	MetricsRegressed     int `json:"metricsRegressed"`
	TargetsMet           int `json:"targetsMet"`
	TargetsLost          int `json:"targetsLost"`
	OpportunitiesAdded   int `json:"opportunitiesAdded"`
	OpportunitiesRemoved int `json:"opportunitiesRemoved"`
	PainsAdded           int `json:"painsAdded"`
	PainsRemoved         int `json:"painsRemoved"`
	// EntryRatings count touchpoint and backstage entry ratings.
	EntryRatingsImproved  int `json:"entryRatingsImproved"`
	EntryRatingsRegressed int `json:"entryRatingsRegressed"`
	// RatingsReRated counts step ratings that got worse where the step's
	// sources changed too: not in RatingsRegressed.
	RatingsReRated     int `json:"ratingsReRated,omitempty"`
	KPIsImproved       int `json:"kpisImproved,omitempty"`
	KPIsRegressed      int `json:"kpisRegressed,omitempty"`
	OpportunitiesMoved int `json:"opportunitiesMoved,omitempty"`
	StatusChanges      int `json:"statusChanges,omitempty"`
}

// Regression reports whether a step regressed (its class), a touchpoint or
// backstage entry's rating got worse, or a met target was lost: what
// --fail-on-regression fails on.
func (d *Diff) Regression() bool {
	s := d.Summary
	return s.StepsRegressed > 0 || s.EntryRatingsRegressed > 0 || s.TargetsLost > 0
}

// RegressionStrict is Regression counting steps re-rated on new evidence
// as regressions too (--strict).
func (d *Diff) RegressionStrict() bool { return d.Regression() || d.Summary.StepsReRated > 0 }

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Journey)+len(d.Stages)+len(d.Lanes)+len(d.Sources)+len(d.Steps)+len(d.Personas)+len(d.KPIs)+len(d.Backlog) == 0 &&
		(d.Time == nil || TimeText(d.Time) == "")
}

// Compare computes what changed from old to new (both valid).
func Compare(old, new *journey.Journey) *Diff {
	d := &Diff{
		Old: side(old), New: side(new),
		Journey: journeyFields(old, new),
		Stages:  stages(old, new),
		Lanes:   lanes(old, new),
		Sources: sources(old, new),
		old:     old, new: new,
	}
	var both int
	d.Steps, both = steps(old, new)
	for i := range d.Steps {
		d.Summary.count(&d.Steps[i])
	}
	d.Summary.StepsUnchanged = both - d.Summary.StepsImproved - d.Summary.StepsRegressed - d.Summary.StepsReRated
	compareModel(d, old, new)
	return d
}

func side(j *journey.Journey) Side {
	s := Side{Path: j.Path, ID: j.ID, Title: j.Title, State: j.State}
	if s.State == "" {
		s.State = journey.Current
	}
	return s
}

func (s *Summary) count(c *StepChange) {
	switch c.Kind {
	case Added:
		s.StepsAdded++
	case Removed:
		s.StepsRemoved++
	default:
		s.StepsChanged++
	}
	switch c.Class {
	case Improved:
		s.StepsImproved++
	case Regressed:
		s.StepsRegressed++
	case ReRated:
		s.StepsReRated++
	}
	if c.Moved != nil {
		s.StepsMoved++
	}
	if c.RatingChange != nil {
		switch c.RatingChange.Direction {
		case Improved:
			s.RatingsImproved++
		case Regressed:
			s.RatingsRegressed++
		case ReRated:
			s.RatingsReRated++
		}
	}
	for _, m := range c.Metrics {
		switch m.Direction {
		case Improved:
			s.MetricsImproved++
		case Regressed:
			s.MetricsRegressed++
		}
		switch m.Target {
		case TargetMet:
			s.TargetsMet++
		case TargetLost:
			s.TargetsLost++
		}
	}
	s.OpportunitiesAdded += len(c.Opportunities.Added)
	s.OpportunitiesRemoved += len(c.Opportunities.Removed)
	s.PainsAdded += len(c.Pains.Added)
	s.PainsRemoved += len(c.Pains.Removed)
	for _, e := range c.Entries {
		switch e.Direction {
		case Improved:
			s.EntryRatingsImproved++
		case Regressed:
			s.EntryRatingsRegressed++
		}
	}
}

func field(fs []Field, name, from, to string) []Field {
	if from != to {
		fs = append(fs, Field{Name: name, From: from, To: to})
	}
	return fs
}

func journeyFields(o, n *journey.Journey) []Field {
	fs := []Field{}
	fs = field(fs, "title", o.Title, n.Title)
	fs = field(fs, "state", side(o).State, side(n).State)
	fs = field(fs, "owner", o.Owner, n.Owner)
	fs = field(fs, "client", o.Client, n.Client)
	persona := func(j *journey.Journey) string {
		if j.Persona == nil {
			return ""
		}
		return j.Persona.Name
	}
	fs = field(fs, "persona", persona(o), persona(n))
	return fs
}

// entities matches two id-keyed lists: removed ones first in OLD's order,
// then added and changed ones in NEW's order.
func entities[T any](old, new []T, id func(T) string, describe func(T) Entity, compare func(a, b T) []Field) []Entity {
	out := []Entity{}
	inNew := make(map[string]int, len(new))
	for i, t := range new {
		inNew[id(t)] = i
	}
	inOld := make(map[string]int, len(old))
	for i, t := range old {
		inOld[id(t)] = i
		if _, ok := inNew[id(t)]; !ok {
			e := describe(t)
			e.Kind = Removed
			out = append(out, e)
		}
	}
	for _, t := range new {
		e := describe(t)
		if oi, ok := inOld[id(t)]; ok {
			e.Fields = compare(old[oi], t)
			if len(e.Fields) == 0 {
				continue
			}
			e.Kind = Changed
		} else {
			e.Kind = Added
		}
		out = append(out, e)
	}
	return out
}

func stages(o, n *journey.Journey) []Entity {
	return entities(o.Stages, n.Stages, func(s journey.Stage) string { return s.ID },
		func(s journey.Stage) Entity { return Entity{ID: s.ID, Name: s.Name, Fields: []Field{}} },
		func(a, b journey.Stage) []Field { return field(nil, "name", a.Name, b.Name) })
}

func lanes(o, n *journey.Journey) []Entity {
	return entities(o.Lanes, n.Lanes, func(l journey.Lane) string { return l.ID },
		func(l journey.Lane) Entity { return Entity{ID: l.ID, Name: l.Name, Zone: l.Zone, Fields: []Field{}} },
		func(a, b journey.Lane) []Field {
			fs := field(nil, "name", a.Name, b.Name)
			fs = field(fs, "zone", a.Zone, b.Zone)
			return field(fs, "channel", a.Channel, b.Channel)
		})
}

func sources(o, n *journey.Journey) []Entity {
	return entities(o.Sources, n.Sources, func(s journey.Source) string { return s.ID },
		func(s journey.Source) Entity { return Entity{ID: s.ID, Name: s.Title, Fields: []Field{}} },
		func(a, b journey.Source) []Field {
			fs := field(nil, "title", a.Title, b.Title)
			fs = field(fs, "kind", a.Kind, b.Kind)
			fs = field(fs, "url", a.URL, b.URL)
			fs = field(fs, "date", dateText(a.Date), dateText(b.Date))
			return field(fs, "n", score(a.N), score(b.N))
		})
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
