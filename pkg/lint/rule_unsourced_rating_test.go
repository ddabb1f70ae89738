package lint

import "testing"

func TestUnsourcedRating(t *testing.T) {
	// Without the step's citation the journey's only source is unused too;
	// that is unused-source's finding, not this rule's.
	uncited := edit(t, base, "        sources: [interviews]\n", "")
	testRule(t, "unsourced-rating", []ruleCase{
		{name: "rated, no source", src: uncited,
			want: []string{`32:17-32:20: info: rating of step "find-rules" cites no source; add sources: [id] naming the research it rests on`}},
		{name: "unrated, no source", src: edit(t, uncited, "        rating: red\n", "")},
		{name: "rated with source", src: base},
	})
}
