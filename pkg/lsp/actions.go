package lsp

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/cxmap/cxmap/pkg/yamledit"
)

// didYouMean finds the suggestion pkg/journey writes into a message.
var didYouMean = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`did you mean "([^"]+)"\?`) })

// ignoreComment matches an existing inline ignore's rule list.
var ignoreComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`#\s*cxmap:ignore\s+(\S+)`) })

func (s *Server) codeActions(p *codeActionParams) any {
	out := []CodeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.refused != "" {
		return out
	}
	if d.dirty {
		s.checkAndPublish(d)
	}
	want := func(kind string) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, k := range p.Context.Only {
			if kind == k || strings.HasPrefix(kind, k+".") {
				return true
			}
		}
		return false
	}
	if !want("quickfix") {
		return out
	}
	from := p.Range.Start.Line + 1
	to := p.Range.End.Line + 1
	edit := func(r journey.Range, text string) *WorkspaceEdit {
		return &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: rangeIn(d.lines, r, s.utf32), NewText: text}}}}
	}
	for _, f := range d.findings[d.abs] {
		if f.EndLine < from || f.Line > to {
			continue
		}
		diag := s.diagnostic(f, d.lines)
		r := journey.Range{Line: f.Line, Col: f.Column, EndLine: f.EndLine, EndCol: f.EndColumn}
		if m := didYouMean().FindStringSubmatch(f.Message); m != nil {
			out = append(out, CodeAction{
				Title: fmt.Sprintf("Change to %q", m[1]), Kind: "quickfix", IsPreferred: true,
				Diagnostics: []Diagnostic{diag}, Edit: edit(r, m[1]),
			})
		}
		if f.Rule == "unsupported-touchpoint" {
			if a, ok := s.backstageStub(d, f); ok {
				a.Diagnostics = []Diagnostic{diag}
				out = append(out, a)
			}
		}
		if rule, ok := lint.Lookup(f.Rule); ok && !rule.Validation() && f.Rule != lint.UnusedIgnore {
			out = append(out, s.ignoreAction(d, f, diag))
		}
	}
	// A step without a duration, under the cursor.
	if d.index != nil {
		for _, o := range d.index.Occ {
			if !o.Def || o.Kind != kStep || o.Node == nil || mapKey(o.Node, "duration") != nil {
				continue
			}
			r := journey.NodeRange(o.Node)
			if r.EndLine < from || r.Line > to {
				continue
			}
			if a, ok := s.durationAction(d, o); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// ignoreAction adds "# cxmap:ignore RULE" for the finding: to the ignore
// comment already on its line, at the end of the line when it has no
// comment, else on a line of its own above (which applies to the next line,
// pkg/lint/ignore.go).
func (s *Server) ignoreAction(d *document, f finding.Finding, diag Diagnostic) CodeAction {
	line := d.line(f.Line - 1)
	n := utf8.RuneCountInString(line)
	var r journey.Range
	var text string
	if loc := ignoreComment().FindStringSubmatchIndex(line); loc != nil {
		end := utf8.RuneCountInString(line[:loc[3]]) + 1
		r = journey.Range{Line: f.Line, Col: end, EndLine: f.Line, EndCol: end}
		text = "," + f.Rule
	} else if strings.Contains(line, " #") || strings.HasPrefix(strings.TrimSpace(line), "#") {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		r = journey.Range{Line: f.Line, Col: 1, EndLine: f.Line, EndCol: 1}
		text = strings.Repeat(" ", indent) + "# cxmap:ignore " + f.Rule + "\n"
	} else {
		trimmed := utf8.RuneCountInString(strings.TrimRight(line, " \t"))
		r = journey.Range{Line: f.Line, Col: trimmed + 1, EndLine: f.Line, EndCol: n + 1}
		text = " # cxmap:ignore " + f.Rule
	}
	return CodeAction{
		Title: fmt.Sprintf("Ignore %s here (# cxmap:ignore)", f.Rule), Kind: "quickfix",
		Diagnostics: []Diagnostic{diag},
		Edit:        &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: rangeIn(d.lines, r, s.utf32), NewText: text}}}},
	}
}

