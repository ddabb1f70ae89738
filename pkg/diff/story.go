package diff

import (
	"fmt"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Unchanged is the class of a step both versions have whose rating and
// emotion are neither better nor worse (its other changes, such as a new
// pain, a metric or a time, are listed apart).
const Unchanged = "unchanged"

// Classes are the step classes in the order every output lists them
// (docs/diff.md, "One comparison"): each step of either version is in
// exactly one.
var Classes = []string{Improved, Regressed, ReRated, Added, Removed, Unchanged}

// classify decides, once, what happened to a step both versions have (c
// compares o with n): regressed when its rating or emotion got worse or a
// critical step fell to red; re-rated on new evidence when that worse
// rating or emotion comes with changed sources while the action,
// touchpoints and backstage are the same; improved when its rating or
// emotion got better and nothing got worse; unchanged otherwise. A new pain
// does not change the class: it is a new pain.
func classify(c *StepChange, o, n journey.StepRef) {
	var worse, better []string
	if r := c.RatingChange; r != nil {
		what := fmt.Sprintf("rating %s → %s", ratingValue(r.From), ratingValue(r.To))
		switch ratingDirection(r.From, r.To) {
		case Improved:
			better = append(better, what)
		case Regressed:
			worse = append(worse, what)
		}
	}
	if n.Critical && n.Rating == journey.Red && o.Rating != journey.Red && len(worse) == 0 {
		worse = append(worse, fmt.Sprintf("critical step now red (was %s)", ratingValue(o.Rating)))
	}
	if e := c.Emotion; e != nil {
		what := fmt.Sprintf("emotion %s → %s", emotion(e.From), emotion(e.To))
		switch e.Direction {
		case Improved:
			better = append(better, what)
		case Regressed:
			worse = append(worse, what)
		}
	}
	switch {
	case len(worse) > 0 && newEvidenceOnly(c, o, n):
		c.Class, c.Why = ReRated, worse
	case len(worse) > 0:
		c.Class, c.Why = Regressed, worse
	case len(better) > 0:
		c.Class, c.Why = Improved, better
	default:
		c.Class = Unchanged
	}
	if r := c.RatingChange; r != nil && r.Direction == Regressed && c.Class == ReRated {
		r.Direction = ReRated
	}
}

// ratingValue is a rating as the JSON's reasons (Why) write it: the value,
// "unrated" when there is none. People read them through WhyIn.
func ratingValue(r string) string {
	if r == "" {
		return NowUnrated
	}
	return r
}

// newEvidenceOnly reports whether a step's sources changed while what the
// step is stayed the same: its action, its touchpoint and backstage lanes
// and what each entry does (an entry's rating may change: that is the
// re-rating).
func newEvidenceOnly(c *StepChange, o, n journey.StepRef) bool {
	if sameSources(o.Sources, n.Sources) || o.Action != n.Action {
		return false
	}
	if len(c.Touchpoints.Added)+len(c.Touchpoints.Removed)+len(c.Backstage.Added)+len(c.Backstage.Removed) > 0 {
		return false
	}
	for _, e := range c.Entries {
		if e.Kind != Changed || e.DoesFrom != e.DoesTo {
			return false
		}
	}
	return true
}

// Count is how many steps are in one class, with the class's word.
type Count struct {
	Class string `json:"class"`
	Word  string `json:"word"`
	N     int    `json:"n"`
}

// ClassWord is the word every output uses for a step class.
func ClassWord(class string) string {
	switch class {
	case "":
		return Unchanged
	}
	return class
}

// StepCounts are the steps per class, in the order of Classes.
func (d *Diff) StepCounts() []Count {
	s := d.Summary
	ns := map[string]int{Improved: s.StepsImproved, Regressed: s.StepsRegressed, ReRated: s.StepsReRated,
		Added: s.StepsAdded, Removed: s.StepsRemoved, Unchanged: s.StepsUnchanged}
	out := make([]Count, len(Classes))
	for i, c := range Classes {
		out[i] = Count{Class: c, Word: ClassWord(c), N: ns[c]}
	}
	return out
}

// Headline is the step counts in words, the one sentence every output
// (diff, deck, site, report, the Action's summary) shows: "9 improved,
// 1 re-rated on new evidence, 2 added, 2 removed, 13 unchanged". Only the
// classes some step is in are written ("1 regressed, 25 unchanged", never
// "0 improved, 1 regressed"); "no steps" when neither version has one.
// The counts themselves are in StepCounts (and the JSON), zeros included.
func (d *Diff) Headline() string {
	var parts []string
	for _, c := range d.StepCounts() {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.N, c.Word))
		}
	}
	if len(parts) == 0 {
		return "no steps"
	}
	return strings.Join(parts, ", ")
}

