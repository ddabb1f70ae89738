package diff

import (
	"fmt"
	"strings"
)

// titled is a section of lines under a title.
type titled struct {
	title string
	lines []line
}

// modelSections are the sections of the model additions, for every
// format: personas, KPIs, the backlog and time.
func modelSections(d *Diff) []titled {
	var out []titled
	if ls := entityLines("persona", d.Personas); len(ls) > 0 {
		out = append(out, titled{"Personas", ls})
	}
	var kpis []line
	for i := range d.KPIs {
		l := metricLine(&d.KPIs[i])
		l.text = "KPI " + strings.TrimPrefix(l.text, "metric ")
		kpis = append(kpis, l)
	}
	if len(kpis) > 0 {
		out = append(out, titled{"KPIs", kpis})
	}
	if ls := backlogLines(d.Backlog); len(ls) > 0 {
		out = append(out, titled{"Backlog", ls})
	}
	if ls := timeLines(d.Time); len(ls) > 0 {
		out = append(out, titled{"Time", ls})
	}
	return out
}

func backlogLines(bs []BacklogChange) []line {
	var ls []line
	for _, b := range bs {
		text := "opportunity " + b.ID + " " + quote(b.Idea)
		switch b.Kind {
		case Added:
			l := line{mark: '+', text: text + " at " + b.Step}
			if b.Status != "" {
				l.text += ", " + b.Status
			}
			ls = append(ls, l)
			continue
		case Removed:
			ls = append(ls, line{mark: '-', text: text + " at " + b.Step, word: "closed"})
			continue
		}
		var parts []string
		l := line{mark: '~'}
		if b.Kind == Moved {
			parts = append(parts, fmt.Sprintf("moved %s → %s", b.FromStep, b.Step))
		}
		if b.StatusFrom != "" {
			parts = append(parts, fmt.Sprintf("status %s → %s", b.StatusFrom, statusText(b.Status)))
			if b.Status == "done" {
				l.tone, l.word = good, "done"
			}
			if b.Status == "dropped" {
				l.word = "dropped"
			}
		}
		for _, f := range b.Fields {
			parts = append(parts, fmt.Sprintf("%s %s → %s", f.Name, quote(f.From), quote(f.To)))
		}
		l.text = text + ": " + strings.Join(parts, ", ")
		ls = append(ls, l)
	}
	return ls
}

func statusText(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func timeLines(t *TimeChange) []line {
	if t == nil {
		return nil
	}
	var ls []line
	saved := func(l *line, m float64) {
		switch {
		case m > 0:
			l.word, l.tone = minutes(m)+" saved", good
		case m < 0:
			l.word, l.tone = minutes(-m)+" longer", bad
		}
	}
	for _, s := range t.Stages {
		l := line{mark: '~', text: fmt.Sprintf("stage %s: %s → %s", s.Name, timed(s.From, s.FromTimed, nil), timed(s.To, s.ToTimed, nil))}
		saved(&l, s.Saved)
		ls = append(ls, l)
	}
	if TimeText(t) == "" && len(ls) == 0 {
		return nil
	}
	l := line{mark: '~', text: fmt.Sprintf("overall: %s → %s", timed(t.From, t.FromTimed, nil), timed(t.To, t.ToTimed, nil))}
	saved(&l, t.Saved)
	ls = append(ls, l)
	if t.FromUntimed+t.ToUntimed > 0 {
		ls = append(ls, line{mark: '~', text: fmt.Sprintf("steps without a duration: %d before, %d after (their time is unknown, not counted)", t.FromUntimed, t.ToUntimed)})
	}
	return ls
}
