package lint

import "testing"

func TestUnratedStep(t *testing.T) {
	testRule(t, "unrated-step", []ruleCase{
		{name: "no rating", src: edit(t, base, "        rating: red\n", ""),
			want: []string{`24:13-24:23: error: step "find-rules" has no rating; add a rating: green, yellow or red`}},
		{name: "rated yellow", src: edit(t, base, "rating: red", "rating: yellow")},
	})
}
