package theme

import (
	"fmt"
	"strings"
)

// Starter is the text of `cxmap theme init`: a commented theme that passes
// Check. With a palette from a logo, its colours and logo path go in.
func Starter(name, logo string, p *Palette) []byte {
	d := Default().Colors
	primary, accent := d.Primary, d.Accent
	from := ""
	if p != nil {
		primary, accent = p.Primary, p.Accent
		from = fmt.Sprintf("# primary and accent come from the logo's dominant colours (%s),\n# adjusted to pass WCAG AA contrast.\n", strings.Join(p.Dominant, ", "))
	}
	logoLine := "# logo: logo.svg            # PNG or SVG: title slide, deck footer, site header, blueprint title\n"
	if logo != "" {
		logoLine = fmt.Sprintf("logo: %s  # PNG or SVG: title slide, deck footer, site header, blueprint title\n", yamlString(logo))
	}
	return []byte(fmt.Sprintf(`# A cxmap theme: the client's brand on decks, the site, diagrams and
# workbooks. Use it with --theme FILE, or theme: FILE in .cxmap.yaml;
# cxmap theme check FILE checks it. Paths are relative to this file.
# Every colour pair that carries text must keep WCAG AA contrast (4.5:1).
name: %s
%s%scolors:
  primary: %q       # title bands and table headers, with white or dark words on it
  accent: %q        # links and highlights, on the background
  text: %q
  background: %q
  # Ratings keep their words beside their colours; change these only if the
  # brand needs it:
  # green: %q
  # yellow: %q
  # red: %q
  # unrated: %q
# font:                     # TTF or OTF files, embedded in PDFs and the site
#   regular: fonts/Brand-Regular.ttf
#   bold: fonts/Brand-Bold.ttf
# footer: Outpatients programme 2027
# classification: Confidential, prepared for the client
date: d MMMM yyyy           # letters: d dd M MM MMM MMMM yy yyyy; 'quoted' text as it is
`, yamlString(name), from, logoLine, primary, accent, d.Text, d.Background, d.Green, d.Yellow, d.Red, d.Unrated))
}

// yamlString quotes s when YAML would read it as something else.
func yamlString(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "!&*-?[]{}|>'\"%@`#,: ") && !strings.ContainsAny(s, "#:\n\"'") &&
		!strings.HasSuffix(s, " ")
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		plain = false
	}
	if plain {
		return s
	}
	return fmt.Sprintf("%q", s)
}
