package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Tones say whether a change is better or worse for the customer; colour
// follows the tone, not the mark (removing a pain is good news).
const (
	bad     = -1
	neutral = 0
	good    = 1
)

// line is one change in words, shared by the text and markdown formats so
// they tell the same story.
type line struct {
	mark byte   // '+' added, '-' removed, '~' changed
	text string // what changed, plain words
	word string // the verdict ("improved", "regressed", "target met"...), may be ""
	tone int
}

func quote(s string) string { return "“" + s + "”" }

// rating is a rating in the words every output uses (journey.RatingWord:
// "Very unhappy", "Not rated"); the JSON keeps the values (red, "").
func rating(r string) string { return journey.RatingWord(r) }

// value is a value with its unit ("35%", "12 min"), "none" when not set.
func value(v *float64, unit string) string { return journey.ValueText(v, unit, "none") }

func emotion(e *int) string {
	if e == nil {
		return "unset"
	}
	if *e > 0 {
		return "+" + strconv.Itoa(*e)
	}
	return strconv.Itoa(*e)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// headLine is a step's first line.
func headLine(c *StepChange) line {
	l := line{text: fmt.Sprintf("%s (%s): %s", c.ID, c.StageName, c.Action)}
	desc := rating(c.Rating)
	if c.Critical {
		desc += ", critical"
	}
	switch c.Kind {
	case Added:
		l.mark, l.word = '+', "added, "+desc
	case Removed:
		l.mark, l.word = '-', "removed, was "+desc
	default:
		l.mark = '~'
		switch c.Class {
		case Improved:
			l.word, l.tone = Improved, good
		case Regressed:
			l.word, l.tone = Regressed, bad
		case ReRated:
			l.word = ReRated
		}
	}
	return l
}

// stepLines lists a step's changes below its head line.
func stepLines(c *StepChange) []line {
	var ls []line
	if m := c.Moved; m != nil {
		where := fmt.Sprintf("moved: %s #%d → %s #%d", m.FromStage, m.From, m.ToStage, m.To)
		if m.FromStage == m.ToStage {
			where = fmt.Sprintf("moved within %s: #%d → #%d", m.ToStage, m.From, m.To)
		}
		ls = append(ls, line{mark: '~', text: where})
	}
	for _, f := range c.Fields {
		if f.Name == "next" {
			ls = append(ls, line{mark: '~', text: "next " + flow(f.From) + " → " + flow(f.To)})
			continue
		}
		ls = append(ls, line{mark: '~', text: fmt.Sprintf("%s %s → %s", f.Name, quote(f.From), quote(f.To))})
	}
	if r := c.RatingChange; r != nil {
		l := line{mark: '~', text: fmt.Sprintf("rating %s → %s", rating(r.From), rating(r.To))}
		switch r.Direction {
		case Improved:
			l.word, l.tone = "improved", good
		case Regressed:
			l.word, l.tone = "regressed", bad
		case ReRated:
			l.word = ReRated
		case NowRated:
			l.word = "now rated"
		case NowUnrated:
			l.word = "no longer rated"
		}
		ls = append(ls, l)
	}
	if c.CriticalFrom != nil {
		l := line{mark: '~', text: fmt.Sprintf("critical %s → %s", yesNo(*c.CriticalFrom), yesNo(c.Critical)), word: "now critical"}
		if !c.Critical {
			l.word = "no longer critical"
		}
		ls = append(ls, l)
	}
	if e := c.Emotion; e != nil {
		l := line{mark: '~', text: fmt.Sprintf("emotion %s → %s", emotion(e.From), emotion(e.To))}
		switch e.Direction {
		case Improved:
			l.word, l.tone = "better", good
		case Regressed:
			l.word, l.tone = "worse", bad
		}
		ls = append(ls, l)
	}
	for i := range c.Metrics {
		ls = append(ls, metricLine(&c.Metrics[i]))
	}
	for _, p := range c.Pains.Added {
		ls = append(ls, line{mark: '+', text: "pain " + quote(p), word: "new pain", tone: bad})
	}
	for _, p := range c.Pains.Removed {
		ls = append(ls, line{mark: '-', text: "pain " + quote(p), word: "resolved", tone: good})
	}
	for _, o := range c.Opportunities.Added {
		ls = append(ls, line{mark: '+', text: "opportunity " + opportunity(o)})
	}
	for _, o := range c.Opportunities.Removed {
		ls = append(ls, line{mark: '-', text: "opportunity " + opportunity(o), word: "closed"})
	}
	for _, f := range c.Opportunities.Owners {
		ls = append(ls, line{mark: '~', text: fmt.Sprintf("owner of %s: %s → %s", quote(f.Name), owner(f.From), owner(f.To))})
	}
	for _, l := range c.Touchpoints.Added {
		ls = append(ls, line{mark: '+', text: "touchpoint " + l.Name})
	}
	for _, l := range c.Touchpoints.Removed {
		ls = append(ls, line{mark: '-', text: "touchpoint " + l.Name})
	}
	for _, l := range c.Backstage.Added {
		ls = append(ls, line{mark: '+', text: "backstage " + l.Name})
	}
	for _, l := range c.Backstage.Removed {
		ls = append(ls, line{mark: '-', text: "backstage " + l.Name})
	}
	ls = append(ls, entryLines(c.Entries)...)
	for _, e := range c.Evidence.Added {
		ls = append(ls, line{mark: '+', text: "evidence " + quote(e)})
	}
	for _, e := range c.Evidence.Removed {
		ls = append(ls, line{mark: '-', text: "evidence " + quote(e)})
	}
	if q := c.Quotes; q != nil {
		for _, t := range q.Added {
			ls = append(ls, line{mark: '+', text: "quote " + quote(t)})
		}
		for _, t := range q.Removed {
			ls = append(ls, line{mark: '-', text: "quote " + quote(t)})
		}
	}
	return ls
}

// flow shows a step's explicit next steps ("" is the default flow).
func flow(ids string) string {
	if ids == "" {
		return "(next in file order)"
	}
	return ids
}

func owner(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}

func opportunity(o Opportunity) string {
	return quote(o.Idea) + " (" + owner(o.Owner) + ")"
}

func metricLine(m *MetricChange) line {
	cmp := "≥"
	if m.Better == "lower" {
		cmp = "≤"
	}
	target := func(t *float64) string {
		if t == nil {
			return "no target"
		}
		return "target " + cmp + " " + value(t, m.Unit)
	}
	switch m.Kind {
	case Added:
		l := line{mark: '+', text: fmt.Sprintf("metric %s %s (%s)", m.Name, value(m.To, m.Unit), target(m.TargetTo))}
		if m.MetNow != nil && *m.MetNow {
			l.word = "met"
		}
		return l
	case Removed:
		return line{mark: '-', text: fmt.Sprintf("metric %s (was %s, %s)", m.Name, value(m.From, m.Unit), target(m.TargetFrom))}
	}
	text := "metric " + m.Name + " "
	if sameFloat(m.From, m.To) {
		text += value(m.To, m.Unit)
	} else {
		text += value(m.From, m.Unit) + " → " + value(m.To, m.Unit)
	}
	if sameFloat(m.TargetFrom, m.TargetTo) {
		text += " (" + target(m.TargetTo) + ")"
	} else {
		text += " (" + target(m.TargetFrom) + " → " + strings.TrimPrefix(target(m.TargetTo), "target ") + ")"
	}
	for _, f := range m.Fields {
		text += fmt.Sprintf(", %s %s → %s", f.Name, f.From, f.To)
	}
	l := line{mark: '~', text: text}
	var words []string
	switch m.Direction {
	case Improved:
		words, l.tone = append(words, "improved"), good
	case Regressed:
		words, l.tone = append(words, "worse"), bad
	}
	switch m.Target {
	case TargetMet:
		words, l.tone = append(words, "target met"), good
	case TargetLost:
		words, l.tone = append(words, "target lost"), bad
	}
	l.word = strings.Join(words, ", ")
	return l
}

// entityLines lists stage, lane or source changes.
func entityLines(kind string, es []Entity) []line {
	var ls []line
	for _, e := range es {
		text := kind + " " + e.ID + " " + quote(e.Name)
		if e.Zone != "" {
			text += " (" + e.Zone + ")"
		}
		switch e.Kind {
		case Added:
			ls = append(ls, line{mark: '+', text: text})
		case Removed:
			ls = append(ls, line{mark: '-', text: text})
		default:
			var parts []string
			for _, f := range e.Fields {
				parts = append(parts, fmt.Sprintf("%s %s → %s", f.Name, quote(f.From), quote(f.To)))
			}
			ls = append(ls, line{mark: '~', text: kind + " " + e.ID + ": " + strings.Join(parts, ", ")})
		}
	}
	return ls
}

func journeyLines(fs []Field) []line {
	var ls []line
	for _, f := range fs {
		ls = append(ls, line{mark: '~', text: fmt.Sprintf("%s %s → %s", f.Name, quote(f.From), quote(f.To))})
	}
	return ls
}

// summaryText is the counts in words ("no changes" when nothing changed):
// the step classes (Headline), then what else changed (Else).
func summaryText(d *Diff) string {
	if d.Empty() {
		return "no changes"
	}
	text := "steps: " + d.Headline()
	if s := d.Summary; s.StepsMoved > 0 {
		text += fmt.Sprintf(" (%d moved)", s.StepsMoved)
	}
	if e := d.Else(); e != "" {
		text += " · " + e
	}
	return text
}

// sideTitle is a version's title with its state (Side.Name).
func sideTitle(s Side) string { return s.Name() }

// whyText is the reasons of a step's class in the rating words
// ("rating Unhappy → Very unhappy; emotion -1 → -2"); c.Why, in the JSON,
// keeps the rating values.
func whyText(c *StepChange) string {
	ws := c.WhyIn(nil)
	for i, w := range ws {
		ws[i] = strings.ToLower(w[:1]) + w[1:]
	}
	return strings.Join(ws, "; ")
}

// ratingRow is one step whose class is improved, regressed or re-rated,
// for the overview at the top.
type ratingRow struct {
	c         *StepChange
	why       string
	direction string
	tone      int
}

// ratingRows lists the steps that regressed first (what a reviewer must
// look at), then those re-rated on new evidence, then those improved; each
// group in step order, with the reasons of its class.
func ratingRows(d *Diff) []ratingRow {
	var groups [3][]ratingRow
	for i := range d.Steps {
		c := &d.Steps[i]
		why := whyText(c)
		switch c.Class {
		case Regressed:
			groups[0] = append(groups[0], ratingRow{c, why, Regressed, bad})
		case ReRated:
			groups[1] = append(groups[1], ratingRow{c, why, ReRated, neutral})
		case Improved:
			groups[2] = append(groups[2], ratingRow{c, why, Improved, good})
		}
	}
	return append(append(groups[0], groups[1]...), groups[2]...)
}
