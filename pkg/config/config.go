// Package config reads `.cxmap.yaml`, the project configuration of
// `cxmap lint`: per-rule levels and options, and paths to ignore. It is
// read before anything is checked and imports no check package: the rules
// are kept as written, and pkg/lint checks their ids and options against
// its registry (lint.Configure). It is found
// by walking up from the working directory, so one file at the repository
// root serves every subdirectory.
//
//	rules:
//	  unsourced-rating: off              # a level: off, info, warning, error
//	  stale-journey: {level: warning, days: 90}
//	ignore:
//	  - drafts/**
//	theme: brand/theme.yaml                # or the theme's keys inline
//	locale: fr                             # the outputs' fixed words and formats
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// topKeys are the keys a configuration file may have.
var topKeys = []string{"rules", "ignore", "theme", "locale"}

// FileNames are the names looked for in each directory, in order.
var FileNames = []string{".cxmap.yaml", ".cxmap.yml"}

// Schema is the JSON Schema of the configuration file (`cxmap schema
// --config`), for editors through yaml-language-server. A test keeps it in
// step with the rule registry.
//
//go:embed config.schema.json
var Schema []byte

// yamlLine picks the line out of a yaml.v3 syntax error.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Config is a loaded configuration. The zero value is the defaults.
type Config struct {
	// Path is the file it was read from, "" for the defaults.
	Path string
	// Rules are the entries under rules:, in file order, as written;
	// lint.Configure checks them against the rule registry.
	Rules []Rule
	// Ignore holds path globs not to walk or check (inputs.Ignored).
	Ignore []string
	// ThemeFile is `theme: FILE`, resolved against the configuration
	// file's directory; ThemeNode is `theme:` written inline as a mapping.
	// At most one is set; pkg/theme reads either (theme.Load,
	// theme.FromNode). Config keeps them unread, as it keeps rules.
	ThemeFile string
	ThemeNode *yaml.Node
	// Locale is `locale:` as written (a BCP 47 tag such as fr or de-CH),
	// checked by pkg/locale; LocaleLine and LocaleCol place it.
	Locale                string
	LocaleLine, LocaleCol int
}

// Rule is one entry under rules: a rule id with a level, options or both.
type Rule struct {
	ID        string
	Line, Col int // of the id
	// Level is set when the entry gives one.
	Level    finding.Level
	HasLevel bool
	Options  []Option
}

// Option is a rule option as written (`days: 90`): a whole number of at
// least 1.
type Option struct {
	Name      string
	Value     int
	Line, Col int // of the name
}

// ErrorAt is a problem at a line and column of the configuration file.
func (c *Config) ErrorAt(line, col int, msg string) error {
	return &Error{Path: c.Path, Line: line, Col: col, Msg: msg}
}

// Error is a problem in the configuration file, at a line and column when
// known. It makes the command exit 2.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 && e.Col == 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Find walks up from dir to the filesystem root and returns the first
// configuration file as an absolute path, or "" when there is none. An
// empty dir means the process's working directory.
func Find(dir string) (string, error) {
	d := dir
	if d == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		d = wd
	}
	d, err := filepath.Abs(d)
	if err != nil {
		return "", err
	}
	for {
		for _, n := range FileNames {
			p := filepath.Join(d, n)
			st, err := os.Stat(p)
			if err == nil && !st.IsDir() {
				// A named pipe is returned too, and Load refuses it
				// without opening it: quietly passing over a
				// configuration file would lint with the wrong rules.
				return p, nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// Discover finds and loads the configuration for a run: the named file when
// path is set (it must exist), else the one found walking up from dir, else
// the defaults.
func Discover(path, dir string) (*Config, error) {
	if path == "" {
		var err error
		if path, err = Find(dir); err != nil {
			return nil, &Error{Path: dir, Msg: fmt.Sprintf("looking for %s: %v", FileNames[0], err)}
		}
		if path == "" {
			return &Config{}, nil
		}
	}
	return Load(path)
}

// Load reads one configuration file.
func Load(path string) (*Config, error) {
	// The journey size limit applies here too, and a named pipe or device
	// is refused unopened (reading one could block forever).
	data, err := inputs.ReadFile(path, journey.MaxFileSize)
	if err != nil {
		return nil, &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), path+": ")}
	}
	if len(data) > journey.MaxFileSize {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is larger than the %d MiB limit", journey.MaxFileSize>>20)}
	}
	return Parse(path, data)
}

