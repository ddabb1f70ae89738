package lint

import "testing"

func TestMissingPersona(t *testing.T) {
	testRule(t, "missing-persona", []ruleCase{
		{name: "no persona", src: edit(t, base, "persona:\n  name: Small-business owner\n  goal: Permit approved in one visit\n", ""),
			want: []string{`2:5-2:11: warning: journey "permit" has no persona; add persona: with the customer's name and goal`}},
		{name: "persona", src: base},
	})
}
