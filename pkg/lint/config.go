package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
)

// Configure checks the rules of a configuration (.cxmap.yaml) against the
// registry and returns the options lint runs with. An unknown rule id
// (with a "did you mean"), a validation rule, or an option the rule does
// not have is an error at its place in the file (exit 2).
func Configure(c *config.Config) (Options, error) {
	o := Options{Levels: map[string]finding.Level{}, RuleOptions: map[string]map[string]int{}}
	for _, s := range c.Rules {
		r, ok := Lookup(s.ID)
		if !ok {
			msg := fmt.Sprintf("unknown rule %q; ", s.ID)
			if sug := names.Suggest(s.ID, configurable()); sug != "" {
				msg += fmt.Sprintf("did you mean %q? ", sug)
			}
			return o, c.ErrorAt(s.Line, s.Col, msg+"`cxmap rules` lists them")
		}
		if r.Validation() {
			return o, c.ErrorAt(s.Line, s.Col, fmt.Sprintf("rule %q is a validation rule: a file that breaks it cannot be linted, so its level cannot be configured", s.ID))
		}
		if s.HasLevel {
			o.Levels[r.ID] = s.Level
		}
		for _, opt := range s.Options {
			if _, ok := r.Options[opt.Name]; !ok {
				known := []string{"level"}
				for n := range r.Options {
					known = append(known, n)
				}
				slices.Sort(known)
				return o, c.ErrorAt(opt.Line, opt.Col, fmt.Sprintf("rule %q has no option %q; expected %s", r.ID, opt.Name, strings.Join(known, ", ")))
			}
			if min := r.MinOption(opt.Name); opt.Value < min {
				return o, c.ErrorAt(opt.Line, opt.Col, fmt.Sprintf("rule %q: %s must be a whole number of at least %d, not %d", r.ID, opt.Name, min, opt.Value))
			}
			if o.RuleOptions[r.ID] == nil {
				o.RuleOptions[r.ID] = map[string]int{}
			}
			o.RuleOptions[r.ID][opt.Name] = opt.Value
		}
	}
	return o, nil
}

// configurable are the ids a configuration may set: every rule but the
// validation rules.
func configurable() []string {
	var out []string
	for _, r := range registry {
		if !r.Validation() {
			out = append(out, r.ID)
		}
	}
	return out
}
