package lint

import "testing"

func TestUnsourcedQuote(t *testing.T) {
	q := "        pains: [Cannot tell which forms apply]\n        quotes:\n          - text: Forty pages and still no answer\n"
	testRule(t, "unsourced-quote", []ruleCase{
		{name: "no source", src: edit(t, base, "        pains: [Cannot tell which forms apply]\n", q),
			want: []string{`38:19-38:50: warning: quote "Forty pages and still no answer" in step "find-rules" names no source; add source: naming the research it comes from`}},
		{name: "sourced", src: edit(t, base, "        pains: [Cannot tell which forms apply]\n", q+"            source: interviews\n")},
		{name: "no quotes", src: base},
	})
}
