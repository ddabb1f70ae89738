package lint

import "testing"

func TestLabelTruncated(t *testing.T) {
	long := "Reads the 40-page checklist, the zoning map, the fee schedule and three guidance notes to work out which of the eleven permit types apply to a kitchen extension"
	testRule(t, "label-truncated", []ruleCase{
		{name: "long action", src: edit(t, base, "action: Looks up which permits apply", "action: "+long),
			want: []string{`25:17-25:177: info: action of step "find-rules" is cut on the diagram after 5 lines; shorten it`}},
		{name: "long lane name", src: edit(t, base, "name: Permit portal", "name: The city's permit portal for building, planning, zoning and occupancy applications"),
			want: []string{`15:11-15:93: info: lane name "The city's permit portal for building, …" is cut on the diagram after 3 lines; shorten it`}},
		{name: "long touchpoint", src: edit(t, base, "does: Shows a 40-page checklist", "does: "+long),
			want: []string{`28:19-28:179: info: what lane "portal" does at step "find-rules" is cut on the diagram after 4 lines; shorten it`}},
		{name: "evidence left off", src: edit(t, base, "        rating: red\n", "        evidence: [one, two, three, \"four, on a line long enough to wrap onto a second line of the cell\", five]\n        rating: red\n"),
			want: []string{
				`32:37-32:105: info: evidence "four, on a line long enough to wrap ont…" of step "find-rules" is cut on the diagram after 1 line; shorten it`,
				`32:107-32:111: info: evidence "five" of step "find-rules" is left off the diagram: its cell shows 4 lines; shorten the list`,
			}},
		{name: "fits", src: base},
	})
}
