package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/yamlfmt"
)

// session is a server run in process, with a client on pipes.
type session struct {
	*client
	t    *testing.T
	ws   string
	done chan error
	in   *io.PipeWriter
	text map[string]string
	ver  int
}

func startSession(t *testing.T) *session {
	return startSessionWith(t, copyDir(t, "testdata/ws"), nil)
}

// startSessionWith starts a session on the workspace folder ws, with the
// client's initializationOptions (nil: none).
func startSessionWith(t *testing.T, ws string, initOptions any) *session {
	t.Chdir(ws)
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	srv := New(outW, Options{Debounce: time.Millisecond})
	done := make(chan error, 1)
	go func() {
		done <- srv.Run(inR)
		outW.Close()
	}()
	s := &session{client: newClient(t, inW, outR), t: t, ws: ws, done: done, in: inW, text: map[string]string{}}
	s.request("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(ws), "capabilities": map[string]any{}, "initializationOptions": initOptions})
	s.notify("initialized", map[string]any{})
	t.Cleanup(func() { inW.Close() })
	return s
}

func (s *session) uri(name string) string { return pathToURI(filepath.Join(s.ws, name)) }

// open opens a workspace file (or text, when given) and returns its
// first diagnostics.
func (s *session) open(name string, text ...string) []Diagnostic {
	s.t.Helper()
	body := ""
	if len(text) > 0 {
		body = text[0]
	} else {
		data, err := os.ReadFile(filepath.Join(s.ws, name))
		if err != nil {
			s.t.Fatal(err)
		}
		body = string(data)
	}
	s.text[name] = body
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": s.uri(name), "languageId": "yaml", "version": 1, "text": body}})
	return s.diags(name)
}

func (s *session) diags(name string) []Diagnostic {
	s.t.Helper()
	var p publishDiagnosticsParams
	if err := json.Unmarshal(s.diagnostics(s.uri(name)), &p); err != nil {
		s.t.Fatal(err)
	}
	return p.Diagnostics
}

// change replaces a document's text and returns its next diagnostics.
func (s *session) change(name, text string) []Diagnostic {
	s.t.Helper()
	s.ver++
	s.text[name] = text
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": s.uri(name), "version": s.ver + 1},
		"contentChanges": []map[string]any{{"text": text}},
	})
	return s.diags(name)
}

// sync waits until the server has handled everything sent so far and
// drops the notifications it sent meanwhile.
func (s *session) sync() {
	s.t.Helper()
	s.request("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": s.uri("none.yaml")}})
	s.notes = nil
}

func (s *session) call(method string, params any, into any) {
	s.t.Helper()
	m := s.request(method, params)
	if e, ok := m["error"]; ok {
		s.t.Fatalf("%s: %s", method, e)
	}
	if err := json.Unmarshal(m["result"], into); err != nil {
		s.t.Fatalf("%s: %v: %s", method, err, m["result"])
	}
}

func (s *session) at(name, marker, needle string) map[string]any {
	s.t.Helper()
	return map[string]any{"textDocument": map[string]any{"uri": s.uri(name)}, "position": posOf(s.t, s.text[name], marker, needle)}
}

func rules(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	sort.Strings(out)
	return out
}

// apply applies the edits of one document to text.
func apply(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	d := &document{}
	d.setText(text)
	sort.Slice(edits, func(i, j int) bool {
		a, b := edits[i].Range.Start, edits[j].Range.Start
		return a.Line > b.Line || (a.Line == b.Line && a.Character > b.Character)
	})
	for _, e := range edits {
		d.applyChange(&e.Range, e.NewText, false)
	}
	return d.text
}

