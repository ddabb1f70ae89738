package lint

import "testing"

const backstage = "        backstage:\n          - lane: reviewer\n            does: Updates the checklist\n"

func TestUnsupportedTouchpoint(t *testing.T) {
	msg := `26:9-26:20: warning: step "find-rules" has touchpoints but nothing backstage supports them; add a backstage: entry with a backstage or support lane`
	testRule(t, "unsupported-touchpoint", []ruleCase{
		{name: "no backstage", src: edit(t, base, backstage, ""), want: []string{msg}},
		{name: "empty backstage", src: edit(t, base, backstage, "        backstage: []\n"), want: []string{msg}},
		{name: "no touchpoints either", src: edit(t, edit(t, base, backstage, ""), touchpoints, "")},
		{name: "supported", src: base},
	})
}
