package journey

import (
	"strings"
)

// Progress is a metric's current value against its target, the one way
// every output writes it: "now 15 min · target ≤ 5 min · 10 min to go",
// "now 42 · target ≥ 40 · met", "now 35%" without a target, "no current
// value · target ≤ 10%" without a current value. An arrow ("→") is never
// used here: it means before → after only.
func (m Metric) Progress() string {
	cmp := "≥"
	if m.Better == "lower" {
		cmp = "≤"
	}
	var s string
	if m.Current == nil {
		s = "no current value"
	} else {
		s = "now " + ValueText(m.Current, m.Unit, "?")
	}
	if m.Target == nil {
		if m.Current == nil {
			return "no values"
		}
		return s
	}
	s += " · target " + cmp + " " + ValueText(m.Target, m.Unit, "?")
	if met, ok := m.Met(); ok {
		if met {
			return s + " · met"
		}
		gap, _ := m.Gap()
		return s + " · " + ValueText(&gap, m.Unit, "?") + " to go"
	}
	return s
}

// QuoteCredit is who said a quote and where it was heard, for people: the
// persona's name and the source's title ("Dev Patel, Patient interviews"),
// never their ids (an id stands in only when it names nothing); "" when
// the quote has neither.
func (j *Journey) QuoteCredit(q Quote) string {
	var who []string
	if id := q.Persona.Value; id != "" {
		name := id
		if p, ok := j.PersonaByID(id); ok && p.Name != "" {
			name = p.Name
		}
		who = append(who, name)
	}
	if id := q.Source.Value; id != "" {
		title := id
		for _, s := range j.Sources {
			if s.ID == id && s.Title != "" {
				title = s.Title
			}
		}
		who = append(who, title)
	}
	return strings.Join(who, ", ")
}
