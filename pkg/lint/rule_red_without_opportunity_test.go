package lint

import "testing"

const opportunities = "        opportunities:\n          - idea: Guided questionnaire\n            owner: digital-team\n"

func TestRedWithoutOpportunity(t *testing.T) {
	none := edit(t, base, opportunities, "")
	testRule(t, "red-without-opportunity", []ruleCase{
		{name: "red", src: none,
			want: []string{`32:17-32:20: warning: step "find-rules" is rated red but has no opportunity; add one under opportunities: with an idea and an owner`}},
		{name: "critical yellow", src: edit(t, none, "rating: red", "rating: yellow"),
			want: []string{`32:17-32:23: warning: critical step "find-rules" is rated yellow but has no opportunity; add one under opportunities: with an idea and an owner`}},
		{name: "yellow, not critical", src: edit(t, edit(t, none, "rating: red", "rating: yellow"), "critical: true", "critical: false")},
		{name: "critical green", src: edit(t, none, "rating: red", "rating: green")},
		{name: "red with opportunity", src: base},
	})
}
