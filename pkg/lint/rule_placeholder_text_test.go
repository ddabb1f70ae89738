package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

func TestPlaceholderText(t *testing.T) {
	testRule(t, "placeholder-text", []ruleCase{
		{name: "starter text", src: edit(t, base, "does: Updates the checklist", "does: Reviews cases in the order they arrived"),
			want: []string{`31:19-31:58: warning: does "Reviews cases in the order they arrived" is still the cxmap init placeholder; replace it with what you learned, or delete it`}},
		{name: "title-built text", src: edit(t, base, "action: Looks up which permits apply", "action: Starts building permit"),
			want: []string{`25:17-25:39: warning: action of step "find-rules" "Starts building permit" is still the cxmap init placeholder; replace it with what you learned, or delete it`}},
		{name: "edited", src: base},
	})
}

// TestStarterIsNotClean: an unedited `cxmap init` file validates but does
// not lint clean, and every finding is placeholder-text.
func TestStarterIsNotClean(t *testing.T) {
	src := journey.Starter("outpatient", "Outpatient appointment", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	fs := lintString(t, string(src), testOptions())
	if len(fs) < 10 {
		t.Fatalf("want many placeholder-text findings, got %v", fs)
	}
	for _, f := range fs {
		if f.Rule != "placeholder-text" {
			t.Errorf("unexpected finding on the starter: %s", f)
		}
	}
	if !strings.Contains(string(src), "outpatient appointment") {
		t.Errorf("starter does not use the title's words")
	}
}
