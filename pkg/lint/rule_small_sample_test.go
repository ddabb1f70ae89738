package lint

import "testing"

func TestSmallSample(t *testing.T) {
	few := edit(t, measured, "            n: 120\n            interval: [33.25, 50.58]", "            n: 29\n            interval: [33.25, 50.58]")
	testRule(t, "small-sample", []ruleCase{
		{name: "120 answers", src: measured},
		{name: "29 answers", src: few,
			want: []string{`38:17-38:20: info: the rating of step "find-rules" rests on 29 answers, fewer than 30; gather more before rating on them`}},
		{name: "touchpoint on 12 answers", src: edit(t, measured, "            n: 40\n", "            n: 12\n"),
			want: []string{`34:21-34:24: info: the rating of touchpoint "portal" of step "find-rules" rests on 12 answers, fewer than 30; gather more before rating on them`}},
		{name: "configured minimum", src: few, o: func() *Options {
			o := testOptions()
			o.RuleOptions = map[string]map[string]int{"small-sample": {"n": 29}}
			return &o
		}()},
		{name: "no n: from a survey source the step cites", src: edit(t, edit(t, base, "    title: Applicant interviews\n", "    title: Applicant interviews\n    n: 8\n"), "kind: interview", "kind: survey"),
			want: []string{`33:17-33:20: info: the rating of step "find-rules" rests on 8 answers, fewer than 30; gather more before rating on them`}},
		{name: "an interview count is not answers", src: edit(t, base, "    title: Applicant interviews\n", "    title: Applicant interviews\n    n: 8\n")},
		{name: "unknown n", src: base},
	})
}
