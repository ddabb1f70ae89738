package lint

import "testing"

func TestRatingTouchpointMismatch(t *testing.T) {
	tp := "            does: Shows a 40-page checklist\n"
	rated := func(step, touch string) string {
		s := edit(t, base, tp, tp+"            rating: "+touch+"\n")
		return edit(t, s, "\n        rating: red\n", "\n        rating: "+step+"\n")
	}
	testRule(t, "rating-touchpoint-mismatch", []ruleCase{
		{name: "green over yellow", src: rated("green", "yellow"),
			want: []string{`33:17-33:22: warning: step "find-rules" is rated green but every rated touchpoint is yellow or red; re-rate the step or its touchpoints`}},
		{name: "red over green", src: rated("red", "green"),
			want: []string{`33:17-33:20: warning: step "find-rules" is rated red but every rated touchpoint is green; re-rate the step or its touchpoints`}},
		{name: "agree", src: rated("red", "red")},
		{name: "yellow never fires", src: rated("yellow", "green")},
		{name: "unrated touchpoints", src: edit(t, base, "\n        rating: red\n", "\n        rating: green\n")},
	})
}
