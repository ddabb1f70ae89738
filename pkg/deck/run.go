package deck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/cxmap/cxmap/pkg/worker"
)

// RunOptions say which decks `cxmap deck` writes and where. pkg/cli binds
// its flags to them; a worker process (pkg/worker) is given them as data.
type RunOptions struct {
	// Formats name the formats to write (entries of Formats), in order.
	Formats []string
	// Out is the directory the files are written to.
	Out       string
	Size      Size
	NoEmotion bool
	// Theme and Locale are the resolved --theme and --locale (nil: cxmap's
	// own look, English).
	Theme  *theme.Theme
	Locale *locale.Locale
	// Drivers are the driver rankings of --drivers, by journey id (a
	// slide after the metrics; none for a journey without one).
	Drivers map[string]*measure.DriverReport
	// Baseline is the journey --baseline names (nil: none), compared with
	// every future-state journey instead of its own `baseline:`. It is
	// loaded data; a worker loads it again from BaselineFile.
	Baseline     *journey.Journey
	BaselineFile string
	// Quiet leaves out the "wrote FILE" lines.
	Quiet bool
	// Stderr receives the messages; Getenv reads the environment (worker
	// settings).
	Stderr io.Writer
	Getenv func(string) string
	// LoadBaseline reads a journey's own `baseline:` file: the journey,
	// whether it is valid (its findings already printed) and an error that
	// stops its deck. Needed when a future state names a baseline.
	LoadBaseline func(path string) (*journey.Journey, bool, error)
	// RunWorker runs one worker process's job (nil: this executable,
	// worker.Process). Tests pass their own.
	RunWorker worker.Runner

	// bases are the baselines read in this run, by clean path: a baseline
	// named by many journeys is read once (issue 17, item 13).
	bases map[string]deckBase
}

// deckBase is one baseline as LoadBaseline read it.
type deckBase struct {
	j   *journey.Journey
	ok  bool
	err error
}

// ErrNotWritten says a deck could not be made or written; the messages,
// one per journey, are on RunOptions.Stderr. The other decks were written.
var ErrNotWritten = errors.New("some decks were not written")

// msPerBox is the CPU time, in ms per box or arrow (render's measure), of
// a deck in each format: the page fitting, Graphviz, and the PDF's vectors
// or the PPTX's pictures. Measured on generated journeys from 10x20 to
// 100x60 steps x lanes (docs/deck.md, "Bound"); a deck is refused up front
// when its formats together pass render.MaxWork, as render refuses a
// picture.
var msPerBox = map[string]float64{"pdf": 1.1, "pptx": 1.6}

// checkCost refuses a journey too large for a deck in bounded time and
// memory, with render's numbers and advice.
func (o *RunOptions) checkCost(j *journey.Journey) error {
	ro := &render.Options{}
	for _, f := range o.Formats {
		ms := msPerBox[f]
		ro.Formats = append(ro.Formats, render.Format{Meta: registry.Meta{Name: f}, Work: func(*render.Options) float64 { return ms }})
	}
	return render.CheckCost(j, ro)
}

// Run writes the deck of each journey (valid, as inputs.LoadValid gives
// them) in every format of o: <id>.<ext> in o.Out, each journey's files
// all or none. A large batch is shared out to worker processes
// (workers.go). A journey that cannot be decked is named on o.Stderr and
// the others are still written; Run then returns ErrNotWritten. It stops
// between journeys when ctx is done, with ctx's error.
func Run(ctx context.Context, journeys []*journey.Journey, o RunOptions) error {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	failed := false
	var todo []*journey.Journey
	for _, j := range journeys {
		if err := o.checkCost(j); err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: %s: %v; nothing written for this journey\n", j.Path, err)
			failed = true
			continue
		}
		todo = append(todo, j)
	}
	if len(todo) > 0 {
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return err
		}
	}
	if batches := o.batches(todo); batches != nil {
		// A worker reports its own failures; a journey it loads is valid
		// here, so any worker failure is an I/O or drawing error.
		failed = o.runWorkers(ctx, batches) || failed
		todo = nil
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	for _, j := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := o.write(j); err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: %s: %v\n", j.Path, err)
			failed = true
		}
	}
	if failed {
		return ErrNotWritten
	}
	return nil
}

// baseline reads a journey's own baseline once per run.
func (o *RunOptions) baseline(path string) (*journey.Journey, bool, error) {
	key := filepath.Clean(path)
	if b, seen := o.bases[key]; seen {
		return b.j, b.ok, b.err
	}
	if o.LoadBaseline == nil {
		return nil, false, fmt.Errorf("internal: no RunOptions.LoadBaseline to read it")
	}
	j, ok, err := o.LoadBaseline(path)
	if o.bases == nil {
		o.bases = map[string]deckBase{}
	}
	o.bases[key] = deckBase{j, ok, err}
	return j, ok, err
}

// write builds one journey's deck and writes it in every format; every
// format is made before any file is written.
func (o *RunOptions) write(j *journey.Journey) error {
	opts := Options{Size: o.Size, NoEmotion: o.NoEmotion, Drivers: o.Drivers[j.ID], Theme: o.Theme, Locale: o.Locale}
	// The baseline compares a future state with the current one: --baseline
	// when given, else the journey's own `baseline:` (a path relative to
	// the journey file, opened as `cxmap diff FUTURE` opens it).
	base := o.Baseline
	if base == nil && j.State == journey.Future && j.BaselinePath() != "" {
		b, ok, err := o.baseline(j.BaselinePath())
		if err != nil {
			return fmt.Errorf("baseline %s: %v; nothing written for this journey", j.BaselinePath(), err)
		}
		if !ok {
			return fmt.Errorf("baseline %s is invalid (see above); nothing written for this journey", j.BaselinePath())
		}
		base = b
	}
	switch {
	case base != nil && j.State == journey.Future:
		opts.Baseline = base
	case base != nil:
		fmt.Fprintf(o.Stderr, "%s: note: --baseline is compared only with future-state journeys; this one is %s\n", j.Path, j.State)
	}
	d, err := Build(j, opts)
	if err != nil {
		return err
	}
	bufs := make([]bytes.Buffer, len(o.Formats))
	for i, name := range o.Formats {
		f, err := Formats.Lookup(name)
		if err != nil {
			return err
		}
		if err := f.Write(&bufs[i], d); err != nil {
			return fmt.Errorf("writing %s: %w; nothing written for this journey", name, err)
		}
		if name == "pptx" {
			for _, w := range d.FontWarnings() {
				fmt.Fprintf(o.Stderr, "%s: warning: %s\n", j.Path, w)
			}
		}
	}
	for i, name := range o.Formats {
		f, _ := Formats.Get(name)
		path := filepath.Join(o.Out, j.ID+"."+f.Ext)
		if err := fsutil.WriteFileAtomic(path, bufs[i].Bytes(), 0o644); err != nil {
			return err
		}
		if !o.Quiet {
			fmt.Fprintf(o.Stderr, "wrote %s (%s)\n", path, textsafe.Plural(len(d.Slides), "slide", "slides"))
		}
	}
	return nil
}
