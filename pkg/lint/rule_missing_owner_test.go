package lint

import "testing"

func TestMissingOwner(t *testing.T) {
	testRule(t, "missing-owner", []ruleCase{
		{name: "no owner", src: edit(t, base, "owner: cx-team\n", ""),
			want: []string{`2:5-2:11: warning: journey "permit" has no owner; add owner: the team who keeps this map current`}},
		{name: "owner", src: base},
	})
}
