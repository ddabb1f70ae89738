package layout

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/textmetrics"

	"github.com/cxmap/cxmap/pkg/theme"
)

// Brand is everything a drawer needs besides positions to draw a picture in
// a theme's look: every colour, the font and the title block's extras. It
// is resolved once, by layout.Build from Options.Theme (theme.Default()
// when nil), so every drawer — draw's DOT (and through it Graphviz's SVG,
// the PNG and the PDF), draw.SVGDirect, the deck (PDF and native PPTX) and
// the site — reads the same colours from one place, Grid.Brand, and none
// keeps a palette of its own.
//
// Colours are "#RRGGBB" (capitals). With the default theme every field is
// the colour cxmap drew before themes existed, so default output is
// unchanged byte for byte. A colour the theme gives is used as given; the
// others (tints, borders, muted text) are derived from the theme's text,
// background, primary and accent, and every colour that carries words is
// checked against its fill (text 4.5:1, WCAG AA).
//
// The field names are stable: other packages read them.
type Brand struct {
	// Text is body text (cell text, row names, the title); Muted is
	// secondary text (notes, evidence, quotes, the line under the title),
	// at least 4.5:1 on Background and on the zone tints.
	Text  string `json:"text"`
	Muted string `json:"muted"`
	// Background is the picture's background, and the fill of text cells.
	Background string `json:"background"`
	// Primary and Accent are the theme's; the stage bands alternate
	// Bands[0], Bands[1] (primary, accent) with BandInk[i] words on them.
	Primary string    `json:"primary"`
	Accent  string    `json:"accent"`
	Bands   [2]string `json:"bands"`
	BandInk [2]string `json:"band_ink"`
	// HeaderFill is the row header column's tint; RowLine the rows'
	// outline; CellLine the border of a cell with no rating; TextCellLine
	// the border of a text cell (evidence, pains, quotes…).
	HeaderFill   string `json:"header_fill"`
	RowLine      string `json:"row_line"`
	CellLine     string `json:"cell_line"`
	TextCellLine string `json:"text_cell_line"`
	// Zones are the row tints by row kind (RowEvidence, RowFrontstage…).
	Zones map[RowKind]string `json:"zones"`
	// Ratings are the colours of each rating by name ("green", "yellow",
	// "red", and "" for not rated): Fill is the badge behind the rating
	// word, Ink the word (theme.InkFor), Border and Tint the rated cell's.
	Ratings map[string]RatingColors `json:"ratings"`
	// Critical and CriticalInk are the "Critical" mark's fill and word.
	Critical    string `json:"critical"`
	CriticalInk string `json:"critical_ink"`
	// TagFill and TagInk are the persona tags'.
	TagFill string `json:"tag_fill"`
	TagInk  string `json:"tag_ink"`
	// Flow, Back and Link are the arrows' colours (customer flow, loops,
	// links to what serves a step); Line the interaction and internal
	// lines (the visibility line is Text); Curve the emotion curve;
	// ZeroLine emotion 0; Halo the outline of emotion points.
	Flow     string `json:"flow"`
	Back     string `json:"back"`
	Link     string `json:"link"`
	Line     string `json:"line"`
	Curve    string `json:"curve"`
	ZeroLine string `json:"zero_line"`
	Halo     string `json:"halo"`
	// Font is the font family every text is named with (SVG font-family,
	// DOT fontname): "Arial" by default, else the theme font's family
	// name. FontRegular and FontBold are the theme's font files ("" for
	// the built-in Liberation Sans, which has Arial's widths): the text
	// was measured with them, and PNG and PDF draw with them.
	Font        string `json:"font"`
	FontRegular string `json:"font_regular,omitempty"`
	FontBold    string `json:"font_bold,omitempty"`
	// Logo is the theme's logo file (PNG or SVG), drawn at the right of
	// the title block; "" for none.
	Logo string `json:"logo,omitempty"`
	// Footer is the theme's footer and classification label, one line
	// under the legend ("" for none): Grid.Footer places it.
	Footer string `json:"footer,omitempty"`
}

// RatingColors are one rating's colours.
type RatingColors struct {
	Fill   string `json:"fill"`
	Ink    string `json:"ink"`
	Border string `json:"border"`
	Tint   string `json:"tint"`
}

// Rating is r's colours ("" and unknown ratings: not rated).
func (b *Brand) Rating(r string) RatingColors {
	if c, ok := b.Ratings[r]; ok {
		return c
	}
	return b.Ratings[""]
}

// Zone is the tint of a row of kind k (Background when it has none).
func (b *Brand) Zone(k RowKind) string {
	if c, ok := b.Zones[k]; ok {
		return c
	}
	return b.Background
}

