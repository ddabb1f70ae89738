package lint

import "testing"

func TestEmptyStage(t *testing.T) {
	second := base + "  - id: decide\n    name: Decide\n"
	testRule(t, "empty-stage", []ruleCase{
		{name: "no steps key", src: second,
			want: []string{`46:9-46:15: error: stage "decide" has no steps; add the steps the customer takes in it, or remove the stage`}},
		{name: "empty steps", src: second + "    steps: []\n",
			want: []string{`48:5-48:10: error: stage "decide" has no steps; add the steps the customer takes in it, or remove the stage`}},
		{name: "one step", src: base},
	})
}
