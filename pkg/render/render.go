// Package render is the render stage of cxmap: it turns valid journeys into
// picture files. A journey becomes pages (the journey, or one per stage
// with --split stage); each page is laid out (pkg/render/layout), checked
// against every format's limits, drawn in every format asked for (the
// Formats registry) and the journey's files are committed together.
//
//	journey ─PagesOf─▶ pages ─layout.Build─▶ grids ─Check─▶ Write (per format) ─fsutil.Batch─▶ files
//
// pkg/cli only parses flags, loads the journeys and reports.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/cxmap/cxmap/pkg/worker"
)

// Options say what to draw and where.
type Options struct {
	Formats   []Format
	Out       string // directory, or "-" for standard output
	Split     string // "" or "stage"
	Scale     float64
	NoEmotion bool
	Title     string
	// Theme is the client's look (colours, font, logo, footer) and Locale
	// the language of the fixed words and numbers; nil for each is
	// cxmap's own look in English, the pictures byte for byte as before
	// themes existed.
	Theme  *theme.Theme
	Locale *locale.Locale
	// Rows are the optional rows to draw (layout.OptionalRows); none when
	// empty (the CLI passes layout.DefaultRows unless --rows is given).
	Rows []string
	// Quiet leaves out the "wrote FILE" lines; Verbose adds notes (stages
	// with no steps).
	Quiet, Verbose bool
	Stdout, Stderr io.Writer
	// Getenv reads the environment (worker settings).
	Getenv func(string) string
	// CheckOutput, when set, refuses a file to be written (an input of
	// the run, say); nothing is written when it refuses any.
	CheckOutput func(path string) error
	// RasterPNG and RasterPDF draw Graphviz's json output as PNG and PDF
	// (nil: pkg/render/raster; go-graphviz's own PNG is broken and its
	// WASM build has no PDF, docs/rendering.md). Tests pass their own.
	RasterPNG func(w io.Writer, gv []byte, scale float64) error
	RasterPDF func(w io.Writer, gv []byte) error
	// RunWorker runs one worker process's job (nil: this cxmap
	// executable, pkg/worker). Tests pass their own.
	RunWorker worker.Runner
}

// Result says how a run went; the messages are on Options.Stderr.
type Result struct {
	// Failed: a journey could not be drawn or written (exit 2).
	Failed bool
	// Invalid: a worker found an invalid journey (exit 1).
	Invalid bool
}

// UsageError is a request that cannot be met as given; nothing was written.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Run draws every page of the journeys in every format. journeys are valid
// and come from paths (the same order; for worker processes); stdin says
// one came from standard input. It stops between journeys (and worker
// shares) when ctx is done, with ctx's error; the journeys drawn by then
// are written whole.
func Run(ctx context.Context, journeys []*journey.Journey, paths []string, stdin bool, o *Options) (Result, error) {
	var res Result
	var pages []*Page
	var kept []string // paths of the journeys to draw
	for i, j := range journeys {
		if err := o.checkCost(j); err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: %s: %v; nothing written for this journey\n", j.Path, err)
			res.Failed = true
			continue
		}
		kept = append(kept, paths[i])
		ps, skipped := PagesOf(j, o.Split)
		if len(skipped) > 0 && o.Verbose {
			fmt.Fprintf(o.Stderr, "%s: stages with no steps get no page: %s\n", j.Path, strings.Join(skipped, ", "))
		}
		pages = append(pages, ps...)
	}
	if msgs := Collisions(pages, o.Out); len(msgs) > 0 {
		for _, m := range msgs {
			fmt.Fprintf(o.Stderr, "cxmap: %s\n", m)
		}
		return res, &UsageError{"nothing written: output files would overwrite each other"}
	}
	if o.Out != "-" && o.CheckOutput != nil {
		for _, p := range pages {
			for _, f := range o.Formats {
				if err := o.CheckOutput(filepath.Join(o.Out, p.Name+"."+f.Ext)); err != nil {
					return res, &UsageError{"nothing written: " + err.Error()}
				}
			}
		}
	}
	if o.Out == "-" && len(pages) > 1 {
		return res, &UsageError{fmt.Sprintf("-o - writes one picture, but there are %d (journeys or stages): give a directory", len(pages))}
	}
	if o.Out != "-" && len(pages) > 0 {
		fsutil.Watch()
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return res, &UsageError{err.Error()}
		}
	}
	if o.delegates(len(pages), stdin) {
		w := o.runWorkers(ctx, kept, len(pages)/len(kept))
		return Result{Failed: res.Failed || w.Failed, Invalid: w.Invalid}, ctx.Err()
	}
	for len(pages) > 0 {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		// One journey's pages at a time: all laid out and checked before
		// any is drawn, and all its files committed together.
		n := 1
		for n < len(pages) && pages[n].Journey == pages[0].Journey {
			n++
		}
		if err := o.drawJourney(pages[:n]); err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: %s: %v\n", pages[0].Journey.Path, err)
			res.Failed = true
		}
		pages = pages[n:]
	}
	return res, nil
}