func TestHoverReferencesSymbols(t *testing.T) {
	s := startSession(t)
	s.open("claim.yaml")

	var h hover
	s.call("textDocument/hover", s.at("claim.yaml", "- id: call", "call"), &h)
	for _, want := range []string{"rating: red", "critical: false", "time: no duration", "unsupported-touchpoint", "red-without-opportunity"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("step hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	s.call("textDocument/hover", s.at("claim.yaml", "duration: 20m", "duration"), &h)
	if !strings.Contains(h.Contents.Value, "How long the step takes") {
		t.Errorf("key hover is not the schema's description:\n%s", h.Contents.Value)
	}
	s.call("textDocument/hover", s.at("claim.yaml", "lane: phone", "phone"), &h)
	if !strings.Contains(h.Contents.Value, "channel: phone") || !strings.Contains(h.Contents.Value, "catalog.yaml") {
		t.Errorf("lane hover lacks the channel or the catalog file:\n%s", h.Contents.Value)
	}

	refs := func(marker, needle string) []string {
		p := s.at("claim.yaml", marker, needle)
		p["context"] = map[string]any{"includeDeclaration": true}
		var locs []Location
		s.call("textDocument/references", p, &locs)
		var out []string
		for _, l := range locs {
			out = append(out, filepath.Base(uriToPath(l.URI))+":"+itoa(l.Range.Start.Line+1))
		}
		sort.Strings(out)
		return out
	}
	if got := strings.Join(refs("sources: [interviews]", "interviews"), " "); got != "claim.yaml:11 claim.yaml:34" {
		t.Errorf("references of source interviews: %s", got)
	}
	if got := strings.Join(refs("lane: phone", "phone"), " "); got != "catalog.yaml:9 claim.yaml:38 other.yaml:16" {
		t.Errorf("references of catalog lane phone: %s", got)
	}

	var syms []DocumentSymbol
	s.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": s.uri("claim.yaml")}}, &syms)
	var outline []string
	for _, st := range syms {
		outline = append(outline, st.Name)
		for _, c := range st.Children {
			outline = append(outline, "  "+c.Name+" "+strings.SplitN(c.Detail, " ·", 2)[0])
		}
	}
	if got := strings.Join(outline, "\n"); got != "report\n  submit green\n  call red\nlanes\n  handler backstage\nsources\n  interviews Claimant interviews" {
		t.Errorf("outline:\n%s", got)
	}
}

func TestCodeActions(t *testing.T) {
	s := startSession(t)
	ds := s.open("claim.yaml")
	if got := strings.Join(rules(ds), " "); got != "red-without-opportunity unsupported-touchpoint" {
		t.Fatalf("diagnostics: %s", got)
	}
	actions := func(marker string) map[string]CodeAction {
		p := posOf(t, s.text["claim.yaml"], marker, strings.TrimSpace(marker))
		var as []CodeAction
		s.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": s.uri("claim.yaml")}, "range": Range{Start: p, End: p}, "context": map[string]any{"diagnostics": []any{}}}, &as)
		out := map[string]CodeAction{}
		for _, a := range as {
			out[a.Title] = a
		}
		return out
	}
	as := actions("rating: red")
	ign, ok := as["Ignore red-without-opportunity here (# cxmap:ignore)"]
	if !ok {
		t.Fatalf("no ignore action on rating: red; got %v", keys(as))
	}
	fixed := apply(t, s.text["claim.yaml"], ign.Edit.Changes[s.uri("claim.yaml")])
	if got := strings.Join(rules(s.change("claim.yaml", fixed)), " "); got != "unsupported-touchpoint" {
		t.Errorf("after the ignore action: %s\n%s", got, fixed)
	}

	// The backstage stub, on step call's touchpoints.
	lines := strings.Split(s.text["claim.yaml"], "\n")
	callTP := 0
	for i, l := range lines {
		if strings.Contains(l, "lane: phone") {
			callTP = i - 1
		}
	}
	var list []CodeAction
	s.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": s.uri("claim.yaml")}, "range": Range{Start: Position{callTP, 9}, End: Position{callTP, 9}}, "context": map[string]any{"diagnostics": []any{}}}, &list)
	var stub, dur *CodeAction
	for i := range list {
		switch {
		case strings.HasPrefix(list[i].Title, "Add a backstage entry"):
			stub = &list[i]
		case strings.HasPrefix(list[i].Title, "Add the missing duration"):
			dur = &list[i]
		}
	}
	if stub == nil || dur == nil {
		t.Fatalf("no backstage stub or duration action: %+v", list)
	}
	fixed = apply(t, s.text["claim.yaml"], stub.Edit.Changes[s.uri("claim.yaml")])
	fixed = strings.Replace(fixed, "does: TODO what happens behind the scenes", "does: Looks up the claim", 1)
	got := s.change("claim.yaml", fixed)
	if len(got) != 0 {
		t.Errorf("after the backstage stub: %v\n%s", rules(got), fixed)
	}
	if !strings.Contains(fixed, "        backstage:\n          - lane: handler\n") {
		t.Errorf("stub not under the step, on the first backstage lane:\n%s", fixed)
	}
	withDur := apply(t, s.text["claim.yaml"], dur.Edit.Changes[s.uri("claim.yaml")])
	if !strings.Contains(withDur, "action: Calls to ask about progress\n        duration: 1d\n") {
		t.Errorf("duration not added after the action:\n%s", withDur)
	}
	if got := s.change("claim.yaml", withDur); len(got) != 0 {
		t.Errorf("after adding the duration: %v", rules(got))
	}
}

func keys(m map[string]CodeAction) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func labels(l completionList) string {
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Label)
	}
	return strings.Join(out, " ")
}

