package lint

import "testing"

func TestStaleEvidence(t *testing.T) {
	testRule(t, "stale-evidence", []ruleCase{
		{name: "recent survey", src: measured},
		{name: "survey 13 months before updated", src: edit(t, measured, "date: 2026-10-20", "date: 2025-09-30"),
			want: []string{`38:17-38:20: info: the rating of step "find-rules" rests on sources whose newest, "survey-permit", is dated 2025-09-30, more than 12 months before 2026-11-01; measure again or review the rating`}},
		{name: "exactly 12 months", src: edit(t, measured, "date: 2026-10-20", "date: 2025-11-01")},
		{name: "no updated: today", src: edit(t, edit(t, measured, "date: 2026-10-20", "date: 2025-11-22"), "updated: 2026-11-01\n", ""),
			want: []string{`37:17-37:20: info: the rating of step "find-rules" rests on sources whose newest, "survey-permit", is dated 2025-11-22, more than 12 months before 2026-11-23; measure again or review the rating`}},
		{name: "configured months", src: edit(t, measured, "date: 2026-10-20", "date: 2025-09-30"), o: func() *Options {
			o := testOptions()
			o.RuleOptions = map[string]map[string]int{"stale-evidence": {"months": 14}}
			return &o
		}()},
		{name: "undated sources", src: base},
	})
}
