// Package deck turns a journey into a slide deck: a title slide, an
// overview strip, blueprint pages that stay readable on a projected slide,
// where it hurts, the backlog by owner, metrics against target and, for a
// future state with a baseline, what improves and what regresses.
//
// Build makes a Deck: slides of positioned shapes in logical pixels
// (1080 tall; 1920, 1440 or 1528 wide by Size), pictures included as
// Graphviz json. The writers (PDF, PPTX) only place what Build decided, so
// both formats show the same slides. See docs/deck.md.
package deck

import (
	"fmt"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
)

// Size is a slide shape.
type Size struct {
	Name string
	// W and H are logical pixels; H is always 1080.
	W, H float64
	// PDFW and PDFH are the PDF page in points.
	PDFW, PDFH float64
}

// Sizes are the slide shapes --size accepts.
var Sizes = map[string]Size{
	"16:9": {"16:9", 1920, 1080, 960, 540},
	"4:3":  {"4:3", 1440, 1080, 720, 540},
	"a4":   {"a4", 1528, 1080, 841.89, 595.28},
}

// MinBodyPx is the smallest height body text (9 pt in the blueprint) may
// have on a slide, in logical pixels of a 1080-pixel-tall slide.
const MinBodyPx = 14.0

// Options choose what Build makes.
type Options struct {
	Size Size
	// Baseline is the journey a future state is compared with (nil: none).
	Baseline *journey.Journey
	// NoEmotion leaves the emotion row out of the blueprint pages.
	NoEmotion bool
	// Date is printed on the title slide when the journey has no updated
	// date (zero: none); it never comes from the clock, so output is stable.
	Date time.Time
	// Drivers ranks the journey's steps by how they drive its score
	// (cxmap deck --drivers DATA): a slide after the metrics; nil: none.
	Drivers *measure.DriverReport
	// Theme is the client's brand: colours, font, logo, footer,
	// classification label and date pattern (nil: cxmap's own look, the
	// deck as it always was).
	Theme *theme.Theme
	// Locale is the language of every fixed word, number and date (nil:
	// English, written as decks always were).
	Locale *locale.Locale
	// DrawGrid draws a blueprint page (nil: render.GraphvizPageJSON,
	// Graphviz). A test may stand in for it; it is not data, and a worker
	// always uses the default.
	DrawGrid func(*layout.Grid) ([]byte, error) `json:"-"`
}

// Deck is one journey's slides.
type Deck struct {
	Title   string
	Author  string
	Subject string
	Size    Size
	// Date is the document date (PDF creation, PPTX core properties): the
	// journey's `updated`, else Options.Date; zero means 2000-01-01.
	Date   time.Time
	Slides []Slide
	// Pages are the blueprint pages, as Pages made them.
	Pages []Page
	// pal is the palette the slides were drawn with (the writers draw
	// borders, slide numbers and the background in it).
	pal palette
	// font is the theme's font (nil: Liberation Sans); themed says the
	// deck has a theme (the PPTX's theme, master and layouts carry it).
	font   *brandFont
	themed bool
	// Chrome is the theme's strip at the foot of every slide (logo,
	// footer, classification label): the PDF draws it on every page, the
	// PPTX on the slide master, so slides added in PowerPoint have it.
	Chrome []Shape
	// ThemeName names the theme (the PPTX's theme part).
	ThemeName string
	// Lang is the BCP 47 tag of the deck's words ("": en-US); RTL says
	// they are written right to left (the PPTX aligns them right).
	Lang string
	RTL  bool
	loc  *locale.Locale
}

// Slide is a list of shapes drawn in order, and speaker notes.
type Slide struct {
	// Kind names the slide: title, overview, blueprint, hurts, backlog,
	// metrics, compare.
	Kind   string
	Title  string
	Shapes []Shape
	Notes  string
}

// Rect is a box in logical pixels, top-left origin.
type Rect struct{ X, Y, W, H float64 }

