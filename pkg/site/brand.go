package site

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
)

// brand is what every page shows of the theme and the locale, worked out
// once per site: the theme's CSS (variables, font), its logo as a data URL
// (the site stays self-contained: no file beside the pages), the footer
// and classification, the language.
type brand struct {
	CSS            template.CSS // after the base CSS; "" without a theme
	Logo           template.URL // data: URL, "" for none
	Name           string       // the theme's name, the logo's alternative text
	Footer         string
	Classification string
	Lang           string // <html lang>
	RTL            bool
}

// newBrand reads the theme's logo and font files and writes its CSS.
func newBrand(t *theme.Theme, l *locale.Locale) (brand, error) {
	b := brand{Lang: "en"}
	if l != nil {
		b.Lang, b.RTL = l.Tag.String(), l.RTL()
		if l.Fallback {
			b.Lang = "en" // the words are English
		}
	}
	if t == nil {
		return b, nil
	}
	b.Name, b.Footer, b.Classification = t.Name, t.Footer, t.Classification
	css, err := themeCSS(t)
	if err != nil {
		return b, err
	}
	b.CSS = template.CSS(css)
	if t.Logo != "" {
		u, err := dataURL(t.Logo)
		if err != nil {
			return b, fmt.Errorf("theme %s: logo: %v", t.Path, err)
		}
		b.Logo = template.URL(u)
	}
	return b, nil
}

// dataURL reads a logo or font file as a data: URL, its type from its
// first bytes (theme.Load already refused anything else).
func dataURL(path string) (string, error) {
	data, err := inputs.ReadFile(path, theme.MaxAsset)
	if err != nil {
		return "", err
	}
	var mime string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		mime = "image/png"
	case bytes.HasPrefix(data, []byte("OTTO")):
		mime = "font/otf"
	case bytes.HasPrefix(data, []byte{0, 1, 0, 0}), bytes.HasPrefix(data, []byte("true")):
		mime = "font/ttf"
	default:
		mime = "image/svg+xml"
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

// themeCSS overrides the base CSS's variables with the theme's colours
// (each colour that carries text keeps WCAG AA: theme.Load checked the
// theme's pairs, and the colours made here are held to 4.5:1 against the
// background too), and adds its font.
func themeCSS(t *theme.Theme) (string, error) {
	c := t.Colors
	bg, err := theme.ParseHex(c.Background)
	if err != nil {
		return "", fmt.Errorf("theme %s: colors.background: %v", t.Path, err)
	}
	text, err := theme.ParseHex(c.Text)
	if err != nil {
		return "", fmt.Errorf("theme %s: colors.text: %v", t.Path, err)
	}
	// Muted text is the text colour a quarter of the way to the
	// background, as long as it still reads (else the text colour).
	muted := mix(text, bg, 0.25)
	if theme.Contrast(muted, mix(text, bg, 0.94)) < theme.AANormal { // soft, below
		muted = text
	}
	// A colour written as text on the background: itself when it reads,
	// else the nearest that does.
	readable := func(hex string) string {
		v, err := theme.ParseHex(hex)
		if err != nil {
			return c.Text
		}
		n, _ := theme.Nearest(v, bg, theme.AANormal)
		return n.Hex()
	}
	// Links sit on the background and on table headers (soft).
	soft := mix(text, bg, 0.94)
	link := c.Accent
	if a, err := theme.ParseHex(c.Accent); err == nil {
		n, _ := theme.Nearest(a, soft, theme.AANormal)
		link = n.Hex()
	}
	vars := [][2]string{
		{"ink", c.Text}, {"muted", muted.Hex()}, {"line", mix(text, bg, 0.78).Hex()}, {"bg", c.Background},
		{"soft", soft.Hex()}, {"link", link},
		{"primary", c.Primary}, {"primary-ink", t.InkFor(c.Primary)},
		{"red", c.Red}, {"red-ink", t.InkFor(c.Red)}, {"yellow", c.Yellow}, {"yellow-ink", t.InkFor(c.Yellow)},
		{"green", c.Green}, {"green-ink", t.InkFor(c.Green)}, {"unrated", c.Unrated}, {"unrated-ink", t.InkFor(c.Unrated)},
		{"improved", readable(c.Green)}, {"regressed", readable(c.Red)}, {"notice", readable(c.Yellow)},
	}
	var b strings.Builder
	b.WriteString("\n/* theme */\n:root{")
	for i, v := range vars {
		if i > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "--%s:%s", v[0], v[1])
	}
	b.WriteString("}\n")
	// The pictures are drawn on the theme's background.
	b.WriteString(".figure{background:var(--bg)}\n")
	if t.Font.Regular != "" {
		for _, f := range []struct {
			path   string
			weight int
		}{{t.Font.Regular, 400}, {t.Font.Bold, 700}} {
			u, err := dataURL(f.path)
			if err != nil {
				return "", fmt.Errorf("theme %s: font: %v", t.Path, err)
			}
			fmt.Fprintf(&b, "@font-face{font-family:\"brand\";font-weight:%d;src:url(%s)}\n", f.weight, u)
		}
		b.WriteString("body,.blueprint text{font-family:\"brand\",system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\n")
	}
	return b.String(), nil
}

