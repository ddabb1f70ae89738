package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// Cut is a label the picture cuts with an ellipsis (or leaves off, for an
// item of a list that does not fit its cell): where it is written and what
// it is, so `render` can warn once per label (file:line:col) and nothing is
// cut silently.
type Cut struct {
	// File is the catalog the label comes from; "" for the journey file.
	File string `json:"file,omitempty"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	// Msg says what is cut and how much is shown.
	Msg string `json:"msg"`
}

func cutAt(_ *journey.Journey, file string, at journey.Range, what string, lines int) Cut {
	unit := "lines"
	if lines == 1 {
		unit = "line"
	}
	return Cut{File: file, Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s is cut on the diagram after %d %s", what, lines, unit)}
}

// item is one entry of a list cell (evidence, pains, quotes…).
type item struct {
	text string
	at   journey.Range
	what string
}

// listText wraps the items of a list cell: each at most perItem lines, the
// cell at most total lines (the last line shown ends in an ellipsis when
// more would follow). Every item cut or left off is a Cut.
func listText(tm *textmetrics.Metrics, j *journey.Journey, items []item, size float64, perItem, total int) (Text, []Cut) {
	var lines, full []string
	var cuts []Cut
	cut := false
	for _, it := range items {
		full = append(full, it.text)
		t := wrap(tm, it.text, cellTextW, size, false, perItem)
		start := len(lines)
		lines = append(lines, t.Lines...)
		switch {
		case start >= total:
			cuts = append(cuts, Cut{Line: it.at.Line, Col: it.at.Col, Msg: fmt.Sprintf("%s is left off the diagram: its cell shows %d lines", it.what, total)})
			cut = true
		case len(lines) > total || t.Truncated:
			shown := min(len(t.Lines), total-start)
			cuts = append(cuts, cutAt(j, "", it.at, it.what, shown))
			cut = true
		}
	}
	if len(lines) > total {
		lines = lines[:total]
		lines[total-1] = tm.Ellipsize(lines[total-1], cellTextW, size, false)
	}
	return Text{Lines: lines, Size: size, Truncated: cut, Full: capText(strings.Join(full, "\n")), LineHeight: rd(textmetrics.LineHeight(size))}, cuts
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:39]) + "…"
}

// personaTags are the tags of the personas who take a step, when only some
// of the journey's personas do ("P1", "P2": the title names them); nil when
// every persona takes it.
func personaTags(j *journey.Journey, cast []journey.Persona, s *journey.Step) []string {
	if len(cast) < 2 || len(s.Personas) == 0 {
		return nil
	}
	who := j.StepPersonas(s)
	if len(who) == 0 || len(who) >= len(cast) {
		return nil
	}
	var tags []string
	for _, p := range who {
		for i, c := range cast {
			if c.ID == p.ID && c.Origin == p.Origin {
				tags = append(tags, PersonaTag(i))
			}
		}
	}
	return tags
}

// PersonaTag is the tag of the i-th persona of the cast (from 0).
func PersonaTag(i int) string { return "P" + strconv.Itoa(i+1) }

// MetricLine is a metric in one line: its name and its current value
// against its target (journey.Metric.Progress, "now 15 min, target ≤ 5
// min, 10 min to go"). In the diagram the parts are parted by commas, not
// "·": Graphviz measures "·" wider than the font draws it and would centre
// the cell's text 2 pt off where SVGDirect puts it.
func MetricLine(m journey.Metric) string {
	if m.Current == nil && m.Target == nil {
		return m.Name
	}
	return m.Name + ": " + strings.ReplaceAll(m.Progress(), " · ", ", ")
}
