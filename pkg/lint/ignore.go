package lint

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// ignoreMarker starts an inline suppression comment:
//
//	# cxmap:ignore RULE-ID[,RULE-ID...] [reason]
//
// A comment at the end of a line silences the rules for the entry (step,
// touchpoint, stage, lane, ...) that starts on that line, or for that line
// alone when no entry starts there. A comment on a line of its own applies
// to the next line in the same way. A comment above the journey's first key,
// or at the end of that key's line, silences the rules for the whole file.
const ignoreMarker = "cxmap:ignore"

// suppression is one `# cxmap:ignore` comment.
type suppression struct {
	line, col, endCol int // the comment's place
	rules             []string
	used              []bool
	from, to          int // lines it covers
}

// applyIgnores drops the findings that inline comments silence and reports
// the comments that silence nothing.
func applyIgnores(j *journey.Journey, fs []finding.Finding, o Options) []finding.Finding {
	if !bytes.Contains(j.Raw, []byte(ignoreMarker)) {
		return fs
	}
	sups := suppressions(j)
	if len(sups) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !silence(sups, f) {
			out = append(out, f)
		}
	}
	lvl := o.Level(unusedIgnoreRule())
	if lvl == finding.Off {
		return out
	}
	for _, s := range sups {
		for i, id := range s.rules {
			if s.used[i] {
				continue
			}
			r, ok := Lookup(id)
			msg := ""
			switch {
			case id == "":
				msg = "cxmap:ignore names no rule; write # cxmap:ignore RULE-ID [reason]"
			case !ok:
				msg = "cxmap:ignore names unknown rule " + quote(id) + "; check the id with `cxmap rules`, or remove the comment"
			case r.Validation():
				msg = "cxmap:ignore cannot silence validation rule " + quote(id) + "; fix the error instead, and remove the comment"
			case r.ID == UnusedIgnore || o.Level(r) == finding.Off:
				continue
			default:
				msg = "cxmap:ignore " + id + " silences nothing here; remove the comment, or move it to the line of the entry the finding is about"
			}
			out = append(out, finding.Finding{
				Path: j.Path, Line: s.line, Column: s.col, EndLine: s.line, EndColumn: s.endCol,
				Level: lvl, Rule: UnusedIgnore, Message: msg,
			})
		}
	}
	return out
}

func unusedIgnoreRule() *Rule {
	r, _ := Lookup(UnusedIgnore)
	return r
}

func quote(s string) string { return "\"" + s + "\"" }

// silence reports whether a suppression covers f, marking it used.
func silence(sups []suppression, f finding.Finding) bool {
	hit := false
	for si := range sups {
		s := &sups[si]
		if f.Line < s.from || f.Line > s.to {
			continue
		}
		for i, id := range s.rules {
			if id == f.Rule {
				s.used[i] = true
				hit = true
			}
		}
	}
	return hit
}

// suppressions finds the ignore comments. The raw bytes give each comment's
// exact line and column; the YAML document confirms that the text really is
// a comment (not part of a quoted string or block scalar).
func suppressions(j *journey.Journey) []suppression {
	comments := map[string]bool{}
	if j.Doc != nil {
		collectComments(j.Doc, comments)
	}
	starts := entryStarts(j)
	// journey.Lines breaks lines as the parser does ("\r" alone too), so
	// the comment's line is the one findings name.
	lines := journey.Lines(j.Raw)
	var out []suppression
	for i, raw := range lines {
		line := string(bytes.TrimRight(raw, "\r\n"))
		if !strings.Contains(line, ignoreMarker) {
			continue
		}
		pos, text := commentIn(line, comments)
		if pos < 0 {
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(text, "#"))
		rest, ok := strings.CutPrefix(body, ignoreMarker)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		fields := strings.Fields(rest)
		s := suppression{
			line:   i + 1,
			col:    utf8.RuneCountInString(line[:pos]) + 1,
			endCol: utf8.RuneCountInString(strings.TrimRight(line, " \t")) + 1,
		}
		if len(fields) > 0 {
			for _, id := range strings.Split(fields[0], ",") {
				if id != "" {
					s.rules = append(s.rules, id)
				}
			}
		}
		if len(s.rules) == 0 {
			s.rules = []string{""} // reported as naming no rule
		}
		s.used = make([]bool, len(s.rules))
		target := i + 1
		if strings.TrimSpace(line[:pos]) == "" {
			target = nextContentLine(lines, i+1)
		}
		switch r, ok := starts[target]; {
		case target <= j.Loc.Line:
			s.from, s.to = 1, len(lines)
		case ok:
			s.from, s.to = r.Line, max(r.EndLine, r.Line)
		default:
			s.from, s.to = target, target
		}
		out = append(out, s)
	}
	return out
}

// commentIn finds the comment in a line: the first '#' at the start or after
// a blank whose text to the end of the line is a comment the YAML parser
// saw.
func commentIn(line string, comments map[string]bool) (int, string) {
	for i := 0; i < len(line); i++ {
		if line[i] != '#' || (i > 0 && line[i-1] != ' ' && line[i-1] != '\t') {
			continue
		}
		text := strings.TrimSpace(line[i:])
		if comments[text] {
			return i, text
		}
	}
	return -1, ""
}

// nextContentLine is the 1-based number of the first line from index i on
// that holds more than blanks or a comment.
func nextContentLine(lines [][]byte, i int) int {
	for ; i < len(lines); i++ {
		t := bytes.TrimSpace(lines[i])
		if len(t) > 0 && t[0] != '#' {
			return i + 1
		}
	}
	return len(lines) + 1
}

// collectComments records every comment line of the document that mentions
// the marker.
func collectComments(n *yaml.Node, into map[string]bool) {
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		if !strings.Contains(c, ignoreMarker) {
			continue
		}
		for _, l := range strings.FieldsFunc(c, func(r rune) bool { return r == '\n' || r == '\r' }) {
			if l = strings.TrimSpace(l); strings.Contains(l, ignoreMarker) {
				into[l] = true
			}
		}
	}
	for _, c := range n.Content {
		collectComments(c, into)
	}
}

// entryStarts maps a line to the entry of the journey that starts on it.
func entryStarts(j *journey.Journey) map[int]journey.Range {
	m := map[int]journey.Range{}
	add := func(l journey.Loc) {
		if !l.IsZero() {
			if _, ok := m[l.Line]; !ok {
				m[l.Line] = l.Range
			}
		}
	}
	if j.Persona != nil {
		add(j.Persona.Loc)
	}
	for _, pe := range j.Personas {
		add(pe.Loc)
	}
	for _, m := range j.KPIs {
		add(m.Loc)
	}
	for _, s := range j.Sources {
		if s.Origin == "" {
			add(s.Loc)
		}
	}
	for _, l := range j.Lanes {
		if l.Origin == "" {
			add(l.Loc)
		}
	}
	for _, st := range j.Stages {
		add(st.Loc)
		for _, s := range st.Steps {
			add(s.Loc)
			for _, c := range s.Touchpoints {
				add(c.Loc)
			}
			for _, c := range s.Backstage {
				add(c.Loc)
			}
			for _, o := range s.Opportunities {
				add(o.Loc)
			}
			for _, q := range s.Quotes {
				add(q.Loc)
			}
			for _, mt := range s.Metrics {
				add(mt.Loc)
			}
		}
	}
	return m
}
