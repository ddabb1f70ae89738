package lint

import "testing"

func TestUnusedSource(t *testing.T) {
	extra := "sources:\n  - id: survey\n    kind: survey\n    title: Exit survey\n"
	testRule(t, "unused-source", []ruleCase{
		{name: "never cited", src: edit(t, base, "sources:\n", extra),
			want: []string{`10:9-10:15: warning: source "survey" is never cited; cite it from a step's sources: or remove it`}},
		{name: "cited", src: base},
	})
}
