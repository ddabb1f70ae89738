// Package lint is the quality rules (docs/rules, `cxmap rules`). Its input is a
// journey that already passed validation (journey.Parse returned it non-nil);
// its output is findings, one per gap, each at the place to fix and with a
// message that says what to do.
//
// A rule is one file, rule_<id>.go, declaring a *Rule with its metadata and a
// Check function; the registry (registry.go) is the only list of rules.
package lint

import (
	"fmt"
	"time"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Rule is one check with the metadata `cxmap rules`, SARIF and the docs show.
type Rule struct {
	ID    string
	Level finding.Level // default level
	// Short is one line for tables; Full says what the rule checks and why.
	Short, Full string
	// Fix says how to make the finding go away.
	Fix string
	// Options are the rule's numeric options with their defaults (e.g.
	// stale-journey's days); configuration may change them.
	Options map[string]int
	// OptionMin is the smallest value an option may be configured to, for
	// the options that may go below 1 (an NPS threshold may be negative);
	// the others must be at least 1.
	OptionMin map[string]int
	// Check reports the rule's findings through the pass. It is nil for the
	// validation rules, and for unused-ignore, which the ignore pass reports.
	Check func(p *Pass)
	// validation marks the loader's rules, listed here only so that `cxmap
	// rules`, SARIF and the docs describe every id.
	validation bool
}

// Validation reports whether the rule belongs to validate, not lint: its
// findings come from the loader and configuration cannot change them.
func (r *Rule) Validation() bool { return r.validation }

// HelpURI is the rule's documentation page.
func (r *Rule) HelpURI() string {
	return "https://github.com/cxmap/cxmap/blob/main/docs/rules/" + r.ID + ".md"
}

// Options change how Lint runs. The zero value lints with the default levels,
// today's date and inline ignores honoured.
type Options struct {
	// Levels overrides rule levels by id; finding.Off turns a rule off.
	Levels map[string]finding.Level
	// RuleOptions overrides rule options by rule id and option name.
	RuleOptions map[string]map[string]int
	// Now is today's date for stale-journey (default time.Now).
	Now func() time.Time
	// NoInlineIgnore disables `# cxmap:ignore` comments.
	NoInlineIgnore bool
}

// Level is the level rule r runs at under o.
func (o Options) Level(r *Rule) finding.Level {
	if l, ok := o.Levels[r.ID]; ok {
		return l
	}
	return r.Level
}

// MinOption is the smallest value option name of r may be configured to.
func (r *Rule) MinOption(name string) int {
	if v, ok := r.OptionMin[name]; ok {
		return v
	}
	return 1
}

// Pass is one rule running over one journey.
type Pass struct {
	J     *journey.Journey
	rule  *Rule
	level finding.Level
	opts  map[string]int
	now   func() time.Time
	out   []finding.Finding
	steps []journey.StepRef
	o     *Options
}

// Enabled reports whether rule r runs in this lint, so a rule can leave a
// gap to a more specific rule instead of reporting it twice.
func (p *Pass) Enabled(r *Rule) bool { return p.o.Level(r) != finding.Off }

// Steps is p.J.Steps(), computed once per journey for all rules.
func (p *Pass) Steps() []journey.StepRef { return p.steps }

// Report adds a finding of the running rule at r.
func (p *Pass) Report(r journey.Range, format string, a ...any) {
	endLine, endCol := r.EndLine, r.EndCol
	if endLine < r.Line || (endLine == r.Line && endCol <= r.Col) {
		endLine, endCol = r.Line, r.Col+1
	}
	p.out = append(p.out, finding.Finding{
		Path: p.J.Path, Line: r.Line, Column: r.Col, EndLine: endLine, EndColumn: endCol,
		Level: p.level, Rule: p.rule.ID, Message: fmt.Sprintf(format, a...),
	})
}

// Option is the value of the rule's option name (its default unless
// configured).
func (p *Pass) Option(name string) int {
	if v, ok := p.opts[name]; ok {
		return v
	}
	return p.rule.Options[name]
}

// Today is the current date in UTC, truncated to the day.
func (p *Pass) Today() time.Time {
	now := time.Now
	if p.now != nil {
		now = p.now
	}
	t := now().UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Lint runs every enabled rule over j and applies inline ignores. The
// findings are in rule order, not sorted: the caller sorts all files'
// findings together.
func Lint(j *journey.Journey, o Options) []finding.Finding {
	var out []finding.Finding
	steps := j.Steps()
	for _, r := range registry {
		if r.Check == nil {
			continue
		}
		lvl := o.Level(r)
		if lvl == finding.Off {
			continue
		}
		p := Pass{J: j, rule: r, level: lvl, opts: o.RuleOptions[r.ID], now: o.Now, out: out, steps: steps, o: &o}
		r.Check(&p)
		out = p.out
	}
	if !o.NoInlineIgnore {
		out = applyIgnores(j, out, o)
	}
	return out
}

// at is where a finding about a whole entry points: its id value, so an
// annotation underlines the name the reader knows it by.
func at(l journey.Loc) journey.Range { return l.Value("id") }

// clip shortens free text quoted in a message.
func clip(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}
