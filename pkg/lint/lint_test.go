package lint

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// base is a journey every rule passes: each rule's test breaks it in one
// place (fires) and nudges it up to the rule's edge (near misses).
const base = `cxmap: 1
id: permit
title: Building permit
owner: cx-team
updated: 2026-11-01
persona:
  name: Small-business owner
  goal: Permit approved in one visit
sources:
  - id: interviews
    kind: interview
    title: Applicant interviews
lanes:
  - id: portal
    name: Permit portal
    zone: frontstage
  - id: reviewer
    name: Plan reviewer
    zone: backstage
stages:
  - id: apply
    name: Apply
    steps:
      - id: find-rules
        action: Looks up which permits apply
        touchpoints:
          - lane: portal
            does: Shows a 40-page checklist
        backstage:
          - lane: reviewer
            does: Updates the checklist
        rating: red
        critical: true
        emotion: -2
        sources: [interviews]
        pains: [Cannot tell which forms apply]
        opportunities:
          - idea: Guided questionnaire
            owner: digital-team
        metrics:
          - name: Abandonment
            unit: "%"
            current: 35
            target: 10
            better: lower
`

// today is the fixed date the tests lint on.
var today = time.Date(2026, 11, 23, 15, 4, 5, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return today }}
}

// edit replaces old (which must occur exactly once) with new in src.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("edit: %q occurs %d times", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

func lintString(t *testing.T, src string, o Options) []finding.Finding {
	t.Helper()
	j, fs := journey.Parse("j.yaml", []byte(src))
	if j == nil {
		t.Fatalf("fixture is not a valid journey: %v", fs)
	}
	out := Lint(j, o)
	finding.Sort(out)
	return out
}

// show renders findings of one rule (all rules when rule is "") as
// "line:col-endLine:endCol: level: message".
func show(fs []finding.Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if rule == "" || f.Rule == rule {
			out = append(out, fmt.Sprintf("%d:%d-%d:%d: %s: %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Level, f.Message))
		}
	}
	return out
}

type ruleCase struct {
	name string
	src  string
	o    *Options
	want []string // findings of the rule under test, in show's form
}

func testRule(t *testing.T, id string, cases []ruleCase) {
	t.Helper()
	if _, ok := Lookup(id); !ok {
		t.Fatalf("rule %q is not in the registry", id)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := testOptions()
			if c.o != nil {
				o = *c.o
			}
			got := show(lintString(t, c.src, o), id)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s findings:\n got: %q\nwant: %q", id, got, c.want)
			}
		})
	}
}

func TestBaseIsClean(t *testing.T) {
	if got := show(lintString(t, base, testOptions()), ""); len(got) > 0 {
		t.Fatalf("base journey has findings: %q", got)
	}
}

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %q", r.ID)
		}
		seen[r.ID] = true
		if r.Short == "" || r.Full == "" || r.Fix == "" || r.Level == finding.Off {
			t.Errorf("rule %q lacks metadata: %+v", r.ID, r)
		}
		if !strings.HasSuffix(r.HelpURI(), "/docs/rules/"+r.ID+".md") {
			t.Errorf("rule %q help %q", r.ID, r.HelpURI())
		}
	}
	for _, id := range []string{"missing-touchpoint", "unrated-step", "unsupported-touchpoint", "red-without-opportunity",
		"pain-without-opportunity", "opportunity-without-owner", "unsourced-rating", "rating-emotion-mismatch",
		"metric-without-target", "empty-stage", "unused-lane", "unused-source", "missing-persona", "missing-owner",
		"stale-journey", "unused-ignore", "yaml-syntax", "schema", "duplicate-id", "unknown-reference", "wrong-zone",
		"unsupported-version"} {
		if !seen[id] {
			t.Errorf("rule %q missing from the registry", id)
		}
	}
	if len(Metadata()) != len(Rules()) {
		t.Errorf("Metadata has %d rules, registry %d", len(Metadata()), len(Rules()))
	}
}

func TestLevelOverrideAndOff(t *testing.T) {
	src := edit(t, base, "owner: cx-team\n", "")
	o := testOptions()
	o.Levels = map[string]finding.Level{"missing-owner": finding.Error}
	if got := show(lintString(t, src, o), "missing-owner"); len(got) != 1 || !strings.Contains(got[0], ": error: ") {
		t.Errorf("override to error: got %q", got)
	}
	o.Levels["missing-owner"] = finding.Off
	if got := show(lintString(t, src, o), ""); len(got) != 0 {
		t.Errorf("rule off: got %q", got)
	}
}
