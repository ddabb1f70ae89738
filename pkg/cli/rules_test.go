package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/lint"
)

func TestNewCmdRulesFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *RulesOptions
	cmd := NewCmdRules(io, func(o *RulesOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--json", "unrated-step", "empty-stage"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.JSON || strings.Join(got.IDs, ",") != "unrated-step,empty-stage" {
		t.Errorf("options = %+v", got)
	}
}

func TestRulesTable(t *testing.T) {
	io, out, _ := TestStreams("")
	if err := rulesRun(&RulesOptions{IO: io}); err != nil {
		t.Fatal(err)
	}
	golden(t, "../../testdata/lint/golden/rules.txt", out.Bytes())
	lines := strings.Split(out.String(), "\n")
	if !strings.HasPrefix(lines[0], "RULE") {
		t.Errorf("header = %q", lines[0])
	}
	for i, r := range lint.Rules() {
		if f := strings.Fields(lines[i+1]); len(f) < 3 || f[0] != r.ID || f[1] != r.Level.String() {
			t.Errorf("row %d = %q, want %s %s ...", i+1, lines[i+1], r.ID, r.Level)
		}
	}
}

func TestRulesDetail(t *testing.T) {
	io, out, _ := TestStreams("")
	if err := rulesRun(&RulesOptions{IO: io, IDs: []string{"stale-journey"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"stale-journey (lint, info by default)", "How to fix:", "stale-journey: {days: 180}", "docs/rules/stale-journey.md"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("detail lacks %q:\n%s", want, out)
		}
	}
	err := rulesRun(&RulesOptions{IO: io, IDs: []string{"no-such-rule"}})
	if exitCode(err) != ExitUsage || !strings.Contains(err.Error(), `unknown rule "no-such-rule"`) {
		t.Errorf("unknown rule: %v", err)
	}
}

func TestRulesJSON(t *testing.T) {
	io, out, _ := TestStreams("")
	if err := rulesRun(&RulesOptions{IO: io, JSON: true}); err != nil {
		t.Fatal(err)
	}
	var got []ruleJSON
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(lint.Rules()) {
		t.Fatalf("%d rules, want %d", len(got), len(lint.Rules()))
	}
	byID := map[string]ruleJSON{}
	for _, r := range got {
		byID[r.ID] = r
	}
	if r := byID["stale-journey"]; r.Level != "info" || r.Kind != "lint" || r.Options["days"] != 180 || r.Fix == "" || !strings.HasSuffix(r.HelpURI, "stale-journey.md") {
		t.Errorf("stale-journey = %+v", r)
	}
	if r := byID["schema"]; r.Kind != "validate" || r.Level != "error" {
		t.Errorf("schema = %+v", r)
	}
}