// EmotionColor colours an emotion point like the ratings: green above
// zero, red below, yellow at zero.
func (b *Brand) EmotionColor(v int) string {
	switch {
	case v > 0:
		return b.Rating("green").Fill
	case v < 0:
		return b.Rating("red").Fill
	}
	return b.Rating("yellow").Fill
}

// DefaultBrand is cxmap's own look: the colours every picture had before
// themes existed.
func DefaultBrand() Brand {
	return Brand{
		Text:         "#1F2937",
		Muted:        "#5B6675",
		Background:   "#FFFFFF",
		Primary:      "#1F3A5F",
		Accent:       "#2C5282",
		Bands:        [2]string{"#1F3A5F", "#2C5282"},
		BandInk:      [2]string{"#FFFFFF", "#FFFFFF"},
		HeaderFill:   "#E9EDF2",
		RowLine:      "#D5DBE3",
		CellLine:     "#B8C2CE",
		TextCellLine: "#D5D9DE",
		Zones: map[RowKind]string{
			RowEmotion:    "#FFFFFF",
			RowEvidence:   "#F7F7F5",
			RowCustomer:   "#FFFFFF",
			RowFrontstage: "#EEF3F9",
			RowBackstage:  "#F3F1F7",
			RowSupport:    "#F5F5F5",
			// The optional rows: time like the customer side, the insight
			// rows in quiet tints of their own.
			RowTime:          "#FFFFFF",
			RowPains:         "#FBF3F3",
			RowQuotes:        "#F7F7F5",
			RowOpportunities: "#F0F7F2",
			RowMetrics:       "#F1F4F9",
		},
		// Rating colours stay apart for colour-blind readers (each also
		// carries a word). "Not rated": white on #5F6B7A is 5.43:1.
		Ratings: map[string]RatingColors{
			"green":  {"#2F855A", "#FFFFFF", "#68A982", "#F0F8F3"},
			"yellow": {"#D69E2E", "#1A1300", "#D9AE4E", "#FFF8E6"},
			"red":    {"#C53030", "#FFFFFF", "#D66A6A", "#FDF0F0"},
			"":       {"#5F6B7A", "#FFFFFF", "#B8C2CE", "#FFFFFF"},
		},
		Critical:    "#1A202C",
		CriticalInk: "#FFFFFF",
		// Persona tags: dark text on a light slate tag (11.9:1).
		TagFill:  "#E2E8F0",
		TagInk:   "#1F2937",
		Flow:     "#2D3748",
		Back:     "#6B46C1",
		Link:     "#A0AEC0",
		Line:     "#4A5568",
		Curve:    "#2D3748",
		ZeroLine: "#A0AEC0",
		Halo:     "#FFFFFF",
		Font:     "Arial",
	}
}

// BrandFor resolves a theme into the colours of a picture. nil, and any
// colour equal to the default theme's, give DefaultBrand's colours, so a
// theme that changes only the primary colour changes only what is drawn
// in it.
func BrandFor(t *theme.Theme) Brand {
	b := DefaultBrand()
	if t == nil {
		return b
	}
	d := theme.Default().Colors
	c := t.Colors
	light := sameColor(c.Text, d.Text) && sameColor(c.Background, d.Background)
	if !light {
		// A new text or background: every tint, border and grey is made
		// again from them, so a dark theme has dark rows.
		b.retint(hexColor(orDefault(c.Text, d.Text)), hexColor(orDefault(c.Background, d.Background)))
	}
	b.recolorBands(t, light)
	b.recolorRatings(t)
	b.Logo = t.Logo
	var foot []string
	for _, s := range []string{t.Classification, t.Footer} {
		if s = strings.TrimSpace(s); s != "" {
			foot = append(foot, s)
		}
	}
	b.Footer = strings.Join(foot, " · ")
	b.FontRegular, b.FontBold = t.Font.Regular, t.Font.Bold
	if b.FontRegular != "" {
		// Read once per process; Build reports a font that cannot be read.
		if tm, err := textmetrics.Load(b.FontRegular, b.FontBold); err == nil {
			b.Font = tm.Family
		}
	}
	return b
}

// sameColor tells whether a theme's colour x is unset or the default y.
func sameColor(x, y string) bool { return x == "" || strings.EqualFold(x, y) }

// hexColor writes a colour as "#RRGGBB", or leaves it as it is when it is
// not one.
func hexColor(s string) string {
	if v, err := theme.ParseHex(s); err == nil {
		return v.Hex()
	}
	return s
}

