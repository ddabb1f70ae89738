package layout

import (
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
)

// RowOption is a row `render --rows` can add to the blueprint: its name
// and help line (registry.Meta) and whether it is drawn by default.
type RowOption struct {
	registry.Meta
	// Default rows are drawn when --rows is not given.
	Default bool
}

// OptionalRows are the rows a picture may add to the blueprint's own
// (emotion, evidence, customer actions and lanes, always drawn when a step
// uses them), in the order they stand: time at the top, under the stage
// bands; the others under the last lane. It is the only list of them: the
// flag's help, completion and "did you mean" are made from it.
var OptionalRows = registry.New("--rows",
	RowOption{registry.Meta{Name: "time", Help: "each step's duration and the running total (drawn when a step has a duration)"}, true},
	RowOption{registry.Meta{Name: "pains", Help: "the pains of each step"}, false},
	RowOption{registry.Meta{Name: "quotes", Help: "customer quotes, with persona and source"}, false},
	RowOption{registry.Meta{Name: "opportunities", Help: "the opportunities of each step: idea, priority, owner"}, false},
	RowOption{registry.Meta{Name: "metrics", Help: "each step's metrics: current and target"}, false},
)

// RowNames lists the optional row names, in order.
func RowNames() []string { return OptionalRows.Names() }

// DefaultRows lists the rows drawn when --rows is not given.
func DefaultRows() []string {
	var out []string
	for _, r := range OptionalRows.All() {
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
		if _, err := OptionalRows.Lookup(name, "all", "none"); err != nil {
			return nil, err
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
