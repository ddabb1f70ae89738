package deck

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/report"
	"github.com/cxmap/cxmap/pkg/theme"
)

// palette is every colour a deck uses. Build picks it once from the theme
// (defaultPalette without one, the colours decks had before themes), and
// the writers draw with the deck's palette.
type palette struct {
	ink      string // body text
	muted    string // secondary text: footers, captions, axis labels
	bandFill string // title text, stage bands, table headers
	onBand   string // words on bandFill
	headFill string // light panels: persona cards, "no target" cells
	ruleLine string // table borders, grid lines
	bg       string // the slide's background; outlines that cut shapes apart
	critFill string // the ring of a critical step
	// rating is each rating's strong fill, the words on it, and its tint.
	rating map[string][3]string
	// quads are the impact/effort quadrants' fill and word colour: quick
	// wins, big bets, fill-ins, money pits.
	quads [4][2]string
	// status colours opportunities by status on the 2×2.
	status map[string]string
	// curves are the persona curves on the emotion slide.
	curves []string
}

var defaultPalette = palette{
	ink:      "#1F2937",
	muted:    "#5B6675",
	bandFill: "#1F3A5F",
	onBand:   "#FFFFFF",
	headFill: "#E9EDF2",
	ruleLine: "#B8C2CE",
	bg:       "#FFFFFF",
	critFill: "#1A202C",
	// rating: the pictures' own (defaultRatings).
	quads:  [4][2]string{{"#E6F4EA", "#22543D"}, {"#E9EDF2", "#1F2937"}, {"#F7F8FA", "#5B6675"}, {"#FDF0F0", "#742A2A"}},
	status: map[string]string{"": "#5F6B7A", "idea": "#5F6B7A", "planned": "#2B6CB0", "in-progress": "#D69E2E", "done": "#2F855A", "dropped": "#A0AEC0"},
	curves: []string{"#1F3A5F", "#7B3FA0", "#0F766E", "#B45309"},
}

// mix is a blended t of the way from a to b (0: a, 1: b).
func mix(a, b string, t float64) string {
	x, err1 := theme.ParseHex(a)
	y, err2 := theme.ParseHex(b)
	if err1 != nil || err2 != nil {
		return a
	}
	f := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*t + 0.5) }
	return theme.RGB{R: f(x.R, y.R), G: f(x.G, y.G), B: f(x.B, y.B)}.Hex()
}

// aaOn is fore, or the nearest colour of its hue that reaches AA
// contrast on back.
func aaOn(fore, back string) string {
	f, err1 := theme.ParseHex(fore)
	b, err2 := theme.ParseHex(back)
	if err1 != nil || err2 != nil {
		return fore
	}
	n, _ := theme.Nearest(f, b, theme.AANormal)
	return n.Hex()
}

// paletteFor derives a deck's colours from a theme. Without a theme, or
// with colours equal to the default theme's, it is defaultPalette, so the
// deck is byte for byte what it was. Otherwise: titles, bands and table
// headers in the primary colour with the theme's ink on them; panels and
// borders are the primary and text colours blended into the background;
// rating fills are the theme's, their words its InkFor, their tints the
// fill blended into the background. Every colour that carries words is
// kept at WCAG AA against what it sits on.
func paletteFor(t *theme.Theme) palette {
	if t == nil || t.Colors == theme.Default().Colors {
		p := defaultPalette
		p.rating = defaultRatings()
		return p
	}
	c := t.Colors
	p := palette{
		ink:      c.Text,
		bandFill: c.Primary,
		onBand:   t.InkFor(c.Primary),
		bg:       c.Background,
		critFill: c.Text,
	}
	p.headFill = mix(c.Background, c.Primary, 0.12)
	p.muted = aaOn(mix(c.Text, c.Background, 0.3), p.headFill)
	p.ruleLine = mix(c.Background, c.Text, 0.3)
	p.rating = map[string][3]string{}
	for r, fill := range c.Ratings() {
		tint := mix(c.Background, fill, 0.1)
		if r == "" {
			tint = c.Background
		}
		p.rating[r] = [3]string{fill, t.InkFor(fill), tint}
	}
	green, red := p.rating["green"], p.rating["red"]
	p.quads = [4][2]string{
		{green[2], aaOn(green[0], green[2])},
		{p.headFill, c.Text},
		{mix(c.Background, c.Text, 0.04), p.muted},
		{red[2], aaOn(red[0], red[2])},
	}
	p.status = map[string]string{"": c.Unrated, "idea": c.Unrated, "planned": c.Accent, "in-progress": c.Yellow, "done": c.Green, "dropped": mix(c.Unrated, c.Background, 0.5)}
	p.curves = []string{c.Primary, c.Accent, mix(c.Primary, c.Green, 0.5), mix(c.Accent, c.Red, 0.5)}
	return p
}

