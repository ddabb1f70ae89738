package findings

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// gitlabSchema compiles testdata/gitlab/codequality.schema.json.
func gitlabSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "gitlab", "codequality.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("codequality.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("codequality.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return s.Validate(v)
}

func TestGitLab(t *testing.T) {
	schema := gitlabSchema(t)
	r := sampleReport()
	// Two identical findings on different lines, and a ./ path.
	dup := r.Findings[0]
	dup.Line, dup.Path = 30, "./journeys/permit.yaml"
	r.Findings = append(r.Findings, dup)
	for name, r := range map[string]Report{"findings": r, "empty": {Files: 1}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := GitLab(&b, r); err != nil {
				t.Fatal(err)
			}
			if err := validateJSON(t, schema, b.Bytes()); err != nil {
				t.Errorf("does not match the GitLab schema: %v\n%s", err, b.Bytes())
			}
			var issues []gitlabIssue
			if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
				t.Fatal(err)
			}
			if len(issues) != len(r.Findings) {
				t.Fatalf("%d issues for %d findings", len(issues), len(r.Findings))
			}
			if name == "empty" {
				if strings.TrimSpace(b.String()) != "[]" {
					t.Errorf("no findings: got %s, want []", b.String())
				}
				return
			}
			seen := map[string]bool{}
			for _, is := range issues {
				if seen[is.Fingerprint] {
					t.Errorf("fingerprint %s repeats", is.Fingerprint)
				}
				seen[is.Fingerprint] = true
			}
			first := issues[0]
			if first.CheckName != "unrated-step" || first.Severity != "major" || first.Location.Path != "journeys/permit.yaml" || first.Location.Lines.Begin != 24 {
				t.Errorf("first issue = %+v", first)
			}
			if issues[2].Severity != "info" || issues[1].Severity != "minor" {
				t.Errorf("severities %s, %s; want minor, info", issues[1].Severity, issues[2].Severity)
			}
			if last := issues[len(issues)-1]; last.Location.Path != "journeys/permit.yaml" {
				t.Errorf("./ path kept: %q", last.Location.Path)
			}
		})
	}
	// The fingerprint does not depend on the line.
	a, b := r, r
	b.Findings = append(b.Findings[:0:0], r.Findings...)
	b.Findings[0].Line += 10
	var ba, bb bytes.Buffer
	GitLab(&ba, a)
	GitLab(&bb, b)
	var ia, ib []gitlabIssue
	json.Unmarshal(ba.Bytes(), &ia)
	json.Unmarshal(bb.Bytes(), &ib)
	if ia[0].Fingerprint != ib[0].Fingerprint {
		t.Error("moving a finding changed its fingerprint")
	}
	// The schema check can fail: a severity GitLab does not know.
	bad := bytes.Replace(ba.Bytes(), []byte(`"severity": "major"`), []byte(`"severity": "error"`), 1)
	if validateJSON(t, schema, bad) == nil {
		t.Error("schema accepted severity \"error\"; the validation is not working")
	}
}
