package lint

import "testing"

func TestOpportunityWithoutOwner(t *testing.T) {
	testRule(t, "opportunity-without-owner", []ruleCase{
		{name: "no owner", src: edit(t, base, "            owner: digital-team\n", ""),
			want: []string{`38:19-38:39: warning: opportunity "Guided questionnaire" of step "find-rules" has no owner; add owner: the team or person who will carry it`}},
		{name: "long idea is clipped", src: edit(t, edit(t, base, "            owner: digital-team\n", ""), "Guided questionnaire", "Guided questionnaire that lists every form the applicant needs"),
			want: []string{`38:19-38:81: warning: opportunity "Guided questionnaire that lists every f…" of step "find-rules" has no owner; add owner: the team or person who will carry it`}},
		{name: "owned", src: base},
	})
}
