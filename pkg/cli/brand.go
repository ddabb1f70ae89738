package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// brandFlags are --theme and --locale, shared by every verb that writes
// something a client reads (render, deck, site, serve, report). They win
// over `theme:` and `locale:` in .cxmap.yaml.
type brandFlags struct {
	theme, locale string
}

// bindBrand adds --theme and --locale to cmd.
func bindBrand(cmd *cobra.Command) *brandFlags {
	b := &brandFlags{}
	f := cmd.Flags()
	f.StringVar(&b.theme, "theme", "", "the client's brand: a theme `FILE` (colours, logo, font, footer; docs/theme.md); wins over theme: in .cxmap.yaml")
	f.StringVar(&b.locale, "locale", "", "the `LANGUAGE` of fixed words, numbers and dates (BCP 47: en, fr, de-CH); wins over locale: in .cxmap.yaml")
	_ = cmd.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("locale", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return locale.Languages(), cobra.ShellCompDirectiveNoFileComp
	})
	return b
}

// resolve loads the theme and locale asked for by the flags, else by cfg.
// Nothing asked for gives nil, nil: every output's default (cxmap's own
// look, English), byte for byte what it wrote before themes existed.
// Relative flag paths are read from io.Dir. A bad theme or locale is a
// usage error (exit 2) naming the file and place of each problem; a
// language without a catalogue is a warning on io.ErrOut (English is used).
func (b *brandFlags) resolve(cfg *config.Config, io *IOStreams) (*theme.Theme, *locale.Locale, error) {
	dir := io.Dir
	var th *theme.Theme
	var err error
	switch {
	case b.theme != "":
		path := b.theme
		if dir != "" && !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		th, err = theme.Load(path)
	case cfg != nil && cfg.ThemeFile != "":
		th, err = theme.Load(cfg.ThemeFile)
	case cfg != nil && cfg.ThemeNode != nil:
		th, err = theme.FromNode(cfg.Path, cfg.ThemeNode)
	}
	if err != nil {
		var msgs []string
		for _, e := range unjoin(err) {
			msgs = append(msgs, relTo(dir, e.Error()))
		}
		return nil, nil, &ExitError{Code: ExitUsage, Msg: strings.Join(msgs, "\n") + "\n(cxmap theme check FILE checks a theme; docs/theme.md describes one)"}
	}
	tag, where := b.locale, "--locale"
	if tag == "" && cfg != nil && cfg.Locale != "" {
		tag, where = cfg.Locale, fmt.Sprintf("%s:%d:%d", relTo(dir, cfg.Path), cfg.LocaleLine, cfg.LocaleCol)
	}
	if tag == "" {
		return th, nil, nil
	}
	loc, err := locale.New(tag)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%s: %v", where, err)}
	}
	if loc.Fallback {
		fmt.Fprintf(io.ErrOut, "cxmap: warning: %s: no %q catalogue (cxmap speaks %s); fixed words are in English\n", where, tag, strings.Join(locale.Languages(), ", "))
	}
	return th, loc, nil
}
