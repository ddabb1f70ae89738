package lintbaseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

const src = `cxmap: 1
id: j
title: J
lanes:
  - {id: web, name: Web, zone: frontstage}
sources:
  - {id: s1, kind: survey, title: S}
stages:
  - id: st
    name: St
    steps:
      - id: a
        action: A
        touchpoints: [{lane: web, does: x}]
      - id: b
        action: B
`

func TestAnchor(t *testing.T) {
	j, fs := journey.Parse("j.yaml", []byte(src))
	if j == nil {
		t.Fatal(fs)
	}
	tests := []struct {
		line int
		want string
	}{
		{0, "journey"}, {2, "journey"}, {5, "lane:web"}, {7, "source:s1"}, {9, "stage:st"},
		{12, "step:a"}, {14, "step:a"}, {15, "step:b"}, {16, "step:b"}, {99, "journey"},
	}
	for _, tt := range tests {
		if got := Anchor(j, tt.line); got != tt.want {
			t.Errorf("Anchor(line %d) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	f := finding.Finding{Path: filepath.Join(dir, "journeys", "j.yaml"), Line: 12, Rule: "r", Message: "already defined at line 7, column 3"}
	k := NewKey(f, "step:a", dir)
	if k.File != "journeys/j.yaml" || k.Message != "already defined at line N, column N" {
		t.Errorf("key = %+v", k)
	}
	moved := f
	moved.Line, moved.Message = 40, "already defined at line 9, column 3"
	if NewKey(moved, "step:a", dir).Fingerprint() != k.Fingerprint() {
		t.Error("moving lines changed the fingerprint")
	}
	for name, other := range map[string]Key{
		"rule":   {Rule: "r2", File: k.File, Anchor: k.Anchor, Message: k.Message},
		"file":   {Rule: k.Rule, File: "other.yaml", Anchor: k.Anchor, Message: k.Message},
		"anchor": {Rule: k.Rule, File: k.File, Anchor: "step:b", Message: k.Message},
	} {
		if other.Fingerprint() == k.Fingerprint() {
			t.Errorf("a different %s gave the same fingerprint", name)
		}
	}
}

func TestBuildMatchRoundTrip(t *testing.T) {
	a := Key{Rule: "r", File: "j.yaml", Anchor: "step:a", Message: "m"}
	b := Key{Rule: "r", File: "j.yaml", Anchor: "step:b", Message: "m"}
	base := Build([]Key{b, a, a})
	if len(base.Findings) != 2 || base.Findings[0].Anchor != "step:a" || base.Findings[0].Count != 2 {
		t.Fatalf("Build = %+v", base.Findings)
	}
	path := filepath.Join(t.TempDir(), "base.json")
	if err := base.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	m := back.Matcher()
	got := []bool{m.Known(a), m.Known(a), m.Known(a), m.Known(b), m.Known(Key{Rule: "new"})}
	want := []bool{true, true, false, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %v, want %v (counts are used up)", i, got[i], want[i])
		}
	}
}

func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, tt := range map[string]struct{ content, want string }{
		"not json":      {"nope", "not a cxmap lint baseline"},
		"wrong shape":   {`{"findings": "no"}`, "not a cxmap lint baseline"},
		"unknown field": {`{"version": 1, "extra": 1}`, "not a cxmap lint baseline"},
		"newer":         {`{"version": 2, "findings": []}`, "version 2, this cxmap reads version 1"},
		"no version":    {`{"findings": []}`, "version 0"},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(p); err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v, want an error naming the file with %q", name, err, tt.want)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing: %v", err)
	}
}
