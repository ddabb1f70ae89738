package lint

import "testing"

// measured is base with a survey source and the step's CSAT as cxmap
// measure --write records it: 41.67% of 120 answers, red, rated red.
var measured = func() string {
	s := base
	s = replaceOnce(s, `sources:
  - id: interviews
    kind: interview
    title: Applicant interviews
`, `sources:
  - id: interviews
    kind: interview
    title: Applicant interviews
  - id: survey-permit
    kind: survey
    title: "Survey: permit"
    date: 2026-10-20
    n: 120
`)
	s = replaceOnce(s, `        metrics:
          - name: Abandonment`, `        metrics:
          - name: CSAT
            unit: "%"
            current: 41.67
            target: 80
            n: 120
            interval: [33.25, 50.58]
            sources: [survey-permit]
          - name: CES
            lane: portal
            current: 5.6
            target: 3
            better: lower
            n: 40
            interval: [5.2, 6]
            sources: [survey-permit]
          - name: Abandonment`)
	s = replaceOnce(s, "            does: Shows a 40-page checklist\n", "            does: Shows a 40-page checklist\n            rating: red\n")
	return s
}()

func TestRatingContradictsData(t *testing.T) {
	nps := func(cur, lo, hi string) string {
		return replaceOnce(measured, "          - name: CSAT\n            unit: \"%\"\n            current: 41.67\n            target: 80\n            n: 120\n            interval: [33.25, 50.58]",
			"          - name: nps\n            current: "+cur+"\n            target: 30\n            n: 120\n            interval: ["+lo+", "+hi+"]")
	}
	opts := func(k string, v int) *Options {
		o := testOptions()
		o.RuleOptions = map[string]map[string]int{"rating-contradicts-data": {k: v}}
		return &o
	}
	testRule(t, "rating-contradicts-data", []ruleCase{
		{name: "red step, red data", src: measured},
		{name: "green step, red data", src: edit(t, measured, "\n        rating: red\n", "\n        rating: green\n"),
			want: []string{`38:17-38:22: warning: step "find-rules" is rated green but its CSAT is 41.67% (n 120, 95% interval 33.25% to 50.58%): red by the data; rate it red, or check the data`}},
		{name: "inconclusive: interval straddles 60", src: edit(t, edit(t, measured, "\n        rating: red\n", "\n        rating: green\n"), "[33.25, 50.58]", "[33.25, 61]")},
		{name: "no interval: the figure as written", src: edit(t, edit(t, measured, "\n        rating: red\n", "\n        rating: yellow\n"), "            interval: [33.25, 50.58]\n", ""),
			want: []string{`38:17-38:23: warning: step "find-rules" is rated yellow but its CSAT is 41.67% (n 120): red by the data; rate it red, or check the data`}},
		{name: "touchpoint rated green, CES red", src: replaceOnce(measured, "            rating: red\n", "            rating: green\n"),
			want: []string{`34:21-34:26: warning: touchpoint "portal" of step "find-rules" is rated green but its CES is 5.6 (n 40, 95% interval 5.2 to 6): red by the data; rate it red, or check the data`}},
		{name: "NPS 10 yellow on a red step", src: nps("10", "2", "18"),
			want: []string{`38:17-38:20: warning: step "find-rules" is rated red but its nps is 10 (n 120, 95% interval 2 to 18): yellow by the data; rate it yellow, or check the data`}},
		{name: "NPS straddling 0", src: nps("10", "-2", "18")},
		{name: "configured threshold: red below 30 makes 41.67 yellow", src: measured, o: opts("csat-red", 30),
			want: []string{`38:17-38:20: warning: step "find-rules" is rated red but its CSAT is 41.67% (n 120, 95% interval 33.25% to 50.58%): yellow by the data; rate it yellow, or check the data`}},
		{name: "negative NPS threshold", src: nps("-10", "-18", "-2"), o: opts("nps-red", -20),
			want: []string{`38:17-38:20: warning: step "find-rules" is rated red but its nps is -10 (n 120, 95% interval -18 to -2): yellow by the data; rate it yellow, or check the data`}},
		{name: "unrated step", src: edit(t, measured, "\n        rating: red\n", "\n")},
	})
}

func replaceOnce(s, old, new string) string {
	i := indexOf(s, old)
	if i < 0 {
		panic("fixture: " + old)
	}
	return s[:i] + new + s[i+len(old):]
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