// needsGrid says whether any format asked for draws from the layout.
func (o *Options) needsGrid() bool {
	for _, f := range o.Formats {
		if !f.FromJourney {
			return true
		}
	}
	return false
}

// drawJourney lays out a journey's pages, checks that each fits every
// format asked for, draws them, and writes all the files or none.
func (o *Options) drawJourney(pages []*Page) error {
	if o.needsGrid() {
		if err := o.layout(pages); err != nil {
			return err
		}
	}
	for _, p := range pages {
		for _, f := range o.Formats {
			if f.Check == nil || (f.FromJourney && p.Grid == nil) {
				continue
			}
			if err := f.Check(p, o); err != nil {
				err = fmt.Errorf("%w; %s", err, advice(p, o, f.Name))
				if p.Stage != "" {
					err = fmt.Errorf("stage %s: %w", p.Stage, err)
				}
				return fmt.Errorf("%w; nothing written for this journey", err)
			}
		}
	}
	for _, f := range o.Formats {
		if f.CheckAll == nil || (f.FromJourney && pages[0].Grid == nil) {
			continue
		}
		if err := f.CheckAll(pages, o); err != nil {
			return fmt.Errorf("%w; nothing written for this journey", err)
		}
	}
	if o.Out == "-" {
		var buf bytes.Buffer
		if err := o.Formats[0].Write(pages[0], o, &buf); err != nil {
			return fmt.Errorf("drawing %s: %w", o.Formats[0].Name, err)
		}
		_, err := o.Stdout.Write(buf.Bytes())
		return err
	}
	var batch fsutil.Batch
	for _, p := range pages {
		for _, f := range o.Formats {
			var buf bytes.Buffer
			if err := f.Write(p, o, &buf); err != nil {
				batch.Abort()
				return fmt.Errorf("drawing %s: %w; nothing written for this journey", f.Name, err)
			}
			path := filepath.Join(o.Out, p.Name+"."+f.Ext)
			if err := batch.Add(path, 0o644, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
				return fmt.Errorf("%w; nothing written for this journey", err)
			}
		}
		p.release()
	}
	written := batch.Paths()
	if err := batch.Commit(); err != nil {
		return err
	}
	if !o.Quiet {
		for _, path := range written {
			fmt.Fprintf(o.Stderr, "wrote %s\n", path)
		}
	}
	return nil
}

// layout builds the grids of one journey's pages.
func (o *Options) layout(pages []*Page) error {
	lo := layout.Options{NoEmotion: o.NoEmotion, Title: o.Title, Rows: o.Rows, Theme: o.Theme, Locale: o.Locale}
	if pages[0].Stage == "" {
		g, err := layout.Build(pages[0].Journey, lo)
		pages[0].Grid = g
		if err == nil {
			o.warnCuts(pages)
		}
		return err
	}
	var stages []string
	for _, p := range pages {
		stages = append(stages, p.Stage)
	}
	grids, err := layout.BuildStages(pages[0].Journey, lo, stages)
	if err != nil {
		return err
	}
	for i, p := range pages {
		p.Grid = grids[i]
	}
	o.warnCuts(pages)
	return nil
}

// warnCuts names each label the journey's pictures cut with an ellipsis
// or leave off, once per label (a lane name cut on every page of a split
// is named once), file:line:col first. -q leaves them out. They agree with
// the lint rule label-truncated for the rows it knows.
func (o *Options) warnCuts(pages []*Page) {
	if o.Quiet {
		return
	}
	seen := map[layout.Cut]bool{}
	var cuts []layout.Cut
	for _, p := range pages {
		for _, c := range p.Grid.Cuts {
			if c.File == "" {
				c.File = p.Journey.Path
			}
			if !seen[c] {
				seen[c] = true
				cuts = append(cuts, c)
			}
		}
	}
	sort.SliceStable(cuts, func(a, b int) bool {
		x, y := cuts[a], cuts[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		return x.Col < y.Col
	})
	for _, c := range cuts {
		fmt.Fprintf(o.Stderr, "%s:%d:%d: warning: %s; the SVG tooltip has the full text\n", c.File, c.Line, c.Col, c.Msg)
	}
}

// graphvizCalls counts Graphviz calls per page: one per distinct output
// (svg; json, shared by PNG and PDF).
func (o *Options) graphvizCalls() int {
	seen := map[string]bool{}
	for _, f := range o.Formats {
		if f.Graphviz != "" {
			seen[f.Graphviz] = true
		}
	}
	return len(seen)
}