// ShapeKind says what a shape is.
type ShapeKind int

// Shape kinds.
const (
	// ShapeText is lines of text in Rect (no fill unless Fill is set).
	ShapeText ShapeKind = iota
	// ShapeTable is Table in Rect.
	ShapeTable
	// ShapePicture is a blueprint picture in Rect.
	ShapePicture
	// ShapeLine is a straight line from (X, Y) to (X+W, Y+H) in colour
	// Line, LineW px wide (W or H may be negative).
	ShapeLine
	// ShapeImage is a theme's logo (Image) in Rect.
	ShapeImage
)

// Geometries of a text shape's box (Shape.Geom).
const (
	GeomRect    = ""
	GeomEllipse = "ellipse"
	GeomRound   = "roundRect"
)

// Shape is one thing on a slide. Text is wrapped by Build (Lines), so the
// PDF and the PPTX break lines at the same places.
type Shape struct {
	Kind ShapeKind
	Rect
	Fill  string // "#RRGGBB" or ""
	Line  string // border colour or ""
	Lines []string
	Size  float64 // text size in logical px
	Bold  bool
	Color string
	// Centre centres the lines horizontally and vertically.
	Centre bool
	// Geom is the box's shape: GeomRect, GeomEllipse or GeomRound.
	Geom string
	// LineW is a line's or border's width in px (0: 1.5 for borders, 3
	// for lines).
	LineW float64
	// Radius is a GeomRound box's corner radius in px (0: the default).
	Radius float64
	// InsetL and InsetT put the text in from the box's left and top;
	// LineH is the distance between its baselines (0: lineH(Size)).
	InsetL, InsetT, LineH float64
	// Dash is a line's pattern: "" solid, "dash" or "sysDot" (DrawingML's
	// names); Arrow ends it with an arrowhead.
	Dash    string
	Arrow   bool
	Table   *Table
	Picture *Picture
	Image   *Logo
	// FillAlpha is the fill's opacity when it is translucent (0: opaque):
	// a removed step's veil in a comparison picture (comparepics.go).
	FillAlpha float64
	// LTR marks a shape of a timeline or chart (the emotion curve, the
	// impact/effort grid): in a right-to-left deck it moves with the
	// slide's pictures as one block and is neither turned over nor
	// aligned right (mirror.go).
	LTR bool
}

// Table is rows of cells with column widths in logical px.
type Table struct {
	Cols []float64
	Rows []Row
	Size float64
}

// Row is one table row; its height fits its tallest cell.
type Row struct {
	H      float64
	Header bool
	Cells  []Cell
}

// Cell is one table cell.
type Cell struct {
	Lines []string
	Fill  string
	Color string
	Bold  bool
}

// Picture is a blueprint page drawn by Graphviz: its json output, its size
// in points and the logical px per point it is drawn at.
type Picture struct {
	GV    []byte
	W, H  float64
	Scale float64
	// Native is the same page as editable shapes, placed on the slide
	// (the PPTX draws these instead of a picture).
	Native []Shape
	// Brand is the theme's font the PDF draws the picture in (nil: the
	// default faces).
	Brand *raster.Brand
}

// Build makes the deck of a valid journey; in a right-to-left language
// the slides are mirrored (mirror.go).
func Build(j *journey.Journey, o Options) (*Deck, error) {
	d, err := build(j, o)
	if err == nil && d.RTL {
		mirror(d, d.Size.W)
	}
	return d, err
}

