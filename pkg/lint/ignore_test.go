package lint

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func TestInlineIgnore(t *testing.T) {
	unrated := edit(t, base, "        rating: red\n", "")
	noOwner := edit(t, base, "            owner: digital-team\n", "")
	stepLine := "      - id: find-rules\n"
	cases := []struct {
		name     string
		src      string
		noIgnore bool
		want     []string // every finding, "rule line:col-end: level: message"
	}{
		{name: "on the step's line", src: edit(t, unrated, stepLine, "      - id: find-rules  # cxmap:ignore unrated-step not rated in the workshop\n")},
		{name: "on the line above the step", src: edit(t, unrated, stepLine, "      # cxmap:ignore unrated-step\n"+stepLine)},
		{name: "on the opportunity's line", src: edit(t, noOwner, "- idea: Guided questionnaire\n", "- idea: Guided questionnaire # cxmap:ignore opportunity-without-owner\n")},
		{name: "on the step's line covers its opportunities", src: edit(t, noOwner, stepLine, "      - id: find-rules # cxmap:ignore opportunity-without-owner\n")},
		{name: "two rules at once", src: edit(t, edit(t, unrated, "            owner: digital-team\n", ""), stepLine, "      - id: find-rules # cxmap:ignore unrated-step,opportunity-without-owner\n")},
		{name: "journey-wide at the top", src: "# cxmap:ignore missing-owner owned by the client\n" + edit(t, base, "owner: cx-team\n", "")},
		{name: "journey-wide on the first key's line", src: "cxmap: 1 # cxmap:ignore missing-owner\n" + edit(t, base, "owner: cx-team\n", "")[len("cxmap: 1\n"):]},
		{name: "another step's line does not count", src: edit(t, unrated, "        - lane: portal\n", "        - lane: portal # cxmap:ignore unrated-step\n"), want: []string{
			`unrated-step 24:13-24:23: error: step "find-rules" has no rating; add a rating: green, yellow or red`,
			`unused-ignore 27:26-27:53: info: cxmap:ignore unrated-step silences nothing here; remove the comment, or move it to the line of the entry the finding is about`}},
		{name: "unused", src: edit(t, base, stepLine, "      - id: find-rules # cxmap:ignore unrated-step\n"), want: []string{
			`unused-ignore 24:24-24:51: info: cxmap:ignore unrated-step silences nothing here; remove the comment, or move it to the line of the entry the finding is about`}},
		{name: "unknown rule", src: edit(t, base, stepLine, "      - id: find-rules # cxmap:ignore unrated-stepp\n"), want: []string{
			`unused-ignore 24:24-24:52: info: cxmap:ignore names unknown rule "unrated-stepp"; check the id with ` + "`cxmap rules`" + `, or remove the comment`}},
		{name: "no rule", src: edit(t, base, stepLine, "      - id: find-rules # cxmap:ignore\n"), want: []string{
			`unused-ignore 24:24-24:38: info: cxmap:ignore names no rule; write # cxmap:ignore RULE-ID [reason]`}},
		{name: "validation rule", src: edit(t, base, stepLine, "      - id: find-rules # cxmap:ignore schema\n"), want: []string{
			`unused-ignore 24:24-24:45: info: cxmap:ignore cannot silence validation rule "schema"; fix the error instead, and remove the comment`}},
		{name: "inside a quoted string is not a comment", src: edit(t, unrated, "does: Shows a 40-page checklist", `does: "Shows # cxmap:ignore unrated-step"`), want: []string{
			`unrated-step 24:13-24:23: error: step "find-rules" has no rating; add a rating: green, yellow or red`}},
		{name: "--no-inline-ignore", noIgnore: true, src: edit(t, unrated, stepLine, "      - id: find-rules # cxmap:ignore unrated-step\n"), want: []string{
			`unrated-step 24:13-24:23: error: step "find-rules" has no rating; add a rating: green, yellow or red`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := testOptions()
			o.NoInlineIgnore = c.noIgnore
			var got []string
			for _, f := range lintString(t, c.src, o) {
				got = append(got, f.Rule+" "+show([]finding.Finding{f}, "")[0])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("findings:\n got: %q\nwant: %q", got, c.want)
			}
		})
	}
}

func TestInlineIgnoreLevels(t *testing.T) {
	stepLine := "      - id: find-rules\n"
	unused := edit(t, base, stepLine, "      - id: find-rules # cxmap:ignore unrated-step\n")
	// unused-ignore itself can be configured.
	o := testOptions()
	o.Levels = map[string]finding.Level{UnusedIgnore: finding.Warning}
	if got := show(lintString(t, unused, o), UnusedIgnore); len(got) != 1 || !strings.Contains(got[0], ": warning: ") {
		t.Errorf("unused-ignore at warning: %q", got)
	}
	o.Levels = map[string]finding.Level{UnusedIgnore: finding.Off}
	if got := show(lintString(t, unused, o), ""); len(got) != 0 {
		t.Errorf("unused-ignore off: %q", got)
	}
	// An ignore for a rule that is off is not reported as unused: turning a
	// rule off should not make its ignores noisy.
	o.Levels = map[string]finding.Level{"unrated-step": finding.Off}
	if got := show(lintString(t, unused, o), ""); len(got) != 0 {
		t.Errorf("ignore of a rule that is off: %q", got)
	}
}

func TestInlineIgnoreCRLF(t *testing.T) {
	src := strings.ReplaceAll(edit(t, base, "      - id: find-rules\n", "      - id: find-rules # cxmap:ignore unrated-step\n"), "\n", "\r\n")
	got := show(lintString(t, src, testOptions()), "")
	want := `24:24-24:51: info: cxmap:ignore unrated-step silences nothing here; remove the comment, or move it to the line of the entry the finding is about`
	if len(got) != 1 || got[0] != want {
		t.Errorf("CRLF: got %q, want %q", got, want)
	}
}
