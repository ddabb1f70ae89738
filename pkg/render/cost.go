package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// MaxWork bounds the CPU time of drawing one journey in all the formats
// asked for, in milliseconds, estimated before any layout from its boxes
// and each format's Work. Graphviz and the PNG rasterizer grow with the
// picture (1,000 steps took 2 s and 225 MB for SVG alone, 57 s split into
// every format), and a picture that large cannot be read anyway, so a
// journey over the bound is refused up front, with its numbers and advice
// that works (--split stage would draw the same boxes, so it is never the
// advice).
const MaxWork = 8000

// boxes counts a journey's boxes and arrows: a column per step, a cell per
// touchpoint, backstage entry and evidence list, and the flow arrows.
func boxes(j *journey.Journey) (steps, n int) {
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			steps++
			n += 1 + len(s.Touchpoints) + len(s.Backstage) + max(1, len(s.Next))
			if len(s.Evidence) > 0 {
				n++
			}
		}
	}
	return steps, n
}

// work is the estimated CPU time in ms of drawing n boxes in every format.
func (o *Options) work(n int) float64 {
	ms := 0.0
	for _, f := range o.Formats {
		ms += float64(n) * f.Work(o)
	}
	if o.Split == "stage" {
		ms *= 1.5 // every page repeats the titles, rows and legend
	}
	return ms
}

// checkCost refuses a journey too large to draw in bounded time and memory.
func (o *Options) checkCost(j *journey.Journey) error {
	steps, n := boxes(j)
	ms := o.work(n)
	if ms <= MaxWork {
		return nil
	}
	var names []string
	for _, f := range o.Formats {
		names = append(names, f.Name)
	}
	var advice []string
	if len(o.Formats) > 1 {
		// The cheapest single format that fits, if any.
		best := ""
		for _, f := range o.Formats {
			one := *o
			one.Formats = []Format{f}
			if one.work(n) <= MaxWork && best == "" {
				best = f.Name
			}
		}
		if best != "" {
			advice = append(advice, "draw fewer formats at once (-f "+best+" fits)")
		}
	}
	parts := int(ms/MaxWork) + 1
	split := fmt.Sprintf("split it into %d or more journey files", parts)
	if len(j.Stages) > 1 {
		split += ", e.g. by stage"
	}
	advice = append(advice, split)
	return fmt.Errorf("too large to draw: %d steps make %d boxes and arrows, about %.0f s of work for %s (the limit is %.0f s per journey; a picture this large cannot be read); %s",
		steps, n, ms/1000, strings.Join(names, ","), float64(MaxWork)/1000, strings.Join(advice, ", or "))
}

// MaxPNGPixels bounds the pixels of one journey's PNG files (all pages):
// rasterizing and encoding cost about 28 ms of CPU per megapixel (300 steps
// split into 38 pages, 231 megapixels at scale 2, took 6.4 s), so 150
// megapixels stay near 4 s. One picture may have up to raster.MaxPixels.
const MaxPNGPixels = 150_000_000

// checkPixels refuses a journey whose PNG pages hold too many pixels in
// all, with the largest --scale that fits.
func checkPixels(pages []*Page, o *Options) error {
	total := 0.0
	for _, p := range pages {
		w, h := PNGSize(p.Grid, o.Scale)
		total += float64(w) * float64(h)
	}
	if total <= MaxPNGPixels {
		return nil
	}
	fit := o.Scale * math.Sqrt(MaxPNGPixels/total)
	fit = math.Floor(fit*10) / 10
	return fmt.Errorf("png: %d pages make %.0f megapixels at scale %g, over the limit of %d per journey; use --scale %g or lower, or -f svg (no size limit)",
		len(pages), total/1e6, o.Scale, MaxPNGPixels/1_000_000, fit)
}

// advice says what to do about a page too large for a format: split it by
// stage when that gives smaller pages, else a format or scale that fits.
func advice(p *Page, o *Options, format string) string {
	bySplit := o.Split == "" && len(p.Journey.Stages) > 1
	switch {
	case format == "png" && bySplit:
		return "use --split stage or a lower --scale"
	case format == "png":
		return "use a lower --scale, or -f svg (no size limit)"
	case bySplit:
		return "use --split stage, or -f svg or png"
	}
	return "use -f svg or png"
}

// CheckCost refuses j when drawing it in o.Formats (and o.Split) would
// take more than MaxWork, with the same numbers and advice as render. Other
// commands that draw a journey (deck) call it with their own formats, each
// Work measured for that command.
func CheckCost(j *journey.Journey, o *Options) error { return o.checkCost(j) }

// CheckWork is CheckCost for the formats named (see Formats), for commands
// that draw render's own picture (the site draws the SVG).
func CheckWork(j *journey.Journey, formats ...string) error {
	o := &Options{}
	for _, name := range formats {
		f, err := Formats.Lookup(name)
		if err != nil {
			return err
		}
		o.Formats = append(o.Formats, f)
	}
	return CheckCost(j, o)
}
