package lint

import "testing"

func TestStaleJourney(t *testing.T) {
	days := func(n int) *Options {
		o := testOptions()
		o.RuleOptions = map[string]map[string]int{"stale-journey": {"days": n}}
		return &o
	}
	testRule(t, "stale-journey", []ruleCase{
		{name: "older than 180 days", src: edit(t, base, "updated: 2026-11-01", "updated: 2026-05-26"),
			want: []string{`5:10-5:20: info: journey was last updated 2026-05-26, more than 180 days ago; review it and set updated: to today's date`}},
		{name: "exactly 180 days", src: edit(t, base, "updated: 2026-11-01", "updated: 2026-05-27")},
		{name: "configured days", src: base, o: days(21),
			want: []string{`5:10-5:20: info: journey was last updated 2026-11-01, more than 21 days ago; review it and set updated: to today's date`}},
		{name: "within configured days", src: base, o: days(22)},
		{name: "no updated date", src: edit(t, base, "updated: 2026-11-01\n", "")},
	})
}
