package lsp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/lintbaseline"
)

// TestBaselineSameAsLint: with `cxmap lsp --baseline FILE`, the real
// binary shows exactly what `cxmap lint --baseline FILE` reports: the
// recorded findings are gone even after lines moved, new ones are shown.
func TestBaselineSameAsLint(t *testing.T) {
	bin := buildBinary(t)
	ws := copyDir(t, "testdata/ws")
	lint := exec.Command(bin, "lint", "--write-baseline", "base.json", "claim.yaml")
	lint.Dir = ws
	if out, err := lint.CombinedOutput(); err != nil {
		t.Fatalf("cxmap lint --write-baseline: %v\n%s", err, out)
	}
	// Lines move (a comment block on top) and a step loses its sources:
	// two new lint findings.
	data, err := os.ReadFile(filepath.Join(ws, "claim.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := "# Claims journey\n# (moved down two lines)\n" + strings.Replace(string(data), "        sources: [interviews]\n", "", 1)
	if err := os.WriteFile(filepath.Join(ws, "claim.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd, c := startBinary(t, bin, ws, "--baseline", "base.json")
	c.request("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(ws), "capabilities": map[string]any{}})
	c.notify("initialized", map[string]any{})
	claim := pathToURI(filepath.Join(ws, "claim.yaml"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": claim, "languageId": "yaml", "version": 1, "text": text}})
	raw := c.diagnostics(claim)
	sameAsLint(t, bin, ws, "claim.yaml", raw, "--baseline", "base.json")
	var p publishDiagnosticsParams
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	if got := rules(p.Diagnostics); strings.Join(got, " ") != "unsourced-rating unused-source" {
		t.Errorf("with the baseline: %v, want only the new unsourced-rating and unused-source", got)
	}
	c.request("shutdown", nil)
	c.notify("exit", nil)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v", err)
	}
}

// TestBaselineOption: the baseline named by initializationOptions is
// applied, read again when it changes on disk, and one that cannot be
// read is reported while every finding is shown.
func TestBaselineOption(t *testing.T) {
	ws := copyDir(t, "testdata/ws")
	recorded := []lintbaseline.Key{
		lintbaseline.NewKey(finding.Finding{Rule: "unsupported-touchpoint", Path: filepath.Join(ws, "claim.yaml"),
			Message: `step "call" has touchpoints but nothing backstage supports them; add a backstage: entry with a backstage or support lane`}, "step:call", ws),
		lintbaseline.NewKey(finding.Finding{Rule: "red-without-opportunity", Path: filepath.Join(ws, "claim.yaml"),
			Message: `step "call" is rated red but has no opportunity; add one under opportunities: with an idea and an owner`}, "step:call", ws),
	}
	writeBase := func(keys []lintbaseline.Key) {
		t.Helper()
		if err := lintbaseline.Build(keys).Write(filepath.Join(ws, "base.json")); err != nil {
			t.Fatal(err)
		}
	}
	writeBase(recorded)
	s := startSessionWith(t, ws, map[string]any{"baseline": "base.json"})
	if got := rules(s.open("claim.yaml")); len(got) != 0 {
		t.Fatalf("the baseline records every finding of claim.yaml, shown: %v", got)
	}
	changed := func() {
		s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": s.uri("base.json"), "type": 2}}})
	}

	// One of the two taken out of the baseline: it is new again.
	writeBase(recorded[:1])
	changed()
	if got := strings.Join(rules(s.diags("claim.yaml")), " "); got != "red-without-opportunity" {
		t.Errorf("after the baseline lost a finding: %q, want red-without-opportunity", got)
	}

	// A broken baseline: said once, and every finding shown.
	if err := os.WriteFile(filepath.Join(ws, "base.json"), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.notes = nil
	changed()
	if got := strings.Join(rules(s.diags("claim.yaml")), " "); got != "red-without-opportunity unsupported-touchpoint" {
		t.Errorf("with a broken baseline: %q, want both findings", got)
	}
	said := ""
	for _, m := range s.notes {
		if string(m["method"]) == `"window/showMessage"` {
			said += string(m["params"])
		}
	}
	if !strings.Contains(said, "base.json") || !strings.Contains(said, "not a cxmap lint baseline") {
		t.Errorf("the broken baseline was not reported: %q", said)
	}
}
