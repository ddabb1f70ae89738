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
		check := func(r journey.Range, what, s string) {
			if s = strings.TrimSpace(s); s != "" && ph[s] {
				p.Report(r, "%s %q is still the cxmap init placeholder; replace it with what you learned, or delete it", what, clip(s))
			}
		}
		j := p.J
		check(j.Loc.Value("description"), "description", j.Description)
		check(j.Loc.Value("client"), "client", j.Client)
		personas := j.Personas
		if j.Persona != nil {
			personas = append(personas, *j.Persona)
		}
		for _, pe := range personas {
			check(pe.Loc.Value("name"), "persona name", pe.Name)
			check(pe.Loc.Value("goal"), "persona goal", pe.Goal)
		}
		for _, src := range j.Sources {
			if src.Origin == "" {
				check(src.Loc.Value("title"), "source title", src.Title)
			}
		}
		for _, m := range j.KPIs {
			check(m.Loc.Value("name"), "KPI name", m.Name)
		}
		for _, s := range p.Steps() {
			check(s.Loc.Value("action"), "action of step "+strconv.Quote(s.ID), s.Action)
			for _, c := range append(append([]journey.Contact(nil), s.Touchpoints...), s.Backstage...) {
				check(c.Loc.Value("does"), "does", c.Does)
			}
			for _, q := range s.Quotes {
				check(q.Loc.Value("text"), "quote", q.Text)
			}
			for _, o := range s.Opportunities {
				check(o.Loc.Value("idea"), "idea", o.Idea)
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
