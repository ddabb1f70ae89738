package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func TestParse(t *testing.T) {
	c, err := Parse(".cxmap.yaml", []byte(`# project lint settings
rules:
  unsourced-rating: off
  missing-owner: error
  stale-journey: {level: warning, days: 90}
  unused-ignore:
    level: warning
ignore:
  - drafts/**
  - "**/old-*.yaml"
`))
	if err != nil {
		t.Fatal(err)
	}
	wantLevels := map[string]finding.Level{"unsourced-rating": finding.Off, "missing-owner": finding.Error, "stale-journey": finding.Warning, "unused-ignore": finding.Warning}
	if !reflect.DeepEqual(c.Levels, wantLevels) {
		t.Errorf("levels = %v, want %v", c.Levels, wantLevels)
	}
	if got := c.RuleOptions["stale-journey"]["days"]; got != 90 {
		t.Errorf("stale-journey days = %d, want 90", got)
	}
	if !reflect.DeepEqual(c.Ignore, []string{"drafts/**", "**/old-*.yaml"}) {
		t.Errorf("ignore = %q", c.Ignore)
	}
	o := c.Lint()
	if o.Levels["missing-owner"] != finding.Error || o.RuleOptions["stale-journey"]["days"] != 90 {
		t.Errorf("Lint() = %+v", o)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "rules:\nignore:\n"} {
		c, err := Parse("c.yaml", []byte(src))
		if err != nil || len(c.Levels) != 0 || len(c.Ignore) != 0 {
			t.Errorf("%q: got %+v, %v; want the defaults", src, c, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"rules:\n  unrated-stepp: off\n", `c.yaml:2:3: unknown rule "unrated-stepp"; ` + "`cxmap rules`" + ` lists them`},
		{"rules:\n  unrated-step: loud\n", `c.yaml:2:17: rule "unrated-step": level "loud" is not one of off, info, warning, error`},
		{"rules:\n  stale-journey: {level: sometimes}\n", `c.yaml:2:26: rule "stale-journey": level "sometimes" is not one of off, info, warning, error`},
		{"rules:\n  stale-journey: {days: soon}\n", `c.yaml:2:25: rule "stale-journey": days must be a whole number of at least 1, not "soon"`},
		{"rules:\n  stale-journey: {weeks: 2}\n", `c.yaml:2:19: rule "stale-journey" has no option "weeks"; expected days, level`},
		{"rules:\n  schema: off\n", `c.yaml:2:3: rule "schema" is a validation rule: a file that breaks it cannot be linted, so its level cannot be configured`},
		{"rules:\n  unrated-step: [off]\n", `c.yaml:2:17: rule "unrated-step": expected a level (off, info, warning, error) or a mapping with level and options`},
		{"rules: [unrated-step]\n", `c.yaml:1:8: rules: expected a mapping of rule id to level`},
		{"ignore: drafts\n", `c.yaml:1:9: ignore: expected a list of path globs`},
		{"ignore: ['[']\n", `c.yaml:1:10: ignore: bad glob "[": syntax error in pattern`},
		{"rule:\n  unrated-step: off\n", `c.yaml:1:1: unknown key "rule": expected rules or ignore`},
		{"- rules\n", `c.yaml:1:1: expected a mapping with rules: and ignore:`},
		{"rules: {a: b\n", `c.yaml:1: not valid YAML: did not find expected ',' or '}'`},
	} {
		_, err := Parse("c.yaml", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func TestDiscoverFromNestedDir(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "clients", "springfield", "journeys")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	// Without a file anywhere up to / (t.TempDir is not under a .cxmap.yaml
	// in a sane environment) the defaults apply.
	if p, err := Find(nested); err != nil || (p != "" && !isOutside(p, root)) {
		t.Fatalf("Find with no file = %q, %v", p, err)
	}
	cfg := filepath.Join(root, ".cxmap.yaml")
	if err := os.WriteFile(cfg, []byte("rules: {missing-owner: off}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Find(nested)
	if err != nil || p != cfg {
		t.Fatalf("Find = %q, %v; want %q", p, err, cfg)
	}
	c, err := Discover("", nested)
	if err != nil || c.Path != cfg || c.Levels["missing-owner"] != finding.Off {
		t.Fatalf("Discover = %+v, %v", c, err)
	}
	// A nearer file wins, and .yml is found too.
	near := filepath.Join(root, "clients", ".cxmap.yml")
	if err := os.WriteFile(near, []byte("rules: {missing-owner: info}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Discover("", nested); err != nil || c.Path != near || c.Levels["missing-owner"] != finding.Info {
		t.Fatalf("Discover nearer = %+v, %v", c, err)
	}
	// --config names the file; a missing one is an error.
	if c, err := Discover(cfg, nested); err != nil || c.Path != cfg {
		t.Fatalf("Discover(--config) = %+v, %v", c, err)
	}
	if _, err := Discover(filepath.Join(root, "nope.yaml"), nested); err == nil || err.Error() != filepath.Join(root, "nope.yaml")+": no such file or directory" {
		t.Fatalf("Discover(missing) = %v", err)
	}
}

func isOutside(p, root string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && len(rel) > 2 && rel[:3] == "../"
}
