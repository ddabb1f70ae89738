package findings

import (
	"bytes"
	"encoding/json"
	"github.com/cxmap/cxmap/internal/sarifcheck"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func sampleReport() Report {
	return Report{
		Files:   2,
		Version: "1.2.3",
		Rules: []finding.Rule{
			{ID: "unrated-step", Level: finding.Error, ShortDescription: "a step has no rating", FullDescription: "Each step is rated.", Help: "Add a rating.", HelpURI: "https://github.com/cxmap/cxmap/blob/main/docs/rules/unrated-step.md"},
			{ID: "unsourced-rating", Level: finding.Info, ShortDescription: "a rated step cites no source", FullDescription: "Cite sources.", Help: "Add sources.", HelpURI: "https://github.com/cxmap/cxmap/blob/main/docs/rules/unsourced-rating.md"},
		},
		Findings: []finding.Finding{
			{Path: "journeys/permit.yaml", Line: 24, Column: 13, EndLine: 24, EndColumn: 23, Level: finding.Error, Rule: "unrated-step", Message: `step "find-rules" has no rating; add a rating: green, yellow or red`},
			{Path: "journeys/permit.yaml", Line: 40, Column: 17, EndLine: 40, EndColumn: 20, Level: finding.Warning, Rule: "unrated-step", Message: `configured up to warning`},
			{Path: "journeys/permit.yaml", Line: 50, Column: 17, EndLine: 50, EndColumn: 20, Level: finding.Info, Rule: "unsourced-rating", Message: `rating of step "pay" cites no source`},
			{Path: "my journeys/b.yaml", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Level: finding.Error, Rule: "yaml-syntax", Message: "yaml: line 1: did not find expected key"},
		},
	}
}

func TestSARIFSchema(t *testing.T) {
	for name, r := range map[string]Report{"findings": sampleReport(), "empty": {Files: 1, Version: "dev"}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SARIF(&b, r); err != nil {
				t.Fatal(err)
			}
			sarifcheck.Validate(t, b.Bytes())
		})
	}
	// The schema check must be able to fail: a result level SARIF does not
	// have is refused.
	var b bytes.Buffer
	if err := SARIF(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(b.Bytes(), []byte(`"level": "note"`), []byte(`"level": "info"`), 1)
	if sarifcheck.Check(bad) == nil {
		t.Fatal("schema accepted level \"info\"; the validation is not working")
	}
}

// sarifOut decodes SARIF output into the package's own structs.
func sarifOut(t *testing.T, r Report) sarifLog {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	log := sarifOut(t, sampleReport())
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "cxmap" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("run = %+v", run)
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID+"="+r.DefaultConfiguration.Level)
	}
	// yaml-syntax is not described by the report, so it gets a bare entry.
	if got := strings.Join(ids, " "); got != "unrated-step=error unsourced-rating=note yaml-syntax=error" {
		t.Errorf("driver rules = %s", got)
	}
	want := []struct {
		rule  string
		index int
		level string
		uri   string
		reg   sarifRegion
	}{
		{"unrated-step", 0, "error", "journeys/permit.yaml", sarifRegion{24, 13, 24, 23}},
		{"unrated-step", 0, "warning", "journeys/permit.yaml", sarifRegion{40, 17, 40, 20}},
		{"unsourced-rating", 1, "note", "journeys/permit.yaml", sarifRegion{50, 17, 50, 20}},
		{"yaml-syntax", 2, "error", "my%20journeys/b.yaml", sarifRegion{1, 1, 1, 2}},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, w := range want {
		res := run.Results[i]
		loc := res.Locations[0].PhysicalLocation
		if res.RuleID != w.rule || res.RuleIndex != w.index || res.Level != w.level || loc.ArtifactLocation.URI != w.uri || *loc.Region != w.reg {
			t.Errorf("result %d = %+v %+v, want %+v", i, res, *loc.Region, w)
		}
	}
	if rule := run.Tool.Driver.Rules[0]; rule.HelpURI == "" || !strings.Contains(rule.Help.Markdown, rule.HelpURI) || rule.FullDescription.Text == "" {
		t.Errorf("rule metadata = %+v", rule)
	}
}

func TestSARIFFingerprints(t *testing.T) {
	fp := func(r Report) []string {
		var out []string
		for _, res := range sarifOut(t, r).Runs[0].Results {
			out = append(out, res.PartialFingerprints["cxmap/v1"])
		}
		return out
	}
	r := sampleReport()
	first := fp(r)
	if again := fp(r); strings.Join(first, ",") != strings.Join(again, ",") {
		t.Fatal("fingerprints differ between two runs")
	}
	// Moving the finding (lines inserted above) keeps its fingerprint.
	moved := sampleReport()
	moved.Findings[0].Line += 7
	moved.Findings[0].EndLine += 7
	if got := fp(moved); got[0] != first[0] {
		t.Errorf("fingerprint changed when the finding moved: %s → %s", first[0], got[0])
	}
	// Another message is another fingerprint; so is a repeat of the same one.
	seen := map[string]bool{}
	for _, f := range first {
		if seen[f] || len(f) != 32 {
			t.Errorf("fingerprint %q repeated or malformed in %q", f, first)
		}
		seen[f] = true
	}
	twice := Report{Findings: []finding.Finding{r.Findings[0], r.Findings[0]}}
	if got := fp(twice); got[0] == got[1] {
		t.Error("two identical findings share a fingerprint")
	}
}

func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{
		"journeys/a.yaml":   "journeys/a.yaml",
		"./journeys/a.yaml": "journeys/a.yaml",
		"a b/ü.yaml":        "a%20b/%C3%BC.yaml",
		"/abs/path/a.yaml":  "file:///abs/path/a.yaml",
		"c:d.yaml":          "./c:d.yaml",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
