package lint

import (
	"testing"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
)

func TestConfigure(t *testing.T) {
	c, err := config.Parse("c.yaml", []byte("rules:\n  missing-owner: error\n  stale-journey: {level: warning, days: 90}\n"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := Configure(c)
	if err != nil || o.Levels["missing-owner"] != finding.Error || o.Levels["stale-journey"] != finding.Warning || o.RuleOptions["stale-journey"]["days"] != 90 {
		t.Errorf("Configure = %+v, %v", o, err)
	}
	for _, tc := range []struct{ src, want string }{
		{"rules:\n  unrated-stepp: off\n", `c.yaml:2:3: unknown rule "unrated-stepp"; did you mean "unrated-step"? ` + "`cxmap rules`" + ` lists them`},
		{"rules:\n  nothing-like-it: off\n", `c.yaml:2:3: unknown rule "nothing-like-it"; ` + "`cxmap rules`" + ` lists them`},
		{"rules:\n  stale-journey: {weeks: 2}\n", `c.yaml:2:19: rule "stale-journey" has no option "weeks"; expected days, level`},
		{"rules:\n  schema: off\n", `c.yaml:2:3: rule "schema" is a validation rule: a file that breaks it cannot be linted, so its level cannot be configured`},
	} {
		c, err := config.Parse("c.yaml", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		if _, err := Configure(c); err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}
