package cli

import (
	"bytes"
	"fmt"
	"github.com/cxmap/cxmap/internal/registry"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// deckMsPerBox is the CPU time, in ms per box or arrow (render's measure), of
// a deck in each format: the page fitting, Graphviz, and the PDF's vectors
// or the PPTX's pictures. Measured on generated journeys from 10x20 to
// 100x60 steps x lanes (docs/deck.md, "Bound"); a deck is refused up front
// when its formats together pass render.MaxWork, as render refuses a
// picture.
var deckMsPerBox = map[string]float64{"pdf": 1.1, "pptx": 1.6}

// checkDeckCost refuses a journey too large for a deck in bounded time
// and memory, with render's numbers and advice.
func (o *DeckOptions) checkDeckCost(j *journey.Journey) error {
	ro := &render.Options{}
	for _, f := range o.Formats {
		ms := deckMsPerBox[f]
		ro.Formats = append(ro.Formats, render.Format{Meta: registry.Meta{Name: f}, Work: func(*render.Options) float64 { return ms }})
	}
	return render.CheckCost(j, ro)
}

// DeckOptions are the flags of `cxmap deck`.
type DeckOptions struct {
	IO       *IOStreams
	Paths    []string
	Formats  []string
	Out      string
	Size     string
	Baseline string
	// NoEmotion leaves the emotion row out of the blueprint pages.
	NoEmotion bool
	// Verbose is -v, which naming the files now is by default (kept so
	// that scripts passing it still work).
	Verbose bool
	// Quiet leaves out the "wrote FILE" lines (-q).
	Quiet bool
	// ConfigPath is --config; the configuration's ignore globs apply.
	ConfigPath string
	// bases are the baselines read in this run, by clean path: a
	// baseline named by many journeys is read once (issue 17, item 13).
	bases map[string]deckBase
	// Drivers are survey data files: a "What drives the journey's score"
	// slide per journey they rank (pkg/cli/measure.go).
	Drivers []string
	drivers map[string]*measure.DriverReport
	// Theme and Locale are --theme FILE and --locale TAG as given ("":
	// .cxmap.yaml's theme: and locale:, else the default look, English);
	// they travel to workers as they are and are resolved there again.
	Theme  string
	Locale string
}

// deckBase is one baseline as loadVersion read it.
type deckBase struct {
	j   *journey.Journey
	ok  bool
	err error
}

// baseline reads the journey's own baseline once per run.
func (o *DeckOptions) baseline(path string) (*journey.Journey, bool, error) {
	key := filepath.Clean(path)
	if b, seen := o.bases[key]; seen {
		return b.j, b.ok, b.err
	}
	j, ok, err := loadVersion(o.IO, path)
	if o.bases == nil {
		o.bases = map[string]deckBase{}
	}
	o.bases[key] = deckBase{j, ok, err}
	return j, ok, err
}

// NewCmdDeck builds `cxmap deck PATH...`.
func NewCmdDeck(io *IOStreams, runF func(*DeckOptions) error) *cobra.Command {
	o := &DeckOptions{IO: io}
	var formats string
	var brand *brandFlags
	cmd := &cobra.Command{
		Use:   "deck PATH...",
		Short: "Write a slide deck per journey (" + strings.ToUpper(deck.Formats.List()) + ") with blueprint pages readable on a slide",
		Long: `Write one slide deck per journey: a title slide; an overview of every
step (rating colour and word, critical marked); the blueprint in pages of
consecutive steps, each page as many steps as keep body text at least 14 px
tall on a 1920x1080 slide and only the lanes those steps use, with flows
that leave a page named by the target step and its slide; where it hurts
(worst steps first, with pains and opportunities); the opportunity backlog
by owner; KPIs and metrics against target; and, for a future state, what
improves and what regresses against its baseline (the journey's own
` + "`baseline:`" + `, or --baseline, which overrides it).

Formats (-f, comma-separated):
` + registryHelp(deck.Formats) + `
PPTX has the step details in the speaker notes. Files are
<journey-id>.<format> in the -o directory, written atomically. A journey
that fails validation is reported as validate does and gets no deck.

--theme FILE puts the deck in the client's brand (colours, font embedded
in the PDF and named in the PPTX theme, logo on the title slide and in the
footer, footer text and classification label on every slide, date format;
the PPTX's slide master carries it, so slides added in PowerPoint match);
--locale TAG writes every fixed word, number and date in that language
(en, fr, de). Both can be set in .cxmap.yaml (theme:, locale:).

Exit status: 0 all written, 1 a journey is invalid, 2 usage or I/O error.`,
		Example: `  cxmap deck examples/ -f pdf,pptx -o decks/
  cxmap deck future.yaml --baseline current.yaml -f pptx -o decks/
  cxmap deck claim.yaml --size 4:3 -o decks/
  cxmap deck future.yaml --theme brand.yaml --locale fr -o decks/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.Formats = splitList(formats)
			o.Theme, o.Locale = brand.theme, brand.locale
			if runF != nil {
				return runF(o)
			}
			return deckRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&formats, "format", "f", deck.Formats.Join(","), "output formats, comma-separated: "+deck.Formats.List())
	completeNames(cmd, "format", deck.Formats, true)
	f.StringVarP(&o.Out, "output", "o", ".", "directory to write into")
	f.StringVar(&o.Size, "size", "16:9", "slide shape: 16:9, 4:3 or a4 (landscape)")
	f.StringVar(&o.Baseline, "baseline", "", "compare a future state with the journey in `FILE` (what improves, what regresses); overrides the journey's own baseline:")
	f.BoolVar(&o.NoEmotion, "no-emotion", false, "leave the emotion row out of the blueprint pages (more steps per page)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "do not name the files written")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "name the files written (the default; kept for scripts)")
	_ = f.MarkHidden("verbose")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration (ignore globs) from `FILE` instead of the nearest .cxmap.yaml")
	brand = bindBrand(cmd)
	f.StringArrayVar(&o.Drivers, "drivers", nil, "add a slide ranking the steps that drive each journey's score in survey data `DATA` (docs/measure.md)")
	return cmd
}

func (o *DeckOptions) check() error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap deck PATH... -f %s -o DIR", deck.Formats.Join(","))
	}
	if len(o.Formats) == 0 {
		return usageErr("no format given: -f takes %s", deck.Formats.List())
	}
	seen := map[string]bool{}
	for _, f := range o.Formats {
		if _, err := deck.Formats.Lookup(f); err != nil {
			return usageErr("%v", err)
		}
		if seen[f] {
			return usageErr("-f names %q twice", f)
		}
		seen[f] = true
	}
	if _, ok := deck.Sizes[o.Size]; !ok {
		names := make([]string, 0, len(deck.Sizes))
		for n := range deck.Sizes {
			names = append(names, n)
		}
		sort.Strings(names)
		return usageErr("--size %q is not one of %s", o.Size, strings.Join(names, ", "))
	}
	if o.Out == "" || o.Out == "-" {
		return usageErr("-o needs a directory: a deck is a binary file")
	}
	return nil
}

// deckRun loads the journeys and writes every deck in every format.
func deckRun(o *DeckOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	if len(o.Drivers) > 0 && o.drivers == nil { // a deck worker is given them (deck_workers.go)
		drivers, err := driversByJourney(o.IO, o.Drivers, o.Paths, o.ConfigPath)
		if err != nil {
			return err
		}
		o.drivers = drivers
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	th, loc, err := (&brandFlags{theme: o.Theme, locale: o.Locale}).resolve(cfg, o.IO)
	if err != nil {
		return err
	}
	var base *journey.Journey
	if o.Baseline != "" {
		rs := inputs.Load([]string{o.Baseline}, inputs.Options{})
		switch {
		case len(rs) != 1:
			return usageErr("--baseline %s: expected one journey file", o.Baseline)
		case rs[0].Err != nil:
			return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("--baseline: %v", rs[0].Err)}
		case rs[0].Journey == nil:
			printFindings(o.IO.ErrOut, rs[0].Findings)
			return &ExitError{Code: ExitFindings, Msg: "the --baseline journey is invalid; nothing written"}
		}
		base = rs[0].Journey
	}
	v := inputs.LoadValid(o.Paths, inputs.Options{Stdin: o.IO.In, Ignore: cfg.Ignore},
		inputs.Sift{Errors: o.IO.ErrOut, Findings: findingsTo(o.IO), UniqueIDs: "no deck, as its files would overwrite the other's"})
	failed, invalid := v.Failed, len(v.Invalid) > 0
	var todo []*journey.Journey
	for _, r := range v.Results {
		if err := o.checkDeckCost(r.Journey); err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %v; nothing written for this journey\n", r.Path, err)
			failed = true
			continue
		}
		todo = append(todo, r.Journey)
	}
	if len(todo) > 0 {
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	if batches := o.deckBatches(todo); batches != nil {
		// A worker reports its own failures; a journey it loads is valid
		// here, so any worker failure is an I/O or drawing error.
		failed = o.runDeckWorkers(batches) || failed
		todo = nil
	}
	for _, j := range todo {
		if err := o.write(j, base, th, loc); err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %v\n", j.Path, err)
			failed = true
		}
	}
	return writeExit(failed, invalid)
}

// write builds one journey's deck and writes it in every format; every
// format is made before any file is written.
func (o *DeckOptions) write(j *journey.Journey, base *journey.Journey, th *theme.Theme, loc *locale.Locale) error {
	opts := deck.Options{Size: deck.Sizes[o.Size], NoEmotion: o.NoEmotion, Drivers: o.drivers[j.ID], Theme: th, Locale: loc}
	// The baseline compares a future state with the current one: --baseline
	// when given, else the journey's own `baseline:` (a path relative to
	// the journey file, opened as `cxmap diff FUTURE` opens it).
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
		fmt.Fprintf(o.IO.ErrOut, "%s: note: --baseline is compared only with future-state journeys; this one is %s\n", j.Path, j.State)
	}
	d, err := deck.Build(j, opts)
	if err != nil {
		return err
	}
	bufs := make([]bytes.Buffer, len(o.Formats))
	for i, name := range o.Formats {
		f, _ := deck.Formats.Get(name) // checked in check
		if err := f.Write(&bufs[i], d); err != nil {
			return fmt.Errorf("writing %s: %w; nothing written for this journey", name, err)
		}
		if name == "pptx" {
			for _, w := range d.FontWarnings() {
				fmt.Fprintf(o.IO.ErrOut, "%s: warning: %s\n", j.Path, w)
			}
		}
	}
	for i, name := range o.Formats {
		f, _ := deck.Formats.Get(name)
		path := filepath.Join(o.Out, j.ID+"."+f.Ext)
		if err := fsutil.WriteFileAtomic(path, bufs[i].Bytes(), 0o644); err != nil {
			return err
		}
		if !o.Quiet {
			fmt.Fprintf(o.IO.ErrOut, "wrote %s (%s)\n", path, textsafe.Plural(len(d.Slides), "slide", "slides"))
		}
	}
	return nil
}
