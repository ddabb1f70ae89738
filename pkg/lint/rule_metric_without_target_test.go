package lint

import "testing"

func TestMetricWithoutTarget(t *testing.T) {
	testRule(t, "metric-without-target", []ruleCase{
		{name: "no target", src: edit(t, base, "            target: 10\n", ""),
			want: []string{`41:19-41:30: warning: metric "Abandonment" of step "find-rules" has no target; add target: the value that would count as good enough`}},
		{name: "target 0", src: edit(t, base, "target: 10", "target: 0")},
		{name: "with target", src: base},
	})
}
