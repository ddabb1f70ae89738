package lint

import "testing"

func TestUnusedLane(t *testing.T) {
	extra := "lanes:\n  - id: phone\n    name: Phone line\n    zone: frontstage\n"
	testRule(t, "unused-lane", []ruleCase{
		{name: "lane never used", src: edit(t, base, "lanes:\n", extra),
			want: []string{`14:9-14:14: warning: lane "phone" is never used; refer to it from a touchpoint or backstage entry, or remove it`}},
		{name: "backstage lane used only backstage", src: base},
	})
}
