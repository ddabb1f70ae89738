package diff

import (
	"strings"
	"testing"
)

// storyJourney is a one-stage journey with a counter and a web lane, two
// sources, and the steps given (YAML list items indented for steps:).
func storyJourney(steps string) string {
	return `cxmap: 1
id: j
title: J
lanes:
  - {id: counter, name: Counter, zone: frontstage}
  - {id: web, name: Web page, zone: frontstage}
  - {id: till, name: Till, zone: backstage}
sources:
  - {id: s1, kind: survey, title: S1}
  - {id: s2, kind: interview, title: S2}
stages:
  - id: st
    name: St
    steps:
` + steps
}

// TestClassify: each rule of the one comparison (docs/diff.md, "One
// comparison"), and what --fail-on-regression makes of it.
func TestClassify(t *testing.T) {
	const payAtCounter = `      - id: pay-fee
        action: Pays the fee
        touchpoints: [{lane: counter, does: Takes the card}]
        backstage: [{lane: till, does: Books it}]
        rating: yellow
        sources: [s1]
`
	cases := []struct {
		name      string
		old, new  string
		class     string
		strict    bool // RegressionStrict
		regressed bool // Regression
	}{
		{"pay-fee moved channel, rated worse, new source", payAtCounter, `      - id: pay-fee
        action: Pays the fee
        touchpoints: [{lane: web, does: Card form}]
        backstage: [{lane: till, does: Books it}]
        rating: red
        sources: [s1, s2]
`, Regressed, true, true},
		{"same step, new source, rated worse", payAtCounter, `      - id: pay-fee
        action: Pays the fee
        touchpoints: [{lane: counter, does: Takes the card, rating: red}]
        backstage: [{lane: till, does: Books it}]
        rating: red
        sources: [s1, s2]
`, ReRated, true, false},
		{"action changed, new source, rated worse", payAtCounter, `      - id: pay-fee
        action: Pays the fee online
        touchpoints: [{lane: counter, does: Takes the card}]
        backstage: [{lane: till, does: Books it}]
        rating: red
        sources: [s1, s2]
`, Regressed, true, true},
		{"backstage changed, new source, rated worse", payAtCounter, `      - id: pay-fee
        action: Pays the fee
        touchpoints: [{lane: counter, does: Takes the card}]
        backstage: [{lane: till, does: Books it by hand}]
        rating: red
        sources: [s1, s2]
`, Regressed, true, true},
		{"rated worse, same sources", payAtCounter, strings.Replace(payAtCounter, "rating: yellow", "rating: red", 1), Regressed, true, true},
		{"rated better with a new pain", payAtCounter, strings.Replace(payAtCounter, "rating: yellow", "rating: green\n        pains: [The receipt is an email]", 1), Improved, false, false},
		{"only a new pain", payAtCounter, strings.Replace(payAtCounter, "rating: yellow", "rating: yellow\n        pains: [The receipt is an email]", 1), Unchanged, false, false},
		{"emotion worse", payAtCounter + "        emotion: 1\n", payAtCounter + "        emotion: -1\n", Regressed, true, true},
		{"emotion better", payAtCounter + "        emotion: -1\n", payAtCounter + "        emotion: 1\n", Improved, false, false},
		{"critical step falls to red from unrated", strings.Replace(payAtCounter, "rating: yellow", "critical: true", 1),
			strings.Replace(payAtCounter, "rating: yellow", "critical: true\n        rating: red", 1), Regressed, true, true},
		{"a rating given is not better", strings.Replace(payAtCounter, "        rating: yellow\n", "", 1), payAtCounter, Unchanged, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Compare(parseJ(t, storyJourney(c.old)), parseJ(t, storyJourney(c.new)))
			got := Unchanged
			if len(d.Steps) == 1 {
				got = d.Steps[0].Class
			}
			if got != c.class {
				t.Errorf("class = %q, want %q (steps %+v)", got, c.class, d.Steps)
			}
			if d.Regression() != c.regressed || d.RegressionStrict() != c.strict {
				t.Errorf("Regression() = %v, RegressionStrict() = %v; want %v, %v", d.Regression(), d.RegressionStrict(), c.regressed, c.strict)
			}
			n := 0
			for _, k := range d.StepCounts() {
				n += k.N
			}
			if n != 1 {
				t.Errorf("the one step is counted %d times: %+v", n, d.StepCounts())
			}
		})
	}
}

// TestClassesPartition: every step of either version is in one class;
// removed steps are removed (never improved), added ones added.
func TestClassesPartition(t *testing.T) {
	step := func(id, rating string) string {
		return "      - id: " + id + "\n        action: Does " + id + "\n        rating: " + rating + "\n"
	}
	old := parseJ(t, storyJourney(step("a", "red")+step("b", "green")+step("c", "yellow")+step("gone", "red")))
	new := parseJ(t, storyJourney(step("a", "green")+step("b", "yellow")+step("c", "yellow")+step("new", "green")))
	d := Compare(old, new)
	want := map[string]int{Improved: 1, Regressed: 1, ReRated: 0, Added: 1, Removed: 1, Unchanged: 1}
	for _, k := range d.StepCounts() {
		if k.N != want[k.Class] {
			t.Errorf("%s = %d, want %d", k.Class, k.N, want[k.Class])
		}
	}
	if h := d.Headline(); h != "1 improved, 1 regressed, 1 added, 1 removed, 1 unchanged" {
		t.Errorf("headline = %q", h)
	}
	for _, c := range d.Steps {
		if c.ID == "gone" && c.Class != Removed {
			t.Errorf("removed step is %q", c.Class)
		}
	}
}

// TestTimeUnknown: a journey without durations is "not timed", never 0; only
// stages whose time changed are listed.
func TestTimeUnknown(t *testing.T) {
	const two = `  - id: st2
    name: Later
    steps:
      - {id: z, action: Z, duration: 3d}
`
	untimed := parseJ(t, storyJourney("      - {id: a, action: A}\n")+two)
	timed := parseJ(t, storyJourney("      - {id: a, action: A, duration: 2h}\n")+two)
	d := Compare(untimed, timed)
	if len(d.Time.Stages) != 1 || d.Time.Stages[0].ID != "st" {
		t.Errorf("stages listed: %+v (only st changed)", d.Time.Stages)
	}
	if got := TimeText(d.Time); got != "3d → 3d 2h, 2h longer" {
		t.Errorf("TimeText = %q", got)
	}
	none := parseJ(t, storyJourney("      - {id: a, action: A}\n"))
	d = Compare(none, timed)
	if got := TimeText(d.Time); got != "not timed → 3d 2h" {
		t.Errorf("TimeText from nothing = %q", got)
	}
	var b strings.Builder
	if err := Text(&b, d, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "steps without a duration: 1 before, 0 after") || strings.Contains(b.String(), "0m") {
		t.Errorf("text:\n%s", b.String())
	}
}
