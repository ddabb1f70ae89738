package theme

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/inputs"
	"go.yaml.in/yaml/v3"
)

// MaxFile bounds the theme file; MaxAsset a logo or font file.
const (
	MaxFile  = 1 << 20
	MaxAsset = 16 << 20
)

// Error is one problem in a theme file, at a line and column when known.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// fields are the keys a theme may have, and under colors and font.
var (
	topKeys   = []string{"name", "logo", "colors", "font", "footer", "classification", "date"}
	colorKeys = []string{"primary", "accent", "text", "background", "green", "yellow", "red", "unrated"}
	fontKeys  = []string{"regular", "bold"}
)

// Load reads and checks a theme file: its keys, colours, files and every
// text/background pair's contrast. All problems come back at once, joined
// (each an *Error). Keys left out keep the default theme's values.
func Load(path string) (*Theme, error) {
	data, err := inputs.ReadFile(path, MaxFile)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse is Load on bytes already read; path names the file in messages and
// is where logo and font paths are relative to.
func Parse(path string, data []byte) (*Theme, error) {
	if int64(len(data)) > MaxFile {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("a theme is at most %d bytes", MaxFile)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Path: path, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{Path: path, Msg: "empty theme: write at least `name:` and `colors:` (cxmap theme init writes a starter)"}
	}
	return FromNode(path, doc.Content[0])
}

// FromNode reads a theme from a YAML mapping node: a theme file's root, or
// the `theme:` mapping written inline in `.cxmap.yaml` (path is then the
// configuration file, and positions are its lines). Logo and font paths are
// relative to path's directory.
func FromNode(path string, root *yaml.Node) (*Theme, error) {
	t := Default()
	t.Path = path
	t.Lines = map[string][2]int{}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Path: path, Line: root.Line, Col: root.Column, Msg: "a theme is a mapping of keys (name, logo, colors, font, footer, classification, date)"}
	}
	r := &themeReader{t: t, path: path, dir: filepath.Dir(path)}
	mapping(root, topKeys, "", r.fail, r.key)
	// Contrast is checked on the colours that did parse (a bad one keeps the
	// default), so one run shows every problem.
	r.checkContrast()
	if len(r.errs) > 0 {
		return nil, r.joined()
	}
	return t, nil
}

// themeReader is the state of FromNode: the theme so far and the problems
// found in it.
type themeReader struct {
	t         *Theme
	path, dir string
	errs      []error
}

// fail records a problem at node n (nil: no place).
func (r *themeReader) fail(n *yaml.Node, format string, a ...any) {
	e := &Error{Path: r.path, Msg: fmt.Sprintf(format, a...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	r.errs = append(r.errs, e)
}

// str reads the text value v of key k, and notes where key is written.
func (r *themeReader) str(k, v *yaml.Node, key string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		r.fail(v, "%s must be text", key)
		return "", false
	}
	r.t.Lines[key] = [2]int{k.Line, k.Column}
	return v.Value, true
}

// key reads one top-level key k of the theme with its value v.
func (r *themeReader) key(k, v *yaml.Node) {
	switch k.Value {
	case "name", "footer", "classification", "date":
		r.text(k, v)
	case "logo":
		s, ok := r.str(k, v, "logo")
		if !ok {
			return
		}
		p, err := asset(r.dir, s, "logo", sniffLogo)
		if err != nil {
			r.fail(v, "%v", err)
			return
		}
		r.t.Logo = p
	case "colors":
		mapping(v, colorKeys, "colors.", r.fail, r.color)
	case "font":
		mapping(v, fontKeys, "font.", r.fail, r.font)
		if (r.t.Font.Regular == "") != (r.t.Font.Bold == "") && len(r.errs) == 0 {
			r.fail(v, "font needs both regular and bold (the same file twice is fine)")
		}
	}
}

// text reads one of the text keys: name, footer, classification, date.
func (r *themeReader) text(k, v *yaml.Node) {
	s, ok := r.str(k, v, k.Value)
	if !ok {
		return
	}
	switch k.Value {
	case "name":
		r.t.Name = s
	case "footer":
		r.t.Footer = s
	case "classification":
		r.t.Classification = s
	case "date":
		if err := checkDatePattern(s); err != nil {
			r.fail(v, "date: %v", err)
			return
		}
		r.t.Date = s
	}
}

// color reads one key of `colors:`.
func (r *themeReader) color(k, v *yaml.Node) {
	s, ok := r.str(k, v, "colors."+k.Value)
	if !ok {
		return
	}
	c, err := ParseHex(s)
	if err != nil {
		r.fail(v, "colors.%s: %v", k.Value, err)
		return
	}
	*colorField(&r.t.Colors, k.Value) = c.Hex()
}

// font reads one key of `font:` (regular, bold).
func (r *themeReader) font(k, v *yaml.Node) {
	s, ok := r.str(k, v, "font."+k.Value)
	if !ok {
		return
	}
	p, err := asset(r.dir, s, "font."+k.Value, sniffFont)
	if err != nil {
		r.fail(v, "%v", err)
		return
	}
	if k.Value == "regular" {
		r.t.Font.Regular = p
	} else {
		r.t.Font.Bold = p
	}
}

// checkContrast records each contrast problem at the line of its colour.
func (r *themeReader) checkContrast() {
	for _, p := range r.t.CheckContrast() {
		e := &Error{Path: r.path, Msg: p.String()}
		if pos, ok := r.t.Lines[p.Key]; ok {
			e.Line, e.Col = pos[0], pos[1]
		} else if pos, ok := r.t.Lines["colors."+strings.TrimPrefix(p.Fore, "colors.")]; ok {
			e.Line, e.Col = pos[0], pos[1]
		}
		r.errs = append(r.errs, e)
	}
}

// joined is every problem in one error, in the order of their lines
// (problems with no line last).
func (r *themeReader) joined() error {
	errs := r.errs
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].(*Error), errs[j].(*Error)
		if a.Line == 0 || b.Line == 0 {
			return a.Line != 0 && b.Line == 0
		}
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return errors.Join(errs...)
}

