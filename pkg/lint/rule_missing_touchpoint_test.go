package lint

import "testing"

const touchpoints = "        touchpoints:\n          - lane: portal\n            does: Shows a 40-page checklist\n"

func TestMissingTouchpoint(t *testing.T) {
	testRule(t, "missing-touchpoint", []ruleCase{
		{name: "no touchpoints key", src: edit(t, base, touchpoints, ""),
			want: []string{`24:13-24:23: error: step "find-rules" has no touchpoint; add one under touchpoints: with a frontstage lane and what it does`}},
		{name: "empty list", src: edit(t, base, touchpoints, "        touchpoints: []\n"),
			want: []string{`26:22-26:23: error: step "find-rules" has no touchpoint; add one under touchpoints: with a frontstage lane and what it does`}},
		{name: "one touchpoint", src: base},
	})
}
