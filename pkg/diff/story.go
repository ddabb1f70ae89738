package diff

import (
	"fmt"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
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
func (d *Diff) Headline() string { return d.HeadlineIn(nil) }

// HeadlineIn is Headline in a locale's words and numbers (nil: English,
// Headline itself).
func (d *Diff) HeadlineIn(l *locale.Locale) string {
	var parts []string
	for _, c := range d.StepCounts() {
		if c.N > 0 {
			parts = append(parts, l.N("{n} "+c.Word, c.N)) // "1 dégradée", "2 dégradées"
		}
	}
	if len(parts) == 0 {
		return l.T("no steps")
	}
	return strings.Join(parts, ", ")
}

// Else is what else changed, in words, for the line under the headline:
// pains, metrics and targets, time, opportunities, KPIs ("" when none).
func (d *Diff) Else() string { return d.ElseIn(nil) }

// ElseIn is Else in a locale's words and numbers (nil: English, Else
// itself): "pains: 2 resolved, 1 new · time: 14w 5d → 5w 5d, 8w 6d saved".
// Each label and count is a catalogue message (messages/diff/), the
// counts plural by the language's rules.
func (d *Diff) ElseIn(l *locale.Locale) string {
	s := d.Summary
	var parts []string
	add := func(label string, pairs ...any) {
		var bits []string
		for i := 0; i < len(pairs); i += 2 {
			if n := pairs[i].(int); n > 0 {
				bits = append(bits, l.N(pairs[i+1].(string), n))
			}
		}
		if len(bits) > 0 {
			parts = append(parts, l.T(label, strings.Join(bits, ", ")))
		}
	}
	add("pains: {x}", s.PainsRemoved, "{n} resolved (pains)", s.PainsAdded, "{n} new (pains)")
	add("touchpoint/backstage ratings: {x}", s.EntryRatingsImproved, "{n} improved (ratings)", s.EntryRatingsRegressed, "{n} regressed (ratings)")
	add("targets: {x}", s.TargetsMet, "{n} now met (targets)", s.TargetsLost, "{n} lost (targets)")
	add("metrics: {x}", s.MetricsImproved, "{n} improved (metrics)", s.MetricsRegressed, "{n} worse (metrics)")
	add("opportunities: {x}", s.OpportunitiesAdded, "{n} added (opportunities)", s.OpportunitiesRemoved, "{n} closed (opportunities)", s.OpportunitiesMoved, "{n} moved (opportunities)", s.StatusChanges, "{n} changed status (opportunities)")
	add("KPIs: {x}", s.KPIsImproved, "{n} improved (KPIs)", s.KPIsRegressed, "{n} worse (KPIs)")
	if t := TimeTextIn(d.Time, l); t != "" {
		parts = append(parts, l.T("time: {x}", t))
	}
	return strings.Join(parts, " · ")
}

// TimeText is the journey's time before and after in words ("14w 5d → 5w
// 5d, 8w 6d saved"; "not timed → 3d" when a side has no duration), or ""
// when neither side has one or nothing changed.
func TimeText(t *TimeChange) string { return TimeTextIn(t, nil) }

// TimeTextIn is TimeText in a locale's words and duration units (nil:
// English, TimeText itself).
func TimeTextIn(t *TimeChange, l *locale.Locale) string {
	if t == nil || (t.From == t.To && t.FromUntimed == t.ToUntimed) {
		return ""
	}
	s := timed(t.From, t.FromTimed, l) + " → " + timed(t.To, t.ToTimed, l)
	if t.FromTimed && t.ToTimed {
		switch {
		case t.Saved > 0:
			s += ", " + l.T("{x} saved", span(t.Saved, l))
		case t.Saved < 0:
			s += ", " + l.T("{x} longer", span(-t.Saved, l))
		}
	}
	return s
}

// span is m minutes in the locale's duration units.
func span(m float64, l *locale.Locale) string {
	return l.Duration(time.Duration(m * float64(time.Minute)))
}

// timed writes minutes, or "not timed" when no step of that side has a
// duration (unknown, never zero).
func timed(m float64, ok bool, l *locale.Locale) string {
	if !ok {
		return l.T("not timed")
	}
	return span(m, l)
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

// NameIn is Name in a locale's words ("Permis (État actuel)"); nil: Name.
func (s Side) NameIn(l *locale.Locale) string {
	if l == nil {
		return s.Name()
	}
	state := s.State
	if state == "" {
		state = journey.Current
	}
	if strings.Contains(strings.ToLower(s.Title), strings.ToLower(state)) {
		return s.Title
	}
	return s.Title + " (" + l.T(strings.ToUpper(state[:1])+state[1:]+" state") + ")"
}

// WhyIn is c.Why as people read it, in l's language (nil: English): the
// rating words rather than the values ("Rating Very unhappy → Unhappy"
// where the JSON says "rating red → yellow"), "Emotion +1 → -2". diff's
// text formats, the deck and the site all read it, so a reason is worded
// once.
func (c *StepChange) WhyIn(l *locale.Locale) []string {
	word := func(r string) string { return l.T(journey.RatingWord(r)) }
	out := make([]string, len(c.Why))
	for i, w := range c.Why {
		switch {
		case strings.HasPrefix(w, "rating ") && c.RatingChange != nil:
			out[i] = l.T("Rating {x} → {y}", word(c.RatingChange.From), word(c.RatingChange.To))
		case strings.HasPrefix(w, "critical step now red"):
			from := ""
			if c.RatingChange != nil {
				from = c.RatingChange.From
			}
			out[i] = l.T("Critical step now {x} (was {y})", word(journey.Red), word(from))
		case strings.HasPrefix(w, "emotion "):
			out[i] = l.T("Emotion") + " " + strings.TrimPrefix(w, "emotion ")
		default:
			out[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return out
}
