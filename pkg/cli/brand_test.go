package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/spf13/cobra"
)

// TestBrandResolve: --theme and --locale win over .cxmap.yaml; the config
// takes a theme file (relative to itself) or the theme inline; nothing set
// is nil, nil (every output's default, unchanged); bad input names its
// place; a language without a catalogue warns and falls back to English.
func TestBrandResolve(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("brand/a.yaml", "name: A\ncolors: {primary: '#005EB8'}\n")
	write("b.yaml", "name: B\n")
	write("bad.yaml", "name: Bad\ncolors: {text: '#EEEEEE'}\n")
	cfgOf := func(src string) *config.Config {
		t.Helper()
		c, err := config.Parse(filepath.Join(dir, ".cxmap.yaml"), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, tc := range []struct {
		name, cfg   string
		flags       []string
		theme, lang string // "" = nil
		err, warn   string
	}{
		{name: "nothing", cfg: ""},
		{name: "config file", cfg: "theme: brand/a.yaml\nlocale: fr\n", theme: "A", lang: "fr"},
		{name: "config inline", cfg: "theme:\n  name: Inline\n  footer: F\n", theme: "Inline"},
		{name: "flags win", cfg: "theme: brand/a.yaml\nlocale: fr\n", flags: []string{"--theme", "b.yaml", "--locale", "de-CH"}, theme: "B", lang: "de"},
		{name: "bad theme", flags: []string{"--theme", "bad.yaml"}, err: "bad.yaml:2:10: body text on the background"},
		{name: "bad inline", cfg: "theme:\n  colors: {text: '#EEEEEE'}\n", err: ".cxmap.yaml:2:12: body text"},
		{name: "missing file", flags: []string{"--theme", "nope.yaml"}, err: "nope.yaml"},
		{name: "bad locale in config", cfg: "locale: english please\n", err: ".cxmap.yaml:1:9: locale \"english please\" is not a BCP 47"},
		{name: "fallback", flags: []string{"--locale", "sv"}, lang: "en", warn: `--locale: no "sv" catalogue`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := &cobra.Command{Use: "x"}
			b := bindBrand(cmd)
			if err := cmd.ParseFlags(tc.flags); err != nil {
				t.Fatal(err)
			}
			var errOut bytes.Buffer
			th, loc, err := b.resolve(cfgOf(tc.cfg), &IOStreams{Dir: dir, ErrOut: &errOut})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.theme == "" && th != nil, tc.theme != "" && (th == nil || th.Name != tc.theme):
				t.Errorf("theme = %+v, want %q", th, tc.theme)
			case tc.lang == "" && loc != nil, tc.lang != "" && (loc == nil || loc.Lang != tc.lang):
				t.Errorf("locale = %+v, want %q", loc, tc.lang)
			}
			if !strings.Contains(errOut.String(), tc.warn) || tc.warn == "" && errOut.Len() > 0 {
				t.Errorf("stderr = %q, want %q", errOut.String(), tc.warn)
			}
		})
	}
}