// mapping walks a mapping node, reporting keys not in allowed (with a
// did-you-mean) and duplicates, and calls each for the others.
func mapping(n *yaml.Node, allowed []string, prefix string, fail func(*yaml.Node, string, ...any), each func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		fail(n, "%s must be a mapping of %s", strings.TrimSuffix(prefix, "."), strings.Join(allowed, ", "))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		switch {
		case !known:
			msg := fmt.Sprintf("unknown key %q", prefix+k.Value)
			if s := names.Suggest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", prefix+s)
			} else {
				msg += "; expected one of " + strings.Join(allowed, ", ")
			}
			fail(k, "%s", msg)
		case seen[k.Value]:
			fail(k, "duplicate key %q", prefix+k.Value)
		default:
			seen[k.Value] = true
			each(k, v)
		}
	}
}

func colorField(c *Colors, key string) *string {
	switch key {
	case "primary":
		return &c.Primary
	case "accent":
		return &c.Accent
	case "text":
		return &c.Text
	case "background":
		return &c.Background
	case "green":
		return &c.Green
	case "yellow":
		return &c.Yellow
	case "red":
		return &c.Red
	default:
		return &c.Unrated
	}
}

// asset resolves a file named in the theme (relative to the theme file),
// reads it through the usual input checks and sniffs its kind.
func asset(dir, name, key string, sniff func([]byte) error) (string, error) {
	if name == "" {
		return "", fmt.Errorf("%s is empty: name a file, or leave the key out", key)
	}
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	data, err := inputs.ReadFile(p, MaxAsset)
	if err != nil {
		return "", fmt.Errorf("%s: %v", key, err)
	}
	if int64(len(data)) > MaxAsset {
		return "", fmt.Errorf("%s: %s is larger than %d MiB", key, name, MaxAsset>>20)
	}
	if err := sniff(data); err != nil {
		return "", fmt.Errorf("%s: %s %v", key, name, err)
	}
	return filepath.Clean(p), nil
}

func sniffLogo(b []byte) error {
	if bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		return nil
	}
	head := bytes.ToLower(b[:min(len(b), 1024)])
	if bytes.Contains(head, []byte("<svg")) {
		return nil
	}
	return errors.New("is neither PNG nor SVG")
}

func sniffFont(b []byte) error {
	if len(b) >= 4 {
		switch string(b[:4]) {
		case "\x00\x01\x00\x00", "OTTO", "true":
			return nil
		}
	}
	return errors.New("is not a TrueType or OpenType font (TTF or OTF)")
}
