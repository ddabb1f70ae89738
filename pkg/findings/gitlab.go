package findings

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
)

// GitLab writes a GitLab Code Quality report
// (https://docs.gitlab.com/ci/testing/code_quality/, "Code Quality report
// format"): a JSON array with one issue per finding, which GitLab shows in
// the merge request widget and diff when a job publishes it as
// `artifacts: reports: codequality`. None is `[]`.
//
// The fingerprint is SARIF's (rule, path, message and which repeat), so an
// issue keeps its identity when its step moves and GitLab can tell new
// issues from fixed ones between two branches. Severity: error is major,
// warning minor, info info (critical and blocker are left to tools whose
// findings break builds or systems).
func GitLab(w io.Writer, r Report) error {
	issues := make([]gitlabIssue, 0, len(r.Findings))
	seen := map[string]int{}
	for _, f := range r.Findings {
		path := gitlabPath(f.Path)
		key := f.Rule + "\x00" + path + "\x00" + f.Message
		is := gitlabIssue{
			Type:        "issue",
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: fingerprint(key, seen[key]),
			Severity:    gitlabSeverity(f.Level),
			Categories:  []string{"Style"},
		}
		seen[key]++
		is.Location.Path = path
		is.Location.Lines.Begin = max(f.Line, 1)
		if f.EndLine > f.Line {
			is.Location.Lines.End = f.EndLine
		}
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

type gitlabIssue struct {
	Type        string   `json:"type"`
	Description string   `json:"description"`
	CheckName   string   `json:"check_name"`
	Fingerprint string   `json:"fingerprint"`
	Severity    string   `json:"severity"`
	Categories  []string `json:"categories"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
			End   int `json:"end,omitempty"`
		} `json:"lines"`
	} `json:"location"`
}

func gitlabSeverity(l finding.Level) string {
	switch l {
	case finding.Error:
		return "major"
	case finding.Warning:
		return "minor"
	}
	return "info"
}

// gitlabPath is the path as GitLab wants it: relative to the repository
// root (cxmap runs there in CI), with forward slashes and no leading "./".
func gitlabPath(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}
