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
	Persona     *Persona  // the single `persona:`, nil when absent
	Personas    []Persona // `personas:` (the journey's own; see Cast)
	KPIs        []Metric
	Baseline    Text   // `baseline:` as written ("" when absent)
	Uses        []Text // `uses:` catalog paths as written
	// Sources and Lanes hold the journey's own entries first, then the
	// catalog entries the journey references (Origin set), in catalog order.
	Sources []Source
	Lanes   []Lane
	Stages  []Stage
	// Catalogs are the catalogs named in Uses, loaded (nil entries never:
	// a journey with a missing or invalid catalog does not load).
	Catalogs []*Catalog
	// CatalogPersonas are the catalog personas the journey cites (step
	// personas, quote persona), in catalog order, Origin set.
	CatalogPersonas []Persona
	Loc             Loc
	// baseDir is Options.Dir: where `uses` and `baseline` paths start.
	baseDir string
}

// BaselinePath is the baseline file's path as it is opened: relative to the
// journey file's directory. "" when there is no baseline.
func (j *Journey) BaselinePath() string {
	if j.Baseline.Value == "" {
		return ""
	}
	return relTo(j.Path, j.baseDir, j.Baseline.Value)
}

// Cast is every persona the journey has: the single `persona`, or its own
// `personas` followed by the catalog personas it cites.
func (j *Journey) Cast() []Persona {
	if j.Persona != nil {
		return []Persona{*j.Persona}
	}
	out := append([]Persona(nil), j.Personas...)
	return append(out, j.CatalogPersonas...)
}

// Catalog is a file of lanes, personas and sources shared by journeys
// (root key `cxmap-catalog: 1`).
type Catalog struct {
	Path     string // as opened (joined to the using journey's directory)
	Version  int
	ID       string
	Title    string
	Lanes    []Lane
	Personas []Persona
	Sources  []Source
	Loc      Loc
}

// Persona is who takes the journey.
type Persona struct {
	ID           string // "" for the single `persona:`
	Name         string
	Goal         string
	Expectations []string
	// Origin is the catalog file the persona comes from ("" for the
	// journey's own).
	Origin string
	Loc    Loc
}

// Source is a piece of research that ratings rest on.
type Source struct {
	ID    string
	Kind  string // interview | survey | analytics | observation | workshop | other
	Title string
	URL   string
	Date  time.Time // zero when absent
	N     int       // sample size; 0 when absent
	// Origin is the catalog file the source comes from ("" for the
	// journey's own).
	Origin string
	Loc    Loc
}

// Lane is a row of the blueprint: a person, group, channel or system.
type Lane struct {
	ID      string
	Name    string
	Zone    string // Frontstage, Backstage or Support
	Channel string // optional
	// Origin is the catalog file the lane comes from ("" for the journey's
	// own): the same touchpoint in every journey that uses the catalog.
	Origin string
	Loc    Loc
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
	Personas      []Text // who takes the step; nil means every persona
	Duration      Duration
	Quotes        []Quote
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
	ID       string // "" when absent
	Idea     string
	Owner    string
	Priority string // "", high, medium or low
	Impact   int    // 1..5; 0 when absent
	Effort   int    // 1..5; 0 when absent
	Status   string // "", idea, planned, in-progress, done or dropped
	Loc      Loc
}

// Quote is a customer's verbatim with where it comes from.
type Quote struct {
	Text    string
	Source  Text // "" when absent
	Persona Text // "" when absent
	Loc     Loc
}

// Duration is how long a step takes the customer, as written (`3w`) and
// parsed. A day is 24 hours and a week 7 days: elapsed time, waiting included.
type Duration struct {
	Text string        // "" when absent
	D    time.Duration // 0 when absent
	At   Range
}

// IsZero reports whether no duration was written.
func (d Duration) IsZero() bool { return d.Text == "" }

// Minutes is the duration in minutes.
func (d Duration) Minutes() float64 { return d.D.Minutes() }

// Metric is a measure with its current and target values.
type Metric struct {
	Name    string
	Unit    string
	Current *float64
	Target  *float64
	Better  string // "higher" (default) or "lower"
	Sources []Text
	// N, Interval and Lane are what `cxmap measure --write` records
	// (docs/measure.md): the answers behind Current (0 when absent), its
	// 95% interval (nil when absent), and the touchpoint lane the figure
	// measures on the step ("" for the whole step).
	N        int
	Interval *[2]float64
	Lane     Text
	Loc      Loc
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

// Item is where item i of the list under key `name` is written, or
// Value(name) when there is no such item.
func (l Loc) Item(name string, i int) Range {
	if _, v := l.entry(name); v != nil {
		v = resolve(v)
		if v.Kind == yaml.SequenceNode && i < len(v.Content) {
			return rangeOf(v.Content[i])
		}
	}
	return l.Value(name)
}

// PriorityRank orders opportunity priorities for every output that sorts
// by them: high, medium, low, then none.
func PriorityRank(p string) int {
	switch p {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	}
	return 3
}
