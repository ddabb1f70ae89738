package lsp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
)

// TestStdioSession drives the real cxmap binary over standard input and
// output as an editor would, with a golden file for every response.
func TestStdioSession(t *testing.T) {
	bin := buildBinary(t)
	ws := copyDir(t, "testdata/ws")
	cmd, c := startBinary(t, bin, ws)
	check := func(name string, raw json.RawMessage) {
		t.Helper()
		golden.Check(t, filepath.Join("testdata", "session", name+".json"), normalize(t, raw, ws))
	}
	result := func(m map[string]json.RawMessage) json.RawMessage {
		t.Helper()
		if e, ok := m["error"]; ok {
			t.Fatalf("error response: %s", e)
		}
		return m["result"]
	}

	check("01-initialize", result(c.request("initialize", map[string]any{
		"processId": nil, "rootUri": pathToURI(ws),
		"capabilities": map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}}},
	})))
	c.notify("initialized", map[string]any{})

	claimPath := filepath.Join(ws, "claim.yaml")
	claim := pathToURI(claimPath)
	text, _ := os.ReadFile(claimPath)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": claim, "languageId": "yaml", "version": 1, "text": string(text)}})
	diags := c.diagnostics(claim)
	check("02-diagnostics-open", diags)
	sameAsLint(t, bin, ws, "claim.yaml", diags)

	// A typo in a lane id: unknown-reference with a did-you-mean.
	typo := posOf(t, string(text), "lane: portal", "portal")
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": claim, "version": 2},
		"contentChanges": []map[string]any{{
			"range": Range{Start: typo, End: Position{Line: typo.Line, Character: typo.Character + len("portal")}},
			"text":  "portl",
		}},
	})
	diags = c.diagnostics(claim)
	check("03-diagnostics-typo", diags)
	changed := strings.Replace(string(text), "lane: portal", "lane: portl", 1)
	os.WriteFile(filepath.Join(ws, "typo.yaml"), []byte(changed), 0o644)
	sameAsLint(t, bin, ws, "typo.yaml", diags)
	os.Remove(filepath.Join(ws, "typo.yaml"))

	// The quick fix for it.
	check("04-codeaction-didyoumean", result(c.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": claim},
		"range":        Range{Start: typo, End: typo},
		"context":      map[string]any{"diagnostics": []any{}},
	})))

	// Completion where a touchpoint's lane goes: the catalog's frontstage
	// lanes with zone and channel.
	lanePos := posOf(t, string(text), "lane: phone", "phone")
	check("05-completion-lane", result(c.request("textDocument/completion", map[string]any{
		"textDocument": map[string]any{"uri": claim}, "position": lanePos,
	})))

	// Hover on a source id (the catalog's).
	srcPos := posOf(t, string(text), "sources: [nps-2026]", "nps-2026")
	check("06-hover-source", result(c.request("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": claim}, "position": srcPos,
	})))

	// Definition of a catalog lane: into the catalog.
	check("07-definition-catalog", result(c.request("textDocument/definition", map[string]any{
		"textDocument": map[string]any{"uri": claim}, "position": lanePos,
	})))

	// Rename a catalog lane used only by this journey: the journey and
	// the catalog change together.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": claim, "version": 3},
		"contentChanges": []map[string]any{{"text": string(text)}},
	})
	portalPos := posOf(t, string(text), "lane: portal", "portal")
	check("08-rename-catalog-lane", result(c.request("textDocument/rename", map[string]any{
		"textDocument": map[string]any{"uri": claim}, "position": portalPos, "newName": "web-portal",
	})))
	// A lane another journey of the folder uses, and that is not open:
	// refused, naming it.
	resp := c.request("textDocument/rename", map[string]any{
		"textDocument": map[string]any{"uri": claim}, "position": lanePos, "newName": "hotline",
	})
	if _, ok := resp["error"]; !ok {
		t.Fatalf("rename of a lane other.yaml uses was not refused: %s", resp["result"])
	}
	check("09-rename-refused", resp["error"])

	check("10-shutdown", result(c.request("shutdown", nil)))
	c.notify("exit", nil)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the server did not exit cleanly after shutdown and exit: %v", err)
	}
}

// startBinary runs `cxmap lsp ARGS` in the workspace folder ws, with a
// client on its standard input and output; the process is killed when the
// test ends.
func startBinary(t *testing.T, bin, ws string, args ...string) (*exec.Cmd, *client) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"lsp"}, args...)...)
	cmd.Dir = ws
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, newClient(t, stdin, stdout)
}

// sameAsLint: the diagnostics are exactly `cxmap lint`'s findings for the
// file, run in the workspace folder (rule, level, range, message), with
// the flags given (--baseline FILE).
func sameAsLint(t *testing.T, bin, ws, file string, raw json.RawMessage, flags ...string) {
	t.Helper()
	cmd := exec.Command(bin, append(append([]string{"lint", "-f", "json"}, flags...), file)...)
	cmd.Dir = ws
	out, _ := cmd.Output()
	var fs []struct {
		Line, Column, EndLine, EndColumn int
		Level, Rule, Message             string
	}
	if err := json.Unmarshal(out, &fs); err != nil {
		t.Fatalf("cxmap lint -f json: %v\n%s", err, out)
	}
	var p publishDiagnosticsParams
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != len(fs) {
		t.Fatalf("%d diagnostics, cxmap lint reports %d findings:\n%s\n%s", len(p.Diagnostics), len(fs), raw, out)
	}
	sev := map[string]int{"error": 1, "warning": 2, "info": 3}
	for i, f := range fs {
		d := p.Diagnostics[i]
		want := Range{Start: Position{f.Line - 1, f.Column - 1}, End: Position{f.EndLine - 1, f.EndColumn - 1}}
		if d.Range != want || d.Code != f.Rule || d.Severity != sev[f.Level] || d.Message != f.Message {
			t.Errorf("diagnostic %d = %+v, lint finding %+v", i, d, f)
		}
	}
}