// stepAt is the step whose mapping holds the line.
func stepAt(x *fileIndex, line int) (occurrence, bool) {
	if x == nil {
		return occurrence{}, false
	}
	for _, o := range x.Occ {
		if o.Def && o.Kind == kStep && o.Node != nil {
			r := journey.NodeRange(o.Node)
			if line >= r.Line && line <= r.EndLine {
				return o, true
			}
		}
	}
	return occurrence{}, false
}

// backstageStub adds a backstage entry to the step (through pkg/yamledit,
// at its place in the canonical key order), on the first backstage or
// support lane the journey can use.
func (s *Server) backstageStub(d *document, f finding.Finding) (CodeAction, bool) {
	o, ok := stepAt(d.index, f.Line)
	if !ok || mapKey(o.Node, "touchpoints") == nil || mapKey(o.Node, "backstage") != nil {
		return CodeAction{}, false
	}
	lane := "LANE"
	for _, e := range s.entities(d) {
		if e.Kind == kLane && (e.Zone == journey.Backstage || e.Zone == journey.Support) {
			lane = e.ID
			break
		}
	}
	type entry struct {
		Lane string `yaml:"lane"`
		Does string `yaml:"does"`
	}
	edit, ok := s.editDoc(d, func(doc *yamledit.Doc) error {
		return doc.Set(stepPath(o, "backstage"), []entry{{Lane: lane, Does: "TODO what happens behind the scenes"}})
	})
	if !ok {
		return CodeAction{}, false
	}
	return CodeAction{Title: fmt.Sprintf("Add a backstage entry to step %q", o.ID), Kind: "quickfix", Edit: edit}, true
}

// durationAction adds `duration:` to a step that has none (through
// pkg/yamledit), as 1d to be corrected: a code action cannot ask.
func (s *Server) durationAction(d *document, o occurrence) (CodeAction, bool) {
	edit, ok := s.editDoc(d, func(doc *yamledit.Doc) error {
		return doc.Set(stepPath(o, "duration"), "1d")
	})
	if !ok {
		return CodeAction{}, false
	}
	return CodeAction{
		Title: fmt.Sprintf("Add the missing duration to step %q (1d: correct it)", o.ID), Kind: "quickfix", Edit: edit,
	}, true
}

// stepPath is the yamledit path of key in the step.
func stepPath(o occurrence, key string) yamledit.Path {
	return yamledit.P("stages", "id="+o.Stage, "steps", "id="+o.ID, key)
}

// editDoc applies a yamledit change to the document's text and returns it
// as one text edit: the changed span between the unchanged start and end.
func (s *Server) editDoc(d *document, change func(*yamledit.Doc) error) (*WorkspaceEdit, bool) {
	doc, err := yamledit.Parse(display(d.abs), []byte(d.text))
	if err != nil {
		return nil, false
	}
	if err := change(doc); err != nil {
		s.logf("%v", err)
		return nil, false
	}
	old, now := d.text, string(doc.Bytes())
	if old == now {
		return nil, false
	}
	pre := 0
	for pre < len(old) && pre < len(now) && old[pre] == now[pre] {
		pre++
	}
	for pre > 0 && !utf8.RuneStart(old[pre]) {
		pre--
	}
	suf := 0
	for suf < len(old)-pre && suf < len(now)-pre && old[len(old)-1-suf] == now[len(now)-1-suf] {
		suf++
	}
	for suf > 0 && !utf8.RuneStart(old[len(old)-suf]) {
		suf--
	}
	start, end := d.position(pre, s.utf32), d.position(len(old)-suf, s.utf32)
	return &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: Range{Start: start, End: end}, NewText: now[pre : len(now)-suf]}}}}, true
}
