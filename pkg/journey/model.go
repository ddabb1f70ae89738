// Package journey is the journey file format: the typed model, the loader
// (YAML → model with source positions), the embedded JSON Schema and the
// validation rules. Later stages (lint, layout, report, diff) read the model
// and never the YAML.
package journey

import (
	"time"

	"go.yaml.in/yaml/v3"
)

// FormatVersion is the newest `cxmap:` format version this build reads.
const FormatVersion = 1

// Ratings, from the customer's side.
const (
	Green  = "green"
	Yellow = "yellow"
	Red    = "red"
)

// Zones of a lane relative to the lines of the blueprint.
const (
	Frontstage = "frontstage"
	Backstage  = "backstage"
	Support    = "support"
)

// States of a journey map.
const (
	Current = "current"
	Future  = "future"
)

// Range is a place in the file: 1-based line and column (columns count
// Unicode code points) of the first character, and the exclusive end.
type Range struct {
	Line, Col       int
	EndLine, EndCol int
}

// IsZero reports whether the range was never set.
func (r Range) IsZero() bool { return r.Line == 0 }

// Loc records where an entity and each of its keys stand in the file. It
// keeps the entity's YAML node and finds keys on demand, which costs far less
// at load time than recording every key up front.
type Loc struct {
	// Range covers the entity: for a mapping, from its first key to the end
	// of its last value.
	Range
	node *yaml.Node
}

func (l Loc) entry(name string) (k, v *yaml.Node) {
	if l.node == nil || l.node.Kind != yaml.MappingNode {
		return nil, nil
	}
	c := l.node.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == name {
			return c[i], c[i+1]
		}
	}
	return nil, nil
}

// Key is where the key `name` is written, or the entity's first line when
// the key is absent (so a "missing X" message points at the entity).
func (l Loc) Key(name string) Range {
	if k, _ := l.entry(name); k != nil {
		return rangeOf(k)
	}
	return l.Start()
}

// Value is where the value of key `name` is written, or Key(name) when absent.
func (l Loc) Value(name string) Range {
	if _, v := l.entry(name); v != nil {
		return rangeOf(v)
	}
	return l.Key(name)
}

// Has reports whether key `name` is written in the mapping.
func (l Loc) Has(name string) bool {
	k, _ := l.entry(name)
	return k != nil
}

// Start is the first line of the entity, one character wide.
func (l Loc) Start() Range {
	return Range{Line: l.Line, Col: l.Col, EndLine: l.Line, EndCol: l.Col + 1}
}

// Text is a string scalar with where it is written.
type Text struct {
	Value string
	At    Range
}

// Journey is one journey file.
type Journey struct {
	// Path is the file as the user named it ("-" for stdin unless renamed).
	Path string
	// Raw is the file's bytes, kept for messages and inline comments.
	Raw []byte
	// Doc is the parsed YAML document node (aliases not expanded).
	Doc *yaml.Node

	Version     int
	ID          string
	Title       string
	State       string // Current or Future; defaulted to Current
	Owner       string
	Client      string
	Updated     time.Time // zero when absent
	Tags        []string
	Description string
	Persona     *Persona
	Sources     []Source
	Lanes       []Lane
	Stages      []Stage
	Loc         Loc
}

// Persona is who takes the journey.
type Persona struct {
	Name         string
	Goal         string
	Expectations []string
	Loc          Loc
}

// Source is a piece of research that ratings rest on.
type Source struct {
	ID    string
	Kind  string // interview | survey | analytics | observation | workshop | other
	Title string
	Loc   Loc
}

// Lane is a row of the blueprint: a person, group, channel or system.
type Lane struct {
	ID      string
	Name    string
	Zone    string // Frontstage, Backstage or Support
	Channel string // optional
	Loc     Loc
}

// Stage groups steps under a header band.
type Stage struct {
	ID    string
	Name  string
	Steps []Step
	Loc   Loc
}

// Step is one action the customer takes.
type Step struct {
	ID            string
	Action        string
	Touchpoints   []Contact // frontstage lanes
	Backstage     []Contact // backstage or support lanes
	Evidence      []string
	Rating        string // "", Green, Yellow or Red
	Critical      bool
	Emotion       *int // -2..2 when set
	Sources       []Text
	Pains         []string
	Opportunities []Opportunity
	Metrics       []Metric
	Next          []Text // explicit flow; nil means "the next step in file order"
	Loc           Loc
}

// Contact is a touchpoint (frontstage) or backstage entry of a step.
type Contact struct {
	Lane   Text
	Does   string
	Rating string // "" when not rated
	Loc    Loc
}

// Opportunity is an idea that answers a pain, with who owns it.
type Opportunity struct {
	Idea  string
	Owner string
	Loc   Loc
}

// Metric is a measure with its current and target values.
type Metric struct {
	Name    string
	Unit    string
	Current *float64
	Target  *float64
	Better  string // "higher" (default) or "lower"
	Loc     Loc
}

// Met reports whether the metric is at or past its target; ok is false when
// either value is missing.
func (m Metric) Met() (met, ok bool) {
	if m.Current == nil || m.Target == nil {
		return false, false
	}
	if m.Better == "lower" {
		return *m.Current <= *m.Target, true
	}
	return *m.Current >= *m.Target, true
}

// Gap is how far the current value is from the target, signed so that a
// positive gap is still to go (0 or less: met). ok is false when a value is
// missing.
func (m Metric) Gap() (gap float64, ok bool) {
	if m.Current == nil || m.Target == nil {
		return 0, false
	}
	if m.Better == "lower" {
		return *m.Current - *m.Target, true
	}
	return *m.Target - *m.Current, true
}