// retint makes every tint, border and grey again from a new text and
// background colour.
func (b *Brand) retint(text, bg string) {
	b.Text, b.Background = text, bg
	b.Muted = readable(mix(text, bg, 0.72), bg, theme.AANormal)
	b.HeaderFill = mix(text, bg, 0.10)
	b.RowLine = mix(text, bg, 0.18)
	b.CellLine = mix(text, bg, 0.30)
	b.TextCellLine = mix(text, bg, 0.20)
	b.TagFill = mix(text, bg, 0.14)
	b.TagInk = text
	b.Flow, b.Curve = text, text
	b.Line = readable(mix(text, bg, 0.80), bg, theme.AALarge)
	b.Link = mix(text, bg, 0.45)
	b.ZeroLine = b.Link
	b.Halo = bg
	b.Back = readable(b.Back, bg, theme.AALarge)
	b.Critical, b.CriticalInk = text, bg
	for k := range b.Zones {
		b.Zones[k] = bg
	}
	b.Zones[RowEvidence] = mix(text, bg, 0.04)
	b.Zones[RowQuotes] = b.Zones[RowEvidence]
	b.Zones[RowSupport] = mix(text, bg, 0.05)
	for r, cr := range b.Ratings {
		cr.Tint = mix(cr.Fill, bg, 0.10)
		cr.Border = mix(cr.Fill, bg, 0.65)
		if r == "" {
			cr.Tint, cr.Border = bg, b.CellLine
		}
		b.Ratings[r] = cr
	}
}

// recolorBands takes the theme's primary and accent colours, and with them
// the stage bands and the lane tints when they (or the text and background:
// light false) differ from the default.
func (b *Brand) recolorBands(t *theme.Theme, light bool) {
	d, c := theme.Default().Colors, t.Colors
	primary, accent := hexColor(orDefault(c.Primary, d.Primary)), hexColor(orDefault(c.Accent, d.Accent))
	b.Primary, b.Accent = primary, accent
	if sameColor(c.Primary, d.Primary) && sameColor(c.Accent, d.Accent) && light {
		return
	}
	// The bands alternate the primary colour and the accent when the
	// accent is of the same family (a navy beside a blue); an accent
	// of another hue (amber) would read as a rating, so the second
	// band is then a shade of the primary.
	second := accent
	if hueDistance(primary, accent) > 45 {
		second = mix(primary, b.Background, 0.78)
	}
	b.Bands = [2]string{primary, second}
	// Words on the bands: the theme's ink for each (theme.InkFor).
	b.BandInk = [2]string{t.InkFor(primary), t.InkFor(second)}
	if !light {
		b.Zones[RowFrontstage] = mix(primary, b.Background, 0.10)
		b.Zones[RowBackstage] = mix(accent, b.Background, 0.08)
	} else {
		b.Zones[RowFrontstage] = mix(primary, b.Background, 0.08)
		b.Zones[RowBackstage] = mix(accent, b.Background, 0.06)
		b.HeaderFill = mix(primary, b.Background, 0.10)
	}
	b.Zones[RowMetrics] = b.Zones[RowFrontstage]
}

