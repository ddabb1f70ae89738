package cli

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/gaps"
	"github.com/cxmap/cxmap/pkg/printer"
)

// TestRegistriesAreTheOnlyLists: each format registry is what the help,
// shell completion, the "did you mean" of a typo and the docs show, so a
// format added to (or removed from) a registry without the rest fails here
// (issue 9, item 2).
func TestRegistriesAreTheOnlyLists(t *testing.T) {
	for _, c := range []struct {
		cmd   []string // the command, for --help and completion
		names []string // the registry
		doc   string   // a file that must mention each name
		docRe string   // how it mentions one (%s is the name)
	}{
		{[]string{"lint"}, names.Sorted(printer.Formats), "../../README.md", "`%s`"},
		{[]string{"validate"}, names.Sorted(printer.Formats), "../../README.md", "`%s`"},
		{[]string{"report"}, names.Sorted(gaps.Formats), "../../docs/report.md", "(?m)^### %s\\b"},
		{[]string{"diff"}, names.Sorted(diff.Formats), "../../docs/diff.md", "(?m)^### %s\\b"},
	} {
		name := strings.Join(c.cmd, " ")
		// --help names every format.
		streams, out, _ := TestStreams("")
		Main(append(c.cmd, "--help"), streams)
		for _, n := range c.names {
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`).MatchString(out.String()) {
				t.Errorf("%s --help does not name format %q:\n%s", name, n, out)
			}
		}
		// Completion offers exactly the registry.
		streams, out, _ = TestStreams("")
		Main(append(append([]string{"__complete"}, c.cmd...), "-f", ""), streams)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			if l != "" && !strings.HasPrefix(l, ":") {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, c.names) {
			t.Errorf("%s -f <TAB> offers %q, want %q", name, got, c.names)
		}
		// A typo gets the list and a suggestion.
		typo := c.names[0][1:] // drop the first letter
		streams, _, errOut := TestStreams("")
		if code := Main(append(c.cmd, "-f", typo, "x.yaml", "y.yaml"), streams); code != ExitUsage {
			t.Errorf("%s -f %s: exit %d, want %d", name, typo, code, ExitUsage)
		}
		if want := `did you mean "` + c.names[0] + `"?`; !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), strings.Join(c.names, ", ")) {
			t.Errorf("%s -f %s: %q lacks the list or %s", name, typo, errOut.String(), want)
		}
		// The docs describe every format.
		doc, err := os.ReadFile(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range c.names {
			if !regexp.MustCompile(strings.ReplaceAll(c.docRe, "%s", regexp.QuoteMeta(n))).Match(doc) {
				t.Errorf("%s does not describe %s format %q", c.doc, name, n)
			}
		}
	}
}

// TestRuleIDsComplete: `cxmap rules <TAB>` offers every rule id in the
// registry, and a mistyped id gets a suggestion.
func TestRuleIDsComplete(t *testing.T) {
	streams, out, _ := TestStreams("")
	Main([]string{"__complete", "rules", ""}, streams)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if l != "" && !strings.HasPrefix(l, ":") {
			got = append(got, l)
		}
	}
	if !slices.Equal(got, ruleIDs()) || len(got) == 0 {
		t.Errorf("rules <TAB> offers %q, want %q", got, ruleIDs())
	}
	streams, _, errOut := TestStreams("")
	if code := Main([]string{"rules", "unrated-stpe"}, streams); code != ExitUsage || !strings.Contains(errOut.String(), `did you mean "unrated-step"?`) {
		t.Errorf("rules unrated-stpe: exit %d, %q", code, errOut.String())
	}
}
