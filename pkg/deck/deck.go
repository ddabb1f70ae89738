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
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/measure"
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
	// FillAlpha is the fill's opacity when it is translucent (0: opaque):
	// a removed step's veil in a comparison picture (comparepics.go).
	FillAlpha float64
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
}

// Build makes the deck of a valid journey.
func Build(j *journey.Journey, o Options) (*Deck, error) {
	if o.Size.W == 0 {
		o.Size = Sizes["16:9"]
	}
	d := &Deck{Title: j.Title, Author: j.Owner, Size: o.Size, Subject: subject(j), Date: j.Updated}
	if d.Date.IsZero() {
		d.Date = o.Date
	}
	d.Slides = append(d.Slides, titleSlide(j, o.Size, o.Date))
	d.Slides = append(d.Slides, summarySlide(j, o.Baseline, o.Size))
	d.Slides = append(d.Slides, personaSlides(j, o.Size)...)
	d.Slides = append(d.Slides, emotionSlide(j, o.Size)...)
	d.Slides = append(d.Slides, overviewSlides(j, o.Size)...)
	d.Pages = Pages(j, o.Size, o.NoEmotion)
	bp, err := blueprintSlides(j, o.Size, d.Pages, len(d.Slides)+1)
	if err != nil {
		return nil, err
	}
	d.Slides = append(d.Slides, bp...)
	d.Slides = append(d.Slides, hurtSlides(j, o.Size)...)
	d.Slides = append(d.Slides, impactSlide(j, o.Size)...)
	d.Slides = append(d.Slides, backlogSlides(j, o.Baseline, o.Size)...)
	d.Slides = append(d.Slides, kpiSlide(j, o.Size)...)
	d.Slides = append(d.Slides, metricSlides(j, o.Size)...)
	d.Slides = append(d.Slides, driversSlides(o.Drivers, o.Size)...)
	if o.Baseline != nil {
		d.Slides = append(d.Slides, compareSlides(o.Baseline, j, o.Size)...)
		pics, err := comparePictureSlides(o.Baseline, j, o.Size, len(d.Slides)+1)
		if err != nil {
			return nil, err
		}
		d.Slides = append(d.Slides, pics...)
	}
	return d, nil
}

// date is the document date, never the clock.
func (d *Deck) date() time.Time {
	if d.Date.IsZero() {
		return fixedDate
	}
	return d.Date.UTC()
}

func subject(j *journey.Journey) string {
	parts := []string{stateName(j) + " state journey map"}
	if j.Client != "" {
		parts = append(parts, "for "+j.Client)
	}
	return strings.Join(parts, " ")
}

func stateName(j *journey.Journey) string {
	s := j.State
	if s == "" {
		s = journey.Current
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// numbered titles the slides of a run that continues: "Title (2 of 3)".
func numbered(title string, i, n int) string {
	if n <= 1 {
		return title
	}
	return fmt.Sprintf("%s (%d of %d)", title, i+1, n)
}
