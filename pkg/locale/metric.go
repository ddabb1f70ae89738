package locale

import "github.com/cxmap/cxmap/pkg/journey"

// Value is journey.ValueText in the locale: a value with its unit ("35%",
// "12 min"; "35 %", "3,5 min" in French), missing when v is nil.
//
// A nil Locale is journey.ValueText itself.
func (l *Locale) Value(v *float64, unit, missing string) string {
	if l == nil {
		return journey.ValueText(v, unit, missing)
	}
	if v == nil {
		return missing
	}
	switch unit {
	case "":
		return l.Number(*v, 6)
	case "%":
		return l.Percent(*v, 6)
	}
	return l.Number(*v, 6) + " " + unit
}

// Progress is journey.Metric.Progress in the locale: the current value
// against the target, "now 15 min · target ≤ 5 min · 10 min to go"
// ("actuel 15 min · cible ≤ 5 min · encore 10 min"). The words are the
// render area's message ids, which every output shares. A nil Locale is
// journey.Metric.Progress, the English every output wrote before locales.
func (l *Locale) Progress(m journey.Metric) string {
	if l == nil {
		return m.Progress()
	}
	cmp := "≥ "
	if m.Better == "lower" {
		cmp = "≤ "
	}
	if m.Target == nil {
		if m.Current == nil {
			return l.T("no values")
		}
		return l.T("now {x}", l.Value(m.Current, m.Unit, "?"))
	}
	s := l.T("no current value")
	if m.Current != nil {
		s = l.T("now {x}", l.Value(m.Current, m.Unit, "?"))
	}
	s = l.T("{x} · target {y}", s, cmp+l.Value(m.Target, m.Unit, "?"))
	if met, ok := m.Met(); ok {
		if met {
			return s + " · " + l.T("met")
		}
		gap, _ := m.Gap()
		return s + " · " + l.T("{x} to go", l.Value(&gap, m.Unit, "?"))
	}
	return s
}
