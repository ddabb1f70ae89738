package lint

import "testing"

func TestPainWithoutOpportunity(t *testing.T) {
	none := edit(t, base, opportunities, "")
	testRule(t, "pain-without-opportunity", []ruleCase{
		{name: "pains, no opportunity", src: none,
			want: []string{`36:9-36:14: warning: step "find-rules" lists pains but no opportunity; add one under opportunities: with an idea and an owner`}},
		{name: "no pains", src: edit(t, none, "        pains: [Cannot tell which forms apply]\n", "")},
		{name: "pains and opportunity", src: base},
	})
}