// defaultRatings are the rating colours of cxmap's own look, the
// pictures' (layout.DefaultBrand): fill, the words on it, tint.
func defaultRatings() map[string][3]string {
	out := map[string][3]string{}
	for r, c := range layout.DefaultBrand().Ratings {
		out[r] = [3]string{c.Fill, c.Ink, c.Tint}
	}
	return out
}

// style is a rating's strong fill, the text on it, and its tint.
func (p *palette) style(rating string) [3]string {
	if s, ok := p.rating[rating]; ok {
		return s
	}
	return p.rating[""]
}

// builder holds what every slide is drawn with: the palette, the words
// and numbers of the locale, and the theme's footer, label and date.
type builder struct {
	palette
	th   *theme.Theme
	loc  *locale.Locale
	font *brandFont // nil: Liberation Sans, measured by textmetrics
	logo *Logo      // nil: none
	// themed says a theme was given (th is then not the default).
	themed bool
	// drawGrid draws a blueprint page (Options.DrawGrid).
	drawGrid func(*layout.Grid) ([]byte, error)
}

func newBuilder(o Options) *builder {
	b := &builder{palette: paletteFor(o.Theme), th: o.Theme, loc: o.Locale, drawGrid: o.DrawGrid}
	if b.th == nil {
		b.th = theme.Default()
	} else {
		b.themed = true
	}
	return b
}

// load reads the theme's font and logo.
func (br *builder) load() error {
	var err error
	if br.font, err = loadFont(br.th.Font); err != nil {
		return err
	}
	if br.th.Logo != "" {
		if br.logo, err = loadLogo(br.th.Logo); err != nil {
			return err
		}
	}
	return nil
}

// T is a fixed word of the deck in the deck's language (English without a
// locale), {x}, {y}, {z} filled from args.
func (b *builder) T(id string, args ...any) string {
	return b.loc.T(id, args...)
}

// Duration is d in the deck's language ("2w 3d", "2 sem. 3 j").
func (b *builder) Duration(d time.Duration) string {
	return b.loc.Duration(d)
}

// N is a plural message for count n.
func (b *builder) N(id string, n int, args ...any) string {
	return b.loc.N(id, n, args...)
}

// rw is a rating's word in the deck's language.
func (b *builder) rw(rating string) string { return b.T(journey.RatingWord(rating)) }

// num writes a whole number: as Go does without a locale (as decks always
// did), grouped the locale's way with one.
func (b *builder) num(n int) string {
	if b.loc == nil {
		return strconv.Itoa(n)
	}
	return b.loc.Int(n)
}

// dec writes x with decimals places (fixed without a locale, "0.50";
// the locale's decimal sign with one).
func (b *builder) dec(x float64, decimals int) string {
	if b.loc == nil {
		return strconv.FormatFloat(x, 'f', decimals, 64)
	}
	return b.loc.Number(x, decimals)
}

// pct writes a share in percent ("35%"; "35 %" in French).
func (b *builder) pct(x float64) string {
	if b.loc == nil {
		return fmt.Sprintf("%g%%", x)
	}
	return b.loc.Percent(x, 1)
}

// date writes d in the theme's date pattern with the locale's month names.
func (b *builder) date(d time.Time) string {
	if b.loc == nil {
		return theme.FormatDate(b.th.Date, d, theme.English)
	}
	return b.loc.Date(d, b.th.Date)
}

// summaryText is report.SummaryText in the deck's language.
func (br *builder) summaryText(s report.Summary) string {
	if br.loc == nil {
		return report.SummaryText(s)
	}
	return strings.Join([]string{
		br.N("{n} steps", s.Steps),
		br.T("{x} red, {y} yellow, {z} green", br.num(s.Red), br.num(s.Yellow), br.num(s.Green)) + br.T(", ") + br.T("{x} unrated", br.num(s.Unrated)),
		br.T("{x} critical at risk", br.num(s.CriticalAtRisk)),
		br.T("metrics met {x}/{y}", br.num(s.MetricsMet), br.num(s.MetricsSet)),
		br.N("{n} opportunities", s.Opportunities) + " " + br.T("({x} without owner)", br.num(s.Unowned)),
	}, " · ")
}

