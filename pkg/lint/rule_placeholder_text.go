package lint

import (
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// placeholderText: `cxmap init` writes a file that validates, so that it
// can be drawn at once; its invented texts must not pass for research.
var placeholderText = &Rule{
	ID: "placeholder-text", Level: finding.Warning,
	Short: "text left from the cxmap init template",
	Full: "`cxmap init` writes example texts (persona, actions, touchpoints, pains, ideas, quotes, sources) so that " +
		"the starter validates and draws. Left in place they read as findings nobody made.",
	Fix: "Replace the text with what you learned about this journey, or delete the entry.",
	Check: func(p *Pass) {
		ph := journey.StarterPlaceholders(p.J.ID, p.J.Title)
		is := func(s string) bool { s = strings.TrimSpace(s); return s != "" && ph[s] }
		// check finds the place (a walk of the entity's keys) only for a
		// text that is a placeholder: most texts are not.
		check := func(l journey.Loc, key, what, s string) {
			if is(s) {
				p.Report(l.Value(key), "%s %q is still the cxmap init placeholder; replace it with what you learned, or delete it", what, clip(strings.TrimSpace(s)))
			}
		}
		j := p.J
		check(j.Loc, "description", "description", j.Description)
		check(j.Loc, "client", "client", j.Client)
		personas := j.Personas
		if j.Persona != nil {
			personas = append(personas, *j.Persona)
		}
		for _, pe := range personas {
			check(pe.Loc, "name", "persona name", pe.Name)
			check(pe.Loc, "goal", "persona goal", pe.Goal)
		}
		for _, src := range j.Sources {
			if src.Origin == "" {
				check(src.Loc, "title", "source title", src.Title)
			}
		}
		for _, m := range j.KPIs {
			check(m.Loc, "name", "KPI name", m.Name)
		}
		for _, s := range p.Steps() {
			if is(s.Action) {
				check(s.Loc, "action", "action of step "+strconv.Quote(s.ID), s.Action)
			}
			for _, cs := range [2][]journey.Contact{s.Touchpoints, s.Backstage} {
				for i := range cs {
					check(cs[i].Loc, "does", "does", cs[i].Does)
				}
			}
			for i := range s.Quotes {
				check(s.Quotes[i].Loc, "text", "quote", s.Quotes[i].Text)
			}
			for i := range s.Opportunities {
				check(s.Opportunities[i].Loc, "idea", "idea", s.Opportunities[i].Idea)
			}
			if n := len(s.Pains); n > 0 {
				if r, ok := itemRange(s.Loc, "pains", s.Pains, ph); ok {
					p.Report(r, "a pain of step %q is still the cxmap init placeholder; replace it with what you learned, or delete it", s.ID)
				}
			}
		}
	},
}

// itemRange is where the first list item of key that is a placeholder is.
func itemRange(l journey.Loc, key string, items []string, ph map[string]bool) (journey.Range, bool) {
	for i, s := range items {
		if ph[s] {
			return l.Item(key, i), true
		}
	}
	return journey.Range{}, false
}