// Parse reads configuration from data; path names it in errors.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := &Error{Path: path, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = "not valid YAML: " + m[2]
		}
		return nil, e
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file is the defaults
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errAt(path, root, "expected a mapping with rules:, ignore:, theme: or locale:")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var err error
		switch k.Value {
		case "rules":
			err = c.parseRules(v)
		case "ignore":
			err = c.parseIgnore(v)
		case "theme":
			err = c.parseTheme(v)
		case "locale":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Value == "" {
				err = errAt(path, v, "locale: expected a language tag such as en, fr or de-CH")
			}
			c.Locale, c.LocaleLine, c.LocaleCol = v.Value, v.Line, v.Column
		default:
			msg := fmt.Sprintf("unknown key %q: expected rules, ignore, theme or locale", k.Value)
			if sug := names.Suggest(k.Value, topKeys); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			err = errAt(path, k, msg)
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// parseTheme keeps `theme:` unread: a file name (relative to this file) or
// an inline mapping.
func (c *Config) parseTheme(v *yaml.Node) error {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag != "!!null" && v.Value != "":
		c.ThemeFile = v.Value
		if !filepath.IsAbs(c.ThemeFile) && c.Path != "" {
			c.ThemeFile = filepath.Join(filepath.Dir(c.Path), c.ThemeFile)
		}
		return nil
	case v.Kind == yaml.MappingNode:
		c.ThemeNode = v
		return nil
	}
	return errAt(c.Path, v, "theme: expected a theme file (theme: brand/theme.yaml) or the theme's keys (name, logo, colors, font, footer, classification, date)")
}

func (c *Config) parseIgnore(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return errAt(c.Path, v, "ignore: expected a list of path globs")
	}
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			return errAt(c.Path, n, "ignore: expected a path glob")
		}
		if _, err := filepath.Match(n.Value, ""); err != nil {
			return errAt(c.Path, n, fmt.Sprintf("ignore: bad glob %q: %v", n.Value, err))
		}
		c.Ignore = append(c.Ignore, n.Value)
	}
	return nil
}

func (c *Config) parseRules(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return errAt(c.Path, v, "rules: expected a mapping of rule id to level")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		r := Rule{ID: k.Value, Line: k.Line, Col: k.Column}
		switch val.Kind {
		case yaml.ScalarNode:
			if err := c.setLevel(&r, val); err != nil {
				return err
			}
		case yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				ok, ov := val.Content[j], val.Content[j+1]
				if ok.Value == "level" {
					if err := c.setLevel(&r, ov); err != nil {
						return err
					}
					continue
				}
				// Whole numbers here; each rule's own minimum (some may be
				// negative, such as NPS thresholds) is checked by
				// lint.Configure, which knows the rules.
				n, err := strconv.Atoi(ov.Value)
				if ov.Kind != yaml.ScalarNode || err != nil {
					return errAt(c.Path, ov, fmt.Sprintf("rule %q: %s must be a whole number, not %q", r.ID, ok.Value, ov.Value))
				}
				r.Options = append(r.Options, Option{Name: ok.Value, Value: n, Line: ok.Line, Col: ok.Column})
			}
		default:
			return errAt(c.Path, val, fmt.Sprintf("rule %q: expected a level (off, info, warning, error) or a mapping with level and options", r.ID))
		}
		c.Rules = append(c.Rules, r)
	}
	return nil
}

func (c *Config) setLevel(r *Rule, v *yaml.Node) error {
	l, err := finding.ParseLevel(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		return errAt(c.Path, v, fmt.Sprintf("rule %q: level %q is not one of off, info, warning, error", r.ID, v.Value))
	}
	r.Level, r.HasLevel = l, true
	return nil
}

func errAt(path string, n *yaml.Node, msg string) error {
	return &Error{Path: path, Line: n.Line, Col: n.Column, Msg: msg}
}