// opportunityText is "idea (owner)" or "idea (no owner)".
func (br *builder) opportunityText(o report.Opportunity) string {
	if br.loc == nil {
		return report.OpportunityText(o)
	}
	who := o.Owner
	if who == "" {
		who = br.T("no owner")
	}
	return o.Idea + " (" + who + ")"
}

// metricText is "name: now … · target … · … to go".
func (br *builder) metricText(m report.MetricGap) string {
	if br.loc == nil {
		return report.MetricText(m)
	}
	return m.Name + ": " + br.progress(journey.Metric{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better})
}

// progress is journey.Metric.Progress in the deck's language.
func (br *builder) progress(m journey.Metric) string {
	return br.loc.Progress(m)
}

// value is journey.ValueText with the locale's numbers.
func (br *builder) value(v *float64, unit string) string {
	if br.loc == nil || v == nil {
		return journey.ValueText(v, unit, "?")
	}
	n := br.loc.Number(*v, 2)
	switch unit {
	case "":
		return n
	case "%":
		return br.loc.Percent(*v, 2)
	}
	return n + " " + unit
}

// headline is diff's headline in the deck's language.
func (br *builder) headline(d *diff.Diff) string {
	if br.loc == nil {
		return d.Headline()
	}
	var parts []string
	for _, c := range d.StepCounts() {
		if c.N > 0 || c.Class == diff.Improved || c.Class == diff.Regressed {
			parts = append(parts, br.loc.N("{n} "+c.Word, c.N))
		}
	}
	return br.loc.List(parts)
}

// timeText is diff.TimeText with its words and units in the deck's
// language.
func (br *builder) timeText(t *diff.TimeChange) string { return diff.TimeTextIn(t, br.loc) }

// statusText is an opportunity's status with what it was.
func (br *builder) statusText(r report.BacklogRow) string {
	if br.loc == nil {
		return r.StatusText()
	}
	s := br.T(r.Status)
	if r.Was != "" && r.Was != r.Status {
		if r.Status == "" {
			s = br.T("none")
		}
		s += " (" + br.T("was: {x}", br.T(r.Was)) + ")"
	}
	return s
}

// why is a step change's reasons in the deck's language.
func (br *builder) why(c *diff.StepChange) []string { return c.WhyIn(br.loc) }

// chromeH is the height of the strip at the foot of every slide that
// holds the theme's logo, footer and classification label (0 without).
func (br *builder) chromeH() float64 {
	if br.th.Footer == "" && br.th.Classification == "" && br.logo == nil {
		return 0
	}
	return chromeStrip
}

// chromeStrip is the height of the theme's strip at the foot of a slide.
const chromeStrip = 44.0

// footLine is the theme's classification label and footer, as one line.
func (br *builder) footLine() string {
	var parts []string
	// The label first, as the blueprint pictures write it.
	for _, s := range []string{br.th.Classification, br.th.Footer} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "  ·  ")
}

// chrome are the shapes of the theme's strip on a slide of size sz: a thin
// rule, the logo at the left, the footer and classification label beside
// it (the writers put the slide number at the right).
func (br *builder) chrome(sz Size) []Shape {
	h := br.chromeH()
	if h == 0 {
		return nil
	}
	top := sz.H - h
	out := []Shape{{Kind: ShapeLine, Rect: Rect{Margin, top + 2, sz.W - 2*Margin, 0}, Line: br.ruleLine, LineW: 1}}
	x := Margin
	if br.logo != nil {
		lh := 26.0
		lw := lh * float64(br.logo.W) / float64(br.logo.H)
		out = append(out, Shape{Kind: ShapeImage, Rect: Rect{x, top + (h-lh)/2 + 2, lw, lh}, Image: br.logo})
		x += lw + 16
	}
	if s := br.footLine(); s != "" {
		t := br.text(x, top+(h-lineH(SmallPx))/2+2, sz.W-Margin-80-x, s, SmallPx, false, br.muted, 1)
		out = append(out, t)
	}
	return out
}

// look is the theme and locale the blueprint pages are laid out in: the
// deck's (nil theme: the default look).
func (br *builder) look() look {
	lk := look{loc: br.loc}
	if br.themed {
		// The slide carries the logo, footer and label: the page has
		// the theme's colours and font only.
		th := *br.th
		th.Logo, th.Footer, th.Classification = "", "", ""
		lk.th = &th
	}
	return lk
}
