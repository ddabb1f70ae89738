package lint

import "testing"

func TestCriticalAssumption(t *testing.T) {
	unsourced := edit(t, base, "        sources: [interviews]\n", "")
	testRule(t, "critical-assumption", []ruleCase{
		{name: "critical, rated, no source", src: unsourced,
			want: []string{`33:19-33:23: warning: critical step "find-rules" is rated red without a source: an assumption where it matters most; cite the research with sources: [id]`}},
		{name: "sourced", src: base},
		{name: "not critical", src: edit(t, unsourced, "        critical: true\n", "")},
		{name: "not rated", src: edit(t, unsourced, "        rating: red\n", "")},
	})
}