// recolorRatings takes each rating colour the theme changes from the
// default, with its ink, border and tint.
func (b *Brand) recolorRatings(t *theme.Theme) {
	d, c := theme.Default().Colors, t.Colors
	for r, given := range map[string]string{"green": c.Green, "yellow": c.Yellow, "red": c.Red, "": c.Unrated} {
		def := d.Ratings()[r]
		if sameColor(given, def) {
			continue
		}
		fill := hexColor(given)
		cr := RatingColors{Fill: fill, Ink: t.InkFor(fill), Border: mix(fill, b.Background, 0.65), Tint: mix(fill, b.Background, 0.08)}
		if r == "" {
			cr.Border, cr.Tint = b.CellLine, b.Background
		}
		b.Ratings[r] = cr
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// mix is a share of fore over back ("#RRGGBB"), as a tint of fore.
func mix(fore, back string, share float64) string {
	f, err1 := theme.ParseHex(fore)
	b, err2 := theme.ParseHex(back)
	if err1 != nil || err2 != nil {
		return fore
	}
	ch := func(x, y uint8) uint8 { return uint8(float64(x)*share + float64(y)*(1-share) + 0.5) }
	return theme.RGB{R: ch(f.R, b.R), G: ch(f.G, b.G), B: ch(f.B, b.B)}.Hex()
}

// readable is c, or the nearest colour of its hue that reaches min against
// bg.
func readable(c, bg string, min float64) string {
	fc, err1 := theme.ParseHex(c)
	bc, err2 := theme.ParseHex(bg)
	if err1 != nil || err2 != nil {
		return c
	}
	n, _ := theme.Nearest(fc, bc, min)
	return n.Hex()
}

// metrics measures text in the theme's font, or in Liberation Sans (Arial's
// widths) without one.
func (o Options) metrics() (*textmetrics.Metrics, error) {
	if o.Theme == nil || o.Theme.Font.Regular == "" {
		return textmetrics.Default(), nil
	}
	tm, err := textmetrics.Load(o.Theme.Font.Regular, o.Theme.Font.Bold)
	if err != nil {
		return nil, fmt.Errorf("theme %s: font: %w", o.Theme.Path, err)
	}
	return tm, nil
}

// criticalMark is the mark on a critical step in loc's language:
// CriticalMark in English.
func criticalMark(loc *locale.Locale) string { return "! " + loc.T("Critical") }

// legendLineLabel names each line in the legend (lower case, after a
// sample).
var legendLineLabel = map[LineKind]string{
	LineInteraction: "line of interaction",
	LineVisibility:  "line of visibility",
	LineInternal:    "line of internal interaction",
}

// Logo and footer sizes, in points.
const (
	LogoMaxH   = 44.0
	LogoMinH   = 24.0
	LogoMaxW   = 200.0
	LogoGap    = 16.0 // between the title and the logo
	FooterSize = 8.0
)

// placeBrand puts the theme's logo at the right of the title block (the
// picture widens when the title and the logo would not both fit) and its
// footer line under the legend. A picture with no title block (a slide's)
// gets no logo here: the slide has its own.
func (g *Grid) placeBrand() error {
	b := &g.Brand
	if b.Logo != "" && len(g.Title.Heading.Lines) > 0 {
		iw, ih, err := LogoSize(b.Logo)
		if err != nil {
			return err
		}
		h := min(max(g.Title.H, LogoMinH), LogoMaxH)
		w := h * iw / ih
		if w > LogoMaxW {
			w, h = LogoMaxW, LogoMaxW*ih/iw
		}
		need := Margin + max(widest(g.tm, g.Title.Heading), widest(g.tm, g.Title.Sub)) + LogoGap + w + Margin
		if need > g.Width {
			g.setWidth(rd(need))
		}
		g.Logo = Rect{X: rd(g.Width - Margin - w), Y: g.Title.Y, W: rd(w), H: rd(h)}
		g.Title.W = rd(g.Logo.X - LogoGap - Margin)
	}
	if b.Footer != "" {
		t := wrap(g.tm, b.Footer, g.Width-2*Margin, FooterSize, false, 2)
		y := g.Height - Margin + 4
		g.Footer = &Label{Rect: Rect{X: Margin, Y: rd(y), W: rd(g.Width - 2*Margin), H: rd(t.height())}, Text: t}
		g.Height = rd(y + t.height() + Margin)
	}
	return nil
}

// LogoSize is the size of a PNG or SVG logo (an SVG's width and height, or
// its viewBox), for its aspect ratio.
func LogoSize(path string) (w, h float64, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("theme logo: %w", err)
	}
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		c, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || c.Width == 0 || c.Height == 0 {
			return 0, 0, fmt.Errorf("theme logo %s: not a PNG cxmap can read", path)
		}
		return float64(c.Width), float64(c.Height), nil
	}
	var root struct {
		Width   string `xml:"width,attr"`
		Height  string `xml:"height,attr"`
		ViewBox string `xml:"viewBox,attr"`
	}
	if err := xml.Unmarshal(data, &root); err != nil {
		return 0, 0, fmt.Errorf("theme logo %s: not an SVG cxmap can read: %v", path, err)
	}
	num := func(s string) float64 {
		v, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
		return v
	}
	w, h = num(root.Width), num(root.Height)
	if f := strings.Fields(strings.ReplaceAll(root.ViewBox, ",", " ")); (w <= 0 || h <= 0) && len(f) == 4 {
		w, h = num(f[2]), num(f[3])
	}
	if w <= 0 || h <= 0 {
		return 0, 0, fmt.Errorf("theme logo %s: an SVG logo needs a width and height, or a viewBox", path)
	}
	return w, h, nil
}

// hueDistance is how far apart two colours' hues are, in degrees (0-180).
func hueDistance(x, y string) float64 {
	hue := func(s string) float64 {
		c, err := theme.ParseHex(s)
		if err != nil {
			return 0
		}
		r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
		mx, mn := max(r, g, b), min(r, g, b)
		d := mx - mn
		switch {
		case d == 0:
			return 0
		case mx == r:
			return 60 * math.Mod((g-b)/d+6, 6)
		case mx == g:
			return 60 * ((b-r)/d + 2)
		}
		return 60 * ((r-g)/d + 4)
	}
	d := math.Abs(hue(x) - hue(y))
	return min(d, 360-d)
}

// metricLine is MetricLine in loc's language and number format (nil:
// MetricLine itself, as before locales).
func metricLine(loc *locale.Locale, m journey.Metric) string {
	if loc == nil {
		return MetricLine(m)
	}
	if m.Current == nil && m.Target == nil {
		return m.Name
	}
	return m.Name + ": " + strings.ReplaceAll(loc.Progress(m), " · ", ", ")
}
