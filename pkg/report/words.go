package report

import (
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
)

// words are the report's fixed words and numbers in the report's locale
// (Options.Locale). Without one they are English and numbers are written
// as before locales existed (no grouping: "1234 steps"), so the default
// output stays byte for byte what it was. The ids are the English text, in
// pkg/locale/messages/report (the report's own words) and common (the
// rating words and the words every output shares).
type words struct {
	loc *locale.Locale // nil: English, plain digits (locale's nil meaning)
}

func wordsOf(r *Report) words { return words{r.Options.Locale} }

// T is the message id in the locale, {x} {y} {z} filled with args.
func (w words) T(id string, args ...any) string {
	return w.loc.T(id, args...)
}

// Duration is d with the units in the locale's words; without a locale,
// journey.FormatDuration's.
func (w words) Duration(d time.Duration) string { return w.loc.Duration(d) }

// N is the plural message id for count n ("{n} steps": "1 step").
func (w words) N(id string, n int, args ...any) string {
	return w.loc.N(id, n, args...)
}

// Int is a whole number: the locale's grouping, plain digits by default
// (a nil Locale).
func (w words) Int(n int) string {
	return w.loc.Int(n)
}

// Rating is the rating's word (journey.RatingWord) in the locale; a
// report rating is "unrated" where the journey has none.
func (w words) Rating(r string) string {
	if r == Unrated {
		r = ""
	}
	return w.T(journey.RatingWord(r))
}

// Value is a value with its unit, as journey.ValueText writes it ("35%",
// "12 min"), with the locale's decimal sign ("3,5 %" in French).
func (w words) Value(v *float64, unit string) string {
	return w.loc.Value(v, unit, "?")
}

// Progress is a metric's current value against its target, as
// journey.Metric.Progress writes it ("now 15 min · target ≤ 5 min · 10 min
// to go"), in the locale (locale.Progress).
func (w words) Progress(m MetricGap) string {
	if w.loc == nil {
		return Progress(m)
	}
	return w.loc.Progress(journey.Metric{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better})
}
