package lsp

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A current state and its future state, written beside testdata/ws's
// files for the tests below: personas, next, opportunities and a
// baseline.
const (
	auditCurrent = `cxmap: 1
id: claim-now
title: Claim today
owner: Claims team
state: current
personas:
  - id: holder
    name: Policy holder
    goal: Get the damage paid quickly
stages:
  - id: report
    name: Report
    steps:
      - id: submit
        action: Submits the claim
        rating: green
      - id: wait
        action: Waits for news
        rating: red
        opportunities:
          - id: tracker
            idea: A claim tracker
            owner: Claims team
`
	auditFuture = `cxmap: 1
id: claim-next
title: Claim tomorrow
owner: Claims team
state: future
baseline: current.yaml
personas:
  - id: holder
    name: Policy holder
    goal: Get the damage paid quickly
  - id: broker
    name: Broker
    goal: Keep the client informed
stages:
  - id: report
    name: Report
    steps:
      - id: submit
        action: Submits the claim
        rating: green
        personas: [holder]
        next: [submit]
`
)

func startAudit(t *testing.T) *session {
	t.Helper()
	ws := copyDir(t, "testdata/ws")
	for name, text := range map[string]string{"current.yaml": auditCurrent, "future.yaml": auditFuture} {
		if err := os.WriteFile(filepath.Join(ws, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return startSessionWith(t, ws, nil)
}

func (s *session) locations(method, name, marker, needle string) string {
	s.t.Helper()
	p := s.at(name, marker, needle)
	p["context"] = map[string]any{"includeDeclaration": true}
	var locs []Location
	s.call(method, p, &locs)
	var out []string
	for _, l := range locs {
		out = append(out, filepath.Base(uriToPath(l.URI))+":"+itoa(l.Range.Start.Line+1))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestBaselineNavigation: a future state's step, stage and opportunity ids
// lead to the same ids in its baseline (definition and references), and
// its baseline: path to the file.
func TestBaselineNavigation(t *testing.T) {
	s := startAudit(t)
	s.open("future.yaml")
	if got := s.locations("textDocument/definition", "future.yaml", "- id: submit", "submit"); got != "current.yaml:14" {
		t.Errorf("definition of step submit (from its own definition: the baseline's): %q", got)
	}
	if got := s.locations("textDocument/references", "future.yaml", "- id: submit", "submit"); got != "current.yaml:14 future.yaml:18 future.yaml:22" {
		t.Errorf("references of step submit: %q", got)
	}
	if got := s.locations("textDocument/definition", "future.yaml", "baseline: current.yaml", "current.yaml"); got != "current.yaml:1" {
		t.Errorf("definition of the baseline path: %q", got)
	}
}

// TestCompletionIDs: persona and step ids where they go, the baseline's
// ids not yet used in a future state, and the new stage snippet.
func TestCompletionIDs(t *testing.T) {
	s := startAudit(t)
	s.open("future.yaml")
	complete := func(text string, marker, needle string) completionList {
		s.t.Helper()
		s.change("future.yaml", text)
		var l completionList
		s.call("textDocument/completion", s.at("future.yaml", marker, needle), &l)
		return l
	}
	text := s.text["future.yaml"]
	// completeAt completes at the end of typed's last line, which is last.
	completeAt := func(typed, last string) completionList {
		s.t.Helper()
		s.change("future.yaml", typed)
		var l completionList
		pos := Position{Line: strings.Count(typed, "\n") - 1, Character: len(last)}
		s.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": s.uri("future.yaml")}, "position": pos}, &l)
		return l
	}
	l := complete(strings.Replace(text, "personas: [holder]", "personas: [holder, ]", 1), "personas: [holder, ]", "]")
	if got := labels(l); got != "holder broker" {
		t.Errorf("persona ids: %q", got)
	}
	if d := l.Items[1].Documentation; d == nil || !strings.Contains(d.Value, "Keep the client informed") {
		t.Errorf("persona documentation lacks the goal: %+v", d)
	}
	if got := labels(complete(strings.Replace(text, "next: [submit]", "next: []", 1), "next: []", "]")); got != "submit" {
		t.Errorf("step ids for next: %q", got)
	}
	// A new step's id: the baseline's step not used yet (wait).
	typed := text + "      - id: \n"
	if got := labels(completeAt(typed, "      - id: ")); got != "wait" {
		t.Errorf("baseline step ids for a new step: %q", got)
	}
	// A new opportunity's id: the baseline's opportunity.
	typed = text + "        opportunities:\n          - id: \n"
	l = completeAt(typed, "          - id: ")
	if got := labels(l); got != "tracker" {
		t.Errorf("baseline opportunity ids: %q", got)
	}
	// A new stage where the stages' dashes go.
	ls := completeAt(text+"  \n", "  ")
	if len(ls.Items) != 1 || ls.Items[0].Label != "new stage" || ls.Items[0].TextEdit == nil || !strings.HasPrefix(ls.Items[0].TextEdit.NewText, "- id: new-stage\n    name: ") {
		t.Errorf("new stage snippet: %+v", ls.Items)
	}
}

// TestHoverPersonaSource: a persona id shows its goal; a source id its
// title, kind, date and n.
func TestHoverPersonaSource(t *testing.T) {
	s := startAudit(t)
	s.open("future.yaml")
	var h hover
	s.call("textDocument/hover", s.at("future.yaml", "personas: [holder]", "holder"), &h)
	if !strings.Contains(h.Contents.Value, "Get the damage paid quickly") {
		t.Errorf("persona hover lacks the goal:\n%s", h.Contents.Value)
	}
	s.open("claim.yaml")
	s.call("textDocument/hover", s.at("claim.yaml", "sources: [interviews]", "interviews"), &h)
	for _, want := range []string{"Claimant interviews", "interview", "2026-10-01", "12"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("source hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
}

// TestRenameLocal: a journey's own id is renamed at its definition and
// every use; a new name that is not an id, or is taken, is refused.
func TestRenameLocal(t *testing.T) {
	s := startSession(t)
	s.open("claim.yaml")
	p := s.at("claim.yaml", "sources: [interviews]", "interviews")
	p["newName"] = "claimant-interviews"
	var we WorkspaceEdit
	s.call("textDocument/rename", p, &we)
	if len(we.Changes) != 1 {
		t.Fatalf("a local source touched %d files: %+v", len(we.Changes), we.Changes)
	}
	got := apply(t, s.text["claim.yaml"], we.Changes[s.uri("claim.yaml")])
	if strings.Contains(got, "[interviews]") || strings.Contains(got, "id: interviews") || strings.Count(got, "claimant-interviews") != 2 {
		t.Errorf("after the rename:\n%s", got)
	}
	if ds := s.change("claim.yaml", got); strings.Join(rules(ds), " ") != "red-without-opportunity unsupported-touchpoint" {
		t.Errorf("the rename changed the findings: %v", rules(ds))
	}
	for _, bad := range []string{"Not An Id", "submit"} {
		p := s.at("claim.yaml", "- id: call", "call")
		p["newName"] = bad
		m := s.request("textDocument/rename", p)
		if _, ok := m["error"]; !ok {
			t.Errorf("rename to %q was not refused: %s", bad, m["result"])
		}
	}
}

// TestFormattingRefused: a file fmt refuses (broken YAML) is refused with
// fmt's message, and no edit.
func TestFormattingRefused(t *testing.T) {
	s := startSession(t)
	s.open("broken.yaml", "cxmap: 1\nid: [x\n")
	m := s.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": s.uri("broken.yaml")}})
	e, ok := m["error"]
	if !ok || !strings.Contains(string(e), "broken.yaml") {
		t.Errorf("formatting broken YAML: %s %s", m["result"], e)
	}
}

// TestDiskChanges: a catalog changed on disk (not open) and a changed
// .cxmap.yaml make the open journeys be checked again; a broken
// configuration is shown in it, and the defaults are used meanwhile.
func TestDiskChanges(t *testing.T) {
	s := startSession(t)
	if got := strings.Join(rules(s.open("claim.yaml")), " "); got != "red-without-opportunity unsupported-touchpoint" {
		t.Fatalf("claim.yaml: %s", got)
	}
	changed := func(name string) {
		s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": s.uri(name), "type": 2}}})
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(s.ws, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cat, _ := os.ReadFile(filepath.Join(s.ws, "catalog.yaml"))
	write("catalog.yaml", strings.Replace(string(cat), "id: phone", "id: telephone", 1))
	changed("catalog.yaml")
	if got := strings.Join(rules(s.diags("claim.yaml")), " "); got != "unknown-reference" {
		t.Errorf("after the catalog changed on disk: %s", got)
	}
	write("catalog.yaml", string(cat))
	changed("catalog.yaml")
	s.diags("claim.yaml")

	write(".cxmap.yaml", "rules:\n  stale-journey: off\n  red-without-opportunity: off\n")
	changed(".cxmap.yaml")
	if got := strings.Join(rules(s.diags("claim.yaml")), " "); got != "unsupported-touchpoint" {
		t.Errorf("after a rule was turned off: %s", got)
	}
	write(".cxmap.yaml", "rules:\n  no-such-rule: off\n")
	changed(".cxmap.yaml")
	if ds := s.diags(".cxmap.yaml"); len(ds) != 1 || !strings.Contains(ds[0].Message, "no-such-rule") {
		t.Errorf("a broken configuration: %+v", ds)
	}
}