// build lays the deck out left to right.
func build(j *journey.Journey, o Options) (*Deck, error) {
	if o.Size.W == 0 {
		o.Size = Sizes["16:9"]
	}
	d := &Deck{Title: j.Title, Author: j.Owner, Size: o.Size, Date: j.Updated}
	// The document date is the latest `updated` of the journeys shown.
	if b := o.Baseline; b != nil && b.Updated.After(d.Date) {
		d.Date = b.Updated
	}
	if d.Date.IsZero() {
		d.Date = o.Date
	}
	br := newBuilder(o)
	if err := br.load(); err != nil {
		return nil, err
	}
	d.pal, d.font, d.themed = br.palette, br.font, o.Theme != nil
	d.Subject = br.subject(j)
	// With a theme's footer, label or logo, every slide keeps a strip at
	// its foot for them: the slides are laid out on the rest.
	sz := o.Size
	sz.H -= br.chromeH()
	d.Slides = append(d.Slides, br.titleSlide(j, sz, o.Date))
	d.Slides = append(d.Slides, br.summarySlide(j, o.Baseline, sz))
	d.Slides = append(d.Slides, br.personaSlides(j, sz)...)
	d.Slides = append(d.Slides, br.emotionSlide(j, sz)...)
	d.Slides = append(d.Slides, br.overviewSlides(j, sz)...)
	d.Pages = pagesIn(j, sz, o.NoEmotion, br.look())
	for _, p := range d.Pages {
		if !readable(p) {
			return nil, unreadable(j, p)
		}
	}
	bp, err := br.blueprintSlides(j, sz, d.Pages, len(d.Slides)+1)
	if err != nil {
		return nil, err
	}
	d.Slides = append(d.Slides, bp...)
	d.Slides = append(d.Slides, br.hurtSlides(j, sz)...)
	d.Slides = append(d.Slides, br.impactSlide(j, sz)...)
	d.Slides = append(d.Slides, br.backlogSlides(j, o.Baseline, sz)...)
	d.Slides = append(d.Slides, br.kpiSlide(j, sz)...)
	d.Slides = append(d.Slides, br.metricSlides(j, sz)...)
	d.Slides = append(d.Slides, br.driversSlides(o.Drivers, sz)...)
	if o.Baseline != nil {
		d.Slides = append(d.Slides, br.compareSlides(o.Baseline, j, sz)...)
		pics, err := br.comparePictureSlides(o.Baseline, j, sz, len(d.Slides)+1)
		if err != nil {
			return nil, err
		}
		d.Slides = append(d.Slides, pics...)
	}
	d.Chrome = br.chrome(o.Size)
	d.ThemeName = br.th.Name
	if o.Locale != nil {
		d.Lang, d.RTL, d.loc = o.Locale.Tag.String(), o.Locale.RTL(), o.Locale
	}
	return d, nil
}

// date is the document date, never the clock.
func (d *Deck) date() time.Time {
	if d.Date.IsZero() {
		return raster.FixedDate
	}
	return d.Date.UTC()
}

func (br *builder) subject(j *journey.Journey) string {
	s := br.T(stateName(j) + " state journey map")
	if j.Client != "" {
		s = br.T("{x} for {y}", s, j.Client)
	}
	return s
}

func stateName(j *journey.Journey) string {
	s := j.State
	if s == "" {
		s = journey.Current
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// numbered titles the slides of a run that continues: "Title (2 of 3)".
func (br *builder) numbered(title string, i, n int) string {
	if n <= 1 {
		return title
	}
	return br.T("{x} ({y} of {z})", title, br.num(i+1), br.num(n))
}

// unreadable is the error for a page too tall for a slide even with one
// step on it: its text would be under MinTextPx (a step in 50 lanes draws
// 5 px text). The deck refuses it rather than draw what nobody can read.
func unreadable(j *journey.Journey, p Page) error {
	st, _ := j.Step(p.Steps[0])
	return fmt.Errorf("step %q (%d. %s) uses %d lanes: alone on a slide its blueprint page would draw text %.1f px tall (a deck needs at least %.0f px, body %.0f px); split its touchpoints and backstage across more steps, or draw it as a poster with cxmap render; nothing written for this journey",
		st.ID, st.Index+1, st.Action, len(p.Lanes), SmallestPt*p.Scale, MinTextPx, MinBodyPx)
}
