// Package theme is the client's brand for everything cxmap draws: colours,
// logo, font, footer and classification label, and the date format. A theme
// is a small YAML file (`--theme FILE`, or `theme:` in `.cxmap.yaml`) with a
// JSON Schema (theme.schema.json) for editors.
//
// Every pair of colours that carries text is held to WCAG AA contrast: a
// theme that breaks it is refused by Check, naming the pair, its ratio and
// the nearest colour that passes. Ratings always keep their words beside
// their colours, so a brand palette cannot make them colour-only.
package theme

import (
	"fmt"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Colors are the theme's colours as "#RRGGBB".
type Colors struct {
	Primary    string // title bands, table headers, the blueprint's stage band
	Accent     string // links and highlights
	Text       string // body text
	Background string // pages and slides
	Green      string // rating: working well
	Yellow     string // rating: unhappy
	Red        string // rating: very unhappy
	Unrated    string // rating: not rated
}

// Font names the font files (TTF or OTF) used to measure and draw text.
type Font struct {
	Regular, Bold string // absolute paths once loaded
}

// Theme is a loaded theme. Paths are absolute.
type Theme struct {
	Path           string // the theme file, "" for the default
	Name           string
	Logo           string // PNG or SVG file, "" for none
	Colors         Colors
	Font           Font
	Footer         string
	Classification string
	Date           string // a date pattern such as "d MMMM yyyy" (FormatDate)

	// Lines holds the line and column of each key read from the file, by
	// dotted path ("colors.text"), for messages.
	Lines map[string][2]int
}

// Default is cxmap's own look: the colours every output used before themes
// existed, so output without a theme is unchanged.
func Default() *Theme {
	return &Theme{
		Name: "cxmap",
		Colors: Colors{
			Primary:    "#1F3A5F",
			Accent:     "#2C5282",
			Text:       "#1F2937",
			Background: "#FFFFFF",
			Green:      "#2F855A",
			Yellow:     "#D69E2E",
			Red:        "#C53030",
			Unrated:    "#5F6B7A",
		},
		Date: "d MMMM yyyy",
	}
}

// Ratings lists the rating colours by rating name ("" is not rated).
func (c Colors) Ratings() map[string]string {
	return map[string]string{"green": c.Green, "yellow": c.Yellow, "red": c.Red, "": c.Unrated}
}

// InkFor is the colour of words written on fill: the theme's text or
// background colour, whichever contrasts more with fill, or white when
// that is better still.
func (t *Theme) InkFor(fill string) string {
	f, err := ParseHex(fill)
	if err != nil {
		return t.Colors.Text
	}
	best, bestRatio := t.Colors.Text, 0.0
	for _, cand := range []string{t.Colors.Text, t.Colors.Background, "#FFFFFF"} {
		c, err := ParseHex(cand)
		if err != nil {
			continue
		}
		if r := Contrast(c, f); r > bestRatio {
			best, bestRatio = cand, r
		}
	}
	return best
}

// Pair is two colours that carry text together, and what they are for.
type Pair struct {
	What       string  // "body text on the background"
	Fore, Back string  // keys: "colors.text", or "ink on colors.red"
	ForeHex    string  // the colours compared
	BackHex    string  //
	Min        float64 // the ratio it must reach
	Fix        string  // which side to change: "fore" or "back"
}

// Pairs lists every colour pair the outputs put text on.
func (t *Theme) Pairs() []Pair {
	c := t.Colors
	p := []Pair{
		{What: "body text on the background", Fore: "colors.text", Back: "colors.background", ForeHex: c.Text, BackHex: c.Background, Min: AANormal, Fix: "fore"},
		{What: "links on the background", Fore: "colors.accent", Back: "colors.background", ForeHex: c.Accent, BackHex: c.Background, Min: AANormal, Fix: "fore"},
		{What: "titles and table headers on the primary colour", Fore: "their ink", Back: "colors.primary", ForeHex: t.InkFor(c.Primary), BackHex: c.Primary, Min: AANormal, Fix: "back"},
	}
	names := map[string]string{"green": journey.RatingWord("green"), "yellow": journey.RatingWord("yellow"), "red": journey.RatingWord("red"), "": journey.RatingWord("")}
	keys := map[string]string{"green": "colors.green", "yellow": "colors.yellow", "red": "colors.red", "": "colors.unrated"}
	ratings := c.Ratings()
	order := []string{"green", "yellow", "red", ""}
	for _, r := range order {
		fill := ratings[r]
		p = append(p, Pair{What: fmt.Sprintf("the rating word %q on its colour", names[r]), Fore: "its ink", Back: keys[r], ForeHex: t.InkFor(fill), BackHex: fill, Min: AANormal, Fix: "back"})
	}
	return p
}

// ContrastProblem is a pair below its minimum, with the nearest colour for
// the side to change that passes.
type ContrastProblem struct {
	Pair
	Ratio   float64
	Key     string // the key to change
	Nearest string // "" when no lightness of that hue passes
}

func (p ContrastProblem) String() string {
	s := fmt.Sprintf("%s: %s on %s is %.2f:1, below the %.1f:1 WCAG AA asks for", p.What, p.ForeHex, p.BackHex, p.Ratio, p.Min)
	if p.Nearest != "" {
		s += fmt.Sprintf("; the nearest %s that passes is %s", p.Key, p.Nearest)
	}
	return s
}

// CheckContrast returns every pair below its minimum, in the order of Pairs.
func (t *Theme) CheckContrast() []ContrastProblem {
	var out []ContrastProblem
	for _, p := range t.Pairs() {
		f, err1 := ParseHex(p.ForeHex)
		b, err2 := ParseHex(p.BackHex)
		if err1 != nil || err2 != nil {
			continue // reported by Load
		}
		r := Contrast(f, b)
		if r >= p.Min {
			continue
		}
		cp := ContrastProblem{Pair: p, Ratio: r}
		if p.Fix == "fore" {
			cp.Key = p.Fore
			if n, ok := Nearest(f, b, p.Min); ok {
				cp.Nearest = n.Hex()
			}
		} else {
			cp.Key = p.Back
			if n, ok := Nearest(b, f, p.Min); ok {
				cp.Nearest = n.Hex()
			}
		}
		out = append(out, cp)
	}
	return out
}
