package measure

import (
	"math"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Scope says what a figure measures.
type Scope string

// Scopes, from the widest.
const (
	ScopeJourney    Scope = "journey"    // the journey's own question, or every answer when it has none
	ScopeStep       Scope = "step"       // a step, all its touchpoints included
	ScopeTouchpoint Scope = "touchpoint" // a lane on a step
	ScopeLane       Scope = "lane"       // a lane across the journey (answers naming no step)
)

// Figure is one computed score with its sample.
type Figure struct {
	Journey string `json:"journey"`
	Scope   Scope  `json:"scope"`
	Step    string `json:"step,omitempty"`
	Lane    string `json:"lane,omitempty"`
	// Segment is the persona or segment; "" for every respondent.
	Segment string `json:"segment,omitempty"`
	Metric  string `json:"metric"`
	Kind    Kind   `json:"-"`
	N       int    `json:"n"`
	// Score is NPS (-100..100), CSAT (% satisfied), CES or a question's
	// mean; Low and High its 95% interval.
	Score float64 `json:"score"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	// First and Last are the dates of the oldest and newest answer (zero
	// when no answer is dated).
	First time.Time `json:"-"`
	Last  time.Time `json:"-"`
	// Pooled marks a journey figure made of every answer because the data
	// has no journey-level question for the metric.
	Pooled bool `json:"pooled,omitempty"`
	// Files are indexes into Collector.Files: the files the answers came from.
	Files []int `json:"-"`
	// Counts: promoters, passives, detractors (NPS); satisfied (CSAT).
	Promoters  int `json:"promoters,omitempty"`
	Passives   int `json:"passives,omitempty"`
	Detractors int `json:"detractors,omitempty"`
	Satisfied  int `json:"satisfied,omitempty"`
	// Rating is the journey's rating of the step or touchpoint ("" when
	// unrated or not a step or touchpoint); Band the rating the score earns
	// and Verdict what it says of the rating (Judge).
	Rating  string `json:"rating,omitempty"`
	Band    string `json:"band,omitempty"`
	Verdict string `json:"verdict,omitempty"`
}

// Unit is how the figure's score is written: "%" for CSAT, "" otherwise.
func (f Figure) Unit() string {
	if f.Kind == KindCSAT {
		return "%"
	}
	return ""
}

// Name is the metric's name as --write records it: NPS, CSAT, CES, or the
// question id.
func (f Figure) Name() string {
	if f.Kind != KindQuestion {
		return strings.ToUpper(f.Metric)
	}
	return f.Metric
}

func figureOf(k cellKey, a *acc, scope Scope) Figure {
	f := Figure{Journey: k.journey, Scope: scope, Step: k.step, Lane: k.lane, Segment: k.segment, Metric: k.metric, Kind: KindOf(k.metric), N: a.n,
		First: dayTime(a.first), Last: dayTime(a.last)}
	var ci Interval
	switch f.Kind {
	case KindNPS:
		f.Promoters = a.counts[9] + a.counts[10]
		f.Passives = a.counts[7] + a.counts[8]
		f.Detractors = a.n - f.Promoters - f.Passives
		f.Score, ci = NPS(f.Promoters, f.Passives, f.Detractors)
	case KindCSAT:
		f.Satisfied = a.counts[4] + a.counts[5]
		f.Score, ci = CSAT(f.Satisfied, a.n)
	default:
		f.Score, ci = Mean(a.n, a.sum, a.sumSq)
	}
	f.Score, f.Low, f.High = round(f.Score), round(ci.Low), round(ci.High)
	for i := 0; i < 64; i++ {
		if a.files&(1<<uint(i)) != 0 {
			f.Files = append(f.Files, i)
		}
	}
	return f
}

// round keeps two decimals: the figures are shown and recorded so.
func round(v float64) float64 { return math.Round(v*100) / 100 }

// Figures computes every figure: per journey, step, touchpoint and lane,
// for every respondent and per segment, in a stable order (journeys as
// given, then by id; steps and lanes in journey order; metrics nps, csat,
// ces, then questions by name).
func (c *Collector) Figures() []Figure {
	type roll struct {
		key   cellKey
		scope Scope
	}
	sums := map[roll]*acc{}
	add := func(k cellKey, s Scope, a *acc) {
		r := roll{k, s}
		t := sums[r]
		if t == nil {
			t = &acc{}
			sums[r] = t
		}
		t.merge(a)
	}
	hasOwn := map[[2]string]bool{} // journey, metric with a journey-level question
	for k, a := range c.cells {
		if k.step == "" && k.lane == "" {
			hasOwn[[2]string{k.journey, k.metric}] = true
		}
		for _, seg := range segs(k.segment) {
			kk := k
			kk.segment = seg
			switch {
			case k.step != "" && k.lane != "":
				add(kk, ScopeTouchpoint, a)
				kk.lane = ""
				add(kk, ScopeStep, a)
			case k.step != "":
				add(kk, ScopeStep, a)
			case k.lane != "":
				add(kk, ScopeLane, a)
			}
			add(cellKey{k.journey, "", "", seg, k.metric}, ScopeJourney+"-all", a)
			if k.step == "" && k.lane == "" {
				add(cellKey{k.journey, "", "", seg, k.metric}, ScopeJourney, a)
			}
		}
	}
	var out []Figure
	for r, a := range sums {
		switch {
		case r.scope == ScopeJourney+"-all":
			if hasOwn[[2]string{r.key.journey, r.key.metric}] {
				continue
			}
			f := figureOf(r.key, a, ScopeJourney)
			f.Pooled = true
			out = append(out, f)
		default:
			out = append(out, figureOf(r.key, a, r.scope))
		}
	}
	c.sortFigures(out)
	return out
}

func segs(s string) []string {
	if s == "" {
		return []string{""}
	}
	return []string{"", s}
}

func (c *Collector) sortFigures(fs []Figure) {
	jpos := map[string]int{}
	for i, id := range c.order {
		jpos[id] = i
	}
	idx := func(list []string, id string) int {
		for i, s := range list {
			if s == id {
				return i
			}
		}
		return len(list)
	}
	scopeRank := map[Scope]int{ScopeJourney: 0, ScopeStep: 1, ScopeTouchpoint: 1, ScopeLane: 2}
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Journey != b.Journey {
			pa, oka := jpos[a.Journey]
			pb, okb := jpos[b.Journey]
			if oka != okb {
				return oka
			}
			if oka && pa != pb {
				return pa < pb
			}
			return a.Journey < b.Journey
		}
		if ra, rb := scopeRank[a.Scope], scopeRank[b.Scope]; ra != rb {
			return ra < rb
		}
		k := c.known[a.Journey]
		if a.Step != b.Step {
			if k != nil {
				if x, y := idx(k.Steps, a.Step), idx(k.Steps, b.Step); x != y {
					return x < y
				}
			}
			return a.Step < b.Step
		}
		if a.Lane != b.Lane {
			if a.Lane == "" || b.Lane == "" {
				return a.Lane == ""
			}
			if k != nil {
				if x, y := idx(k.Lanes, a.Lane), idx(k.Lanes, b.Lane); x != y {
					return x < y
				}
			}
			return a.Lane < b.Lane
		}
		if a.Metric != b.Metric {
			if a.Kind != b.Kind {
				return kindRank(a.Kind) < kindRank(b.Kind)
			}
			return a.Metric < b.Metric
		}
		return a.Segment < b.Segment
	})
}

func kindRank(k Kind) int {
	switch k {
	case KindNPS:
		return 0
	case KindCSAT:
		return 1
	case KindCES:
		return 2
	}
	return 3
}

// SourceID is the id --write gives the source a data file becomes:
// "survey-" and the file's base name made an id.
func SourceID(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimSuffix(b.String(), "-")
	if id == "" {
		id = "data"
	}
	return "survey-" + id
}

// SourceTitle is the title --write gives a data file's source: its base
// name without the extension, "_" and "-" read as spaces.
func SourceTitle(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return "Survey: " + strings.NewReplacer("_", " ", "-", " ").Replace(base)
}