func TestCompletion(t *testing.T) {
	s := startSession(t)
	s.open("claim.yaml")
	text := s.text["claim.yaml"]
	complete := func(text string, line, char int) completionList {
		s.change("claim.yaml", text)
		var l completionList
		s.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": s.uri("claim.yaml")}, "position": Position{line, char}}, &l)
		return l
	}
	lines := strings.Split(text, "\n")
	find := func(needle string) int {
		for i, l := range lines {
			if strings.Contains(l, needle) {
				return i
			}
		}
		t.Fatalf("no %q", needle)
		return 0
	}
	// A key in step call: those it does not have yet.
	insert := func(after int, line string) string {
		out := append(append(append([]string(nil), lines[:after+1]...), line), lines[after+1:]...)
		return strings.Join(out, "\n")
	}
	l := complete(insert(find("action: Calls"), "        cr"), find("action: Calls")+1, 10)
	got := labels(l)
	if !strings.Contains(got, "critical") || !strings.Contains(got, "emotion") || strings.Contains(got, "action") || strings.Contains(got, "rating") {
		t.Errorf("step keys: %s", got)
	}
	// Enum values of rating.
	r := find("rating: red")
	l = complete(text, r, len("        rating: "))
	if got := labels(l); got != "green yellow red" {
		t.Errorf("rating values: %s", got)
	}
	// Backstage lanes: the journey's and the catalog's backstage and
	// support lanes only.
	b := find("lane: handler")
	l = complete(text, b, len("            - lane: "))
	if got := labels(l); got != "handler crm" {
		t.Errorf("backstage lanes: %s", got)
	}
	// Sources in a flow list: own and catalog's, with title, date and n.
	sp := find("sources: [interviews]")
	l = complete(text, sp, len("        sources: ["))
	if got := labels(l); got != "interviews nps-2026" {
		t.Errorf("sources: %s", got)
	}
	if d := l.Items[1].LabelDetails; d == nil || d.Description != "survey · 2026-03-31 · n=480 · catalog acme-channels" {
		t.Errorf("source detail: %+v", l.Items[1].LabelDetails)
	}
	// The workspace's catalog files where uses: lists one.
	u := find("uses: [catalog.yaml]")
	l = complete(strings.Replace(text, "uses: [catalog.yaml]", "uses: []", 1), u, len("uses: ["))
	if got := labels(l); got != "catalog.yaml" {
		t.Errorf("catalogs for uses: %q", got)
	}
	// A new step where the steps' dashes go.
	l = complete(insert(len(lines)-2, "      "), len(lines)-1, 6)
	if len(l.Items) != 1 || l.Items[0].Label != "new step" || !strings.HasPrefix(l.Items[0].TextEdit.NewText, "- id: new-step\n        action: ") {
		t.Errorf("new step snippet: %+v", l.Items)
	}

	// A YAML syntax error: one diagnostic where it is, and completion from
	// the last good model.
	broken := strings.Replace(text, "rating: red", "rating: [red", 1)
	ds := s.change("claim.yaml", broken)
	if len(ds) != 1 || ds[0].Code != "yaml-syntax" {
		t.Fatalf("broken YAML: %+v", ds)
	}
	l = complete(broken, b, len("            - lane: "))
	if got := labels(l); got != "handler crm" {
		t.Errorf("lanes while the YAML is broken: %s", got)
	}
}