// mix is a a share t of the way to b.
func mix(a, b theme.RGB, t float64) theme.RGB {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return theme.RGB{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
}

// words writes the pages' fixed words, numbers and dates in the site's
// language. A nil Locale is English with numbers in plain digits, as
// pages were before locales; without a theme or a locale dates are ISO
// (2026-03-01), so a site without --theme and --locale is unchanged.
type words struct {
	l    *locale.Locale // nil: English
	date string         // the date pattern; "": ISO
}

func newWords(l *locale.Locale, t *theme.Theme) *words {
	w := &words{l: l}
	if l != nil || t != nil {
		w.date = theme.Default().Date
	}
	if t != nil && t.Date != "" {
		w.date = t.Date
	}
	return w
}

// lang is the language of the words ("en" for a nil Locale).
func (w *words) lang() string {
	if w.l == nil {
		return "en"
	}
	return w.l.Lang
}

// T is a fixed word or sentence, {x} {y} {z} filled with args.
func (w *words) T(id string, args ...any) string { return w.l.T(id, args...) }

// ratingCounts is "3 Very unhappy, 5 Unhappy, 4 Working well, 0 Not
// rated" in the site's language (locale.RatingCounts, as a List).
func (w *words) ratingCounts(red, yellow, green, unrated int) string {
	return w.l.List(w.l.RatingCounts(red, yellow, green, unrated))
}

// N is a counted phrase ("{n} steps"), in the language's plural form.
func (w *words) N(id string, n int, args ...any) string { return w.l.N(id, n, args...) }

// Int is a whole number with the language's grouping.
func (w *words) Int(n int) string { return w.l.Int(n) }

// Rating is the method's word for a rating (or "unrated").
func (w *words) Rating(r string) string { return w.T(ratingText(r)) }

// Value is a metric value with its unit ("—" when not written).
func (w *words) Value(v *float64, unit string) string { return w.l.Value(v, unit, "—") }

// Progress is a metric's current value against its target, as
// journey.Metric.Progress says it, in the site's language ("now {x}",
// "no current value" and "{x} to go" are render's messages too: one
// translation for both).
func (w *words) Progress(m journey.Metric) string { return w.l.Progress(m) }

// Date is a date: ISO without a theme or locale, else the theme's pattern
// in the language.
func (w *words) Date(d time.Time) string {
	if w.date == "" {
		return d.Format("2006-01-02")
	}
	return w.l.Date(d, w.date)
}

// Lower is a word for inside a sentence ("owner", "critical"): the
// translation with its first letter in lower case, except in German, where
// nouns keep their capital.
func (w *words) Lower(id string) string {
	if id == "" {
		return ""
	}
	s := w.T(strings.ToUpper(id[:1]) + id[1:])
	if w.lang() == "de" || s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// Why is a step's reasons for its class (diff.StepChange.Why: a rating,
// a critical step fallen to red, an emotion) in the site's language.
func (w *words) Why(c diff.StepChange) []string { return c.WhyIn(w.l) }
