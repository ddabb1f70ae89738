package layout

import (
	"fmt"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// RowOption is a row `render --rows` can add to the blueprint. OptionalRows
// is the only list of them: the flag's help, completion and "did you mean"
// are made from it.
type RowOption struct {
	Name    string
	Summary string
	// Default rows are drawn when --rows is not given.
	Default bool
}

// OptionalRows are the rows a picture may add to the blueprint's own
// (emotion, evidence, customer actions and lanes, always drawn when a step
// uses them), in the order they stand: time at the top, under the stage
// bands; the others under the last lane.
var OptionalRows = []RowOption{
	{Name: "time", Summary: "each step's duration and the running total (drawn when a step has a duration)", Default: true},
	{Name: "pains", Summary: "the pains of each step"},
	{Name: "quotes", Summary: "customer quotes, with persona and source"},
	{Name: "opportunities", Summary: "the opportunities of each step: idea, priority, owner"},
	{Name: "metrics", Summary: "each step's metrics: current and target"},
}

// RowNames lists the optional row names, in order.
func RowNames() []string {
	var out []string
	for _, r := range OptionalRows {
		out = append(out, r.Name)
	}
	return out
}

// DefaultRows lists the rows drawn when --rows is not given.
func DefaultRows() []string {
	var out []string
	for _, r := range OptionalRows {
		if r.Default {
			out = append(out, r.Name)
		}
	}
	return out
}

// ParseRows reads a --rows value: names from OptionalRows, comma-separated,
// or "all" or "none" (an empty list).
func ParseRows(list []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, name := range list {
		name = strings.TrimSpace(name)
		switch name {
		case "", "none":
			continue
		case "all":
			for _, r := range RowNames() {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
			continue
		}
		ok := false
		for _, r := range OptionalRows {
			ok = ok || r.Name == name
		}
		if !ok {
			hint := ""
			if s := journey.Suggest(strings.ToLower(name), append(RowNames(), "all", "none")); s != "" {
				hint = fmt.Sprintf("; did you mean %q?", s)
			}
			return nil, fmt.Errorf("--rows %q is not one of %s, all, none%s", name, strings.Join(RowNames(), ", "), hint)
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out, nil
}

// shows says whether the options draw the optional row name.
func (o Options) shows(name string) bool {
	for _, r := range o.Rows {
		if r == name {
			return true
		}
	}
	return false
}
