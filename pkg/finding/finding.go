// Package finding holds the one result type shared by validate and lint:
// a message about a place in a journey file, with a rule id and a level,
// and the description of those rules. It is the check stage's output:
// printers read it, and it imports nothing of cxmap.
package finding

import (
	"fmt"
	"sort"
	"strings"
)

// Level is how serious a finding is. Levels are ordered: Info < Warning < Error.
type Level int

// The levels, lowest first. Off is only used in configuration: a rule at Off
// produces no findings.
const (
	Off Level = iota
	Info
	Warning
	Error
)

var levelNames = [...]string{"off", "info", "warning", "error"}

func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("level(%d)", int(l))
}

// ParseLevel reads "off", "info", "warning" or "error".
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if strings.EqualFold(s, n) {
			return Level(i), nil
		}
	}
	return Off, fmt.Errorf("level %q is not one of off, info, warning, error", s)
}

// MarshalText writes the level's name (used by encoding/json).
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a level's name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	*l = v
	return err
}

// Rule describes a rule id that findings carry: the metadata every output
// that names rules shows (`cxmap rules`, SARIF driver rules, the docs).
// The check stage owns it: validation rules are listed by journey
// (journey.ValidationRules), lint rules by lint's registry.
type Rule struct {
	ID               string
	Level            Level // default level
	ShortDescription string
	FullDescription  string
	Help             string // how to fix
	HelpURI          string
}

// Finding is one message about one place. Line and column are 1-based;
// columns count Unicode code points. EndLine/EndColumn mark the end of the
// range (inclusive of the last character's column + 1, i.e. exclusive end),
// and are at least Line/Column.
type Finding struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Level     Level  `json:"level"`
	Rule      string `json:"rule"`
	Message   string `json:"message"`
}

// String renders the finding as `path:line:col: level: message [rule]`.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, f.Line, f.Column, f.Level, f.Message, f.Rule)
}

// Sort orders findings by path, line, column, rule, then message, so output
// is the same from run to run whatever order the checks ran in.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Dedup removes exact repeats from a sorted slice.
func Dedup(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f == fs[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Count returns how many findings are at each level.
func Count(fs []Finding) (errors, warnings, infos int) {
	for _, f := range fs {
		switch f.Level {
		case Error:
			errors++
		case Warning:
			warnings++
		case Info:
			infos++
		}
	}
	return
}
