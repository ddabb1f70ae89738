package lint

import (
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func TestPainWithoutOpportunity(t *testing.T) {
	none := edit(t, base, opportunities, "")
	yellow := edit(t, edit(t, none, "rating: red", "rating: yellow"), "critical: true", "critical: false")
	redOff := testOptions()
	redOff.Levels = map[string]finding.Level{"red-without-opportunity": finding.Off}
	testRule(t, "pain-without-opportunity", []ruleCase{
		{name: "pains, no opportunity", src: yellow,
			want: []string{`36:9-36:14: warning: step "find-rules" lists pains but no opportunity; add one under opportunities: with an idea and an owner`}},
		{name: "red step: left to red-without-opportunity", src: none},
		{name: "red step, red-without-opportunity off", src: none, o: &redOff,
			want: []string{`36:9-36:14: warning: step "find-rules" lists pains but no opportunity; add one under opportunities: with an idea and an owner`}},
		{name: "no pains", src: edit(t, none, "        pains: [Cannot tell which forms apply]\n", "")},
		{name: "pains and opportunity", src: base},
	})
}
