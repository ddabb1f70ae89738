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
	want := []Rule{
		{ID: "unsourced-rating", Line: 3, Col: 3, Level: finding.Off, HasLevel: true},
		{ID: "missing-owner", Line: 4, Col: 3, Level: finding.Error, HasLevel: true},
		{ID: "stale-journey", Line: 5, Col: 3, Level: finding.Warning, HasLevel: true, Options: []Option{{Name: "days", Value: 90, Line: 5, Col: 35}}},
		{ID: "unused-ignore", Line: 6, Col: 3, Level: finding.Warning, HasLevel: true},
	}
	if !reflect.DeepEqual(c.Rules, want) {
		t.Errorf("rules = %+v\nwant %+v", c.Rules, want)
	}
	if !reflect.DeepEqual(c.Ignore, []string{"drafts/**", "**/old-*.yaml"}) {
		t.Errorf("ignore = %q", c.Ignore)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "rules:\nignore:\n"} {
		c, err := Parse("c.yaml", []byte(src))
		if err != nil || len(c.Rules) != 0 || len(c.Ignore) != 0 {
			t.Errorf("%q: got %+v, %v; want the defaults", src, c, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"rules:\n  unrated-step: loud\n", `c.yaml:2:17: rule "unrated-step": level "loud" is not one of off, info, warning, error`},
		{"rules:\n  stale-journey: {level: sometimes}\n", `c.yaml:2:26: rule "stale-journey": level "sometimes" is not one of off, info, warning, error`},
		{"rules:\n  stale-journey: {days: soon}\n", `c.yaml:2:25: rule "stale-journey": days must be a whole number, not "soon"`},
		{"rules:\n  unrated-step: [off]\n", `c.yaml:2:17: rule "unrated-step": expected a level (off, info, warning, error) or a mapping with level and options`},
		{"rules: [unrated-step]\n", `c.yaml:1:8: rules: expected a mapping of rule id to level`},
		{"ignore: drafts\n", `c.yaml:1:9: ignore: expected a list of path globs`},
		{"ignore: ['[']\n", `c.yaml:1:10: ignore: bad glob "[": syntax error in pattern`},
		{"rule:\n  unrated-step: off\n", `c.yaml:1:1: unknown key "rule": expected rules, ignore, theme or locale; did you mean "rules"?`},
		{"- rules\n", `c.yaml:1:1: expected a mapping with rules:, ignore:, theme: or locale:`},
		{"theme: [a]\n", `c.yaml:1:8: theme: expected a theme file (theme: brand/theme.yaml) or the theme's keys (name, logo, colors, font, footer, classification, date)`},
		{"locale: {a: b}\n", `c.yaml:1:9: locale: expected a language tag such as en, fr or de-CH`},
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
	if err != nil || c.Path != cfg || level(c, "missing-owner") != finding.Off {
		t.Fatalf("Discover = %+v, %v", c, err)
	}
	// A nearer file wins, and .yml is found too.
	near := filepath.Join(root, "clients", ".cxmap.yml")
	if err := os.WriteFile(near, []byte("rules: {missing-owner: info}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Discover("", nested); err != nil || c.Path != near || level(c, "missing-owner") != finding.Info {
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

// level is the level the configuration gives rule id (Off when none).
func level(c *Config, id string) finding.Level {
	for _, r := range c.Rules {
		if r.ID == id {
			return r.Level
		}
	}
	return finding.Off
}
