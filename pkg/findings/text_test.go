package findings

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

var sample = []finding.Finding{
	{Path: "a.yaml", Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Level: finding.Error, Rule: "schema", Message: "unknown key \"x\""},
	{Path: "a.yaml", Line: 7, Column: 1, EndLine: 7, EndColumn: 2, Level: finding.Warning, Rule: "unused-lane", Message: "lane \"crm\" is never used"},
	{Path: "b.yaml", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Level: finding.Info, Rule: "stale-journey", Message: "updated 200 days ago"},
}

func TestText(t *testing.T) {
	tests := []struct {
		name  string
		fs    []finding.Finding
		files int
		color bool
		want  string
	}{
		{"clean", nil, 2, false, "2 files checked, no problems\n"},
		{"one file", nil, 1, false, "1 file checked, no problems\n"},
		{"findings", sample, 2, false, `a.yaml:3:5: error: unknown key "x" [schema]
a.yaml:7:1: warning: lane "crm" is never used [unused-lane]
b.yaml:1:1: info: updated 200 days ago [stale-journey]
2 files checked: 1 error, 1 warning, 1 info
`},
		{"colour", sample[:1], 1, true, "\x1b[1ma.yaml:3:5:\x1b[0m \x1b[31merror\x1b[0m: unknown key \"x\" \x1b[2m[schema]\x1b[0m\n1 file checked: 1 error, 0 warnings, 0 info\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, Report{Findings: tc.fs, Files: tc.files, Color: tc.color}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tc.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, Report{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("empty: got %q, want []", b.String())
	}
	b.Reset()
	if err := JSON(&b, Report{Findings: sample[:1]}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "path": "a.yaml",
    "line": 3,
    "column": 5,
    "endLine": 3,
    "endColumn": 9,
    "level": "error",
    "rule": "schema",
    "message": "unknown key \"x\""
  }
]
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestLookup(t *testing.T) {
	if _, err := Lookup("text"); err != nil {
		t.Error(err)
	}
	_, err := Lookup("xml")
	if err == nil || !strings.Contains(err.Error(), `-f "xml" is not one of github, gitlab, json, junit, sarif, text`) {
		t.Errorf("got %v", err)
	}
}