// Else is what else changed, in words, for the line under the headline:
// pains, metrics and targets, time, opportunities, KPIs ("" when none).
func (d *Diff) Else() string {
	s := d.Summary
	var parts []string
	add := func(label string, pairs ...any) {
		var bits []string
		for i := 0; i < len(pairs); i += 2 {
			if n := pairs[i].(int); n > 0 {
				bits = append(bits, fmt.Sprintf("%d %s", n, pairs[i+1]))
			}
		}
		if len(bits) > 0 {
			parts = append(parts, label+" "+strings.Join(bits, ", "))
		}
	}
	add("pains:", s.PainsRemoved, "resolved", s.PainsAdded, "new")
	add("touchpoint/backstage ratings:", s.EntryRatingsImproved, "improved", s.EntryRatingsRegressed, "regressed")
	add("targets:", s.TargetsMet, "now met", s.TargetsLost, "lost")
	add("metrics:", s.MetricsImproved, "improved", s.MetricsRegressed, "worse")
	add("opportunities:", s.OpportunitiesAdded, "added", s.OpportunitiesRemoved, "closed", s.OpportunitiesMoved, "moved", s.StatusChanges, "changed status")
	add("KPIs:", s.KPIsImproved, "improved", s.KPIsRegressed, "worse")
	if t := TimeText(d.Time); t != "" {
		parts = append(parts, "time: "+t)
	}
	return strings.Join(parts, " · ")
}

// TimeText is the journey's time before and after in words ("14w 5d → 5w
// 5d, 8w 6d saved"; "not timed → 3d" when a side has no duration), or ""
// when neither side has one or nothing changed.
func TimeText(t *TimeChange) string {
	if t == nil || (t.From == t.To && t.FromUntimed == t.ToUntimed) {
		return ""
	}
	s := timed(t.From, t.FromTimed) + " → " + timed(t.To, t.ToTimed)
	if t.FromTimed && t.ToTimed {
		switch {
		case t.Saved > 0:
			s += ", " + minutes(t.Saved) + " saved"
		case t.Saved < 0:
			s += ", " + minutes(-t.Saved) + " longer"
		}
	}
	return s
}

// timed writes minutes, or "not timed" when no step of that side has a
// duration (unknown, never zero).
func timed(m float64, ok bool) string {
	if !ok {
		return "not timed"
	}
	return minutes(m)
}

// Name names a version for people: its title and state ("Permit
// (current state)"), never its file.
func (s Side) Name() string {
	state := s.State
	if state == "" {
		state = journey.Current
	}
	if strings.Contains(strings.ToLower(s.Title), strings.ToLower(state)) {
		return s.Title
	}
	return s.Title + " (" + state + " state)"
}

// WhyIn is c.Why with the rating words of word (the deck and the site
// write "rating Very unhappy → Unhappy" where diff writes "rating red →
// yellow").
func (c *StepChange) WhyIn(word func(rating string) string) []string {
	out := make([]string, len(c.Why))
	for i, w := range c.Why {
		switch {
		case strings.HasPrefix(w, "rating ") && c.RatingChange != nil:
			out[i] = "Rating " + word(c.RatingChange.From) + " → " + word(c.RatingChange.To)
		case strings.HasPrefix(w, "critical step now red"):
			from := ""
			if c.RatingChange != nil {
				from = c.RatingChange.From
			}
			out[i] = "Critical step now " + word(journey.Red) + " (was " + word(from) + ")"
		default:
			out[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return out
}
