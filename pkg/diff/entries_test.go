package diff

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// entryStep writes a step whose touchpoints and backstage entries are given
// as YAML list items (indented for the step's body).
func entryStep(id, touch, back string) string {
	s := "      - id: " + id + "\n        action: Does " + id + "\n        touchpoints:\n" + touch
	if back != "" {
		s += "        backstage:\n" + back
	}
	return s
}

func entry(lane, does, rating string) string {
	s := "          - lane: " + lane + "\n            does: " + does + "\n"
	if rating != "" {
		s += "            rating: " + rating + "\n"
	}
	return s
}

// withCRM adds a backstage lane to mini's journey.
func withCRM(y string) string {
	return strings.Replace(y, "stages:\n", "  - id: crm\n    name: CRM\n    zone: backstage\nstages:\n", 1)
}

func TestEntryChanges(t *testing.T) {
	old := parse(t, withCRM(mini(entryStep("a", entry("web", "Shows a form", "green"), entry("crm", "Stores it", "red")))))
	new := parse(t, withCRM(mini(entryStep("a", entry("web", "Shows a wizard", "red"), entry("crm", "Stores it", "green")))))
	d := Compare(old, new)
	if d.Empty() || len(d.Steps) != 1 {
		t.Fatalf("a touchpoint's rating and text changed, diff sees %d steps", len(d.Steps))
	}
	es := d.Steps[0].Entries
	if len(es) != 2 {
		t.Fatalf("entries = %+v", es)
	}
	if e := es[0]; e.Side != Touchpoint || e.Lane != "web" || e.DoesFrom != "Shows a form" || e.DoesTo != "Shows a wizard" || e.Direction != Regressed {
		t.Errorf("touchpoint change = %+v", e)
	}
	if e := es[1]; e.Side != Backstage || e.Lane != "crm" || e.DoesFrom != e.DoesTo || e.Direction != Improved {
		t.Errorf("backstage change = %+v", e)
	}
	if d.Summary.EntryRatingsRegressed != 1 || d.Summary.EntryRatingsImproved != 1 || !d.Regression() {
		t.Errorf("summary %+v, regression %v: a worse touchpoint rating is a regression", d.Summary, d.Regression())
	}
	var buf bytes.Buffer
	if err := Text(&buf, d, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"~ touchpoint Web: does “Shows a form” → “Shows a wizard”",
		"~ touchpoint Web: rating Working well → Very unhappy  regressed",
		"~ backstage CRM: rating Very unhappy → Working well  improved",
		"Regression: 1 touchpoint/backstage rating got worse.",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
	// Only the text changed: reported, but no regression.
	new = parse(t, withCRM(mini(entryStep("a", entry("web", "Shows a wizard", "green"), entry("crm", "Stores it", "red")))))
	if d := Compare(old, new); len(d.Steps) != 1 || len(d.Steps[0].Entries) != 1 || d.Regression() {
		t.Errorf("does-only change: %+v", d.Steps)
	}
}

func TestEntriesSameLanePairInOrder(t *testing.T) {
	old := parse(t, mini(entryStep("a", entry("web", "one", "green")+entry("web", "two", "green"), "")))
	// The second entry regresses; a third is added.
	new := parse(t, mini(entryStep("a", entry("web", "one", "green")+entry("web", "two", "red")+entry("web", "three", ""), "")))
	d := Compare(old, new)
	if len(d.Steps) != 1 {
		t.Fatalf("steps = %+v", d.Steps)
	}
	es := d.Steps[0].Entries
	if len(es) != 2 || es[0].Kind != Changed || es[0].DoesTo != "two" || es[0].Direction != Regressed ||
		es[1].Kind != Added || es[1].DoesTo != "three" {
		t.Errorf("entries = %+v", es)
	}
	// And back: the third is removed, none is dropped.
	d = Compare(new, old)
	es = d.Steps[0].Entries
	if len(es) != 2 || es[0].Direction != Improved || es[1].Kind != Removed || es[1].DoesFrom != "three" {
		t.Errorf("reverse entries = %+v", es)
	}
}

func TestEvidenceAndNext(t *testing.T) {
	old := parse(t, mini(step("a", "evidence: [form, receipt, receipt]")+step("b")+step("c")))
	new := parse(t, mini(step("a", "evidence: [receipt, email]", "next: [c]")+step("b")+step("c")))
	d := Compare(old, new)
	if len(d.Steps) != 1 {
		t.Fatalf("steps = %+v", d.Steps)
	}
	c := d.Steps[0]
	if strings.Join(c.Evidence.Added, ",") != "email" || strings.Join(c.Evidence.Removed, ",") != "form,receipt" {
		t.Errorf("evidence = %+v", c.Evidence)
	}
	if len(c.Fields) != 1 || c.Fields[0] != (Field{Name: "next", From: "", To: "c"}) {
		t.Errorf("fields = %+v", c.Fields)
	}
	var buf bytes.Buffer
	Text(&buf, d, FormatOptions{})
	if !strings.Contains(buf.String(), "~ next (next in file order) → c") {
		t.Errorf("text:\n%s", buf.String())
	}
}

func TestDuplicateMetricNames(t *testing.T) {
	m := func(a, b int) string {
		return step("m", "metrics:\n          - name: wait\n            current: "+itoa(a)+"\n          - name: wait\n            current: "+itoa(b))
	}
	d := Compare(parse(t, mini(m(1, 5))), parse(t, mini(m(2, 9))))
	if len(d.Steps) != 1 {
		t.Fatalf("steps = %+v", d.Steps)
	}
	ms := d.Steps[0].Metrics
	if len(ms) != 2 || *ms[0].From != 1 || *ms[0].To != 2 || *ms[1].From != 5 || *ms[1].To != 9 {
		t.Errorf("metrics = %+v (first pairs with first)", ms)
	}
	// One copy removed: the second is the one gone.
	one := step("m", "metrics:\n          - name: wait\n            current: 1")
	d = Compare(parse(t, mini(m(1, 5))), parse(t, mini(one)))
	if ms := d.Steps[0].Metrics; len(ms) != 1 || ms[0].Kind != Removed || *ms[0].From != 5 {
		t.Errorf("metrics = %+v", ms)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestTextKeepsOneLine(t *testing.T) {
	old := parse(t, mini(step("a")))
	new := parse(t, strings.Replace(mini(step("a")), "action: Does a", "action: \"Does\\na\\x1b[31m\"", 1))
	var buf bytes.Buffer
	Text(&buf, Compare(old, new), FormatOptions{})
	if strings.Contains(buf.String(), "\x1b") {
		t.Errorf("an escape sequence from the journey reached the terminal:\n%q", buf.String())
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "a") || strings.HasPrefix(l, "[31m") {
			t.Errorf("the action broke the layout: line %q", l)
		}
	}
	if !strings.Contains(buf.String(), `“Does⏎a\x1b[31m”`) {
		t.Errorf("text:\n%s", buf.String())
	}
}

func TestSideTitle(t *testing.T) {
	for _, c := range []struct{ title, state, want string }{
		{"Permit", "current", "Permit (current state)"},
		{"Permit", "", "Permit (current state)"},
		{"Permit (future state)", "future", "Permit (future state)"},
		{"Permit — Future", "future", "Permit — Future"},
	} {
		if got := sideTitle(Side{Title: c.title, State: c.state}); got != c.want {
			t.Errorf("sideTitle(%q, %q) = %q, want %q", c.title, c.state, got, c.want)
		}
	}
}

func TestDuplicateOpportunities(t *testing.T) {
	ops := func(owners ...string) string {
		s := "opportunities:"
		for _, o := range owners {
			s += "\n          - idea: Same idea\n            owner: " + o
		}
		return s
	}
	d := Compare(parse(t, mini(step("a", ops("x", "y")))), parse(t, mini(step("a", ops("x", "z")))))
	if len(d.Steps) != 1 {
		t.Fatalf("the second opportunity's owner changed, diff sees %+v", d.Steps)
	}
	if o := d.Steps[0].Opportunities; len(o.Owners) != 1 || o.Owners[0].From != "y" || o.Owners[0].To != "z" || len(o.Added)+len(o.Removed) != 0 {
		t.Errorf("opportunities = %+v", o)
	}
	d = Compare(parse(t, mini(step("a", ops("x", "y")))), parse(t, mini(step("a", ops("x")))))
	if o := d.Steps[0].Opportunities; len(o.Removed) != 1 || o.Removed[0].Owner != "y" {
		t.Errorf("one of two removed: %+v", o)
	}
}