func TestCatalogEdits(t *testing.T) {
	s := startSession(t)
	if ds := s.open("claim.yaml"); len(ds) != 2 {
		t.Fatalf("claim.yaml: %v", rules(ds))
	}
	s.open("catalog.yaml")
	s.sync()
	// Renaming the lane in the catalog, unsaved: the journey using it is
	// checked again against the editor's text.
	cat := s.text["catalog.yaml"]
	s.change("catalog.yaml", strings.Replace(cat, "id: phone", "id: telephone", 1))
	ds := s.diags("claim.yaml")
	if got := strings.Join(rules(ds), " "); !strings.Contains(got, "unknown-reference") {
		t.Errorf("claim.yaml after the catalog changed: %s", got)
	}
	// A catalog with an error: shown in the catalog, and the journey says
	// its catalog is not valid.
	s.sync()
	ds = s.change("catalog.yaml", strings.Replace(cat, "zone: support", "zone: middle", 1))
	if len(ds) != 1 || ds[0].Code != "schema" {
		t.Errorf("catalog's own problem: %+v", ds)
	}
	ds = s.diags("claim.yaml")
	if len(ds) == 0 || !strings.Contains(ds[0].Message, "is not valid (1 error)") {
		t.Errorf("claim.yaml with an invalid catalog: %+v", ds)
	}
	// Closing the catalog goes back to the file on disk.
	s.sync()
	s.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": s.uri("catalog.yaml")}})
	if ds := s.diags("claim.yaml"); len(ds) != 2 {
		t.Errorf("claim.yaml after the catalog closed: %v", rules(ds))
	}
}

func TestRefused(t *testing.T) {
	s := startSession(t)
	huge := "cxmap: 1\n" + strings.Repeat("# padding\n", 11<<20/10)
	ds := s.open("huge.yaml", huge)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "larger than") {
		t.Errorf("huge file: %+v", ds)
	}
	ds = s.open("binary.yaml", "cxmap: 1\nid: \x00\x01\x02\n")
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "NUL byte") {
		t.Errorf("binary file: %+v", ds)
	}
	var l completionList
	s.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": s.uri("binary.yaml")}, "position": Position{1, 4}}, &l)
	if len(l.Items) != 0 {
		t.Errorf("completion in a refused file: %+v", l.Items)
	}
}

func TestClientGone(t *testing.T) {
	s := startSession(t)
	s.open("claim.yaml")
	s.in.Close() // the editor died
	select {
	case err := <-s.done:
		if !errors.Is(err, ErrNoShutdown) {
			t.Errorf("Run = %v, want ErrNoShutdown", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("the server did not stop when its input closed")
	}
}

// TestDuplicateRelated: a duplicate-id between the journey and its
// catalog points at the other definition.
func TestDuplicateRelated(t *testing.T) {
	s := startSession(t)
	data, _ := os.ReadFile(filepath.Join(s.ws, "claim.yaml"))
	dup := strings.Replace(string(data), "  - id: handler\n", "  - id: phone\n    name: Our phone\n    zone: frontstage\n  - id: handler\n", 1)
	ds := s.open("claim.yaml", dup)
	var found bool
	for _, d := range ds {
		if d.Code != "duplicate-id" {
			continue
		}
		found = true
		if len(d.RelatedInformation) != 1 {
			t.Fatalf("duplicate-id without the other place: %+v", d)
		}
		r := d.RelatedInformation[0].Location
		if filepath.Base(uriToPath(r.URI)) != "catalog.yaml" || r.Range.Start.Line != 8 {
			t.Errorf("related information points at %s:%d, want catalog.yaml:9", r.URI, r.Range.Start.Line+1)
		}
	}
	if !found {
		t.Fatalf("no duplicate-id: %v", rules(ds))
	}
}

// TestFormatting: the edit gives exactly what `cxmap fmt` (pkg/yamlfmt)
// writes, and a canonical file gets no edit.
func TestFormatting(t *testing.T) {
	s := startSession(t)
	messy := "cxmap: 1\ntitle: File a claim\nid: claim\nowner: Claims team\nuses: [catalog.yaml]\nstages:\n- name: Report\n  id: report\n  steps:\n  - action: Submits the claim online\n    id: submit\n    touchpoints:\n    - {does: Claim form, lane: portal}\n"
	s.open("messy.yaml", messy)
	var edits []TextEdit
	s.call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": s.uri("messy.yaml")}}, &edits)
	want, err := yamlfmt.Format("messy.yaml", []byte(messy))
	if err != nil {
		t.Fatal(err)
	}
	if string(want) == messy {
		t.Fatal("the test file is already canonical")
	}
	if got := apply(t, messy, edits); got != string(want) {
		t.Fatalf("formatted:\n%s\nwant (cxmap fmt):\n%s", got, want)
	}
	s.change("messy.yaml", string(want))
	s.call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": s.uri("messy.yaml")}}, &edits)
	if len(edits) != 0 {
		t.Errorf("a canonical file got edits: %+v", edits)
	}
}
